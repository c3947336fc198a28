"""The catalogue's decrees as a decision's ground cites them (note (4) of
MQĐ01 and MQĐ02): in full where their date and title were checked."""

import csv

from xlvphc.domain.decrees import DECREES, full_citation
from xlvphc.services.reference import DATA_DIR


def test_every_catalogue_decree_is_cited_in_full():
    with open(DATA_DIR / "violations_catalogue.csv", encoding="utf-8") as handle:
        decrees = {row["decree"] for row in csv.DictReader(handle)}
    assert decrees == set(DECREES)


def test_a_listed_decree_has_its_date_issuer_and_title():
    assert full_citation("123/2024/NĐ-CP") == (
        "Nghị định số 123/2024/NĐ-CP ngày 04 tháng 10 năm 2024 của Chính phủ "
        "quy định về xử phạt vi phạm hành chính trong lĩnh vực đất đai"
    )
    # Days below 10 and months 1, 2 with a leading zero (NĐ 30/2020).
    assert full_citation(" 15/2020/NĐ-CP ").startswith(
        "Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ quy "
        "định xử phạt vi phạm hành chính trong lĩnh vực bưu chính"
    )


def test_a_decree_not_checked_keeps_its_number_alone():
    assert full_citation("100/2019/NĐ-CP") == "Nghị định số 100/2019/NĐ-CP"
