"""The paper of a combined coercion decision (MQĐ12a, 12b, 12c): Article 1
prints the money measure the signer chose, with its own lines of the form
only (12a: the salary "(**)" or the account "(***)" lines; 12c: the money,
and the assets when some are named), and Article 2 the remedial measure of
the sanction decision with its own period and place (notes (23), (24),
(26) of 12a). One number of the QĐ-CCXP series heads it.

Steps are taken through the services, the forms printed through the
printing service and read back with pypdf; the pages are kept as PNGs in
test-artifacts/ for a human look."""

import pytest
from test_coercion_periods import FROM_RECEIPT, MEASURE, overdue
from test_form_details import d, step, text_of

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    make_user,
    people,
    ref,
)
from xlvphc.services import printing
from xlvphc.services.access import Role

PLACE = "Thửa đất số 12, tờ bản đồ số 5, thôn 3, xã Ea Kao"
REMEDY = {"remedial_period": "30", "remedial_place": PLACE}
ARTICLE_2 = "Điều 2. 1. Cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả đối với"


@pytest.fixture
def lead(people):  # noqa: F811 - fixture from the services conftest
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


def combined(officer, lead, code: str, **data) -> tuple[int, str]:
    """A case owing both, its combined decision, and the form's text."""
    case_id = overdue(officer, remedial_measures=MEASURE)
    step(lead, case_id, "coerce", code=code, on=d(0), **REMEDY, **data)
    form = {"salary": "MQĐ12a", "account": "MQĐ12a", "distraint": "MQĐ12b",
            "collection": "MQĐ12c"}[code.removesuffix("_remedial")]
    return case_id, text_of(lead, case_id, form)


def article_2(text: str) -> str:
    """Article 2 as printed, up to Article 3."""
    return text.split(ARTICLE_2, 1)[1].split("Điều 3.")[0]


def assert_remedial_part(text: str) -> None:
    assert "Căn cứ Điều 28, Điều 70, Điều 86, Điều 87" in text
    part = article_2(text)
    assert f"a) Biện pháp: {MEASURE} Thời gian thực hiện: 30 ngày, {FROM_RECEIPT}" in (
        part
    )
    assert f"4. Địa điểm thực hiện: {PLACE}" in part
    # Item b), left to the pen, has no period of item a).
    second = part.split("b) Biện pháp:", 1)[1].split("3. ")[0]
    assert "30" not in second and "ngày/tháng" in second


def test_mqd12a_salary_prints_the_deduction_and_the_remedy(
    people, lead  # noqa: F811
):
    case_id, text = combined(
        people["canbo.a"], lead, "salary_remedial",
        holder="Công ty TNHH Cà phê Buôn Ma Thuột",
        holder_address="Km 7, quốc lộ 14, xã Hòa Phú",
        deduct_from="salary", treasury_account="7111.0.1053879",
        transfer_days="5", period="3",
    )
    assert "Số: 01/QĐ-CCXP" in text
    assert "1. Cưỡng chế khấu trừ một phần lương để bảo đảm thi hành" in text
    assert (
        "2. Cơ quan/tổ chức/người sử dụng lao động: Công ty TNHH Cà phê Buôn Ma "
        "Thuột Địa chỉ: Km 7, quốc lộ 14, xã Hòa Phú"
    ) in text
    assert "6. Thời gian thực hiện: 03 ngày kể từ ngày nhận được Quyết định" in text
    assert "trong thời hạn 05 ngày" in text
    # The account's "(***)" lines are not this decision's.
    assert "Tổ chức tín dụng" not in text and "trích chuyển" not in text
    assert_remedial_part(text)
    # Its single-measure forms are not this decision.
    assert printing.form_data(lead, case_id, "MQĐ07", "draft")[0].number == ""


def test_mqd12a_account_takes_the_account_lines(people, lead):  # noqa: F811
    _, text = combined(
        people["canbo.a"], lead, "account_remedial",
        holder="Ngân hàng TMCP Công thương Việt Nam – Chi nhánh Đắk Lắk",
        account_number="0101234567", treasury_account="7111.0.1053879",
    )
    assert "1. Cưỡng chế khấu trừ tiền từ tài khoản để bảo đảm thi hành" in text
    assert "Tài khoản số: 0101234567 tại: Ngân hàng TMCP Công thương" in text
    assert "2. Tổ chức tín dụng: Ngân hàng TMCP Công thương" in text
    assert "người sử dụng lao động" not in text
    assert "lần thứ nhất" not in text  # the salary's instalments
    assert_remedial_part(text)


def test_mqd12b_prints_distraint_then_the_remedy(people, lead):  # noqa: F811
    _, text = combined(
        people["canbo.a"], lead, "distraint_remedial",
        action_place="Số 5 Lê Duẩn, xã Ea Kao", period="10",
        cooperators="Ủy ban nhân dân xã Ea Kao",
    )
    assert "Số: 01/QĐ-CCXP" in text
    assert "1. Cưỡng chế kê biên tài sản có giá trị tương ứng với số tiền" in text
    assert "4. Địa điểm kê biên: Số 5 Lê Duẩn, xã Ea Kao" in text
    assert f"5. Thời gian thực hiện: 10 ngày, {FROM_RECEIPT}" in text
    assert "6. Cơ quan, tổ chức phối hợp: Ủy ban nhân dân xã Ea Kao" in text
    # Article 1's period and place are not the remedial measure's.
    assert "10 ngày" not in article_2(text)
    assert "Lê Duẩn" not in article_2(text)
    assert_remedial_part(text)


def test_mqd12c_prints_collection_with_its_assets(people, lead):  # noqa: F811
    _, text = combined(
        people["canbo.a"], lead, "collection_remedial",
        holder="Bà Lê Thị Hoa", holder_address="Thôn 2, xã Ea Kao",
        assets="01 xe mô tô Honda Wave biển số 47B1-123.45", period="7",
    )
    assert "1. Cưỡng chế thu tiền, tài sản để" in text
    assert "3. Số tiền phải thu:" in text
    assert "3. Tài sản phải thu: 01 xe mô tô Honda Wave" in text
    assert "đang giữ tiền, tài sản: Bà Lê Thị Hoa" in text
    assert f"6. Thời gian thực hiện: 07 ngày, {FROM_RECEIPT}" in text
    assert_remedial_part(text)
