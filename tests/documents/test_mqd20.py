"""The seizure decision (MQĐ20, Nghị định 118/2021 Phụ lục, Mẫu quyết định
số 20) prints who issues it and when the seizure ends: its authority line
(note (3): title and agency of the person deciding) and item 4, "Thời hạn
tạm giữ: … ngày, từ … đến ngày …", from the period the officer recorded at
the seizure step (note (9): the decision states it; no period is assumed).
"""

from datetime import timedelta

import pytest
from pdf_probe import all_text, has_poppler, to_png

from tests.documents.test_form_details import TODAY, d, decided, new_case, step
from tests.services.conftest import (  # noqa: F401 - fixtures
    people,
    ref,
)
from xlvphc.services import printing
from xlvphc.services.errors import ValidationFailed


def text_of(actor, case_id: int, mode: str = "final", name: str = "") -> str:
    pdf = printing.print_form(actor, case_id, "MQĐ20", mode)[1]
    if name and has_poppler():
        to_png(pdf, name)  # test-artifacts/, for a human look at the layout
    return all_text(pdf)


def test_authority_line_and_end_date_come_from_the_seizure(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer)
    step(officer, case_id, "seize", description="Xe mô tô 47B1-123.45",
         quantity="01 chiếc", on=d(0), start_time="07:30",
         reason="Để bảo đảm thi hành quyết định xử phạt",
         keep_place="Trụ sở Công an phường Tuy Hòa", days="7",
         decider_name="Trần Văn Bình", decider_title="Chủ tịch")

    text = text_of(officer, case_id, name="mqd20-filled")

    # Note (3): the decider's title and agency, in capitals, under the title
    # (the agency added when the title does not name it).
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA Căn cứ Điều 125" in text
    assert "THẨM QUYỀN BAN HÀNH" not in text
    # Item 4: 7 days from the seizure day; the first day is not counted.
    end = (TODAY + timedelta(days=7)).strftime("%d/%m/%Y")
    assert (
        f"4. Thời hạn tạm giữ: 07 ngày, từ 07 giờ 30 ngày {d(0)} đến ngày {end}"
        in text
    )
    assert "ngày/tháng" not in text
    assert "5. Địa điểm tạm giữ: Trụ sở Công an phường Tuy Hòa" in text
    # The decider signs: title above the name.
    assert "CHỦ TỊCH Trần Văn Bình" in text


def test_without_a_decider_the_decision_signer_issues_it(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = decided(officer, 3)
    step(officer, case_id, "seize", description="Giấy phép lái xe hạng A1",
         on=d(3), days="10")

    text = text_of(officer, case_id)

    # decision_form(): "Chủ tịch Ủy ban nhân dân phường Tuy Hòa".
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA" in text
    end = (TODAY - timedelta(days=3) + timedelta(days=10)).strftime("%d/%m/%Y")
    assert "10 ngày, từ" in text and f"đến ngày {end}" in text


def test_a_seizure_without_its_period_is_refused_at_the_field(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer)
    with pytest.raises(ValidationFailed) as refused:
        step(officer, case_id, "seize", description="Xe đạp", on=d(0))
    assert refused.value.errors == {
        "days": "Vui lòng nhập thời hạn tạm giữ (số ngày) để ghi vào Quyết "
        "định tạm giữ (MQĐ20)."
    }
    with pytest.raises(ValidationFailed) as refused:
        step(officer, case_id, "seize", description="Xe đạp", on=d(0), days="61")
    assert refused.value.errors == {
        "days": "Thời hạn tạm giữ phải từ 1 đến 60."
    }


def test_the_blank_form_keeps_the_choice_and_the_dots(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer)
    text = text_of(officer, case_id, "blank", name="mqd20-blank")
    assert "THẨM QUYỀN BAN HÀNH" in text
    assert "ngày/tháng, từ" in text
    assert "đến ngày ……/……/………" in text
