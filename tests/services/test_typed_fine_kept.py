"""A fine the user typed is never changed without a word (user trial: on the
decision form, typing "Tình tiết giảm nhẹ" turned a typed 9.000.000 into
6.250.000, and a typed 2.800.000 was saved as 2.250.000).

The form redrew the fine box with the new suggestion whenever the
circumstances changed. Now a suggestion goes into the box only while it
still holds what the form put there; beside a typed amount it is shown as a
suggestion, with a button to take it. The service keeps the amount sent and
refuses, at the amount's box and naming the allowed range, one the
circumstances do not allow (NĐ 118/2021 Điều 9 as rewritten by NĐ 68/2025;
Luật XLVPHC Điều 23)."""

import json

import pytest

from tests.security.conftest import new_state
from tests.services.conftest import decision_form
from tests.services.test_procedure import (
    FAMILY_MID,
    FAMILY_SMALL,
    case_row,
    new_case,
    version,
)
from xlvphc.services import case_queries, cases
from xlvphc.services.errors import ValidationFailed
from xlvphc.state.case_form import DecisionFormState

# ---------------------------------------------------------------- service


def _decide(officer, act, fine: str, **circumstances):
    case_id = new_case(officer, act)
    act_id = case_queries.get_case(officer, case_id)["acts"][0]["id"]
    form = decision_form(version=version(case_id), **circumstances)
    form[f"fine_{act_id}"] = fine
    return case_id, f"fine_{act_id}", form


@pytest.mark.parametrize(
    ("act", "typed", "allowed"),
    [
        # 5.000.000–10.000.000, one mitigating: above 5.000.000, below the
        # average 7.500.000 (the trial's 9.000.000).
        (FAMILY_MID, "9.000.000", ("5.000.000 đồng", "7.500.000 đồng")),
        # 2.000.000–5.000.000: below the average 3.500.000.
        (FAMILY_SMALL, "4.000.000", ("2.000.000 đồng", "3.500.000 đồng")),
    ],
)
def test_a_typed_fine_the_circumstances_do_not_allow_is_refused_with_the_range(
    people, act, typed, allowed
):
    officer = people["canbo.a"]
    case_id, key, form = _decide(officer, act, typed, mitigating="Tự nguyện khai báo")

    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(officer, case_id, form)

    low, high = allowed
    message = caught.value.errors[key]
    assert f"cao hơn {low} và thấp hơn {high}" in message
    assert "Nghị định 68/2025" in message
    case = case_row(case_id)
    assert (case.status, case.fine_total) == ("recorded", 0)


def test_a_typed_fine_the_circumstances_allow_is_saved_as_typed(people):
    """Not the suggestion (6.250.000): the amount typed."""
    officer = people["canbo.a"]
    case_id, _key, form = _decide(
        officer, FAMILY_MID, "6.000.000", mitigating="Tự nguyện khai báo"
    )

    cases.issue_decision(officer, case_id, form)

    assert case_row(case_id).fine_total == 6_000_000


# ---------------------------------------------------------------- the form

FRAME = {
    "id": 7,
    "low": 5_000_000,
    "high": 10_000_000,
    "default_fine": "7.500.000",
    "suggested": "7.500.000",
    "advice": "",
    "typed": "",
    "box": "0",
}


def _form(*calls: tuple) -> dict:
    """The act's row after these handler calls, in order."""
    _root, state = new_state(DecisionFormState)
    state.acts = [dict(FRAME)]
    for name, *args in calls:
        DecisionFormState.event_handlers[name].fn(state, *args)
    return state.acts[0]


def test_a_typed_fine_stays_and_the_suggestion_is_shown_beside_it():
    row = _form(
        ("fine_typed", 7),
        ("recount", "mitigating", "Tự nguyện khai báo"),
    )

    # The box keeps its start value and key: it is not drawn again.
    assert (row["default_fine"], row["box"], row["typed"]) == ("7.500.000", "0", "1")
    assert row["suggested"] == "6.250.000"
    assert "thấp hơn mức trung bình" in row["advice"]


def test_a_box_left_as_the_form_filled_it_follows_the_suggestion():
    row = _form(("recount", "mitigating", "Tự nguyện khai báo"))
    assert (row["default_fine"], row["typed"]) == ("6.250.000", "")

    row = _form(("recount", "aggravating", "Tái phạm\nCó tổ chức"))
    assert row["default_fine"] == row["suggested"] == "10.000.000"


def test_a_typed_amount_equal_to_the_start_value_is_kept_too():
    """Typing is what makes the amount the user's, not a different amount
    (user trial: a typed average was replaced by the suggestion)."""
    row = _form(("fine_typed", 7), ("recount", "aggravating", "Tái phạm"))
    assert (row["default_fine"], row["box"], row["typed"]) == ("7.500.000", "0", "1")
    assert row["suggested"] == "8.750.000"

    # A second key changes nothing more.
    assert _form(("fine_typed", 7), ("fine_typed", 7))["typed"] == "1"


def test_the_suggestion_goes_into_a_typed_box_only_when_asked():
    row = _form(
        ("fine_typed", 7),
        ("recount", "mitigating", "Tự nguyện khai báo"),
        ("use_suggestion", 7),
    )
    # A new key draws the box again with the suggestion in it.
    assert (row["default_fine"], row["typed"], row["box"]) == ("6.250.000", "", "1")

    # From then on it follows the circumstances again, until typed in.
    row = _form(
        ("fine_typed", 7),
        ("recount", "mitigating", "Tự nguyện khai báo"),
        ("use_suggestion", 7),
        ("recount", "mitigating", ""),
    )
    assert row["default_fine"] == "7.500.000"


def test_the_suggestion_taken_clears_that_boxs_refusal_only():
    """The refusal was of the amount the box held; the suggestion replaces
    it (user trial: "Mức phạt phải trong khung" stayed under it)."""
    _root, state = new_state(DecisionFormState)
    state.acts = [dict(FRAME)]
    state.errors = {"fine_7": "Mức phạt phải trong khung.",
                    "decided_on": "Ngày không hợp lệ."}
    DecisionFormState.event_handlers["use_suggestion"].fn(state, 7)
    assert state.errors == {"decided_on": "Ngày không hợp lệ."}
    DecisionFormState.event_handlers["use_suggestion"].fn(state, 8)
    assert state.errors == {"decided_on": "Ngày không hợp lệ."}


@pytest.mark.parametrize(
    "call",
    [
        ("fine_typed", 8),  # another act
        ("fine_typed", True),
        ("fine_typed", "7"),
        ("use_suggestion", 8),
    ],
)
def test_malformed_or_foreign_calls_change_nothing(call):
    assert _form(call) == FRAME


def _texts(tree) -> list[str]:
    """The literal texts of a rendered component tree."""
    if isinstance(tree, dict):
        found = []
        if "contents" in tree:
            try:
                found.append(json.loads(tree["contents"]))
            except (TypeError, ValueError):
                pass
        for value in tree.values():
            found += _texts(value)
        return found
    if isinstance(tree, list):
        return [t for item in tree for t in _texts(item)]
    return []


def test_the_page_keys_the_box_by_a_counter_and_offers_the_suggestion():
    from xlvphc.pages.case_form import _fine_row

    tree = _fine_row(DecisionFormState.acts[0]).render()
    text = str(tree)
    # Typing marks the amount the user's, in the state and, at once, in
    # the form sent (the hidden flag set by assets/input_format.js, which
    # presses the hidden button: React reports no change for an amount put
    # over the same amount).
    assert "fine_typed" in text and "onChange" in text
    assert "data-typed-flag" in text and '"hidden"' in text
    assert "data-typed-notify" in text and "onClick" in text
    assert "use_suggestion" in text
    assert "Dùng mức gợi ý" in _texts(tree)
    key = text[text.index("'key:") :].split("', '")[0]
    assert '["box"]' in key  # redrawn only when a suggestion goes in
