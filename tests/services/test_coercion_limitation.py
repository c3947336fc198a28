"""Coercion past the execution limitation (Law Art. 74 k1: 01 year from the
decision). The fine is no longer collected, so with money only left the step
«Quyết định cưỡng chế» is not offered and the case page says why (user
trial: it was offered, then refused on submit). A remedial measure is still
carried out after the limitation, so MQĐ11 stays open for it."""

import pytest

from tests.services.conftest import decision_form
from tests.services.test_procedure import (
    FAMILY_SMALL,
    d,
    lead,  # noqa: F401 (fixture)
    new_case,
    step,
    version,
)
from xlvphc.models import Case
from xlvphc.services import cases
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.procedure import allowed_steps
from xlvphc.services.procedure.limits import execution_end
from xlvphc.services.procedure.transitions import held_steps

COERCE = "Quyết định cưỡng chế"


def expired_case(officer, days_ago: int = 368, **decision) -> int:
    """Decided and received `days_ago` days ago: past the year of Art. 74."""
    case_id = new_case(officer, FAMILY_SMALL, days_ago + 2)
    form = decision_form(decided_on=d(days_ago), version=version(case_id), **decision)
    cases.issue_decision(officer, case_id, form)
    step(officer, case_id, "receipt", on=d(days_ago))
    return case_id


def end_of(case_id: int) -> str:
    with session_scope() as session:
        return f"{execution_end(session.get(Case, case_id), session):%d/%m/%Y}"


def offered(actor, case_id: int) -> dict[str, dict]:
    return {s["code"]: s for s in allowed_steps(actor, case_id)}


def held(actor, case_id: int) -> dict[str, str]:
    return {h["label"]: h["reason"] for h in held_steps(actor, case_id)}


def test_fine_only_past_the_limitation_is_not_offered_and_explained(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = expired_case(officer)
    end = end_of(case_id)
    steps = offered(lead, case_id)
    # Neither the decision nor the verification made for it.
    assert "coerce" not in steps and "verify_assets" not in steps
    reason = held(lead, case_id)[COERCE]
    assert reason.startswith(f"Đã hết thời hiệu thi hành ngày {end}")
    assert "Điều 74" in reason
    # The officer is told the same, not to ask the signer.
    assert held(officer, case_id)[COERCE] == reason
    before = version(case_id)
    for measure in ("account", "distraint", "remedial"):
        with pytest.raises(Conflict) as caught:
            step(lead, case_id, "coerce", code=measure, on=d(0), document="1")
        assert f"ngày {end} (Điều 74" in caught.value.message, measure
    assert version(case_id) == before


def test_within_the_year_an_overdue_fine_is_coerced_as_before(
    people,
    lead,  # noqa: F811
):
    """Within the year (an overdue fine) coercion is offered with no line."""
    officer = people["canbo.a"]
    case_id = expired_case(officer, days_ago=300)
    assert "coerce" in offered(lead, case_id)
    assert COERCE not in held(lead, case_id)


def test_a_remedial_measure_is_still_coerced_after_the_limitation(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = expired_case(officer, remedial_measures="Buộc tháo dỡ công trình")
    steps = offered(lead, case_id)
    assert "coerce" in steps
    assert COERCE not in held(lead, case_id)
    [measure] = [f for f in steps["coerce"]["fields"] if f["name"] == "code"]
    assert [o["id"] for o in measure["options"]] == ["remedial"]
    # A money measure is refused at the measure, naming the limitation.
    with pytest.raises(ValidationFailed) as caught:
        step(lead, case_id, "coerce", code="account", on=d(0), account_number="1")
    assert f"thi hành ngày {end_of(case_id)}" in caught.value.errors["code"]
    assert "MQĐ11" in caught.value.errors["code"]
    summary = step(lead, case_id, "coerce", code="remedial", on=d(0), period="15")
    assert "Quyết định cưỡng chế số" in summary
