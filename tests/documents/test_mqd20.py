"""The seizure decision (MQĐ20, Nghị định 118/2021 Phụ lục, Mẫu quyết định
số 20) prints who issues it and when the seizure ends: its authority line
(note (3): title and agency of the person deciding) and item 4, "Thời hạn
tạm giữ: … ngày làm việc, từ … đến ngày …", from the period the officer
recorded at the seizure step (note (9): the decision states it; no period is
assumed), counted in working days as Điều 125 counts it.
"""

from datetime import date, timedelta

import pytest
from pdf_probe import all_text, has_poppler, to_png

from tests.documents.test_form_details import TODAY, d, decided, new_case, step
from tests.services.conftest import (  # noqa: F401 - fixtures
    people,
    ref,
)
from xlvphc.domain.calendar import add_working_days
from xlvphc.domain.deadlines import seizure_end
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
    # Item 4: 7 working days from the seizure day, which is not counted.
    end = add_working_days(TODAY, 7).strftime("%d/%m/%Y")
    assert (
        "4. Thời hạn tạm giữ: 07 ngày làm việc, từ 07 giờ 30 ngày "
        f"{d(0)} đến ngày {end}" in text
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
    end = add_working_days(TODAY - timedelta(days=3), 10).strftime("%d/%m/%Y")
    assert "10 ngày làm việc, từ" in text and f"đến ngày {end}" in text


@pytest.mark.parametrize(
    ("seized_on", "days", "end"),
    [
        # Saturday: Monday 07/12 is the first working day; 7 calendar days
        # would have ended on Saturday 12/12.
        pytest.param(date(2026, 12, 5), 7, date(2026, 12, 15), id="from-saturday"),
        # Tết Dương lịch (Friday 01/01/2027) is not counted.
        pytest.param(date(2026, 12, 24), 7, date(2027, 1, 5), id="over-new-year"),
        pytest.param(date(2026, 12, 5), None, None, id="no-period-no-end"),
    ],
)
def test_the_end_date_counts_working_days(seized_on, days, end):
    assert seizure_end(seized_on, days) == end


def test_a_seizure_without_its_period_is_refused_at_the_field(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer)
    with pytest.raises(ValidationFailed) as refused:
        step(officer, case_id, "seize", description="Xe đạp", on=d(0),
             decider_title="Chủ tịch")
    assert refused.value.errors == {
        "days": "Vui lòng nhập thời hạn tạm giữ (số ngày làm việc) để ghi "
        "vào Quyết định tạm giữ (MQĐ20)."
    }
    with pytest.raises(ValidationFailed) as refused:
        step(officer, case_id, "seize", description="Xe đạp", on=d(0), days="61",
             decider_title="Chủ tịch")
    assert refused.value.errors == {
        "days": "Thời hạn tạm giữ phải từ 1 đến 60 ngày làm việc."
    }


def test_the_blank_form_keeps_the_choice_and_the_dots(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer)
    text = text_of(officer, case_id, "blank", name="mqd20-blank")
    assert "THẨM QUYỀN BAN HÀNH" in text
    assert "ngày/tháng, từ" in text
    assert "đến ngày ……/……/………" in text
    # One date after "từ": the hour's blank carries no date of its own.
    assert "phút, ngày" not in text.split("4. Thời hạn", 1)[1].split("5. Địa", 1)[0]
