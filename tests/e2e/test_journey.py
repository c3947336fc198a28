"""The main job end to end (issue: "The main job, end to end, on real data"):
a fresh officer logs in, changes the issued password, records a case with a
real catalogue act, issues the decision, downloads both PDFs; a supervisor then
sees the case counted for that unit on the dashboard."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.harness import downloaded_pdf_text, first_sign_in
from xlvphc.models.base import local_now

NEW_PASSWORD = "Mùa cà phê chín ở Krông Pắc"
UNIT_NAME = "Ủy ban nhân dân xã Xuân Lộc"
VIOLATOR = "Nguyễn Thị Hương Giang"


def _first_login(page, wait_hydrated, username: str, issued: str) -> None:
    """The other browser modules' first login, with this module's password."""
    first_sign_in(page, username, issued, NEW_PASSWORD)


def test_officer_records_decides_prints_and_supervisor_sees_it(
    page, wait_hydrated, seed_user
):
    officer = seed_user("canbo.xuanloc", "officer", "UBND-22057", "Lê Văn Tâm")
    supervisor = seed_user("giamsat.stp", "supervisor", "SO-TU-PHAP", "Y Bhin Niê")

    # First login: only the password change is possible.
    first_sign_in(page, "canbo.xuanloc", officer.password, NEW_PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    # A new case with its violation record.
    page.goto("/ho-so/moi")
    wait_hydrated(page)
    page.fill("#name", VIOLATOR)
    page.select_option("#gender", "Nữ")
    page.fill("#birth_date", "12/05/1988")
    page.fill("#address", "Thôn Phú Hòa, xã Xuân Lộc, tỉnh Đắk Lắk")
    page.fill("#id_number", "054188001234")
    # Yesterday, so the time is in the past whatever the hour of the run.
    yesterday = local_now().date() - timedelta(days=1)
    page.fill("#violation_date", yesterday.strftime("%d/%m/%Y"))
    page.fill("#violation_time", "07:15")
    page.fill("#violation_place", "Quốc lộ 1, thôn Phú Hòa, xã Xuân Lộc")
    page.fill(
        "#description",
        "Điều khiển xe mô tô biển số 78H1-234.56 không đội mũ bảo hiểm.",
    )
    page.fill("#record_place", "Trụ sở UBND xã Xuân Lộc")
    page.fill("#maker_title", "Công chức Tư pháp – Hộ tịch")
    page.fill("#tim-hanh-vi", "điểm h khoản 2 Điều 7")
    result = page.get_by_text("Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP")
    expect(result.first).to_be_visible()
    page.get_by_role("button", name="Chọn").first.click()
    expect(page.get_by_role("button", name="Bỏ")).to_be_visible()
    page.click("#luu-ho-so")

    # The case page, with the record number issued by the system.
    expect(page.get_by_role("heading", name="Biên bản số 01/BB-VPHC")).to_be_visible()
    expect(page.get_by_text(VIOLATOR).first).to_be_visible()

    # The decision: the fine defaults to the frame average (500.000 đồng).
    page.click("#ra-quyet-dinh")
    expect(
        page.get_by_role("heading", name="Ra quyết định xử phạt (mẫu MQĐ02)")
    ).to_be_visible()
    fine_input = page.locator("input[name^='fine_']:not([type=hidden])")
    expect(fine_input).to_have_value("500.000")
    page.fill("#signer_name", "Hồ Văn Đức")
    page.fill("#signer_title", "Chủ tịch Ủy ban nhân dân xã Xuân Lộc")
    page.fill("#treasury", "Kho bạc Nhà nước khu vực XIII")
    page.click("#luu-quyet-dinh")
    expect(page.get_by_text("01/QĐ-XPHC").first).to_be_visible()
    expect(page.get_by_text("500.000 đồng").first).to_be_visible()

    # Both forms as PDF.
    with page.expect_download() as record_pdf:
        page.click("#in-bien-ban")
    record_text = downloaded_pdf_text(record_pdf.value)
    assert "BIÊN BẢN VI PHẠM HÀNH CHÍNH" in record_text
    assert VIOLATOR in record_text
    assert "Điều 7" in record_text and "168/2024/NĐ-CP" in record_text

    with page.expect_download() as decision_pdf:
        page.click("#in-quyet-dinh")
    decision_text = downloaded_pdf_text(decision_pdf.value)
    assert "QUYẾT ĐỊNH" in decision_text
    assert VIOLATOR in decision_text
    assert "Điều 7" in decision_text
    assert "Năm trăm nghìn đồng" in decision_text

    # Log out; the supervisor sees the case counted for the unit.
    page.click("#dang-xuat")
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    first_sign_in(page, "giamsat.stp", supervisor.password, NEW_PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    # Other browser tests share this app, so only this unit's row is exact.
    table = page.locator("#bang-don-vi")
    expect(table.get_by_role("row", name=f"{UNIT_NAME} 1 500.000 đồng")).to_be_visible()
