"""Uploads bound to the browser's own session cookie (security.md 2.3, 2.6).

Reflex's `POST /_upload` names its tab by the `reflex-client-token` header
alone and runs the upload handler with the router data that tab's websocket
handshake left in its state, so with that handshake's cookie. The client
token is no secret (the browser makes it with Math.random and it travels in
the websocket URL): whoever learnt it could run the bulk account import, the
Excel import or attach a screenshot as that tab's user, without ever holding
the HttpOnly session cookie.

`UploadGuard` wraps the backend (`rx.App(api_transformer=...)`) and lets a
`POST /_upload` reach Reflex only when
- it comes from this site (the session cookie route's Origin check);
- its own Cookie header carries a session secret that names a live session
  (not one waiting for its password change: the handlers refuse those too);
- that secret is the very one of the target tab's handshake, the one the
  handler will act with.
Anything else is answered 403 before Reflex reads the body or runs a
handler. Everything but `POST /_upload` (pages, `/_event`, the uploaded
files under `/_upload/...`) passes untouched.

The browser sends the cookie by itself: Reflex posts uploads with
XMLHttpRequest to the page's own origin in production (`reflex run --env
prod`, one port), and SameSite=Strict allows a request of the same site.
`reflex run` in development serves the backend on a port of its own: a
cross-origin request there, which XMLHttpRequest sends without cookies
unless asked; `credentials_script` (assets/upload_cookie.js) asks, for the
upload endpoint only (Reflex's CORS allows credentials).
"""

import asyncio
import hmac
import logging

import reflex as rx
from reflex.istate.manager import StateManager
from reflex.istate.manager.token import BaseStateToken
from reflex.state import BaseState
from reflex_base.config import get_config
from reflex_base.constants import Endpoint
from reflex_base.event.context import EventContext
from reflex_base.registry import RegistrationContext
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from xlvphc import session_cookie
from xlvphc.services import auth
from xlvphc.services.errors import ServiceError

log = logging.getLogger(__name__)


SCRIPT_SRC = "/upload_cookie.js"


def credentials_script() -> rx.Component:
    """For the app's head: uploads send the session cookie in development
    too, where the backend is another origin (see the module docstring)."""
    return rx.el.script(src=SCRIPT_SRC)


# What a page says when the guard refuses its upload; assets/upload_cookie.js
# alerts with the same words (tests/security/test_upload_guard.py).
UPLOAD_REFUSED = (
    "Không tải được tệp lên: phiên đăng nhập của trang này đã kết thúc hoặc "
    "trình duyệt đã đăng nhập bằng tài khoản khác. Tệp chưa được xử lý. Hãy tải "
    "lại trang (đăng nhập lại nếu được hỏi) rồi chọn tệp lần nữa."
)


def refusal_trigger(on_refused: rx.EventHandler) -> rx.Component:
    """A hidden button that assets/upload_cookie.js clicks when the guard
    answers an upload of the page with 403, so that the page's state runs
    `on_refused` and says so beside the upload. Reflex itself only logs the
    refused request to the console, and the page went on showing the
    previous file's result as if the new one had been processed (user
    trial)."""
    return rx.el.button(
        type="button",
        tab_index=-1,
        on_click=on_refused,
        display="none",
        custom_attrs={"data-upload-refused": "", "aria-hidden": "true"},
    )


def upload_path() -> str:
    """Where Reflex takes uploads (`/_upload`, behind any backend path)."""
    return get_config().prepend_backend_path(str(Endpoint.UPLOAD))


def tab_secret(state: BaseState) -> str:
    """The session secret of the tab's websocket handshake, read as
    SessionState._secret reads it for every event of that tab."""
    headers = state.router.headers
    return session_cookie.read_secret(
        headers.cookie, session_cookie.is_https(headers.raw_headers)
    )


def _live(secret: str) -> bool:
    """Whether the secret names a live session the handlers would accept."""
    try:
        auth.resolve(secret)
    except ServiceError:
        return False
    return True


class UploadGuard:
    """ASGI wrapper of the backend: refuses an upload its cookie does not
    bind to the target tab. `state_manager` is for tests; the app's own is
    taken from Reflex's event context, which Reflex sets for every request."""

    def __init__(self, app: ASGIApp, state_manager: StateManager | None = None):
        self.app = app
        self._state_manager = state_manager

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._is_upload(scope):
            await self.app(scope, receive, send)
            return

        refusal = await self._refusal(Request(scope))
        if refusal:
            log.warning("upload refused: %s", refusal)
            headers = {"Cache-Control": "no-store"}
            await Response(status_code=403, headers=headers)(scope, receive, send)
            return

        await self.app(scope, receive, send)

    @staticmethod
    def _is_upload(scope: Scope) -> bool:
        if scope["type"] != "http" or scope.get("method") != "POST":
            return False
        path = scope.get("path", "")
        root = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root) :]
        return path.rstrip("/") == upload_path()

    async def _refusal(self, request: Request) -> str:
        """Why the upload may not reach its handler (no secret, no token in
        the text), or "" when it may."""
        # Another site's page (it could not send our cookie with SameSite=
        # Strict anyway; this says so even for an old browser).
        https = session_cookie.is_https(request.headers)
        if session_cookie.foreign(request, https):
            return "request from another site"

        secret = session_cookie.read_secret(request.headers.get("cookie", ""), https)
        if not secret:
            return "no session cookie"

        # The tab and the state class Reflex would run the handler on.
        token = request.headers.get("reflex-client-token", "")
        name = request.headers.get("reflex-event-handler", "")
        registered = RegistrationContext.get().event_handlers.get(name)
        if not token or registered is None:
            return "no tab or no such handler"

        # Before the tab's state is touched: only a live session's holder
        # makes the server load a state for a token of its choosing.
        if not await asyncio.to_thread(_live, secret):
            return "the cookie names no live session"

        stored = await self._stored_secret(token, registered.states[0])
        if not stored or not hmac.compare_digest(stored, secret):
            return "the cookie names another session than the tab's"
        return ""

    async def _stored_secret(self, token: str, cls: type[BaseState]) -> str:
        """The secret of the tab's handshake. Read under the tab's lock: the
        disk manager, read without it, could load a second copy of a state an
        event is changing, and one of the two would be lost."""
        manager = self._state_manager or EventContext.get().state_manager
        async with manager.modify_state(BaseStateToken(ident=token, cls=cls)) as state:
            return tab_secret(state._get_root_state())
