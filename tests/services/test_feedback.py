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


def _dropped(path: str, *codes: str) -> list[dict]:
    """A record of the upload box's refusal, as the browser sends it."""
    return [{"file": {"path": path}, "errors": [{"code": c} for c in codes]}]


def test_a_refused_attachment_is_named_at_the_box():
    """The box takes a PNG or JPEG screenshot only (services/feedback.ACCEPTED);
    a dropped .xlsx is refused by the browser, and the box says so, with the
    file's name and what to do instead (user trial: it vanished silently)."""
    text = feedback.rejected_upload(_dropped("./so-theo-doi.xlsx", "file-invalid-type"))
    assert "«so-theo-doi.xlsx»" in text
    assert "PNG hoặc JPEG, tối đa 2 MB" in text and "Excel" in text
    big = feedback.rejected_upload(_dropped("anh.png", "file-too-large"))
    assert "lớn hơn 2 MB" in big and "Excel" not in big
    two = feedback.rejected_upload(_dropped("a.png", "too-many-files") * 2)
    assert two.startswith("Chỉ đính kèm được một tệp")
    for junk in (None, "x", [1], [{"file": "x", "errors": "y"}]):
        assert "PNG hoặc JPEG" in feedback.rejected_upload(junk)


def test_an_xlsx_sent_anyway_is_refused_with_the_accepted_types(people):
    """Past the browser (another client), the bytes decide: an .xlsx (a zip)
    is refused with the same words as at the box."""
    with pytest.raises(ValidationFailed) as err:
        _send(people["canbo.a"], shot=b"PK\x03\x04" + b"\x00" * 64)
    assert feedback.ACCEPTED in err.value.errors["screenshot"]
    assert "Excel" in err.value.errors["screenshot"]


def test_the_box_reports_refusals_and_states_the_accepted_types():
    from xlvphc.pages.feedback import _send_form

    def walk(component):
        yield component
        for child in getattr(component, "children", []):
            yield from walk(child)

    (box,) = [c for c in walk(_send_form()) if type(c).__name__ == "StyledUpload"]
    hooks = str(box._get_all_hooks())
    assert "attach_rejected" in hooks  # not Reflex's English toast
    assert str(feedback.MAX_SCREENSHOT) in hooks  # oversize refused in the box
    assert "Excel" in str(box.render().get("children"))


def test_refusal_in_the_browser_clears_the_attachment_and_names_the_box(people):
    from tests.security.conftest import new_state
    from tests.services.conftest import PASSWORD
    from xlvphc.services import auth
    from xlvphc.state.feedback import FeedbackState

    token = auth.login("canbo.a", PASSWORD).token
    _, state = new_state(FeedbackState, token)
    state._shot, state.attached = PNG, "Đã đính kèm ảnh PNG (1 KB)."
    handler = FeedbackState.event_handlers["attach_rejected"].fn
    handler(state, _dropped("bao-cao.xlsx", "file-invalid-type"))
    assert (state._shot, state.attached) == (b"", "")
    assert "«bao-cao.xlsx»" in state.errors["screenshot"]
