"""The result of a coercion (Luật XLVPHC Điều 86) records only money the
coercion decisions cover: each money decision (MQĐ07-MQĐ10) states the sum
it recovers ("Số tiền bị khấu trừ"), and the fine collected may not exceed
what they still have to collect, nor the fine unpaid. The step's form names
the maximum; a refusal is at the amount field and changes nothing."""

import pytest

from tests.services.test_coercion_remedial_owed import MEASURE
from tests.services.test_print_official_copies import overdue
from tests.services.test_procedure import (
    case_row,
    d,
    lead,  # noqa: F401 (fixture)
    received_case,
    step,
)
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure import allowed_steps

FINE = 3_500_000  # FAMILY_SMALL's default fine, received 30 days ago
INTEREST = FINE * 20 // 2000  # 20 days past the deadline: 35.000 đồng


def collected(officer, case_id: int, **data) -> str:
    return step(officer, case_id, "coercion_done", on=d(0), note="Đã thu", **data)


def _refusals(officer, case_id: int, **data) -> dict[str, str]:
    """The result's refusals by box; the case unchanged."""
    before = case_row(case_id)
    with pytest.raises(ValidationFailed) as caught:
        collected(officer, case_id, **data)
    after = case_row(case_id)
    assert (after.paid_total, after.surcharge_paid, after.version) == (
        before.paid_total,
        before.surcharge_paid,
        before.version,
    )
    return caught.value.errors


def refused_amount(officer, case_id: int, **data) -> str:
    return _refusals(officer, case_id, **data)["amount"]


def amount_hint(actor, case_id: int) -> str:
    [row] = [s for s in allowed_steps(actor, case_id) if s["code"] == "coercion_done"]
    [field] = [f for f in row["fields"] if f["name"] == "amount"]
    return field["hint"]


def test_partial_decision_caps_the_fine_collected(people, lead):  # noqa: F811
    """A deduction of 1.000.000 đồng decided: the whole unpaid fine is
    refused, naming 1.000.000 đồng; the 1.000.000 is recorded; then the
    decision has nothing left and a further đồng is refused."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", code="account", on=d(0), amount="1.000.000")
    assert "Không quá 1.000.000 đồng" in amount_hint(officer, case_id)

    message = refused_amount(officer, case_id, amount="3.500.000")
    assert message.startswith("Không quá 1.000.000 đồng: số tiền các quyết định")
    assert "đã quyết định thu 1.000.000 đồng, đã thu 0 đồng" in message
    assert "Điều 86" in message and "quyết định cưỡng chế mới" in message

    collected(officer, case_id, amount="1.000.000")
    assert case_row(case_id).paid_total == 1_000_000
    message = refused_amount(officer, case_id, amount="1")
    assert message.startswith("Không quá 0 đồng: các quyết định cưỡng chế đã thu đủ")
    assert "(1.000.000 đồng)" in message
    assert amount_hint(officer, case_id).startswith("Để trống")


def test_a_second_decision_adds_what_may_be_collected(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", code="account", on=d(0), amount="1.000.000")
    collected(officer, case_id, amount="400.000")
    # The first decision still covers 600.000 đồng.
    assert refused_amount(officer, case_id, amount="600.001").startswith(
        "Không quá 600.000 đồng"
    )
    step(
        lead,
        case_id,
        "coerce",
        code="salary",
        on=d(0),
        amount="2.000.000",
        holder="Công ty TNHH Cà phê Buôn Ma Thuột",
        deduct_from="salary",
    )
    # 1.000.000 + 2.000.000 decided, 400.000 collected.
    assert refused_amount(officer, case_id, amount="2.600.001").startswith(
        "Không quá 2.600.000 đồng"
    )
    collected(officer, case_id, amount="2.600.000")
    assert case_row(case_id).paid_total == 3_000_000


def test_interest_collected_counts_against_the_decision(people, lead):  # noqa: F811
    """A decision for the fine and its interest (the amount left blank):
    the interest collected uses part of what it covers."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", code="account", on=d(0))
    # Blank amount: the unpaid fine and the interest until the decision.
    assert amount_hint(officer, case_id).startswith("Không quá 3.500.000 đồng")
    collected(officer, case_id, surcharge="35.000")
    assert case_row(case_id).surcharge_paid == INTEREST
    # The fine is still 3.500.000; the decision has 3.500.000 left.
    assert refused_amount(officer, case_id, amount="3.500.001") == (
        "Không quá số tiền phạt còn phải nộp (3.500.000 đồng)."
    )
    collected(officer, case_id, amount="3.500.000")
    assert case_row(case_id).paid_total == FINE


def test_a_remedial_coercion_collects_no_fine(people, lead):  # noqa: F811
    """MQĐ11 forces a remedial measure: its result records no fine."""
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    step(lead, case_id, "coerce", code="remedial", on=d(0))
    message = refused_amount(officer, case_id, amount="100.000")
    assert message.startswith("Không quá 0 đồng: chưa có quyết định cưỡng chế thu tiền")
    collected(officer, case_id)  # the measure carried out, no money
    assert case_row(case_id).paid_total == 0


def refused_interest(officer, case_id: int, **data) -> str:
    """The refusal at the interest box, the amount itself accepted."""
    errors = _refusals(officer, case_id, **data)
    assert "amount" not in errors
    return errors["surcharge"]


def interest_hint(actor, case_id: int) -> str:
    [row] = [s for s in allowed_steps(actor, case_id) if s["code"] == "coercion_done"]
    [field] = [f for f in row["fields"] if f["name"] == "surcharge"]
    return field["hint"]


def test_interest_run_after_the_decision_needs_a_new_one(people, lead):  # noqa: F811
    """A decision of 5 days ago recovers the interest until its day (15
    days late); the interest of the 5 days since is owed but not in its
    sum: the result may not record it, a new decision may collect it."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", code="account", on=d(5))
    decided = FINE * 15 // 2000  # 26.250 đồng
    assert decided < INTEREST
    assert interest_hint(officer, case_id).startswith("Không quá 26.250 đồng")

    message = refused_interest(
        officer, case_id, amount="3.500.000", surcharge="35.000"
    )
    assert message.startswith("Không quá 26.250 đồng: tiền chậm nộp các quyết")
    assert "đã quyết định thu 26.250 đồng tính đến ngày quyết định" in message
    assert "đã thu 0 đồng" in message
    assert "Điều 86" in message and "quyết định cưỡng chế mới" in message

    collected(officer, case_id, amount="3.500.000", surcharge="26.250")
    assert case_row(case_id).surcharge_paid == decided
    assert interest_hint(officer, case_id).startswith("Để trống")
    assert refused_interest(officer, case_id, surcharge="1").startswith(
        "Không quá 0 đồng"
    )

    # The rest of the interest (the fine collected today fixed it at 20
    # days) by a new decision.
    step(lead, case_id, "coerce", code="account", on=d(0))
    assert interest_hint(officer, case_id).startswith("Không quá 8.750 đồng")
    collected(officer, case_id, surcharge="8.750")
    assert case_row(case_id).surcharge_paid == INTEREST


def test_fine_and_interest_together_stay_within_the_sum(people, lead):  # noqa: F811
    """A decision for a sum just above the fine: the interest collected with
    the whole fine may only fill the difference."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", code="account", on=d(0), amount="3.510.000")
    message = refused_interest(
        officer, case_id, amount="3.500.000", surcharge="35.000"
    )
    assert message.startswith(
        "Không quá 10.000 đồng: số tiền các quyết định cưỡng chế còn phải thu "
        "(3.510.000 đồng) trừ tiền phạt đã thu lần này (3.500.000 đồng)"
    )
    collected(officer, case_id, amount="3.500.000", surcharge="10.000")
    case = case_row(case_id)
    assert (case.paid_total, case.surcharge_paid) == (FINE, 10_000)
