"""The Excel export of a search is the list's result (issue 6), and a search
with many matches sorted by another column reads that column's order."""

import io

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from tests.services import test_search
from xlvphc.models import Case, Unit
from xlvphc.services import case_queries, export, search_index
from xlvphc.services.db import session_scope

varied = test_search.varied  # 240 cases over three units (fixture)
_simple = test_search._simple  # the same page by one IN per word

QUERIES = [
    "",
    "nguyen",
    "nguyen van",
    "an",
    "van thi",
    "47b1",
    "066",
    "zz",
    "h' blong",
    "le anh",
]
VARIANTS = [
    {},
    {"status": "decided"},
    {"sort": "violator_name", "dir": "asc"},
    {"sort": "fine_total"},
    {"sort": "unit_name", "dir": "asc"},
    {"sort": "created", "dir": "asc"},
    {"sort": "decided_on"},
    {"sort": "status", "dir": "asc"},
]


def _tight(monkeypatch) -> None:
    """Every branch of the planned search on 240 cases."""
    monkeypatch.setattr(case_queries, "COUNT_CAP", 7)
    monkeypatch.setattr(search_index, "SAMPLE", 3)
    monkeypatch.setattr(search_index, "MAX_STREAMS", 2)
    monkeypatch.setattr(search_index, "MAX_WALK_UNITS", 0)


def _listed(actor, filters) -> list[str]:
    """Every page of the list, in order: the record numbers."""
    out, page = [], 1
    while True:
        rows = case_queries.list_cases(actor, filters, page)["rows"]
        if not rows:
            return out
        out += [r["record_number"] for r in rows]
        page += 1


def _sheet(actor, filters):
    _, data = export.export_cases(actor, filters)
    return load_workbook(io.BytesIO(data)).active


def _exported(actor, filters) -> list[str]:
    ws = _sheet(actor, filters)
    return [row[0] for row in ws.iter_rows(min_row=5, values_only=True)]


@pytest.mark.parametrize("tight", [False, True], ids=["defaults", "tight-limits"])
def test_export_equals_the_list(varied, monkeypatch, tight):
    if tight:
        _tight(monkeypatch)
    people = varied
    a = people["canbo.a"]
    wrong = []
    for actor in (people["giamsat"], a):
        for query in QUERIES:
            for variant in VARIANTS + [{"unit": str(a.unit_id)}]:
                filters = {"q": query, **variant}
                if _exported(actor, filters) != _listed(actor, filters):
                    wrong.append((actor.username, filters))
    assert wrong == []


def test_export_keeps_to_the_scope(varied):
    people = varied
    a, b, sup = people["canbo.a"], people["canbo.b"], people["giamsat"]
    with session_scope() as session:
        a_name = session.get(Unit, a.unit_id).name
        in_a = len(
            session.exec(
                select(Case.id).where(
                    Case.unit_id == a.unit_id, Case.deleted_at.is_(None)
                )
            ).all()
        )
    for filters in ({}, {"q": "nguyen"}, {"q": "van", "sort": "fine_total"}):
        units = {
            row[7] for row in _sheet(a, filters).iter_rows(min_row=5, values_only=True)
        }
        assert units == {a_name}
    assert len(_exported(a, {})) == in_a
    # Another unit named in the filter matches nothing; the supervisor sees
    # every unit.
    assert _exported(a, {"unit": str(b.unit_id)}) == []
    assert _exported(a, {"unit": str(b.unit_id), "q": "nguyen"}) == []
    assert (
        len({row[7] for row in _sheet(sup, {}).iter_rows(min_row=5, values_only=True)})
        == 3
    )


def test_export_streams_in_chunks_and_says_when_cut(varied, monkeypatch):
    monkeypatch.setattr(export, "CHUNK", 7)
    monkeypatch.setattr(export, "MAX_ROWS", 50)
    sup = varied["giamsat"]
    filters = {"q": "van", "sort": "fine_total", "dir": "asc"}
    ws = _sheet(sup, filters)
    assert ws.cell(row=1, column=1).value == "DANH SÁCH HỒ SƠ VI PHẠM HÀNH CHÍNH"
    assert ws.cell(row=3, column=1).value.startswith("Chỉ xuất 50 hồ sơ đầu tiên")
    assert [c.value for c in ws[4]][:2] == ["Số biên bản", "Số quyết định"]
    assert ws.freeze_panes == "A5"
    rows = list(ws.iter_rows(min_row=5))
    assert [r[0].value for r in rows] == _listed(sup, filters)[:50]
    assert all(r[0].data_type == "s" and r[10].number_format == "#,##0" for r in rows)
    decided = [r[3] for r in rows if r[3].value is not None]
    assert decided and all(c.number_format == "DD/MM/YYYY" for c in decided)
    # Under the cap: no note.
    monkeypatch.setattr(export, "MAX_ROWS", 50_000)
    assert _sheet(sup, filters).cell(row=3, column=1).value is None


@pytest.mark.parametrize("most", [16, 48, 4096])
def test_sorted_search_read_in_column_order_equals_the_simple_one(
    varied, monkeypatch, most
):
    """Pages of searches with many matches sorted by each column, read in
    that column's order with budgets that hold the page, hold part of it or
    fail; each equals the plain query's page."""
    _tight(monkeypatch)
    # 46 matches sampled: enough for pages 1 and 2, not for page 3.
    monkeypatch.setattr(case_queries, "COUNT_CAP", 45)
    monkeypatch.setattr(search_index, "SORT_WALK_MAX", most)
    outcomes = []
    real = search_index.in_order_ids

    def spy(*args, **kwargs):
        ids = real(*args, **kwargs)
        outcomes.append(ids is not None)
        return ids

    monkeypatch.setattr(search_index, "in_order_ids", spy)
    sup = varied["giamsat"]
    wrong = []
    for key in case_queries.SORTS:
        for direction in ("asc", "desc"):
            for query in ("nguyen", "an", "van", "n", "066"):
                filters = {"q": query, "sort": key, "dir": direction}
                for page in (1, 2, 3):
                    got = case_queries.list_cases(sup, filters, page)
                    ids = [r["id"] for r in got["rows"]]
                    if (ids, got["total"], got["more"]) != _simple(sup, filters, page):
                        wrong.append((filters, page))
    assert wrong == []
    if most < case_queries.PAGE_SIZE:
        assert True not in outcomes  # a budget below a page is never walked
    else:
        assert True in outcomes
    if most == 48:
        assert False in outcomes  # the budget ran out: the driver was read
