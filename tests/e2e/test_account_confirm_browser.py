"""User trial, in the browser: «Cấp lại mật khẩu» double-clicked issued two
passwords, «Khóa tài khoản» locked at once, and the locked officer's tab
said only that the session had ended.

Both buttons now ask first in a dialog naming the account; a double click
on the dialog's button resets once; the locked officer's tab lands on the
login page with "Tài khoản của bạn đã bị khóa".

Unit UBND-22165 (Xã Sơn Hòa): no other browser test uses it."""

from playwright.sync_api import expect

from tests.harness import finish_page, first_sign_in, open_page

UNIT = "UBND-22165"
PASSWORD = "Mưa chiều trên đèo Sơn Hòa"
OFFICER_PASSWORD = "Gió núi thổi qua buôn làng"
DESKTOP = {"width": 1280, "height": 900}


def test_reset_and_lock_ask_first_and_act_once(
    page, wait_hydrated, seed_user, browser, app_server, request
):
    seed_user("canbo.sonhoa", "officer", UNIT, "Y Sơn Niê")
    admin = seed_user("quantri.sonhoa", "admin", "SO-TU-PHAP", "Lê Quản Trị")
    page.set_viewport_size(DESKTOP)
    first_sign_in(page, "quantri.sonhoa", admin.password, PASSWORD)
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    page.goto("/tai-khoan")
    wait_hydrated(page)
    page.fill("#q", "canbo.sonhoa")
    page.click("#nut-loc-tai-khoan")
    table = page.locator("#bang-tai-khoan")
    expect(table.locator("tbody tr")).to_have_count(1)
    dialog = page.locator("#hop-xac-nhan-tai-khoan")

    table.get_by_role("button", name="Cấp lại mật khẩu").click()
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("canbo.sonhoa")
    expect(dialog).to_contain_text("không dùng được nữa")
    expect(page.locator(".mat-khau-cap")).to_have_count(0)  # asked, not done

    page.locator("#nut-xac-nhan-tai-khoan").dblclick()
    expect(dialog).to_be_hidden()
    expect(page.locator(".mat-khau-cap")).to_have_count(1)
    page.wait_for_timeout(1000)
    expect(page.locator(".mat-khau-cap")).to_have_count(1)
    issued = page.locator(".mat-khau-cap").inner_text().strip()

    # The officer signs in with the one password issued.
    with open_page(browser, app_server.base_url, request.node.name) as officer:
        officer.set_viewport_size(DESKTOP)
        first_sign_in(officer, "canbo.sonhoa", issued, OFFICER_PASSWORD)
        expect(
            officer.get_by_role("heading", name="Hồ sơ vi phạm hành chính")
        ).to_be_visible()

        # «Khóa tài khoản» asks too; «Không» leaves the account as it was.
        table.get_by_role("button", name="Khóa tài khoản").click()
        expect(dialog).to_be_visible()
        expect(dialog).to_contain_text("canbo.sonhoa")
        dialog.get_by_role("button", name="Không").click()
        expect(dialog).to_be_hidden()
        expect(table).to_contain_text("Đang hoạt động")

        table.get_by_role("button", name="Khóa tài khoản").click()
        page.locator("#nut-xac-nhan-tai-khoan").click()
        expect(dialog).to_be_hidden()
        expect(table.get_by_text("Đã khóa", exact=True)).to_be_visible()

        # The officer's open tab is told why it must stop.
        officer.goto("/viec-can-lam")
        officer.wait_for_url("**/dang-nhap")
        expect(officer.locator("#thong-bao-loi")).to_contain_text(
            "Tài khoản của bạn đã bị khóa"
        )
        finish_page(officer, request, "-officer")
