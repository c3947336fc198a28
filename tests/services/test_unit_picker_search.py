"""Fresh-user trial: the Đơn vị boxes of Tài khoản, Nhật ký, Thống kê and
Báo cáo were flat lists of about 225 units with no search, the «Ủy ban nhân
dân …» ones at the end. A «Tìm đơn vị» box above each narrows its options,
without diacritics; the select keeps its name, values and the unit chosen."""

import reflex as rx

from tests.services.test_trial_pages import _account, _opened_on, _run, _token
from xlvphc.components.fields import select_field
from xlvphc.components.unit_picker import FEW_UNITS, UnitFinder
from xlvphc.state.accounts import AccountsState
from xlvphc.state.audit import AuditState
from xlvphc.state.dashboard import DashboardState
from xlvphc.state.unit_finder import MAX_QUERY, matching_ids, unit_matches

COMMITTEE = "Ủy ban nhân dân phường Tuy Hòa"
POLICE = "Công an phường Tuy Hòa"


def test_words_match_without_diacritics_in_any_order():
    assert unit_matches(COMMITTEE, "tuy hoa")
    assert unit_matches(COMMITTEE, "Tuy Hòa")
    assert unit_matches(COMMITTEE, "hoa tuy")
    assert unit_matches(COMMITTEE, "ph tuy")  # word starts are enough
    assert unit_matches(COMMITTEE, "uy ban hoa")
    assert not unit_matches(COMMITTEE, "tuy hoa bac")
    assert not unit_matches("Sở Tư pháp tỉnh Đắk Lắk", "tuy hoa")
    assert unit_matches("Sở Tư pháp tỉnh Đắk Lắk", "so tu phap")
    assert unit_matches("Sở Tư pháp tỉnh Đắk Lắk", "dak lak")
    # Empty or odd input matches all: no search.
    assert unit_matches(COMMITTEE, "") and unit_matches(COMMITTEE, None)


def test_short_forms_and_apostrophes_find_the_unit():
    assert unit_matches(COMMITTEE, "UBND Tuy Hòa")
    assert not unit_matches(POLICE, "ubnd tuy hoa")
    assert unit_matches(POLICE, "CA tuy hoa")
    assert unit_matches(POLICE, "cap tuy hoa")
    assert unit_matches("Công an xã Ea H’Leo", "cax ea h'leo")
    assert unit_matches("Công an xã Ea H'Leo", "ea hleo")
    assert not unit_matches(COMMITTEE, "ca tuy hoa")


def test_places_run_together_and_kind_shorthand_find_the_unit():
    """User trial: «eakar», «tuyhoa» and «ubnd p. tuy hoa» found nothing."""
    ea_kar = "Ủy ban nhân dân xã Ea Kar"
    assert unit_matches(ea_kar, "eakar")
    assert unit_matches(ea_kar, "ubnd eakar")
    assert unit_matches(COMMITTEE, "tuyhoa")
    assert unit_matches(COMMITTEE, "ubnd p. tuy hoa")
    assert unit_matches(COMMITTEE, "UBND P.Tuy Hòa")
    assert unit_matches(ea_kar, "ubnd x.ea kar")
    # The shorthand names the kind: a ward is not found as a commune.
    assert not unit_matches(COMMITTEE, "ubnd x. tuy hoa")
    assert not unit_matches(ea_kar, "p. ea kar")
    # Short runs stay word starts: three letters inside a name find nothing.
    assert not unit_matches(ea_kar, "aka")
    assert not unit_matches(COMMITTEE, "eakar")


def test_matching_ids_keeps_the_order_and_skips_odd_rows():
    units = [
        {"id": "1", "name": POLICE},
        {"id": "2", "name": "Sở Tư pháp tỉnh Đắk Lắk"},
        "junk",
        {"name": "no id"},
        {"id": "3", "name": COMMITTEE},
    ]
    assert matching_ids(units, "tuy hoa") == ["1", "3"]
    assert matching_ids(units, "zzz") == []
    assert matching_ids("not a list", "tuy") == []


def _audit():
    state = _opened_on(AuditState, _token("quantri"), "/nhat-ky", {})
    _run(state, "open")
    return state


def test_audit_search_narrows_the_unit_box_and_clears(people):
    state = _audit()
    ids = {u["name"]: u["id"] for u in state.units}
    assert len(state.units) > 2 and state.unit_found == {}

    _run(state, "find_units", "unit_id", "tuy hoa")
    found = set(state.unit_found["unit_id"])
    assert {ids[COMMITTEE], ids[POLICE]} <= found
    assert found == {i for n, i in ids.items() if unit_matches(n, "tuy hoa")}
    assert len(found) < len(state.units)
    assert state.unit_queries == {"unit_id": "tuy hoa"}

    _run(state, "find_units", "unit_id", "ubnd tuy hoa")
    assert ids[COMMITTEE] in state.unit_found["unit_id"]
    assert ids[POLICE] not in state.unit_found["unit_id"]

    _run(state, "find_units", "unit_id", "khong co don vi nay")
    assert state.unit_found == {"unit_id": []}

    # Emptied box: every unit again.
    _run(state, "find_units", "unit_id", "  ")
    assert (state.unit_found, state.unit_queries) == ({}, {})


def test_the_handlers_take_no_odd_input(people):
    state = _audit()
    _run(state, "find_units", "rows", "tuy")  # not a picker of the page
    _run(state, "find_units", None, "tuy")
    assert state.unit_found == {} and state.unit_queries == {}
    _run(state, "find_units", "unit_id", "tuy " * 100)
    assert len(state.unit_queries["unit_id"]) == MAX_QUERY
    _run(state, "find_units", "unit_id", ["tuy"])
    assert state.unit_found == {}

    _run(state, "keep_unit", "unit_id", "7")
    _run(state, "keep_unit", "other", "8")
    assert state.unit_kept == {"unit_id": "7"}
    _run(state, "keep_unit", "unit_id", {"id": 1})
    assert state.unit_kept == {"unit_id": ""}


def test_accounts_keep_the_unit_of_each_form(people):
    state = _opened_on(AccountsState, _token("quantri"), "/tai-khoan", {})
    _run(state, "open")
    ids = {u["name"]: u["id"] for u in state.units}

    _run(state, "pick_create_unit", ids[POLICE])
    assert state.unit_kept["unit_id"] == ids[POLICE]
    row = next(r for r in state.rows if r["username"] == "canbo.a")
    _run(state, "start_edit", row["id"])
    assert state.unit_kept["edit_unit_id"] == state.editing["unit_id"] != ""
    _run(state, "pick_edit_unit", ids[COMMITTEE])
    assert state.unit_kept["edit_unit_id"] == ids[COMMITTEE]

    for picker in ("unit_id", "edit_unit_id", "loc_unit_id"):
        _run(state, "find_units", picker, "tuy hoa")
        assert ids[POLICE] in state.unit_found[picker]


def test_a_created_account_empties_its_forms_search(people):
    """User trial: after «Tạo tài khoản» the form was empty but its search
    box still held the last unit's words, so the next unit typed matched
    nothing. The other pickers' searches stay."""
    state = _opened_on(AccountsState, _token("quantri"), "/tai-khoan", {})
    _run(state, "open")
    ids = {u["name"]: u["id"] for u in state.units}
    _run(state, "find_units", "unit_id", "ca tuy hoa")
    _run(state, "find_units", "loc_unit_id", "tuy hoa")
    _run(state, "pick_create_unit", ids[POLICE])

    _run(state, "create", _account("canbo.timdonvi", ids[POLICE]))

    assert any(r["username"] == "canbo.timdonvi" for r in state.rows)
    assert "unit_id" not in state.unit_queries
    assert "unit_id" not in state.unit_found
    assert state.unit_queries == {"loc_unit_id": "tuy hoa"}
    assert ids[POLICE] in state.unit_found["loc_unit_id"]


def test_dashboard_search_follows_the_group(people):
    state = _opened_on(DashboardState, _token("giamsat"), "/thong-ke", {})
    _run(state, "open")
    ids = {u["name"]: u["id"] for u in state.units}

    _run(state, "find_units", "unit", "tuy hoa")
    assert {ids[COMMITTEE], ids[POLICE]} <= set(state.unit_found["unit"])

    # Police only: the search is among the group's units, and stays.
    _run(state, "choose_group", "police")
    assert ids[POLICE] in state.unit_found["unit"]
    assert ids[COMMITTEE] not in state.unit_found["unit"]
    shown = {u["id"] for u in state.units_shown}
    assert set(state.unit_found["unit"]) <= shown
    _run(state, "choose_group", "")
    assert ids[COMMITTEE] in state.unit_found["unit"]
    assert state.unit_queries == {"unit": "tuy hoa"}


def test_the_select_keeps_its_name_and_the_box_sends_nothing():
    """The form contract: the select is named and valued as before; the
    search box has neither name nor id (a form sends boxes by both)."""
    picker = select_field(
        "Đơn vị",
        "unit_id",
        AuditState.units,
        finder=UnitFinder(AuditState, "unit_id"),
    )
    code = str(picker)
    assert 'name:"unit_id"' in code and 'id:"unit_id"' in code
    assert '"data-unit-search":"unit_id"' in code
    box = code[code.index('type:"search"') - 400 : code.index('"data-unit-search"')]
    assert "name:" not in box and "id:" not in box.replace('"data-', "")
    # The option chosen stays whatever the search (the kept unit).
    assert "unit_kept" in code and "unit_found" in code
    assert isinstance(picker, rx.Component)


def test_a_short_list_draws_no_search_box_unless_one_is_in_force():
    """User trial: a commune officer whose list holds one unit had a search
    box too. The box shows above a list longer than FEW_UNITS, or while its
    search is in force (so that it can be cleared)."""
    code = str(
        select_field(
            "Đơn vị",
            "unit_id",
            AuditState.units,
            finder=UnitFinder(AuditState, "unit_id"),
        )
    )
    cond = code[: code.index('"data-unit-search"')]
    assert f"> {FEW_UNITS}" in cond or f">{FEW_UNITS}" in cond
    assert "unit_queries" in cond[cond.rindex(str(FEW_UNITS)) :]
