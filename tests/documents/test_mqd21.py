"""The decision extending a seizure (MQĐ21, Nghị định 118/2021 Phụ lục, Mẫu
quyết định số 21) prints its own number from the "QĐ-KDTG" series, cites
the seizure decision (MQĐ20) it extends, repeats that decision's period
(item 2, note (7)) and states the extension (item 4, note (9)), the reason
(note (8)) and who was told (note (10)); the print menu offers it filled
once the case has an extension, one row per extension, and blank before.
"""

from datetime import timedelta

import pytest
from pdf_probe import all_text, flat, has_poppler, page_texts, to_png
from sqlmodel import select

from tests.documents.test_form_details import TODAY, d, new_case, step
from tests.services.conftest import (  # noqa: F401 - fixtures
    people,
    ref,
)
from xlvphc.domain.calendar import add_working_days
from xlvphc.domain.dates import fmt_date
from xlvphc.models import SeizedItem
from xlvphc.services import printing
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, NotFound, PermissionDenied

REASON = "Cần giám định số khung, số máy của phương tiện"


def _item(case_id: int) -> int:
    with session_scope() as session:
        return session.exec(
            select(SeizedItem.id).where(SeizedItem.case_id == case_id)
        ).first()


def _pdf(actor, case_id: int, mode: str = "final", step_id: object = 0) -> bytes:
    return printing.print_form(actor, case_id, "MQĐ21", mode, step_id)[1]


def _rows(actor, case_id: int) -> list[dict]:
    return [r for r in printing.menu_forms(actor, case_id) if r["code"] == "MQĐ21"]


@pytest.fixture
def extended(people):  # noqa: F811 - fixture from the services conftest
    """A motorbike seized 2 days ago for 7 working days, then extended."""
    officer = people["canbo.a"]
    case_id = new_case(officer, days_ago=2)
    step(officer, case_id, "seize", description="Xe mô tô 47B1-123.45",
         quantity="01 chiếc", on=d(2), start_time="07:30", days="7",
         decider_name="Trần Văn Bình", decider_title="Chủ tịch")
    seized_on = TODAY - timedelta(days=2)
    end = add_working_days(seized_on, 7)
    new_end = add_working_days(end, 5)
    step(officer, case_id, "extend_seizure", item=str(_item(case_id)), on=d(0),
         new_end=fmt_date(new_end), extend_reason=REASON,
         notified="Ông Nguyễn Văn An, chủ phương tiện, thôn 3, xã Ea Kao",
         extender_name="Trần Văn Bình", extender_title="Chủ tịch")
    return officer, case_id, seized_on, end, new_end


def test_the_extension_prints_its_number_grounds_and_periods(extended):
    officer, case_id, seized_on, end, new_end = extended
    pdf = _pdf(officer, case_id)
    if has_poppler():
        to_png(pdf, "mqd21-filled")  # test-artifacts/, for a human look
    text = all_text(pdf)

    assert "Số: 01/QĐ-KDTG" in text
    assert "Kéo dài thời hạn tạm giữ tang vật, phương tiện vi phạm hành chính" in text
    # Note (3): the decider's title and agency; the decider signs.
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA Căn cứ Điều 125" in text
    assert "CHỦ TỊCH Trần Văn Bình" in text
    # The seizure decision it extends, cited with its date.
    assert f"Căn cứ Quyết định số: 01/QĐ-TG ngày {fmt_date(seized_on)} tạm giữ" in text
    assert "theo Quyết định số: 01/QĐ-TG đối với ông có tên sau đây" in text
    # Item 2: the seizure decision's own period (note (7)).
    assert (
        "theo Quyết định số: 01/QĐ-TG, có thời hạn tạm giữ là 07 ngày làm việc, "
        f"từ ngày {fmt_date(seized_on)} đến ngày {fmt_date(end)}" in text
    )
    assert f"3. Lý do kéo dài thời hạn tạm giữ: {REASON}" in text
    # Item 4: from the day after the old end to the new one, working days.
    assert (
        "4. Thời hạn kéo dài là: 05 ngày làm việc, từ ngày "
        f"{fmt_date(end + timedelta(days=1))} đến ngày {fmt_date(new_end)}" in text
    )
    assert (
        "5. Việc kéo dài thời hạn tạm giữ đã thông báo cho Ông Nguyễn Văn An, chủ "
        "phương tiện, thôn 3, xã Ea Kao" in text
    )
    assert "ngày/tháng" not in text and "{" not in text
    # The receipt on the back, for a decision handed over in person.
    back = flat(page_texts(pdf)[-1])
    assert "NGƯỜI NHẬN QUYẾT ĐỊNH" in back
    assert "bị kéo dài thời hạn áp dụng biện pháp ngăn chặn tạm giữ" in back


def test_the_print_menu_offers_each_extension_and_a_blank_before(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer, days_ago=1)
    # No seizure, no extension: a blank copy only, and no filled print.
    assert [(r["filled"], r["step"]) for r in _rows(officer, case_id)] == [(False, 0)]
    with pytest.raises(Conflict) as caught:
        _pdf(officer, case_id)
    assert "chưa có quyết định kéo dài thời hạn tạm giữ" in str(caught.value)
    blank = all_text(_pdf(officer, case_id, "blank"))
    assert "Số: /QĐ-KDTG" in blank and "THẨM QUYỀN BAN HÀNH" in blank
    assert "ngày/tháng, từ ngày" in blank and "đến ngày ……/……/………" in blank

    step(officer, case_id, "seize", description="Máy cưa xích", on=d(1), days="3",
         decider_name="Trần Văn Bình", decider_title="Chủ tịch")
    item = _item(case_id)
    end = add_working_days(TODAY - timedelta(days=1), 3)
    first, second = add_working_days(end, 2), add_working_days(end, 4)
    assert [r["filled"] for r in _rows(officer, case_id)] == [False]
    for new_end in (first, second):
        step(officer, case_id, "extend_seizure", item=str(item), on=d(0),
             new_end=fmt_date(new_end), extend_reason=REASON)

    rows = _rows(officer, case_id)
    assert [r["filled"] for r in rows] == [True, True]
    assert [r["note"] for r in rows] == [
        f"Số 02/QĐ-KDTG ngày {d(0)} – Máy cưa xích",
        f"Số 01/QĐ-KDTG ngày {d(0)} – Máy cưa xích",
    ]
    latest, earlier = rows[0]["step"], rows[1]["step"]
    # The first extension: its own number and periods.
    text = all_text(_pdf(officer, case_id, step_id=earlier))
    assert "Số: 01/QĐ-KDTG" in text
    assert (
        f"02 ngày làm việc, từ ngày {fmt_date(end + timedelta(days=1))} đến ngày "
        f"{fmt_date(first)}" in text
    )
    # The second (also the default) runs on from the first's end; item 2
    # still states the seizure decision's own period.
    for chosen in (latest, 0):
        text = all_text(_pdf(officer, case_id, step_id=chosen))
        assert "Số: 02/QĐ-KDTG" in text
        assert (
            f"02 ngày làm việc, từ ngày {fmt_date(first + timedelta(days=1))} "
            f"đến ngày {fmt_date(second)}" in text
        )
        assert f"là 03 ngày làm việc, từ ngày {d(1)} đến ngày {fmt_date(end)}" in text
    # No extender named and no sanction decision yet: the seizure's decider
    # issues and signs it (procedure/deciders.py), never a dotted title.
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA Căn cứ" in text
    assert "CHỦ TỊCH Trần Văn Bình" in text
    assert "CHỨC VỤ CỦA NGƯỜI KÝ" not in text and "THẨM QUYỀN BAN HÀNH" not in text


def test_another_unit_cannot_print_or_pick_it(extended, people):  # noqa: F811
    officer, case_id, *_ = extended
    other = people["canbo.b"]
    (row,) = _rows(officer, case_id)
    with pytest.raises((NotFound, PermissionDenied)):
        _pdf(other, case_id, step_id=row["step"])
    own = new_case(other)
    for bad in (row["step"], -1, "1 OR 1=1", True):
        with pytest.raises(Conflict):
            printing.print_form(other, own, "MQĐ21", "final", bad)
