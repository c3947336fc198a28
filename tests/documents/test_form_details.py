"""What the officer records at a step prints on its forms (issue 4): hearing
minutes (MBB03), verification records (MBB05, MBB09), who pays out a
coerced sum (MQĐ07, MQĐ08, MQĐ12a-c) and who witnessed a coercion
(MBB10-MBB12), the seizure papers with their own numbers (MBB15, MQĐ20,
MBB17, MQĐ24, MBB20, MQĐ14). Steps are taken through the services, forms
printed through the printing service and read back with pypdf."""

from datetime import timedelta

import pytest
from pdf_probe import all_text, has_poppler, to_png

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    case_form,
    catalogue_id,
    decision_form,
    make_user,
    people,
    ref,
)
from xlvphc.models import Case
from xlvphc.models.base import local_now
from xlvphc.services import cases, printing
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, PermissionDenied, ValidationFailed
from xlvphc.services.procedure import perform
from xlvphc.services.procedure.details import case_details

TODAY = local_now().date()
TRAFFIC = (7, 2, "h", "168/2024/NĐ-CP")  # 400.000–600.000: no explanation
FAMILY_HUGE = (41, 2, "b", "282/2025/NĐ-CP")  # 20.000.000–30.000.000


def d(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).strftime("%d/%m/%Y")


def version(case_id: int) -> int:
    with session_scope() as session:
        return session.get(Case, case_id).version


def step(actor, case_id: int, code: str, /, **data) -> str:
    if code == "coerce":
        # The cases here skip the asset verification (MBB09): as if made on
        # paper (procedure/coercion_verified.py has its own tests).
        data = {"verified_outside": "1", **data}
    return perform(actor, case_id, code, {"version": version(case_id), **data})


def new_case(actor, act=TRAFFIC, days_ago: int = 0) -> int:
    return cases.create_case(
        actor,
        case_form(
            violation_date=d(days_ago),
            violation_time="07:00",
            record_date=d(days_ago),
            record_time="08:00",
            act_ids=str(catalogue_id(*act)),
        ),
    )


def decided(actor, days_ago: int = 0) -> int:
    case_id = new_case(actor, days_ago=days_ago)
    cases.issue_decision(
        actor, case_id, decision_form(decided_on=d(days_ago), version=version(case_id))
    )
    return case_id


def overdue(actor) -> int:
    """Decided and received 20 days ago: coercion may be decided."""
    case_id = decided(actor, 20)
    step(actor, case_id, "receipt", on=d(20))
    return case_id


def text_of(actor, case_id: int, code: str, mode: str = "final") -> str:
    pdf = printing.print_form(actor, case_id, code, mode)[1]
    if mode == "final" and has_poppler():
        # Pages kept in test-artifacts/ for a human look.
        to_png(pdf, "detail-" + code.replace("Đ", "D").lower())
    return all_text(pdf)


@pytest.fixture
def lead(people):  # noqa: F811 - fixture from the services conftest
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


def test_hearing_minutes_print_on_mbb03(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_HUGE, days_ago=1)
    step(officer, case_id, "request_explanation", on=d(0), code="oral")
    offered = {
        f["name"]
        for s in printing_steps_of(officer, case_id)
        if s["code"] == "explanation_done"
        for f in s["fields"]
    }
    assert {"start_time", "place", "participants", "violator_opinion"} <= offered

    step(
        officer,
        case_id,
        "explanation_done",
        on=d(0),
        note="Giữ nguyên mức phạt dự kiến",
        start_time="09:00",
        end_time="10:15",
        place="Phòng họp UBND phường Tuy Hòa",
        participants="Lê Thị Hoa – Công chức Tư pháp – UBND phường Tuy Hòa\n"
        "Y Bhiăo Niê; luật sư; Đoàn Luật sư tỉnh Đắk Lắk",
        opinion_law="Điểm b khoản 2 Điều 41 Nghị định 282/2025/NĐ-CP",
        violator_opinion="Tôi đề nghị được giảm mức phạt vì hoàn cảnh khó khăn.",
    )
    text = text_of(officer, case_id, "MBB03")

    assert "Số: 01/BB-GTTT" in text
    assert "vào hồi 09 giờ 00 phút, ngày " + d(0) in text
    assert "tại Phòng họp UBND phường Tuy Hòa" in text
    assert "ông (bà) Y Bhiăo Niê – luật sư, Đoàn Luật sư tỉnh Đắk Lắk" in text
    assert "Điểm b khoản 2 Điều 41 Nghị định 282/2025/NĐ-CP" in text
    assert "Tôi đề nghị được giảm mức phạt vì hoàn cảnh khó khăn." in text
    assert "kết thúc vào hồi 10 giờ 15 phút, ngày " + d(0) in text
    assert f"giải trình trực tiếp ngày {d(0)} của ông Nguyễn Văn An" in text
    details = case_details(officer, case_id)
    assert details[0]["title"] == "Kết thúc giải trình"
    shown = {r["label"]: r["value"] for r in details[0]["rows"]}
    assert shown["Số biên bản"] == "01/BB-GTTT"
    assert "Lê Thị Hoa (Công chức Tư pháp, UBND phường Tuy Hòa)" in (
        shown["Người tham dự phiên giải trình"]
    )

    # The blank form still prints for the pen, without this case's data.
    blank = text_of(officer, case_id, "MBB03", "blank")
    assert "Y Bhiăo Niê" not in blank and "a) Về căn cứ pháp lý:" in blank


def printing_steps_of(actor, case_id):
    from xlvphc.services.procedure import allowed_steps

    return allowed_steps(actor, case_id)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("start_time", "25:10", "không phải giờ hợp lệ"),
        ("end_time", "08:00", "Giờ kết thúc phải sau giờ bắt đầu."),
        ("participants", "12/3/2026 – họp", "Dòng 1: ghi họ và tên trước"),
        ("participants", "\n".join(f"Người {c}" for c in "ABCDEFG"), "Tối đa 6"),
        ("place", "x" * 301, "tối đa 300 ký tự"),
    ],
)
def test_hearing_details_are_refused_at_their_field(people, field, value, message):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_HUGE, days_ago=1)
    step(officer, case_id, "request_explanation", on=d(0), code="oral")
    data = {"on": d(0), "note": "Đã nghe", "start_time": "09:00", field: value}
    with pytest.raises(ValidationFailed) as refused:
        step(officer, case_id, "explanation_done", **data)
    assert message in refused.value.errors[field]


def test_verification_record_mbb05(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer)
    with pytest.raises(ValidationFailed) as refused:
        step(officer, case_id, "verify", on=d(0), start_time="14:00", place="Tổ 5")
    assert refused.value.errors["findings"] == (
        "Vui lòng nhập những tình tiết đã xác minh."
    )
    step(
        officer,
        case_id,
        "verify",
        on=d(0),
        start_time="14:00",
        end_time="15:30",
        place="Nhà văn hóa tổ dân phố 5",
        informants="Phan Văn Tư – Tổ trưởng tổ dân phố – Tổ 5, phường Tuy Hòa",
        findings="Xe mô tô thuộc sở hữu của người vi phạm, đã đăng ký năm 2021.",
        mitigating="Người vi phạm đã thành khẩn khai báo",
    )
    text = text_of(officer, case_id, "MBB05")

    assert "Số: 01/BB-XM" in text
    assert "Hôm nay, hồi 14 giờ 00 phút, ngày " + d(0) in text
    assert "Họ và tên: Phan Văn Tư" in text and "Tổ trưởng tổ dân phố" in text
    assert "Xe mô tô thuộc sở hữu của người vi phạm, đã đăng ký năm 2021." in text
    assert "Người vi phạm đã thành khẩn khai báo" in text
    assert "Biên bản lập xong hồi 15 giờ 30 phút" in text


def test_account_coercion_prints_bank_on_its_own_form(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(
        officer,
        case_id,
        "verify_assets",
        on=d(1),
        start_time="08:30",
        place="Ngân hàng TMCP Công thương, chi nhánh Đắk Lắk",
        informants="Trần Văn Nam – Giám đốc – Ngân hàng TMCP Công thương",
        reason="Người vi phạm không tự nguyện nộp tiền phạt",
        account_info="Tài khoản 0101234567 còn 12.000.000 đồng",
    )
    with pytest.raises(ValidationFailed) as refused:
        step(lead, case_id, "coerce", code="account", on=d(0), document="2/QĐ-CCXP",
             account_number="12ab!!")
    assert "Số tài khoản chỉ gồm chữ số" in refused.value.errors["account_number"]
    step(
        lead,
        case_id,
        "coerce",
        code="account",
        on=d(0),
        document="2/QĐ-CCXP",
        holder="Ngân hàng TMCP Công thương Việt Nam – Chi nhánh Đắk Lắk",
        holder_address="Số 35 Phan Bội Châu, phường Buôn Ma Thuột",
        account_number="0101234567",
        treasury_account="7111.0.1053879",
        transfer_days="5",
    )

    mbb09 = text_of(officer, case_id, "MBB09")
    assert "Số: 01/BB-XMCC" in mbb09
    assert "Tài khoản 0101234567 còn 12.000.000 đồng" in mbb09
    assert "Người vi phạm không tự nguyện nộp tiền phạt" in mbb09

    mqd08 = text_of(lead, case_id, "MQĐ08")
    assert "Số: 2/QĐ-CCXP" in mqd08
    assert f"Căn cứ Biên bản số: 01/BB-XMCC lập ngày {d(1)}" in mqd08
    assert "Tài khoản số: 0101234567 tại: Ngân hàng TMCP Công thương" in mqd08
    assert "Địa chỉ trụ sở chính: Số 35 Phan Bội Châu" in mqd08
    assert "tài khoản số: 7111.0.1053879 của Kho bạc Nhà nước khu vực XIII" in mqd08
    assert "trong thời hạn 05 ngày" in mqd08

    # MQĐ12a (a deduction with a remedial measure) is not this decision's
    # form, and the case has no remedial measure: not even a draft (one with
    # a remedial measure carries nothing of this decision,
    # test_print_official_copies). The blank prints both alternatives.
    with pytest.raises(Conflict):
        text_of(lead, case_id, "MQĐ12a", "draft")
    blank = text_of(lead, case_id, "MQĐ12a", "blank")
    assert "2. Tổ chức tín dụng:" in blank
    assert "2. Cơ quan/tổ chức/người sử dụng lao động:" in blank

    shown = case_details(officer, case_id)
    assert [s["title"] for s in shown][:2] == [
        "Quyết định cưỡng chế",
        "Xác minh thông tin về tiền, tài sản để cưỡng chế",
    ]
    verified = {r["label"]: r["value"] for r in shown[1]["rows"]}
    assert verified["Lý do xác minh"] == "Người vi phạm không tự nguyện nộp tiền phạt"


def test_salary_coercion_selects_the_salary_lines(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    with pytest.raises(ValidationFailed) as refused:
        step(lead, case_id, "coerce", code="salary", on=d(0), document="3/QĐ-CCXP",
             account_number="0101234567")
    assert refused.value.errors["account_number"].startswith("Chỉ ghi số tài khoản")
    step(
        lead,
        case_id,
        "coerce",
        code="salary",
        on=d(0),
        document="3/QĐ-CCXP",
        holder="Công ty TNHH Cà phê Buôn Ma Thuột",
        holder_address="Km 7, quốc lộ 14, xã Hòa Phú",
        deduct_from="salary",
        period="3",
    )
    single = text_of(lead, case_id, "MQĐ07")
    assert "Cưỡng chế khấu trừ một phần lương" in single
    assert "Cơ quan/tổ chức/người sử dụng lao động: Công ty TNHH Cà phê" in single
    assert "Thời gian thực hiện: 03 ngày" in single
    with pytest.raises(Conflict):  # no remedial measure: no MQĐ12a
        text_of(lead, case_id, "MQĐ12a", "draft")


def test_distraint_record_prints_witnesses_and_assets(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(lead, case_id, "coerce", code="distraint", on=d(1), document="4/QĐ-CCXP",
         action_place="Thôn 3, xã Ea Kao")
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        note="Đã kê biên 01 xe mô tô",
        start_time="08:00",
        end_time="09:45",
        place="Thôn 3, xã Ea Kao",
        cooperators="Đỗ Văn Hùng – Phó Trưởng Công an – Công an xã Ea Kao",
        witnesses="H'Hen Niê – Nông dân – Thôn 3, xã Ea Kao\n"
        "Nguyễn Thị Lan – Nông dân – Thôn 4, xã Ea Kao\n"
        "Lý Văn Sáu – Phó Chủ tịch – UBND xã Ea Kao",
        assets="Xe mô tô Honda Wave 47B1-123.45 – chiếc – 01 – đã qua sử dụng",
    )
    text = text_of(officer, case_id, "MBB12")

    assert "Số: 01/BB-CCXP" in text
    assert f"Thi hành Quyết định số: 4/QĐ-CCXP ngày {d(1)}" in text
    assert "Họ và tên: Đỗ Văn Hùng" in text and "Công an xã Ea Kao" in text
    assert "Họ và tên: H'Hen Niê" in text
    assert "Họ và tên: Lý Văn Sáu" in text and "UBND xã Ea Kao" in text
    assert "Xe mô tô Honda Wave 47B1-123.45" in text and "đã qua sử dụng" in text
    assert "Việc cưỡng chế kết thúc hồi 09 giờ 45 phút" in text
    # The other coercion records are not this measure's: they stay blank,
    # and, never made, print only as drafts (services/printing_modes.py).
    assert "H'Hen Niê" not in text_of(officer, case_id, "MBB10", "draft")


def test_seizure_forms_get_their_own_numbers_and_items(people):  # noqa: F811
    officer, other = people["canbo.a"], people["canbo.b"]
    case_id = new_case(officer)
    step(officer, case_id, "seize", days="7", description="Xe mô tô 47B1-123.45",
         quantity="01 chiếc", on=d(0), start_time="07:30",
         place="Đường Lê Duẩn", reason="Để bảo đảm thi hành quyết định xử phạt",
         witnesses="Lê Văn Cường – tổ trưởng tổ dân phố – Tổ 5",
         decider_title="Chủ tịch")
    step(officer, case_id, "seize", days="7", description="Giấy phép lái xe hạng A1",
         on=d(0), reason="Để xác minh", decider_title="Chủ tịch")
    other_case = new_case(other)
    step(other, other_case, "seize", days="7", description="Điện thoại", on=d(0),
         decider_title="Chủ tịch")

    record = text_of(officer, case_id, "MBB15")
    assert "Số: 02/BB-TG" in record
    assert "Giấy phép lái xe hạng A1" in record and "47B1-123.45" not in record
    decision = text_of(officer, case_id, "MQĐ20")
    assert "Số: 02/QĐ-TG" in decision
    assert f"Căn cứ Biên bản số: 02/BB-TG lập ngày {d(0)}" in decision
    # Another unit numbers its own series from 1.
    assert "Số: 01/BB-TG" in text_of(other, other_case, "MBB15")

    with session_scope() as session:
        from sqlmodel import select

        from xlvphc.models import SeizedItem

        first = session.exec(
            select(SeizedItem.id).where(SeizedItem.case_id == case_id)
        ).first()
    step(officer, case_id, "return_item", item=str(first), on=d(0),
         start_time="16:00", place="Trụ sở Công an phường",
         reason="Người vi phạm đã nộp tiền phạt")
    returned = text_of(officer, case_id, "MBB17")
    assert "Số: 01/BB-TL" in returned
    assert f"Thi hành Quyết định số: 01/QĐ-TL ngày {d(0)}" in returned
    assert "Xe mô tô 47B1-123.45" in returned and "Giấy phép lái xe" not in returned
    order = text_of(officer, case_id, "MQĐ24")
    assert "Số: 01/QĐ-TL" in order
    assert f"Căn cứ Quyết định số: 01/QĐ-TG ngày {d(0)}" in order
    assert "Người vi phạm đã nộp tiền phạt" in order

    shown = {r["label"]: r["value"] for r in case_details(officer, case_id)[0]["rows"]}
    assert shown["Số quyết định"] == "01/QĐ-TL" and shown["Số biên bản"] == "01/BB-TL"
    # Each step's reason under its own form's label, not the last one defined.
    assert shown["Lý do trả lại"] == "Người vi phạm đã nộp tiền phạt"
    seized = {r["label"]: r["value"]
              for r in case_details(officer, case_id)[-1]["rows"]}
    assert seized["Lý do tạm giữ"] == "Để bảo đảm thi hành quyết định xử phạt"
    assert "Lý do tịch thu" not in seized


def test_unclaimed_confiscation_prints_mqd14_with_its_alternative(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = decided(officer)
    step(officer, case_id, "seize", days="7", description="Máy cưa xích", on=d(0))
    with session_scope() as session:
        from sqlmodel import select

        from xlvphc.models import SeizedItem

        item = session.exec(
            select(SeizedItem.id).where(SeizedItem.case_id == case_id)
        ).one()
    with pytest.raises(ValidationFailed) as refused:
        step(officer, case_id, "confiscate_item", item=str(item), on=d(0),
             basis="other")
    assert refused.value.errors["basis"] == "Vui lòng chọn căn cứ tịch thu."
    step(officer, case_id, "confiscate_item", item=str(item), on=d(0),
         basis="unclaimed", reason="Hết thời hạn thông báo lần thứ hai")

    decision = text_of(officer, case_id, "MQĐ14")
    assert "Số: 01/QĐ-TT" in decision
    assert "Căn cứ Điều 26, khoản 4 Điều 126" in decision
    assert "khoản 2 Điều 65" not in decision
    assert "Lý do tịch thu: Hết thời hạn thông báo lần thứ hai" in decision
    record = text_of(officer, case_id, "MBB20")
    assert "Số: 01/BB-TT" in record
    assert f"Thi hành Quyết định số: 01/QĐ-TT ngày {d(0)}" in record
    assert "Máy cưa xích" in record
    blank = text_of(officer, case_id, "MQĐ14", "blank")
    assert "khoản 2 Điều 65" in blank and "khoản 4 Điều 126" in blank


def test_case_details_are_scoped_to_the_unit(people):  # noqa: F811
    officer, other = people["canbo.a"], people["canbo.b"]
    case_id = new_case(officer)
    step(officer, case_id, "seize", days="7", description="Xe đạp điện", on=d(0),
         decider_title="Chủ tịch")
    assert case_details(officer, case_id)[0]["title"].startswith("Ghi nhận tang vật")
    with pytest.raises(PermissionDenied):
        case_details(other, case_id)


@pytest.mark.skipif(not has_poppler(), reason="poppler-utils missing")
def test_filled_detail_forms_rendered_for_review(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(lead, case_id, "coerce", code="account", on=d(0), document="5/QĐ-CCXP",
         holder="Ngân hàng Nông nghiệp và Phát triển Nông thôn – Chi nhánh Đắk Lắk",
         account_number="5200205123456", transfer_days="10")
    pdf = printing.print_form(lead, case_id, "MQĐ08")[1]
    assert to_png(pdf, "detail-mqd08-account")
