"""The session every page state inherits: who is logged in, and a single way
to run a service call that turns service errors into what the page shows.

Every database call of a handler runs in a worker thread, never on the
asyncio event loop: a plain call there holds up every other browser served
by this worker until it returns (bench/RESULTS.md). That includes resolving
the session secret, which reads and writes the session row on each event.
tests/security/test_off_the_loop.py checks the state modules for it."""

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

import reflex as rx

from xlvphc import routes, session_cookie
from xlvphc.components import form_guard
from xlvphc.services import auth
from xlvphc.services.access import Action, Actor
from xlvphc.services.errors import (
    AccountDisabled,
    NotAuthenticated,
    PasswordChangeRequired,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)

log = logging.getLogger(__name__)

GENERIC_ERROR = "Đã có lỗi xảy ra. Vui lòng thử lại hoặc báo quản trị viên."


# Pages a login must not lead back to (it would loop or log out again).
_NO_RETURN = (routes.LOGIN, routes.CHANGE_PASSWORD, routes.HOME)


def safe_return(path: object) -> bool:
    """Only a path of this site, never another host ("//host", "/\\host",
    "https:"), nor the login pages themselves."""
    if not isinstance(path, str) or not path.startswith("/") or len(path) > 500:
        return False
    if path.startswith(("//", "/\\")) or any(ch in path for ch in "\r\n\\"):
        return False
    return path.split("?", 1)[0].rstrip("/") not in {
        r.rstrip("/") for r in _NO_RETURN
    }


COOKIE_NOT_KEPT = (
    "Trình duyệt không lưu được phiên đăng nhập. Vui lòng kiểm tra kết nối mạng "
    "và cho phép cookie cho trang này, rồi thử lại."
)

# Run in the browser, where state.js evaluates it: the backend's address, on
# the page's own port in production and on the backend's port in development.
# `getBackendURL()` without an argument starts from env.PING: the bundler of
# the production build renames state.js's `env`, so `env.UPLOAD` is not in
# scope there (Reflex's own rx.download works around the same by replacing
# the text). Without the function at all, the page's own origin.
_ROUTE_URL = (
    f"new URL({json.dumps(session_cookie.PATH)}, typeof getBackendURL === "
    "'function' ? getBackendURL() : window.location.origin)"
)


def keep_cookie_script(secret: str, target: str, pause_ms: int = 0) -> str:
    """Hand the new secret to the cookie route, then load `target` afresh:
    the websocket's new handshake carries the cookie. Resolves to false when
    the browser did not keep it. `pause_ms` leaves a toast time to be read
    before the page goes."""
    pause = (
        f"await new Promise((done) => setTimeout(done, {int(pause_ms)})); "
        if pause_ms > 0 else ""
    )
    return (
        "(async () => { try { const r = await fetch(" + _ROUTE_URL + ", "
        "{method: 'POST', credentials: 'include', "
        "headers: {'Content-Type': 'text/plain'}, body: "
        + json.dumps(secret) + "}); if (!r.ok) { return false; } } "
        "catch (e) { return false; } " + pause +
        "window.location.replace(" + json.dumps(target) + "); return true; })()"
    )


def end_cookie_script() -> str:
    """Clear the cookie through the route, which also ends the session it
    names (another tab may have logged in since this tab's handshake).
    `keepalive`: the request goes even if the page is left meanwhile."""
    return (
        "fetch(" + _ROUTE_URL + ", {method: 'DELETE', credentials: 'include', "
        "keepalive: true}).catch(() => null)"
    )


class SessionState(rx.State):
    """Who is logged in, as the page shows it. The session secret itself (our
    own random one, not Reflex's client token; the server keeps only its
    hash) is never a var: it lives in an HttpOnly cookie and is read from the
    websocket handshake on every event (`_secret`), so neither a script in
    the page nor someone holding this tab's Reflex token can take it."""

    user_name: str = ""
    user_unit: str = ""
    # The login name: keys the tab's form drafts (components/form_guard.py),
    # which must never open for another account, even one of the same name.
    user_login: str = ""
    # Actions the user's roles allow: the UI hides what the services refuse.
    permissions: list[str] = []
    errors: dict[str, str] = {}
    message: str = ""
    # The page this tab asked for before it was sent to log in: a shared link
    # to a case or a filtered list opens once the login is done.
    return_to: str = ""
    # Logged out in this tab: its socket still sends the (ended) cookie of
    # its handshake, which must not read as a session that timed out.
    _logged_out: bool = False

    def _to_login(self, ended: Exception | None = None):
        """Forget the user and send this tab to the login page, keeping the
        page it was on to come back to. A tab that had a session says why it
        is asked to log in again: `ended` is the refusal, which says when the
        account was locked (an officer was told to log in again and could
        not, user trial)."""
        if isinstance(ended, AccountDisabled):
            self.message = ended.message
        elif self._secret() and not self._logged_out:
            self.message = (
                "Phiên làm việc đã kết thúc (quá thời gian không thao tác hoặc "
                "đã đăng xuất ở nơi khác). Vui lòng đăng nhập lại."
            )
        self._forget_user()
        url = self.router.url
        here = (url.path or "") + (f"?{url.query}" if url.query else "")
        if safe_return(here):
            self.return_to = here
        return rx.redirect(routes.LOGIN)

    def _secret(self) -> str:
        """The session secret the browser sent with this tab's websocket
        handshake (router headers stay on the server: Reflex never sends the
        Cookie header to the page). Every handler reads it here."""
        headers = self.router.headers
        return session_cookie.read_secret(
            headers.cookie, session_cookie.is_https(headers.raw_headers)
        )

    def _keep_session(self, secret: str, target: str, pause_ms: int = 0):
        """After a login or the forced password change: the browser stores
        the new secret as an HttpOnly cookie, then loads `target` afresh. The
        secret passes through this event's answer only, never a var."""
        self._logged_out = False
        return rx.call_script(
            keep_cookie_script(secret, target, pause_ms),
            callback=SessionState.cookie_not_kept,
        )

    def _after_login(self, secret: str, pause_ms: int = 0):
        """Where a successful login (or the forced password change) leads."""
        target = self.return_to if safe_return(self.return_to) else routes.HOME
        self.return_to = ""
        return self._keep_session(secret, target, pause_ms)

    @rx.event
    def cookie_not_kept(self, kept: object):
        """The answer of the cookie script; only a refusal changes anything."""
        if kept is not True:
            log.warning("session cookie not kept by the browser")
            self.message = COOKIE_NOT_KEPT

    async def _actor_in_thread(self, allow_pending_change: bool = False) -> Actor:
        """The acting user behind the session secret, resolved off the loop."""
        return await asyncio.to_thread(
            auth.resolve, self._secret(), allow_pending_change=allow_pending_change
        )

    def _show_user(self, actor: Actor) -> None:
        """Assigned only when they differ: every assignment marks the session
        state changed and sends it to the browser again with each event."""
        shown = (actor.full_name, actor.unit_name, actor.permissions(),
                 actor.username)
        held = (self.user_name, self.user_unit, list(self.permissions),
                self.user_login)
        if held != shown:
            (self.user_name, self.user_unit, self.permissions,
             self.user_login) = shown

    def _forget_user(self) -> None:
        self.user_name = ""
        self.user_unit = ""
        self.user_login = ""
        self.permissions = []

    def _failure(self, exc: Exception, where: str):
        """Turn a failed service call into what the page shows; returns the
        redirect to follow, if any."""
        if isinstance(exc, PasswordChangeRequired):
            return rx.redirect(routes.CHANGE_PASSWORD)
        if isinstance(exc, NotAuthenticated):
            return self._to_login(exc)
        if isinstance(exc, ValidationFailed):
            self.errors = exc.errors
            self.message = exc.message
        elif isinstance(exc, PermissionDenied):
            # Every refusal is logged, whichever service raised it (ASVS 16.3.2).
            log.warning("refused %s.%s: %s", type(self).__name__, where,
                        type(exc).__name__)
            self.message = exc.message
        elif isinstance(exc, ServiceError):
            self.message = exc.message
        else:
            log.error("unexpected error in %s", where, exc_info=exc)
            self.message = GENERIC_ERROR
        return None

    async def _call_in_thread(
        self, fn: Callable[..., Any], *args: Any
    ) -> tuple[bool, Any]:
        """Run a service call with the acting user, in a worker thread: the
        session is resolved and `fn(actor, *args)` runs there, in one trip.
        Returns (ok, result); on failure result is the redirect to follow (or
        None) and `errors`/`message` say what went wrong."""
        # Cleared only when set: an assignment, even of the same value, marks
        # the session state changed and sends it with the event's answer.
        if self.errors:
            self.errors = {}
        if self.message:
            self.message = ""
        token = self._secret()
        resolved: list[Actor] = []

        def work() -> Any:
            actor = auth.resolve(token)
            resolved.append(actor)
            return fn(actor, *args)

        try:
            result = await asyncio.to_thread(work)
        except Exception as exc:  # noqa: BLE001 - every error is shown
            if resolved:
                self._show_user(resolved[0])
            return False, self._failure(exc, getattr(fn, "__name__", "?"))
        self._show_user(resolved[0])
        return True, result

    async def _login_or_redirect(self) -> tuple[Actor | None, Any]:
        """(the acting user, None) for a live session; otherwise (None, the
        redirect to the login or password-change page)."""
        try:
            actor = await self._actor_in_thread()
        except PasswordChangeRequired:
            return None, rx.redirect(routes.CHANGE_PASSWORD)
        except NotAuthenticated as exc:
            return None, self._to_login(exc)
        self._show_user(actor)
        return actor, None

    async def _check_login(self):
        """The redirect to follow when nobody is (fully) logged in, else None."""
        _actor, redirect = await self._login_or_redirect()
        return redirect

    @rx.event
    async def require_login(self):
        """on_load of every protected page: only redirects; the data itself is
        guarded by the services."""
        return await self._check_login()

    @rx.event
    async def go_home(self):
        """The start page depends on what the user does."""
        actor, redirect = await self._login_or_redirect()
        if actor is None:
            return redirect
        if actor.can(Action.CASE_WRITE):
            return rx.redirect(routes.CASES)
        if actor.can(Action.DASHBOARD_READ):
            return rx.redirect(routes.DASHBOARD)
        if actor.can(Action.ACCOUNT_MANAGE):
            return rx.redirect(routes.ACCOUNTS)
        return rx.redirect(routes.GUIDE)

    @rx.event
    async def logout(self):
        await asyncio.to_thread(auth.logout, self._secret())
        self._forget_user()
        self._logged_out = True
        # The tab's form drafts hold a violator's personal data. The cookie
        # is cleared by the route (HttpOnly: no script can). This tab's
        # socket still carries it from its handshake, but it names an ended
        # session: nothing is open to it; the next login loads afresh.
        return [
            form_guard.forget_drafts(),
            rx.call_script(end_cookie_script()),
            rx.redirect(routes.LOGIN),
        ]
