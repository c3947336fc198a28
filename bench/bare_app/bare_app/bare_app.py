"""A bare Reflex app with the same event shapes as XLVPHC's login, case list,
search and case page: the floors of the interactive latency benchmark
(bench/bench_events.py).

Without BARE_DB_URL it has no database: rows are built in Python with the
size of a real list page (20 rows of ~12 short fields). With BARE_DB_URL (a
database filled by bench/generate.py) each handler instead reads, with
hand-written SQL in a worker thread, the rows the real page shows: the
officer's unit looked up at login, a page of the unit's newest cases with a
count capped at 1,001, the least a search must read (its rarest word's
postings in the unit, capped, and 20 of their cases), and one case with its
violator, acts and history. No session check, no access
rules, no audit row: what is left of the real app's time above this floor is
the app's own work."""

import asyncio
import os

import reflex as rx

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]


def _row(i: int) -> dict:
    return {
        "id": i,
        "record_number": f"{i}/BB-VPHC",
        "decision_number": f"{i}/QĐ-XPHC",
        "violator_name": NAMES[i % 4],
        "unit_name": "Công an phường Buôn Ma Thuột",
        "field": "Trật tự, an toàn giao thông đường bộ",
        "status": "Đã kết thúc",
        "status_code": "closed",
        "violation_date": "01/12/2026",
        "decided_on": "02/12/2026",
        "fine_total": "400.000 đồng",
        "imported": False,
    }


_ENGINE = None
_CAP = 1001
_COLUMNS = (
    "c.id, c.record_number, c.decision_number, c.violator_name, "
    "u.name AS unit_name, c.field, c.status, c.violation_date, c.decided_on, "
    "c.fine_total, c.imported"
)


def _engine():
    global _ENGINE
    if _ENGINE is None:
        from sqlalchemy import create_engine

        url = os.environ["BARE_DB_URL"]
        extra = {"pool_size": 16} if url.startswith("postgresql") else {}
        _ENGINE = create_engine(url, **extra)
    return _ENGINE


def _read(statements: list[tuple[str, dict]]) -> list[list[dict]]:
    """Run hand-written statements on one pooled connection (in a thread)."""
    from sqlalchemy import text

    with _engine().connect() as conn:
        return [
            [dict(r._mapping) for r in conn.execute(text(sql), params)]
            for sql, params in statements
        ]


def _shown(row: dict) -> dict:
    """As the real page shows a row: every value as text."""
    return {k: "" if v is None else str(v) for k, v in row.items()}


def _page(unit: int) -> list[tuple[str, dict]]:
    """A page of the unit's newest cases in use, and the count capped at
    1,001: the same page and count written by hand."""
    where, params = "c.deleted_at IS NULL AND c.unit_id = :u", {"u": unit}
    return [
        (
            f'SELECT count(*) AS n FROM (SELECT 1 FROM "case" c WHERE {where} LIMIT '
            + f"{_CAP}) t",
            params,
        ),
        (
            f'SELECT {_COLUMNS} FROM "case" c JOIN unit u ON u.id = c.unit_id '
            + f"WHERE {where} ORDER BY c.id DESC LIMIT 20",
            params,
        ),
    ]


_RANGE = "unit_id = :u AND token >= :w AND token < :h"


def _search(unit: int, words: list[str]) -> tuple[int, list[dict]]:
    """The least any search for these words must read: the rarest word's
    postings in the unit (each word's counted up to 1,001 to find it), the
    newest 20 of its cases and their rows. A real search must also check
    the other words, so this is a floor, not the same result."""
    with _engine().connect() as conn:
        from sqlalchemy import text

        counts = {}
        for word in words[:8]:
            params = {"u": unit, "w": word, "h": word + "\uffff"}
            counts[word] = conn.execute(
                text(
                    f"SELECT count(*) FROM (SELECT 1 FROM casetoken WHERE {_RANGE} "
                    + f"LIMIT {_CAP}) t"
                ),
                params,
            ).scalar()
        if not counts:
            return 0, []
        rarest = min(counts, key=counts.get)
        params = {"u": unit, "w": rarest, "h": rarest + "\uffff"}
        ids = [
            r[0]
            for r in conn.execute(
                text(
                    f"SELECT case_id FROM casetoken WHERE {_RANGE} "
                    + "ORDER BY case_id DESC LIMIT 20"
                ),
                params,
            )
        ]
        rows = conn.execute(
            text(
                f'SELECT {_COLUMNS} FROM "case" c JOIN unit u ON u.id = c.unit_id '
                + f"WHERE c.id IN ({','.join(map(str, ids)) or '0'})"
            )
        )
        return counts[rarest], [dict(r._mapping) for r in rows]


def _case(case_id: int) -> list[tuple[str, dict]]:
    p = {"c": case_id}
    return [
        (
            f'SELECT {_COLUMNS}, c.description FROM "case" c JOIN unit u '
            + "ON u.id = c.unit_id WHERE c.id = :c",
            p,
        ),
        ("SELECT * FROM violator WHERE case_id = :c", p),
        ("SELECT * FROM caseact WHERE case_id = :c ORDER BY position", p),
        (
            'SELECT e.*, u.full_name FROM caseevent e LEFT JOIN "user" u '
            + "ON u.id = e.actor_id WHERE e.case_id = :c ORDER BY e.at",
            p,
        ),
    ]


def _field(form: object, name: str) -> str:
    """A submitted field, whether the form came as a dict or as pairs."""
    if not isinstance(form, dict):
        return ""
    pairs = form.get("__reflex_form_data__")
    found = dict(pairs).get(name) if isinstance(pairs, list) else form.get(name)
    return str(found or "")


class BareState(rx.State):
    token: str = rx.Cookie("", name="bare_session", path="/")
    rows: list[dict] = []
    total: int = 0
    case: dict = {}
    acts: list[dict] = []
    timeline: list[dict] = []
    unit: int = 0

    @rx.event
    async def login(self, form: dict):
        self.token = "t" + str(len(str(form)))
        if os.environ.get("BARE_DB_URL"):
            name = _field(form, "username")
            (found,) = await asyncio.to_thread(
                _read, [('SELECT unit_id FROM "user" WHERE username = :n', {"n": name})]
            )
            self.unit = found[0]["unit_id"] if found else 0
        return rx.redirect("/list")

    @rx.event
    async def open_list(self):
        if not os.environ.get("BARE_DB_URL"):
            self.rows = [_row(i) for i in range(1, 21)]
            self.total = 1_000_000
            return
        count, rows = await asyncio.to_thread(_read, _page(self.unit))
        self.total, self.rows = count[0]["n"], [_shown(r) for r in rows]

    @rx.event
    async def search(self, form: dict):
        q = _field(form, "q")
        if not os.environ.get("BARE_DB_URL"):
            self.rows = [_row(i) for i in range(1 + len(q), 21 + len(q))]
            self.total = 686
            return
        total, rows = await asyncio.to_thread(_search, self.unit, q.split())
        self.total, self.rows = total, [_shown(r) for r in rows]

    @rx.event
    async def open_case(self):
        case_id = str(self.router.url.query_parameters.get("id", "0"))
        number = int(case_id) if case_id.isdigit() and len(case_id) < 12 else 0
        if not os.environ.get("BARE_DB_URL"):
            self.case = {
                **_row(number),
                "description": "Điều khiển xe mô tô không đội mũ bảo hiểm.",
            }
            return
        case, violator, acts, events = await asyncio.to_thread(_read, _case(number))
        person = {f"violator_{k}": v for k, v in (violator or [{}])[0].items()}
        self.case = {**_shown(person), **_shown(case[0])} if case else {}
        self.acts = [_shown(a) for a in acts]
        self.timeline = [_shown(e) for e in events]


def login_page() -> rx.Component:
    return rx.form(
        rx.input(name="username"),
        rx.input(name="password"),
        rx.button("Đăng nhập"),
        on_submit=BareState.login,
    )


def list_page() -> rx.Component:
    return rx.box(
        rx.form(rx.input(name="q"), rx.button("Tìm"), on_submit=BareState.search),
        rx.text(BareState.total),
        rx.foreach(
            BareState.rows,
            lambda r: rx.link(r["record_number"], href=f"/detail?id={r['id']}"),
        ),
    )


def detail_page() -> rx.Component:
    return rx.box(
        rx.text(BareState.case["violator_name"]), rx.text(BareState.case["description"])
    )


app = rx.App()
app.add_page(login_page, route="/login")
app.add_page(list_page, route="/list", on_load=BareState.open_list)
app.add_page(detail_page, route="/detail", on_load=BareState.open_case)
