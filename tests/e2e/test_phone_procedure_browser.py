"""The case page and the on-the-spot form on a phone (user trial of 5 Dec
2026, 390x844): a step's form opens in sight with the cursor in it, the
print menu's buttons are big enough for a finger, the coercion form shows
the boxes of the chosen measure only, and a double tap on the on-the-spot
save says once that the decision was made. Users belong to Xã
Tuy An Đông (UBND-22120), which no other browser test uses."""

from playwright.sync_api import expect

from tests.e2e.test_journey import _first_login
from tests.e2e.test_on_the_spot import _fill_spot_form
from tests.e2e.test_procedure_browser import (
    _decided_case,
    _make_authority,
    _open_case,
)

UNIT = "UBND-22120"
PHONE = {"width": 390, "height": 844}
ARTIFACTS_PREFIX = "test-artifacts/phone-procedure"


def test_step_form_opens_in_sight_and_print_buttons_fit_a_finger(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("canbo.tuyandong", "officer", UNIT, "Phan Thị Hạnh")
    case_id = _decided_case(app_server, "canbo.tuyandong", "Y Sơn Êban", 1, False)
    page.set_viewport_size(PHONE)
    _first_login(page, wait_hydrated, "canbo.tuyandong", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    _open_case(page, wait_hydrated, case_id)

    page.locator("#buoc-send").scroll_into_view_if_needed()
    page.locator("#buoc-send").click()
    # The step's form (found as it was before the fix too).
    form = page.locator("form:has(#ghi-nhan-buoc)")
    expect(form).to_have_count(1)
    # The form's top is on the screen, and the cursor is in its first box.
    expect(page.get_by_role("heading", name="Gửi quyết định")).to_be_in_viewport()
    first = form.locator("input:not([type=hidden]), select, textarea").first
    expect(first).to_be_focused()
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-send-form.png")

    # Another step: its own form comes into sight, focused, after scrolling
    # back up to the buttons.
    page.evaluate("window.scrollTo(0, 0)")
    page.click("#buoc-complaint")
    expect(form.locator("input:not([type=hidden]), select, textarea").first)\
        .to_be_focused()
    expect(form).to_be_in_viewport()

    # The print menu: every button at least 40 px tall on a phone.
    page.click("#in-mau-bieu")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("button", name="Mẫu trắng").first).to_be_visible()
    heights = dialog.get_by_role("button").evaluate_all(
        "bs => bs.map(b => [b.getBoundingClientRect().height,"
        " b.getAttribute('aria-label') || b.textContent, b.className])"
    )
    assert len(heights) > 3 and min(h for h, _, _ in heights) >= 39, heights
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-print-menu.png")

    # A desktop keeps the compact buttons.
    page.set_viewport_size({"width": 1280, "height": 900})
    blank = dialog.get_by_role("button", name="Mẫu trắng").first
    assert blank.evaluate("b => b.getBoundingClientRect().height") < 30


def test_double_tap_on_the_spot_save_toasts_once(page, wait_hydrated, seed_user):
    officer = seed_user("canbo.tuyandong2", "officer", UNIT, "Lê Văn Lực")
    page.set_viewport_size(PHONE)
    _first_login(page, wait_hydrated, "canbo.tuyandong2", officer.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.goto("/ho-so/xu-phat-tai-cho")
    wait_hydrated(page)
    _fill_spot_form(page).fill("500.000")
    page.dblclick("#luu-xu-phat-tai-cho")
    page.wait_for_url("**/ho-so/chi-tiet?id=*")
    toast = page.get_by_text("Đã ra quyết định xử phạt không lập biên bản.")
    expect(toast.first).to_be_visible()
    page.wait_for_timeout(1500)  # a second toast would have come by now
    expect(toast).to_have_count(1)


def test_coercion_form_shows_the_chosen_measures_boxes(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("chutich.tuyandong", "officer", UNIT, "Đỗ Văn Quý")
    _make_authority(app_server, "chutich.tuyandong")
    case_id = _decided_case(app_server, "chutich.tuyandong", "Y Bih Mlô", 30, True)
    page.set_viewport_size(PHONE)
    _first_login(page, wait_hydrated, "chutich.tuyandong", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    _open_case(page, wait_hydrated, case_id)

    page.click("#buoc-coerce")
    form = page.locator("form:has(#ghi-nhan-buoc)")
    expect(form.locator("#truong-code")).to_be_focused()
    deduct, account = form.locator("#truong-deduct_from"), form.locator(
        "#truong-account_number"
    )
    # An amount opens the phone's number pad.
    expect(form.locator("#truong-amount")).to_have_attribute("inputmode", "numeric")
    # No measure yet: only the boxes every measure shares.
    expect(form.locator("#truong-document")).to_be_visible()
    expect(deduct).to_be_hidden()
    expect(account).to_be_hidden()
    expect(form.locator("#truong-holder")).to_be_hidden()

    page.select_option("#truong-code", "account")
    expect(account).to_be_visible()
    expect(deduct).to_be_hidden()
    account.fill("0123456789")
    # The officer changes their mind: the account box goes, and what was
    # typed in it is not sent (the service refuses it with a salary).
    page.select_option("#truong-code", "salary")
    expect(account).to_be_hidden()
    expect(deduct).to_be_visible()
    expect(form.locator("#truong-assets")).to_be_hidden()
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-coercion-salary.png", full_page=True)
    form.locator("#truong-holder").fill("Công ty TNHH Cà phê Ea Tu")
    page.select_option("#truong-deduct_from", "salary")
    form.locator("#truong-document").fill("1/QĐ-CCKT")
    # No MBB09 in the system: the signer confirms it was made on paper.
    form.locator("#truong-verified_outside").check()
    page.click("#ghi-nhan-buoc")
    expect(page.get_by_text("Đang cưỡng chế").first).to_be_visible()
