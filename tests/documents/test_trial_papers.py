"""Printed papers from a user trial: a coercion decision whose reason named
the whole sum owed above the smaller sum it coerced (MQĐ09), Article 3
without the person's name (MQĐ08-MQĐ10), MBB09 printing one informant of
several, MBB12 with two witnesses "b)", no start hour and no name to hand
the record to, and MQĐ04 with no day for the application it answers."""

import pytest
from test_form_details import d, decided, lead, overdue, step, text_of  # noqa: F401

from tests.services.conftest import people, ref  # noqa: F401 - fixtures
from tests.services.test_late_payment_interest import overdue_case
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure.details import case_details

NAME = "Nguyễn Văn An"  # the violator of tests.services.conftest.case_form


def test_partial_distraint_states_owed_and_coerced_sums(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue_case(officer)  # 2.500.000 đồng, 138.750 đồng interest
    step(lead, case_id, "coerce", code="distraint", on=d(0), amount="1.000.000",
         action_place="Buôn Ea Kar")
    text = text_of(officer, case_id, "MQĐ09")

    assert (
        "số tiền còn phải nộp là 2.638.750 đồng, gồm tiền phạt chưa nộp "
        "2.500.000 đồng và tiền chậm nộp phạt 138.750 đồng tính đến ngày "
        f"{d(0)}"
    ) in text
    assert "Quyết định này cưỡng chế số tiền 1.000.000 đồng trong số tiền đó" in text
    assert "3. Số tiền phạt: 1.000.000 đồng" in text
    assert "số tiền phải thu gồm" not in text
    # Article 3 names the person, as MQĐ07 does.
    assert f"1. Giao cho ông {NAME} bị cưỡng chế thi hành quyết định" in text
    assert f"b) Ông {NAME} có quyền khiếu nại" in text


def test_full_sum_keeps_the_parts_of_what_is_collected(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue_case(officer)
    step(lead, case_id, "coerce", code="distraint", on=d(0), action_place="Buôn")
    text = text_of(officer, case_id, "MQĐ09")
    assert "số tiền phải thu gồm tiền phạt chưa nộp 2.500.000 đồng" in text
    assert "3. Số tiền phạt: 2.638.750 đồng" in text
    assert "Quyết định này cưỡng chế số tiền" not in text


def test_account_and_collection_decisions_name_the_person(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    account = overdue(officer)
    step(lead, account, "coerce", code="account", on=d(0),
         holder="Agribank chi nhánh Ea Kar", account_number="5200205123456")
    assert f"1. Giao cho ông {NAME} bị cưỡng chế" in text_of(officer, account, "MQĐ08")
    held = overdue(officer)
    step(lead, held, "coerce", code="collection", on=d(0),
         holder="Nguyễn Văn Tư", action_place="Thôn 3")
    assert f"1. Giao cho ông {NAME} bị cưỡng chế" in text_of(officer, held, "MQĐ10")


def test_distraint_record_letters_witnesses_names_person(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(lead, case_id, "coerce", code="distraint", on=d(1), action_place="Thôn 3")
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        note="Đã kê biên 01 xe mô tô",
        start_time="08:00",
        end_time="09:45",
        place="Nhà ông Nguyễn Văn An",
        witnesses="Nguyễn Văn Bảy – Trưởng buôn – Buôn Ea Kar\n"
        "H Mai Niê – Hội phụ nữ – Buôn Ea Kar\n"
        "Lý Văn Sáu – Phó Chủ tịch – UBND xã Ea Kar",
    )
    text = text_of(officer, case_id, "MBB12")

    assert f"Hôm nay, hồi 08 giờ 00 phút, ngày {d(0)}, tại Nhà ông" in text
    assert "a) Họ và tên: Nguyễn Văn Bảy" in text
    assert "b) Họ và tên: H Mai Niê" in text
    assert "c) Họ và tên: Lý Văn Sáu Chức vụ: Phó Chủ tịch" in text
    assert text.count("b) Họ và tên") == 1
    assert f"giao cho ông {NAME} là cá nhân có tài sản bị kê biên" in text
    # Without a start hour the day alone; blank, the form's own dots.
    blank = text_of(officer, case_id, "MBB12", "blank")
    assert "Hôm nay, ngày …/…/……, tại" in blank
    assert "c) Họ và tên:" in blank


INFORMANTS = (
    "Trần Văn Sáu – Kế toán – Công ty TNHH Cà phê Ea Kar\n"
    "Lê Thị Hoa – Thủ quỹ – Công ty TNHH Cà phê Ea Kar\n"
    "Phạm Văn Tám – Giám đốc – Quỹ tín dụng Ea Kar"
)


def _informants_text(officer, **extra: str) -> str:
    case_id = overdue(officer)
    step(
        officer,
        case_id,
        "verify_assets",
        on=d(1),
        start_time="08:30",
        place="Trụ sở UBND xã Ea Kar",
        informants=INFORMANTS,
        reason="Quá thời hạn chấp hành nhưng chưa nộp tiền phạt",
        salary_info="Lương tháng 8.500.000 đồng",
        **extra,
    )
    return text_of(officer, case_id, "MBB09")


@pytest.mark.parametrize(
    ("kind", "lines"),
    [
        (
            "",
            [
                "a) Họ và tên: Trần Văn Sáu Nghề nghiệp: Kế toán",
                "b) Họ và tên: Lê Thị Hoa Chức vụ: Thủ quỹ",
                (
                    "c) Họ và tên: Phạm Văn Tám Chức vụ: Giám đốc "
                    "Cơ quan/tổ chức: Quỹ tín dụng Ea Kar"
                ),
            ],
        ),
        (
            "person",
            [
                "a) Họ và tên: Trần Văn Sáu Nghề nghiệp: Kế toán",
                (
                    "b) Họ và tên: Lê Thị Hoa Nghề nghiệp: Thủ quỹ "
                    "Địa chỉ: Công ty TNHH Cà phê Ea Kar"
                ),
                "c) Họ và tên: Phạm Văn Tám Nghề nghiệp: Giám đốc",
            ],
        ),
        (
            "organisation",
            [
                "a) Họ và tên: ……",
                "b) Họ và tên: Trần Văn Sáu Chức vụ: Kế toán",
                "c) Họ và tên: Lê Thị Hoa Chức vụ: Thủ quỹ",
                "d) Họ và tên: Phạm Văn Tám Chức vụ: Giám đốc",
            ],
        ),
    ],
)
def test_every_informant_prints_on_mbb09(people, kind, lines):  # noqa: F811
    text = _informants_text(people["canbo.a"], informant_kind=kind)
    for line in lines:
        assert line in text
    # Each once, in order, and no second "b)".
    positions = [text.index(line) for line in lines]
    assert positions == sorted(positions)
    assert text.count("b) Họ và tên") == 1


def test_blank_mbb09_keeps_only_the_forms_two_lines(people):  # noqa: F811
    officer = people["canbo.a"]
    text = text_of(officer, overdue(officer), "MBB09", "blank")
    assert "a) Họ và tên:" in text and "b) Họ và tên:" in text
    assert "c) Họ và tên" not in text


def _exempt(officer, case_id: int, **extra: str) -> None:
    step(officer, case_id, "reduce", code="exempt_all", on=d(3),
         certifier="UBND xã Ea Kar", **extra)


def test_exemption_prints_the_application_day(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = decided(officer, 5)
    _exempt(officer, case_id, application_on=d(4))
    text = text_of(officer, case_id, "MQĐ04")
    assert f"tiền phạt vi phạm hành chính ngày {d(4)} của ông {NAME}" in text
    shown = {r["label"]: r["value"] for r in case_details(officer, case_id)[0]["rows"]}
    assert shown["Ngày đơn đề nghị"] == d(4)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (d(6), f"không thể trước ngày ra quyết định xử phạt ({d(5)})"),
        (d(1), "không thể sau ngày ra quyết định."),
        (d(-1), "không được sau ngày hôm nay"),
        ("31/02/2026", "không phải ngày hợp lệ"),
    ],
)
def test_exemption_application_day_refused(people, day, message):  # noqa: F811
    officer = people["canbo.a"]
    case_id = decided(officer, 5)
    with pytest.raises(ValidationFailed) as refused:
        _exempt(officer, case_id, application_on=day)
    assert message in refused.value.errors["application_on"]


def test_exemption_without_application_day_leaves_it_blank(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = decided(officer, 5)
    _exempt(officer, case_id)
    text = text_of(officer, case_id, "MQĐ04")
    assert "tiền phạt vi phạm hành chính ngày ……/……/……… của ông" in text
