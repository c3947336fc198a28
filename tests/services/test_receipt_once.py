"""One receipt, one payment (user trial: BL-0001234 was entered for two
payments of the unit without a word, and the money counted twice)."""

import pytest

from tests.services.test_late_payment_interest import fined_case, refused
from tests.services.test_procedure import case_row, d, step


def test_a_receipt_number_is_recorded_once_per_unit(people):
    officer, other_unit = people["canbo.a"], people["canbo.b"]
    first = fined_case(officer, "3.500.000", days_ago=3)
    second = fined_case(officer, "3.500.000", days_ago=2)
    step(officer, first, "payment", on=d(1), amount="1.000.000",
         document="BL-0001234")
    paid = case_row(second).paid_total

    errors = refused(officer, second, "payment", on=d(0), amount="1.000.000",
                     document="bl-0001234")
    record = case_row(first).record_number
    assert errors == {"document": (
        f"Biên lai / chứng từ số bl-0001234 đã được ghi cho lần nộp ngày {d(1)} "
        f"của hồ sơ biên bản số {record}. Mỗi biên lai chỉ ghi một lần: kiểm "
        "tra lại số."
    )}
    assert case_row(second).paid_total == paid  # nothing recorded

    # The same case's second payment under it: refused too.
    assert "document" in refused(officer, first, "payment", on=d(0),
                                 amount="500.000", document="BL-0001234")
    # Another receipt, or none, goes through; another unit's book is its own.
    step(officer, second, "payment", on=d(0), amount="1.000.000",
         document="BL-0001235")
    step(officer, second, "payment", on=d(0), amount="100.000")
    elsewhere = fined_case(other_unit, "3.500.000", days_ago=2)
    step(other_unit, elsewhere, "payment", on=d(0), amount="1.000.000",
         document="BL-0001234")
    assert case_row(elsewhere).paid_total == 1_000_000


@pytest.mark.parametrize("document", ["", "   "])
def test_no_receipt_number_is_no_conflict(people, document):
    officer = people["canbo.a"]
    case_id = fined_case(officer, "3.500.000", days_ago=3)
    step(officer, case_id, "payment", on=d(1), amount="100.000", document=document)
    step(officer, case_id, "payment", on=d(0), amount="100.000", document=document)
    assert case_row(case_id).paid_total == 200_000
