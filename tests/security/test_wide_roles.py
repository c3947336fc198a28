"""A province-wide role on a commune account (user trial: "Giám sát (Sở Tư
pháp)" given to an account of "Ủy ban nhân dân xã Buôn Đôn" read every
unit's cases with names and ID numbers).

- Any browser, any arguments: the accounts page's handler refuses to make
  such an account, with the message at the role field.
- Defence in depth: an account that already holds such a role (written to
  the database directly, as one saved before the check) sees its own unit
  only, in the list, search, case page, dashboard, report and exports, both
  through the services and through the State handlers; the actions that
  have no unit (monitoring, every unit's feedback, the unit tree) are
  refused; a warning names the account by id only.
"""

import io
import logging

import pytest
from openpyxl import load_workbook
from sqlmodel import func, select

from tests.security.conftest import call, state_text
from tests.services.conftest import (
    PASSWORD,
    _unit_id,
    actor_for,
    case_form,
    make_user,
)
from xlvphc.models import User
from xlvphc.services import (
    access,
    accounts,
    audit_log,
    auth,
    case_queries,
    cases,
    dashboard,
    export,
    feedback,
    monitoring,
    units,
)
from xlvphc.services.access import Action, Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied
from xlvphc.services.reports.export import export_report
from xlvphc.services.reports.queries import build_report
from xlvphc.state.accounts import AccountsState
from xlvphc.state.cases import CaseListState
from xlvphc.state.dashboard import DashboardState
from xlvphc.state.monitoring import MonitoringState
from xlvphc.state.reports import ReportState

NAME_A, ID_A = "Phạm Thị Ánh Dương", "066187001111"
NAME_B, ID_B = "Hoàng Văn Bách Khoa", "066090002222"
STALE = {
    "giamsat.xa": Role.SUPERVISOR,
    "lanhdao.xa": Role.VIEWER,
    "quantri.xa": Role.ADMIN,
}
ALL_TIME = {"period": "all"}


@pytest.fixture
def stale(people, monkeypatch):
    """Cases of two communes' committees, and accounts of the first one
    holding the province-wide roles, written straight to the database."""
    monkeypatch.setattr(access, "_warned_users", set())
    case_a = cases.create_case(
        people["canbo.a"], case_form(name=NAME_A, id_number=ID_A)
    )
    case_b = cases.create_case(
        people["canbo.b"], case_form(name=NAME_B, id_number=ID_B)
    )
    ids = {name: make_user(name, "UBND-22015", role) for name, role in STALE.items()}
    return {
        "a": case_a,
        "b": case_b,
        "unit_a": _unit_id("UBND-22015"),
        "unit_b": _unit_id("UBND-22045"),
        "ids": ids,
        "people": people,
    }


def _no_b(text: str) -> None:
    assert NAME_B not in text and ID_B not in text


def test_the_accounts_handler_refuses_a_wide_role_on_a_commune(people):
    token = auth.login("quantri", PASSWORD).token
    with session_scope() as session:
        before = session.exec(select(func.count()).select_from(User)).one()
    form = {
        "username": "giamsat.buondon",
        "full_name": "Nguyễn Văn Giám",
        "unit_id": str(_unit_id("UBND-22015")),
        "role_supervisor": "on",
        "roles_extra": "admin",
    }
    state, _ = call(AccountsState, "create", token, form)
    assert "Giám sát (Sở Tư pháp)" in state.errors["roles"]
    assert "chỉ dành cho tài khoản cấp tỉnh" in state.errors["roles"]
    assert not state.issued
    with session_scope() as session:
        assert session.exec(select(func.count()).select_from(User)).one() == before


def test_a_stale_supervisor_reads_its_own_unit_only(stale, caplog):
    caplog.set_level(logging.WARNING)
    actor = actor_for("giamsat.xa")
    uid = stale["ids"]["giamsat.xa"]
    assert not actor.province_level
    assert not actor.sees_all_units(Action.CASE_READ)
    assert actor.scope == frozenset({stale["unit_a"]})
    # The warning names the account by id, not by name.
    assert f"user={uid} holds a province-wide role" in caplog.text
    assert "giamsat.xa" not in caplog.text and "Cán bộ" not in caplog.text

    listed = case_queries.list_cases(actor)["rows"]
    assert [r["id"] for r in listed] == [stale["a"]]
    for words in (NAME_B, ID_B, "Bách Khoa"):
        assert case_queries.list_cases(actor, {"q": words})["rows"] == []
    assert case_queries.list_cases(actor, {"unit": str(stale["unit_b"])})["rows"] == []
    with pytest.raises(PermissionDenied):
        case_queries.get_case(actor, stale["b"])
    assert case_queries.get_case(actor, stale["a"])

    _name, data = export.export_cases(actor, {})
    sheet = load_workbook(io.BytesIO(data)).active
    cells = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
    assert NAME_A in cells
    _no_b(cells)

    summary = dashboard.summary(actor, ALL_TIME)
    assert {u["id"] for u in summary["units"]} == {stale["unit_a"]}
    assert summary["cases"] == 1
    with pytest.raises(PermissionDenied):
        dashboard.summary(actor, {**ALL_TIME, "unit": str(stale["unit_b"])})
    report = build_report(actor, ALL_TIME)
    assert {r.unit_id for r in report.provincial + report.vertical} <= {
        stale["unit_a"]
    }
    assert stale["unit_a"] in {r.unit_id for r in report.provincial}

    with pytest.raises(PermissionDenied):
        monitoring.unit_progress(actor)
    with pytest.raises(PermissionDenied):
        feedback.answer(actor, 1, {"status": "answered", "answer": "x"})
    assert feedback.list_feedback(actor)["manage"] is False
    assert Action.MONITOR_READ not in actor.permissions()


def test_a_stale_viewer_counts_its_own_unit_only(stale):
    actor = actor_for("lanhdao.xa")
    summary = dashboard.summary(actor, ALL_TIME)
    assert {u["id"] for u in summary["units"]} == {stale["unit_a"]}
    assert summary["cases"] == 1
    report = build_report(actor, ALL_TIME)
    assert {r.unit_id for r in report.provincial} == {stale["unit_a"]}
    _name, data, _mime = export_report(actor, ALL_TIME, "xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    cells = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
    assert "Ủy ban nhân dân phường Tuy Hòa" in cells
    assert "Ủy ban nhân dân phường Bình Kiến" not in cells
    with pytest.raises(PermissionDenied):
        build_report(actor, {**ALL_TIME, "unit": str(stale["unit_b"])})


def test_a_stale_admin_manages_its_own_unit_only(stale):
    actor = actor_for("quantri.xa")
    listed = {r["username"] for r in accounts.list_users(actor)["rows"]}
    assert "canbo.a" in listed and "canbo.b" not in listed
    assert "quantri" not in listed and "giamsat" not in listed
    assert {u["id"] for u in accounts.unit_choices(actor)} == {str(stale["unit_a"])}
    with pytest.raises(PermissionDenied):
        accounts.reset_password(actor, stale["people"]["canbo.b"].user_id)
    with pytest.raises(PermissionDenied):
        units.create_unit(
            actor,
            {"name": "Tổ mới", "kind": "department", "parent_id": str(_unit_id("66"))},
        )
    events = audit_log.search(actor, {})["rows"]
    assert events  # the cases of unit A were audited
    assert all(r["unit"] in ("", "Ủy ban nhân dân phường Tuy Hòa") for r in events)


@pytest.mark.parametrize(
    ("cls", "handler", "args"),
    [
        (CaseListState, "open", ()),
        # Parts of B's name and ID number: the full ones are not echoed back.
        (CaseListState, "search", ({"q": "Bách Khoa"},)),
        (CaseListState, "search", ({"q": ID_B[:9], "unit": "0"},)),
        (CaseListState, "export", ()),
        (DashboardState, "open", ()),
        (DashboardState, "apply", (ALL_TIME,)),
        (ReportState, "show", (ALL_TIME,)),
        (MonitoringState, "open", ()),
    ],
)
@pytest.mark.parametrize("who", ["giamsat.xa", "lanhdao.xa", "giamsat"])
def test_no_browser_of_a_stale_account_receives_another_units_cases(
    stale, who, cls, handler, args
):
    """"giamsat" (of the Sở Tư pháp) is the control: the same calls give it
    unit B's case, so the stale accounts' empty answers are the scope's."""
    token = auth.login(who, PASSWORD).token
    state, results = call(cls, handler, token, *args)
    text = state_text(state, results)
    if who != "giamsat":
        _no_b(text)
    elif cls is CaseListState and handler != "export":
        assert NAME_B in text
    if cls is CaseListState and handler == "open" and who != "lanhdao.xa":
        assert NAME_A in text


def test_the_form_says_where_the_wide_roles_go_only_when_it_offers_them(people):
    make_user("qtdv.a", "UBND-22015", Role.UNIT_ADMIN)
    for who, offered in (("quantri", True), ("qtdv.a", False)):
        state, _ = call(AccountsState, "open", auth.login(who, PASSWORD).token)
        assert state.wide_roles_offered is offered
        assert bool({r["id"] for r in state.roles} & access.ALL_UNITS_ROLES) is offered
