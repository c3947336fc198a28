"""Late-payment interest, tiền chậm nộp phạt (Luật XLVPHC Điều 78 k1: 0,05 %
a day on the fine unpaid past its deadline; NĐ 118/2021 Điều 20 k4, Điều 21
k4 b), from the user trial: a fine of 2.500.000 đồng due 111 days ago showed
"Tiền chậm nộp 0 đồng", its coercion was capped at the fine, and once the
fine was paid "Còn phải nộp" was 0 with 138.750 đồng of interest unpaid and
the case offered to close as fully executed. Also the trial's closed case
still showing its last instalment as "Hạn chấp hành", and a fine of
99.999.999.999.999 called "not a valid amount"."""

from datetime import timedelta

import pytest

from tests.services.conftest import decision_form
from tests.services.test_procedure import (
    FAMILY_SMALL,
    RELIEF,
    TODAY,
    case_row,
    d,
    lead,  # noqa: F401 (fixture)
    new_case,
    step,
    version,
)
from xlvphc.services import case_queries, cases, printing
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.inputs import FormReader
from xlvphc.services.procedure import allowed_steps, case_procedure
from xlvphc.services.procedure.todo import todo_list
from xlvphc.services.procedure.transitions import held_steps

# A deduction from salary names the employer and what it deducts from
# (both required for MQĐ07).
SALARY = {
    "code": "salary",
    "holder": "Công ty TNHH Cà phê Buôn Ma Thuột",
    "deduct_from": "salary",
}
FINE = "2.500.000"
LATE = 111  # days past the deadline, as in the trial
INTEREST = 2_500_000 * LATE // 2000  # 138.750 đồng


def summary(actor, case_id: int) -> dict[str, str]:
    rows = case_procedure(actor, case_id)["summary"]
    return {row["label"]: row["value"] for row in rows}


def fined_case(actor, fine: str = FINE, days_ago: int = 0) -> int:
    """FAMILY_SMALL (2.000.000–5.000.000) decided `days_ago` days ago."""
    case_id = new_case(actor, FAMILY_SMALL, days_ago)
    act_id = case_queries.get_case(actor, case_id)["acts"][0]["id"]
    cases.issue_decision(
        actor,
        case_id,
        decision_form(
            decided_on=d(days_ago), version=version(case_id), **{f"fine_{act_id}": fine}
        ),
    )
    return case_id


def overdue_case(actor, late: int = LATE) -> int:
    """Received `late` + 10 days ago: the deadline passed `late` days ago."""
    case_id = fined_case(actor, days_ago=late + 10)
    step(actor, case_id, "receipt", on=d(late + 10))
    return case_id


def refused(actor, case_id: int, code: str, /, **data) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        step(actor, case_id, code, **data)
    return caught.value.errors


def test_unpaid_past_the_deadline_the_case_page_shows_the_interest(people):
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    shown = summary(officer, case_id)
    assert shown["Tiền chậm nộp"].startswith("138.750 đồng (0,05% mỗi ngày")
    assert f"tính đến ngày {TODAY:%d/%m/%Y}" in shown["Tiền chậm nộp"]
    assert shown["Còn phải nộp"] == (
        "2.638.750 đồng (tiền phạt 2.500.000 đồng, tiền chậm nộp 138.750 đồng)"
    )
    # Not yet due: no interest, "Còn phải nộp" as before.
    fresh = fined_case(officer, days_ago=3)
    step(officer, fresh, "receipt", on=d(3))
    shown = summary(officer, fresh)
    assert (shown["Tiền chậm nộp"], shown["Còn phải nộp"]) == (
        "0 đồng",
        "2.500.000 đồng",
    )


def test_fine_paid_late_leaves_the_interest_owed_and_closing_refused(people):
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    text = step(officer, case_id, "payment", on=d(0), amount=FINE)
    assert "tiền chậm nộp tính trên số tiền phạt nộp chậm 138.750 đồng" in text
    assert "còn phải nộp 138.750 đồng (tiền chậm nộp 138.750 đồng)" in text
    case = case_row(case_id)
    assert (case.paid_total, case.surcharge_total, case.surcharge_paid) == (
        2_500_000,
        INTEREST,
        0,
    )
    shown = summary(officer, case_id)
    assert shown["Tiền chậm nộp"] == "138.750 đồng"  # fixed: no longer running
    assert shown["Còn phải nộp"] == "138.750 đồng (tiền chậm nộp 138.750 đồng)"

    # "Kết thúc: đã chấp hành xong" is not offered, and says why.
    assert "close_executed" not in {s["code"] for s in allowed_steps(officer, case_id)}
    reasons = {h["label"]: h["reason"] for h in held_steps(officer, case_id)}
    assert "còn 138.750 đồng tiền chậm nộp chưa nộp" in reasons[
        "Kết thúc: đã chấp hành xong"
    ]
    with pytest.raises(Conflict) as closing:
        step(officer, case_id, "close_executed", on=d(0))
    assert "tiền chậm nộp" in closing.value.message
    # The to-do list keeps the case while the interest is owed.
    assert case_id in {r["case_id"] for r in todo_list(officer, "coercion")}

    # The fine is paid: only the interest can still be recorded, and no more
    # of it than is owed.
    errors = refused(officer, case_id, "payment", on=d(0), amount="1.000")
    assert "Tiền phạt đã nộp đủ" in errors["amount"]
    errors = refused(officer, case_id, "payment", on=d(0), surcharge="138.751")
    assert "138.750 đồng" in errors["surcharge"]

    text = step(officer, case_id, "payment", on=d(0), surcharge="138.750")
    assert text.startswith("Nộp tiền chậm nộp 138.750 đồng") and "đã nộp đủ" in text
    assert case_row(case_id).surcharge_paid == INTEREST
    shown = summary(officer, case_id)
    assert shown["Đã nộp tiền chậm nộp"] == "138.750 đồng"
    assert shown["Còn phải nộp"] == "0 đồng"
    # Only the closing left to record (todo.TO_CLOSE).
    assert {r["kind"] for r in todo_list(officer) if r["case_id"] == case_id} == {
        "executed"
    }
    assert "payment" not in {s["code"] for s in allowed_steps(officer, case_id)}
    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).status == "closed"


def test_fine_and_interest_paid_together(people):
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    # More interest than owed on the day of payment is refused.
    errors = refused(
        officer, case_id, "payment", on=d(0), amount=FINE, surcharge="200.000"
    )
    assert list(errors) == ["surcharge"]
    step(officer, case_id, "payment", on=d(0), amount=FINE, surcharge="138.750")
    assert summary(officer, case_id)["Còn phải nộp"] == "0 đồng"
    step(officer, case_id, "close_executed", on=d(0))


def test_partial_payment_fixes_its_share_and_the_rest_keeps_running(people):
    """0,05 % a day on what is still unpaid: 1.000.000 paid 111 days late,
    1.500.000 still unpaid; the total equals the interest on the whole."""
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    step(officer, case_id, "payment", on=d(0), amount="1.000.000")
    case = case_row(case_id)
    assert case.surcharge_total == 1_000_000 * LATE // 2000  # 55.500
    shown = summary(officer, case_id)
    assert shown["Tiền chậm nộp"].startswith("138.750 đồng (")
    assert shown["Còn phải nộp"].startswith("1.638.750 đồng")


def test_coercion_recovers_the_fine_with_its_interest(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    text = step(lead, case_id, "coerce", **SALARY, on=d(0))
    assert "số tiền 2.638.750 đồng" in text
    # More than fine and interest is refused with the total.
    other = overdue_case(officer)
    errors = refused(lead, other, "coerce", code="account", on=d(0), amount="2.700.000")
    assert errors["amount"] == (
        f"Không quá số tiền còn phải nộp tính đến ngày {d(0)} (2.638.750 đồng: "
        "tiền phạt 2.500.000 đồng, tiền chậm nộp 138.750 đồng)."
    )

    data = printing.form_data(lead, case_id, "MQĐ07")[0]
    assert data.values["amount"] == 2_500_000 + INTEREST
    reason = data.values["reason"]
    assert "tiền phạt chưa nộp 2.500.000 đồng" in reason
    assert f"tiền chậm nộp phạt 138.750 đồng tính đến ngày {d(0)}" in reason
    assert "Điều 78" in reason
    assert printing.print_form(lead, case_id, "MQĐ07", "final")[1][:4] == b"%PDF"

    # Collected: the fine and the interest, then the case may close.
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        amount=FINE,
        surcharge="138.750",
        note="Cơ quan đã khấu trừ lương",
    )
    case = case_row(case_id)
    assert (case.surcharge_total, case.surcharge_paid) == (INTEREST, INTEREST)
    step(officer, case_id, "close_executed", on=d(0))


def test_no_interest_while_postponed_then_from_the_end(people):
    """Điều 76: the postponement moves the deadline to its end; interest runs
    from the day after (20 days here)."""
    officer = people["canbo.a"]
    case_id = fined_case(officer, "3.500.000", days_ago=60)
    step(officer, case_id, "receipt", on=d(60))
    step(
        officer,
        case_id,
        "postpone",
        on=d(58),
        until=d(20),
        document="1/QĐ-HTH",
        conditions_checked="1",
        **RELIEF,
    )
    shown = summary(officer, case_id)
    assert shown["Tiền chậm nộp"].startswith("35.000 đồng")  # 3.500.000 × 20 × 0,05 %


def test_a_late_postponement_keeps_the_interest_already_run(people):
    """Điều 78 k1, from helper C's check: a fine 50 days overdue, postponed
    today, showed no interest at all. The days late before the postponement
    stay owed; none runs while it lasts."""
    officer = people["canbo.a"]
    case_id = fined_case(officer, "3.500.000", days_ago=60)
    step(officer, case_id, "receipt", on=d(60))  # deadline: 50 days ago
    step(
        officer,
        case_id,
        "postpone",
        on=d(0),
        until=(TODAY + timedelta(days=30)).strftime("%d/%m/%Y"),
        document="1/QĐ-HTH",
        conditions_checked="1",
        **RELIEF,
    )

    late = 3_500_000 * 49 // 2000  # 49 days late up to yesterday: 85.750
    assert case_row(case_id).surcharge_total == late
    shown = summary(officer, case_id)
    assert shown["Tiền chậm nộp"].startswith("85.750 đồng")
    timeline = case_queries.get_case(officer, case_id)
    assert "85.750 đồng" in str(timeline)


def test_a_postponement_within_the_deadline_fixes_no_interest(people):
    officer = people["canbo.a"]
    case_id = fined_case(officer, "3.500.000", days_ago=5)
    step(officer, case_id, "receipt", on=d(5))
    step(
        officer,
        case_id,
        "postpone",
        on=d(1),
        until=(TODAY + timedelta(days=30)).strftime("%d/%m/%Y"),
        document="1/QĐ-HTH",
        conditions_checked="1",
        **RELIEF,
    )

    assert case_row(case_id).surcharge_total == 0
    assert summary(officer, case_id)["Tiền chậm nộp"].startswith("0 đồng")


def test_instalments_run_from_each_due_date(people):
    """Điều 79: the first instalment, due 20 days ago, is late; the second is
    not yet due."""
    officer = people["canbo.a"]
    case_id = fined_case(officer, "3.500.000", days_ago=40)
    step(
        officer,
        case_id,
        "instalments",
        on=d(39),
        document="1/QĐ-NTPNL",
        conditions_checked="1",
        amount_1="1.400.000",
        due_1=d(20),
        amount_2="2.100.000",
        due_2=(TODAY + timedelta(days=30)).strftime("%d/%m/%Y"),
        **RELIEF,
    )
    shown = summary(officer, case_id)
    assert shown["Tiền chậm nộp"].startswith("14.000 đồng")  # 1.400.000 × 20 days
    assert shown["Còn phải nộp"].startswith("3.514.000 đồng")


def test_closed_case_with_its_instalments_paid_shows_no_deadline(people):
    """User trial: "Hạn chấp hành" still showed the last instalment's date."""
    officer = people["canbo.a"]
    case_id = fined_case(officer, "3.500.000", days_ago=1)
    later = [(TODAY + timedelta(days=n)).strftime("%d/%m/%Y") for n in (30, 90, 150)]
    step(
        officer,
        case_id,
        "instalments",
        on=d(0),
        document="2/QĐ-NTPNL",
        conditions_checked="1",
        amount_1="1.400.000",
        due_1=later[0],
        amount_2="1.050.000",
        due_2=later[1],
        amount_3="1.050.000",
        due_3=later[2],
        **RELIEF,
    )
    for amount in ("1.400.000", "1.050.000", "1.050.000"):
        step(officer, case_id, "payment", on=d(0), amount=amount)
    step(officer, case_id, "close_executed", on=d(0))
    shown = summary(officer, case_id)
    assert shown["Hạn chấp hành"] == "—"
    assert shown["Còn phải nộp"] == "0 đồng"


def test_a_huge_fine_gets_the_frame_message_like_any_fine_too_large(people):
    officer = people["canbo.a"]
    messages = []
    for fine in ("999.999.999.999", "99.999.999.999.999"):
        case_id = new_case(officer, FAMILY_SMALL)
        act_id = case_queries.get_case(officer, case_id)["acts"][0]["id"]
        with pytest.raises(ValidationFailed) as caught:
            cases.issue_decision(
                officer,
                case_id,
                decision_form(version=version(case_id), **{f"fine_{act_id}": fine}),
            )
        messages.append(caught.value.errors[f"fine_{act_id}"])
    assert messages[0] == messages[1]
    assert messages[1].startswith("Mức phạt phải trong khung từ 2.000.000 đồng")


def test_an_amount_past_the_ceiling_is_out_of_range_not_malformed():
    form = FormReader({"a": "99.999.999.999.999", "b": "12abc"})
    assert form.amount("a", "số tiền") is None
    assert form.errors["a"] == (
        "Số tiền quá lớn: không được vượt quá 10.000.000.000.000 đồng."
    )
    assert form.amount("b", "số tiền") is None
    assert form.errors["b"] == "12abc không phải số tiền hợp lệ."
    assert FormReader({"a": "99.999.999.999.999"}).amount(
        "a", "số tiền", bounded=True
    ) == 99_999_999_999_999


def test_officer_is_told_who_takes_the_coercion_decision(people, lead):  # noqa: F811
    """The coercion decision is a signer's step: an officer of the unit does
    not get its button, but is told why, once coercion is possible; the
    signer gets the button and no such line."""
    officer = people["canbo.a"]
    case_id = overdue_case(officer)

    coerce = "Quyết định cưỡng chế"
    assert "coerce" not in {s["code"] for s in allowed_steps(officer, case_id)}
    reasons = {h["label"]: h["reason"] for h in held_steps(officer, case_id)}
    assert reasons[coerce].startswith("quyết định này do người có thẩm quyền")
    assert "Người có thẩm quyền xử phạt" in reasons[coerce]

    assert "coerce" in {s["code"] for s in allowed_steps(lead, case_id)}
    assert coerce not in {h["label"] for h in held_steps(lead, case_id)}

    # Not yet overdue: nothing to coerce, so nothing to explain.
    fresh = fined_case(officer)
    assert coerce not in {h["label"] for h in held_steps(officer, fresh)}


def test_coercion_cap_on_a_refused_day_is_the_one_a_valid_day_reaches(
    people,
    lead,  # noqa: F811
):
    """User trial: a day inside the compliance period (refused) named the
    bare fine as the cap, with no interest yet, and then more than it
    passed at a valid day; later trial: today's cap named under the day
    entered was not the cap of the day then typed. A refused day is
    checked against today's cap (the highest any valid day reaches) and
    the message names no figure."""
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    early = d(LATE + 5)  # after the decision, before the deadline
    errors = refused(lead, case_id, "coerce", **SALARY, on=early, amount="3.000.000")
    assert "hết thời hạn chấp hành" in errors["on"]
    assert errors["amount"] == (
        "Số tiền vượt quá số còn phải nộp. Số tiền tối đa tính đến ngày quyết "
        "định cưỡng chế nên chỉ nêu được khi ngày đó hợp lệ: sửa ngày trước, "
        "hoặc để trống ô này để thu toàn bộ số còn phải nộp."
    )
    assert "đồng" not in errors["amount"]
    # A day that cannot be read, or a future one: no figure either.
    for bad in ("31/02/2026", d(-3)):
        errors = refused(lead, case_id, "coerce", **SALARY, on=bad,
                         amount="3.000.000")
        assert "on" in errors and "đồng" not in errors["amount"], bad
    # A valid day before today: the cap is counted to it, as typed (user
    # trial: the refusal quoted today's figure under the day entered).
    errors = refused(lead, case_id, "coerce", **SALARY, on=d(5), amount="3.000.000")
    assert errors == {
        "amount": f"Không quá số tiền còn phải nộp tính đến ngày {d(5)} "
        "(2.632.500 đồng: tiền phạt 2.500.000 đồng, tiền chậm nộp 132.500 đồng)."
    }
    # Between the fine and the real cap: only the day is wrong.
    errors = refused(lead, case_id, "coerce", **SALARY, on=early, amount="2.600.000")
    assert list(errors) == ["on"]
