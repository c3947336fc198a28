"""The one search box and the filters (issue 6): diacritics, word order,
decomposed input, plates, numbers, scope, deleted cases, sorting."""

import pytest
from sqlmodel import select

from tests.services.conftest import actor_for, case_form, decision_form, make_user
from xlvphc.models import Case, CaseToken
from xlvphc.services import case_queries, cases, recycle_bin, search_index
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied


def _names(actor, filters) -> list[str]:
    return [r["violator_name"] for r in case_queries.list_cases(actor, filters)["rows"]]


@pytest.fixture
def three(people):
    """Three cases of unit A and one of unit B with similar names."""
    a, b = people["canbo.a"], people["canbo.b"]
    ids = {
        "an": cases.create_case(a, case_form()),
        "dao": cases.create_case(a, case_form(
            name="Đỗ Thị Đào", id_number="066190009999",
            address="Buôn Đôn, Đắk Lắk", violation_place="Chợ Ea Kao",
            description="Xe mô tô biển số 47C1-678.90 dừng sai quy định.")),
        "org": cases.create_case(a, case_form(
            kind="organisation", name="Công ty TNHH Cà phê Đất Việt",
            tax_code="6000123456", representative_name="Lê Quang Hải",
            representative_title="Giám đốc", violation_place="Km 5 Quốc lộ 14")),
        "other": cases.create_case(b, case_form(name="Nguyễn Văn An Bình")),
    }
    return people, ids


@pytest.mark.parametrize(("query", "expected"), [
    ("do thi dao", ["Đỗ Thị Đào"]),
    ("ĐỖ THỊ ĐÀO", ["Đỗ Thị Đào"]),
    ("dao do", ["Đỗ Thị Đào"]),
    ("đào", ["Đỗ Thị Đào"]),
    ("Đa\u0300o  \u0110o\u0302\u0303", ["Đỗ Thị Đào"]),  # NFD and double space
    ("  dao   thi  ", ["Đỗ Thị Đào"]),
    ("066190009999", ["Đỗ Thị Đào"]),
    ("47C1-678.90", ["Đỗ Thị Đào"]),
    ("47c167890", ["Đỗ Thị Đào"]),
    ("buon don", ["Đỗ Thị Đào"]),
    ("cong ty dat viet", ["Công ty TNHH Cà phê Đất Việt"]),
    ("6000123456", ["Công ty TNHH Cà phê Đất Việt"]),
    ("le quang hai", ["Công ty TNHH Cà phê Đất Việt"]),
    ("3/BB-VPHC", ["Công ty TNHH Cà phê Đất Việt"]),
    ("nguyen an", ["Nguyễn Văn An"]),
    ("khong co ai ten nay", []),
])
def test_one_box_finds_by_any_identifying_word(three, query, expected):
    people, _ = three
    assert _names(people["canbo.a"], {"q": query}) == expected


def test_decision_number_is_searchable(three):
    people, ids = three
    a = people["canbo.a"]
    number = cases.issue_decision(a, ids["an"], decision_form(version=1))
    assert _names(a, {"q": number}) == ["Nguyễn Văn An"]


def test_another_units_cases_never_appear(three):
    people, ids = three
    a, b = people["canbo.a"], people["canbo.b"]
    assert _names(b, {"q": "nguyen van an"}) == ["Nguyễn Văn An Bình"]
    # Asking for unit A by its id gives nothing, not unit A's cases.
    assert case_queries.list_cases(b, {"unit": str(a.unit_id)})["total"] == 0
    assert case_queries.list_cases(a, {"unit": str(a.unit_id)})["total"] == 3
    assert case_queries.list_cases(people["giamsat"], {"q": "nguyen"})["total"] == 2
    units = {u["id"] for u in case_queries.filter_choices(b)["units"]}
    assert str(a.unit_id) not in units and str(b.unit_id) in units


def test_deleted_cases_leave_search_and_counts(three):
    people, ids = three
    a = people["canbo.a"]
    recycle_bin.delete_case(a, ids["dao"], "Nhập nhầm hồ sơ")
    assert _names(a, {"q": "dao"}) == []
    assert case_queries.list_cases(a)["total"] == 2
    assert case_queries.list_cases(people["giamsat"])["total"] == 3


def test_filters_by_status_dates_amount_article_and_field(three):
    people, ids = three
    a = people["canbo.a"]
    cases.issue_decision(a, ids["an"], decision_form(version=1))
    assert _names(a, {"status": "decided"}) == ["Nguyễn Văn An"]
    assert _names(a, {"amount_min": "500.000", "amount_max": "500.000 đ"}) == \
        ["Nguyễn Văn An"]
    assert _names(a, {"amount_min": "600.000"}) == []
    assert case_queries.list_cases(a, {"decree": "168", "article": "7"})["total"] == 3
    assert case_queries.list_cases(a, {"article": "99"})["total"] == 0
    assert case_queries.list_cases(a, {"d_from": "01/01/2000"})["total"] == 1
    assert case_queries.list_cases(a, {"v_to": "01/01/2000"})["total"] == 0
    assert case_queries.list_cases(a, {"r_from": "01/01/2000"})["total"] == 3
    assert case_queries.list_cases(a, {"r_to": "01/01/2000"})["total"] == 0
    field = "Trật tự, an toàn giao thông đường bộ"
    assert case_queries.list_cases(a, {"field": field})["total"] == 3
    assert case_queries.list_cases(a, {"field": "Không có"})["total"] == 0
    # Malformed values are dropped, never widen beyond scope.
    assert case_queries.list_cases(a, {"amount_min": "abc", "d_from": "31/02/2024",
                                       "unit": "-1", "status": "x"})["total"] == 3


def test_overdue_only(three):
    people, ids = three
    a = people["canbo.a"]
    cases.issue_decision(a, ids["an"], decision_form(version=1))
    from datetime import date
    with session_scope() as session:
        case = session.get(Case, ids["an"])
        case.compliance_due = date(2020, 1, 1)
        session.add(case)
    assert _names(a, {"overdue": "1"}) == ["Nguyễn Văn An"]
    with session_scope() as session:
        case = session.get(Case, ids["an"])
        case.closed_on = date(2020, 1, 2)
        session.add(case)
    assert _names(a, {"overdue": "1"}) == []


def test_sort_by_any_column_and_unknown_sort_ignored(three):
    people, _ = three
    a = people["canbo.a"]
    asc = _names(a, {"sort": "violator_name", "dir": "asc"})
    assert asc == sorted(asc)
    assert _names(a, {"sort": "violator_name", "dir": "desc"}) == asc[::-1]
    assert _names(a, {"sort": "password_hash; drop"})[0] == \
        "Công ty TNHH Cà phê Đất Việt"  # newest first


def test_tokens_follow_edits_and_rebuild(three):
    _, ids = three
    with session_scope() as session:
        tokens = set(session.exec(select(CaseToken.token).where(
            CaseToken.case_id == ids["dao"])))
    assert {"do", "thi", "dao", "47c1-678.90", "47c167890"} <= tokens
    with session_scope() as session:
        assert search_index.rebuild(session) == 4
        again = set(session.exec(select(CaseToken.token).where(
            CaseToken.case_id == ids["dao"])))
    assert again == tokens


def test_roles_without_case_reading_are_refused(people):
    make_user("lanhdao", "SO-TU-PHAP", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        case_queries.list_cases(actor_for("lanhdao"), {"q": "an"})
    with pytest.raises(PermissionDenied):
        case_queries.filter_choices(people["quantri"])


def test_address_bar_filters_are_allow_listed():
    from xlvphc.state.cases import _clean_filters

    cleaned = _clean_filters({"q": ["nguyen van an", "x"], "status": " decided ",
                              "unit_id": "1", "password": "x", "overdue": True,
                              "article": "", "dir": "asc" * 100})
    assert cleaned == {"q": "nguyen van an", "status": "decided", "overdue": "1",
                       "dir": ("asc" * 100)[:200]}
    assert _clean_filters("junk") == {}
