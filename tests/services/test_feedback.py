"""The feedback channel: sending with a checked screenshot, who sees what,
answering, the unit summary export."""

import io

import pytest
from openpyxl import load_workbook

from xlvphc.services import feedback
from xlvphc.services.errors import PermissionDenied, ValidationFailed

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def _send(actor, text="Không in được biên bản", shot=None, category="bug"):
    return feedback.send(actor, {"category": category, "text": text}, shot)


def test_sender_sees_the_answer_and_others_do_not_see_the_report(people):
    a, b, sup = people["canbo.a"], people["canbo.b"], people["giamsat"]
    fid = _send(a, shot=PNG)
    _send(b, "Danh mục thiếu hành vi", category="data")

    mine = feedback.list_feedback(a)
    assert [r["id"] for r in mine["rows"]] == [fid] and not mine["manage"]
    assert mine["rows"][0]["status"] == "Mới gửi"
    assert mine["rows"][0]["has_screenshot"]
    assert feedback.list_feedback(sup)["total"] == 2

    feedback.answer(
        sup, fid, {"status": "answered", "answer": "Đã sửa, vui lòng tải lại trang."}
    )
    row = feedback.list_feedback(a)["rows"][0]
    assert row["status"] == "Đã trả lời"
    assert row["answer"] == "Đã sửa, vui lòng tải lại trang."
    assert feedback.list_feedback(sup, {"status": "new"})["total"] == 1


def test_screenshot_is_served_only_to_sender_and_supervisor(people):
    fid = _send(people["canbo.a"], shot=JPEG)
    name, data, mime = feedback.screenshot(people["canbo.a"], fid)
    assert data == JPEG and mime == "image/jpeg" and name.endswith(".jpg")
    assert feedback.screenshot(people["giamsat"], fid)[1] == JPEG
    with pytest.raises(PermissionDenied):
        feedback.screenshot(people["canbo.b"], fid)
    for bad in (None, "1", -1, 10**12, True):
        with pytest.raises(PermissionDenied):
            feedback.screenshot(people["giamsat"], bad)


@pytest.mark.parametrize(
    "shot",
    [
        b"MZ\x90\x00 renamed.exe as png",
        b"<svg onload=alert(1)>",
        b"GIF89a....",
        b"",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * (feedback.MAX_SCREENSHOT),
    ],
)
def test_bad_screenshots_are_refused(people, shot):
    with pytest.raises(ValidationFailed) as err:
        _send(people["canbo.a"], shot=shot)
    assert "screenshot" in err.value.errors
    assert feedback.list_feedback(people["giamsat"])["total"] == 0


@pytest.mark.parametrize(
    "data",
    [
        {"category": "bug", "text": ""},
        {"category": "nope", "text": "x"},
        {"category": "bug", "text": "x" * 4001},
        None,
    ],
)
def test_bad_forms_are_refused(people, data):
    with pytest.raises(ValidationFailed):
        feedback.send(people["canbo.a"], data)


def test_only_supervisors_answer(people):
    fid = _send(people["canbo.a"])
    with pytest.raises(PermissionDenied):
        feedback.answer(people["canbo.a"], fid, {"status": "closed"})
    with pytest.raises(ValidationFailed):
        feedback.answer(people["giamsat"], fid, {"status": "answered", "answer": ""})
    with pytest.raises(PermissionDenied):
        feedback.answer(people["giamsat"], 999_999, {"status": "closed"})


def test_unit_summary_export(people):
    _send(people["canbo.a"], '=HYPERLINK("http://x")')
    _send(people["canbo.b"], "Ý kiến của phường Bình Kiến")
    _, data = feedback.export_summary(people["canbo.a"])
    ws = load_workbook(io.BytesIO(data)).active
    texts = [ws.cell(r, 6).value for r in range(5, ws.max_row + 1)]
    assert texts == ['\'=HYPERLINK("http://x")']  # own unit only, defused
    _, data = feedback.export_summary(people["giamsat"])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.max_row - 4 == 2
