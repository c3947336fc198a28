"""A sanction decision signed on paper before it was entered keeps the
number it carries (user trial: back-entered decisions took the series'
next numbers, so 01/QĐ-XPHC was dated after 02/QĐ-XPHC). The step
decisions had this already (services/procedure/decision_numbers.py)."""

import pytest

from tests.services.conftest import decision_form
from tests.services.test_procedure import (
    FAMILY_SMALL,
    case_row,
    d,
    new_case,
    version,
)
from xlvphc.services import case_queries, cases
from xlvphc.services.errors import ValidationFailed


def _decide(actor, case_id: int, **form) -> str:
    return cases.issue_decision(
        actor, case_id, decision_form(version=version(case_id), **form)
    )


def test_a_paper_number_is_kept_and_the_series_moves_past_it(people):
    officer = people["canbo.a"]
    first = new_case(officer, FAMILY_SMALL, 30)
    second = new_case(officer, FAMILY_SMALL, 30)

    paper = _decide(officer, first, decided_on=d(29), decision_number="7 / qđ-xphc")
    following = _decide(officer, second, decided_on=d(28))

    assert paper == "7/QĐ-XPHC"
    assert case_row(first).decision_number == paper
    assert following.startswith("08/") and following.endswith("/QĐ-XPHC")


def test_a_number_the_unit_gave_that_year_is_refused_at_its_box(people):
    officer = people["canbo.a"]
    first = new_case(officer, FAMILY_SMALL, 5)
    second = new_case(officer, FAMILY_SMALL, 5)
    given = _decide(officer, first)

    with pytest.raises(ValidationFailed) as refused:
        _decide(officer, second, decision_number=given.lstrip("0"))

    assert "đã được dùng" in refused.value.errors["decision_number"]
    assert not case_row(second).decision_number


@pytest.mark.parametrize("typed", ["QĐ-XPHC", "không số", "—"])
def test_a_number_without_digits_is_refused(people, typed):
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 5)

    with pytest.raises(ValidationFailed) as refused:
        _decide(officer, case_id, decision_number=typed)

    assert refused.value.errors["decision_number"].startswith(
        "Số quyết định phải có chữ số"
    )


def test_the_timeline_gives_the_record_and_decision_days(people):
    """A back-entered case read as if everything happened the day it was
    typed: the lines now carry the days the papers bear."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 30)
    _decide(officer, case_id, decided_on=d(29), decision_number="3")

    lines = [e["summary"] for e in case_queries.get_case(officer, case_id)["timeline"]]

    assert any(
        line.startswith("Lập biên bản") and f"(lập ngày {d(30)})" in line
        for line in lines
    )
    assert any(
        "3/QĐ-XPHC" in line and f"(ngày quyết định {d(29)})" in line
        for line in lines
    )
