"""Searching the recycle bin (trial finding: a province's bin holds many
cases and had no search): by record number, unit and reason for everyone
who sees the bin, by the violator's name only for those who read cases,
with or without diacritics, kept while paging."""

import pytest

from tests.security.conftest import new_state
from tests.services.conftest import case_form
from tests.services.test_trial_pages import _run, _token
from xlvphc.services import cases, recycle_bin
from xlvphc.state.recycle_bin import RecycleBinState


def _binned(officer, name: str, reason: str = "Nhập nhầm hồ sơ") -> int:
    case_id = cases.create_case(officer, case_form(name=name))
    recycle_bin.delete_case(officer, case_id, reason)
    return case_id


def _ids(actor, query: object, page: object = 1) -> list[int]:
    return [r["id"] for r in recycle_bin.list_bin(actor, page, query)["rows"]]


def test_search_by_name_number_unit_and_reason(people):
    a, b = people["canbo.a"], people["canbo.b"]
    quynh = _binned(a, "Hoàng Thị Quỳnh", "Trùng với hồ sơ đã nhập hôm trước")
    other = _binned(a, "Lê Văn Cường")
    elsewhere = _binned(b, "Hoàng Thị Quỳnh")
    number = recycle_bin.list_bin(a)["rows"][0]["record_number"]

    # The name, with or without diacritics, in any case, a word's start.
    for query in ("Hoàng Thị Quỳnh", "hoang thi quynh", "QUYNH", "quy"):
        assert _ids(a, query) == [quynh], query
    # Every word must match: one that matches nothing empties the result.
    assert _ids(a, "quynh cuong") == []
    # The reason and the record number as typed, leading zero or not.
    assert _ids(a, "trung hom truoc") == [quynh]
    assert _ids(a, number) == [other]
    assert _ids(a, number.lstrip("0")) == [other]
    # The unit's name finds all its binned cases, and only within the scope:
    # unit B's case of the same name stays out of A's bin.
    assert sorted(_ids(a, "tuy hoa")) == sorted([quynh, other])
    assert _ids(b, "quynh") == [elsewhere]
    assert _ids(a, "binh kien") == []
    # No search: the whole bin, as before.
    assert recycle_bin.list_bin(a)["total"] == 2
    assert recycle_bin.list_bin(a, 1, "   ")["total"] == 2


def test_an_administrator_cannot_search_by_the_hidden_name(people):
    """No oracle: the administrator sees "(ẩn)" for the name, so a name must
    find nothing, exactly as a word found nowhere, while the same name finds
    the case for the officer who reads it. Numbers, units and reasons are
    what the administrator's bin shows, and those it finds by."""
    a, admin = people["canbo.a"], people["quantri"]
    quynh = _binned(a, "Hoàng Thị Quỳnh", "Nhập nhầm đơn vị")
    number = recycle_bin.list_bin(admin)["rows"][0]["record_number"]

    nothing = recycle_bin.list_bin(admin, 1, "zzzzkhongco")
    for query in ("quynh", "Hoàng Thị Quỳnh", "hoang", "thi quy"):
        assert recycle_bin.list_bin(admin, 1, query) == nothing, query
        assert _ids(a, query) == [quynh], query
    assert nothing["total"] == 0 and nothing["rows"] == []
    assert _ids(admin, number) == [quynh]
    assert _ids(admin, "tuy hoa") == [quynh]
    assert _ids(admin, "nham don vi") == [quynh]
    assert recycle_bin.list_bin(admin, 1, "tuy hoa")["rows"][0]["violator_name"] \
        == "(ẩn)"


@pytest.mark.parametrize(
    "query",
    [None, 123, 4.5, True, ["quynh"], {"q": "quynh"}, b"quynh", "Ư" * 200_000,
     "%", "_", "\\", "' OR 1=1 --", "\x00quynh", "q" * 5000],
)
def test_any_argument_is_read_safely(people, query):
    """Any browser can send anything: what is not text is no search, text
    is cut to its first 200 characters before it is read, and characters
    meaningful to SQL are plain characters."""
    a = people["canbo.a"]
    _binned(a, "Hoàng Thị Quỳnh")
    result = recycle_bin.list_bin(a, 1, query)
    if not isinstance(query, str):
        assert result["total"] == 1  # no search: the whole bin
    else:
        assert result["total"] in (0, 1)
    for page in (-1, 0, 10**30, "2", None):
        assert recycle_bin.list_bin(a, page, query)["page"] == 1


def test_paging_keeps_the_search(people):
    a = people["canbo.a"]
    found = [_binned(a, "Trần Thị Mai") for _ in range(recycle_bin.PAGE_SIZE + 1)]
    _binned(a, "Lê Văn Cường")

    first = recycle_bin.list_bin(a, 1, "tran mai")
    assert (first["total"], first["pages"]) == (len(found), 2)
    second = recycle_bin.list_bin(a, 2, "tran mai")
    shown = [r["id"] for r in first["rows"] + second["rows"]]
    assert sorted(shown) == sorted(found)  # every match once, nothing else
    # Past the last page: the last page, not an empty one.
    assert recycle_bin.list_bin(a, 9, "tran mai")["page"] == 2

    # The page's state sends the search with each page it asks for.
    state = new_state(RecycleBinState, _token("canbo.a"))[1]
    _run(state, "open")
    assert state.total == len(found) + 1
    _run(state, "search", {"q": "tran mai"})
    _run(state, "next_page")
    assert (state.query, state.page, state.total) == ("tran mai", 2, len(found))
    assert {r["violator_name"] for r in state.rows} == {"Trần Thị Mai"}
    _run(state, "previous_page")
    assert (state.page, len(state.rows)) == (1, recycle_bin.PAGE_SIZE)
    assert {r["violator_name"] for r in state.rows} == {"Trần Thị Mai"}
    _run(state, "clear")
    assert (state.query, state.total) == ("", len(found) + 1)
    # Malformed forms are no search.
    _run(state, "search", ["tran"])
    assert (state.query, state.total) == ("", len(found) + 1)
