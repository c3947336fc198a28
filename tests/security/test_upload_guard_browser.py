"""Uploads in the real app behind xlvphc/upload_guard.py: an officer's
screenshot, picked in Chromium, still reaches the feedback form (Reflex's
upload request carries the page's cookie by itself); the same upload sent
to that tab without the cookie, with another officer's cookie or from
another site's page is refused with 403.

Unit UBND-22153 (Xã Tuy An Nam): no other browser test uses it."""

import pytest
from playwright.sync_api import expect

from tests.harness import finish_page, first_sign_in, open_page
from tests.security.test_upload_guard import _png
from xlvphc.pages.feedback import UPLOAD_ID
from xlvphc.state.feedback import FeedbackState
from xlvphc.upload_guard import UPLOAD_REFUSED

pytestmark = pytest.mark.e2e

UNIT = "UBND-22153"
PASSWORD = "Nắng sớm trên đồng Tuy An 2026"
HANDLER = f"{FeedbackState.get_full_name()}.attach"
ATTACHED = "Đã đính kèm ảnh PNG"


def _replay(request_context, base_url: str, token: str, **headers: str) -> int:
    """The upload Reflex's page sends, to the tab `token`, from a context
    whose cookies are its own; returns the status."""
    response = request_context.post(
        f"{base_url}/_upload",
        headers={
            "Reflex-Client-Token": token,
            "Reflex-Event-Handler": HANDLER,
            **headers,
        },
        multipart={
            "files": {"name": "anh.png", "mimeType": "image/png", "buffer": _png()}
        },
    )
    return response.status


def test_a_real_upload_works_and_a_replay_without_the_cookie_does_not(
    page, wait_hydrated, seed_user, app_server, browser, request
):
    issued = seed_user("canbo.tuyan", "officer", UNIT, "Lê Thị Thu")
    first_sign_in(page, "canbo.tuyan", issued.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    # The officer picks a screenshot: Reflex posts it to /_upload.
    page.goto("/phan-anh")
    wait_hydrated(page)
    with page.expect_response("**/_upload") as answer:
        page.locator(f"#{UPLOAD_ID} input[type=file]").set_input_files(
            files=[{"name": "anh.png", "mimeType": "image/png", "buffer": _png()}]
        )
    assert answer.value.status == 200
    expect(page.get_by_text(ATTACHED)).to_be_visible()
    token = page.evaluate("window.sessionStorage.getItem('token')")
    assert token

    base = app_server.base_url
    # The browser's own cookie jar, to its own tab: accepted.
    assert _replay(page.request, base, token) == 200
    # The same, said to come from another site's page: refused.
    assert _replay(page.request, base, token, Origin="https://evil.example") == 403

    # Only the tab token, no cookie: refused.
    stranger = browser.new_context(base_url=base)
    try:
        assert _replay(stranger.request, base, token) == 403
    finally:
        stranger.close()

    # Another officer's own live session, with the first officer's tab token.
    other = seed_user("canbo.tuyan2", "officer", UNIT, "Phan Văn Tú")
    with open_page(browser, base, request.node.name) as second:
        first_sign_in(second, "canbo.tuyan2", other.password, PASSWORD)
        heading = second.get_by_role("heading", name="Hồ sơ vi phạm hành chính")
        expect(heading).to_be_visible()
        assert _replay(second.request, base, token) == 403
        finish_page(second, request, "-second")

    # The refused requests left the officer's page as it was.
    expect(page.get_by_text(ATTACHED)).to_be_visible()

    # The session ends in another tab; a file picked in this one is refused
    # and the officer is told so, by an alert and at the box, and the image
    # attached before is no longer shown as attached (it read as if the new
    # one had been taken).
    other_tab = page.context.new_page()
    other_tab.goto("/phan-anh")
    other_tab.locator("#dang-xuat").click(timeout=30_000)
    other_tab.wait_for_url("**/dang-nhap")
    other_tab.close()
    told: list[str] = []
    page.once("dialog", lambda dialog: (told.append(dialog.message), dialog.dismiss()))
    with page.expect_response("**/_upload") as answer:
        page.locator(f"#{UPLOAD_ID} input[type=file]").set_input_files(
            files=[{"name": "anh2.png", "mimeType": "image/png", "buffer": _png()}]
        )
    assert answer.value.status == 403
    for _ in range(50):
        if told:
            break
        page.wait_for_timeout(100)
    assert told and told[0] == UPLOAD_REFUSED
    expect(page.locator("#loi-screenshot")).to_have_text(UPLOAD_REFUSED)
    expect(page.get_by_text(ATTACHED)).to_have_count(0)
    # The browser's own line about the refused request is expected here.
    page._xlvphc_errors[:] = [e for e in page._xlvphc_errors if "403" not in e]
