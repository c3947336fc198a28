"""A supervisor filters the dashboard, clicks a unit's bar and lands on the
case list filtered the same way; the report page builds and downloads the
period's Excel file; monitoring and feedback pages open."""

import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.harness import first_sign_in
from tests.services.test_reports_data import load_cases

PASSWORD = "Mùa cà phê chín ở Krông Pắc"


def test_supervisor_filters_clicks_a_bar_and_lands_on_the_list(
    page, wait_hydrated, seed_user, app_server
):
    supervisor = seed_user("giamsat.bieudo", "supervisor", "SO-TU-PHAP")
    with app_server.database():
        ids = load_cases()

    first_sign_in(page, "giamsat.bieudo", supervisor.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    page.goto("/thong-ke")
    wait_hydrated(page)

    # Filter: the year 2026, land cases only (cases 2 and 6 of Tuy Hòa,
    # case 9 of Bình Kiến).
    page.select_option("#period", "year")
    page.fill("#year", "2026")
    page.select_option("#field", "Đất đai")
    page.click("#nut-loc")
    expect(page.locator("#ky-thong-ke")).to_have_text("Năm 2026")
    expect(page.locator("#tong-vu-viec")).to_have_text("3")
    # On a phone the page itself does not scroll sideways, and every chart
    # fits its card (plotly drew 700 px, cut off at 375 px: user trial).
    page.set_viewport_size({"width": 375, "height": 800})
    page.wait_for_timeout(500)  # plotly redraws on the window's resize
    page.screenshot(path="test-artifacts/dashboard-375.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    edges = page.locator(".js-plotly-plot").evaluate_all(
        "ps => ps.map(p => [p.querySelector('.main-svg').getBoundingClientRect()"
        ".right, p.closest('.rt-Card').getBoundingClientRect().right])"
    )
    assert len(edges) == 6
    assert all(chart <= card + 0.5 <= 375.5 for chart, card in edges), edges
    # No "0" printed over an empty bar of the execution chart.
    labels = page.locator("#bieu-do-thi-hanh .bartext").evaluate_all(
        "ts => ts.map(t => t.textContent.trim())"
    )
    assert labels and "0" not in labels, labels
    expect(page.locator("#bang-don-vi")).to_be_hidden()
    expect(page.locator("#don-vi-dien-thoai")).to_contain_text("Tiền phạt:")
    page.set_viewport_size({"width": 1280, "height": 800})

    # The unit chart lists the largest unit at the top: Tuy Hòa, 2 cases.
    chart = page.locator("#bieu-do-don-vi")
    bars = chart.locator(".bars .point path")
    expect(bars).to_have_count(2)
    box = bars.last.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    page.wait_for_url(re.compile(r"/ho-so\?"))
    query = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}
    assert query == {
        "unit": str(ids["A"]),
        "field": "Đất đai",
        "v_from": "01/01/2026",
        "v_to": "31/12/2026",
    }
    # The list reads its filters from the address bar: the same two cases.
    expect(page.locator("#so-ket-qua")).to_contain_text("2")

    # Back on the dashboard, each status bar opens its own cases: in 2026 the
    # land cases postponed are case 2 only.
    page.go_back()
    wait_hydrated(page)
    expect(page.locator("#tong-vu-viec")).to_have_text("3")  # filters kept
    status_bars = page.locator("#bieu-do-thi-hanh .bars .point path")
    expect(status_bars).to_have_count(7)
    postponed = status_bars.nth(2)  # "Hoãn thi hành", 1 case
    postponed.scroll_into_view_if_needed()  # a click lands in the viewport
    box = postponed.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"enforcement=postponed"))
    query = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}
    assert query == {
        "field": "Đất đai",
        "v_from": "01/01/2026",
        "v_to": "31/12/2026",
        "enforcement": "postponed",
    }
    expect(page.locator("#so-ket-qua")).to_contain_text("1")
    expect(page.get_by_text("Người vi phạm 2", exact=True)).to_be_visible()

    # The Đơn vị box follows the Nhóm đơn vị box (user trial: a commune
    # committee under «Công an» gave zeros and no hint): the committee
    # picked is dropped, with a note, and the police group is counted.
    page.go_back()
    wait_hydrated(page)
    committee = "Ủy ban nhân dân phường Tuy Hòa"
    every_unit = page.locator("#unit option").count()
    page.select_option("#field", "")
    page.select_option("#unit", label=committee)
    page.select_option("#group", "police")
    expect(page.locator("#ghi-chu-unit")).to_contain_text(committee)
    expect(page.locator("#unit")).to_have_value("")
    assert 1 < page.locator("#unit option").count() < every_unit
    expect(page.locator("#unit option", has_text=committee)).to_have_count(0)
    page.click("#nut-loc")
    expect(page.locator("#tong-vu-viec")).to_have_text("1")  # case 12 (P)


def test_report_page_builds_tables_and_downloads_excel(
    page, wait_hydrated, seed_user, app_server
):
    viewer = seed_user("lanhdao.tinh", "viewer", "SO-TU-PHAP")
    first_sign_in(page, "lanhdao.tinh", viewer.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    page.goto("/bao-cao")
    wait_hydrated(page)
    page.select_option("#period", "year")
    page.fill("#year", "2026")
    page.click("#nut-lap-bao-cao")
    expect(page.get_by_text("Biểu 1. Số vụ việc vi phạm")).to_be_visible()
    expect(page.get_by_text("Tổng cộng cơ quan ngành dọc").first).to_be_visible()
    with page.expect_download() as download:
        page.click("#tai-excel")
    data = Path(download.value.path()).read_bytes()
    wb = load_workbook(io.BytesIO(data))
    assert "Biểu 1" in wb.sheetnames
    page.screenshot(path="test-artifacts/report-1280.png", full_page=True)

    # On a phone (user trial: the table scrolled sideways): one unit under
    # another with its first figure, the other columns on tap.
    page.set_viewport_size({"width": 375, "height": 812})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(page.locator("table").first).to_be_hidden()
    first = page.locator(".xl-report-row").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    first.locator("summary").click()
    expect(first).to_have_attribute("open", "")
    figures = first.locator("div").filter(has_text=re.compile(r"\d"))
    expect(figures.first).to_be_visible()
    page.screenshot(path="test-artifacts/report-375.png", full_page=True)


def test_monitoring_and_feedback_pages(page, wait_hydrated, seed_user):
    officer = seed_user("canbo.phananh", "officer", "UBND-22015")
    first_sign_in(page, "canbo.phananh", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.goto("/phan-anh")
    wait_hydrated(page)
    page.select_option("#category", "usage")
    page.fill("#text", "Không tìm thấy nút in biên bản trên điện thoại.")
    page.click("#nut-gui-phan-anh")
    expect(page.locator("#da-gui")).to_be_visible()
    expect(page.get_by_text("Không tìm thấy nút in biên bản").first).to_be_visible()
    # Officers do not monitor units.
    page.goto("/theo-doi")
    wait_hydrated(page)
    expect(page.get_by_role("alert")).to_be_visible()
