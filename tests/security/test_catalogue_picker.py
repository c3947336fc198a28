"""The violation-catalogue picker (state/catalogue_picker.py) behaves the
same in the new-case form and the edit form that share it: only rows the
server listed can be added, at most MAX_ACTS, each once."""

import pytest

from tests.security.conftest import new_state
from xlvphc.services.case_input import MAX_ACTS
from xlvphc.state.case_edit import CaseEditState
from xlvphc.state.case_form import CaseFormState


def _rows(n: int) -> list[dict]:
    return [{"id": str(i), "citation": f"Điểm a khoản {i}"} for i in range(1, n + 1)]


@pytest.mark.parametrize("cls", [CaseFormState, CaseEditState])
def test_picker_adds_only_listed_rows_once_and_removes(cls):
    _, state = new_state(cls)
    for handler in ("search_catalogue", "add_act", "remove_act"):
        assert handler in cls.event_handlers
    state.catalogue_results = _rows(3)
    state.add_act("99")  # not listed by the server: ignored
    state.add_act("2")
    state.add_act("2")
    state.add_act("1")
    assert [s["id"] for s in state.selected] == ["2", "1"]
    assert state._act_ids() == "2,1"
    state.remove_act("2")
    assert [s["id"] for s in state.selected] == ["1"]
    state.catalogue_message, state.catalogue_tips = "Không thấy", ["Gõ ít chữ hơn"]
    state._reset_picker()
    assert (state.catalogue_results, state.catalogue_message, state.catalogue_tips) == (
        [],
        "",
        [],
    )


@pytest.mark.parametrize("cls", [CaseFormState, CaseEditState])
def test_picker_stops_at_the_most_acts(cls):
    _, state = new_state(cls)
    state.catalogue_results = _rows(MAX_ACTS + 2)
    for row in state.catalogue_results:
        state.add_act(row["id"])
    assert len(state.selected) == MAX_ACTS
