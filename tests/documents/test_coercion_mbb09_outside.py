"""The verification record (MBB09) a coercion decision cites, on paper.

A decision that collects money (MQĐ07-MQĐ10, MQĐ12a-c) opens with "Căn cứ
Biên bản số …/BB-XMCC lập ngày … xác minh thông tin về tiền, tài sản". When
that record was made outside the system the signer ticks so at the step and
may give its number and date: the paper prints them instead of the dots
left for the pen (services/procedure/coercion_verified.py).

The same papers end their sentences as the appendix does: the reason item
and, in MQĐ08, the last item of Article 1 and the transfer of Article 3
close with a full stop, and the grounds close with ";" before the purpose
("Để bảo đảm thi hành …"), which ends the preamble.

Steps are taken through the services, the forms printed through the
printing service and read back with pypdf; the pages are kept as PNGs in
test-artifacts/ (test_form_details.text_of) for a human look.
"""

import re

import pytest
from test_coercion_periods import MEASURE
from test_coercion_periods import overdue as overdue_with
from test_form_details import d, overdue, step, text_of

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    make_user,
    people,
    ref,
)
from xlvphc.services.access import Role

SALARY = {"holder": "Công ty TNHH Cà phê Buôn Ma Thuột", "deduct_from": "salary"}
MEASURES = {
    "MQĐ07": {"code": "salary", **SALARY},
    "MQĐ08": {"code": "account", "account_number": "0123456789"},
    "MQĐ09": {"code": "distraint"},
    "MQĐ10": {"code": "collection"},
}
REASON_ITEM = {
    "MQĐ07": "3. Lý do khấu trừ:",
    "MQĐ08": "3. Lý do khấu trừ:",
    "MQĐ09": "2. Lý do kê biên tài sản:",
    "MQĐ10": "2. Lý do cưỡng chế thu tiền, tài sản:",
}
TREASURY = "Kho bạc Nhà nước khu vực XIII"
CITED = "xác minh thông tin về tiền, tài sản của cá nhân bị cưỡng chế; Để bảo đảm"
DOTTED = "Căn cứ Biên bản số: ……/BB-XMCC lập ngày ……/……/……… xác minh"


@pytest.fixture
def lead(people):  # noqa: F811 - fixture from the services conftest
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


def _followed(text: str, before: str, after: str) -> bool:
    """`after` comes right after `before`, but for a page number the page
    break may have put between them."""
    return bool(re.search(re.escape(before) + r" (?:\d+ )?" + re.escape(after), text))


@pytest.mark.parametrize("form", list(MEASURES))
def test_the_outside_record_prints_its_number_and_date(
    people, lead, form  # noqa: F811
):
    case_id = overdue(people["canbo.a"])
    step(lead, case_id, "coerce", on=d(0), verified_no="05/BB-XMCC",
         verified_on=d(2), **MEASURES[form])
    text = text_of(lead, case_id, form)
    assert f"Căn cứ Biên bản số: 05/BB-XMCC lập ngày {d(2)} {CITED}" in text
    assert "……/BB-XMCC" not in text


def test_the_combined_decision_prints_them_too(people, lead):  # noqa: F811
    case_id = overdue_with(people["canbo.a"], remedial_measures=MEASURE)
    step(lead, case_id, "coerce", code="distraint_remedial", on=d(0),
         remedial_period="30", verified_no="7", verified_on=d(20))
    text = text_of(lead, case_id, "MQĐ12b")
    assert f"Căn cứ Biên bản số: 7/BB-XMCC lập ngày {d(20)} {CITED}" in text
    assert "2. Lý do kê biên tài sản: Không tự nguyện chấp hành" in text


def test_what_is_not_given_stays_dotted(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    nothing = overdue(officer)
    step(lead, nothing, "coerce", on=d(0), **MEASURES["MQĐ08"])
    text = text_of(lead, nothing, "MQĐ08")
    assert f"{DOTTED} thông tin về tiền, tài sản của cá nhân bị cưỡng chế; Để" in text
    number_only = overdue(officer)
    step(lead, number_only, "coerce", on=d(0), verified_no="12/BB-XMCC",
         **MEASURES["MQĐ09"])
    text = text_of(lead, number_only, "MQĐ09")
    assert "Căn cứ Biên bản số: 12/BB-XMCC lập ngày ……/……/……… xác minh" in text


def test_mqd08_without_an_mbb09_ends_items_3_and_6_with_a_full_stop(
    people, lead  # noqa: F811
):
    case_id = overdue(people["canbo.a"])
    step(lead, case_id, "coerce", on=d(0), **MEASURES["MQĐ08"])
    text = text_of(lead, case_id, "MQĐ08")
    assert DOTTED in text
    # Item 3, the reason, before item 4.
    assert _followed(
        text, "Luật Xử lý vi phạm hành chính).", "4. Số tiền bị khấu trừ:"
    )
    # Item 6, the transfer should the person not ask for it, before Article 2.
    item_6 = text.split("6. Trường hợp", 1)[1].split("Điều 2.")[0].strip()
    assert re.search(re.escape(f"của {TREASURY}.") + r"(?: \d+)?$", item_6), item_6
    # Article 3 item 2, the bank sending the sum on, before item 3.
    assert _followed(text, f"của {TREASURY}.", "3. Gửi cho")
    assert ". ." not in text and ".." not in text.replace("…", "")


def test_mqd08_with_an_mbb09_in_the_system_ends_them_alike(
    people, lead  # noqa: F811
):
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
        account_info="Tài khoản 0123456789 còn 12.000.000 đồng",
    )
    step(lead, case_id, "coerce", on=d(0), **MEASURES["MQĐ08"])
    text = text_of(lead, case_id, "MQĐ08")
    assert re.search(r"Căn cứ Biên bản số: \d+/BB-XMCC lập ngày " + d(1), text)
    assert _followed(
        text, "Luật Xử lý vi phạm hành chính).", "4. Số tiền bị khấu trừ:"
    )
    assert _followed(text, f"của {TREASURY}.", "Điều 2.")


@pytest.mark.parametrize("form", ["MQĐ07", "MQĐ09", "MQĐ10"])
def test_the_other_decisions_end_their_reason_with_a_full_stop(
    people, lead, form  # noqa: F811
):
    case_id = overdue(people["canbo.a"])
    step(lead, case_id, "coerce", on=d(0), **MEASURES[form])
    text = text_of(lead, case_id, form)
    reason = text.split(REASON_ITEM[form], 1)[1]
    assert reason.split(" 4. " if form in ("MQĐ07",) else " Ông ", 1)[0].endswith(
        "Luật Xử lý vi phạm hành chính)."
    ), reason[:300]
    assert f"{DOTTED}" in text and "bị cưỡng chế; Để bảo đảm" in text
    if form == "MQĐ07":
        assert _followed(text, f"của {TREASURY}.", "3. Gửi cho")
