"""Every page opened on one case (?id=) that refuses it shows the same
refusal block as the case page: «Không tìm thấy hồ sơ hoặc bạn không có
quyền xem», with the «Về danh sách hồ sơ» button the guide promises, or the
recycle-bin panel for a binned case of the user's own units (user trial:
/ho-so/sua and /ho-so/quyet-dinh of another unit's case showed only the
bare refusal sentence)."""

import json
import logging

import pytest

from tests.services.conftest import case_form
from tests.services.test_case_in_bin_page import _cond_on
from tests.services.test_phone_lists import _escaped
from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.components.guard import CASE_REFUSED_TITLE
from xlvphc.services import cases, recycle_bin
from xlvphc.state.case_edit import CaseEditState
from xlvphc.state.case_form import DecisionFormState

PAGES = [
    (CaseEditState, "/ho-so/sua", "case_edit", "case_edit_page"),
    (DecisionFormState, "/ho-so/quyet-dinh", "case_form", "decision_page"),
]


def _opened(cls, path: str, username: str, case_id: object):
    state = _opened_on(cls, _token(username), path, {"id": str(case_id)})
    _run(state, "open")
    return state


@pytest.mark.parametrize("cls,path", [p[:2] for p in PAGES])
def test_another_units_case_is_refused_with_the_panel(people, caplog, cls, path):
    case_id = cases.create_case(people["canbo.a"], case_form())
    with caplog.at_level(logging.WARNING):
        other = _opened(cls, path, "canbo.b", case_id)
    missing = _opened(cls, path, "canbo.b", 99_999_999)
    for state in (other, missing):
        # No bare sentence beside the panel, and no form.
        assert (state.refused, state.in_bin, state.ready, state.message) == (
            True, False, False, "",
        )
    assert f"refused {cls.__name__}.open" in caplog.text

    # Binned, the owner is told where it is; the other unit still is not.
    recycle_bin.delete_case(people["canbo.a"], case_id, "Nhập trùng hồ sơ")
    owner = _opened(cls, path, "canbo.a", case_id)
    assert (owner.refused, owner.in_bin, owner.ready) == (True, True, False)
    assert _opened(cls, path, "canbo.b", case_id).in_bin is False

    # Restored, the owner's page opens as before.
    recycle_bin.restore_case(people["canbo.a"], case_id)
    owner = _opened(cls, path, "canbo.a", case_id)
    assert (owner.refused, owner.in_bin, owner.ready) == (False, False, True)


@pytest.mark.parametrize("module,page", [p[2:] for p in PAGES])
def test_the_pages_render_the_case_pages_refusal_block(module, page):
    import importlib

    fn = getattr(importlib.import_module(f"xlvphc.pages.{module}"), page)
    refusal = _cond_on(getattr(fn, "__wrapped__", fn)().render(), "refused")
    shown, otherwise = (
        json.dumps(refusal[k], ensure_ascii=False, default=str)
        for k in ("true_value", "false_value")
    )
    # Rendered text is held as escaped JavaScript strings.
    assert _escaped(CASE_REFUSED_TITLE) in shown
    assert _escaped("Về danh sách hồ sơ") in shown and "ve-danh-sach-ho-so" in shown
    assert "ho-so-trong-thung-rac" in shown and "den-thung-rac" in shown
    # The page's own message only when the case was not refused.
    assert "thong-bao-loi" in otherwise and "thong-bao-loi" not in shown
