"""The under-14 warning shows while the case forms are filled in (user
trial: it appeared only after the record was saved). The rule and its text
are domain/minors.py's, the same as after the save; it stays a warning."""

from datetime import timedelta

import pytest

from tests.security.conftest import new_state
from tests.services.conftest import case_form
from xlvphc.domain.minors import minor_rule, record_warning
from xlvphc.models.base import local_now
from xlvphc.services import case_edit, cases
from xlvphc.state.case_edit import CaseEditState
from xlvphc.state.case_form import CaseFormState
from xlvphc.state.on_the_spot import OnTheSpotState
from xlvphc.state.violator_form import typed_minor_warning


def test_a_child_under_14_on_the_day_of_the_violation_is_warned():
    warning = typed_minor_warning("02/03/2012", "01/03/2026")
    assert warning.startswith("Người vi phạm 13 tuổi khi vi phạm, chưa đủ 14 tuổi")
    assert "Điều 5 Luật XLVPHC" in warning
    # The same words as the warning after the save (services.cases).
    assert warning == record_warning(minor_rule(*_days("02/03/2012", "01/03/2026")))


def _days(*texts):
    from xlvphc.domain.dates import parse_date

    return [parse_date(t) for t in texts]


@pytest.mark.parametrize(
    "birth, violated",
    [
        ("01/03/2012", "01/03/2026"),  # 14 on that very day
        ("15/04/1990", "01/03/2026"),  # an adult
        ("01/03/2011", "01/03/2026"),  # 15: sanctioned, only a warning
        ("", "01/03/2026"),  # no birth date yet
        ("01/03/20", "01/03/2026"),  # still being typed
        ("02/03/2012", ""),  # no violation date yet
        ("02/03/2027", "01/03/2026"),  # born after: the save refuses it
        (None, ["01/03/2026"]),  # not text at all, from a crafted event
    ],
)
def test_no_warning_from_14_or_without_two_dates(birth, violated):
    assert typed_minor_warning(birth, violated) == ""


@pytest.mark.parametrize("cls", [CaseFormState, OnTheSpotState, CaseEditState])
def test_forms_warn_as_either_date_is_typed(cls):
    _, state = new_state(cls)
    state.check_violation_day("01/03/2026")
    assert state.minor_warning == ""
    state.check_birth("02/03/2012")
    assert "13 tuổi" in state.minor_warning
    state.check_violation_day("02/03/2026")  # 14 that day
    assert state.minor_warning == ""
    state.check_birth("x" * 10_000)
    assert state.minor_warning == "" and len(state._typed_birth) <= 40


def test_edit_form_warns_from_the_saved_dates_and_saving_is_allowed(people):
    day = (local_now() - timedelta(days=2)).strftime("%d/%m/%Y")
    child = case_form(birth_date="01/01/2018", violation_date=day)
    case_id = cases.create_case(people["canbo.a"], child)  # still saved
    _, state = new_state(CaseEditState)
    state._fill(case_edit.edit_form(people["canbo.a"], case_id))
    assert "chưa đủ 14 tuổi" in state.minor_warning
    _, state = new_state(CaseEditState)
    adult = cases.create_case(people["canbo.a"], case_form())
    state._fill(case_edit.edit_form(people["canbo.a"], adult))
    assert state.minor_warning == ""


def test_the_on_the_spot_form_says_to_make_a_record_instead():
    """No record is made on the spot: the advice is "Lập biên bản", not the
    closing step of a saved record (user trial)."""
    spot = typed_minor_warning("02/03/2012", "01/03/2026", on_the_spot=True)
    assert spot.startswith("Người vi phạm 13 tuổi khi vi phạm, chưa đủ 14 tuổi")
    assert "«Lập biên bản»" in spot and "Biên bản vẫn được lưu" not in spot
    assert typed_minor_warning("01/03/2011", "01/03/2026", on_the_spot=True) == ""
