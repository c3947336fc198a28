"""The dashboard reads summary tables kept by database triggers. After every
kind of write (create, edit, decision, payment, reduction, postponement,
coercion, complaint, transfer, closing, amendment, cancellation, bin,
restore, purge, Excel import, on-the-spot decision, a minor reminded, a raw
SQL repair) every figure the dashboard shows must equal the same figure
worked out here in Python from the case rows themselves, for several periods
(whole years and months from the summary, partial months from the case
table), scopes and groups."""

from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlmodel import select

from tests.data.make_messy_workbook import build
from tests.services.conftest import actor_for, catalogue_id, decision_form, make_user
from tests.services.test_procedure import (
    FAMILY_MID,
    FAMILY_SMALL,
    TODAY,
    TRAFFIC,
    d,
    decided_case,
    new_case,
    step,
    version,
)
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.models import (
    ActSummary,
    Case,
    CaseAct,
    CaseSummary,
    Decision,
    Instalment,
    ProcedureStep,
    Unit,
)
from xlvphc.services import (
    case_edit,
    case_queries,
    case_summary,
    cases,
    dashboard,
    importer,
    recycle_bin,
)
from xlvphc.services.access import Role
from xlvphc.services.db import get_engine, session_scope
from xlvphc.services.procedure import decide_without_record
from xlvphc.services.procedure.closing import REMEDIAL_STEPS, remedial_done_in

# Every open stage, postponed included (Art. 76: late past the postponement's
# end or the remedial measure's deadline).
OPEN_LATE = {"recorded", "explaining", "decided", "executing", "postponed",
             "coercing"}
OPEN_LATE_CODES = ("executed", "in_progress", "postponed", "reduced", "coercing",
                   "complained", "overdue")


# ------------------------------------------------------------ the reference


def _group_units(units: list[Unit], group: str) -> set[int] | None:
    """Units of a group, by the rule of Decree 118/2021 Art. 39, in Python."""
    if not group:
        return None
    if group == "ubnd":
        return {u.id for u in units if u.kind == "ubnd"}
    if group == "police":
        return {
            u.id
            for u in units
            if u.kind == "police" or (u.is_vertical and u.name.startswith("Công an "))
        }
    if group == "vertical":
        return {u.id for u in units if u.is_vertical}
    return {u.id for u in units if u.kind == "department" and not u.is_vertical}


def stands(c: Case) -> bool:
    """Decided, and the decision not cancelled in full (MQĐ40)."""
    return c.decided_on is not None and c.close_reason != "cancelled"


def imposed(c: Case) -> int:
    """The case's fine, none once its decision is cancelled in full."""
    cancelled = c.status == "closed" and c.close_reason == "cancelled"
    return 0 if cancelled else c.fine_total


def _with_empty_months(months: dict) -> dict:
    """Every month from the first to the last, those without cases as
    zeros (the chart's months, services.dashboard._every_month)."""
    if len(months) < 2:
        return months
    keys = sorted(months)
    first = int(keys[0][:4]) * 12 + int(keys[0][5:]) - 1
    last = int(keys[-1][:4]) * 12 + int(keys[-1][5:]) - 1
    if last - first + 1 > dashboard.MAX_MONTHS_SHOWN:
        return months
    return {
        f"{n // 12:04d}-{n % 12 + 1:02d}": months.get(
            f"{n // 12:04d}-{n % 12 + 1:02d}", (0, 0, 0)
        )
        for n in range(first, last + 1)
    }


def expected(view: dict) -> dict:
    """Every dashboard figure of a supervisor's view, from the case rows."""
    start, end = view.get("_from"), view.get("_to")
    with session_scope() as session:
        units = list(session.exec(select(Unit)))
        rows = list(session.exec(select(Case)))
        acts = list(session.exec(select(CaseAct)))
        steps = set(session.exec(select(ProcedureStep.case_id, ProcedureStep.step)))
        measures = {
            case_id: (text_value or "").strip()
            for case_id, text_value in session.exec(
                select(Decision.case_id, Decision.remedial_measures)
            )
        }
        remedial_steps = defaultdict(list)
        for case_id, code, sub in session.exec(
            select(ProcedureStep.case_id, ProcedureStep.step, ProcedureStep.code)
            .where(ProcedureStep.step.in_(REMEDIAL_STEPS))
            .order_by(ProcedureStep.id)
        ):
            remedial_steps[case_id].append((code, sub))
        days = {
            case_id: payment_days
            for case_id, payment_days in session.exec(
                select(Decision.case_id, Decision.payment_days)
            )
        }
        moved = defaultdict(list)  # postponements and amendments
        for case_id, code, on in session.exec(
            select(ProcedureStep.case_id, ProcedureStep.step, ProcedureStep.on)
            .where(ProcedureStep.step.in_(("postpone", "amend")))
        ):
            moved[case_id].append((code, on))
        plans = defaultdict(list)
        for part in session.exec(select(Instalment).order_by(Instalment.position)):
            plans[part.case_id].append(part)
    group = _group_units(units, view.get("group", ""))
    unit = int(view["unit"]) if view.get("unit") else None

    def counted(c: Case) -> bool:
        if c.deleted_at is not None:
            return False
        if group is not None and c.unit_id not in group:
            return False
        if unit is not None and c.unit_id != unit:
            return False
        if view.get("field") and c.field != view["field"]:
            return False
        if start or end:
            if c.violation_date is None:
                return False
            if start and c.violation_date < start or end and c.violation_date > end:
                return False
        return True

    def deadline(c: Case, money: bool, measure: bool) -> date | None:
        """The earliest deadline running for what is owed (Art. 73, 79,
        85): the fine's, the first unpaid instalment while a plan runs;
        the measure's, the decision's period from receipt (or 10 days
        from an amendment) once a plan or a postponement moved the fine's."""
        unpaid = [p.due_on for p in plans[c.id] if p.paid < p.amount]
        found = []
        if money:
            found.append(unpaid[0] if unpaid else c.compliance_due)
        steps = moved[c.id]
        if measure and not plans[c.id] and ("postpone" not in dict(steps)):
            found.append(c.compliance_due)
        elif measure:
            own = [on + timedelta(days=10) for code, on in steps if code == "amend"]
            if c.received_on is not None and c.id in days:
                own.append(c.received_on + timedelta(days=max(days[c.id], 10)))
            found.append(max(own, default=None))
        return min((f for f in found if f is not None), default=None)

    live = [c for c in rows if counted(c)]
    status = Counter(dict.fromkeys(OPEN_LATE_CODES, 0))
    overdue_by_unit = Counter()
    by_unit = defaultdict(lambda: [0, 0, 0])
    by_field = defaultdict(lambda: [0, 0, 0])
    by_month = defaultdict(lambda: [0, 0, 0])
    for c in live:
        decided = c.decided_on is not None
        # Still owing the fine, its fixed interest or a remedial measure.
        money = (
            c.fine_total > c.paid_total + c.reduced_total
            or c.surcharge_total > c.surcharge_paid
        )
        measure = bool(measures.get(c.id)) and not remedial_done_in(
            remedial_steps[c.id]
        )
        due = deadline(c, money, measure) if money or measure else None
        late = (
            decided
            and c.status in OPEN_LATE
            and due is not None
            and due < TODAY
            and c.closed_on is None
        )
        running = decided and c.status in ("decided", "executing")
        status["executed"] += c.status == "closed" and c.close_reason == "executed"
        status["in_progress"] += running and not late
        # Once postponed or coerced, counted after the stage moves on too.
        status["postponed"] += c.status == "postponed" or (
            decided and (c.id, "postpone") in steps
        )
        status["reduced"] += decided and c.reduced_total > 0
        status["coercing"] += c.status == "coercing" or (
            decided and (c.id, "coerce") in steps
        )
        status["complained"] += decided and c.complained
        status["overdue"] += late
        overdue_by_unit[c.unit_id] += late
        for table, key in (
            (by_unit, c.unit_id),
            (by_field, c.field),
            (by_month, f"{c.violation_date:%Y-%m}" if c.violation_date else None),
        ):
            table[key][0] += 1
            table[key][1] += imposed(c)
            table[key][2] += c.paid_total
    live_ids = {c.id for c in live}
    top = Counter(
        (a.decree, a.article, a.clause, a.point) for a in acts if a.case_id in live_ids
    )
    ordered = sorted(top.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][2],
                                                   kv[0][3], kv[0][0]))
    return {
        "cases": len(live),
        "fines": sum(imposed(c) for c in live),
        "collected": sum(c.paid_total for c in live),
        "decided": sum(stands(c) for c in live),
        "individuals": sum(c.violator_kind == "individual" for c in live),
        "organisations": sum(c.violator_kind == "organisation" for c in live),
        "enforcement": {k: int(v) for k, v in status.items()},
        "units": {
            k: (v[0], v[1], v[2], overdue_by_unit[k]) for k, v in by_unit.items()
        },
        "fields": {k: tuple(v) for k, v in by_field.items()},
        "months": _with_empty_months(
            {k: tuple(v) for k, v in by_month.items() if k}
        ),
        "top_acts": [n for _, n in ordered[: dashboard.TOP_ACTS]],
        "top_citations": [k for k, _ in ordered[: dashboard.TOP_ACTS]],
    }


def shown(actor, view: dict) -> dict:
    """The same figures as the dashboard service returns them."""
    filters = {k: v for k, v in view.items() if not k.startswith("_")}
    r = dashboard.summary(actor, filters)
    codes = {"executed", "in_progress", "postponed", "reduced", "coercing",
             "complained", "overdue"}
    return {
        "cases": r["cases"],
        "fines": r["fines"],
        "collected": r["collected"],
        "decided": r["decided"],
        "individuals": r["individuals"],
        "organisations": r["organisations"],
        "enforcement": {
            s["code"]: s["count"] for s in r["enforcement"] if s["code"] in codes
        },
        "units": {
            u["id"]: (u["cases"], u["fines"], u["collected"], u["overdue"])
            for u in r["units"]
        },
        "fields": {f["name"]: (f["cases"], f["fines"], f["collected"])
                   for f in r["fields"]},
        "months": {m["month"]: (m["cases"], m["fines"], m["collected"])
                   for m in r["months"]},
        "top_acts": [a["cases"] for a in r["top_acts"]],
        "top_citations": [a["citation"] for a in r["top_acts"]],
        "_raw": r,
    }


def _citation(key: tuple) -> str:
    decree, article, clause, point = key
    if point:
        return f"Điểm {point} khoản {clause} Điều {article} Nghị định {decree}"
    return f"Khoản {clause} Điều {article} Nghị định {decree}"


def _date(text_value: str) -> date:
    day, month, year = (int(x) for x in text_value.split("/"))
    return date(year, month, day)


def views(unit_a: int) -> list[dict]:
    """All time; this year; a range cut inside months (edges read live); a
    range of whole months; a unit; a field; a group."""
    cut_from, cut_to = TODAY - timedelta(days=75), TODAY - timedelta(days=20)
    first = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=1)
    whole_to = TODAY.replace(day=1) - timedelta(days=1)
    custom = {"period": "custom", "date_from": f"{cut_from:%d/%m/%Y}",
              "date_to": f"{cut_to:%d/%m/%Y}", "_from": cut_from, "_to": cut_to}
    months = {"period": "custom", "date_from": f"{first:%d/%m/%Y}",
              "date_to": f"{whole_to:%d/%m/%Y}", "_from": first, "_to": whole_to}
    year = {"period": "year", "year": str(TODAY.year),
            "_from": date(TODAY.year, 1, 1), "_to": date(TODAY.year, 12, 31)}
    return [
        {},
        year,
        custom,
        months,
        {**custom, "unit": str(unit_a)},
        {"field": "Trật tự, an toàn giao thông đường bộ"},
        {**custom, "group": "ubnd"},
        {"group": "police"},
    ]


def check(actor, unit_a: int, step_name: str) -> None:
    for view in views(unit_a):
        want, got = expected(view), shown(actor, view)
        raw = got.pop("_raw")
        want["top_citations"] = [_citation(k) for k in want["top_citations"]]
        assert got == want, (step_name, view)
        # The bars' lists count what the bars count.
        if view.get("period") == "custom":
            for bar in raw["enforcement"]:
                listed = case_queries.list_cases(actor, _link_filters(bar["link"]))
                assert listed["total"] == bar["count"], (step_name, bar["code"])


def _link_filters(link: str) -> dict:
    from urllib.parse import parse_qs, urlsplit

    return {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}


# ------------------------------------------------------------------ the test


@pytest.fixture
def lead(people):
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


def test_every_write_path_keeps_the_dashboard_exact(people, lead, tmp_path):
    a, b = people["canbo.a"], people["canbo.b"]
    sup, admin = people["giamsat"], people["quantri"]
    unit_a = a.unit_id

    def ok(name: str) -> None:
        check(sup, unit_a, name)

    ok("empty")
    traffic = new_case(a, TRAFFIC, days_ago=3)
    older = new_case(a, FAMILY_SMALL, days_ago=45)
    other = new_case(b, FAMILY_MID, days_ago=80)
    ok("create")

    # Edit: other act (other field, other frame) and another violation day.
    form = case_edit.edit_form(a, traffic)
    values = {**form["values"], "version": form["version"],
              "kind": form["kind"], "violation_date": d(50),
              "record_date": d(50), "act_ids": str(catalogue_id(*FAMILY_SMALL))}
    case_edit.edit_case(a, traffic, values)
    ok("edit")

    # Decisions; receipt sets the compliance deadline (overdue later).
    cases.issue_decision(a, traffic, decision_form(decided_on=d(50),
                                                   version=version(traffic)))
    cases.issue_decision(a, older, decision_form(decided_on=d(45),
                                                 version=version(older)))
    ok("decision")
    step(a, older, "receipt", on=d(40))
    step(a, traffic, "receipt", on=d(49))
    ok("receipt")
    step(a, older, "payment", on=d(35), amount="1.000.000")
    ok("payment")
    step(a, traffic, "postpone", on=d(39), until=d(10), certifier="UBND phường",
         document="1/QĐ-HTH", hardship="1")
    ok("postpone")
    step(a, traffic, "reduce", code="reduce", amount="500.000", on=d(9),
         certifier="UBND phường", document="1/QĐ-GTP")
    ok("reduce")
    step(lead, older, "coerce", code="account", on=d(5), document="1/QĐ-CC")
    ok("coerce")
    step(a, older, "complaint", code="complaint", on=d(4), note="Ông A khiếu nại")
    ok("complaint")
    step(a, older, "complaint_resolved", code="upheld", on=d(3))
    # Art. 78 k1: the 2.500.000 left, 28 days late at 0,05 % a day; the
    # decision collects the 25 days until its day, the violator pays the rest.
    step(a, older, "coercion_done", on=d(2), amount="2.500.000", surcharge="31.250",
         note="Đã trích")
    ok("coercion done")
    step(a, older, "payment", on=d(2), amount="0", surcharge="3.750")
    ok("interest paid")
    step(a, older, "close_executed", on=d(1))
    ok("close")

    # Transfers: to another unit (the case changes unit), for prosecution and
    # back; the amendment of a fine; a cancelled decision.
    step(b, other, "transfer_unit", unit=str(unit_a), on=d(1), note="Thẩm quyền")
    ok("transfer to unit")
    step(a, other, "transfer_criminal", on=d(1), note="CQĐT", document="1/QĐ")
    ok("transfer criminal")
    step(a, other, "received_back", on=d(0), note="Không khởi tố")
    ok("received back")
    amended = decided_case(a, FAMILY_SMALL, days_ago=20)
    step(a, amended, "amend", on=d(1), document="2/QĐ-SĐ", amount="2.500.000",
         note="Sửa mức phạt")
    ok("amend")
    cancelled = decided_case(a, TRAFFIC, days_ago=60)
    step(a, cancelled, "payment", on=d(59), amount="100.000")
    step(lead, cancelled, "cancel", on=d(1), document="1/QĐ-HB", note="Sai thẩm quyền")
    ok("cancel")
    # Paid in time, overdue only while its remedial measure is not done.
    remedy = decided_case(a, FAMILY_SMALL, days_ago=40,
                          remedial_measures="Buộc tháo dỡ công trình không phép")
    step(a, remedy, "receipt", on=d(40))
    step(a, remedy, "payment", on=d(35), amount="3.500.000")
    ok("paid, remedial measure pending")
    step(a, remedy, "remedial_done", on=d(1), note="Đã tháo dỡ")
    ok("remedial measure carried out")
    # Paid by instalments (Art. 79), a remedial measure pending: it keeps
    # the decision's deadline (20 days ago), the plan ends in 20 days.
    planned = decided_case(a, FAMILY_SMALL, days_ago=30,
                           remedial_measures="Buộc khôi phục tình trạng ban đầu")
    step(a, planned, "receipt", on=d(30))
    step(a, planned, "instalments", on=d(29), document="9/QĐ-NPNL", hardship="1",
         certifier="UBND phường Tuy Hòa", conditions_checked="1",
         amount_1="1.400.000", due_1=d(25), amount_2="2.100.000", due_2=d(-20))
    ok("instalments, remedial measure pending")
    step(a, planned, "payment", on=d(26), amount="1.400.000")
    step(a, planned, "payment", on=d(25), amount="2.100.000")
    ok("plan paid, remedial measure past its deadline")

    # Bin: delete, restore, delete again, purge.
    binned = new_case(a, TRAFFIC, days_ago=12)
    recycle_bin.delete_case(a, binned, "Nhập trùng hồ sơ")
    ok("delete")
    recycle_bin.restore_case(a, binned)
    ok("restore")
    recycle_bin.delete_case(a, binned, "Nhập trùng hồ sơ")
    recycle_bin.purge_case(admin, binned, "Xóa hẳn theo yêu cầu")
    ok("purge")

    # Excel import and a decision made on the spot.
    importer.import_rows(a, build(tmp_path / "messy.xlsx").read_bytes())
    ok("import")
    decide_without_record(a, spot_form(day=d(2)))
    ok("on the spot")
    birth = TODAY.replace(year=TODAY.year - 15) - timedelta(days=10)
    minor = new_case(a, TRAFFIC, days_ago=6, birth_date=f"{birth:%d/%m/%Y}")
    step(lead, minor, "remind_minor", on=d(1), admitted="yes")
    ok("minor reminded")

    # A repair made straight in SQL reaches the summary as well.
    with get_engine().begin() as conn:
        conn.execute(text('UPDATE "case" SET fine_total = fine_total + 1000, '
                          "violation_date = NULL WHERE id = :i"), {"i": other})
    ok("raw SQL")
    # Every row of every grain (unit and province, month and year) equals a
    # rebuild from scratch, not only the figures read above.
    assert summary_rows() == rebuilt_rows()


def test_concurrent_writers_keep_the_sums_exact(people):
    """Several workers writing at once (threads here, each with its own
    transaction): the triggers add to the committed sums, none is lost."""
    from concurrent.futures import ThreadPoolExecutor

    a, b = people["canbo.a"], people["canbo.b"]

    def work(n: int) -> None:
        actor = a if n % 2 else b
        case_id = new_case(actor, FAMILY_SMALL, days_ago=n % 3)
        cases.issue_decision(actor, case_id, decision_form(
            decided_on=d(n % 3), version=version(case_id)))
        step(actor, case_id, "payment", on=d(0), amount="1.000.000")

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(work, range(12)))
    assert summary_rows() == rebuilt_rows()
    assert dashboard.summary(people["giamsat"])["collected"] == 12_000_000


def summary_rows() -> tuple[dict, dict]:
    """Both tables as {key: sums}, rows of zeros left out."""
    with get_engine().connect() as conn:
        cases = conn.execute(select(CaseSummary)).all()
        acts = conn.execute(select(ActSummary)).all()
    return (
        {(r.unit_id, r.period, r.field): tuple(r)[4:] for r in cases if r.cases},
        {tuple(r)[1:-1]: r.cases for r in acts if r.cases},
    )


def rebuilt_rows() -> tuple[dict, dict]:
    """The same after `rebuild`, in a transaction rolled back afterwards."""
    with get_engine().connect() as conn:
        transaction = conn.begin()
        case_summary.rebuild(conn)
        cases = conn.execute(select(CaseSummary)).all()
        acts = conn.execute(select(ActSummary)).all()
        transaction.rollback()
    return (
        {(r.unit_id, r.period, r.field): tuple(r)[4:] for r in cases if r.cases},
        {tuple(r)[1:-1]: r.cases for r in acts if r.cases},
    )


def test_missing_triggers_are_put_back_and_the_summary_rebuilt(people):
    """SQLite drops a table's triggers when a migration rebuilds the table:
    the next dashboard read installs them again and rebuilds the sums."""
    a, sup = people["canbo.a"], people["giamsat"]
    new_case(a, TRAFFIC)
    with get_engine().begin() as conn:
        case_summary.drop(conn)
        assert not case_summary.installed(conn)
    new_case(a, TRAFFIC)  # not seen by any trigger
    assert dashboard.summary(sup)["cases"] == 2
    with get_engine().connect() as conn:
        assert case_summary.installed(conn)
    new_case(a, TRAFFIC)
    assert dashboard.summary(sup)["cases"] == 3
    assert summary_rows() == rebuilt_rows()
    assert sum(
        n for (unit, period, _), (n, *_) in summary_rows()[0].items()
        if unit == 0 and period < 10000
    ) == 3


@pytest.mark.parametrize(
    ("start", "end", "periods", "months", "edges"),
    [
        (None, None, [(-1, -1), (1, 9999)], (100001, 999999), []),
        ("01/01/2026", "31/12/2026", [(2026, 2026)], (202601, 202612), []),
        ("01/03/2026", "31/05/2026", [(202603, 202605)], (202603, 202605), []),
        (
            "15/03/2026",
            "10/06/2026",
            [(202604, 202605)],
            (202604, 202605),
            [("15/03/2026", "31/03/2026"), ("01/06/2026", "10/06/2026")],
        ),
        ("15/03/2026", "20/03/2026", [], None, [("15/03/2026", "20/03/2026")]),
        (
            "15/03/2026",
            "10/04/2026",
            [],
            None,
            [("15/03/2026", "31/03/2026"), ("01/04/2026", "10/04/2026")],
        ),
        ("01/02/2026", "28/02/2026", [(202602, 202602)], (202602, 202602), []),
        (
            "10/11/2024",
            "20/02/2027",
            [(202412, 202412), (2025, 2026), (202701, 202701)],
            (202412, 202701),
            [("10/11/2024", "30/11/2024"), ("01/02/2027", "20/02/2027")],
        ),
        (
            "02/02/2026",
            None,
            [(202603, 202612), (2027, 9999)],
            (202603, 999999),
            [("02/02/2026", "28/02/2026")],
        ),
        (
            None,
            "30/01/2026",
            [(1, 2025)],
            (100001, 202512),
            [("01/01/2026", "30/01/2026")],
        ),
    ],
)
def test_a_period_splits_into_years_months_and_edges(
    start, end, periods, months, edges
):
    got = dashboard.split_period(
        _date(start) if start else None, _date(end) if end else None
    )
    assert got.periods == tuple(periods)
    assert got.months == months
    assert got.edges == tuple((_date(x), _date(y)) for x, y in edges)


@pytest.fixture
def old_schema(tmp_path):
    """A database at the revision before the summary tables."""
    import os

    from xlvphc.services import db as dbmod

    url = os.environ.get("XLVPHC_TEST_DB_URL") or f"sqlite:///{tmp_path / 'u.db'}"
    engine = dbmod.make_engine(url)
    if not url.startswith("sqlite"):
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    previous = dbmod._engine
    dbmod.use_engine(engine)
    dbmod.migrate("0006_search_token_unit")
    try:
        yield engine
    finally:
        dbmod._engine = previous
        engine.dispose()


def _insert(conn, table: str, **values) -> None:
    """A row with the given values; every other required column gets a plain
    value of its type (the schema of that revision, read from the database)."""
    from sqlalchemy import inspect as reflect

    plain = {"INTEGER": 0, "BOOLEAN": False, "DATE": date(2026, 1, 1)}
    for column in reflect(conn).get_columns(table):
        name, kind = column["name"], str(column["type"]).split("(")[0]
        if name in values or column["nullable"] or column.get("autoincrement"):
            continue
        if name == "id":
            continue
        values[name] = plain.get(kind, "2026-01-01 00:00:00" if "TIME" in kind else "")
    names = ", ".join(f'"{n}"' for n in values)
    marks = ", ".join(f":{n}" for n in values)
    conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({marks})'), values)


def test_upgrade_fills_the_summary_from_existing_cases(old_schema):
    from xlvphc.services import db as dbmod

    with old_schema.begin() as conn:
        _insert(conn, "unit", id=7, code="X", name="Đơn vị X", kind="ubnd",
                is_supervisor=False, is_vertical=False, active=True)
        for n, (day, fine) in enumerate(
            [(date(2026, 3, 5), 500_000), (date(2026, 3, 9), 700_000),
             (date(2025, 12, 1), 0)], start=1):
            _insert(conn, "case", id=n, unit_id=7, field="F", status="recorded",
                    violation_date=day, fine_total=fine, violator_kind="individual",
                    complained=False, without_record=False, imported=False)
            _insert(conn, "caseact", case_id=n, decree="D", article=5, clause=1,
                    point="a", act="Hành vi")
    dbmod.migrate()
    with old_schema.connect() as conn:
        assert case_summary.installed(conn)
        rows = {
            (u, p): (n, f)
            for u, p, n, f in conn.execute(text(
                "SELECT unit_id, period, cases, fines FROM casesummary"))
        }
        acts = dict(conn.execute(text(
            "SELECT period, cases FROM actsummary WHERE unit_id = 0")).all())
    assert rows == {
        (7, 202603): (2, 1_200_000), (7, 2026): (2, 1_200_000),
        (7, 202512): (1, 0), (7, 2025): (1, 0),
        (0, 202603): (2, 1_200_000), (0, 2026): (2, 1_200_000),
        (0, 202512): (1, 0), (0, 2025): (1, 0),
    }
    assert acts == {202603: 2, 2026: 2, 202512: 1, 2025: 1}
    # From now on the triggers keep it.
    with old_schema.begin() as conn:
        conn.execute(text('UPDATE "case" SET deleted_at = :t WHERE id = 1'),
                     {"t": "2026-03-10 00:00:00"})
    assert summary_rows() == rebuilt_rows()
