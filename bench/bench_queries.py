"""Dashboard and case search through the services, each beside a floor.

Run from the repository root on a database filled by bench/generate.py:

    .venv/bin/python bench/bench_queries.py --url sqlite:///var/bench.db
    .venv/bin/python bench/bench_queries.py \
        --url postgresql+psycopg://postgres@127.0.0.1:5432/xlvphc_bench

Each line: the median time of the service call (as the page calls it, with the
acting user resolved from a real login), the median of its floor measured in
the same run, and the ratio. "its SQL" is the statements the service sent,
replayed raw (the database's share; the rest is Python). Floors:
- dashboard: the same four aggregates written by hand in SQL, on the same
  connection pool (what the database itself needs);
- search / list pages: (a) the same page and total written by hand in SQL,
  (b) an indexed lookup: the same 20 rows fetched by primary key, and one
  row by an indexed column (record_number) — the cost of "any query at all".
The issue's target is 1.5x the floor; the report says which floor.
It prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import event, text  # noqa: E402

from xlvphc.services import auth, case_queries, dashboard, db  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from generate import BENCH_PASSWORD, SUPERVISOR  # noqa: E402

TARGET = 1.5


def paired_ms(
    fn: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Medians of the call and its floor, run alternately so that a busy
    moment of the shared machine hits both alike."""
    fn(), floor()  # warm-up: caches, plans, pool
    a, b = [], []
    for _ in range(runs):
        for f, out in ((fn, a), (floor, b)):
            start = time.perf_counter()
            f()
            out.append((time.perf_counter() - start) * 1000)
    return statistics.median(a), statistics.median(b)


def captured(fn: Callable[[], object]) -> Callable[[], object]:
    """The statements `fn` sends to the database, replayed on a raw DBAPI
    cursor with the same parameters: the database's own share of the call,
    whatever the service currently queries (others keep changing it)."""
    engine = db.get_engine()
    seen: list = []

    def grab(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", grab)

    def replay():
        raw = engine.raw_connection()
        try:
            cur = raw.cursor()
            for statement, parameters in seen:
                cur.execute(statement, parameters)
                cur.fetchall()
            cur.close()
            raw.rollback()
        finally:
            raw.close()

    return replay


def sql(statement: str, **params):
    """Run hand-written SQL and fetch everything (as the floor)."""

    def run():
        with db.get_engine().connect() as conn:
            return conn.execute(text(statement), params).all()

    return run


def sql_many(*runs):
    def run():
        return [r() for r in runs]

    return run


def month_expr(pg: bool) -> str:
    return (
        "to_char(violation_date, 'YYYY-MM')"
        if pg
        else "strftime('%Y-%m', violation_date)"
    )


def dashboard_floor(pg: bool, where: str = "", **params):
    base = f'FROM "case" c WHERE c.deleted_at IS NULL {where}'
    return sql_many(
        sql(
            f"SELECT u.name, count(c.id), coalesce(sum(c.fine_total), 0) "
            f'FROM "case" c JOIN unit u ON u.id = c.unit_id '
            f"WHERE c.deleted_at IS NULL {where} GROUP BY u.id, u.name "
            f"ORDER BY count(c.id) DESC, u.name LIMIT 200",
            **params,
        ),
        sql(
            f"SELECT c.field, count(c.id), coalesce(sum(c.fine_total), 0) {base} "
            f"GROUP BY c.field ORDER BY count(c.id) DESC",
            **params,
        ),
        sql(
            f"SELECT {month_expr(pg)} AS m, count(c.id), "
            f"coalesce(sum(c.fine_total), 0) {base} GROUP BY m ORDER BY m",
            **params,
        ),
        sql(f"SELECT count(c.id), coalesce(sum(c.fine_total), 0) {base}", **params),
    )


def token_cond(words: list[str]) -> tuple[str, dict]:
    parts, params = [], {}
    for i, w in enumerate(words):
        params[f"w{i}"] = w
        if len(w) < 2:
            parts.append(f"c.id IN (SELECT case_id FROM casetoken WHERE token = :w{i})")
        else:
            params[f"h{i}"] = w + "\uffff"
            parts.append(
                f"c.id IN (SELECT case_id FROM casetoken "
                f"WHERE token >= :w{i} AND token < :h{i})"
            )
    return (" AND " + " AND ".join(parts)) if parts else "", params


def page_floor(where: str, params: dict):
    cols = (
        "c.id, c.record_number, c.decision_number, c.violator_name, u.name, "
        "c.field, c.status, c.violation_date, c.decided_on, c.fine_total, "
        "c.imported"
    )
    return sql_many(
        sql(
            f'SELECT count(c.id) FROM "case" c WHERE c.deleted_at IS NULL {where}',
            **params,
        ),
        sql(
            f'SELECT {cols} FROM "case" c JOIN unit u ON u.id = c.unit_id '
            f"WHERE c.deleted_at IS NULL {where} ORDER BY c.id DESC LIMIT 20",
            **params,
        ),
    )


def capped_page(where: str, params: dict, cap: int = 1000):
    """What the page would cost with its total capped ("more than 1,000"):
    the count stops at cap + 1 matches instead of visiting all of them."""
    cols = (
        "c.id, c.record_number, c.decision_number, c.violator_name, u.name, "
        "c.field, c.status, c.violation_date, c.decided_on, c.fine_total, "
        "c.imported"
    )
    return sql_many(
        sql(
            f'SELECT count(*) FROM (SELECT 1 FROM "case" c WHERE c.deleted_at IS '
            f"NULL {where} LIMIT {cap + 1}) t",
            **params,
        ),
        sql(
            f'SELECT {cols} FROM "case" c JOIN unit u ON u.id = c.unit_id '
            f"WHERE c.deleted_at IS NULL {where} ORDER BY c.id DESC LIMIT 20",
            **params,
        ),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    engine = db.make_engine(args.url)
    db.use_engine(engine)
    pg = engine.dialect.name == "postgresql"
    with engine.connect() as conn:
        n_cases = conn.execute(text('SELECT count(*) FROM "case"')).scalar()
        officer_unit = conn.execute(
            text(
                'SELECT u.id, u.code FROM unit u JOIN "case" c ON c.unit_id = u.id '
                "WHERE u.kind = 'police' GROUP BY u.id, u.code "
                "ORDER BY count(*) DESC LIMIT 1"
            )
        ).one()
        plate = (
            conn.execute(
                text(
                    "SELECT token FROM casetoken WHERE token LIKE '47b1-%' "
                    "ORDER BY case_id DESC LIMIT 1"
                )
            ).scalar()
            or "47b1-123.45"
        )
        id_number = conn.execute(
            text(
                "SELECT id_number FROM violator WHERE id_number <> '' "
                "ORDER BY id DESC LIMIT 1"
            )
        ).scalar()
        last_ids = [
            r[0]
            for r in conn.execute(
                text('SELECT id FROM "case" ORDER BY id DESC LIMIT 20')
            )
        ]

    supervisor = auth.resolve(auth.login(SUPERVISOR, BENCH_PASSWORD).token)
    officer_name = f"bench.{officer_unit[1].lower()}"
    officer = auth.resolve(auth.login(officer_name, BENCH_PASSWORD).token)
    print(
        f"{engine.dialect.name}, {n_cases} cases, median of {args.runs} runs; "
        f"officer {officer_name} (unit {officer_unit[0]})"
    )
    print(
        f"{'what':<40}{'service':>10}{'its SQL':>10}{'floor':>10}"
        f"{'ratio':>8}  floor is (ratio = service / floor; target {TARGET}x)"
    )

    def line(name, fn, floor, floor_name):
        a, b = paired_ms(fn, floor, args.runs)
        _, r = paired_ms(fn, captured(fn), max(3, args.runs // 3))
        ok = "ok" if a <= TARGET * b else "MISS"
        print(
            f"{name:<40}{a:8.1f}ms{r:8.1f}ms{b:8.1f}ms{a / b:7.2f}x  {floor_name} {ok}",
            flush=True,
        )
        return a, b

    # Dashboard
    line(
        "dashboard, all years (supervisor)",
        lambda: dashboard.summary(supervisor, {}),
        dashboard_floor(pg),
        "same SQL by hand",
    )
    line(
        "dashboard, one year",
        lambda: dashboard.summary(
            supervisor, {"date_from": "01/01/2025", "date_to": "31/12/2025"}
        ),
        dashboard_floor(
            pg, "AND c.violation_date BETWEEN :a AND :b", a="2025-01-01", b="2025-12-31"
        ),
        "same SQL by hand",
    )

    # Lists and searches
    pk_floor = sql(
        'SELECT c.id, u.name FROM "case" c JOIN unit u ON u.id = '
        "c.unit_id WHERE c.id IN (" + ",".join(map(str, last_ids)) + ")"
    )
    idx_floor = sql("SELECT * FROM violator WHERE id_number = :r", r=id_number)
    searches = [
        ("list page 1 (supervisor, all cases)", supervisor, {}, []),
        ("list page 1 (officer, own unit)", officer, {}, None),
        (
            "search 'nguyen van an' (supervisor)",
            supervisor,
            {"q": "nguyen van an"},
            ["nguyen", "van", "an"],
        ),
        (
            "search 'tran thi thuy' (supervisor)",
            supervisor,
            {"q": "tran thi thuy"},
            ["tran", "thi", "thuy"],
        ),
        ("search 'ksor' (supervisor)", supervisor, {"q": "ksor"}, ["ksor"]),
        (f"search plate '{plate}'", supervisor, {"q": plate}, [plate]),
        ("search 'nguyen' (officer, own unit)", officer, {"q": "nguyen"}, None),
    ]
    what_if: list = []
    for name, actor, filters, words in searches:
        if words is None:  # the officer's scope
            cond, params = token_cond(["nguyen"] if filters else [])
            cond = f" AND c.unit_id = {officer_unit[0]}" + cond
        else:
            cond, params = token_cond(words)
        fn = lambda a=actor, f=filters: case_queries.list_cases(a, f, 1)  # noqa: E731
        line(name, fn, page_floor(cond, params), "same page+count by hand")
        what_if.append((name, fn, capped_page(cond, params)))
    print("what-if: the same page with its total capped at 1,000 (by hand)")
    for name, fn, capped in what_if:
        line(f"  {name}", fn, capped, "capped count")
    line(
        "list page 1 (supervisor) vs PK lookup",
        lambda: case_queries.list_cases(supervisor, {}, 1),
        pk_floor,
        "20 rows by primary key",
    )
    line(
        "search 'ksor' vs indexed-column lookup",
        lambda: case_queries.list_cases(supervisor, {"q": "ksor"}, 1),
        idx_floor,
        "1 row by violator.id_number",
    )
    line(
        "open one case (get_case, audited read)",
        lambda: case_queries.get_case(supervisor, last_ids[0]),
        pk_floor,
        "20 rows by primary key",
    )


if __name__ == "__main__":
    main()
