"""Crafted Socket.IO events against the running app (security.md §5, A1, A7,
B2, B5; issue 5: "prove it over the real websocket for a sample of
handlers").

A python-socketio client connects to /_event as the browser does, logs in
through the normal login handler, then sends events the UI would never send:
unit A's case id in the router data, unit A's ids as handler arguments, admin
handlers from an officer, setvar on identity vars, malformed payloads. Every
state delta received is kept and scanned for unit A's data, password hashes
and another user's session secret.
"""

import asyncio
import json
import uuid
from urllib.parse import urlencode

import pytest

from tests.security.conftest import (
    ID_NUMBER_A,
    PASSWORD,
    VIOLATOR_A,
    run_coroutine,
    secret_in,
)

socketio = pytest.importorskip("socketio")
pytestmark = pytest.mark.e2e

NAMESPACE = "/_event"  # Reflex's Socket.IO path and namespace
ROOT = "reflex___state____state"
SESSION = f"{ROOT}.xlvphc___state___session____session_state"


def _state(module: str, cls: str) -> str:
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in cls).lstrip("_")
    return f"{SESSION}.xlvphc___state___{module}____{snake}"


LOGIN = _state("login", "LoginState")
CASES = _state("cases", "CaseListState")
DETAIL = _state("cases", "CaseDetailState")
ACCOUNTS = _state("accounts", "AccountsState")
UNITS = _state("units", "UnitsState")
AUDIT = _state("audit", "AuditState")


class Client:
    """One browser tab, speaking Reflex's wire format."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.sio = socketio.AsyncClient(reconnection=False)
        self.frames: list[dict] = []
        self._final = asyncio.Event()
        self.sio.on("event", self._on_event, namespace=NAMESPACE)

    async def _on_event(self, data) -> None:
        self.frames.append(data)
        if isinstance(data, dict) and data.get("final", True):
            self._final.set()

    async def connect(self, cookie: str = "") -> None:
        headers = {"Origin": self.base_url}
        if cookie:
            headers["Cookie"] = cookie
        await self.sio.connect(
            f"{self.base_url}?token={uuid.uuid4()}",
            socketio_path=NAMESPACE,
            namespaces=[NAMESPACE],
            transports=["websocket"],
            headers=headers,
        )

    async def log_in(self, username: str) -> None:
        """As the browser does: the login handler hands the secret to a
        script, the script posts it to the cookie route, and the page loads
        afresh; its new websocket handshake carries the HttpOnly cookie."""
        import httpx

        await self.send(
            f"{LOGIN}.login",
            {"form": {"username": username, "password": PASSWORD}},
            path="/dang-nhap",
        )
        # bcrypt runs in a thread: the script may follow a first frame.
        await self.wait_for_text("/_xlvphc/session")
        async with httpx.AsyncClient(base_url=self.base_url) as http:
            answer = await http.post(
                "/_xlvphc/session",
                content=secret_in(self.frames),
                headers={"Content-Type": "text/plain", "Origin": self.base_url},
            )
        assert answer.status_code == 204, answer.text
        cookie = answer.headers["set-cookie"].split(";")[0]
        await self.sio.disconnect()
        await self.connect(cookie)

    async def send(
        self, name: str, payload=None, path="/", query=None, wait: float = 10.0
    ) -> None:
        self._final.clear()
        await self.sio.emit(
            "event",
            {
                "name": name,
                "payload": payload if payload is not None else {},
                "router_data": {
                    "pathname": path,
                    "query": query or {},
                    "asPath": f"{path}?{urlencode(query or {})}",
                },
            },
            namespace=NAMESPACE,
        )
        try:
            await asyncio.wait_for(self._final.wait(), wait)
        except TimeoutError:
            pass  # a refused or malformed event may get no answer at all

    def text(self) -> str:
        return json.dumps(self.frames, ensure_ascii=False, default=str)

    async def wait_for_text(self, needle: str, wait: float = 10.0) -> None:
        """Until a received frame holds `needle`, or `wait` seconds pass (the
        caller's assertion then fails)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while needle not in self.text() and loop.time() < deadline:
            await asyncio.sleep(0.1)


def _seed(app_server) -> dict:
    """Two officers of two units, an admin, and a case of unit A."""
    from sqlmodel import select

    from tests.services.conftest import case_form
    from xlvphc.models import Unit, User
    from xlvphc.services import auth, cases
    from xlvphc.services.db import session_scope
    from xlvphc.services.passwords import hash_password

    suffix = uuid.uuid4().hex[:6]  # the test can run twice on one database
    names = {"a": f"ws.a.{suffix}", "b": f"ws.b.{suffix}"}
    with app_server.database():
        with session_scope() as session:
            units = {u.code: u.id for u in session.exec(select(Unit)).all()}
            ids = {}
            for name, code in ((names["a"], "UBND-22015"), (names["b"], "UBND-22045")):
                user = User(
                    username=name,
                    full_name=f"Người {name}",
                    unit_id=units[code],
                    roles="officer",
                    password_hash=hash_password(PASSWORD),
                    must_change_password=False,
                )
                session.add(user)
                session.flush()
                ids[name] = user.id
        token_a = auth.login(names["a"], PASSWORD).token
        case_a = cases.create_case(
            auth.resolve(token_a),
            case_form(name=VIOLATOR_A, id_number=ID_NUMBER_A),
        )
        with session_scope() as session:
            hashes = [u.password_hash for u in session.exec(select(User)).all()]
    return {
        "case_a": case_a,
        "unit_a": units["UBND-22015"],
        "token_a": token_a,
        "user_a": ids[names["a"]],
        "hashes": hashes,
        "names": names,
    }


async def _attack(client: Client, seeded: dict) -> None:
    case_a, unit_a, user_a = seeded["case_a"], seeded["unit_a"], seeded["user_a"]
    await client.send(
        f"{DETAIL}.open", path="/ho-so/chi-tiet", query={"id": str(case_a)}
    )
    await client.send(
        f"{DETAIL}.print_form",
        {"form": "mbb01"},
        path="/ho-so/chi-tiet",
        query={"id": str(case_a)},
    )
    # (The attacker's own filter text comes back in the state: search for a
    # part of A's violator name, and look for the whole name in the replies.)
    await client.send(
        f"{CASES}.search",
        {"form": {"q": "Hương", "unit_id": str(unit_a), "status": "%"}},
        path="/ho-so",
    )
    await client.send(f"{ACCOUNTS}.start_edit", {"user_id": user_a})
    await client.send(f"{ACCOUNTS}.reset_password", {"user_id": user_a})
    await client.send(f"{ACCOUNTS}.disable", {"user_id": str(user_a)})
    await client.send(
        f"{UNITS}.ask_merge", {"form": {"target_id": str(unit_a), "reason": "x" * 9}}
    )
    await client.send(f"{UNITS}.merge")
    await client.send(f"{AUDIT}.search", {"form": {"user": seeded["names"]["a"]}})
    await client.send(f"{AUDIT}.export")
    await client.send(
        f"{ACCOUNTS}.setvar", {"var_name": "token", "value": seeded["token_a"]}
    )
    await client.send(f"{ACCOUNTS}.open", {"unexpected": ["x"] * 1000})
    await client.send(
        f"{DETAIL}.open", path="/ho-so/chi-tiet", query={"id": "-1 OR 1=1"}
    )
    await client.send("no.such.state.handler", {"x": 1}, wait=2)
    await client.sio.emit("event", "not a dict", namespace=NAMESPACE)
    await client.sio.emit(
        "event", {"name": f"{DETAIL}.open", "payload": [1, 2]}, namespace=NAMESPACE
    )
    await asyncio.sleep(1)


def _assert_clean(text: str, seeded: dict, who: str) -> None:
    assert VIOLATOR_A not in text, f"unit A's violator reached {who}"
    assert ID_NUMBER_A not in text, f"unit A's identity number reached {who}"
    assert "$2b$" not in text and all(h not in text for h in seeded["hashes"]), (
        f"a password hash reached {who}"
    )
    assert seeded["token_a"] not in text.replace(
        f'"value": "{seeded["token_a"]}"', ""
    ), f"A's session secret reached {who}"


def test_crafted_events_over_the_websocket_leak_nothing(app_server):
    seeded = _seed(app_server)
    log_start = app_server.log_path.stat().st_size

    async def scenario():
        anonymous = Client(app_server.base_url)
        officer_b = Client(app_server.base_url)
        officer_a = Client(app_server.base_url)
        for client in (anonymous, officer_b, officer_a):
            await client.connect()
        try:
            await _attack(anonymous, seeded)

            names = seeded["names"]
            await officer_b.log_in(names["b"])
            await officer_b.send(f"{CASES}.open", path="/ho-so")
            await _attack(officer_b, seeded)

            # The oracle can fail: unit A's own officer does get the case.
            await officer_a.log_in(names["a"])
            await officer_a.send(
                f"{DETAIL}.open",
                path="/ho-so/chi-tiet",
                query={"id": str(seeded["case_a"])},
            )
            # The case is read in a thread: its delta may follow a later frame.
            await officer_a.wait_for_text(VIOLATOR_A)
        finally:
            for client in (anonymous, officer_b, officer_a):
                await client.sio.disconnect()
        return anonymous, officer_b, officer_a

    anonymous, officer_b, officer_a = run_coroutine(scenario())

    # Out of the way of the other tests on this app (dashboard totals).
    from xlvphc.services import auth, recycle_bin

    with app_server.database():
        actor_a = auth.resolve(auth.login(seeded["names"]["a"], PASSWORD).token)
        recycle_bin.delete_case(actor_a, seeded["case_a"], "Dữ liệu kiểm thử")

    assert anonymous.frames and officer_b.frames
    _assert_clean(anonymous.text(), seeded, "an anonymous client")
    _assert_clean(officer_b.text(), seeded, "unit B's officer")
    assert f"Người {seeded['names']['b']}" in officer_b.text()  # B did log in
    assert VIOLATOR_A in officer_a.text()

    # Nothing of unit A changed, and the refusals are in the server log.
    from xlvphc.models import User
    from xlvphc.services.db import session_scope

    with app_server.database():
        with session_scope() as session:
            user_a = session.get(User, seeded["user_a"])
            assert user_a.active and not user_a.must_change_password
    log = app_server.log_path.read_text(errors="replace")[log_start:]
    assert "refused" in log
