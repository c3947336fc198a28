"""«Ra quyết định xử phạt» is offered only when the law allows a decision
(user trial: it was offered for a time-barred case and for a violator born in
2018, and only submitting refused it). Both bars: the sanctioning limitation
(Law Art. 6, Art. 65 k1 c) and a violator under 14 (Art. 5 k1 a). The panel
leaves the step out and says why ("held"); the server still refuses; the
record of a violation by a person under 14 is kept, with a warning."""

from datetime import timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import decision_form
from tests.services.test_procedure import FAMILY_SMALL, TODAY, d, new_case, version
from xlvphc.models import CaseEvent
from xlvphc.services import cases
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.procedure import allowed_steps, case_procedure
from xlvphc.services.procedure.transitions import held_steps

DECIDE = "Ra quyết định xử phạt"


def offered(actor, case_id: int) -> set[str]:
    return {s["code"] for s in allowed_steps(actor, case_id)}


def held(actor, case_id: int) -> dict[str, str]:
    return {h["label"]: h["reason"] for h in held_steps(actor, case_id)}


def barred_case(officer) -> int:
    """The trial's case: violation 01/01/2020, recorded today."""
    return new_case(
        officer, FAMILY_SMALL, 0, violation_date="01/01/2020", violation_time="07:00"
    )


def child_case(officer, age: int = 8) -> int:
    """A violation 3 days ago by a child of `age` (born 2018 in the trial)."""
    violated = TODAY - timedelta(days=3)
    birth = violated.replace(year=violated.year - age) - timedelta(days=10)
    return new_case(officer, FAMILY_SMALL, 3, birth_date=birth.strftime("%d/%m/%Y"))


def first_event(case_id: int) -> str:
    with session_scope() as session:
        return session.exec(
            select(CaseEvent.summary)
            .where(CaseEvent.case_id == case_id)
            .order_by(CaseEvent.id)
        ).first()


def test_adult_case_in_time_offers_the_decision(people):
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 1)
    assert "decide" in offered(officer, case_id)
    assert DECIDE not in held(officer, case_id)
    assert case_procedure(officer, case_id)["alerts"] == []


def test_time_barred_case_holds_the_decision_and_says_why(people):
    officer = people["canbo.a"]
    case_id = barred_case(officer)

    steps = offered(officer, case_id)
    assert "decide" not in steps
    assert "close_no_decision" in steps  # what is left to do (Art. 65)
    reason = held(officer, case_id)[DECIDE]
    assert reason.startswith("Đã hết thời hiệu xử phạt")
    assert "Điều 6" in reason

    # The panel's summary no longer gives a decision deadline.
    summary = {
        p["label"]: p["value"] for p in case_procedure(officer, case_id)["summary"]
    }
    assert summary["Hạn ra quyết định (Điều 66)"].startswith("Không còn áp dụng")

    # The server still refuses, at the decision date, citing the law.
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(
            officer, case_id, decision_form(decided_on=d(0), version=version(case_id))
        )
    assert "Điều 6" in refused.value.errors["decided_on"]


def test_under_14_holds_the_decision_and_says_why(people):
    officer = people["canbo.a"]
    case_id = child_case(officer)

    steps = offered(officer, case_id)
    assert "decide" not in steps
    assert "close_no_decision" in steps
    reason = held(officer, case_id)[DECIDE]
    assert "8 tuổi" in reason and "chưa đủ 14 tuổi" in reason
    assert "Điều 5" in reason
    summary = {
        p["label"]: p["value"] for p in case_procedure(officer, case_id)["summary"]
    }
    assert summary["Hạn ra quyết định (Điều 66)"].startswith("Không áp dụng")

    with pytest.raises(Conflict) as refused:
        cases.issue_decision(
            officer, case_id, decision_form(decided_on=d(0), version=version(case_id))
        )
    assert "chưa đủ 14 tuổi" in refused.value.message


def test_under_14_record_is_kept_with_a_warning(people):
    """Art. 5 k1 a: the record is allowed (the matter may be transferred or
    handled otherwise), but the officer is told at once that no
    administrative sanction can follow: in the timeline and on the case."""
    officer = people["canbo.a"]
    case_id = child_case(officer)

    assert "chưa đủ 14 tuổi" in first_event(case_id)
    assert "Điều 5" in first_event(case_id)
    alerts = case_procedure(officer, case_id)["alerts"]
    assert alerts[0]["title"] == "Người vi phạm chưa đủ 14 tuổi"
    assert "không bị xử phạt vi phạm hành chính" in alerts[0]["text"]


def test_from_14_the_decision_is_offered_and_nothing_is_warned(people):
    officer = people["canbo.a"]
    case_id = child_case(officer, age=14)
    assert "decide" in offered(officer, case_id)
    assert DECIDE not in held(officer, case_id)
    assert "Lưu ý" not in first_event(case_id)
    assert case_procedure(officer, case_id)["alerts"] == []


def test_an_organisation_has_no_age(people):
    officer = people["canbo.a"]
    case_id = new_case(
        officer,
        FAMILY_SMALL,
        1,
        kind="organisation",
        name="Công ty TNHH Ea Kao",
        representative_name="Lê Văn Cường",
        tax_code="6000123456",
        birth_date="01/01/2018",
    )
    assert "decide" in offered(officer, case_id)


def test_a_reader_sees_no_held_decision(people):
    """The supervisor may not decide: the step is neither offered nor held."""
    officer, supervisor = people["canbo.a"], people["giamsat"]
    case_id = child_case(officer)
    assert "decide" not in offered(supervisor, case_id)
    assert DECIDE not in held(supervisor, case_id)
