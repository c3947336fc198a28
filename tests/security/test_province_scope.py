"""Ordinary roles on the province node see only the province node's cases.

Product decision: each unit sees only its own cases. The province node is
the unit of the UBND tỉnh; its officers, signers and unit administrators
handle the cases decided at province level. Before, their scope was the
whole unit tree: a plain officer of the province node listed, opened and
edited every commune's cases, with names and ID numbers. Reading across
units stays with the supervisor and viewer roles; a system administrator of
the province node still manages every unit's accounts and units.
"""

import io

import pytest
from openpyxl import load_workbook

from tests.security.conftest import call, state_text
from tests.services.conftest import (
    PASSWORD,
    _unit_id,
    actor_for,
    case_form,
    make_user,
)
from tests.services.test_edit import _form as edit_form_values
from tests.services.test_procedure import new_case, step
from xlvphc.services import (
    accounts,
    audit_log,
    auth,
    case_edit,
    case_queries,
    cases,
    dashboard,
    export,
    printing,
    recycle_bin,
    units,
)
from xlvphc.services.access import Action, Role
from xlvphc.services.errors import PermissionDenied, ValidationFailed
from xlvphc.services.procedure import allowed_steps
from xlvphc.services.procedure.todo import todo_list
from xlvphc.services.reports.queries import build_report
from xlvphc.state.cases import CaseListState

PROVINCE = "66"
COMMUNE = "UBND-22015"
DEPARTMENT = "SO-Y-TE"
NAME_P, ID_P = "Đỗ Thị Tỉnh Lan", "066187003333"
NAME_C, ID_C = "Hoàng Văn Xã Bình", "066090004444"
NAME_D, ID_D = "Lý Thị Sở Hạnh", "066187005555"
ALL_TIME = {"period": "all"}


@pytest.fixture
def world(people):
    """Accounts of the province node in each role, and one case each of the
    province node, a commune's committee and a department."""
    roles = {
        "canbo.tinh": Role.OFFICER,
        "thamquyen.tinh": Role.AUTHORITY,
        "qtdv.tinh": Role.UNIT_ADMIN,
        "giamsat.tinh": Role.SUPERVISOR,
        "quantri.tinh": Role.ADMIN,
    }
    for name, role in roles.items():
        make_user(name, PROVINCE, role)
    make_user("canbo.so", DEPARTMENT, Role.OFFICER)
    officer = actor_for("canbo.tinh")
    return {
        "officer": officer,
        "province_case": cases.create_case(
            officer, case_form(name=NAME_P, id_number=ID_P)
        ),
        "commune_case": new_case(people["canbo.a"], name=NAME_C, id_number=ID_C),
        "department_case": cases.create_case(
            actor_for("canbo.so"), case_form(name=NAME_D, id_number=ID_D)
        ),
        "people": people,
    }


def _cells(data: bytes) -> str:
    sheet = load_workbook(io.BytesIO(data)).active
    return " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)


def _no_other_units(text: str) -> None:
    for secret in (NAME_C, ID_C, NAME_D, ID_D):
        assert secret not in text


@pytest.mark.parametrize("who", ["canbo.tinh", "thamquyen.tinh", "qtdv.tinh"])
def test_an_ordinary_role_on_the_province_node_has_that_node_only(world, who):
    actor = actor_for(who)
    assert actor.scope == frozenset({_unit_id(PROVINCE)})
    # The province-level flag is about the wide roles; it widens nothing here.
    assert actor.province_level
    assert not actor.sees_all_units(Action.CASE_READ)
    assert not actor.sees_all_units(Action.ACCOUNT_MANAGE)


def test_other_units_keep_their_branch(world):
    """A commune's committee and a department keep the units made under
    them in the Units admin (units.create_unit takes any active parent)."""
    admin = actor_for("quantri.tinh")
    team = units.create_unit(
        admin,
        {"name": "Tổ quản lý trật tự đô thị", "kind": "department",
         "parent_id": str(_unit_id(COMMUNE))},
    )
    branch = units.create_unit(
        admin,
        {"name": "Chi cục An toàn vệ sinh thực phẩm", "kind": "department",
         "parent_id": str(_unit_id(DEPARTMENT))},
    )
    assert actor_for("canbo.a").scope == {_unit_id(COMMUNE), team}
    assert actor_for("canbo.so").scope == {_unit_id(DEPARTMENT), branch}
    # A unit made under the province node is not the province node's.
    made = units.create_unit(
        admin,
        {"name": "Tổ công tác liên ngành tỉnh", "kind": "department",
         "parent_id": str(_unit_id(PROVINCE))},
    )
    assert made not in actor_for("canbo.tinh").scope


def test_the_province_officer_cannot_list_search_or_export_other_units(world):
    officer = world["officer"]
    listed = case_queries.list_cases(officer)["rows"]
    assert [r["id"] for r in listed] == [world["province_case"]]
    for words in (NAME_C, ID_C, "Xã Bình", NAME_D, ID_D):
        assert case_queries.list_cases(officer, {"q": words})["rows"] == []
    found = case_queries.list_cases(officer, {"q": ID_P})["rows"]
    assert [r["id"] for r in found] == [world["province_case"]]
    for code in (COMMUNE, DEPARTMENT):
        only = {"unit": str(_unit_id(code))}
        assert case_queries.list_cases(officer, only)["rows"] == []
    _name, data = export.export_cases(officer, {})
    cells = _cells(data)
    assert NAME_P in cells
    _no_other_units(cells)
    todo = {r["case_id"] for r in todo_list(officer)}
    assert world["province_case"] in todo
    assert not todo & {world["commune_case"], world["department_case"]}


@pytest.mark.parametrize("key", ["commune_case", "department_case"])
def test_the_province_officer_cannot_open_or_change_another_units_case(world, key):
    officer, case_id = world["officer"], world[key]
    owner = world["people"]["canbo.a"] if key == "commune_case" else actor_for(
        "canbo.so"
    )
    form = edit_form_values(owner, case_id, name="Người Khác")
    refused = [
        lambda: case_queries.get_case(officer, case_id),
        lambda: case_queries.case_to_decide(officer, case_id),
        lambda: case_edit.edit_form(officer, case_id),
        lambda: case_edit.edit_case(officer, case_id, form),
        lambda: case_edit.case_history(officer, case_id),
        lambda: allowed_steps(officer, case_id),
        lambda: step(officer, case_id, "transfer_unit", on="01/01/2026"),
        lambda: printing.print_form(officer, case_id, "MBB01", "draft"),
        lambda: recycle_bin.delete_case(officer, case_id, "Nhập trùng hồ sơ"),
    ]
    for attempt in refused:
        with pytest.raises(PermissionDenied):
            attempt()
    # Unchanged, and still its own unit's.
    assert case_queries.get_case(owner, case_id)["violator_name"] in (NAME_C, NAME_D)


def test_the_province_officer_sees_no_other_units_bin(world):
    owner = world["people"]["canbo.a"]
    recycle_bin.delete_case(owner, world["commune_case"], "Nhập trùng hồ sơ")
    officer = world["officer"]
    assert recycle_bin.list_bin(officer)["total"] == 0
    assert recycle_bin.in_bin(officer, world["commune_case"]) is False
    with pytest.raises(PermissionDenied):
        recycle_bin.restore_case(officer, world["commune_case"])
    assert recycle_bin.list_bin(owner)["total"] == 1


def test_the_province_officer_still_works_on_its_own_cases(world):
    officer, case_id = world["officer"], world["province_case"]
    assert case_queries.get_case(officer, case_id)["violator_name"] == NAME_P
    version = case_edit.edit_case(
        officer, case_id, edit_form_values(officer, case_id, name="Đỗ Thị Lan Anh")
    )
    assert version == 2
    assert case_queries.get_case(officer, case_id)["violator_name"] == "Đỗ Thị Lan Anh"
    assert allowed_steps(officer, case_id)
    recycle_bin.delete_case(officer, case_id, "Nhập nhầm hồ sơ")
    assert recycle_bin.list_bin(officer)["total"] == 1
    recycle_bin.restore_case(officer, case_id)
    assert [r["id"] for r in case_queries.list_cases(officer)["rows"]] == [case_id]


def test_the_province_signer_counts_the_province_node_only(world):
    signer = actor_for("thamquyen.tinh")
    province = _unit_id(PROVINCE)
    summary = dashboard.summary(signer, ALL_TIME)
    assert {u["id"] for u in summary["units"]} == {province}
    assert summary["cases"] == 1
    with pytest.raises(PermissionDenied):
        dashboard.summary(signer, {**ALL_TIME, "unit": str(_unit_id(COMMUNE))})
    report = build_report(signer, ALL_TIME)
    assert {r.unit_id for r in report.provincial + report.vertical} <= {province}


def test_the_province_supervisor_still_reads_every_unit(world):
    supervisor = actor_for("giamsat.tinh")
    assert supervisor.sees_all_units(Action.CASE_READ)
    listed = {r["id"] for r in case_queries.list_cases(supervisor)["rows"]}
    assert {
        world["province_case"], world["commune_case"], world["department_case"]
    } <= listed
    assert case_queries.get_case(supervisor, world["commune_case"])
    summary = dashboard.summary(supervisor, ALL_TIME)
    assert summary["cases"] == 3
    # Reading only: writing is the commune's own.
    with pytest.raises(PermissionDenied):
        case_edit.edit_form(supervisor, world["commune_case"])


def test_the_province_unit_admin_manages_the_province_nodes_accounts_only(world):
    unit_admin = actor_for("qtdv.tinh")
    listed = {r["username"] for r in accounts.list_users(unit_admin)["rows"]}
    assert {"canbo.tinh", "thamquyen.tinh", "qtdv.tinh"} <= listed
    assert not listed & {"canbo.a", "canbo.b", "canbo.so"}
    assert [u["id"] for u in accounts.unit_choices(unit_admin)] == [
        str(_unit_id(PROVINCE))
    ]
    with pytest.raises(PermissionDenied):
        accounts.reset_password(unit_admin, world["people"]["canbo.a"].user_id)
    with pytest.raises(ValidationFailed) as err:
        accounts.create_user(
            unit_admin,
            {"username": "canbo.moi", "full_name": "Lê Văn Mới",
             "unit_id": str(_unit_id(COMMUNE)), "roles": Role.OFFICER},
        )
    assert "unit_id" in err.value.errors
    issued = accounts.create_user(
        unit_admin,
        {"username": "canbo.tinh2", "full_name": "Lê Văn Mới",
         "unit_id": str(_unit_id(PROVINCE)), "roles": Role.OFFICER},
    )
    assert issued.username == "canbo.tinh2"


def test_the_province_system_admin_still_manages_every_unit(world):
    admin = actor_for("quantri.tinh")
    assert admin.sees_all_units(Action.ACCOUNT_MANAGE)
    listed = {r["username"] for r in accounts.list_users(admin)["rows"]}
    assert {"canbo.a", "canbo.b", "canbo.so", "canbo.tinh"} <= listed
    choices = {u["id"] for u in accounts.unit_choices(admin)}
    assert {str(_unit_id(c)) for c in (PROVINCE, COMMUNE, DEPARTMENT)} <= choices
    assert accounts.reset_password(admin, world["people"]["canbo.a"].user_id)
    issued = accounts.create_user(
        admin,
        {"username": "canbo.xa.moi", "full_name": "Lê Văn Mới",
         "unit_id": str(_unit_id(COMMUNE)), "roles": Role.OFFICER},
    )
    assert issued.username == "canbo.xa.moi"
    assert units.create_unit(
        admin,
        {"name": "Tổ mới của xã", "kind": "department",
         "parent_id": str(_unit_id(COMMUNE))},
    )
    unit_names = {r["unit"] for r in audit_log.search(admin, {})["rows"]}
    assert "Ủy ban nhân dân phường Tuy Hòa" in unit_names


@pytest.mark.parametrize(
    ("handler", "args"),
    [
        ("open", ()),
        # Parts of the other units' names and ID numbers.
        ("search", ({"q": "Xã Bình"},)),
        ("search", ({"q": ID_C[:9], "unit": "0"},)),
        ("search", ({"q": "Sở Hạnh"},)),
        ("export", ()),
    ],
)
@pytest.mark.parametrize("who", ["canbo.tinh", "giamsat.tinh"])
def test_no_browser_of_the_province_officer_receives_other_units_cases(
    world, who, handler, args
):
    """"giamsat.tinh" is the control: the same calls give it the commune's
    case, so the officer's empty answers are the scope's."""
    state, results = call(CaseListState, handler, auth.login(who, PASSWORD).token,
                          *args)
    text = state_text(state, results)
    if who == "canbo.tinh":
        _no_other_units(text)
        if handler == "open":
            assert NAME_P in text
    elif handler == "open":
        assert NAME_C in text and NAME_D in text
