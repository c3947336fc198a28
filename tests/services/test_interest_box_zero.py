"""An explicit 0 in an optional money box that means "none" is read as the
box left empty (user trial: "0" typed in «Tiền chậm nộp đã nộp / đã thu»
of the payment and coercion-result forms was refused as "phải lớn hơn 0").
The coercion decision's «Số tiền phải thu» is not such a box: empty there
means everything owed."""

from tests.services.test_late_payment_interest import (
    FINE,
    INTEREST,
    overdue_case,
    refused,
)
from tests.services.test_procedure import (
    case_row,
    d,
    lead,  # noqa: F401 (fixture)
    received_case,
    step,
)


def test_payment_with_zero_interest_pays_the_fine_only(people):
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    text = step(officer, case_id, "payment", on=d(0), amount=FINE, surcharge="0")
    assert text.startswith(f"Nộp tiền phạt {FINE} đồng")
    case = case_row(case_id)
    assert (case.paid_total, case.surcharge_total, case.surcharge_paid) == (
        2_500_000,
        INTEREST,
        0,
    )


def test_payment_on_time_with_zero_interest_is_taken(people):
    """No interest is owed yet: a 0 there is no interest paid, not an
    interest refused."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 2)
    step(officer, case_id, "payment", on=d(0), amount="3.500.000", surcharge="0")
    assert case_row(case_id).paid_total == 3_500_000


def test_payment_of_the_interest_with_zero_fine(people):
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    step(officer, case_id, "payment", on=d(0), amount=FINE)
    text = step(officer, case_id, "payment", on=d(0), amount="0", surcharge="138.750")
    assert text.startswith("Nộp tiền chậm nộp 138.750 đồng")
    assert case_row(case_id).surcharge_paid == INTEREST


def test_payment_of_nothing_is_still_refused(people):
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    errors = refused(officer, case_id, "payment", on=d(0), amount="0", surcharge="0")
    assert errors == {
        "amount": "Vui lòng nhập số tiền phạt hoặc tiền chậm nộp đã nộp."
    }


def test_coercion_result_with_zero_interest_collects_the_fine_only(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    step(lead, case_id, "coerce", code="account", on=d(0), document="1/QĐ-CCXP")
    text = step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        amount=FINE,
        surcharge="0",
        note="Ngân hàng đã trích chuyển tiền phạt",
    )
    assert "tiền chậm nộp 0" not in text
    assert f"còn phải nộp 138.750 đồng (tiền chậm nộp 138.750 đồng)" in text
    case = case_row(case_id)
    assert (case.paid_total, case.surcharge_paid) == (2_500_000, 0)


def test_coercion_result_with_zero_fine_collects_the_interest(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    step(officer, case_id, "payment", on=d(0), amount=FINE)
    step(lead, case_id, "coerce", code="account", on=d(0), document="1/QĐ-CCXP")
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        amount="0",
        surcharge="138.750",
        note="Ngân hàng đã trích chuyển tiền chậm nộp",
    )
    assert case_row(case_id).surcharge_paid == INTEREST
