"""End-to-end harness: the real app in production mode, driven by Chromium.

Shared by tests/e2e and tests/security (registered once, in tests/conftest.py,
so one session builds the app once).

`app_server` (session) runs `python -m xlvphc.cli setup` and then
`reflex run --env prod` from the repo root on a free port, against a fresh
SQLite file, with its own .web build directory (so a running
`scripts/run.sh` is left alone). The server log is written to
test-artifacts/e2e-server-<port>.log (runs may overlap).

Fixtures: `app_server` (base_url, db_url, database()), `browser`, `page`
(fails the test on browser console errors), `wait_hydrated`, `seed_user`.

Set XLVPHC_E2E_START_TIMEOUT (seconds) to change how long the build and
start may take (seen here: about 12 s with bun's cache warm, 22 s cold).
"""

import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

REPO_ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO_ROOT / "test-artifacts"
START_TIMEOUT = float(os.environ.get("XLVPHC_E2E_START_TIMEOUT", "600"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class AppServer:
    base_url: str
    db_url: str
    log_path: Path
    pid: int = 0  # of `reflex run`, leader of the server's process group

    @contextmanager
    def database(self) -> Iterator[None]:
        """Point the services layer at the app's database for the block."""
        from xlvphc.services import db as dbmod

        engine = dbmod.make_engine(self.db_url)
        previous = dbmod._engine
        dbmod.use_engine(engine)
        try:
            yield
        finally:
            dbmod._engine = previous
            engine.dispose()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _stop(proc: subprocess.Popen) -> None:
    """End the whole process group: reflex, its server and its workers."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            # Workers may outlive the leader for a moment.
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue
        time.sleep(1)


def app_env(work: Path, db_url: str, **extra: str) -> dict[str, str]:
    """The environment of an app under test: its database, its own build and
    state folders under `work`, no telemetry, fast password hashing. Without
    REFLEX_REDIS_URL in `extra` it runs one backend worker, as with SQLite."""
    env = dict(os.environ)
    env.pop("REFLEX_REDIS_URL", None)
    env.pop("GRANIAN_WORKERS", None)
    env.pop("REFLEX_USE_NPM", None)
    env.update(
        REFLEX_DB_URL=db_url,
        XLVPHC_BCRYPT_ROUNDS="4",
        REFLEX_TELEMETRY_ENABLED="false",
        REFLEX_CHECK_LATEST_VERSION="0",
        REFLEX_USE_SYSTEM_BUN="1",
        REFLEX_WEB_WORKDIR=str(work / ".web"),
        REFLEX_STATES_WORKDIR=str(work / ".states"),
        PYTHONUNBUFFERED="1",
    )
    if not env.get("NPM_CONFIG_REGISTRY"):
        # The registry npm is configured with (Reflex would otherwise probe
        # mirrors this machine cannot reach).
        registry = subprocess.run(
            ["npm", "config", "get", "registry"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if registry:
            env["NPM_CONFIG_REGISTRY"] = registry
    env.update(extra)
    return env


@contextmanager
def running_app(
    env: dict[str, str], db_url: str, log_name: str = "e2e-server"
) -> Iterator[AppServer]:
    """`python -m xlvphc.cli setup`, then `reflex run --env prod` on a free
    port with `env` (see app_env) until the block ends; the whole process
    group is stopped then. The log goes to test-artifacts/<log_name>-<port>.log
    (one per run: runs overlap)."""
    setup = subprocess.run(
        [sys.executable, "-m", "xlvphc.cli", "setup"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if setup.returncode != 0:
        pytest.fail(f"xlvphc.cli setup failed:\n{setup.stdout}\n{setup.stderr}")

    port = _free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / f"{log_name}-{port}.log"
    command = [
        sys.executable,
        "-m",
        "reflex",
        "run",
        "--env",
        "prod",
        "--frontend-port",
        str(port),
        "--backend-host",
        "127.0.0.1",
    ]
    base_url = f"http://localhost:{port}"
    started = time.monotonic()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        while not (_answers(f"{base_url}/ping") and _answers(base_url)):
            if proc.poll() is not None:
                pytest.fail(
                    f"reflex run exited with {proc.returncode}:\n{_tail(log_path)}"
                )
            if time.monotonic() - started > START_TIMEOUT:
                pytest.fail(
                    f"app not up after {START_TIMEOUT:.0f} s:\n{_tail(log_path)}"
                )
            time.sleep(1)
        print(
            f"\n{log_name}: app up at {base_url} in {time.monotonic() - started:.0f} s"
        )
        yield AppServer(
            base_url=base_url, db_url=db_url, log_path=log_path, pid=proc.pid
        )
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    work = tmp_path_factory.mktemp("e2e-app")
    db_url = f"sqlite:///{work / 'e2e.db'}"
    with running_app(app_env(work, db_url), db_url) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


class _Hydration:
    """Listens to Reflex's websocket for the frame that ends hydration. A new
    document (goto, reload, full navigation) clears the flag."""

    MARK = '"is_hydrated_rx_state_":true'

    def __init__(self, page) -> None:
        self.hydrated = False
        self._page = page
        page.on("websocket", self._on_websocket)
        page.on("request", self._on_request)

    def _on_websocket(self, ws) -> None:
        if "/_event" in ws.url:
            ws.on("framereceived", self._on_frame)

    def _on_frame(self, payload) -> None:
        if isinstance(payload, str) and self.MARK in payload:
            self.hydrated = True

    def _on_request(self, request) -> None:
        if request.is_navigation_request() and request.frame == self._page.main_frame:
            self.hydrated = False


def _wait_hydrated(page, timeout: float = 30.0) -> None:
    tracker: _Hydration = page._xlvphc_hydration
    deadline = time.monotonic() + timeout
    while not tracker.hydrated:
        if time.monotonic() > deadline:
            raise AssertionError(f"page not hydrated after {timeout} s: {page.url}")
        page.wait_for_timeout(50)  # lets Playwright deliver its events
    page.wait_for_load_state("networkidle", timeout=timeout * 1000)


def downloaded_pdf_text(download) -> str:
    """The text of a PDF the browser downloaded (fails if it is not a PDF)."""
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def sign_in(page, username: str, password: str) -> None:
    """Submit the login form; the caller checks where it lands."""
    page.goto("/dang-nhap")
    _wait_hydrated(page)
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("#nut-dang-nhap")


def first_sign_in(page, username: str, issued: str, new_password: str) -> None:
    """A first login as the app demands it: the issued password, then the
    forced change to the user's own. The caller checks the landing page."""
    sign_in(page, username, issued)
    expect(page.get_by_role("heading", name="Đổi mật khẩu")).to_be_visible()
    page.fill("#current", issued)
    page.fill("#new", new_password)
    page.fill("#confirm", new_password)
    page.click("#nut-doi-mk")


@pytest.fixture
def wait_hydrated():
    """wait_hydrated(page, timeout=30): after page.goto or a reload, wait until
    Reflex has connected and hydrated the page, then for the network to go
    quiet. (After an in-app link, wait for an element of the new page.)
    Works on pages made by the `page` fixture."""
    return _wait_hydrated


@contextmanager
def open_page(browser, base_url: str, name: str) -> Iterator:
    """A new browser context and page on `base_url`; fails the test on any
    console error or uncaught page error, and on failure (`name` = the
    test's node) leaves a screenshot in test-artifacts/. `wait_hydrated`
    works on it."""
    context = browser.new_context(base_url=base_url, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []

    def on_console(msg) -> None:
        if msg.type == "error":
            where = msg.location.get("url") or ""
            errors.append(f"console.error: {msg.text} {where}".rstrip())

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page._xlvphc_hydration = _Hydration(page)
    page._xlvphc_errors = errors
    try:
        yield page
    finally:
        context.close()


def finish_page(page, request: pytest.FixtureRequest, suffix: str = "") -> None:
    """After a test: its screenshot if it failed, then fail it on any browser
    error the page recorded."""
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(
            path=ARTIFACTS / f"{request.node.name}{suffix}.png", full_page=True
        )
    if page._xlvphc_errors:
        pytest.fail("browser reported errors:\n" + "\n".join(page._xlvphc_errors))


@pytest.fixture
def page(browser, app_server, request: pytest.FixtureRequest):
    """A new browser context and page; the test fails on any console error or
    uncaught page error. On failure a screenshot goes to test-artifacts/."""
    with open_page(browser, app_server.base_url, request.node.name) as page:
        yield page
        finish_page(page, request)


def seed_account(
    server: AppServer,
    username: str,
    role: str,
    unit_code: str = "SO-TU-PHAP",
    full_name: str = "Người dùng thử",
):
    """An account in `server`'s database, created through
    xlvphc.services.accounts by the administrator that `setup` made; returns
    its IssuedPassword."""
    from sqlmodel import select

    from xlvphc.cli import ADMIN_USERNAME
    from xlvphc.models import Unit, User
    from xlvphc.services import accounts
    from xlvphc.services.access import (
        Actor,
        parse_roles,
        province_level_unit,
        unit_scope,
    )
    from xlvphc.services.db import session_scope

    with server.database():
        with session_scope() as session:
            admin = session.exec(
                select(User).where(User.username == ADMIN_USERNAME)
            ).one()
            admin_unit = session.get(Unit, admin.unit_id)
            unit = session.exec(select(Unit).where(Unit.code == unit_code)).one()
            actor = Actor(
                user_id=admin.id,
                username=admin.username,
                full_name=admin.full_name,
                title=admin.title,
                unit_id=admin.unit_id,
                unit_name=admin_unit.name if admin_unit else "",
                roles=parse_roles(admin.roles),
                scope=unit_scope(session, admin.unit_id),
                province_level=province_level_unit(admin_unit),
            )
            unit_id = unit.id
        return accounts.create_user(
            actor,
            {
                "username": username,
                "full_name": full_name,
                "role": role,
                "unit_id": unit_id,
            },
        )


@pytest.fixture
def seed_user(app_server):
    """seed_user(username, role, unit_code="SO-TU-PHAP", full_name=...) creates
    an account in the app's database through xlvphc.services.accounts, acting
    as the administrator made by `setup`, and returns its IssuedPassword."""

    def _seed(
        username: str,
        role: str,
        unit_code: str = "SO-TU-PHAP",
        full_name: str = "Người dùng thử",
    ):
        return seed_account(app_server, username, role, unit_code, full_name)

    return _seed
