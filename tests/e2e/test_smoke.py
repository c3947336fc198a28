"""The app starts in production mode and shows the login page cleanly
(the `page` fixture fails the test on any browser console error)."""

from playwright.sync_api import expect


def test_login_page_loads(page, wait_hydrated):
    page.goto("/")
    wait_hydrated(page)
    expect(page.get_by_text("Đăng nhập").first).to_be_visible()
