"""In a browser: Báo cáo's Đơn vị box follows its Nhóm đơn vị box, as on
Thống kê; Nhật ký's «Xuất Excel» exports what the boxes show (not the
filter last applied) and refuses a bad date at its box, with no file."""

import io
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.harness import first_sign_in
from tests.services.test_reports_data import load_cases

PASSWORD = "Mùa cà phê chín ở Krông Pắc"
COMMITTEE = "Ủy ban nhân dân phường Tuy Hòa"
POLICE = "Công an phường Tuy Hòa"


def test_report_unit_box_follows_the_group(
    page, wait_hydrated, seed_user, app_server
):
    supervisor = seed_user("giamsat.baocao", "supervisor", "SO-TU-PHAP")
    with app_server.database():
        load_cases()
    first_sign_in(page, "giamsat.baocao", supervisor.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    page.goto("/bao-cao")
    wait_hydrated(page)
    every_unit = page.locator("#unit option").count()

    page.select_option("#unit", label=COMMITTEE)
    page.select_option("#group", "police")
    expect(page.locator("#ghi-chu-unit")).to_contain_text(COMMITTEE)
    expect(page.locator("#ghi-chu-unit")).to_contain_text("bấm Lập báo cáo")
    expect(page.locator("#unit")).to_have_value("")
    assert 1 < page.locator("#unit option").count() < every_unit
    expect(page.locator("#unit option", has_text=COMMITTEE)).to_have_count(0)

    page.fill("#year", "2026")
    page.click("#nut-lap-bao-cao")
    expect(page.get_by_text("Biểu 1. Số vụ việc vi phạm")).to_be_visible()
    table = page.locator("table").first
    expect(table).to_contain_text(POLICE)
    expect(table).not_to_contain_text(COMMITTEE)


def test_log_export_takes_the_boxes_and_refuses_a_bad_date(
    page, wait_hydrated, seed_user, app_server
):
    supervisor = seed_user("giamsat.nhatky", "supervisor", "SO-TU-PHAP")
    first_sign_in(page, "giamsat.nhatky", supervisor.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    page.goto("/nhat-ky")
    wait_hydrated(page)

    # A filter applied, then other boxes not applied: the file is theirs.
    page.fill("#user", "khong-co-ai")
    page.click("#nut-loc-nhat-ky")
    expect(page.get_by_text("Có 0 sự kiện")).to_be_visible()
    page.fill("#user", "giamsat.nhatky")
    with page.expect_download() as download:
        page.click("#xuat-nhat-ky")
    sheet = load_workbook(
        io.BytesIO(Path(download.value.path()).read_bytes())
    ).active
    users = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert users == {"giamsat.nhatky"}
    # The list shown is the one exported.
    rows = sheet.max_row - 1
    expect(page.get_by_text(f"Có {rows} sự kiện")).to_be_visible()

    # A bad date in the boxes: refused at its box, no file.
    page.fill("#date_from", "31/02/2026")
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.click("#xuat-nhat-ky")
    expect(page.get_by_text("Ngày không hợp lệ (ngày/tháng/năm).")).to_be_visible()
    expect(page.locator("#nhat-ky-ket-qua-cu")).to_be_visible()
    page.wait_for_timeout(1000)
    assert downloads == []

    # Enter in a box is «Lọc»: a list, no file.
    page.fill("#date_from", "")
    page.locator("#user").press("Enter")
    expect(page.locator("#nhat-ky-ket-qua-cu")).to_be_hidden()
    page.wait_for_timeout(1000)
    assert downloads == []
