"""The one search box and the filters (issue 6): diacritics, word order,
decomposed input, plates, numbers, scope, deleted cases, sorting."""

import pytest
from sqlmodel import delete, select

from tests.services.conftest import actor_for, case_form, decision_form, make_user
from xlvphc.models import Case, CaseToken, Unit
from xlvphc.models.base import local_now
from xlvphc.services import case_queries, cases, recycle_bin, search_index, units
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied
from xlvphc.services.procedure import perform


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
    people, _ = three
    a, b = people["canbo.a"], people["canbo.b"]
    assert _names(b, {"q": "nguyen van an"}) == ["Nguyễn Văn An Bình"]
    # Asking for unit A by its id gives nothing, not unit A's cases.
    assert case_queries.list_cases(b, {"unit": str(a.unit_id)})["total"] == 0
    assert case_queries.list_cases(a, {"unit": str(a.unit_id)})["total"] == 3
    assert case_queries.list_cases(people["giamsat"], {"q": "nguyen"})["total"] == 2
    units = {u["id"] for u in case_queries.filter_choices(b)["units"]}
    assert str(a.unit_id) not in units and str(b.unit_id) in units


def test_opening_the_list_is_the_choices_and_the_page_in_one_call(three):
    people, _ = three
    a, b = people["canbo.a"], people["canbo.b"]
    opened = case_queries.open_list(b, {"q": "nguyen"}, 1)
    assert opened["choices"] == case_queries.filter_choices(b)
    assert opened["page"] == case_queries.list_cases(b, {"q": "nguyen"}, 1)
    assert [r["violator_name"] for r in opened["page"]["rows"]] == [
        "Nguyễn Văn An Bình"
    ]
    assert str(a.unit_id) not in {u["id"] for u in opened["choices"]["units"]}


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
        # No plan, no measure: the deadline that makes it late is the
        # compliance deadline (deadlines.refresh_deadlines keeps late_after).
        case.late_after = case.compliance_due
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


# ------------------------------ document numbers with and without leading zero

# The tokens the index held for a case numbered before the leading zero
# ("1/QĐ-XPHC", Nghị định 30/2020/NĐ-CP): written then, never rebuilt.
OLD_TOKENS = {"le", "van", "cu", "1/bb-vphc", "1bbvphc", "1", "bb", "vphc",
              "1/qd-xphc", "1qdxphc", "qd", "xphc"}


def test_number_words_without_leading_zero_only_for_document_numbers():
    assert search_index.words_of("Lê Văn Mới 01/QĐ-XPHC") == {
        "le", "van", "moi", "01/qd-xphc", "01qdxphc", "01", "1/qd-xphc",
        "1qdxphc", "1", "qd", "xphc"}
    # A number without a leading zero gives what it always gave.
    assert search_index.words_of(" le van cu 1/bb-vphc 1/qd-xphc ") == OLD_TOKENS
    assert search_index.query_words("Số 01/QĐ-XPHC, 007/bb-vphc") == [
        "so", "1/qd-xphc", "7/bb-vphc"]
    # Identity and phone numbers, plates, addresses and numbers with a year
    # keep their zeros, stored and typed.
    others = "066090001234 0912345678 47b1-012.34 05/12 01/2024/qd-ub 0/qd"
    assert search_index.query_words(others) == others.split()
    assert search_index.words_of(others) == {
        "066090001234", "0912345678", "47b1-012.34", "47b101234", "47b1", "012",
        "34", "05/12", "0512", "05", "12", "01/2024/qd-ub", "012024qdub", "01",
        "2024", "qd", "ub", "0/qd", "0qd", "0"}


@pytest.fixture
def numbered(people):
    """Three cases of unit A: one numbered before the leading zero, whose
    tokens are the old ones as written then; one numbered since; another."""
    a = people["canbo.a"].unit_id
    texts = {
        "old": " le van cu 1/bb-vphc 1/qd-xphc ",
        "new": " tran van moi 02/bb-vphc 01/qd-xphc 066090001234 47b1-012.34 ",
        "other": " hoang van khac 22/bb-vphc 0912345678 ",
    }
    ids = {}
    with session_scope() as session:
        for key, text in texts.items():
            case = Case(unit_id=a, field="Giao thông", status="decided",
                        violator_name=key, search_text=text)
            session.add(case)
            session.flush()
            ids[key] = case.id
        session.execute(delete(CaseToken).where(CaseToken.case_id == ids["old"]))
        session.add_all(CaseToken(case_id=ids["old"], token=t, unit_id=a)
                        for t in OLD_TOKENS)
    return people["canbo.a"], ids


@pytest.mark.parametrize(("query", "expected"), [
    # Either writing finds the old case and the new one.
    ("01/QĐ-XPHC", ["new", "old"]),
    ("1/QĐ-XPHC", ["new", "old"]),
    ("0001/qd-xphc", ["new", "old"]),
    ("1/qd", ["new", "old"]),
    ("1", ["new", "old"]),
    ("01", ["new"]),  # the old case is found by "1" (its words hold no "01")
    ("02/BB-VPHC", ["new"]),
    ("2/BB-VPHC", ["new"]),
    ("01/QĐ-XPHC tran", ["new"]),
    ("22/BB-VPHC", ["other"]),
    ("022/BB-VPHC", ["other"]),
    # Other numbers match exactly as typed, zeros included.
    ("066090001234", ["new"]),
    ("66090001234", []),
    ("0912345678", ["other"]),
    ("912345678", []),
    ("47B1-012.34", ["new"]),
    ("012", ["new"]),
])
def test_document_numbers_are_found_with_or_without_the_zero(numbered, query,
                                                             expected):
    actor, _ = numbered
    assert sorted(_names(actor, {"q": query})) == expected


def test_issued_numbers_are_found_both_ways(three):
    people, ids = three
    a = people["canbo.a"]
    number = cases.issue_decision(a, ids["dao"], decision_form(version=1))
    assert number == "01/QĐ-XPHC"
    for query in ("01/QĐ-XPHC", "1/QĐ-XPHC", "01/qd-xphc", "1/qd-xphc"):
        assert _names(a, {"q": query}) == ["Đỗ Thị Đào"], query
    # The record numbers: 01 to 03/BB-VPHC in unit A, typed either way.
    assert _names(a, {"q": "3/BB-VPHC"}) == _names(a, {"q": "03/BB-VPHC"}) == [
        "Công ty TNHH Cà phê Đất Việt"]


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
    # A direction without a column the list sorts by is dropped
    # (state/list_sort.py).
    assert cleaned == {"q": "nguyen van an", "status": "decided", "overdue": "1"}
    assert _clean_filters("junk") == {}


# ------------------------------------------------ the word index follows units


def _token_units(case_id: int) -> set[int]:
    with session_scope() as session:
        return set(session.exec(select(CaseToken.unit_id).where(
            CaseToken.case_id == case_id)))


def test_transfer_to_another_unit_moves_the_case_between_scopes(three):
    people, ids = three
    a, b = people["canbo.a"], people["canbo.b"]
    perform(a, ids["dao"], "transfer_unit", {
        "version": 1, "unit": str(b.unit_id), "on": local_now().strftime("%d/%m/%Y"),
        "note": "Vượt thẩm quyền (Điều 52 khoản 4)",
    })
    assert _token_units(ids["dao"]) == {b.unit_id}
    for query in ("do thi dao", "dao", "47c1"):
        assert _names(a, {"q": query}) == []
        assert _names(b, {"q": query}) == ["Đỗ Thị Đào"]
    assert _names(b, {"q": "dao", "unit": str(b.unit_id)}) == ["Đỗ Thị Đào"]
    assert case_queries.list_cases(a, {"q": "thi"})["total"] == 0
    assert _names(people["giamsat"], {"q": "dao thi do"}) == ["Đỗ Thị Đào"]


def test_bin_and_restore_keep_the_scope(three):
    people, ids = three
    a, b = people["canbo.a"], people["canbo.b"]
    recycle_bin.delete_case(a, ids["an"], "Nhập nhầm hồ sơ")
    assert _token_units(ids["an"]) == set()
    assert _names(a, {"q": "nguyen van an"}) == []
    assert _names(people["giamsat"], {"q": "nguyen van an"}) == ["Nguyễn Văn An Bình"]

    recycle_bin.restore_case(a, ids["an"])
    assert _token_units(ids["an"]) == {a.unit_id}
    assert _names(a, {"q": "an van nguyen"}) == ["Nguyễn Văn An"]
    assert _names(b, {"q": "nguyen van an"}) == ["Nguyễn Văn An Bình"]
    assert _names(people["giamsat"], {"q": "nguyen an", "sort": "violator_name",
                                      "dir": "asc"}) == ["Nguyễn Văn An",
                                                         "Nguyễn Văn An Bình"]


def test_unit_merge_moves_the_words(three):
    people, ids = three
    a, b = people["canbo.a"], people["canbo.b"]
    units.merge_units(people["quantri"], a.unit_id, b.unit_id, "Nghị quyết 1")
    assert all(_token_units(i) == {b.unit_id} for i in ids.values())
    assert _names(b, {"q": "nguyen van an"}) == ["Nguyễn Văn An Bình",
                                                 "Nguyễn Văn An"]


# ------------------------------------- the planned search = the simple search

FAMILY = ["Nguyễn", "Nguyễn", "Trần", "Lê", "Y", "H'"]
MIDDLE = ["Văn", "Thị", "Hữu", "Vân"]
GIVEN = ["An", "Anh", "Ánh", "Bình", "Vân", "Đào", "Thủy", "Thuyên", "Blong"]
PLACES = ["Buôn Đôn", "Ea Kao", "Lê Duẩn", "Thôn 3"]
QUERIES = ["nguyen van an", "an nguyen", "nguyen", "an", "a", "th", "thuy",
           "van thi", "ea kao", "47b1", "066", "le anh", "zz", "đào", "n v a",
           "h' blong", "van", "066 van"]
VARIANTS = [{}, {"status": "decided"}, {"sort": "violator_name", "dir": "asc"},
            {"sort": "created", "dir": "asc"}, {"sort": "fine_total"},
            {"sort": "unit_name", "dir": "asc"}, {"sort": "decided_on"}]


@pytest.fixture
def varied(people):
    """240 cases over three units: repeated names, prefixes of each other
    (an/anh/ánh), plates and numbers, some binned, some moved between units
    after their words were written."""
    from datetime import date, timedelta
    from random import Random

    from xlvphc.domain.text import fold

    rng = Random(6)
    a, b = people["canbo.a"].unit_id, people["canbo.b"].unit_id
    with session_scope() as session:
        c = session.exec(select(Unit.id).where(Unit.id.not_in([a, b]))).first()
        made = []
        for i in range(240):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            text = (f"{name} {i + 1}/BB-VPHC {rng.choice(PLACES)} "
                    f"47B{rng.randrange(1, 3)}-{rng.randrange(100):03d}.45 "
                    f"066{rng.randrange(10**6):06d}")
            decided = rng.choice([None, date(2025, 1, 1) + timedelta(rng.randrange(9))])
            case = Case(unit_id=rng.choice([a, a, b, c]), field="Giao thông",
                        decided_on=decided,
                        status=rng.choice(["recorded", "decided", "closed"]),
                        violator_name=name, record_number=f"{i + 1}/BB-VPHC",
                        fine_total=rng.randrange(5) * 250_000,
                        search_text=f" {fold(text)} ",
                        deleted_at=local_now() if rng.random() < 0.05 else None)
            session.add(case)
            made.append(case)
        session.flush()
        for case in rng.sample(made, 20):
            case.unit_id = rng.choice([a, b, c])
            session.add(case)
    return people


def _simple(actor, filters, page):
    """The same page by the plain plan: one IN (postings) per word."""
    conds = case_queries.case_conditions(actor, filters)
    stmt = select(Case.id).join(Unit, Unit.id == Case.unit_id).where(*conds)
    with session_scope() as session:
        every = session.exec(case_queries.ordered(stmt, filters)).all()
    cap = case_queries.COUNT_CAP
    first = (page - 1) * case_queries.PAGE_SIZE
    return every[first:first + case_queries.PAGE_SIZE], min(len(every), cap), \
        len(every) > cap


@pytest.mark.parametrize("tight", [False, True], ids=["defaults", "tight-limits"])
def test_planned_search_equals_the_simple_one(varied, monkeypatch, tight):
    if tight:  # every branch on small data: capped totals, extrapolated and
        # broad estimates, too many ranges to merge, wide scopes
        monkeypatch.setattr(case_queries, "COUNT_CAP", 7)
        monkeypatch.setattr(search_index, "SAMPLE", 3)
        monkeypatch.setattr(search_index, "MAX_STREAMS", 2)
        monkeypatch.setattr(search_index, "MAX_WALK_UNITS", 0)
    people = varied
    a = people["canbo.a"]
    variants = VARIANTS + [{"unit": str(a.unit_id)}]
    wrong = []
    for actor in (people["giamsat"], a):
        for query in QUERIES:
            for variant in variants:
                filters = {"q": query, **variant}
                for page in (1, 2):
                    got = case_queries.list_cases(actor, filters, page)
                    ids = [r["id"] for r in got["rows"]]
                    if (ids, got["total"], got["more"]) != _simple(actor, filters,
                                                                   page):
                        wrong.append((actor.username, filters, page))
    assert wrong == []
