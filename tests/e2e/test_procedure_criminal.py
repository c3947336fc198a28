"""The sanction procedure in the browser (issue 3), continued: a case sent for
criminal prosecution, received back and carried to closing; a continuing
violation entered on the new-case form. Unit UBND-22081 (Xã Đồng Xuân) is
used by no other browser test."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.e2e.test_journey import _first_login
from tests.e2e.test_procedure_browser import _actor, _open_case, _take
from tests.services.conftest import case_form, catalogue_id
from xlvphc.models.base import local_now

UNIT = "UBND-22081"
ARTIFACTS_PREFIX = "test-artifacts/procedure-criminal"
TRAFFIC = (7, 2, "h", "168/2024/NĐ-CP")  # 400.000–600.000 đồng


def _day(days_ago: int) -> str:
    return (local_now() - timedelta(days=days_ago)).strftime("%d/%m/%Y")


def test_criminal_transfer_received_back_then_decided_and_closed(
    page, wait_hydrated, seed_user, app_server
):
    """Law Art. 62 (transfer, MQĐ33), Art. 63 (received back), Art. 6 k1
    point c (one more year of limitation), then the usual way to closing."""
    from xlvphc.services import cases

    issued = seed_user("canbo.dongxuan", "officer", UNIT, "Đinh Văn Lực")
    with app_server.database():
        case_id = cases.create_case(
            _actor("canbo.dongxuan"),
            case_form(
                name="Ksor Y Thuân",
                violation_date=_day(400),
                violation_time="07:00",
                record_date=_day(400),
                record_time="08:00",
                act_ids=str(catalogue_id(*TRAFFIC)),
            ),
        )
    _first_login(page, wait_hydrated, "canbo.dongxuan", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    _open_case(page, wait_hydrated, case_id)

    # Sent for prosecution: only receiving back or closing remain.
    _take(
        page,
        "transfer_criminal",
        {"note": "Cơ quan CSĐT Công an tỉnh Đắk Lắk", "document": "5/QĐ-CHS"},
    )
    expect(page.locator("#ghi-nhan-buoc")).to_have_count(0)
    expect(page.get_by_text("Đã chuyển").first).to_be_visible()
    steps = page.locator("#cac-buoc")
    expect(steps.locator("#buoc-received_back")).to_be_visible()
    expect(steps.locator("#buoc-close_prosecuted")).to_be_visible()
    expect(page.locator("#ra-quyet-dinh")).to_have_count(0)

    # Received back: one more year of limitation, a fresh decision deadline.
    _take(page, "received_back", {"note": "Quyết định không khởi tố vụ án hình sự"})
    expect(page.locator("#ghi-nhan-buoc")).to_have_count(0)
    summary = page.locator("#tom-tat-thi-hanh")
    expect(summary).to_contain_text("thêm 01 năm")
    expect(page.get_by_text("Nhận lại hồ sơ từ cơ quan tiến hành tố tụng").first)\
        .to_be_visible()
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-back.png", full_page=True)

    # "Việc cần làm" lists its decision deadline, linked to the case.
    page.goto("/viec-can-lam")
    wait_hydrated(page)
    row = page.locator("#bang-viec").get_by_role("row").filter(has_text="Ksor Y Thuân")
    expect(row).to_contain_text("Hạn ra quyết định xử phạt")
    row.get_by_role("link").click()
    expect(page.locator("#cac-buoc")).to_be_visible()

    # The decision, 400 days after the act, is within the extended limitation.
    page.click("#ra-quyet-dinh")
    expect(page.locator("#luu-quyet-dinh")).to_be_visible()
    page.fill("#signer_name", "Phạm Văn Dũng")
    page.fill("#signer_title", "Chủ tịch Ủy ban nhân dân xã Đồng Xuân")
    page.fill("#treasury", "Kho bạc Nhà nước khu vực XIII")
    page.click("#luu-quyet-dinh")
    expect(page.locator("#cac-buoc")).to_be_visible()
    expect(page.get_by_text("Đã ra quyết định").first).to_be_visible()

    # Handed over, paid in full, closed as executed (each step's form closes
    # before the next is opened: the list of steps changes under the mouse).
    _take(page, "send", {}, {"code": "direct"})
    expect(page.locator("#ghi-nhan-buoc")).to_have_count(0)
    _take(page, "payment", {"amount": "500.000", "document": "BL-0099"})
    expect(page.locator("#ghi-nhan-buoc")).to_have_count(0)
    _take(page, "close_executed", {})
    expect(page.get_by_text("Đã kết thúc").first).to_be_visible()
    expect(page.get_by_text("Không còn bước nào để thực hiện.")).to_be_visible()
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-closed.png", full_page=True)


def test_continuing_violation_needs_its_detection_day(page, wait_hydrated, seed_user):
    """NĐ 118/2021 Art. 8 k1: a continuing violation is counted from its
    detection; the form asks for that day at the field and the case page
    shows the limitation counted from it."""
    issued = seed_user("canbo.dongxuan2", "officer", UNIT, "Lò Thị Mai")
    _first_login(page, wait_hydrated, "canbo.dongxuan2", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.goto("/ho-so/moi")
    wait_hydrated(page)
    page.fill("#name", "H'Nhi Êban")
    page.fill("#violation_date", _day(500))
    page.fill("#violation_time", "07:00")
    page.check("#continuing")
    page.fill("#violation_place", "Thôn 4, xã Đồng Xuân")
    page.fill("#description", "Điều khiển xe mô tô không đội mũ bảo hiểm.")
    page.fill("#tim-hanh-vi", "mũ bảo hiểm")
    page.get_by_role("button", name="Chọn").first.click()
    page.fill("#record_place", "Trụ sở UBND xã Đồng Xuân")
    page.fill("#maker_title", "Công chức Tư pháp – Hộ tịch")
    page.click("#luu-ho-so")
    expect(page.locator("#loi-detected_on")).to_contain_text("ngày phát hiện")
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-continuing.png", full_page=True)

    page.fill("#detected_on", _day(2))
    page.click("#luu-ho-so")
    summary = page.locator("#tom-tat-thi-hanh")
    expect(summary).to_contain_text(f"Phát hiện ngày {_day(2)}")
    expect(summary).to_contain_text(f"từ ngày phát hiện {_day(2)}")
