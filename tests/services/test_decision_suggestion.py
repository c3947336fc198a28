"""The decision form suggests each act's fine from the circumstances typed,
by the rule the service then checks (NĐ 118 Điều 9 as rewritten by NĐ
68/2025): a user-trial form said "must be 80.000.000" while it still
offered the average 70.000.000."""

import pytest

from tests.security.conftest import new_state
from xlvphc.state.case_form import DecisionFormState

FRAME = {
    "id": 7,
    "low": 60_000_000,
    "high": 80_000_000,
    "default_fine": "70.000.000",
    "advice": "",
}
WARNING_ONLY = {"id": 8, "low": 0, "high": 0, "default_fine": "", "advice": ""}


def _recount(*calls: tuple[str, object]) -> list[dict]:
    _root, state = new_state(DecisionFormState)
    state.acts = [dict(FRAME), dict(WARNING_ONLY)]
    handler = DecisionFormState.event_handlers["recount"].fn
    for kind, text in calls:
        handler(state, kind, text)
    return state.acts


@pytest.mark.parametrize(
    ("calls", "fine", "basis"),
    [
        ([], "70.000.000", ""),
        ([("aggravating", "Tái phạm\nVi phạm nhiều lần")], "80.000.000", "tối đa"),
        (
            [("mitigating", "Tự nguyện khai báo\n\n  \nĐã khắc phục")],
            "60.000.000",
            "tối thiểu",
        ),
        # One and one offset: back to the average.
        (
            [("aggravating", "Tái phạm"), ("mitigating", "Đã khắc phục")],
            "70.000.000",
            "trung bình",
        ),
        # Emptying the box again takes its factors away.
        (
            [("aggravating", "Tái phạm\nVi phạm nhiều lần"), ("aggravating", "")],
            "70.000.000",
            "",
        ),
    ],
)
def test_the_suggested_fine_follows_the_circumstances(calls, fine, basis):
    acts = _recount(*calls)

    assert acts[0]["default_fine"] == fine
    assert basis in acts[0]["advice"]
    assert acts[1] == WARNING_ONLY  # a warning-only act gets no amount


@pytest.mark.parametrize(
    "call", [("other", "x"), ("aggravating", None), ("aggravating", 5)]
)
def test_malformed_calls_change_nothing(call):
    assert _recount(call) == [FRAME, WARNING_ONLY]
