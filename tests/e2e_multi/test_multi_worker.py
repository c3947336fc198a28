"""The production configuration of issue 8, end to end: the real app in
production mode on PostgreSQL with Redis and two backend workers.

An officer logs in, opens the case list and records a case. A supervisor,
in another browser, chooses a period on the dashboard; that tab's websocket
is then dropped until socket.io reconnects it to the *other* worker (Reflex
records in Redis which worker holds each tab). The page the other worker
rebuilds shows the chosen period, which existed only in the tab's state, in
Redis; and the supervisor's case list shows the officer's case.

Needs PostgreSQL at XLVPHC_TEST_PG_URL (a database of its own is created and
dropped) and Redis at XLVPHC_TEST_REDIS_URL (default redis://127.0.0.1:6379/7;
nothing is flushed there, Reflex's keys expire by themselves); skipped, with
the reason, when either does not answer. scripts/test.sh runs it on its own,
after the other browser tests: it builds the app a second time, since Reflex
writes the server's port into the frontend it builds.
"""

import os
import pickle
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.harness import (
    AppServer,
    app_env,
    finish_page,
    first_sign_in,
    open_page,
    running_app,
    seed_account,
)
from xlvphc.models.base import local_now
from xlvphc.services.db import session_scope

pytestmark = pytest.mark.e2e

PG_URL = os.environ.get(
    "XLVPHC_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("XLVPHC_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
WORKERS = 2
UNIT = "UBND-22096"  # Xã Phú Mỡ: no other browser test uses it
PASSWORD = "Nắng sớm trên đồi chè Phú Mỡ"
VIOLATOR = "Hoàng Thị Mỹ Duyên"
SOCKET_RECORD = "token_manager_socket_record_"


def _unavailable() -> str:
    """Why the test cannot run here, or ""."""
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=3).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means "skip"
        return f"Redis at {REDIS_URL} does not answer ({type(exc).__name__})"
    try:
        engine = create_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - no driver, refused, no such db
        return f"PostgreSQL at {PG_URL} does not answer ({type(exc).__name__})"
    return ""


@pytest.fixture(scope="module")
def multi_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    reason = _unavailable()
    if reason:
        pytest.skip(reason)
    name = f"xlvphc_e2e_multi_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db_url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    work = tmp_path_factory.mktemp("e2e-multi-app")
    env = app_env(
        work, db_url, REFLEX_REDIS_URL=REDIS_URL, GRANIAN_WORKERS=str(WORKERS)
    )
    try:
        with running_app(env, db_url, log_name="e2e-multi-server") as server:
            yield server
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _group(pid: int) -> list[int]:
    """The processes of the server's process group (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pid:
                    found.append(int(entry.name))
            except ProcessLookupError:
                continue
    return found


class Sockets:
    """Routes a page's Reflex websocket through Playwright so the test can
    drop it, and tells from Redis which worker holds the tab."""

    def __init__(self, page) -> None:
        import redis

        self.page = page
        self.redis = redis.Redis.from_url(REDIS_URL)
        self.routes: list = []
        self.leaving: str | None = None
        page.route_web_socket("**/_event/**", self._route)

    def _route(self, ws) -> None:
        server = ws.connect_to_server()
        # reconnect_elsewhere closes the server's side first and the page's
        # side only later: a closed server side must not close the page's.
        server.on_close(lambda code, reason: None)
        self.routes.append((ws, server))

    def owner(self) -> str | None:
        """The instance id of the worker holding this tab's socket."""
        token = self.page.evaluate("() => window.sessionStorage.getItem('token')")
        raw = self.redis.get(SOCKET_RECORD + str(token))
        return pickle.loads(raw).instance_id if raw else None

    def reconnect_elsewhere(self, attempts: int = 12) -> str:
        """Drop the socket until socket.io's reconnection lands on another
        worker than the present one; returns that worker's id.

        The worker sees the drop first, and the page only once that worker
        has let go of the tab's record. Reflex gives a new token (and so an
        empty state) to a socket whose token is still recorded as connected:
        its guard against a duplicated tab. A real network drop can lose
        that race; this test is about the state in Redis, so it waits."""
        first = self.owner()
        assert first, "the tab's socket is not recorded in Redis"
        token = self.page.evaluate("() => window.sessionStorage.getItem('token')")
        for _ in range(attempts):
            count = len(self.routes)
            page_side, server_side = self.routes[-1]
            server_side.close()
            deadline = time.monotonic() + 20
            while self.redis.exists(SOCKET_RECORD + token):
                assert time.monotonic() < deadline, "the worker kept the tab 20 s"
                self.page.wait_for_timeout(50)
            page_side.close()
            deadline = time.monotonic() + 20
            while len(self.routes) == count or self.owner() is None:
                assert time.monotonic() < deadline, "no reconnection in 20 s"
                self.page.wait_for_timeout(100)
            self.page.wait_for_timeout(300)  # the new link's record is stored
            now = self.owner()
            if now not in (None, first):
                return now
        raise AssertionError(f"always reconnected to one worker in {attempts} tries")


def _first_login(page, username: str, issued: str) -> None:
    first_sign_in(page, username, issued, PASSWORD)
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()


def _new_case(page, wait_hydrated) -> None:
    page.goto("/ho-so/moi")
    wait_hydrated(page)
    page.fill("#name", VIOLATOR)
    page.fill("#address", "Thôn Phú Giang, xã Phú Mỡ, tỉnh Đắk Lắk")
    yesterday = local_now().date() - timedelta(days=1)
    page.fill("#violation_date", yesterday.strftime("%d/%m/%Y"))
    page.fill("#violation_time", "08:40")
    page.fill("#violation_place", "Đường liên thôn, xã Phú Mỡ")
    page.fill("#description", "Điều khiển xe mô tô 78H1-555.66 không đội mũ bảo hiểm.")
    page.fill("#record_place", "Trụ sở UBND xã Phú Mỡ")
    page.fill("#maker_title", "Công chức Tư pháp – Hộ tịch")
    page.fill("#tim-hanh-vi", "điểm h khoản 2 Điều 7")
    expect(
        page.get_by_text("Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP").first
    ).to_be_visible()
    page.get_by_role("button", name="Chọn").first.click()
    expect(page.get_by_role("button", name="Bỏ")).to_be_visible()
    page.click("#luu-ho-so")
    expect(page.get_by_role("heading", name="Biên bản số 01/BB-VPHC")).to_be_visible()


def test_two_workers_share_state_through_redis(
    multi_server, browser, wait_hydrated, request
):
    assert len(_group(multi_server.pid)) >= 1 + WORKERS, "backend workers missing"
    officer = seed_account(
        multi_server, "canbo.phumo", "officer", UNIT, "Lê Thị Thu Hà"
    )
    supervisor = seed_account(
        multi_server, "giamsat.phumo", "supervisor", "SO-TU-PHAP", "Y Nhơn Ktla"
    )

    # An officer opens the case list and records a case.
    with open_page(browser, multi_server.base_url, request.node.name) as page:
        workers = Sockets(page)
        _first_login(page, "canbo.phumo", officer.password)
        expect(
            page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")
        ).to_be_visible()
        page.goto("/ho-so")
        wait_hydrated(page)
        _new_case(page, wait_hydrated)
        seen = {workers.owner()}
        finish_page(page, request, "-canbo")

    # A supervisor in another browser chooses a period on the dashboard; the
    # tab is then moved to the other worker, which rebuilds the page from the
    # state in Redis: the chosen period, not the default year.
    with open_page(browser, multi_server.base_url, request.node.name) as page:
        workers = Sockets(page)
        _first_login(page, "giamsat.phumo", supervisor.password)
        page.goto("/thong-ke")
        wait_hydrated(page)
        period = page.locator("#ky-thong-ke")
        expect(period).to_have_text(f"Năm {local_now().year}")
        page.select_option("#period", "")
        page.click("#nut-loc")
        expect(period).to_have_text("Toàn bộ thời gian")
        token = page.evaluate("() => window.sessionStorage.getItem('token')")
        before = workers.owner()

        page._xlvphc_hydration.hydrated = False
        after = workers.reconnect_elsewhere()
        wait_hydrated(page)
        assert after != before
        seen |= {before, after}
        assert page.evaluate("() => window.sessionStorage.getItem('token')") == token
        expect(period).to_have_text("Toàn bộ thời gian")

        # The officer's case, from PostgreSQL, in the supervisor's list.
        page.goto("/ho-so")
        wait_hydrated(page)
        expect(page.get_by_text(VIOLATOR).first).to_be_visible()
        finish_page(page, request, "-giamsat")
    assert len(seen) == WORKERS

    with multi_server.database(), session_scope() as session:
        acts = session.execute(
            text(
                'SELECT a.article, a.clause, a.point FROM caseact a JOIN "case" c '
                "ON c.id = a.case_id WHERE c.violator_name = :name"
            ),
            {"name": VIOLATOR},
        ).all()
    assert [tuple(a) for a in acts] == [(7, 2, "h")]
