"""Kéo dài thời hạn tạm giữ (Law Art. 125 k8; Nghị định 118/2021, Mẫu quyết
định số 21): the step extends a held item's seizure to a new end, numbered
in the unit's "QĐ-KDTG" series; the case page, "Việc cần làm" and the
history follow it; each wrong date is refused at its field; another unit
cannot take it; it is offered only while something is held."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from tests.services.test_procedure import (  # noqa: F401  (fixtures)
    TODAY,
    TRAFFIC,
    case_row,
    d,
    decided_case,
    lead,
    new_case,
    step,
    version,
)
from xlvphc.domain.calendar import add_months, add_working_days, is_working_day
from xlvphc.domain.dates import fmt_date
from xlvphc.models import AuditEvent, SeizedItem
from xlvphc.services import case_queries
from xlvphc.services.db import session_scope
from xlvphc.services.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from xlvphc.services.procedure import allowed_steps, case_procedure
from xlvphc.services.procedure.details import case_details
from xlvphc.services.procedure.todo import todo_list

EXTEND = "extend_seizure"
REASON = "Cần giám định nguồn gốc phương tiện"


def item_of(case_id: int) -> int:
    with session_scope() as session:
        return session.exec(
            select(SeizedItem.id)
            .where(SeizedItem.case_id == case_id)
            .order_by(SeizedItem.id.desc())
        ).first()


def seized(officer, days_ago: int, days: str = "7", **extra) -> tuple[int, int]:
    """A case recorded `days_ago` days ago whose motorbike was seized that
    day for `days` working days: (case, item)."""
    case_id = new_case(officer, TRAFFIC, days_ago)
    # Who decides is named: nothing else tells it before a decision.
    decider = {"decider_title": "Trưởng Công an phường Tuy Hòa"} | extra
    step(officer, case_id, "seize", description="Xe mô tô 47B1-123.45",
         quantity="01 chiếc", on=d(days_ago), days=days, **decider)
    return case_id, item_of(case_id)


def offered(actor, case_id: int) -> dict:
    return {s["code"]: s for s in allowed_steps(actor, case_id)}


def extend(actor, case_id: int, item: int, **data) -> str:
    values = {"item": str(item), "on": d(0), "extend_reason": REASON} | data
    return step(actor, case_id, EXTEND, **values)


def refused(actor, case_id: int, item: object, **data) -> dict:
    """The errors of a refused extension; nothing written."""
    before = version(case_id)
    values = {"item": str(item), "on": d(0), "extend_reason": REASON} | data
    with pytest.raises(ValidationFailed) as caught:
        step(actor, case_id, EXTEND, **values)
    assert version(case_id) == before
    return caught.value.errors


def seizure_rows(actor, case_id: int) -> list[dict]:
    return [r for r in todo_list(actor, "seizure") if r["case_id"] == case_id]


def test_extension_moves_the_end_the_case_page_and_todo_show(people):
    officer = people["canbo.a"]
    # Seized 5 days ago for 1 working day: already at or near its end.
    case_id, item = seized(officer, 5, "1", decider_name="Trần Văn Bình",
                           decider_title="Trưởng Công an phường Tuy Hòa")
    first_end = add_working_days(TODAY - timedelta(days=5), 1)
    assert case_row(case_id).seizure_due == first_end
    assert [r["due"] for r in seizure_rows(officer, case_id)] == [fmt_date(first_end)]

    # The form: the held item with its decision and end, the decider of the
    # seizure suggested, the 02 months' ceiling in the hint.
    form = {f["name"]: f for f in offered(officer, case_id)[EXTEND]["fields"]}
    assert form["item"]["options"] == [
        {
            "id": str(item),
            "name": "Xe mô tô 47B1-123.45 (01 chiếc) – QĐ số 01/QĐ-TG, tạm giữ "
            f"đến ngày {fmt_date(first_end)}",
        }
    ]
    assert form["extender_name"]["default"] == "Trần Văn Bình"
    assert form["extender_title"]["default"] == "Trưởng Công an phường Tuy Hòa"
    ceiling = add_months(TODAY - timedelta(days=5), 2)
    assert f"chậm nhất là ngày {fmt_date(ceiling)}" in form["new_end"]["hint"]
    assert form["new_end"]["default"] == "" and form["extend_reason"]["required"]

    new_end = add_working_days(max(first_end, TODAY), 1)
    summary = extend(officer, case_id, item, on=d(5), new_end=fmt_date(new_end),
                     notified="Ông Nguyễn Văn An – chủ phương tiện",
                     extender_name="Trần Văn Bình",
                     extender_title="Trưởng Công an phường Tuy Hòa")
    assert summary == (
        "Kéo dài thời hạn tạm giữ tang vật, phương tiện: Xe mô tô 47B1-123.45 "
        f"đến ngày {fmt_date(new_end)} (Quyết định số 01/QĐ-KDTG; trước đó tạm "
        f"giữ đến ngày {fmt_date(first_end)}): {REASON}"
    )

    # The case row ("Việc cần làm"), the case page and the history follow.
    assert case_row(case_id).seizure_due == new_end
    rows = seizure_rows(officer, case_id)
    assert [r["due"] for r in rows] == [fmt_date(new_end)]
    assert rows[0]["label"].startswith("Hết thời hạn tạm giữ tang vật")
    (shown,) = case_procedure(officer, case_id)["items"]
    assert shown["until"] == f"{fmt_date(new_end)} (đã kéo dài)"
    timeline = case_queries.get_case(officer, case_id)["timeline"]
    assert timeline[-1]["summary"] == summary
    details = case_details(officer, case_id)[0]
    assert details["title"] == "Kéo dài thời hạn tạm giữ tang vật, phương tiện"
    printed = {r["label"]: r["value"] for r in details["rows"]}
    assert printed["Số quyết định"] == "01/QĐ-KDTG"
    assert printed["Kéo dài đến ngày"] == fmt_date(new_end)
    assert printed["Lý do kéo dài thời hạn tạm giữ"] == REASON
    with session_scope() as session:
        audited = session.exec(
            select(AuditEvent.action).where(AuditEvent.entity_id == case_id)
        ).all()
    assert "procedure.extend_seizure" in audited

    # A second extension continues from the first's end, with the next number.
    later = add_working_days(new_end, 2)
    assert "số 02/QĐ-KDTG" in extend(officer, case_id, item, new_end=fmt_date(later))
    assert case_row(case_id).seizure_due == later
    # Its own refusal compares with the extended end, not the seizure's.
    errors = refused(officer, case_id, item, new_end=fmt_date(later))
    assert errors == {
        "new_end": "Ngày kết thúc mới phải sau ngày kết thúc hiện tại của thời "
        f"hạn tạm giữ ({fmt_date(later)})."
    }

    # Returned: nothing held, nothing to extend, nothing to do.
    step(officer, case_id, "return_item", item=str(item), on=d(0))
    assert case_row(case_id).seizure_due is None
    assert not seizure_rows(officer, case_id)
    assert EXTEND not in offered(officer, case_id)
    with pytest.raises(Conflict) as caught:
        extend(officer, case_id, item, new_end=fmt_date(later + timedelta(days=3)))
    assert "Không có tang vật đang tạm giữ" in str(caught.value)


def test_a_case_without_a_seizure_is_not_offered_the_step(people):
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC)
    assert EXTEND not in offered(officer, case_id)
    with pytest.raises(Conflict):
        extend(officer, case_id, 1, new_end=d(-3))


def test_the_signer_of_the_decision_is_suggested_without_a_decider(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, TRAFFIC, 1)
    step(officer, case_id, "seize", description="Xe đạp", on=d(1), days="7")
    form = {f["name"]: f for f in offered(officer, case_id)[EXTEND]["fields"]}
    # decision_form(): the sanction decision's signer and title.
    assert form["extender_name"]["default"] == "Phạm Văn Dũng"
    assert form["extender_title"]["default"] == (
        "Chủ tịch Ủy ban nhân dân phường Tuy Hòa"
    )


def test_each_wrong_value_is_refused_at_its_field(people):
    officer = people["canbo.a"]
    case_id, item = seized(officer, 3, "7")
    end = add_working_days(TODAY - timedelta(days=3), 7)
    ceiling = add_months(TODAY - timedelta(days=3), 2)
    later = fmt_date(add_working_days(end, 3))

    # Before the seizure decision, or in the future.
    assert refused(officer, case_id, item, on=d(4), new_end=later) == {
        "on": "Ngày quyết định kéo dài không thể trước ngày quyết định tạm giữ "
        f"số 01/QĐ-TG ({d(3)})."
    }
    assert refused(officer, case_id, item, on=d(-1), new_end=later) == {
        "on": "Ngày quyết định kéo dài không được sau ngày hôm nay."
    }
    # An end not after the current one.
    for wrong in (end, end - timedelta(days=1)):
        assert refused(officer, case_id, item, new_end=fmt_date(wrong)) == {
            "new_end": "Ngày kết thúc mới phải sau ngày kết thúc hiện tại của "
            f"thời hạn tạm giữ ({fmt_date(end)})."
        }
    # Past 02 months from the record (note (9) of MQĐ21).
    beyond = fmt_date(ceiling + timedelta(days=1))
    assert refused(officer, case_id, item, new_end=beyond) == {
        "new_end": "Toàn bộ thời hạn tạm giữ, kể cả thời gian kéo dài, không "
        "được quá 02 tháng kể từ ngày lập biên bản vi phạm hành chính (ghi chú "
        f"9 Mẫu MQĐ21): chậm nhất là ngày {fmt_date(ceiling)}."
    }
    # Required: the reason (note (8)), the new end, the item.
    assert refused(officer, case_id, item, new_end=later, extend_reason=" ") == {
        "extend_reason": "Vui lòng nhập lý do kéo dài thời hạn tạm giữ."
    }
    assert set(refused(officer, case_id, item)) == {"new_end"}
    assert refused(officer, case_id, "", new_end=later) == {
        "item": "Vui lòng chọn tang vật đang tạm giữ của hồ sơ này."
    }
    # A name with digits, a paper number the unit already gave.
    assert set(
        refused(officer, case_id, item, new_end=later, extender_name="12/2026")
    ) == {"extender_name"}
    step(officer, case_id, EXTEND, item=str(item), on=d(0), new_end=later,
         extend_reason=REASON, document="5/QĐ-KDTG")
    errors = refused(officer, case_id, item, new_end=fmt_date(ceiling),
                     document="5/qđ-kdtg")
    assert errors == {
        "document": "Số 5/QĐ-KDTG đã được dùng cho một quyết định kéo dài thời "
        f"hạn tạm giữ khác của đơn vị trong năm {TODAY.year}."
    }
    # The ceiling itself is allowed; the series moved past the paper number.
    assert "số 06/QĐ-KDTG" in extend(officer, case_id, item, new_end=fmt_date(ceiling))


def test_an_expired_seizure_is_not_extended(people):
    officer = people["canbo.a"]
    case_id, item = seized(officer, 20, "1")
    end = add_working_days(TODAY - timedelta(days=20), 1)
    errors = refused(officer, case_id, item, new_end=fmt_date(TODAY + timedelta(3)))
    assert errors == {
        "on": f"Thời hạn tạm giữ đã hết ngày {fmt_date(end)}: chỉ kéo dài trước "
        "khi hết thời hạn (khoản 8 Điều 125 Luật XLVPHC); hết thời hạn thì trả "
        "lại hoặc xử lý tang vật."
    }
    # "Việc cần làm" says it is overdue, and what to do.
    (row,) = seizure_rows(officer, case_id)
    assert row["label"].startswith("Đã hết thời hạn tạm giữ – trả lại")


def _thursday_before_a_working_friday() -> date:
    """A recent Thursday that, with the Friday after it, is a working day."""
    day = TODAY - timedelta(days=1)
    while not (
        day.weekday() == 3
        and is_working_day(day)
        and is_working_day(day + timedelta(days=1))
        and not is_working_day(day + timedelta(days=2))
    ):
        day -= timedelta(days=1)
    return day


def test_an_end_adding_no_working_day_is_refused(people):
    """The period is counted in working days (Art. 125): Friday's seizure
    end "extended" to Saturday adds nothing."""
    officer = people["canbo.a"]
    thursday = _thursday_before_a_working_friday()
    case_id, item = seized(officer, (TODAY - thursday).days, "1")
    friday = thursday + timedelta(days=1)
    errors = refused(officer, case_id, item, on=fmt_date(thursday),
                     new_end=fmt_date(friday + timedelta(days=1)))
    assert errors == {
        "new_end": f"Từ sau ngày {fmt_date(friday)} đến ngày "
        f"{fmt_date(friday + timedelta(days=1))} không có ngày làm việc nào: "
        "thời hạn tạm giữ tính theo ngày làm việc (Điều 125 Luật XLVPHC)."
    }


def test_another_unit_and_a_reader_cannot_extend(people):
    officer, other = people["canbo.a"], people["canbo.b"]
    case_id, item = seized(officer, 1, "7")
    later = fmt_date(add_working_days(TODAY, 10))
    with pytest.raises((NotFound, PermissionDenied)):
        extend(other, case_id, item, new_end=later)
    with pytest.raises(PermissionDenied):
        extend(people["giamsat"], case_id, item, new_end=later)
    # Unit B's own case cannot name unit A's item either.
    own, _ = seized(other, 1, "7")
    assert refused(other, own, item, new_end=later) == {
        "item": "Vui lòng chọn tang vật đang tạm giữ của hồ sơ này."
    }
    assert case_row(case_id).seizure_due == add_working_days(
        TODAY - timedelta(days=1), 7
    )
