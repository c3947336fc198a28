"""The app starts in production mode and shows the login page cleanly
(the `page` fixture fails the test on any browser console error)."""

from playwright.sync_api import expect


def test_login_page_loads(page, wait_hydrated):
    page.goto("/")
    wait_hydrated(page)
    expect(page.get_by_text("Đăng nhập").first).to_be_visible()


def test_the_backend_sizes_its_database_threads(page, wait_hydrated, app_server):
    """The lifespan task replaced asyncio's default pool (xlvphc.py; 6 threads
    on 2 cores) with the settings' size: 4 for the test server's SQLite."""
    page.goto("/dang-nhap")
    wait_hydrated(page)

    log = app_server.log_path.read_text(encoding="utf-8", errors="replace")
    assert "database calls run in up to 4 threads" in log
