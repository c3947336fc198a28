"""The page shell as a new user meets it: an unknown address shows a
Vietnamese page inside the shell (document language "vi"), a page the role
does not use shows only the refusal, the bar is one line on a desktop and on
a phone (menu behind a button), and the case list reads as cards on a phone.

Unit UBND-22111 (Xã Xuân Phước): no other browser test uses it."""

import re

from playwright.sync_api import expect

from tests.harness import finish_page, first_sign_in, open_page

UNIT = "UBND-22111"
PASSWORD = "Cà phê Buôn Ma Thuột sáng sớm"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _sign_in(page, username: str, issued: str) -> None:
    first_sign_in(page, username, issued, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()


def _bar_height(page) -> float:
    return page.locator("#dang-xuat").evaluate(
        "b => b.closest('.rt-Flex').getBoundingClientRect().height"
    )


def test_unknown_address_is_a_vietnamese_page_inside_the_shell(
    browser, app_server, wait_hydrated, seed_user, request
):
    issued = seed_user("canbo.xuanphuoc2", "officer", UNIT, "Lò Văn Pắn")
    with open_page(browser, app_server.base_url, request.node.name) as page:
        page.set_viewport_size(DESKTOP)
        _sign_in(page, "canbo.xuanphuoc2", issued.password)

        page.goto("/khong-co-trang-nay")
        wait_hydrated(page)
        expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()
        expect(page.locator("#dia-chi-khong-co")).to_have_text("/khong-co-trang-nay")
        assert page.title() == "Không tìm thấy trang – XLVPHC"
        assert page.locator("html").get_attribute("lang") == "vi"
        assert "Page not found" not in page.content()
        # Inside the shell: the user's menu and the way out are there.
        menu = page.locator("#menu-ben")
        expect(menu.get_by_role("link", name="Hồ sơ")).to_be_visible()
        expect(page.locator("#dang-xuat")).to_be_visible()

        page.click("#ve-trang-chinh")
        cases = page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")
        expect(cases).to_be_visible()

        # The server answers an unknown address with status 404, which the
        # browser reports as a console error: that one is expected.
        page._xlvphc_errors[:] = [
            e for e in page._xlvphc_errors if "status of 404" not in e
        ]
        finish_page(page, request)


def test_page_the_role_does_not_use_shows_only_the_refusal(
    page, wait_hydrated, seed_user
):
    issued = seed_user("canbo.xuanphuoc3", "officer", UNIT, "Y Moan Niê")
    page.set_viewport_size(DESKTOP)
    _sign_in(page, "canbo.xuanphuoc3", issued.password)

    for address, heading in (
        ("/tai-khoan", "Quản lý tài khoản"),
        ("/theo-doi", "Theo dõi vận hành thử"),
    ):
        page.goto(address)
        wait_hydrated(page)
        expect(page.get_by_text("Bạn không có quyền xem trang này")).to_be_visible()
        expect(page.get_by_role("heading", name=heading)).to_have_count(0)
        expect(page.get_by_text("Tạo tài khoản")).to_have_count(0)
        expect(page.get_by_text("Tổng số hồ sơ")).to_have_count(0)
    page.click("#khong-co-quyen #ve-trang-chinh")
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()


def test_bar_is_one_line_on_desktop_and_phone_with_a_menu_button(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("canbo.xuanphuoc4", "officer", UNIT, "Hoàng Thị Mai")
    page.set_viewport_size(DESKTOP)
    _sign_in(page, "canbo.xuanphuoc4", issued.password)
    _seed_case(app_server)

    # Desktop: one line (name and "Đăng xuất" beside the title), menu beside.
    page.goto("/ho-so")
    wait_hydrated(page)
    assert _bar_height(page) < 70
    expect(page.get_by_text("Hoàng Thị Mai")).to_be_visible()
    expect(page.locator("#menu-ben")).to_be_visible()
    expect(page.locator("#mo-menu")).to_be_hidden()
    expect(page.locator("table thead")).to_be_visible()

    # Phone: the same bar, one line, the menu behind a button.
    page.set_viewport_size(PHONE)
    page.reload()
    wait_hydrated(page)
    assert _bar_height(page) < 70
    expect(page.locator("#menu-ben")).to_be_hidden()
    page.click("#mo-menu")
    menu = page.locator("#menu-dien-thoai")
    expect(menu.get_by_text("Hoàng Thị Mai")).to_be_visible()
    menu.get_by_role("link", name="Việc cần làm").click()
    expect(page.get_by_role("heading", name="Việc cần làm")).to_be_visible()

    # The case list is a card per case: no header row, no sideways scroll.
    page.goto("/ho-so")
    wait_hydrated(page)
    card = page.locator("table tbody tr").first
    expect(card).to_contain_text("Nguyễn Thị Lan")
    expect(page.locator("table thead")).to_be_hidden()
    box = card.bounding_box()
    assert box is not None and box["width"] <= PHONE["width"]
    assert box["height"] > 100  # the values stacked, each under its label


def _seed_case(app_server) -> None:
    """A case of the unit, made through the services as its officer."""
    from tests.services.conftest import case_form
    from xlvphc.services import auth, cases

    with app_server.database():
        actor = auth.resolve(auth.login("canbo.xuanphuoc4", PASSWORD).token)
        cases.create_case(actor, case_form(name="Nguyễn Thị Lan"))


def test_a_shared_link_opens_after_the_login_it_needed(page, wait_hydrated, seed_user):
    """A colleague's link to a filtered list, opened before logging in (here
    even before the first password change), is where the login leads."""
    issued = seed_user("canbo.xuanphuoc5", "officer", UNIT, "H'Hen Niê")
    page.set_viewport_size(DESKTOP)

    page.goto("/ho-so?q=nguyen+van")
    page.wait_for_url("**/dang-nhap")
    first_sign_in(page, "canbo.xuanphuoc5", issued.password, PASSWORD)

    page.wait_for_url(re.compile(r"/ho-so/?\?q=nguyen\+van$"))
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()


def test_the_create_account_form_is_empty_again_after_an_account_is_made(
    page, wait_hydrated, seed_user
):
    """A user trial saw the form keep every value after "Tạo tài khoản", so a
    second click tried to make the same account again."""
    issued = seed_user("quantri.xuanphuoc", "admin", "SO-TU-PHAP", "Đinh Văn Tú")
    page.set_viewport_size(DESKTOP)
    first_sign_in(page, "quantri.xuanphuoc", issued.password, PASSWORD)
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    page.goto("/tai-khoan")
    wait_hydrated(page)
    expect(page.get_by_role("heading", name="Quản lý tài khoản")).to_be_visible()

    page.fill("#username", "canbo.xuanphuoc.moi")
    page.fill("#full_name", "Ksor H'Bia")
    page.select_option("#unit_id", label="Ủy ban nhân dân xã Xuân Phước")
    page.check("input[name='role_officer']")
    page.click("#nut-tao-tai-khoan")

    expect(page.locator(".mat-khau-cap")).to_have_count(1)
    expect(page.locator("#username")).to_have_value("")
    expect(page.locator("#full_name")).to_have_value("")
    expect(page.locator("input[name='role_officer']")).not_to_be_checked()


def test_an_ended_session_says_why_the_login_is_asked_again(
    page, wait_hydrated, seed_user, app_server
):
    """User trial: after the 15 idle minutes the login page said nothing."""
    from sqlmodel import select

    from xlvphc.models import User
    from xlvphc.services import auth
    from xlvphc.services.db import session_scope

    issued = seed_user("canbo.xuanphuoc6", "officer", UNIT, "Y Bih Mlô")
    page.set_viewport_size(DESKTOP)
    first_sign_in(page, "canbo.xuanphuoc6", issued.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    with app_server.database(), session_scope() as session:
        user = session.exec(select(User).where(User.username == "canbo.xuanphuoc6"))
        auth.revoke_sessions(session, user.one().id)  # as the idle timeout does

    page.goto("/viec-can-lam")
    page.wait_for_url("**/dang-nhap")
    expect(page.locator("#thong-bao-loi")).to_contain_text("Phiên làm việc đã kết thúc")
