"""The session cookie in a real browser (security.md 2.7, D5): after the login
(and the forced password change) it is HttpOnly, SameSite=Strict, on Path=/,
and no script of the page can read it; a reload keeps the user signed in
(the new websocket handshake carries it); logout clears it and the old
secret is refused from then on.

Unit UBND-22237 (Xã Ea Ly): no other browser test uses it."""

import pytest
from playwright.sync_api import expect

from tests.harness import first_sign_in
from xlvphc.session_cookie import NAME

UNIT = "UBND-22237"
PASSWORD = "Mưa chiều trên hồ Ea Ly 2026"


def _session_cookie(page) -> dict | None:
    return {c["name"]: c for c in page.context.cookies()}.get(NAME)


def test_the_session_cookie_is_httponly_and_survives_a_reload(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("canbo.ealy", "officer", UNIT, "H'Linh Niê")
    first_sign_in(page, "canbo.ealy", issued.password, PASSWORD)
    heading = page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")
    expect(heading).to_be_visible()

    cookie = _session_cookie(page)
    assert cookie is not None and len(cookie["value"]) >= 40
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/" and cookie["expires"] > 0
    assert not cookie["secure"]  # plain http here; https: __Host- and Secure
    secret = cookie["value"]
    # No script of the page sees it, nor any browser storage.
    assert NAME not in page.evaluate("document.cookie")
    stored = page.evaluate(
        "JSON.stringify([Object.entries(localStorage),"
        " Object.entries(sessionStorage)])"
    )
    assert secret not in stored

    page.reload()
    wait_hydrated(page)
    expect(heading).to_be_visible()

    page.locator("#dang-xuat").click()
    page.wait_for_url("**/dang-nhap")
    for _ in range(50):  # the route's answer may follow the page
        if _session_cookie(page) is None:
            break
        page.wait_for_timeout(100)
    assert _session_cookie(page) is None
    page.goto("/ho-so")
    page.wait_for_url("**/dang-nhap")

    # The secret of the ended session is refused even if replayed.
    from xlvphc.services import auth
    from xlvphc.services.errors import NotAuthenticated

    with app_server.database(), pytest.raises(NotAuthenticated):
        auth.resolve(secret)
