"""The procedure after the record: every allowed and every refused transition
of the table in services/procedure/transitions.py, each row naming the
article it tests. Cases are dated in the past (days_ago) so that deadlines
have run as the row needs."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import (
    _unit_id,
    actor_for,
    case_form,
    catalogue_id,
    decision_form,
    make_user,
)
from xlvphc.domain.calendar import add_months, add_working_days
from xlvphc.models import AuditEvent, Case, CaseEvent, Instalment, SeizedItem
from xlvphc.models.base import local_now
from xlvphc.services import case_queries, cases, units
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from xlvphc.services.procedure import allowed_steps, decide_without_record, perform
from xlvphc.services.procedure.transitions import TABLE

TODAY = local_now().date()
# Acts of the catalogue used below, with their frames (individual).
TRAFFIC = (7, 2, "h", "168/2024/NĐ-CP")  # 400.000–600.000
FAMILY_SMALL = (37, 1, "", "282/2025/NĐ-CP")  # 2.000.000–5.000.000
FAMILY_MID = (37, 2, "", "282/2025/NĐ-CP")  # 5.000.000–10.000.000
FAMILY_BIG = (37, 3, "b", "282/2025/NĐ-CP")  # 10.000.000–20.000.000
FAMILY_HUGE = (41, 2, "b", "282/2025/NĐ-CP")  # 20.000.000–30.000.000


def d(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).strftime("%d/%m/%Y")


@pytest.fixture
def lead(people):
    """The commune chairman of canbo.a's unit: may decide coercion."""
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


# The hardship and its certified application (Law Art. 76 k1, 79 k1).
RELIEF = {"hardship": "1", "certifier": "UBND phường Tuy Hòa"}


def new_case(actor, act=FAMILY_SMALL, days_ago: int = 0, **form) -> int:
    values = dict(
        violation_date=d(days_ago),
        violation_time="07:00",
        record_date=d(days_ago),
        record_time="08:00",
        act_ids=str(catalogue_id(*act)),
    )
    values.update(form)
    return cases.create_case(actor, case_form(**values))


def version(case_id: int) -> int:
    with session_scope() as session:
        return session.get(Case, case_id).version


def case_row(case_id: int) -> Case:
    with session_scope() as session:
        return session.get(Case, case_id)


def decided_case(actor, act=FAMILY_SMALL, days_ago: int = 0, **decision) -> int:
    case_id = new_case(actor, act, days_ago)
    cases.issue_decision(
        actor,
        case_id,
        decision_form(decided_on=d(days_ago), version=version(case_id), **decision),
    )
    return case_id


def step(actor, case_id: int, step_code: str, /, **data) -> str:
    if step_code == "coerce":
        # The cases here skip the asset verification (MBB09): as if made on
        # paper (coercion_verified; its own tests send the box or not).
        data = {"verified_outside": "1", **data}
    return perform(actor, case_id, step_code, {"version": version(case_id), **data})


def received_case(actor, days_ago: int, act=FAMILY_SMALL) -> int:
    """Decided and received `days_ago` days ago (compliance due 10 days later)."""
    case_id = decided_case(actor, act, days_ago)
    step(actor, case_id, "receipt", on=d(days_ago))
    return case_id


# ---------------------------------------------------------------- the table


def test_every_step_of_the_table_names_its_article():
    assert all(rule.article and "Điều" in rule.article for rule in TABLE)
    assert len({rule.code for rule in TABLE}) == len(TABLE)


def test_only_lawful_steps_are_offered(people, lead):
    officer = people["canbo.a"]
    recorded = new_case(officer, TRAFFIC)
    offered = {s["code"] for s in allowed_steps(officer, recorded)}
    # Art. 61: no explanation below 15.000.000 đ; no payment before a decision.
    assert {"decide", "seize", "transfer_unit", "transfer_criminal"} <= offered
    assert not offered & {
        "request_explanation",
        "payment",
        "coerce",
        "close_no_decision",
        "close_executed",
    }
    decided = decided_case(officer)
    offered = {s["code"] for s in allowed_steps(officer, decided)}
    assert {"send", "receipt", "payment", "instalments", "postpone"} <= offered
    # Art. 86: no coercion before the deadline; Art. 74: no limitation close.
    assert not offered & {"coerce", "close_limitation", "decide"}
    assert "coerce" not in {s["code"] for s in allowed_steps(lead, decided)}


# ------------------------------------------------------- allowed transitions


ALLOWED = [
    # (id, act, days_ago, steps before, the step, its data, expected case)
    pytest.param(
        FAMILY_HUGE,
        1,
        [],
        "request_explanation",
        {"on": d(0), "code": "written"},
        {"status": "explaining"},
        id="Art61-written-explanation-within-5-working-days",
    ),
    pytest.param(
        FAMILY_HUGE,
        1,
        [("request_explanation", {"on": d(0), "code": "oral"})],
        "explanation_done",
        {"on": d(0), "note": "Đã nghe giải trình"},
        {"status": "recorded"},
        id="Art61-explanation-ends",
    ),
    pytest.param(
        TRAFFIC,
        0,
        [],
        "transfer_criminal",
        {"on": d(0), "note": "Cơ quan CSĐT Công an tỉnh", "document": "1/QĐ-CHS"},
        {"status": "transferred"},
        id="Art62-transfer-for-prosecution",
    ),
    pytest.param(
        TRAFFIC,
        0,
        [("transfer_criminal", {"on": d(0), "note": "CQĐT", "document": "1"})],
        "received_back",
        {"on": d(0), "note": "Không khởi tố"},
        {"status": "recorded"},
        id="Art63-received-back",
    ),
    pytest.param(
        TRAFFIC,
        0,
        [("transfer_criminal", {"on": d(0), "note": "CQĐT", "document": "1"})],
        "close_prosecuted",
        {"on": d(0), "document": "5/QĐ-KTVA"},
        {"status": "closed", "close_reason": "transferred"},
        id="Art62-closed-when-prosecuted",
    ),
    pytest.param(
        TRAFFIC,
        20,
        [],
        "close_no_decision",
        {"on": d(0), "note": "Quá thời hạn ra quyết định"},
        {"status": "closed", "close_reason": "no_decision"},
        id="Art66-closed-without-decision-after-deadline",
    ),
    pytest.param(
        TRAFFIC,
        0,
        [],
        "seize",
        {"description": "Xe mô tô 47B1-123.45", "on": d(0), "days": "7",
         "decider_title": "Chủ tịch"},
        {"status": "recorded"},
        id="Art125-seizure-recorded",
    ),
]


@pytest.mark.parametrize(
    ("act", "days_ago", "before", "code", "data", "expect"), ALLOWED
)
def test_allowed_before_the_decision(people, act, days_ago, before, code, data, expect):
    officer = people["canbo.a"]
    case_id = new_case(officer, act, days_ago)
    for earlier, values in before:
        step(officer, case_id, earlier, **values)
    summary = step(officer, case_id, code, **data)
    case = case_row(case_id)
    assert {k: getattr(case, k) for k in expect} == expect
    with session_scope() as session:
        events = session.exec(
            select(CaseEvent).where(
                CaseEvent.case_id == case_id, CaseEvent.kind == code
            )
        ).all()
        audits = session.exec(
            select(AuditEvent).where(
                AuditEvent.action == f"procedure.{code}",
                AuditEvent.entity_id == case_id,
            )
        ).all()
    assert [e.summary for e in events] == [summary]
    assert len(audits) == 1 and audits[0].actor_id == officer.user_id


def test_send_directly_sets_receipt_and_compliance_deadline(people):
    """Art. 70 (handing over), Art. 73: comply within 10 days of receipt."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=3)
    summary = step(officer, case_id, "send", on=d(2), code="direct")
    case = case_row(case_id)
    assert case.received_on == TODAY - timedelta(days=2)
    assert case.compliance_due == TODAY + timedelta(days=8)
    assert "Giao trực tiếp" in summary


def test_send_late_is_recorded_as_late(people):
    """Art. 70: 03 working days; a later sending is still recorded, flagged."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=20)
    summary = step(officer, case_id, "send", on=d(0), code="post")
    assert "quá hạn gửi" in summary
    assert case_row(case_id).received_on is None


def test_full_payment_then_close_as_executed(people):
    """Art. 73; Art. 73 k2 closing once fully executed."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 2)
    step(officer, case_id, "payment", on=d(0), amount="3.500.000")
    case = case_row(case_id)
    assert (case.status, case.paid_total, case.surcharge_total) == (
        "executing",
        3_500_000,
        0,
    )
    step(officer, case_id, "close_executed", on=d(0))
    case = case_row(case_id)
    assert (case.status, case.close_reason, case.closed_on) == (
        "closed",
        "executed",
        TODAY,
    )


def test_late_payment_adds_the_surcharge(people):
    """Art. 78 k1: 0,05 % a day; received 15 days ago, due 5 days ago."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 15)
    summary = step(officer, case_id, "payment", on=d(0), amount="2.000.000")
    case = case_row(case_id)
    assert case.surcharge_total == 2_000_000 * 5 // 2000  # 5 days × 0,05 %
    assert case.paid_total == 2_000_000 and "1.500.000 đồng" in summary


def test_instalments_exactly_40_percent_then_paid_and_closed(people):
    """Art. 79, MQĐ05: first instalment of exactly 40 % is allowed."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)  # 3.500.000 đồng
    first, second = TODAY + timedelta(days=10), TODAY + timedelta(days=70)
    step(
        officer,
        case_id,
        "instalments",
        on=d(0),
        document="1/QĐ-NTPNL",
        **RELIEF,
        conditions_checked="1",  # 3.500.000 đ: under the Art. 79 floor
        amount_1="1.400.000",
        due_1=first.strftime("%d/%m/%Y"),
        amount_2="2.100.000",
        due_2=second.strftime("%d/%m/%Y"),
    )
    case = case_row(case_id)
    assert (case.status, case.compliance_due) == ("executing", first)
    step(officer, case_id, "payment", on=d(0), amount="1.400.000")
    assert case_row(case_id).compliance_due == second
    step(officer, case_id, "payment", on=d(0), amount="2.100.000")
    with session_scope() as session:
        plan = session.exec(
            select(Instalment).where(Instalment.case_id == case_id)
        ).all()
    assert [(p.amount, p.paid) for p in plan] == [
        (1_400_000, 1_400_000),
        (2_100_000, 2_100_000),
    ]
    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).close_reason == "executed"


def test_postponement_then_reduction(people):
    """Art. 76 (fine ≥ 2.000.000 đ, ≤ 3 months) then Art. 77 reduction."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    until = add_months(TODAY, 3)
    step(
        officer,
        case_id,
        "postpone",
        on=d(0),
        until=until.strftime("%d/%m/%Y"),
        certifier="UBND phường Tuy Hòa",
        document="1/QĐ-HTHQĐ",
        hardship="1",
    )
    case = case_row(case_id)
    assert (case.status, case.compliance_due) == ("postponed", until)
    step(
        officer,
        case_id,
        "reduce",
        code="reduce",
        amount="1.000.000",
        on=d(0),
        certifier="UBND phường Tuy Hòa",
        document="1/QĐ-GTP",
    )
    case = case_row(case_id)
    assert (case.reduced_total, case.status) == (1_000_000, "postponed")


def test_full_exemption_allows_closing(people):
    """Art. 77: exemption of the whole fine; nothing left to pay."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    step(
        officer,
        case_id,
        "reduce",
        code="exempt_all",
        on=d(0),
        certifier="UBND phường",
        document="1/QĐ-MTP",
    )
    assert case_row(case_id).reduced_total == 3_500_000
    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).status == "closed"


def test_coercion_after_the_deadline_then_collected_and_closed(people, lead):
    """Art. 86–87: decided by the head once compliance is overdue."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    assert "coerce" in {s["code"] for s in allowed_steps(lead, case_id)}
    step(lead, case_id, "coerce", code="account", on=d(0), document="1/QĐ-CC")
    assert case_row(case_id).status == "coercing"
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        amount="3.500.000",
        # Art. 78 k1: 20 days late × 0,05 % of 3.500.000, collected with it.
        surcharge="35.000",
        note="Ngân hàng đã trích chuyển",
    )
    case = case_row(case_id)
    assert (case.paid_total, case.status) == (3_500_000, "coercing")
    assert (case.surcharge_total, case.surcharge_paid) == (35_000, 35_000)
    offered = {s["code"] for s in allowed_steps(lead, case_id)}
    # Paid in full and no remedial measure: no more coercion, no partial close.
    assert not offered & {"coerce", "close_partly", "send"}
    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).close_reason == "executed"


def test_seized_item_returned_and_another_confiscated(people):
    """Art. 125–126: every item ends returned or confiscated."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    for name in ("Xe mô tô", "Giấy phép lái xe"):
        step(officer, case_id, "seize", days="7", description=name, on=d(1))
    with session_scope() as session:
        ids = [
            i.id
            for i in session.exec(
                select(SeizedItem)
                .where(SeizedItem.case_id == case_id)
                .order_by(SeizedItem.id)
            )
        ]
    step(officer, case_id, "return_item", item=str(ids[0]), on=d(0), document="1/BB-TL")
    step(
        officer,
        case_id,
        "confiscate_item",
        item=str(ids[1]),
        on=d(0),
        document="1/QĐ-TTTV",
    )
    with session_scope() as session:
        states = [
            i.status
            for i in session.exec(
                select(SeizedItem)
                .where(SeizedItem.case_id == case_id)
                .order_by(SeizedItem.id)
            )
        ]
    assert states == ["returned", "confiscated"]


def seize_refused(officer, case_id: int, days: str, on: str) -> str:
    """The message at the period field; nothing written."""
    before = version(case_id)
    with pytest.raises(ValidationFailed) as caught:
        step(officer, case_id, "seize", days=days, description="Xe đạp", on=on,
             decider_title="Chủ tịch")
    assert version(case_id) == before
    assert set(caught.value.errors) == {"days"}
    return caught.value.errors["days"]


def test_seizure_period_is_in_working_days_within_two_months(people):
    """Art. 125 counts the seizure period in working days (the field, its
    message and MQĐ20 say so); MQĐ20 note (9): its end no later than 02
    months from the violation record."""
    officer = people["canbo.a"]
    today = new_case(officer, TRAFFIC)
    assert seize_refused(officer, today, "61", d(0)) == (
        "Thời hạn tạm giữ phải từ 1 đến 60 ngày làm việc."
    )
    # 60 working days are more than 02 months whatever the holidays.
    end = add_working_days(TODAY, 60)
    ceiling = add_months(TODAY, 2)
    assert seize_refused(officer, today, "60", d(0)) == (
        "Thời hạn tạm giữ không được quá 02 tháng kể từ ngày lập biên bản "
        f"(ghi chú 9 Mẫu MQĐ20): 60 ngày làm việc kết thúc ngày "
        f"{end:%d/%m/%Y}, chậm nhất là ngày {ceiling:%d/%m/%Y}."
    )
    # The record's date counts, not the seizure's: recorded 55 days ago,
    # 7 working days from today pass the 02 months.
    old = new_case(officer, TRAFFIC, 55)
    assert seize_refused(officer, old, "7", d(0)).startswith(
        "Thời hạn tạm giữ không được quá 02 tháng kể từ ngày lập biên bản"
    )
    step(officer, today, "seize", days="30", description="Xe đạp", on=d(0),
         decider_title="Chủ tịch")
    # Without a record (decided on the spot) the seizure day is the start.
    # (Imported here: that module imports this one.)
    from tests.services.test_procedure_on_the_spot import spot_form

    spot = decide_without_record(officer, spot_form(TRAFFIC, day=d(55)))
    step(officer, spot, "seize", days="7", description="Xe đạp", on=d(0))


def test_transfer_to_another_unit_moves_the_case(people):
    """Art. 52 k4: the file goes to a competent unit; the sender loses it."""
    a, b = people["canbo.a"], people["canbo.b"]
    case_id = new_case(a, TRAFFIC)
    step(
        a,
        case_id,
        "transfer_unit",
        unit=str(b.unit_id),
        on=d(0),
        note="Vượt thẩm quyền",
    )
    assert case_row(case_id).unit_id == b.unit_id
    assert case_queries.get_case(b, case_id)["id"] == case_id
    with pytest.raises(PermissionDenied):
        case_queries.get_case(a, case_id)


def test_correct_amend_and_cancel(people, lead):
    """Art. 18; NĐ 118 Art. 15–16."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=5)
    step(officer, case_id, "correct", on=d(0), document="1/QĐ-ĐC", note="Sửa năm sinh")
    step(
        officer,
        case_id,
        "amend",
        on=d(0),
        document="1/QĐ-SĐ",
        amount="2.000.000",
        note="Áp dụng tình tiết giảm nhẹ",
    )
    case = case_row(case_id)
    assert (case.fine_total, case.compliance_due) == (
        2_000_000,
        TODAY + timedelta(days=10),
    )
    step(lead, case_id, "cancel", on=d(0), document="1/QĐ-HB", note="Sai đối tượng")
    case = case_row(case_id)
    assert (case.status, case.close_reason) == ("closed", "cancelled")


def test_complaint_recorded_and_resolved(people):
    """Art. 15: recorded; it does not suspend compliance."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    summary = step(
        officer,
        case_id,
        "complaint",
        code="complaint",
        on=d(0),
        note="Ông An khiếu nại mức phạt",
    )
    assert case_row(case_id).complained and "không làm tạm đình chỉ" in summary
    step(officer, case_id, "complaint_resolved", code="upheld", on=d(0))
    assert not case_row(case_id).complained


def test_close_partly_after_death(people):
    """Art. 75; NĐ 118 Art. 19, MQĐ17."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    step(
        officer,
        case_id,
        "close_partly",
        on=d(0),
        document="1/QĐ-THMP",
        note="Người vi phạm đã chết",
    )
    assert case_row(case_id).close_reason == "partly"


def test_close_when_execution_limitation_expired(people):
    """Art. 74: 01 year from the decision; the violation is 400 days old, so
    the decision is dated within the sanctioning limitation (no receipt)."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 370)
    cases.issue_decision(
        officer, case_id, decision_form(decided_on=d(368), version=version(case_id))
    )
    step(officer, case_id, "close_limitation", on=d(0))
    assert case_row(case_id).close_reason == "limitation"


def test_decision_after_received_back_gets_one_more_year(people):
    """Art. 6 k1 point c: a case from a criminal body has one more year."""
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC, 400)
    step(officer, case_id, "transfer_criminal", on=d(390), note="CQĐT", document="1")
    step(officer, case_id, "received_back", on=d(1), note="Không khởi tố")
    number = cases.issue_decision(
        officer, case_id, decision_form(decided_on=d(0), version=version(case_id))
    )
    assert number.endswith("/QĐ-XPHC")


# ------------------------------------------------------- refused transitions


REFUSED = [
    # (id, act, days_ago to decide (None: only recorded), code, data, error, text)
    pytest.param(
        TRAFFIC,
        None,
        "payment",
        {"on": d(0), "amount": "1"},
        Conflict,
        "giai đoạn",
        id="Art73-no-payment-before-decision",
    ),
    pytest.param(
        TRAFFIC,
        None,
        "request_explanation",
        {"on": d(0), "code": "oral"},
        Conflict,
        "không thuộc trường hợp",
        id="Art61-no-explanation-below-15-million",
    ),
    pytest.param(
        TRAFFIC,
        1,
        "postpone",
        {"on": d(0), "until": d(-10), "certifier": "x", "document": "1", **RELIEF},
        ValidationFailed,
        "conditions_checked",
        id="Art76-fine-below-2-million-needs-the-manual-check",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "postpone",
        {
            "on": d(0),
            "until": (add_months(TODAY, 3) + timedelta(days=1)).strftime("%d/%m/%Y"),
            "certifier": "UBND",
            "document": "1",
        },
        ValidationFailed,
        "until",
        id="Art76-more-than-3-months",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "instalments",
        {
            "on": d(0),
            "document": "1",
            "amount_1": "1.399.999",
            "due_1": d(-10),
            "amount_2": "2.100.001",
            "due_2": d(-40),
        },
        ValidationFailed,
        "amount_1",
        id="Art79-first-below-40-percent",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "instalments",
        {
            "on": d(0),
            "document": "1",
            "amount_1": "1.400.000",
            "due_1": d(-10),
            "amount_2": "2.100.000",
            "due_2": (
                add_months(TODAY - timedelta(days=1), 6) + timedelta(days=1)
            ).strftime("%d/%m/%Y"),
        },
        ValidationFailed,
        "due_2",
        id="Art79-longer-than-6-months",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "instalments",
        {"on": d(0), "document": "1", "amount_1": "3.500.000", "due_1": d(-10)},
        ValidationFailed,
        "amount_2",
        id="Art79-MQD05-one-instalment",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "reduce",
        {
            "code": "reduce",
            "amount": "100.000",
            "on": d(0),
            "certifier": "UBND",
            "document": "1",
        },
        ValidationFailed,
        "code",
        id="Art77-reduction-needs-postponement",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "payment",
        {"on": d(0), "amount": "3.500.001"},
        ValidationFailed,
        "amount",
        id="Art73-more-than-owed",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "payment",
        {"on": d(2), "amount": "1"},
        ValidationFailed,
        "on",
        id="payment-before-the-decision",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "close_executed",
        {"on": d(0)},
        Conflict,
        "chưa nộp",
        id="Art73k2-not-executed",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "close_limitation",
        {"on": d(0)},
        Conflict,
        "Chưa hết thời hiệu thi hành",
        id="Art74-within-a-year",
    ),
    pytest.param(
        FAMILY_SMALL,
        400,
        "correct",
        {"on": d(0), "document": "1", "note": "x"},
        ValidationFailed,
        "on",
        id="ND118-Art15-correction-after-a-year",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "amend",
        {"on": d(0), "document": "1", "amount": "6.000.000", "note": "x"},
        ValidationFailed,
        "amount",
        id="Art18-amended-fine-outside-frame",
    ),
    pytest.param(
        FAMILY_SMALL,
        1,
        "coercion_done",
        {"on": d(0), "note": "x"},
        Conflict,
        "giai đoạn",
        id="Art86-no-result-without-coercion",
    ),
    pytest.param(
        TRAFFIC,
        None,
        "close_no_decision",
        {"on": d(0), "note": "x"},
        Conflict,
        "Vẫn còn thời hạn",
        id="Art66-decision-still-possible",
    ),
    pytest.param(
        TRAFFIC,
        None,
        "received_back",
        {"on": d(0), "note": "x"},
        Conflict,
        "giai đoạn",
        id="Art63-nothing-to-receive-back",
    ),
    pytest.param(
        TRAFFIC,
        None,
        "decide",
        {},
        Conflict,
        "không hợp lệ",
        id="decision-has-its-own-form",
    ),
    pytest.param(
        TRAFFIC, None, "no_such_step", {}, Conflict, "không hợp lệ", id="unknown-step"
    ),
]


@pytest.mark.parametrize(("act", "decided", "code", "data", "error", "text"), REFUSED)
def test_refused(people, act, decided, code, data, error, text):
    officer = people["canbo.a"]
    if decided is None:
        case_id = new_case(officer, act)
    elif decided >= 365:
        case_id = new_case(officer, act, decided + 2)
        cases.issue_decision(
            officer,
            case_id,
            decision_form(decided_on=d(decided), version=version(case_id)),
        )
    else:
        case_id = decided_case(officer, act, decided)
    before = version(case_id)
    with pytest.raises(error) as caught:
        step(officer, case_id, code, **data)
    where = caught.value.errors if error is ValidationFailed else caught.value.message
    assert text in where
    assert version(case_id) == before  # nothing written


def test_explanation_requested_too_late(people):
    """Art. 61, MBB01 item 10: 02 working days for an oral hearing."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_HUGE, 10)
    with pytest.raises(ValidationFailed) as caught:
        step(officer, case_id, "request_explanation", on=d(0), code="oral")
    assert "Quá thời hạn yêu cầu giải trình" in caught.value.errors["on"]


def test_coercion_before_the_deadline_is_refused(people, lead):
    """Art. 86: only once the compliance period has passed."""
    case_id = received_case(people["canbo.a"], 2)
    with pytest.raises(Conflict) as caught:
        step(lead, case_id, "coerce", code="account", on=d(0), document="1")
    assert "Chưa hết thời hạn chấp hành" in caught.value.message


def test_coercion_and_cancellation_need_the_authority_role(people):
    """Art. 87: the head decides coercion; an officer only records."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    for code in ("coerce", "cancel"):
        with pytest.raises(PermissionDenied):
            step(
                officer, case_id, code, code="account", on=d(0), document="1", note="x"
            )
    assert "coerce" not in {s["code"] for s in allowed_steps(officer, case_id)}


def test_second_sending_and_second_receipt_are_refused(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    step(officer, case_id, "send", on=d(0), code="direct")
    for code in ("send", "receipt"):
        with pytest.raises(Conflict):
            step(officer, case_id, code, on=d(0), code="post")


def test_stale_version_is_refused(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    stale = version(case_id)
    step(officer, case_id, "complaint", code="complaint", on=d(0), note="x")
    with pytest.raises(Conflict):
        perform(
            officer, case_id, "payment", {"version": stale, "on": d(0), "amount": "1"}
        )


def test_scope_role_and_malformed_ids(people):
    a, b = people["canbo.a"], people["canbo.b"]
    case_id = decided_case(a, days_ago=1)
    data = {"version": version(case_id), "on": d(0), "amount": "1"}
    with pytest.raises(PermissionDenied):  # same text as NotFound
        perform(b, case_id, "payment", data)
    with pytest.raises(PermissionDenied):
        perform(people["giamsat"], case_id, "payment", data)
    with pytest.raises(PermissionDenied):
        perform(people["quantri"], case_id, "payment", data)
    for bad in ("1", -1, 2**40, None, 1.5, True):
        with pytest.raises(NotFound):
            perform(a, bad, "payment", data)
    with pytest.raises(PermissionDenied):
        allowed_steps(b, case_id)
    for garbage in (None, "x", [1]):
        with pytest.raises(Conflict):  # no version: nothing is read
            perform(a, case_id, "payment", garbage)


def test_item_of_another_case_cannot_be_disposed(people):
    officer = people["canbo.a"]
    first = decided_case(officer, days_ago=1)
    second = decided_case(officer, days_ago=1)
    step(officer, first, "seize", days="7", description="Xe", on=d(0))
    step(officer, second, "seize", days="7", description="Điện thoại", on=d(0))
    with session_scope() as session:
        other = session.exec(
            select(SeizedItem.id).where(SeizedItem.case_id == first)
        ).one()
    with pytest.raises(ValidationFailed) as caught:
        step(officer, second, "return_item", item=str(other), on=d(0), document="1")
    assert "item" in caught.value.errors


# ------------------------------------------------ the decision's legal checks


def test_decision_after_the_limitation_is_refused(people):
    """Art. 6 k1 (1 year, Law 88/2025) and Art. 65 k1 point c."""
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC, 367)
    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(
            officer, case_id, decision_form(decided_on=d(0), version=version(case_id))
        )
    assert "hết thời hiệu xử phạt" in caught.value.errors["decided_on"]


def test_decision_on_the_last_day_of_the_limitation_is_allowed(people):
    officer = people["canbo.a"]
    start = add_months(TODAY, -12)
    # Recorded two days ago: within Art. 66's 07 working days as well.
    case_id = new_case(officer, TRAFFIC, (TODAY - start).days, record_date=d(2))
    cases.issue_decision(
        officer, case_id, decision_form(decided_on=d(0), version=version(case_id))
    )
    assert case_row(case_id).status == "decided"


def _officer_of_title(people, code: str):
    """An officer of a unit that holds the title (services.signer_fit
    refuses a title of another body): the commune committee, a Sở, or a
    police post under the provincial police."""
    if code == "chu_tich_ubnd_xa":
        return people["canbo.a"]
    if code == "giam_doc_so":
        make_user("canbo.so", "SO-TU-PHAP", Role.OFFICER)
        return actor_for("canbo.so")
    units.create_unit(
        people["quantri"],
        {
            "name": "Đồn Công an Cửa khẩu",
            "kind": "department",
            "parent_id": str(_unit_id("CONG-AN")),
            "code": "DON-CA-CUA-KHAU",
        },
    )
    make_user("canbo.don", "DON-CA-CUA-KHAU", Role.OFFICER)
    return actor_for("canbo.don")


@pytest.mark.parametrize(
    ("act", "kind", "code", "refused"),
    [
        pytest.param(
            FAMILY_MID,
            "individual",
            "chu_tich_ubnd_xa",
            False,
            id="ND189-Art5k1-10m-within-15m",
        ),
        pytest.param(
            FAMILY_BIG,
            "individual",
            "chu_tich_ubnd_xa",
            True,
            id="ND189-Art5k1-20m-above-15m",
        ),
        pytest.param(
            FAMILY_BIG,
            "individual",
            "giam_doc_so",
            False,
            id="ND189-Art6k2-20m-within-24m",
        ),
        pytest.param(
            FAMILY_MID,
            "organisation",
            "truong_don_cong_an",
            True,
            id="L88-52k1-org-20m-above-18m",
        ),
    ],
)
def test_decision_beyond_the_signers_ceiling_is_refused(
    people, act, kind, code, refused
):
    officer = _officer_of_title(people, code)
    extra = (
        {}
        if kind == "individual"
        else {
            "kind": "organisation",
            "name": "Công ty TNHH Ea Kao",
            "representative_name": "Lê Văn Cường",
            "tax_code": "6000123456",
        }
    )
    case_id = new_case(officer, act, **extra)
    # The title is written out, as a signer may (any wording of the post).
    form = decision_form(
        version=version(case_id),
        signer_title_code=code,
        signer_title=f"Người ký theo chức danh {code}",
    )
    if not refused:
        cases.issue_decision(officer, case_id, form)
        return
    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(officer, case_id, form)
    message = caught.value.errors["signer_title_code"]
    assert "Vượt thẩm quyền" in message and "đồng" in message


def test_ceiling_unknown_for_the_field_needs_a_confirmed_manual_check(people):
    """Traffic maxima (Art. 24, 2020 text) are not in the material: the
    decision is refused at the confirmation box until the signer confirms a
    manual check, then goes through with a note on the timeline."""
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC)
    form = decision_form(version=version(case_id), signer_title_code="chu_tich_ubnd_xa")

    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(officer, case_id, form)
    message = refused.value.errors["authority_confirmed"]
    assert "Chưa xác định được mức phạt tối đa" in message
    assert "Tôi đã kiểm tra thẩm quyền" in message
    assert case_queries.get_case(officer, case_id)["decision_number"] in ("", "—")

    # With a date that cannot be read the check box is asked for in the same
    # refusal (user trial: it came only after the date was put right).
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(officer, case_id, {**form, "decided_on": "31/02/2026"})
    assert {"decided_on", "authority_confirmed"} <= set(refused.value.errors)
    assert refused.value.errors["authority_confirmed"] == message

    cases.issue_decision(officer, case_id, {**form, "authority_confirmed": "1"})
    timeline = case_queries.get_case(officer, case_id)["timeline"]
    assert "người ký đã xác nhận đã kiểm tra" in timeline[-1]["summary"]


@pytest.mark.parametrize(
    ("mitigating", "aggravating", "fine", "ok"),
    [
        pytest.param("", "", None, 3_500_000, id="Art23k4-average"),
        pytest.param(
            "Tự nguyện khai báo\nLần đầu vi phạm",
            "",
            None,
            2_000_000,
            id="ND68-two-mitigating-minimum",
        ),
        pytest.param(
            "",
            "Tái phạm\nCó tổ chức",
            None,
            5_000_000,
            id="ND68-two-aggravating-maximum",
        ),
        pytest.param(
            "Tự nguyện khai báo", "Tái phạm", None, 3_500_000, id="ND68-factors-offset"
        ),
        pytest.param(
            "Tự nguyện khai báo",
            "",
            "3.500.000",
            None,
            id="ND68-one-mitigating-average-refused",
        ),
        pytest.param(
            "Tự nguyện khai báo",
            "",
            "3.000.000",
            3_000_000,
            id="ND68-one-mitigating-between",
        ),
    ],
)
def test_circumstances_set_the_fine(people, mitigating, aggravating, fine, ok):
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL)
    act_id = case_queries.get_case(officer, case_id)["acts"][0]["id"]
    form = decision_form(
        version=version(case_id), mitigating=mitigating, aggravating=aggravating
    )
    if fine:
        form[f"fine_{act_id}"] = fine
    if ok is None:
        with pytest.raises(ValidationFailed) as caught:
            cases.issue_decision(officer, case_id, form)
        assert "thấp hơn" in caught.value.errors[f"fine_{act_id}"]
        return
    cases.issue_decision(officer, case_id, form)
    assert case_row(case_id).fine_total == ok


def test_deadline_helpers_agree_with_domain(people):
    """The decision deadline over Tết is the domain's (Art. 66, 7 working
    days); here only that the case uses it: 7 working days from the record."""
    from xlvphc.domain.deadlines import decision_deadline
    from xlvphc.services.procedure.limits import decision_due

    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC, 3)
    with session_scope() as session:
        due = decision_due(session, session.get(Case, case_id))
    assert due == decision_deadline(TODAY - timedelta(days=3))
    assert isinstance(due, date)


def test_earlier_decision_in_another_unit_is_suggested(people):
    """Art. 10 k1 point b: same identity number, decided within a year, in any
    unit; only number, date and unit are shown."""
    from xlvphc.services.procedure import case_procedure

    a, b = people["canbo.a"], people["canbo.b"]
    decided_case(b, TRAFFIC, days_ago=100)
    new_case(a, TRAFFIC, 0, id_number="066090009999")  # someone else
    case_id = new_case(a, TRAFFIC, 0)
    repeat = case_procedure(a, case_id)["repeat"]
    assert [set(r) for r in repeat] == [{"number", "date", "unit"}]
    assert repeat[0]["unit"] == b.unit_name
    assert repeat[0]["date"] == d(100)
    # Once decided, the suggestion is no longer needed.
    cases.issue_decision(a, case_id, decision_form(version=version(case_id)))
    assert case_procedure(a, case_id)["repeat"] == []


def test_no_decision_while_the_violator_is_explaining(people):
    """Art. 61: the decision waits for the explanation (then 01 month)."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_HUGE, 1)
    step(officer, case_id, "request_explanation", on=d(0), code="written")
    with pytest.raises(Conflict) as caught:
        cases.issue_decision(officer, case_id, decision_form(version=version(case_id)))
    assert "giải trình" in caught.value.message
    step(officer, case_id, "explanation_done", on=d(0), note="Đã nhận văn bản")
    cases.issue_decision(officer, case_id, decision_form(version=version(case_id)))
    assert case_row(case_id).status == "decided"
