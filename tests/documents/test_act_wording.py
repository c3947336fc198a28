"""Printed forms state the act as the decree words it: the catalogue's
bracketed notes for the picker ("(có thể phạt cảnh cáo)", "(vượt đèn đỏ)"…)
are left out, the decree's own brackets ("(trừ …)") are kept (user trial:
MQĐ01 printed "Thả rông động vật nuôi … (có thể phạt cảnh cáo)")."""

from dataclasses import replace

import pytest
from form_samples import AGENCY, INDIVIDUAL, full_decision, full_record
from pdf_probe import all_text

from xlvphc.documents.data import ActData, FormData
from xlvphc.documents.mbb01 import render_record
from xlvphc.documents.mqd02 import render_decision
from xlvphc.documents.registry import render
from xlvphc.documents.wording import act_wording

LOOSE_ANIMALS = ActData(
    decree="282/2025/NĐ-CP",
    article=8,
    clause=1,
    point="b",
    act="Thả rông động vật nuôi trong đô thị hoặc nơi công cộng (có thể phạt cảnh cáo)",
    fine=300_000,
)
RED_LIGHT = ActData(
    decree="168/2024/NĐ-CP",
    article=7,
    clause=7,
    point="c",
    act=("Xe máy: không chấp hành hiệu lệnh của đèn tín hiệu giao thông (vượt đèn đỏ)"),
    fine=5_000_000,
)
PAVEMENT = ActData(
    decree="168/2024/NĐ-CP",
    article=6,
    clause=6,
    point="d",
    act="Ô tô: điều khiển xe đi trên vỉa hè (trừ đi qua vỉa hè để vào nhà, cơ quan)",
    fine=3_000_000,
)


@pytest.mark.parametrize(
    ("act", "printed"),
    [
        (
            LOOSE_ANIMALS.act,
            "Thả rông động vật nuôi trong đô thị hoặc nơi công cộng",
        ),
        (
            "Người từ đủ 14 đến dưới 16 tuổi điều khiển xe mô tô (Chỉ phạt cảnh cáo)",
            "Người từ đủ 14 đến dưới 16 tuổi điều khiển xe mô tô",
        ),
        (
            "Xe máy: sử dụng còi, rú ga (nẹt pô) liên tục trong khu đông dân cư",
            "Xe máy: sử dụng còi, rú ga liên tục trong khu đông dân cư",
        ),
        (
            "Chuyển nhượng khi không đủ điều kiện (ví dụ chưa có Giấy chứng nhận)",
            "Chuyển nhượng khi không đủ điều kiện",
        ),
        (
            "Không xuất trình (kể cả trên ứng dụng) khi kiểm tra (có thể phạt cảnh cáo)",
            "Không xuất trình (kể cả trên ứng dụng) khi kiểm tra",
        ),
        (PAVEMENT.act, PAVEMENT.act),  # the decree's own exception stays
    ],
)
def test_catalogue_notes_are_not_printed(act, printed):
    assert act_wording(replace(LOOSE_ANIMALS, act=act)) == printed


def test_mqd01_prints_the_act_without_the_warning_note():
    data = FormData(
        agency=AGENCY,
        number="3/QĐ-XPHC",
        violator=INDIVIDUAL,
        acts=[LOOSE_ANIMALS, PAVEMENT],
    )
    text = all_text(render("MQĐ01", data))
    assert "Thả rông động vật nuôi trong đô thị hoặc nơi công cộng (quy định" in text
    assert "có thể phạt cảnh cáo" not in text
    assert "(trừ đi qua vỉa hè để vào nhà, cơ quan)" in text


def test_record_and_decision_print_the_act_without_notes():
    acts = [LOOSE_ANIMALS, RED_LIGHT]
    record = all_text(render_record(full_record(acts=acts)))
    decision = all_text(render_decision(full_decision(acts=acts, fine_total=0)))
    for text in (record, decision):
        assert "Thả rông động vật nuôi trong đô thị hoặc nơi công cộng;" in text
        assert "hiệu lệnh của đèn tín hiệu giao thông." in text
        assert "cảnh cáo)" not in text and "vượt đèn đỏ" not in text
