"""A small province for hostile tests: two units with a case each, users of
every kind, their session secrets, and helpers that run a Reflex event
handler directly on a State instance (reflex-notes: possible under pytest).

`world` is built once per test session (reference data takes a few seconds);
the tests only read it, or check that nothing changed.
"""

import asyncio
import hashlib
import importlib
import inspect
import json
import pkgutil
import re
import threading
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
import reflex as rx
from reflex.istate.data import RouterData
from sqlalchemy import text
from sqlmodel import SQLModel, select

from tests.services.conftest import people, ref  # noqa: F401 - fixtures

PASSWORD = "Mat khau du dai 2026!"
# Data of unit A that nobody outside unit A may ever receive.
VIOLATOR_A = "Nguyễn Thị Hương Giang"
ID_NUMBER_A = "066188009876"
VIOLATOR_B = "Trần Văn Bảo"

def run_coroutine(coro):
    """asyncio.run in a thread of its own: Playwright's sync API (browser
    tests in the same session) keeps an event loop running in this one."""
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target)
    worker.start()
    worker.join()
    if "error" in box:
        raise box["error"]
    return box["value"]



@dataclass
class World:
    units: dict[str, int]
    users: dict[str, int]
    tokens: dict[str, str]
    cases: dict[str, int]
    markers_a: tuple[str, ...] = (VIOLATOR_A, ID_NUMBER_A)
    secrets: list[str] = field(default_factory=list)


def all_states() -> list[type[rx.State]]:
    """Every State class of the app, found by importing each module of
    xlvphc/state and walking Reflex's own registry of substates."""
    from xlvphc import state

    for module in pkgutil.iter_modules(state.__path__):
        importlib.import_module(f"{state.__name__}.{module.name}")
    found, stack = [], [rx.State]
    while stack:
        cls = stack.pop()
        for sub in cls.get_substates():
            stack.append(sub)
            if sub.__module__.startswith("xlvphc."):
                found.append(sub)
    return sorted(found, key=lambda c: c.get_full_name())


def cookie_headers(token: str) -> dict[str, str]:
    """The handshake headers of a browser holding the session cookie `token`
    (none if empty), as Reflex hands them to the state."""
    from xlvphc.session_cookie import NAME

    return {"cookie": f"other=a b; {NAME}={token}"} if token else {}


def new_state(cls: type[rx.State], token: str = ""):
    """A fresh root state with `cls` ready, logged in with `token`: the
    browser's cookie arrives in the router headers, as with a websocket."""
    root = rx.State(_reflex_internal_init=True)
    root.router = RouterData.from_router_data({"headers": cookie_headers(token)})
    path = cls.get_full_name().split(".")[1:]
    return root, root.get_substate(path)


def at_page(root, path: str, query: dict | None = None) -> None:
    """Put a state on a page, as the browser's event says it (the handlers
    read the address); the cookie of the handshake stays."""
    query = query or {}
    root.router = RouterData.from_router_data({
        "pathname": path,
        "query": query,
        "asPath": f"{path}?{urlencode(query)}",
        "headers": dict(root.router.headers.raw_headers),
    })


async def _drive(result) -> list:
    """Run whatever a handler returned (value, coroutine, generator)."""
    out = []
    if inspect.isasyncgen(result):
        async for item in result:
            out.append(item)
    elif inspect.iscoroutine(result):
        out.append(await result)
    elif inspect.isgenerator(result):
        out.extend(result)
    else:
        out.append(result)
    return out


def call(cls: type[rx.State], handler: str, token: str, *args):
    """Run one handler on a fresh state; returns (the state, results)."""
    _root, state = new_state(cls, token)
    fn = cls.event_handlers[handler].fn
    results = run_coroutine(_drive(fn(state, *args)))
    return state, results


def secret_in(results) -> str:
    """The session secret a login handler handed to the browser's cookie
    script (state/session.py `keep_cookie_script`), or ""."""
    found = re.search(r'body: \\*"([A-Za-z0-9_-]{20,100})', repr(results))
    return found.group(1) if found else ""


def _as_sent(value):
    """The router headers as Reflex serialises them for the browser (without
    the Cookie header); any other value as text."""
    from reflex.istate.data import HeaderData
    from reflex_base.utils.serializers import serialize

    return serialize(value) if isinstance(value, HeaderData) else str(value)


def state_text(state, results) -> str:
    """What the browser would receive: every var (base and computed) of the
    handler's state and of its parents, and the events the handler returned
    (downloads carry their data). Sibling states are left out: serialising
    the plotly figures of every page costs a second per call."""
    values = {}
    node = state
    while node is not None:
        names = [*node.base_vars, *node.computed_vars]
        values[node.get_full_name()] = {n: getattr(node, n) for n in names}
        node = node.parent_state
    return json.dumps(values, default=_as_sent, ensure_ascii=False) + repr(results)


def table_checksum(engine) -> str:
    """Rows of every table but the append-only ones (audit, sessions)."""
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in sorted(SQLModel.metadata.tables):
            if table in {"auditevent", "usersession"}:
                continue
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
            digest.update(repr(sorted(map(repr, rows))).encode())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def world(tmp_path_factory) -> World:
    from tests.services.conftest import case_form
    from xlvphc.models import Unit, User
    from xlvphc.services import auth, cases, reference
    from xlvphc.services import db as dbmod
    from xlvphc.services.access import Actor, parse_roles, unit_scope
    from xlvphc.services.db import session_scope
    from xlvphc.services.passwords import hash_password

    engine = dbmod.make_engine(
        f"sqlite:///{tmp_path_factory.mktemp('security') / 'world.db'}"
    )
    SQLModel.metadata.create_all(engine)
    previous = dbmod._engine
    dbmod.use_engine(engine)
    with session_scope() as session:
        reference.load_units(session)
        reference.load_catalogue(session)
        ids = {u.code: u.id for u in session.exec(select(Unit)).all()}
    accounts_made = {
        "canbo.a": ("UBND-22015", "officer"),
        "canbo.b": ("UBND-22045", "officer"),
        "qtdv.b": ("UBND-22045", "unit_admin"),
        "lanhdao": ("SO-TU-PHAP", "viewer"),
        "khongquyen": ("UBND-22045", ""),
        "quantri": ("SO-TU-PHAP", "admin"),
    }
    users = {}
    with session_scope() as session:
        for name, (unit, roles) in accounts_made.items():
            user = User(
                username=name,
                full_name=f"Người {name}",
                unit_id=ids[unit],
                roles=roles,
                password_hash=hash_password(PASSWORD),
                must_change_password=False,
            )
            session.add(user)
            session.flush()
            users[name] = user.id
    tokens = {name: auth.login(name, PASSWORD).token for name in accounts_made}
    with session_scope() as session:

        def actor(name):
            user = session.get(User, users[name])
            return Actor(
                user.id,
                user.username,
                user.full_name,
                "",
                user.unit_id,
                "",
                parse_roles(user.roles),
                unit_scope(session, user.unit_id),
            )

        officer_a, officer_b = actor("canbo.a"), actor("canbo.b")
    case_a = cases.create_case(
        officer_a, case_form(name=VIOLATOR_A, id_number=ID_NUMBER_A)
    )
    case_b = cases.create_case(
        officer_b, case_form(name=VIOLATOR_B, id_number="066090005555")
    )
    with session_scope() as session:
        hashes = [u.password_hash for u in session.exec(select(User)).all()]
    try:
        yield World(
            units={"a": ids["UBND-22015"], "b": ids["UBND-22045"]},
            users=users,
            tokens=tokens,
            cases={"a": case_a, "b": case_b},
            secrets=hashes,
        )
    finally:
        dbmod._engine = previous
        engine.dispose()
