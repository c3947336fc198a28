"""Findings of a fresh user trial, checked at the state and page level:

- a page whose action the role does not allow shows the refusal panel (with
  its way back), not the form above a refusal on submit; the decision form
  loads nothing for a supervisor, who may read the case but not decide it;
- labels are tied to their inputs (`htmlFor`), so a click on one focuses the
  box and screen readers name it;
- the accounts page keeps every one-time password issued while it is open,
  newest first, until cleared, and logs none of them;
- the Năm box shows the year in use; the pie has no "0%" slice.
"""

import logging

import pytest

from tests.security.conftest import at_page, new_state, run_coroutine
from tests.services.conftest import PASSWORD, case_form
from xlvphc.components.guard import FORBIDDEN_TITLE
from xlvphc.models.base import local_now
from xlvphc.services import auth, case_queries, cases
from xlvphc.services.errors import PermissionDenied
from xlvphc.state.accounts import AccountsState
from xlvphc.state.case_form import DecisionFormState
from xlvphc.state.cases import CaseDetailState
from xlvphc.state.dashboard import pie, year_in_use
from xlvphc.state.reports import ReportState


def _run(state, handler: str, *args):
    """Run one handler on an existing state (several calls share it)."""
    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_await(fn(state, *args)))


async def _await(result):
    return await result if hasattr(result, "__await__") else result


def _token(username: str) -> str:
    return auth.login(username, PASSWORD).token


def _opened_on(cls, token: str, path: str, query: dict):
    root, state = new_state(cls, token)
    # As the browser sends it: the handlers read the address (asPath).
    at_page(root, path, query)
    return state


def test_decision_form_loads_nothing_for_a_supervisor(people, caplog):
    case_id = cases.create_case(people["canbo.a"], case_form())
    query = {"id": str(case_id)}

    path = "/ho-so/quyet-dinh"
    state = _opened_on(DecisionFormState, _token("giamsat"), path, query)
    with caplog.at_level(logging.WARNING):
        _run(state, "open")
    assert (state.ready, state.case, state.acts) == (False, {}, [])
    assert "case.read" in state.permissions
    assert "case.write" not in state.permissions  # the page shows the refusal
    assert "refused case.write" in caplog.text  # by the service, logged
    with pytest.raises(PermissionDenied):
        case_queries.case_to_decide(people["giamsat"], case_id)

    state = _opened_on(DecisionFormState, _token("canbo.a"), path, query)
    _run(state, "open")
    assert state.ready and state.case["id"] == case_id


def _rendered(component) -> str:
    return str(component.render())


@pytest.mark.parametrize(
    "module, page",
    [
        ("case_form", "decision_page"),
        ("case_form", "case_new_page"),
        ("case_edit", "case_edit_page"),
        ("case_detail", "case_detail_page"),
        ("on_the_spot", "on_the_spot_page"),
        ("importer", "import_page"),
        ("todo", "todo_page"),
    ],
)
def test_case_pages_show_the_refusal_to_roles_they_do_not_serve(module, page):
    import importlib

    mod = importlib.import_module(f"xlvphc.pages.{module}")
    fn = getattr(mod, page)
    text = _rendered(getattr(fn, "__wrapped__", fn)())
    assert "khong-co-quyen" in text and "ve-trang-chinh" in text


def test_todo_page_and_menu_item_refuse_leadership():
    """A leadership account (viewer) reads no cases: /viec-can-lam shows the
    refusal panel alone, on the action the menu item needs, which the role
    does not hold, so the menu does not offer the page (user trial: the page
    showed a refusal above "0 việc")."""
    from xlvphc.components.shell import NAV_ITEMS
    from xlvphc.pages.todo import todo_page
    from xlvphc.services.access import POLICY, Action, Role

    (needs,) = [item[3] for item in NAV_ITEMS if item[1] == "/viec-can-lam"]
    assert needs == Action.CASE_READ
    assert needs not in POLICY[Role.VIEWER]
    assert needs in POLICY[Role.OFFICER] and needs in POLICY[Role.SUPERVISOR]
    text = _rendered(getattr(todo_page, "__wrapped__", todo_page)())
    assert "khong-co-quyen" in text and "ve-trang-chinh" in text


def test_field_labels_point_at_their_inputs():
    from xlvphc.components.fields import field, label_for, select_field

    text = _rendered(field("Họ và tên", "name"))
    assert 'htmlFor:"name"' in text and 'id:"name"' in text
    assert 'htmlFor:"gender"' in _rendered(select_field("Giới tính", "gender", []))
    # Radix's Text would put `html_for` into its css: never an attribute.
    assert '["htmlFor"]' not in _rendered(label_for("x", "Nhãn"))


def test_violator_fields_have_one_id_each():
    """Both kinds' boxes are on the page at once: no id twice."""
    import re

    from xlvphc.components.violator_fields import violator_fields
    from xlvphc.state.case_form import CaseFormState

    parts = violator_fields(CaseFormState)
    text = "".join(_rendered(p) for p in parts)
    ids = re.findall(r"'id:\"([^\"]+)\"'", text)
    assert ids and len(ids) == len(set(ids))
    for target in re.findall(r"htmlFor:\"([^\"]+)\"", text):
        assert target in ids


def _account(username: str, unit_id: str) -> dict:
    return {
        "username": username,
        "full_name": f"Cán bộ {username}",
        "title": "Công chức",
        "unit_id": unit_id,
        "role_officer": "on",
    }


def test_accounts_page_keeps_every_password_issued_newest_first(people, caplog):
    state = _opened_on(AccountsState, _token("quantri"), "/tai-khoan", {})
    _run(state, "open")
    unit = state.units[0]["id"]
    caplog.set_level(logging.DEBUG)

    names = [f"canbo.moi{n}" for n in range(5)]
    for name in names:
        _run(state, "create", _account(name, unit))
    assert state.issued_count == 5
    assert [i["username"] for i in state.issued] == names[::-1]
    assert [i.username for i in state._issued] == names[::-1]
    year = str(local_now().year)
    for row in state.issued:
        assert row["password"] and row["kind"] == "Tạo mới"
        assert row["full_name"] == f"Cán bộ {row['username']}"
        assert year in row["expires"] or str(int(year) + 1) in row["expires"]
    first = state.issued[-1]["password"]
    assert auth.login(names[0], first).token  # the oldest one still works

    user_id = next(r["id"] for r in state.rows if r["username"] == names[2])
    created = next(i["password"] for i in state.issued if i["username"] == names[2])
    _run(state, "reset_password", user_id)
    # The reset supersedes the password made at creation: only the live one
    # stays listed (user trial: both were listed and printed).
    assert state.issued_count == 5
    assert (state.issued[0]["username"], state.issued[0]["kind"]) == (
        names[2],
        "Cấp lại",
    )
    assert [i["username"] for i in state.issued].count(names[2]) == 1
    assert created not in [i["password"] for i in state.issued]
    assert [i.username for i in state._issued].count(names[2]) == 1
    # Never in the log.
    for row in state.issued:
        assert row["password"] not in caplog.text

    _run(state, "forget_passwords")
    assert (state.issued, state._issued, state.issued_count) == ([], [], 0)


def test_year_box_shows_the_year_in_use(people):
    this_year = str(local_now().year)
    assert year_in_use({"period": "year"}) == this_year
    assert year_in_use({"period": "year", "year": " 2025 "}) == "2025"

    state = _opened_on(ReportState, _token("giamsat"), "/bao-cao", {})
    _run(state, "open")
    assert state.year_shown == this_year
    _run(state, "show", {"period": "year", "year": "2025"})
    assert state.year_shown == "2025"


def test_pie_leaves_out_empty_slices():
    (trace,) = pie(["Cá nhân", "Tổ chức"], [7, 0]).data
    assert list(trace.labels) == ["Cá nhân"] and list(trace.values) == [7]
    (trace,) = pie(["Cá nhân", "Tổ chức"], [3, 2]).data
    assert list(trace.marker.colors) == ["#2b6cb0", "#dd6b20"]


def test_forbidden_panel_says_the_guides_sentence_with_the_way_back():
    from xlvphc.components.guard import forbidden_panel

    assert FORBIDDEN_TITLE == "Bạn không có quyền xem trang này"  # guide.md
    assert 'id:"ve-trang-chinh"' in _rendered(forbidden_panel())


def test_case_page_shows_one_refusal_for_missing_and_other_units_cases(
    people, caplog
):
    """Another unit's case and a missing one look the same: the refusal panel
    with the way back to the list (the bare sentence had none); the service
    still refuses."""
    case_id = cases.create_case(people["canbo.a"], case_form())
    path = "/ho-so/chi-tiet"
    seen = []
    for query in ({"id": str(case_id)}, {"id": "99999999"}, {"id": "abc"}):
        state = _opened_on(CaseDetailState, _token("canbo.b"), path, query)
        with caplog.at_level(logging.WARNING):
            _run(state, "open")
        seen.append((state.refused, state.case, state.message, state.violator))
    assert seen == [(True, {}, "", [])] * 3
    assert "refused CaseDetailState.open" in caplog.text
    with pytest.raises(PermissionDenied) as refusal:
        case_queries.get_case(people["canbo.b"], case_id)
    assert refusal.value.message == "Không tìm thấy hồ sơ hoặc bạn không có quyền."

    state = _opened_on(CaseDetailState, _token("canbo.a"), path, {"id": str(case_id)})
    _run(state, "open")
    assert not state.refused and state.case["id"] == case_id


def test_case_refusal_panel_leads_back_to_the_case_list():
    from xlvphc.components.guard import case_refused_panel
    from xlvphc.pages.case_detail import case_detail_page

    text = _rendered(case_refused_panel())  # texts are escaped: ids only
    assert "khong-co-quyen" in text and "ve-danh-sach-ho-so" in text
    assert '"/ho-so"' in text
    fn = case_detail_page
    assert "ve-danh-sach-ho-so" in _rendered(getattr(fn, "__wrapped__", fn)())
