"""POST /_upload bound to the browser's own session cookie (xlvphc/upload_guard.py).

Reflex's real upload endpoint and event processor run here in process, on a
memory state manager, behind the guard; the tab of officer A holds A's cookie
in its handshake headers, as after a websocket connect. The handler is the
real FeedbackState.attach: it reads the picked image and says it is
attached, which is how a test sees that it ran. Only a request carrying A's
own live cookie, from this site, reaches it.
"""

import struct
import zlib

import httpx
import pytest
from reflex.istate.data import RouterData
from reflex.istate.manager.memory import StateManagerMemory
from reflex.istate.manager.token import BaseStateToken
from reflex_base.event.processor.base_state_processor import (
    BaseStateEventProcessor,
)
from reflex_base.registry import RegistrationContext
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from tests.security.conftest import cookie_headers, run_coroutine
from xlvphc import session_cookie
from xlvphc.state.feedback import FeedbackState
from xlvphc.upload_guard import UploadGuard, upload_path

BASE = "http://testserver"
TAB = "tab-of-officer-a"
HANDLER = f"{FeedbackState.get_full_name()}.attach"
# Well formed, but the name of no session.
UNKNOWN = "x" * 43


def _png() -> bytes:
    """A 1x1 PNG, built here so the image check sees real magic bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def _cookie(secret: str) -> str:
    return f"other=a b; {session_cookie.NAME}={secret}"


async def _upload(handshake_secret: str, headers: dict[str, str], registry):
    """One upload to the tab whose handshake carried `handshake_secret`;
    returns the response and what the tab's feedback state says after."""
    # Reflex's handler registry, as the app attaches it to each request.
    RegistrationContext.set(registry)
    manager = StateManagerMemory()
    token = BaseStateToken(ident=TAB, cls=FeedbackState)
    async with manager.modify_state(token) as root:
        root.router = RouterData.from_router_data(
            {"headers": cookie_headers(handshake_secret)}
        )

    processor = BaseStateEventProcessor(middleware=None)
    processor.configure(state_manager=manager)
    passed: list[str] = []

    class _App:
        event_processor = processor

    from reflex._upload import upload

    reflex_upload = upload(_App())

    async def backend_upload(request):
        passed.append(request.url.path)
        return await reflex_upload(request)

    async def other(request):
        passed.append(request.url.path)
        return PlainTextResponse("other")

    backend = Starlette(
        routes=[
            Route(upload_path(), backend_upload, methods=["POST"]),
            Route("/other", other, methods=["POST"]),
        ]
    )
    guarded = UploadGuard(backend, state_manager=manager)
    transport = httpx.ASGITransport(app=guarded)
    client = httpx.AsyncClient(transport=transport, base_url=BASE)
    async with processor, client:
        response = await client.post(
            upload_path(),
            headers={
                "reflex-client-token": TAB,
                "reflex-event-handler": HANDLER,
                **headers,
            },
            files={"files": ("anh.png", _png(), "image/png")},
        )
        other_response = await client.post("/other", headers=headers)
    root = await manager.get_state(token)
    state = root.get_substate(FeedbackState.get_full_name().split(".")[1:])
    return response, state, passed, other_response


def run(handshake_secret: str, **headers: str):
    registry = RegistrationContext.get()
    return run_coroutine(_upload(handshake_secret, headers, registry))


def _refused(response, state, passed) -> None:
    assert response.status_code == 403
    assert response.headers["cache-control"] == "no-store"
    assert upload_path() not in passed  # Reflex's endpoint never reached
    assert state.attached == "" and state._shot == b""


def test_the_tabs_own_cookie_reaches_the_handler(world):
    secret = world.tokens["canbo.a"]
    response, state, passed, _ = run(secret, cookie=_cookie(secret), origin=BASE)
    assert response.status_code == 200
    assert passed == [upload_path(), "/other"]
    assert state.attached.startswith("Đã đính kèm ảnh PNG")
    assert state._shot == _png()


def test_without_a_cookie_the_upload_is_refused(world):
    response, state, passed, other = run(world.tokens["canbo.a"], origin=BASE)
    _refused(response, state, passed)
    # Only the upload route is guarded: another route passes as it was.
    assert other.status_code == 200 and passed == ["/other"]


def test_another_sessions_cookie_is_refused(world):
    # Officer B's own live session, with officer A's tab token.
    response, state, passed, _ = run(
        world.tokens["canbo.a"], cookie=_cookie(world.tokens["canbo.b"]), origin=BASE
    )
    _refused(response, state, passed)


def test_a_dead_session_is_refused_even_when_the_tab_holds_it():
    response, state, passed, _ = run(UNKNOWN, cookie=_cookie(UNKNOWN), origin=BASE)
    _refused(response, state, passed)


@pytest.mark.parametrize(
    "where",
    [{"origin": "https://evil.example"}, {"referer": "https://evil.example/x"}],
)
def test_another_sites_page_is_refused(world, where):
    secret = world.tokens["canbo.a"]
    response, state, passed, _ = run(secret, cookie=_cookie(secret), **where)
    _refused(response, state, passed)


def test_a_cookie_on_a_tab_without_one_is_refused(world):
    # The tab's handshake had no cookie (opened before the login): nothing
    # ties it to the session the request's cookie names.
    response, state, passed, _ = run(
        "", cookie=_cookie(world.tokens["canbo.a"]), origin=BASE
    )
    _refused(response, state, passed)


def test_the_app_wraps_its_backend_in_the_guard():
    from xlvphc.xlvphc import app

    assert app.api_transformer[-1] is UploadGuard
