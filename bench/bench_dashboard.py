"""Dashboard views through the service, each beside two hand-written floors.

- "summary floor": the same aggregates the service needs, written by hand in
  SQL over the summary tables (casesummary / actsummary: by unit, by field,
  by month, top acts), plus the live parts by hand (partial months at the
  edges of a custom period, decisions not yet due), unit names and the
  catalogue's wording — what the database itself must do for the view. The
  issue's target (1.5x) is against this floor.
- "raw": the same figures aggregated by hand from the case table (what the
  dashboard did before the summary tables), for reference.

Called by bench_queries.py; also runs alone:

    .venv/bin/python bench/bench_dashboard.py --url sqlite:////ABS/var/bench.db
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text

from xlvphc.models.base import local_now
from xlvphc.services import db
from xlvphc.services.dashboard import split_period

SUMS = (
    "cases, fines, collected, decided, individuals, organisations, executed, "
    "running, postponed, reduced, coercing, complained, late, late_running"
)
# enforcement.LATE_STAGES: every open stage, postponed included (0028).
LATE = (
    "('recorded', 'explaining', 'decided', 'executing', 'postponed', 'coercing')"
)
# Still owing something (services/enforcement.py owes).
OWES = (
    "(c.fine_total > c.paid_total + c.reduced_total OR c.surcharge_total > "
    "c.surcharge_paid OR c.remedial_pending)"
)
_CAN_BE_LATE = (
    f"c.status IN {LATE} AND c.late_after IS NOT NULL AND c.decided_on IS NOT "
    f"NULL AND c.closed_on IS NULL AND {OWES}"
)
# The fourteen sums of a case row, by hand (as the summary columns).
CASE_SUMS = ", ".join(
    [
        "count(*)",
        "sum(c.fine_total)",
        "sum(c.paid_total)",
        *(
            f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)"
            for condition in (
                "c.decided_on IS NOT NULL",
                "c.violator_kind = 'individual'",
                "c.violator_kind = 'organisation'",
                "c.status = 'closed' AND c.close_reason = 'executed'",
                "c.decided_on IS NOT NULL AND c.status IN ('decided', 'executing')",
                "c.status = 'postponed'",
                "c.decided_on IS NOT NULL AND c.reduced_total > 0",
                "c.status = 'coercing'",
                "c.decided_on IS NOT NULL AND c.complained",
                _CAN_BE_LATE,
                f"{_CAN_BE_LATE} AND c.status IN ('decided', 'executing')",
            )
        ),
    ]
)


def _run(statements: list[tuple[str, dict]]):
    def run():
        with db.get_engine().connect() as conn:
            return [conn.execute(text(s), p).all() for s, p in statements]

    return run


def _periods(ranges) -> str:
    return "(" + " OR ".join(f"period BETWEEN {lo} AND {hi}" for lo, hi in ranges) + ")"


def _month_sql(pg: bool, column: str) -> str:
    if pg:
        return f"to_char({column}, 'YYYY-MM')"
    return f"strftime('%Y-%m', {column})"


def summary_floor(pg: bool, view: dict, today: date):
    """The view's aggregates by hand over the summary tables."""
    split = split_period(view.get("from"), view.get("to"))
    units = view.get("units", "")  # e.g. "AND unit_id = 12"
    province = not units
    where_units = "unit_id = 0" if province else f"unit_id <> 0 {units}"
    out: list[tuple[str, dict]] = []
    if split.periods:
        p = _periods(split.periods)
        out += [
            (
                ("SELECT unit_id, sum(cases), sum(fines), sum(collected), sum(late) "
                f"FROM casesummary WHERE unit_id <> 0 {units} AND {p} "
                "GROUP BY unit_id"),
                {},
            ),
            (
                ("SELECT sum(cases), sum(fines), sum(collected), sum(decided), "
                "sum(individuals), sum(organisations), sum(executed), "
                "sum(running), sum(postponed), sum(reduced), sum(coercing), "
                "sum(complained), sum(late), sum(late_running) "
                f"FROM casesummary WHERE {where_units} AND {p}"),
                {},
            ),
            (
                ("SELECT field, sum(cases), sum(fines), sum(collected) FROM "
                f"casesummary WHERE {where_units} AND {p} GROUP BY field"),
                {},
            ),
            (
                ("SELECT decree, article, clause, point, sum(cases) FROM actsummary "
                f"WHERE {where_units} AND {p} GROUP BY decree, article, clause, "
                "point ORDER BY sum(cases) DESC LIMIT 10"),
                {},
            ),
        ]
    if split.months:
        lo, hi = split.months
        out.append(
            (
                (f"SELECT period, sum(cases), sum(fines), sum(collected) FROM "
                f"casesummary WHERE {where_units} AND period BETWEEN {lo} AND {hi} "
                f"GROUP BY period"),
                {},
            )
        )
    case_units = units.replace("unit_id", "c.unit_id")
    for low, high in split.edges:
        params = {"a": low.isoformat(), "b": high.isoformat()}
        out += [
            (
                (
                    f"SELECT c.unit_id, c.field, {CASE_SUMS} "
                    f'FROM "case" c WHERE c.deleted_at IS NULL {case_units} '
                    "AND c.violation_date BETWEEN :a AND :b "
                    "GROUP BY c.unit_id, c.field"
                ),
                params,
            ),
            (
                (f"SELECT a.decree, a.article, a.clause, a.point, count(*) FROM "
                f'caseact a JOIN "case" c ON c.id = a.case_id WHERE c.deleted_at '
                f"IS NULL {case_units} AND c.violation_date BETWEEN :a AND :b "
                f"GROUP BY a.decree, a.article, a.clause, a.point"),
                params,
            ),
        ]
    dates, params = "", {"t": today.isoformat()}
    if view.get("from"):
        dates += " AND c.violation_date >= :f"
        params["f"] = view["from"].isoformat()
    if view.get("to"):
        dates += " AND c.violation_date <= :u"
        params["u"] = view["to"].isoformat()
    # The same planner hints as the service on SQLite
    # (services/enforcement.not_yet_due): without them this floor walked the
    # closed_on index and was 5-10x slower than the service it bounds.
    still_due, still_open = "c.late_after >= :t", "c.closed_on IS NULL"
    if not pg:
        still_due = f"likelihood({still_due}, 0.001)"
        still_open = "+c.closed_on IS NULL"
    out += [
        (
            (f"SELECT c.unit_id, count(*), sum(CASE WHEN c.status IN ('decided', "
            f"'executing') THEN 1 ELSE 0 END) FROM \"case\" c WHERE c.status IN "
            f"{LATE} AND c.late_after IS NOT NULL AND {still_due} "
            f"AND c.decided_on IS NOT NULL AND {still_open} AND {OWES} AND "
            f"c.deleted_at IS NULL {case_units}{dates} GROUP BY c.unit_id"),
            params,
        ),
        ("SELECT id, name FROM unit", {}),
        ("SELECT decree, article, clause, point, act FROM catalogueentry", {}),
    ]
    return _run(out)


def raw_floor(pg: bool, view: dict, today: date):
    """The same figures by hand from the case table (the old way)."""
    dates, params = "", {"t": today.isoformat()}
    if view.get("from"):
        dates += " AND c.violation_date >= :f"
        params["f"] = view["from"].isoformat()
    if view.get("to"):
        dates += " AND c.violation_date <= :u"
        params["u"] = view["to"].isoformat()
    units = view.get("units", "").replace("unit_id", "c.unit_id")
    where = f"c.deleted_at IS NULL {units}{dates}"
    overdue = (
        f"c.status IN {LATE} AND c.late_after IS NOT NULL AND "
        f"c.late_after < :t AND c.decided_on IS NOT NULL AND c.closed_on IS NULL "
        f"AND {OWES}"
    )
    month = _month_sql(pg, "c.violation_date")
    return _run(
        [
            (
                (f"SELECT c.unit_id, count(*), sum(c.fine_total), sum(c.paid_total), "
                f"sum(CASE WHEN c.decided_on IS NOT NULL THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN c.violator_kind = 'individual' THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN c.status = 'closed' AND c.close_reason = 'executed' "
                f"THEN 1 ELSE 0 END), sum(CASE WHEN c.decided_on IS NOT NULL AND "
                f"c.status IN ('decided', 'executing') THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN c.status = 'postponed' THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN c.reduced_total > 0 THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN c.status = 'coercing' THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN c.complained THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN {overdue} THEN 1 ELSE 0 END) "
                f'FROM "case" c WHERE {where} GROUP BY c.unit_id'),
                params,
            ),
            (
                (f"SELECT c.field, count(*), sum(c.fine_total), sum(c.paid_total) "
                f'FROM "case" c WHERE {where} GROUP BY c.field'),
                params,
            ),
            (
                (f"SELECT {month} AS m, count(*), sum(c.fine_total), "
                f'sum(c.paid_total) FROM "case" c WHERE {where} GROUP BY m'),
                params,
            ),
            (
                (f"SELECT a.decree, a.article, a.clause, a.point, count(*) FROM "
                f'caseact a JOIN "case" c ON c.id = a.case_id WHERE {where} '
                f"GROUP BY a.decree, a.article, a.clause, a.point "
                f"ORDER BY count(*) DESC LIMIT 10"),
                params,
            ),
        ]
    )


def views(officer_unit: int, today: date) -> list[tuple[str, dict, dict]]:
    """(name, the service's filters, what the floors need)."""
    year = today.year - 1
    return [
        ("all years", {}, {}),
        (
            f"one year ({year})",
            {"period": "year", "year": str(year)},
            {"from": date(year, 1, 1), "to": date(year, 12, 31)},
        ),
        (
            "this year (the default view)",
            {"period": "year"},
            {"from": date(today.year, 1, 1), "to": date(today.year, 12, 31)},
        ),
        (
            f"one month (03/{year})",
            {"period": "month", "year": str(year), "month": "3"},
            {"from": date(year, 3, 1), "to": date(year, 3, 31)},
        ),
        (
            f"15/03/{year}-10/06/{year} (edges live)",
            {
                "period": "custom",
                "date_from": f"15/03/{year}",
                "date_to": f"10/06/{year}",
            },
            {"from": date(year, 3, 15), "to": date(year, 6, 10)},
        ),
        (
            "one unit, all years",
            {"unit": str(officer_unit)},
            {"units": f"AND unit_id = {officer_unit}"},
        ),
        (
            "commune committees, this year",
            {"period": "year", "group": "ubnd"},
            {
                "from": date(today.year, 1, 1),
                "to": date(today.year, 12, 31),
                "units": "AND unit_id IN (SELECT id FROM unit WHERE kind = 'ubnd')",
            },
        ),
    ]


def run_lines(line, paired_ms, pg: bool, supervisor, officer_unit: int, runs: int):
    """The dashboard lines of bench_queries.py: `line` prints the service
    beside the summary floor; the raw aggregates follow for reference."""
    from xlvphc.services import dashboard

    today = local_now().date()
    for name, filters, floor in views(officer_unit, today):
        fn = lambda f=filters: dashboard.summary(supervisor, f)
        got = line(f"dashboard, {name}", fn, summary_floor(pg, floor, today),
                   "same aggregates over the summary, by hand")
        if got is None:
            continue
        service, _ = got
        raw, _ = paired_ms(raw_floor(pg, floor, today), lambda: None, max(3, runs // 3))
        print(f"{'':<40}{'':>10}{'':>10}{raw:8.1f}ms{service / raw:7.2f}x  "
              "raw: the same figures from the case table, by hand", flush=True)


def main(argv: list[str] | None = None) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import BENCH_PASSWORD, SUPERVISOR

    from xlvphc.services import auth

    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    engine = db.make_engine(args.url)
    db.use_engine(engine)
    pg = engine.dialect.name == "postgresql"
    with engine.connect() as conn:
        n_cases = conn.execute(text('SELECT count(*) FROM "case"')).scalar()
        officer_unit = conn.execute(
            text(
                'SELECT u.id FROM unit u JOIN "case" c ON c.unit_id = u.id '
                "WHERE u.kind = 'police' GROUP BY u.id ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar()
    supervisor = auth.resolve(auth.login(SUPERVISOR, BENCH_PASSWORD).token)

    def paired_ms(fn, floor, runs):
        fn(), floor()
        a, b = [], []
        for _ in range(runs):
            for f, out in ((fn, a), (floor, b)):
                start = time.perf_counter()
                f()
                out.append((time.perf_counter() - start) * 1000)
        return statistics.median(a), statistics.median(b)

    def line(name, fn, floor, floor_name):
        a, b = paired_ms(fn, floor, args.runs)
        ok = "ok" if a <= 1.5 * b else "MISS"
        print(f"{name:<40}{a:8.1f}ms{'':>10}{b:8.1f}ms{a / b:7.2f}x  "
              f"{floor_name} {ok}", flush=True)
        return a, b

    print(f"{engine.dialect.name}, {n_cases} cases, median of {args.runs} runs")
    run_lines(line, paired_ms, pg, supervisor, officer_unit, args.runs)


if __name__ == "__main__":
    main()
