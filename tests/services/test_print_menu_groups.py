"""The print menu in groups (user trial, phone): the case's papers with a
copy to sign first, then the drafts its next steps need, then the forms
only printed blank, so that the issued papers are not below the fold of a
40-form list."""

from tests.security.conftest import new_state
from tests.services.conftest import (  # noqa: F401 - fixtures
    case_form,
    decision_form,
    people,
    ref,
)
from xlvphc.services import cases, printing
from xlvphc.state.printing import PrintMenuState


def _menu_of(actor, case_id: int) -> PrintMenuState:
    """The menu's state holding what its load_forms handler would load."""
    _root, state = new_state(PrintMenuState)
    state.forms = printing.menu_forms(actor, case_id)
    return state


def test_decided_case_lists_its_papers_then_drafts_then_blank_forms(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    cases.issue_decision(officer, case_id, decision_form(version=1))

    state = _menu_of(officer, case_id)
    signed = [f["code"] for f in state.signed_forms]
    drafts = [f["code"] for f in state.draft_forms]
    blank = [f["code"] for f in state.blank_forms]

    # The record and the decision the case holds come first, to sign.
    assert signed[:2] == ["MBB01", "MQĐ02"], signed
    # A postponement not recorded yet: a draft for the next step.
    assert "MQĐ03" in drafts and "MQĐ03" not in signed
    # A form of no use at this stage is only offered blank.
    assert "MQĐ01" in blank
    # Every row is in exactly one group, in the service's order.
    rows = state.forms
    assert sorted(signed + drafts + blank) == sorted(f["code"] for f in rows)
    assert len(signed) + len(drafts) + len(blank) == len(rows)
    order = [f["code"] for f in rows]
    for group in (signed, drafts, blank):
        assert group == [c for c in order if c in group]
