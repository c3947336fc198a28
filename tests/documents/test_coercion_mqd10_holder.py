"""MQĐ10 prints who holds the money or assets, as MQĐ12c does (user trial:
its item 4 «Cá nhân/Tổ chức đang giữ tiền, tài sản» and «Địa chỉ liên hệ»
stayed dotted though the coercion step recorded them): item 4, the address
under it, the assets of item 3 and the addressee of Article 3 k2 who pays
the money in. What the step left empty still prints dotted.

Steps are taken through the services, the forms printed through the
printing service and read back with pypdf; the pages are kept as PNGs in
test-artifacts/ for a human look."""

from form_samples import AGENCY
from pdf_probe import all_text
from test_coercion_periods import lead, overdue  # noqa: F401 - fixture
from test_form_details import d, step, text_of

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    make_user,
    people,
    ref,
)
from xlvphc.documents.data import FormData
from xlvphc.documents.layout import DOTS
from xlvphc.documents.registry import render

HOLDER = "Bà Lê Thị Hoa"
ADDRESS = "Thôn 2, xã Ea Kao, tỉnh Đắk Lắk"
ASSETS = "01 xe mô tô Honda Wave biển số 47B1-123.45"


def _item_4(text: str) -> str:
    """MQĐ10's item 4 and its address, as printed."""
    return text.split("4. Cá nhân/Tổ chức đang giữ tiền, tài sản:")[1].split(
        "5. Địa điểm"
    )[0]


def test_mqd10_prints_the_holder_recorded_by_the_step(people, lead):  # noqa: F811
    case_id = overdue(people["canbo.a"])
    step(lead, case_id, "coerce", code="collection", on=d(0), holder=HOLDER,
         holder_address=ADDRESS, assets=ASSETS)
    text = text_of(lead, case_id, "MQĐ10")

    item = _item_4(text)
    assert item.strip().startswith(HOLDER)
    assert f"Địa chỉ liên hệ: {ADDRESS}" in item
    assert DOTS not in item
    assert f"3. Tài sản phải thu: {ASSETS}" in text
    assert f"2. Gửi cho {HOLDER} để nộp tiền vào ngân sách nhà nước" in text


def test_mqd10_without_a_holder_leaves_it_to_the_pen(people, lead):  # noqa: F811
    case_id = overdue(people["canbo.a"])
    step(lead, case_id, "coerce", code="collection", on=d(0))
    item = _item_4(text_of(lead, case_id, "MQĐ10"))

    assert HOLDER not in item
    assert item.count(DOTS[:3]) >= 2


def test_the_blank_mqd10_keeps_its_dotted_lines():
    text = all_text(render("MQĐ10", FormData(agency=AGENCY, blank=True)))
    item = _item_4(text)

    assert "Địa chỉ liên hệ:" in item
    assert item.count(DOTS[:3]) >= 2
