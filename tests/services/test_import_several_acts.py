"""A register row citing several acts becomes one case act per citation,
each matched to the catalogue as a single act is; the row's fine stays the
decision's total (helper A, defect 3)."""

from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlmodel import select

from tests.services.conftest import catalogue_id
from tests.services.test_import_checks import workbook
from xlvphc.models import Case, CaseAct, Decision
from xlvphc.services import case_queries, importer, printing
from xlvphc.services.db import session_scope
from xlvphc.services.importer.against_catalogue import act_fines
from xlvphc.services.importer.reader import citations, unread_citations
from xlvphc.services.importer.shown import FINE_IN_TOTAL

CITE = "Căn cứ (điều, khoản, nghị định)"
HEAD = "Dòng 2, cột Căn cứ (điều, khoản, nghị định): "
ND168 = "168/2024/NĐ-CP"
# Driver and passenger without helmets: 400.000–600.000 đồng each.
TWO = f"điểm h khoản 2 Điều 7; điểm i khoản 2 Điều 7 Nghị định {ND168}"
# Warning only (chỉ phạt cảnh cáo): a rider of 14 to under 16.
UNDER_16 = f"khoản 1 Điều 18 Nghị định {ND168}"


def _import(people, **change) -> int:
    report = importer.import_rows(people["canbo.a"], workbook(change))
    assert report["problems"] == []
    with session_scope() as session:
        return session.exec(select(Case.id)).one()


def _acts(case_id: int) -> list[CaseAct]:
    with session_scope() as session:
        return session.exec(select(CaseAct).where(CaseAct.case_id == case_id)
                            .order_by(CaseAct.position)).all()


def _printed(people, case_id: int) -> str:
    pdf = printing.print_form(people["canbo.a"], case_id, "MQĐ02")[1]
    return " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(BytesIO(pdf)).pages)


def test_each_cited_act_becomes_a_case_act_matched_to_the_catalogue(people):
    """Before: one act, article 0, the citations pasted into its text."""
    case_id = _import(people, **{CITE: TWO, "Số tiền phạt": "1.000.000",
                                 "Số tiền đã nộp": ""})
    acts = _acts(case_id)
    assert [(a.decree, a.article, a.clause, a.point) for a in acts] == [
        (ND168, 7, 2, "h"), (ND168, 7, 2, "i")]
    assert [a.catalogue_id for a in acts] == [
        catalogue_id(7, 2, "h", ND168), catalogue_id(7, 2, "i", ND168)]
    assert [(a.frame_min, a.frame_max) for a in acts] == [(400_000, 600_000)] * 2
    assert [a.position for a in acts] == [0, 1]
    # Each takes the catalogue's wording; the register's text stays the
    # case's description.
    assert acts[1].act.startswith("Xe máy: chở người ngồi sau không đội mũ")
    # The register gave the total only: no act is given a fine it did not
    # state; the case and its decision keep the total.
    assert [a.fine for a in acts] == [None, None]
    with session_scope() as session:
        case = session.get(Case, case_id)
        decision = session.exec(select(Decision)).one()
    assert (case.fine_total, decision.fine_total) == (1_000_000, 1_000_000)
    assert case.description == "Không đội mũ bảo hiểm khi điều khiển xe mô tô"

    shown = case_queries.get_case(people["canbo.a"], case_id)
    assert [a["citation"] for a in shown["acts"]] == [
        f"Điểm h khoản 2 Điều 7 Nghị định {ND168}",
        f"Điểm i khoản 2 Điều 7 Nghị định {ND168}"]
    assert [a["fine"] for a in shown["acts"]] == [FINE_IN_TOTAL] * 2
    assert shown["fine_total"] == "1.000.000 đồng"

    # MQĐ02: each act and its ground numbered, its share dotted for the
    # pen, the total in figures and words; never "Cảnh cáo".
    text = _printed(people, case_id)
    assert "(1) điểm h khoản 2 Điều 7 Nghị định số 168/2024/NĐ-CP;" in text
    assert "(2) điểm i khoản 2 Điều 7 Nghị định số 168/2024/NĐ-CP." in text
    assert "a) Hình thức xử phạt chính: Phạt tiền." in text
    assert (f"(2) Phạt tiền {'…' * 6} đồng ({'…' * 8}) đối với hành vi quy "
            "định tại điểm i khoản 2 Điều 7") in text
    assert ("Tổng số tiền phạt là: 1.000.000 đồng (Bằng chữ: Một triệu đồng)"
            in text)
    assert "Cảnh cáo" not in text and "cảnh cáo" not in text


def test_a_warning_for_every_act_when_no_fine_is_written(people):
    case_id = _import(people, **{CITE: TWO, "Số tiền phạt": "",
                                 "Số tiền đã nộp": ""})
    assert [a.fine for a in _acts(case_id)] == [0, 0]
    assert [a["fine"] for a in case_queries.get_case(
        people["canbo.a"], case_id)["acts"]] == ["Cảnh cáo"] * 2
    assert "a) Hình thức xử phạt chính: Cảnh cáo." in _printed(people, case_id)


def test_the_one_act_that_can_be_fined_carries_the_total(people):
    """The catalogue gives the other a warning only: the fine is told."""
    case_id = _import(people, **{
        CITE: f"{UNDER_16}; điểm h khoản 2 Điều 7 Nghị định {ND168}",
        "Số tiền phạt": "500.000", "Số tiền đã nộp": ""})
    assert [(a.article, a.fine) for a in _acts(case_id)] == [(18, 0), (7, 500_000)]
    text = _printed(people, case_id)
    assert "a) Hình thức xử phạt chính: Phạt tiền, cảnh cáo." in text
    assert "(1) Cảnh cáo đối với hành vi quy định tại khoản 1 Điều 18" in text
    assert "(2) Phạt tiền 500.000 đồng (Năm trăm nghìn đồng) đối với" in text


def test_acts_outside_the_catalogue_are_kept_each_with_its_citation(people):
    case_id = _import(people, **{
        CITE: "khoản 2 Điều 6, khoản 3 Điều 5 Nghị định 100/2019/NĐ-CP",
        "Số tiền phạt": "1.000.000", "Số tiền đã nộp": ""})
    acts = _acts(case_id)
    assert [(a.decree, a.article, a.clause, a.catalogue_id) for a in acts] == [
        ("100/2019/NĐ-CP", 6, 2, None), ("100/2019/NĐ-CP", 5, 3, None)]
    assert acts[0].act == ("Hành vi vi phạm hành chính quy định tại khoản 2 Điều "
                           "6 Nghị định 100/2019/NĐ-CP")
    text = _printed(people, case_id)
    assert "Căn cứ Nghị định số 100/2019/NĐ-CP;" in text


def test_a_single_act_is_stored_as_before(people):
    case_id = _import(people)
    [act] = _acts(case_id)
    assert (act.article, act.point, act.fine) == (7, "h", 500_000)
    assert act.act == "Không đội mũ bảo hiểm khi điều khiển xe mô tô"


def test_every_wrong_part_is_refused_by_row_and_column(people):
    found = importer.preview(people["canbo.a"], workbook(
        {CITE: "điểm a khoản 1 Điều 6; điểm b khoản 2 Điều 7"},
        {CITE: f"điểm h khoản 2 Điều 7 Nghị định {ND168}, khoản 3"},
        {CITE: f"điểm h khoản 2 Điều 7; điểm h khoản 2 Điều 7 Nghị định {ND168}"},
        {CITE: f"điểm h khoản 2; điểm i khoản 2 Điều 7 Nghị định {ND168}"},
        {CITE: f"điểm z khoản 2 Điều 7; điểm i khoản 2 Điều 7 Nghị định {ND168}"},
    ))["problems"]
    how = ("(mỗi hành vi ghi điểm, khoản, Điều, ví dụ: điểm a khoản 1 Điều 6; "
           "điểm b khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP).")
    assert found == [
        HEAD + "\u201cđiểm a khoản 1 Điều 6\u201d chưa ghi số nghị định (ví "
        "dụ: Nghị định 168/2024/NĐ-CP).",
        HEAD + "\u201cđiểm b khoản 2 Điều 7\u201d chưa ghi số nghị định (ví "
        "dụ: Nghị định 168/2024/NĐ-CP).",
        HEAD.replace("Dòng 2", "Dòng 3") + "không đọc được hành vi từ "
        f"\u201ckhoản 3\u201d {how}",
        HEAD.replace("Dòng 2", "Dòng 4") + "\u201cđiểm h khoản 2 Điều 7 Nghị "
        "định 168/2024/NĐ-CP\u201d được ghi hơn một lần; mỗi hành vi chỉ ghi "
        "một lần.",
        HEAD.replace("Dòng 2", "Dòng 5") + "không đọc được hành vi từ "
        f"\u201cđiểm h khoản 2\u201d {how}",
        HEAD.replace("Dòng 2", "Dòng 6") + "\u201cđiểm z khoản 2 Điều 7 Nghị "
        "định 168/2024/NĐ-CP\u201d: điểm z không có trong nghị định nào (các "
        "điểm ghi a, b, c, d, đ, e, g, h…).",
    ]


def test_the_total_is_checked_against_the_frames_of_every_act(people):
    found = importer.preview(people["canbo.a"], workbook(
        {CITE: TWO, "Số tiền phạt": "1.300.000", "Số tiền đã nộp": ""},
        {CITE: f"{UNDER_16}; điểm h khoản 2 Điều 7 Nghị định {ND168}",
         "Số tiền phạt": "700.000", "Số tiền đã nộp": ""},
    ))["problems"]
    assert len(found) == 2
    assert found[0].startswith(
        "Dòng 2, cột Số tiền phạt: 1.300.000 đồng nằm ngoài tổng khung phạt của "
        "các hành vi tại điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP, điểm i "
        "khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP (từ 800.000 đồng đến 1.200.000")
    assert found[1].startswith("Dòng 3, cột Số tiền phạt: 700.000 đồng nằm ngoài "
                               "tổng khung phạt")


def test_more_acts_than_a_case_holds_are_refused(people):
    many = "điểm a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v "
    found = importer.preview(people["canbo.a"], workbook(
        {CITE: f"{many}khoản 1 Điều 6 Nghị định {ND168}"}))["problems"]
    assert HEAD + "ghi 21 hành vi; một hồ sơ có tối đa 20 hành vi." in found


@pytest.mark.parametrize(("cell", "points"), [
    ("điểm a, b khoản 1 Điều 6 NĐ 168/2024/NĐ-CP", ["a", "b"]),
    ("điểm a và điểm đ khoản 1 Điều 6 NĐ 168/2024/NĐ-CP", ["a", "đ"]),
    ("Điểm h, khoản 2, Điều 7 NĐ 168/2024/NĐ-CP", ["h"]),
    ("điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP", ["h"]),
    ("khoản 1 Điều 18 Nghị định 168/2024/NĐ-CP", [""]),
])
def test_points_of_one_clause_are_read_as_acts(cell, points):
    found = citations(cell)
    assert [c["point"] for c in found] == points
    assert {(c["decree"], c["article"]) for c in found} == {
        (ND168, 6 if "Điều 6" in cell else 7 if "Điều 7" in cell else 18)}
    assert unread_citations(cell) == []


@pytest.mark.parametrize(("fine", "entries", "expected"), [
    (500_000, [None], [500_000]),
    (0, [None, None], [0, 0]),
    (1_000_000, [None, None], [None, None]),
    (500_000, [{"fine_max": None}, {"fine_max": 600_000}], [0, 500_000]),
    (500_000, [{"fine_max": None}, None], [0, 500_000]),
    (900_000, [{"fine_max": None}, None, None], [0, None, None]),
])
def test_act_fines_are_told_only_where_the_total_tells_them(fine, entries,
                                                            expected):
    assert act_fines(fine, entries) == expected
