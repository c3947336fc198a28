"""Interactive latency: many simulated browsers on the real app and on a bare
Reflex page, p50/p95 per event, and backend memory per connected client.

Run from the repository root (a database filled by bench/generate.py):

    .venv/bin/python bench/bench_events.py --db-url sqlite:///var/bench.db
    .venv/bin/python bench/bench_events.py \
        --db-url postgresql+psycopg://postgres@127.0.0.1:5432/xlvphc_bench \
        --redis redis://127.0.0.1:6379/5 --workers 4

Each simulated browser is a python-socketio AsyncClient speaking Reflex
0.10.1's event protocol exactly as the compiled frontend does (frames captured
from Chromium with Playwright): it connects to `/_event/?token=<uuid>` with the
page's `hydrate_and_load` event in the socket.io CONNECT payload, emits
"event" messages `{"name": "<state path>.<handler>", "payload": {...},
"router_data": {"pathname", "asPath", "query"}}`, and for an in-app link sends
`update_vars_internal` then `on_load_internal`, as the router does. The app's
login answers with a script that posts the session secret to
`/_xlvphc/session` (an HttpOnly cookie) and loads the page afresh: the
simulated browser posts it the same way and connects again with the Cookie
header, and the login is timed until that new page is hydrated. (The bare
app keeps its session in an `rx.Cookie` var sent with the events.) An event
is complete when the update the page waits for arrives: the session secret
for login, `is_hydrated: true` for a page load, the `rows` delta for a search
(or an error toast, counted as an error).

Flow per browser: open the login page, log in (each browser its own officer
account; logins are staggered and measured apart: bcrypt is slow on purpose),
wait for all, then `--rounds` times: open the case list, search a name typed
without diacritics, open a case from the result; with a think time between
actions. The bare app (bench/bare_app) does the same events with no database.

Memory: resident size of the backend processes before the browsers connect,
after they are all connected and logged in, and after `--idle` more browsers
opened only the login page (memory per idle tab). With Redis, the size of the
per-client states stored there is printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import socketio

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from appserver import running_app  # noqa: E402
from generate import BENCH_PASSWORD  # noqa: E402

ROOT_STATE = "reflex___state____state"
# The events of the load phase (after the logins).
PAGE_EVENTS = ("case list page", "search", "open case")
NAMESPACE = "/_event"
SEARCH_NAMES = [
    "nguyen van an",
    "tran thi",
    "le van cuong",
    "pham thi huong",
    "hoang minh",
    "nguyen thi lan",
    "vo van",
    "dang quoc",
    "bui thi",
    "y bhim",
    "ksor",
    "nguyen duc",
    "tran van hung",
    "le thi mai",
]


@dataclass
class Target:
    """Where the events of one app go: state paths, routes, payloads."""

    name: str
    login_path: str
    login_event: str
    list_path: str
    search_event: str
    detail_path: str
    token_state: str  # state holding the session cookie var (bare app)
    token_var: str
    search_form_keys: tuple = ("q",)
    # The session secret goes to this HTTP route, which sets an HttpOnly
    # cookie sent with the websocket handshake (the app), instead of an
    # rx.Cookie var sent with the events (the bare app).
    cookie_route: str = ""


APP = Target(
    name="xlvphc",
    login_path="/dang-nhap/",
    login_event=f"{ROOT_STATE}.xlvphc___state___session____session_state."
    "xlvphc___state___login____login_state.login",
    list_path="/ho-so/",
    search_event=f"{ROOT_STATE}.xlvphc___state___session____session_state."
    "xlvphc___state___cases____case_list_state.search",
    detail_path="/ho-so/chi-tiet",
    token_state=f"{ROOT_STATE}.xlvphc___state___session____session_state",
    token_var="",
    cookie_route="/_xlvphc/session",
    search_form_keys=(
        "q",
        "unit",
        "field",
        "status",
        "v_from",
        "v_to",
        "r_from",
        "r_to",
        "d_from",
        "d_to",
        "amount_min",
        "amount_max",
        "decree",
        "article",
    ),
)
BARE = Target(
    name="bare",
    login_path="/login/",
    login_event=f"{ROOT_STATE}.bare_app___bare_app____bare_state.login",
    list_path="/list/",
    search_event=f"{ROOT_STATE}.bare_app___bare_app____bare_state.search",
    detail_path="/detail",
    token_state=f"{ROOT_STATE}.bare_app___bare_app____bare_state",
    token_var="token_rx_state_",
)
# The same bare page reading the same rows with hand-written SQL (BARE_DB_URL).
BARE_SQL = Target(**{**BARE.__dict__, "name": "bare+sql"})


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    received_bytes: int = 0
    biggest_frame: int = 0

    def add(self, kind: str, ms: float | None) -> None:
        if ms is None:
            self.errors[kind] = self.errors.get(kind, 0) + 1
        else:
            self.times.setdefault(kind, []).append(ms)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def capture_boot(base: str, path: str) -> dict:
    """The hydrate payload extras a real browser sends on connect (the
    per-state hashes of its compiled initial state, so the backend sends only
    what differs, and the state schema), captured once from Chromium."""
    from playwright.sync_api import sync_playwright

    found: dict = {}

    def on_ws(ws) -> None:
        def sent(frame) -> None:
            if isinstance(frame, str) and frame.startswith("40/_event,") and not found:
                found.update(json.loads(frame[len("40/_event,") :]))

        ws.on("framesent", sent)

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
        )
        page = browser.new_page()
        page.on("websocket", on_ws)
        page.goto(base + path)
        deadline = time.monotonic() + 30
        while not found and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        browser.close()
    if not found:
        raise RuntimeError("no hydrate frame captured from Chromium")
    return {
        "hashes": found["event"]["payload"].get("hashes"),
        "state_schema": found.get("state_schema"),
    }


BOOT: dict = {}
# The secret in the app's login script (state/session.py keep_cookie_script).
SECRET_IN_SCRIPT = re.compile(r'body: "([A-Za-z0-9_-]{20,100})"')


class Browser:
    """One tab: a socket.io connection with its own Reflex client token."""

    def __init__(self, base: str, target: Target, stats: Stats, timeout: float):
        self.base, self.t, self.stats, self.timeout = base, target, stats, timeout
        self.token = str(uuid.uuid4())
        self.cookie = ""
        self.cookie_header = ""  # what the route set, sent on connect
        self.inbox: asyncio.Queue = asyncio.Queue()
        self._new_socket()
        self.case_ids: list[int] = []

    def _new_socket(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("event", self._on_event, namespace=NAMESPACE)

    async def _on_event(self, data) -> None:
        size = len(json.dumps(data, ensure_ascii=False))
        self.stats.received_bytes += size
        self.stats.biggest_frame = max(self.stats.biggest_frame, size)
        self.inbox.put_nowait(data)

    def _router(self, path: str, query: dict | None = None) -> dict:
        as_path = path + (
            "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
        )
        data = {"pathname": path, "asPath": as_path}
        if query:
            data["query"] = query
        return data

    def _cookie_vars(self) -> dict:
        return (
            {f"{self.t.token_state}.{self.t.token_var}": self.cookie}
            if self.cookie and not self.t.cookie_route
            else {}
        )

    def _why(self, reason: str) -> None:
        self.stats.reasons[reason] = self.stats.reasons.get(reason, 0) + 1

    def _drain(self) -> None:
        """Forget late updates of the previous action (e.g. an error toast
        after the rows), so they are not taken for this action's answer."""
        while not self.inbox.empty():
            self.inbox.get_nowait()

    async def _wait(self, done) -> bool:
        """Read updates until `done(update)` says the event is complete;
        False on an error toast or timeout."""
        deadline = time.perf_counter() + self.timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                self._why("timeout")
                return False
            try:
                data = await asyncio.wait_for(self.inbox.get(), left)
            except TimeoutError:
                self._why("timeout")
                return False
            if not isinstance(data, dict):
                continue
            for ev in data.get("events") or []:
                if ev.get("name") == "_call_function" and "error" in json.dumps(ev):
                    self._why("error toast")
                    return False
                if ev.get("name") == "_redirect" and self.t.login_path.rstrip(
                    "/"
                ) in json.dumps(ev):
                    self._why("sent to login")
                    return False
            delta = data.get("delta") or {}
            tok = delta.get(self.t.token_state, {}).get(self.t.token_var)
            if tok:
                self.cookie = tok
            for ev in data.get("events") or []:
                if self.t.cookie_route and ev.get("name") == "_call_script":
                    script = str((ev.get("payload") or {}).get("javascript_code"))
                    found = SECRET_IN_SCRIPT.search(script)
                    if found and self.t.cookie_route in script:
                        self.cookie = found.group(1)
            for state in delta.values():
                rows = state.get("rows_rx_state_")
                if rows:
                    self.case_ids = [r["id"] for r in rows if "id" in r]
            if done(data):
                return True

    @staticmethod
    def _hydrated(data) -> bool:
        return (
            data.get("delta", {}).get(ROOT_STATE, {}).get("is_hydrated_rx_state_")
            is True
        )

    async def connect(self, path: str) -> float | None:
        """Open a page: the hydrate event rides in the CONNECT packet."""
        payload: dict = {"vars": self._cookie_vars()} if self.cookie else {}
        if BOOT.get("hashes"):
            payload["hashes"] = BOOT["hashes"]
        boot = {
            "name": f"{ROOT_STATE}.hydrate_and_load",
            "payload": payload,
            "router_data": self._router(path),
        }
        auth: dict = {"event": boot}
        if BOOT.get("state_schema"):
            auth["state_schema"] = BOOT["state_schema"]
        start = time.perf_counter()
        await self.sio.connect(
            f"{self.base}?token={self.token}",
            socketio_path="/_event",
            transports=["websocket"],
            namespaces=[NAMESPACE],
            auth=auth,
            headers={"Cookie": self.cookie_header} if self.cookie_header else {},
            wait_timeout=self.timeout,
        )
        ok = await self._wait(self._hydrated)
        return (time.perf_counter() - start) * 1000 if ok else None

    async def emit(self, name: str, payload: dict, path: str, done) -> float | None:
        self._drain()
        start = time.perf_counter()
        await self.sio.emit(
            "event",
            {"name": name, "payload": payload, "router_data": self._router(path)},
            namespace=NAMESPACE,
        )
        ok = await self._wait(done)
        return (time.perf_counter() - start) * 1000 if ok else None

    async def navigate(self, path: str, query: dict | None = None) -> float | None:
        """An in-app link: cookie vars, then the page's on_load."""
        router = self._router(path, query)
        self._drain()
        start = time.perf_counter()
        await self.sio.emit(
            "event",
            {
                "name": f"{ROOT_STATE}.reflex___state____update_vars_internal_state."
                "update_vars_internal",
                "payload": {"vars": self._cookie_vars()},
                "router_data": router,
            },
            namespace=NAMESPACE,
        )
        await self.sio.emit(
            "event",
            {
                "name": f"{ROOT_STATE}.reflex___state____on_load_internal_state."
                "on_load_internal",
                "router_data": router,
            },
            namespace=NAMESPACE,
        )
        ok = await self._wait(self._hydrated)
        return (time.perf_counter() - start) * 1000 if ok else None

    async def login(self, username: str) -> float | None:
        form = {
            "__reflex_form_data__": [
                ["username", username],
                ["password", BENCH_PASSWORD],
            ]
        }
        had = self.cookie

        def done(data) -> bool:
            for ev in data.get("events") or []:
                if ev.get("name") in ("_redirect", "_call_script"):
                    return bool(self.cookie and self.cookie != had)
            return False

        start = time.perf_counter()
        ms = await self.emit(
            self.t.login_event, {"form": form}, self.t.login_path, done
        )
        if ms is None or not self.t.cookie_route:
            return ms
        # As the browser's script: the cookie, then the page loaded afresh.
        if not await self._keep_cookie():
            return None
        await self.close()
        self._new_socket()
        if await self.connect(self.t.list_path) is None:
            return None
        return (time.perf_counter() - start) * 1000

    async def _keep_cookie(self) -> bool:
        async with httpx.AsyncClient(base_url=self.base, timeout=self.timeout) as http:
            answer = await http.post(
                self.t.cookie_route,
                content=self.cookie,
                headers={"Content-Type": "text/plain", "Origin": self.base},
            )
        if answer.status_code != 204:
            self._why(f"cookie route {answer.status_code}")
            return False
        self.cookie_header = answer.headers["set-cookie"].split(";", 1)[0]
        return True

    async def search(self, text: str) -> float | None:
        pairs = [[k, text if k == "q" else ""] for k in self.t.search_form_keys]
        if self.t is APP:
            pairs.append(["overdue", False])
        form = {"__reflex_form_data__": pairs}

        def done(data) -> bool:
            return any(
                "rows_rx_state_" in s
                or "message_rx_state_" in s
                and s["message_rx_state_"]
                for s in (data.get("delta") or {}).values()
            )

        return await self.emit(
            self.t.search_event, {"form": form}, self.t.list_path, done
        )

    async def close(self) -> None:
        try:
            await self.sio.disconnect()
        except Exception:  # noqa: BLE001 - closing at the end of a bench
            pass


async def run_load(
    base: str,
    target: Target,
    users: list[str],
    rounds: int,
    think: float,
    ramp: float,
    timeout: float,
    app,
    idle: int,
    redis_url: str | None,
) -> tuple[Stats, dict]:
    stats = Stats()
    rnd = random.Random(7)
    browsers = [Browser(base, target, stats, timeout) for _ in users]
    logged_in = asyncio.Barrier(len(browsers) + 1)
    # Warm-up (first imports, caches, pools) by one browser per worker, so the
    # memory baseline is not charged to the first clients.
    warm = [Browser(base, target, Stats(), timeout) for _ in range(4)]
    for b in warm:
        await b.connect(target.login_path)
        await b.login(users[0])
        await b.navigate(target.list_path)
        await b.search("nguyen van an")
        if b.case_ids:
            await b.navigate(target.detail_path, {"id": str(b.case_ids[0])})
        await b.close()
    await asyncio.sleep(1)
    mem: dict = {"before": sum(app.backend_rss_kib().values())}

    async def one(i: int, b: Browser, user: str) -> None:
        await asyncio.sleep(ramp * i / len(browsers))
        try:
            stats.add("open login page", await b.connect(target.login_path))
            stats.add("login", await b.login(user))
        except Exception as exc:  # noqa: BLE001 - counted, the run goes on
            stats.add("login", None)
            print(f"  browser {i}: {type(exc).__name__}: {exc}", flush=True)
        await logged_in.wait()
        await asyncio.sleep(rnd.uniform(0, think))
        for _ in range(rounds):
            if not b.sio.connected:
                break
            stats.add("case list page", await b.navigate(target.list_path))
            await asyncio.sleep(rnd.uniform(0.5, 1.5) * think)
            stats.add("search", await b.search(rnd.choice(SEARCH_NAMES)))
            await asyncio.sleep(rnd.uniform(0.5, 1.5) * think)
            if b.case_ids:
                cid = rnd.choice(b.case_ids)
                stats.add(
                    "open case", await b.navigate(target.detail_path, {"id": str(cid)})
                )
            await asyncio.sleep(rnd.uniform(0.5, 1.5) * think)

    tasks = [
        asyncio.create_task(one(i, b, u))
        for i, (b, u) in enumerate(zip(browsers, users, strict=True))
    ]
    await logged_in.wait()
    await asyncio.sleep(1)
    mem["logged_in"] = sum(app.backend_rss_kib().values())
    started = time.perf_counter()
    cpu = (cpu_seconds(app.pids()), cpu_seconds(database_pids()))
    await asyncio.gather(*tasks)
    mem["load_seconds"] = time.perf_counter() - started
    mem["cpu_backend"] = cpu_seconds(app.pids()) - cpu[0]
    mem["cpu_database"] = cpu_seconds(database_pids()) - cpu[1]
    await asyncio.sleep(2)
    mem["after_flow"] = sum(app.backend_rss_kib().values())
    if redis_url:
        mem["redis_states"] = redis_state_sizes(redis_url)
    # Idle tabs: open the login page and stay.
    idlers = [Browser(base, target, stats, timeout) for _ in range(idle)]
    for k in range(0, idle, 25):
        for ms in await asyncio.gather(
            *(b.connect(target.login_path) for b in idlers[k : k + 25])
        ):
            stats.add("idle tab opens", ms)
    await asyncio.sleep(2)
    mem["idle_connected"] = sum(1 for b in idlers if b.sio.connected)
    mem["after_idle"] = sum(app.backend_rss_kib().values())
    mem["processes"] = len(app.backend_rss_kib())
    await asyncio.gather(*(b.close() for b in browsers + idlers))
    return stats, mem


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time these processes have used (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def database_pids() -> list[int]:
    """The local PostgreSQL server's processes (none for SQLite, which runs
    inside the backend), so that its CPU per event is counted too."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def redis_state_sizes(url: str) -> dict:
    """Bytes of the per-client state Reflex keeps in Redis (pickled states)."""
    import redis

    client = redis.Redis.from_url(url)
    sizes: dict[str, int] = {}
    by_state: dict[str, int] = {}
    for key in client.scan_iter(count=1000):
        kind = client.type(key)
        if kind != b"string":
            continue
        name = key.decode(errors="replace")
        token, _, state = name.partition("_")
        size = client.strlen(key) or 0
        sizes[token] = sizes.get(token, 0) + size
        short = state.rsplit(".", 1)[-1]
        by_state[short] = max(by_state.get(short, 0), size)
    values = sorted(sizes.values())
    biggest = sorted(by_state.items(), key=lambda kv: -kv[1])[:3]
    return {
        "clients": len(values),
        "median": pct(values, 0.5),
        "max": values[-1] if values else 0,
        "biggest": biggest,
    }


def users_from_db(db_url: str, n: int) -> list[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    with engine.connect() as conn:
        names = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT username FROM \"user\" WHERE username LIKE 'bench.%' "
                    "AND username <> 'bench.giamsat' ORDER BY username"
                )
            )
        ]
    engine.dispose()
    if len(names) < n:
        names = names * (n // max(1, len(names)) + 1)
    return names[:n]


def report(target: str, stats: Stats, mem: dict, clients: int, idle: int) -> dict:
    print(
        f"\n{target}: {clients} browsers, load phase "
        f"{mem['load_seconds']:.0f} s, {mem['processes']} backend processes"
    )
    print(f"  {'event':<18}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'err':>5}")
    out = {}
    for kind in (
        "open login page",
        "login",
        "case list page",
        "search",
        "open case",
        "idle tab opens",
    ):
        vals = stats.times.get(kind, [])
        p50, p95 = pct(vals, 0.5), pct(vals, 0.95)
        out[kind] = (p50, p95)
        print(
            f"  {kind:<18}{len(vals):>6}{p50:9.0f}{p95:9.0f}"
            f"{max(vals) if vals else float('nan'):9.0f}"
            f"{stats.errors.get(kind, 0):>5}"
        )
    events = sum(len(stats.times.get(k, [])) for k in PAGE_EVENTS)
    print(
        f"  CPU in the load phase: backend {mem['cpu_backend']:.1f} s, PostgreSQL "
        f"{mem['cpu_database']:.1f} s for {events} page events -> "
        f"{1000 * (mem['cpu_backend'] + mem['cpu_database']) / max(1, events):.1f} "
        "ms of CPU per event"
    )
    per_client = (mem["logged_in"] - mem["before"]) / max(1, clients)
    per_idle = (mem["after_idle"] - mem["after_flow"]) / max(1, idle)
    print(
        f"  backend RSS: before {mem['before'] / 1024:.0f} MiB, logged in "
        f"{mem['logged_in'] / 1024:.0f} MiB, after flow "
        f"{mem['after_flow'] / 1024:.0f} MiB, +{mem['idle_connected']} idle tabs "
        f"{mem['after_idle'] / 1024:.0f} MiB"
    )
    print(
        f"  per logged-in client {per_client:.0f} KiB; per idle tab "
        f"{per_idle:.0f} KiB -> 1,000 idle tabs ~ {per_idle * 1000 / 1024:.0f} MiB"
    )
    print(
        f"  biggest update frame {stats.biggest_frame / 1024:.1f} KiB; "
        f"failures by reason: {stats.reasons or 'none'}"
    )
    if "redis_states" in mem:
        r = mem["redis_states"]
        print(
            f"  Redis: {r['clients']} client states, median "
            f"{r['median'] / 1024:.1f} KiB, max {r['max'] / 1024:.1f} KiB; "
            f"largest substates {r['biggest']}"
        )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db-url", required=True)
    parser.add_argument(
        "--redis", default=None, help="redis://127.0.0.1:6379/<n>: several workers"
    )
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--think",
        type=float,
        default=2.0,
        help="mean seconds between a browser's actions",
    )
    parser.add_argument(
        "--ramp",
        type=float,
        default=20.0,
        help="seconds over which browsers arrive and log in",
    )
    parser.add_argument("--idle", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument(
        "--only",
        choices=["app", "bare", "bare+sql"],
        action="append",
        help="run only these targets (repeatable); default: all three",
    )
    parser.add_argument("--work", default="/tmp/xlvphc_bench")
    args = parser.parse_args(argv)

    users = users_from_db(args.db_url, args.clients)
    results = {}
    wanted = {"app": "xlvphc"}
    only = {wanted.get(o, o) for o in args.only or []}
    bare_dir = BENCH / "bare_app"
    targets = ((BARE, bare_dir), (BARE_SQL, bare_dir), (APP, ROOT))
    for target, app_dir in targets:
        if only and target.name not in only:
            continue
        if args.redis:
            import redis

            redis.Redis.from_url(args.redis).flushdb()
        mode = "redis" if args.redis else "one"
        work = Path(args.work) / f"{target.name.replace('+', '-')}-{mode}"
        with running_app(
            app_dir,
            work,
            db_url=args.db_url if target is APP else None,
            redis_url=args.redis,
            workers=args.workers,
            extra_env={"BARE_DB_URL": args.db_url} if target is BARE_SQL else None,
        ) as app:
            BOOT.clear()
            BOOT.update(capture_boot(app.base_url, target.login_path))
            stats, mem = asyncio.run(
                run_load(
                    app.base_url,
                    target,
                    users,
                    args.rounds,
                    args.think,
                    args.ramp,
                    args.timeout,
                    app,
                    args.idle,
                    args.redis,
                )
            )
            results[target.name] = report(
                target.name, stats, mem, args.clients, args.idle
            )
    for floor in ("bare", "bare+sql"):
        if "xlvphc" not in results or floor not in results:
            continue
        print(f"\nratio app / {floor} (target: p95 <= 2x)")
        for kind in ("case list page", "search", "open case"):
            a, b = results["xlvphc"][kind], results[floor][kind]
            ratio = a[1] / b[1] if b[1] else float("nan")
            print(
                f"  {kind:<18} p50 {a[0] / b[0]:6.1f}x  p95 {ratio:6.1f}x  "
                f"{'ok' if ratio <= 2 else 'MISS'}"
            )


if __name__ == "__main__":
    main()
