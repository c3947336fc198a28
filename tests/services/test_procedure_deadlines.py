"""The deadline columns "Việc cần làm" reads (issue 3): kept in step with the
case by every service that changes them; the extension of the decision
deadline (Law Art. 66 k1 point c); continuing violations, whose sanctioning
limitation runs from their detection (Art. 6 k1 point b; NĐ 118/2021 Art.
8 k1)."""

from datetime import timedelta

import pytest

from tests.services.conftest import case_form, catalogue_id, decision_form
from tests.services.test_procedure import (  # noqa: F401  (lead: fixture)
    FAMILY_HUGE,
    FAMILY_SMALL,
    TODAY,
    TRAFFIC,
    case_row,
    d,
    decided_case,
    lead,
    new_case,
    received_case,
    step,
    version,
)
from xlvphc.domain.calendar import add_months, add_working_days
from xlvphc.services import case_edit, cases
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.procedure import allowed_steps, case_procedure

DAYS = (
    "decision_due",
    "limitation_end",
    "send_due",
    "payment_due",
    "postponed_until",
    "instalment_due",
    "execution_end",
)


def deadlines(case_id: int) -> dict:
    case = case_row(case_id)
    return {name: getattr(case, name) for name in DAYS}


def test_columns_follow_the_case_from_record_to_closing(people):
    """Art. 66 (7 working days, 01 month with explanation, 02 with extension),
    Art. 6 (limitation until decided), Art. 70 (send), Art. 74 and NĐ 118
    Art. 16 k3 (execution limitation, one year from an amendment)."""
    officer = people["canbo.a"]
    made = TODAY - timedelta(days=2)
    case_id = new_case(officer, FAMILY_HUGE, 2)
    assert deadlines(case_id) == {
        "decision_due": add_working_days(made, 7),
        "limitation_end": add_months(made, 12),
        "send_due": None,
        "payment_due": None,
        "postponed_until": None,
        "instalment_due": None,
        "execution_end": None,
    }
    step(officer, case_id, "request_explanation", on=d(1), code="written")
    assert case_row(case_id).decision_due == add_months(made, 1)
    step(
        officer,
        case_id,
        "extend_decision",
        on=d(0),
        document="12/CV-UBND",
        note="Vụ việc phức tạp, cần xác minh thêm",
    )
    assert case_row(case_id).decision_due == add_months(made, 2)
    step(officer, case_id, "explanation_done", on=d(0), note="Đã nhận văn bản")
    cases.issue_decision(
        officer, case_id, decision_form(decided_on=d(0), version=version(case_id))
    )
    assert deadlines(case_id) == {
        "decision_due": None,
        "limitation_end": None,
        "send_due": add_working_days(TODAY, 3),
        "payment_due": None,  # not received yet: no compliance deadline
        "postponed_until": None,
        "instalment_due": None,
        "execution_end": add_months(TODAY, 12),
    }
    step(officer, case_id, "send", on=d(0), code="post")
    assert case_row(case_id).send_due is None
    step(officer, case_id, "amend", on=d(0), document="2/QĐ-SĐ", note="Sửa địa chỉ")
    assert case_row(case_id).execution_end == add_months(TODAY, 12)
    step(officer, case_id, "receipt", on=d(0))
    # Art. 73: owed, received today: 10 days to comply.
    assert case_row(case_id).payment_due == TODAY + timedelta(days=10)
    step(
        officer,
        case_id,
        "reduce",
        code="exempt_all",
        on=d(0),
        certifier="UBND xã",
        document="1/QĐ-MTP",
    )
    assert case_row(case_id).payment_due is None  # nothing owed any more
    step(officer, case_id, "close_executed", on=d(0))
    assert deadlines(case_id) == dict.fromkeys(DAYS)


def test_transfer_to_another_unit_gives_ten_working_days(people):
    """Art. 66 k1: 10 working days when the file had to be transferred."""
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC, 1)
    step(
        officer,
        case_id,
        "transfer_unit",
        unit=str(people["canbo.b"].unit_id),
        on=d(0),
        note="Vượt thẩm quyền",
    )
    made = TODAY - timedelta(days=1)
    assert case_row(case_id).decision_due == add_working_days(made, 10)


def test_criminal_transfer_stops_the_decision_deadline_until_received_back(people):
    """Art. 62, 63; Art. 6 k1 point c: one more year once received back (from
    the violation: the time the criminal body held the file counts)."""
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC, 30)
    step(officer, case_id, "transfer_criminal", on=d(29), note="CQĐT", document="1")
    assert case_row(case_id).decision_due is None
    step(officer, case_id, "received_back", on=d(0), note="Không khởi tố")
    case = case_row(case_id)
    # Art. 63 k1: counted again from the day the file came back (inferred).
    assert case.decision_due == add_working_days(TODAY, 7)
    assert case.limitation_end == add_months(TODAY - timedelta(days=30), 24)


def test_on_the_spot_decision_has_nothing_to_send(people):
    """MQĐ01 is handed over on the spot (Art. 56 k3): no sending deadline."""
    from xlvphc.services.procedure import decide_without_record

    officer = people["canbo.a"]
    case_id = decide_without_record(
        officer,
        {
            **case_form(act_ids=str(catalogue_id(*TRAFFIC))),
            **decision_form(),
            "violation_date": d(0),
            "violation_time": "07:00",
        },
    )
    assert deadlines(case_id)["send_due"] is None
    assert deadlines(case_id)["execution_end"] == add_months(TODAY, 12)


# ------------------------------------------------------------- extension


def test_extension_needs_an_explanation_or_verification_and_happens_once(people):
    """Art. 66 k1 point c: only a 01-month case (point b) can be extended,
    once; the step is not offered otherwise and is refused if sent."""
    officer = people["canbo.a"]
    plain = new_case(officer, TRAFFIC, 0)
    assert "extend_decision" not in {s["code"] for s in allowed_steps(officer, plain)}
    with pytest.raises(Conflict) as caught:
        step(officer, plain, "extend_decision", on=d(0), document="1", note="x")
    assert "giải trình hoặc phải xác minh" in caught.value.message
    explained = new_case(officer, FAMILY_HUGE, 1)
    step(officer, explained, "request_explanation", on=d(0), code="oral")
    assert "extend_decision" in {s["code"] for s in allowed_steps(officer, explained)}
    step(officer, explained, "extend_decision", on=d(0), document="1", note="x")
    with pytest.raises(Conflict) as caught:
        step(officer, explained, "extend_decision", on=d(0), document="2", note="y")
    assert "một lần" in caught.value.message


def test_extension_after_the_deadline_is_refused(people):
    """Art. 66 k1: past the 01-month deadline there is nothing to extend."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_HUGE, 45)
    step(officer, case_id, "request_explanation", on=d(44), code="oral")
    with pytest.raises(Conflict) as caught:
        step(officer, case_id, "extend_decision", on=d(0), document="1", note="x")
    assert "đã hết ngày" in caught.value.message


# ------------------------------------------------- continuing violations


def continuing_form(violated: int, detected: str | None, recorded: int = 0, **extra):
    form = case_form(
        violation_date=d(violated),
        violation_time="07:00",
        record_date=d(recorded),
        record_time="08:00",
        act_ids=str(catalogue_id(*TRAFFIC)),
        continuing="1",
        **extra,
    )
    if detected is not None:
        form["detected_on"] = detected
    return form


@pytest.mark.parametrize(
    ("detected", "recorded", "message"),
    [
        pytest.param(None, 0, "vui lòng nhập ngày phát hiện", id="ND118-8k1b-needed"),
        pytest.param(d(900), 0, "trước ngày vi phạm", id="before-it-began"),
        pytest.param(d(0), 2, "sau ngày lập biên bản", id="Art58k1-after-record"),
        pytest.param("31/02/2026", 0, "không phải ngày hợp lệ", id="not-a-date"),
        pytest.param(d(-3), 0, "sau ngày hôm nay", id="in-the-future"),
    ],
)
def test_continuing_violation_detection_day_is_checked_at_its_field(
    people, detected, recorded, message
):
    with pytest.raises(ValidationFailed) as caught:
        cases.create_case(
            people["canbo.a"], continuing_form(500, detected, recorded)
        )
    assert message in caught.value.errors["detected_on"].lower()


def test_continuing_violation_is_sanctioned_from_its_detection(people):
    """Begun 500 days ago (a finished act would be time-barred after one
    year, Art. 6 k1 point a), still going on when detected 10 days ago:
    the limitation runs from the detection (point b), so the decision is
    allowed; the case page says so."""
    officer = people["canbo.a"]
    finished = cases.create_case(officer, case_form(
        violation_date=d(500), violation_time="07:00", record_date=d(0),
        act_ids=str(catalogue_id(*TRAFFIC)), detected_on=d(10)))
    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(
            officer, finished, decision_form(version=version(finished))
        )
    assert "vi phạm đã kết thúc" in caught.value.errors["decided_on"]

    ongoing = cases.create_case(officer, continuing_form(500, d(10)))
    case = case_row(ongoing)
    assert (case.continuing, case.detected_on) == (True, TODAY - timedelta(days=10))
    assert case.limitation_end == add_months(TODAY - timedelta(days=10), 12)
    summary = {r["label"]: r["value"] for r in case_procedure(officer, ongoing)[
        "summary"]}
    assert summary["Vi phạm đang thực hiện"] == f"Phát hiện ngày {d(10)}"
    assert "từ ngày phát hiện" in summary["Hết thời hiệu xử phạt (Điều 6)"]
    cases.issue_decision(officer, ongoing, decision_form(version=version(ongoing)))
    assert case_row(ongoing).status == "decided"


def test_continuing_detected_long_ago_is_still_refused(people):
    """Art. 6 k1 point b: from detection, not from the record: detected 400
    days ago, recorded today, the year has run out."""
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, continuing_form(500, d(400)))
    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(officer, case_id, decision_form(version=version(case_id)))
    assert f"từ ngày phát hiện {d(400)}" in caught.value.errors["decided_on"]


def test_editing_the_case_to_continuing_moves_the_limitation(people):
    """The edit form carries the same fields; the limitation column follows."""
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form(
        violation_date=d(30), violation_time="07:00", record_date=d(5),
        act_ids=str(catalogue_id(*TRAFFIC))))
    assert case_row(case_id).limitation_end == add_months(
        TODAY - timedelta(days=30), 12
    )
    values = case_edit.edit_form(officer, case_id)["values"]
    assert values["continuing"] == "" and values["detected_on"] == ""
    form = {
        **values,
        "act_ids": str(catalogue_id(*TRAFFIC)),
        "kind": "individual",
        "version": version(case_id),
        "continuing": "1",
        "detected_on": d(6),
    }
    case_edit.edit_case(officer, case_id, form)
    case = case_row(case_id)
    assert case.continuing and case.limitation_end == add_months(
        TODAY - timedelta(days=6), 12
    )
    assert case_edit.edit_form(officer, case_id)["values"]["continuing"] == "1"
    history = case_edit.case_history(officer, case_id)[0]["changes"]
    assert {c["field"] for c in history} >= {"Vi phạm đang thực hiện", "Ngày phát hiện"}


def test_decided_small_case_keeps_no_limitation(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, 1)
    assert case_row(case_id).limitation_end is None


def test_history_names_the_step_and_shows_only_what_changed(people):
    """Each step is audited (issue 3: who did it and when); the history tab
    reads it by the step's label, with only the values that changed."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, 1)
    step(officer, case_id, "payment", on=d(0), amount="1.000.000")
    entry = case_edit.case_history(officer, case_id)[0]
    assert entry["action"] == "Ghi nhận nộp tiền phạt"
    # The amount paid and the stage changed; nothing else is listed.
    assert entry["changes"] == [
        {"field": "Đã nộp", "before": "0 đồng", "after": "1.000.000 đồng"},
        {"field": "Trạng thái", "before": "Đã ra quyết định", "after": "Đang thi hành"},
    ]


def test_payment_deadline_leaves_for_instalments_and_coercion(people, lead):  # noqa: F811
    """Art. 79: with a plan, its instalments are the deadlines; Art. 76: a
    postponement's end; Art. 86: once coercion is decided the compliance
    deadline is no longer to act on."""
    officer = people["canbo.a"]
    planned = decided_case(officer, FAMILY_SMALL, 1)
    step(officer, planned, "receipt", on=d(0))
    assert case_row(planned).payment_due is not None
    step(
        officer,
        planned,
        "instalments",
        on=d(0),
        document="1",
        hardship="1",
        certifier="UBND xã",
        conditions_checked="1",
        amount_1="1.400.000",
        due_1=d(-10),
        amount_2="2.100.000",
        due_2=d(-60),
    )
    assert case_row(planned).payment_due is None
    assert case_row(planned).instalment_due == TODAY + timedelta(days=10)
    step(officer, planned, "payment", on=d(0), amount="1.400.000")
    assert case_row(planned).instalment_due == TODAY + timedelta(days=60)
    postponed = received_case(officer, 1)
    until = TODAY + timedelta(days=40)
    step(
        officer,
        postponed,
        "postpone",
        on=d(0),
        until=until.strftime("%d/%m/%Y"),
        certifier="UBND xã",
        document="1/QĐ-HQĐPT",
        hardship="1",
    )
    case = case_row(postponed)
    assert (case.postponed_until, case.payment_due) == (until, None)
    overdue = received_case(officer, 30)
    assert case_row(overdue).payment_due == TODAY - timedelta(days=20)
    step(lead, overdue, "coerce", code="account", on=d(0), document="1/QĐ-CC")
    assert case_row(overdue).payment_due is None


def test_no_decision_while_the_file_is_with_a_criminal_body(people):
    """Art. 62-63: the decision waits until the file comes back; the refusal
    says so (not that a decision exists)."""
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC, 1)
    step(officer, case_id, "transfer_criminal", on=d(0), note="CQĐT", document="1")
    with pytest.raises(Conflict) as caught:
        cases.issue_decision(officer, case_id, decision_form(version=version(case_id)))
    assert "nhận lại hồ sơ" in caught.value.message


def test_imported_open_decisions_show_their_execution_limitation(people, tmp_path):
    """Art. 74: a decision brought in from the earlier register still has to
    be executed within a year; none is given a sending deadline (the register
    does not record sending)."""
    from sqlmodel import select

    from tests.data.make_messy_workbook import build
    from xlvphc.models import Case
    from xlvphc.services import importer
    from xlvphc.services.db import session_scope

    importer.import_rows(people["canbo.a"], build(tmp_path / "m.xlsx").read_bytes())
    with session_scope() as session:
        rows = session.exec(select(Case).order_by(Case.id)).all()
    assert [c.execution_end for c in rows] == [
        add_months(c.decided_on, 12) if c.status == "decided" else None for c in rows
    ]
    assert {c.send_due for c in rows} == {None}
