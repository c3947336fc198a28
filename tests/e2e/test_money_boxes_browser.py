"""Amount boxes group their digits when left (assets/input_format.js): a user
trial on a phone typed "35000000" and nothing showed whether a zero was
missing. Only amount boxes holding digits are touched: an article number,
or a text the server must refuse, stays as typed. Date and time boxes open
the number pad, which often has no "/" or ":": "05122026" and "930" are
written out as "05/12/2026" and "09:30". Users belong to Xã Xuân Thọ
(UBND-22075), which no other browser test uses."""

from playwright.sync_api import expect

from tests.e2e.test_journey import _first_login
from tests.e2e.test_procedure_browser import _decided_case, _open_case

UNIT = "UBND-22075"


def _leave(page, selector: str, typed: str) -> None:
    page.fill(selector, typed)
    page.press(selector, "Tab")


def test_amounts_are_grouped_when_the_box_is_left(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("canbo.xuantho", "officer", UNIT, "Nguyễn Thị Thu")
    case_id = _decided_case(app_server, "canbo.xuantho", "Hồ Văn Tâm", 1, True)
    _first_login(page, wait_hydrated, "canbo.xuantho", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    # The case list's amount filter.
    page.goto("/ho-so")
    wait_hydrated(page)
    page.get_by_text("Lọc thêm: đơn vị, lĩnh vực, ngày").click()
    _leave(page, "#amount_min", "35000000")
    expect(page.locator("#amount_min")).to_have_value("35.000.000")
    _leave(page, "#amount_min", "0500 000")
    expect(page.locator("#amount_min")).to_have_value("500.000")
    _leave(page, "#amount_min", "1,5 triệu")
    expect(page.locator("#amount_min")).to_have_value("1,5 triệu")
    _leave(page, "#article", "1234")  # not an amount
    expect(page.locator("#article")).to_have_value("1234")

    # A step's amount box.
    _open_case(page, wait_hydrated, case_id)
    page.click("#buoc-payment")
    expect(page.locator("#ghi-nhan-buoc")).to_be_visible()
    _leave(page, "#truong-amount", "2500000")
    expect(page.locator("#truong-amount")).to_have_value("2.500.000")


def test_dates_and_times_typed_as_digits_are_written_out(
    page, wait_hydrated, seed_user
):
    issued = seed_user("ngaygio.xuantho", "officer", UNIT, "Lê Văn Ngày")
    _first_login(page, wait_hydrated, "ngaygio.xuantho", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    # The case list's date filter.
    page.goto("/ho-so")
    wait_hydrated(page)
    page.get_by_text("Lọc thêm: đơn vị, lĩnh vực, ngày").click()
    expect(page.locator("#v_from")).to_have_attribute("inputmode", "numeric")
    _leave(page, "#v_from", "05122026")
    expect(page.locator("#v_from")).to_have_value("05/12/2026")
    _leave(page, "#v_from", "5122026")  # not 8 digits: the server says so
    expect(page.locator("#v_from")).to_have_value("5122026")

    # The new case's violation date and time.
    page.goto("/ho-so/moi")
    wait_hydrated(page)
    expect(page.locator("#violation_time")).to_have_attribute("inputmode", "numeric")
    _leave(page, "#violation_date", "01122026")
    expect(page.locator("#violation_date")).to_have_value("01/12/2026")
    _leave(page, "#violation_time", "930")
    expect(page.locator("#violation_time")).to_have_value("09:30")
    _leave(page, "#violation_time", "chiều")
    expect(page.locator("#violation_time")).to_have_value("chiều")
