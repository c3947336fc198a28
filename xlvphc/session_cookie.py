"""The session cookie, HttpOnly (security.md 2.7, D5; ASVS 3.3.1-3.3.4).

Reflex writes its `rx.Cookie` vars from JavaScript, so a cookie it sets can
never be HttpOnly and any injected script could read a live session. The
secret therefore reaches the browser through this small HTTP route instead:

- `POST /_xlvphc/session` with the secret as the text body sets
  `xlvphc_session` (`__Host-xlvphc_session` over https, with `Secure`):
  HttpOnly, SameSite=Strict, Path=/, for the session's absolute lifetime;
  only for a secret that names a live session (one waiting for its password
  change counts), and only when the request comes from this site (a foreign
  page must not log a browser into an account of its choosing);
- `DELETE /_xlvphc/session` ends the session the browser's cookie names and
  clears the cookie (logout).

The browser sends the cookie with the websocket handshake; Reflex keeps the
handshake headers on the server (`router.headers.cookie` is never serialised
to the page), and `read_secret` takes it from there on every event. A file
upload is bound to the same cookie by xlvphc/upload_guard.py: Reflex's
`/_upload` names its tab by the client token alone.
"""

import asyncio
import logging
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from reflex.config import get_config
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from xlvphc.services import auth
from xlvphc.services.errors import NotAuthenticated
from xlvphc.settings import SETTINGS

log = logging.getLogger(__name__)

PATH = "/_xlvphc/session"
NAME = "xlvphc_session"
# Over https: only a cookie set by this very host, on Path=/, with Secure,
# can carry this name (no subdomain or plain-http page can plant one).
SECURE_NAME = "__Host-" + NAME

# `secrets.token_urlsafe(32)` is 43 characters; services/auth accepts 20-100.
_SECRET = re.compile(r"[A-Za-z0-9_-]{20,100}")
MAX_BODY = 200


def is_https(headers: Mapping[str, str]) -> bool:
    """Whether the browser reached us over https: directly, through a proxy
    that says so (X-Forwarded-Proto, docs/deploy.md), or as its Origin says.
    The route and `read_secret` decide alike, so the cookie they agree on
    always has the same name."""
    proto = headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return proto == "https" or headers.get("origin", "").startswith("https://")


def read_secret(cookie_header: str, https: bool) -> str:
    """The session secret in a Cookie header, or "".

    Parsed by hand: `http.cookies.SimpleCookie` stops at the first value it
    dislikes (a space, a quote), so a cookie that another application on the
    same host sets would silently log every user out. Over https only the
    `__Host-` cookie counts (a plain one could have been planted)."""
    if not isinstance(cookie_header, str) or not cookie_header:
        return ""
    names = (SECURE_NAME,) if https else (SECURE_NAME, NAME)
    found: dict[str, str] = {}
    for part in cookie_header.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep and key in names and key not in found:
            found[key] = value.strip().strip('"')
    for name in names:
        value = found.get(name, "")
        if _SECRET.fullmatch(value):
            return value
    return ""


def _own_origins(request: Request, https: bool) -> set[str]:
    """This site as a browser names it: the address the request was made to
    and, in development (frontend and backend on two ports), the frontend's
    configured address."""
    host = request.headers.get("host", "")
    origins = {f"{'https' if https else request.url.scheme}://{host}"}
    deploy = urlsplit(get_config().deploy_url or "")
    if deploy.scheme and deploy.netloc:
        origins.add(f"{deploy.scheme}://{deploy.netloc}")
    return origins


def foreign(request: Request, https: bool) -> bool:
    """A request another site's page made (login CSRF): its Origin, or if
    the browser sent none its Referer, is not this site."""
    own = _own_origins(request, https)
    origin = request.headers.get("origin")
    if origin is not None:
        return origin not in own
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.scheme and referer.netloc:
        return f"{referer.scheme}://{referer.netloc}" not in own
    return False


def _cookie(name: str, value: str, max_age: int, https: bool) -> str:
    secure = "; Secure" if https else ""
    return (
        f"{name}={value}; HttpOnly; SameSite=Strict; Path=/; "
        f"Max-Age={max_age}{secure}"
    )


def _response(status: int, cookies: list[str] = ()) -> Response:
    response = Response(status_code=status, headers={"Cache-Control": "no-store"})
    for cookie in cookies:
        response.headers.append("Set-Cookie", cookie)
    return response


async def _body(request: Request) -> str | None:
    """The posted secret, or None for anything but a short text body."""
    kind = request.headers.get("content-type", "text/plain").split(";")[0]
    if kind.strip().lower() != "text/plain":
        return None
    data = b""
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY:
            return None
    try:
        return data.decode("ascii").strip()
    except UnicodeDecodeError:
        return None


async def keep_session(request: Request) -> Response:
    """POST: set the cookie for a live session's secret (no secret in logs)."""
    https = is_https(request.headers)
    if foreign(request, https):
        log.warning("session cookie refused: request from another site")
        return _response(403)
    secret = await _body(request)
    if secret is None or not _SECRET.fullmatch(secret):
        log.info("session cookie refused: malformed body")
        return _response(400)
    try:
        actor = await asyncio.to_thread(
            auth.resolve, secret, allow_pending_change=True
        )
    except NotAuthenticated:
        log.info("session cookie refused: no live session")
        return _response(403)
    name = SECURE_NAME if https else NAME
    max_age = SETTINGS.session_absolute_hours * 3600
    log.info("session cookie set for user=%s", actor.user_id)
    return _response(204, [_cookie(name, secret, max_age, https)])


async def end_session(request: Request) -> Response:
    """DELETE: end the session the browser's cookie names, clear the cookie."""
    https = is_https(request.headers)
    if foreign(request, https):
        log.warning("session cookie not cleared: request from another site")
        return _response(403)
    secret = read_secret(request.headers.get("cookie", ""), https)
    if secret:
        await asyncio.to_thread(auth.logout, secret)
    names = (SECURE_NAME, NAME) if https else (NAME,)
    return _response(204, [_cookie(name, "", 0, https) for name in names])


def routes() -> Starlette:
    """The route as a Starlette app for `rx.App(api_transformer=...)`: Reflex
    mounts its own backend under it and adds its CORS middleware."""
    return Starlette(
        routes=[
            Route(PATH, keep_session, methods=["POST"]),
            Route(PATH, end_session, methods=["DELETE"]),
        ]
    )
