"""A case in the recycle bin opened by its address (user trial): a user of
its own units is told it is in the bin, with the way there for one who may
open it; another unit's user gets the answer of a missing case, so ids still
cannot be probed; and the page shows one message, not the panel plus the
refusal of the sections mounted for a case shown before."""

import json
import logging

import pytest

from tests.services.conftest import case_form
from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.services import case_queries, cases, recycle_bin
from xlvphc.services.errors import PermissionDenied
from xlvphc.state.cases import CaseDetailState
from xlvphc.state.procedure import ProcedureState

PATH = "/ho-so/chi-tiet"


def _binned(officer) -> int:
    case_id = cases.create_case(officer, case_form())
    recycle_bin.delete_case(officer, case_id, "Nhập trùng hồ sơ")
    return case_id


def _opened(username: str, case_id: object) -> CaseDetailState:
    state = _opened_on(CaseDetailState, _token(username), PATH, {"id": str(case_id)})
    _run(state, "open")
    return state


def test_own_units_binned_case_says_it_is_in_the_bin(people, caplog):
    case_id = _binned(people["canbo.a"])
    with caplog.at_level(logging.WARNING):
        state = _opened("canbo.a", case_id)
    assert (state.refused, state.in_bin, state.case, state.message) == (
        True, True, {}, "",
    )
    assert "refused CaseDetailState.open" in caplog.text
    # The service itself still refuses to read it.
    with pytest.raises(PermissionDenied):
        case_queries.get_case(people["canbo.a"], case_id)

    # Restored, it opens again and the bin flag is gone.
    recycle_bin.restore_case(people["canbo.a"], case_id)
    state = _opened("canbo.a", case_id)
    assert (state.refused, state.in_bin, state.case["id"]) == (False, False, case_id)


def test_other_units_binned_case_looks_like_a_missing_one(people):
    case_id = _binned(people["canbo.a"])
    seen = [
        (s.refused, s.in_bin, s.case, s.message)
        for s in (_opened("canbo.b", case_id), _opened("canbo.b", 99_999_999))
    ]
    assert seen == [(True, False, {}, "")] * 2
    assert not recycle_bin.in_bin(people["canbo.b"], case_id)
    assert not recycle_bin.in_bin(people["canbo.a"], 99_999_999)
    assert not recycle_bin.in_bin(people["canbo.a"], "abc")
    # A case that is not binned is not "in the bin" for anyone.
    live = cases.create_case(people["canbo.a"], case_form())
    assert not recycle_bin.in_bin(people["canbo.a"], live)


def test_the_refused_page_shows_its_panel_alone(people):
    """The trial's page: the case was open in the tab, then binned. The
    procedure panel mounted for it is refused too; its message (the same
    sentence as the panel's title) is not shown next to the panel."""
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    token = _token("canbo.a")
    detail = _opened_on(CaseDetailState, token, PATH, {"id": str(case_id)})
    _run(detail, "open")
    recycle_bin.delete_case(officer, case_id, "Nhập trùng hồ sơ")
    _run(detail, "open")
    root = detail
    while root.parent_state is not None:
        root = root.parent_state
    panel = root.get_substate(ProcedureState.get_full_name().split(".")[1:])
    _run(panel, "load")
    assert detail.refused and detail.in_bin
    assert "Không tìm thấy hồ sơ" in detail.message  # set by the panel's load

    from xlvphc.pages.case_detail import case_detail_page

    page = getattr(case_detail_page, "__wrapped__", case_detail_page)()
    refusal = _cond_on(page.render(), "refused")
    shown, otherwise = (
        json.dumps(refusal[k], ensure_ascii=False, default=str)
        for k in ("true_value", "false_value")
    )
    assert "ho-so-trong-thung-rac" in shown and "khong-co-quyen" in shown
    assert "den-thung-rac" in shown and "/thung-rac" in shown
    # The page's error message is rendered only when the case is not refused.
    assert "thong-bao-loi" in otherwise and "thong-bao-loi" not in shown


def _cond_on(tree, var: str) -> dict:
    """The first rendered rx.cond whose condition reads `var`."""
    if isinstance(tree, dict):
        if "cond_state" in tree and var in str(tree["cond_state"]):
            return tree
        children = list(tree.values())
    elif isinstance(tree, list):
        children = tree
    else:
        return {}
    for child in children:
        found = _cond_on(child, var)
        if found:
            return found
    return {}
