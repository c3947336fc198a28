"""The HttpOnly session cookie (security.md 2.7, D4, D5): the route that sets
and clears it, and the states that read it from the websocket handshake and
never hold or show it. The browser side is tests/e2e/test_session_cookie.py."""

import logging

import pytest
from starlette.testclient import TestClient

from tests.security.conftest import (
    _drive,
    call,
    new_state,
    run_coroutine,
    secret_in,
    state_text,
)
from tests.services.conftest import PASSWORD
from xlvphc import session_cookie
from xlvphc.services import accounts, auth
from xlvphc.services.errors import NotAuthenticated
from xlvphc.session_cookie import NAME, PATH, SECURE_NAME, read_secret
from xlvphc.settings import SETTINGS
from xlvphc.state.accounts import AccountsState
from xlvphc.state.login import LoginState
from xlvphc.state.session import SessionState

SITE = "http://testserver"


def _client(base_url: str = SITE) -> TestClient:
    return TestClient(session_cookie.routes(), base_url=base_url)


def _post(client: TestClient, body, **headers):
    headers.setdefault("content-type", "text/plain")
    return client.post(PATH, content=body, headers=headers)


def test_a_live_secret_gets_an_httponly_strict_cookie(people, caplog):
    secret = auth.login("canbo.a", PASSWORD).token
    with caplog.at_level(logging.INFO, logger="xlvphc.session_cookie"):
        answer = _post(_client(), secret, origin=SITE)
    assert answer.status_code == 204
    assert answer.headers["cache-control"] == "no-store"
    cookie = answer.headers["set-cookie"]
    parts = [p.strip() for p in cookie.split(";")]
    assert parts[0] == f"{NAME}={secret}"
    assert {"HttpOnly", "SameSite=Strict", "Path=/"} <= set(parts)
    assert f"Max-Age={SETTINGS.session_absolute_hours * 3600}" in parts
    assert "Secure" not in parts  # plain http (development, tests)
    # Who, never the secret.
    assert "session cookie set for user=" in caplog.text
    assert secret not in caplog.text


@pytest.mark.parametrize(
    ("base_url", "headers"),
    [
        ("https://testserver", {"origin": "https://testserver"}),
        # Behind nginx (docs/deploy.md): http to the backend, https outside.
        (SITE, {"x-forwarded-proto": "https", "origin": "https://testserver"}),
    ],
)
def test_over_https_the_cookie_is_secure_and_host_only(people, base_url, headers):
    secret = auth.login("canbo.a", PASSWORD).token
    answer = _post(_client(base_url), secret, **headers)
    assert answer.status_code == 204
    parts = [p.strip() for p in answer.headers["set-cookie"].split(";")]
    assert parts[0] == f"{SECURE_NAME}={secret}"
    assert {"HttpOnly", "SameSite=Strict", "Path=/", "Secure"} <= set(parts)
    assert not any(p.startswith("Domain") for p in parts)  # __Host- rules


def test_a_pending_password_change_still_gets_its_cookie(people):
    issued = accounts.reset_password(people["quantri"], people["canbo.b"].user_id)
    secret = auth.login("canbo.b", issued.password).token
    assert _post(_client(), secret, origin=SITE).status_code == 204


def test_unknown_revoked_and_malformed_secrets_get_no_cookie(people):
    client = _client()
    revoked = auth.login("canbo.a", PASSWORD).token
    auth.logout(revoked)
    refused = {
        "unknown": (_post(client, "x" * 43, origin=SITE), 403),
        "revoked": (_post(client, revoked, origin=SITE), 403),
        "empty": (_post(client, "", origin=SITE), 400),
        "oversize": (_post(client, "a" * 100_000, origin=SITE), 400),
        "not ascii": (_post(client, "ẩ".encode() * 20, origin=SITE), 400),
        "binary": (_post(client, b"\x00\xff" * 20, origin=SITE), 400),
        "odd chars": (_post(client, "a;b=c " * 5, origin=SITE), 400),
        "json": (
            _post(client, '{"s": 1}', origin=SITE, **{"content-type": "application/json"}),
            400,
        ),
    }
    for what, (answer, status) in refused.items():
        assert answer.status_code == status, what
        assert "set-cookie" not in answer.headers, what
    assert client.get(PATH).status_code in (404, 405)


def test_another_sites_page_cannot_set_or_clear_the_cookie(people):
    """Login CSRF: a foreign page posting its own account's secret."""
    secret = auth.login("canbo.a", PASSWORD).token
    client = _client()
    for headers in (
        {"origin": "https://evil.example"},
        {"origin": "http://testserver.evil.example"},
        {"origin": "null"},
        {"referer": "https://evil.example/trap"},
    ):
        answer = _post(client, secret, **headers)
        assert answer.status_code == 403, headers
        assert "set-cookie" not in answer.headers
    answer = client.delete(
        PATH, headers={"origin": "https://evil.example", "cookie": f"{NAME}={secret}"}
    )
    assert answer.status_code == 403 and "set-cookie" not in answer.headers
    auth.resolve(secret)  # still live
    # Our own page (Referer only, as some browsers send) is fine.
    assert _post(client, secret, referer=f"{SITE}/dang-nhap").status_code == 204


def test_delete_ends_the_session_and_clears_the_cookie(people):
    secret = auth.login("canbo.a", PASSWORD).token
    answer = _client().delete(
        PATH, headers={"origin": SITE, "cookie": f"{NAME}={secret}"}
    )
    assert answer.status_code == 204
    parts = [p.strip() for p in answer.headers["set-cookie"].split(";")]
    assert parts[0] == f"{NAME}=" and "Max-Age=0" in parts and "HttpOnly" in parts
    with pytest.raises(NotAuthenticated):
        auth.resolve(secret)


def test_read_secret_prefers_the_host_cookie_and_survives_odd_neighbours():
    good, other = "G" * 43, "P" * 43
    header = f'theme="a b"; x={{"j":1}}; {NAME}={other}; {SECURE_NAME}={good}'
    assert read_secret(header, https=False) == good
    assert read_secret(header, https=True) == good
    # Over https a plain cookie could have been planted: ignored.
    assert read_secret(f"{NAME}={other}", https=True) == ""
    assert read_secret(f"a=b c; {NAME}={other}", https=False) == other
    for bad in ("", f"{NAME}=short", f"{NAME}={'x' * 101}", f"{NAME}x={good}", None):
        assert read_secret(bad, https=False) == ""


def test_a_revoked_cookie_is_sent_to_the_login_page(people):
    secret = auth.login("quantri", PASSWORD).token
    state, _ = call(AccountsState, "open", secret)
    assert state.rows
    auth.logout(secret)
    state, results = call(AccountsState, "open", secret)
    assert "/dang-nhap" in repr(results) and not state.rows
    assert state.parent_state.message.startswith("Phiên làm việc đã kết thúc")


def test_login_hands_the_secret_to_the_cookie_script_and_keeps_no_copy(people):
    state, results = call(
        LoginState, "login", "", {"username": "canbo.a", "password": PASSWORD}
    )
    secret = secret_in(results)
    auth.resolve(secret)  # the live session just made
    script = repr(results)
    assert PATH in script and "credentials" in script and "include" in script
    assert "window.location.replace" in script  # a new handshake, with it
    # Nothing of the state holds it: a stolen Reflex token carries no login.
    assert secret not in state_text(state, [])
    assert not hasattr(SessionState, "token")
    assert all("session" not in name for name in SessionState.base_vars)


def test_the_state_never_shows_the_cookie_it_reads(people):
    """The secret arrives in the router headers; Reflex's own serialisation
    (what the browser receives) leaves the Cookie header out."""
    from reflex_base.utils import format

    secret = auth.login("quantri", PASSWORD).token
    assert new_state(AccountsState, secret)[1]._secret() == secret
    state, results = call(AccountsState, "open", secret)
    assert state.rows  # logged in through the cookie alone
    assert secret not in state_text(state, results)
    root = state
    while root.parent_state is not None:
        root = root.parent_state
    assert secret not in format.json_dumps(root.dict())
    assert secret not in format.json_dumps(root.get_delta())


def test_cookie_not_kept_tells_the_user(people):
    state, _ = call(SessionState, "cookie_not_kept", "", True)
    assert state.message == ""
    for answer in (False, None, "true", {"x": 1}):
        state, _ = call(SessionState, "cookie_not_kept", "", answer)
        assert "không lưu được phiên đăng nhập" in state.message


def test_the_app_serves_the_route():
    from xlvphc.xlvphc import app

    # The route app comes first; the upload guard (upload_guard.py) wraps it.
    routes = app.api_transformer[0].routes
    paths = {(r.path, tuple(sorted(r.methods))) for r in routes}
    assert (PATH, ("POST",)) in paths and (PATH, ("DELETE",)) in paths


def test_logout_clears_the_cookie_and_the_tab_is_not_told_it_timed_out(people):
    """The tab's socket keeps the cookie of its handshake after logout: it
    names an ended session, and the login page says nothing of a timeout."""
    secret = auth.login("quantri", PASSWORD).token
    _root, state = new_state(SessionState, secret)
    results = run_coroutine(_drive(SessionState.event_handlers["logout"].fn(state)))
    text = repr(results)
    assert PATH in text and "DELETE" in text and "/dang-nhap" in text
    with pytest.raises(NotAuthenticated):
        auth.resolve(secret)
    redirect = run_coroutine(
        _drive(SessionState.event_handlers["require_login"].fn(state))
    )
    assert "/dang-nhap" in repr(redirect) and state.message == ""
