"""Keeping the dashboard's summary tables (models/summary.py) exactly in step
with the cases, whatever writes them.

The tables are maintained by database triggers on `case` and `caseact`: each
insert, update or delete subtracts the row's old contribution from its
buckets (its unit and the province, each by month and by year) and adds the
new one, in the same transaction as the change. A trigger sees every write
path — the services, the Excel import, a bulk load, a repair made by hand in
SQL — so no new code path can forget the summary, and a rollback drops the
change and its contribution together. Concurrent writers on PostgreSQL
serialise on the bucket row (INSERT … ON CONFLICT DO UPDATE adds to the
committed value), so the sums stay exact with several workers.

The price: writers of the same field wait for each other's commit on the
province row of the month (milliseconds).
TODO: two transactions that each touch several buckets in opposite orders
(two large imports, or an edit of acts beside a new case of the same field
and month) can deadlock on PostgreSQL, which fails one of them; if that shows
up in use, take the bucket locks in a fixed order first.

The figures a trigger adds are the SQL conditions of services/enforcement.py,
compiled for each dialect: the dashboard's live queries, the case-list
filters and the triggers cannot drift apart.

`ensure` re-installs missing triggers and rebuilds the tables (SQLite drops a
table's triggers when a migration rebuilds the table in batch mode); the
dashboard calls it before reading.
"""

import logging

from sqlalchemy import (
    Integer,
    bindparam,
    case,
    cast,
    delete,
    func,
    insert,
    inspect,
    literal,
    select,
    text,
)
from sqlalchemy.engine import Connection

from xlvphc.models import Case, CaseAct
from xlvphc.models.cases import ViolatorKind
from xlvphc.models.summary import PROVINCE, ActSummary, CaseSummary
from xlvphc.services import enforcement

log = logging.getLogger(__name__)

CASE_TRIGGERS = (
    "xlvphc_summary_case_insert",
    "xlvphc_summary_case_update",
    "xlvphc_summary_case_delete",
    "xlvphc_summary_case_acts",
)
ACT_TRIGGERS = (
    "xlvphc_summary_act_insert",
    "xlvphc_summary_act_update",
    "xlvphc_summary_act_delete",
)
PG_TRIGGERS = ("xlvphc_summary_case", "xlvphc_summary_act")
PG_FUNCTIONS = ("xlvphc_summary_case_row", "xlvphc_summary_act_row")

# Case columns a summary figure reads; other updates (search text, version,
# deadlines of other steps) do not fire the triggers.
READ_COLUMNS = (
    "unit_id",
    "field",
    "violation_date",
    "deleted_at",
    "status",
    "close_reason",
    "decided_on",
    "fine_total",
    "paid_total",
    "reduced_total",
    "complained",
    "violator_kind",
    "compliance_due",
    "closed_on",
)
BUCKET = ("unit_id", "period", "field")
CITATION = ("decree", "article", "clause", "point")
NO_MONTH, NO_YEAR = 0, -1  # periods of a case without a violation date


def _flag(condition):
    return case((condition, 1), else_=0)


def measures(c) -> dict:
    """What one case adds to each summary column (c: its columns)."""
    status = enforcement.stored(c)
    late = enforcement.can_be_late(c)
    return {
        "cases": literal(1, Integer),
        "fines": c.fine_total,
        "collected": c.paid_total,
        "decided": _flag(c.decided_on.is_not(None)),
        "individuals": _flag(c.violator_kind == ViolatorKind.INDIVIDUAL),
        "organisations": _flag(c.violator_kind == ViolatorKind.ORGANISATION),
        "executed": _flag(status[enforcement.EXECUTED]),
        "running": _flag(enforcement.running(c)),
        "postponed": _flag(status[enforcement.POSTPONED]),
        "reduced": _flag(status[enforcement.REDUCED]),
        "coercing": _flag(status[enforcement.COERCING]),
        "complained": _flag(status[enforcement.COMPLAINED]),
        "late": _flag(late),
        "late_running": _flag(late & c.status.in_(enforcement.RUNNING)),
    }


MEASURES = tuple(measures(Case.__table__.c))


def month_key(column, dialect: str):
    """year * 100 + month of a date column; 0 when it is empty."""
    if dialect == "postgresql":
        text_value = func.to_char(column, "YYYYMM")
    else:
        text_value = func.strftime("%Y%m", column)
    return func.coalesce(cast(text_value, Integer), NO_MONTH)


def year_key(column, dialect: str):
    """The year of a date column; -1 when it is empty."""
    if dialect == "postgresql":
        text_value = func.to_char(column, "YYYY")
    else:
        text_value = func.strftime("%Y", column)
    return func.coalesce(cast(text_value, Integer), NO_YEAR)


def year_of_period(period):
    """The year row a month row rolls up into (month 0 into year -1)."""
    return case((period == NO_MONTH, NO_YEAR), else_=period // 100)


# ---------------------------------------------------------------- rebuild


def rebuild(connection: Connection) -> None:
    """Recompute both tables from the case table (after a bulk load, an
    upgrade, or when triggers were found missing): one grouped pass over the
    cases and one over the acts, at the month grain of each unit; the year
    and province rows are then summed from those (small) rows."""
    dialect = connection.dialect.name
    c = Case.__table__.c
    a = CaseAct.__table__.c
    month = month_key(c.violation_date, dialect)
    values = measures(c)
    connection.execute(delete(CaseSummary.__table__))
    connection.execute(delete(ActSummary.__table__))
    connection.execute(
        insert(CaseSummary.__table__).from_select(
            [*BUCKET, *values],
            select(c.unit_id, month, c.field, *[func.sum(v) for v in values.values()])
            .where(c.deleted_at.is_(None))
            .group_by(c.unit_id, month, c.field),
        )
    )
    connection.execute(
        insert(ActSummary.__table__).from_select(
            [*BUCKET, *CITATION, "cases"],
            select(c.unit_id, month, c.field, *[a[n] for n in CITATION], func.count())
            .select_from(CaseAct.__table__)
            .join(Case.__table__, c.id == a.case_id)
            .where(c.deleted_at.is_(None))
            .group_by(c.unit_id, month, c.field, *[a[n] for n in CITATION]),
        )
    )
    for table, sums in ((CaseSummary, MEASURES), (ActSummary, ("cases",))):
        t = table.__table__.c
        keys = [t[n] for n in BUCKET[2:] + (CITATION if table is ActSummary else ())]
        added = [func.sum(t[n]) for n in sums]
        names = [*BUCKET, *keys_names(table), *sums]
        year = year_of_period(t.period)
        # Years of each unit, from its months.
        connection.execute(
            insert(table.__table__).from_select(
                names,
                select(t.unit_id, year, *keys, *added)
                .where(t.unit_id != PROVINCE)
                .group_by(t.unit_id, year, *keys),
            )
        )
        # The province, from every unit's months and years.
        connection.execute(
            insert(table.__table__).from_select(
                names,
                select(literal(PROVINCE, Integer), t.period, *keys, *added)
                .where(t.unit_id != PROVINCE)
                .group_by(t.period, *keys),
            )
        )


def keys_names(table) -> tuple[str, ...]:
    return CITATION if table is ActSummary else ()


# ---------------------------------------------------------------- triggers


def _sql(expression, dialect) -> str:
    compiled = expression.compile(
        dialect=dialect, compile_kwargs={"literal_binds": True}
    )
    return str(compiled)


def _upsert_tail(table: str, key: tuple[str, ...], columns) -> str:
    adds = ", ".join(f"{n} = {table}.{n} + excluded.{n}" for n in columns)
    return f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {adds}"


def _buckets(head: str, date_column, dialect) -> list[tuple[str, str]]:
    """(unit, period) of the four rows a case counts in."""
    month = _sql(month_key(date_column, dialect.name), dialect)
    year = _sql(year_key(date_column, dialect.name), dialect)
    unit = f"{head}.unit_id"
    return [(unit, month), (unit, year), (str(PROVINCE), month), (str(PROVINCE), year)]


def _case_upserts(row: str, sign: int, dialect) -> list[str]:
    """Add (sign 1) or take away (sign -1) the contribution of one case row,
    if the case is live."""
    r = Case.__table__.alias(row)
    head = _sql(r.c.id, dialect).rsplit(".", 1)[0]  # new / "new"
    values = [f"{sign} * ({_sql(v, dialect)})" for v in measures(r.c).values()]
    return [
        f"INSERT INTO casesummary ({', '.join(BUCKET + MEASURES)}) "
        f"SELECT {unit}, {period}, {head}.field, {', '.join(values)} "
        f"WHERE {head}.deleted_at IS NULL"
        + _upsert_tail("casesummary", BUCKET, MEASURES)
        for unit, period in _buckets(head, r.c.violation_date, dialect)
    ]


def _acts_of_case_upserts(row: str, sign: int, dialect) -> list[str]:
    """Add or take away the acts of one live case row, grouped by citation
    (ON CONFLICT may touch a row only once per statement)."""
    r = Case.__table__.alias(row)
    head = _sql(r.c.id, dialect).rsplit(".", 1)[0]
    return [
        f"INSERT INTO actsummary ({', '.join(BUCKET + CITATION)}, cases) "
        f"SELECT {unit}, {period}, {head}.field, a.decree, a.article, "
        f"a.clause, a.point, {sign} * count(*) FROM caseact a "
        f"WHERE a.case_id = {head}.id AND {head}.deleted_at IS NULL "
        f"GROUP BY a.decree, a.article, a.clause, a.point"
        + _upsert_tail("actsummary", BUCKET + CITATION, ["cases"])
        for unit, period in _buckets(head, r.c.violation_date, dialect)
    ]


def _act_upserts(row: str, sign: int, dialect) -> list[str]:
    """Add or take away one act row, in the buckets of its case if live."""
    c = Case.__table__.alias("c")
    return [
        f"INSERT INTO actsummary ({', '.join(BUCKET + CITATION)}, cases) "
        f"SELECT {unit}, {period}, c.field, {row}.decree, {row}.article, "
        f'{row}.clause, {row}.point, {sign} FROM "case" c '
        f"WHERE c.id = {row}.case_id AND c.deleted_at IS NULL"
        + _upsert_tail("actsummary", BUCKET + CITATION, ["cases"])
        for unit, period in _buckets("c", c.c.violation_date, dialect)
    ]


def _bucket_changed(old: str, new: str, distinct: str) -> str:
    """The case moved to another bucket, or was deleted or restored."""
    moved = " OR ".join(
        f"{old}.{n} {distinct} {new}.{n}"
        for n in ("unit_id", "field", "violation_date")
    )
    return f"{moved} OR ({old}.deleted_at IS NULL) <> ({new}.deleted_at IS NULL)"


def _sqlite_trigger(name: str, event: str, table: str, body: list[str],
                    when: str = "") -> str:
    condition = f" WHEN {when}" if when else ""
    statements = "".join(f"{s}; " for s in body)
    return (
        f'CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON "{table}"'
        f"{condition} BEGIN {statements}END"
    )


def sqlite_ddl(dialect) -> list[str]:
    d = dialect
    case_update = f"UPDATE OF {', '.join(READ_COLUMNS)}"
    act_update = "UPDATE OF case_id, decree, article, clause, point"
    return [
        _sqlite_trigger(
            CASE_TRIGGERS[0], "INSERT", "case",
            _case_upserts("new", 1, d) + _acts_of_case_upserts("new", 1, d),
            "new.deleted_at IS NULL",
        ),
        _sqlite_trigger(
            CASE_TRIGGERS[1], case_update, "case",
            _case_upserts("old", -1, d) + _case_upserts("new", 1, d),
        ),
        _sqlite_trigger(
            CASE_TRIGGERS[2], "DELETE", "case",
            _case_upserts("old", -1, d) + _acts_of_case_upserts("old", -1, d),
            "old.deleted_at IS NULL",
        ),
        _sqlite_trigger(
            CASE_TRIGGERS[3],
            "UPDATE OF unit_id, field, violation_date, deleted_at", "case",
            _acts_of_case_upserts("old", -1, d) + _acts_of_case_upserts("new", 1, d),
            _bucket_changed("old", "new", "IS NOT"),
        ),
        _sqlite_trigger(ACT_TRIGGERS[0], "INSERT", "caseact",
                        _act_upserts("new", 1, d)),
        _sqlite_trigger(ACT_TRIGGERS[1], act_update, "caseact",
                        _act_upserts("old", -1, d) + _act_upserts("new", 1, d)),
        _sqlite_trigger(ACT_TRIGGERS[2], "DELETE", "caseact",
                        _act_upserts("old", -1, d)),
    ]


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger "
        f"LANGUAGE plpgsql AS $body$\nBEGIN\n{body}\n  RETURN NULL;\nEND\n$body$"
    )


def _pg_trigger(name: str, table: str, columns: str, function: str) -> str:
    return (
        f"CREATE OR REPLACE TRIGGER {name} AFTER INSERT OR DELETE OR UPDATE OF "
        f'{columns} ON "{table}" FOR EACH ROW EXECUTE FUNCTION {function}()'
    )


def _block(statements: list[str], indent: str) -> str:
    return "".join(f"{indent}{s};\n" for s in statements)


def postgresql_ddl(dialect) -> list[str]:
    d = dialect
    moved = _bucket_changed("OLD", "NEW", "IS DISTINCT FROM")
    case_body = (
        "  IF TG_OP = 'INSERT' THEN\n"
        + _block(
            _case_upserts("new", 1, d) + _acts_of_case_upserts("new", 1, d), "    "
        )
        + "  ELSIF TG_OP = 'DELETE' THEN\n"
        + _block(
            _case_upserts("old", -1, d) + _acts_of_case_upserts("old", -1, d), "    "
        )
        + "  ELSE\n"
        + _block(_case_upserts("old", -1, d) + _case_upserts("new", 1, d), "    ")
        + f"    IF {moved} THEN\n"
        + _block(
            _acts_of_case_upserts("old", -1, d) + _acts_of_case_upserts("new", 1, d),
            "      ",
        )
        + "    END IF;\n  END IF;"
    )
    act_body = (
        "  IF TG_OP IN ('UPDATE', 'DELETE') THEN\n"
        + _block(_act_upserts("OLD", -1, d), "    ")
        + "  END IF;\n  IF TG_OP IN ('INSERT', 'UPDATE') THEN\n"
        + _block(_act_upserts("NEW", 1, d), "    ")
        + "  END IF;"
    )
    return [
        _pg_function(PG_FUNCTIONS[0], case_body),
        _pg_function(PG_FUNCTIONS[1], act_body),
        _pg_trigger(PG_TRIGGERS[0], "case", ", ".join(READ_COLUMNS), PG_FUNCTIONS[0]),
        _pg_trigger(
            PG_TRIGGERS[1],
            "caseact",
            "case_id, decree, article, clause, point",
            PG_FUNCTIONS[1],
        ),
    ]


def _ddl(connection: Connection) -> list[str]:
    dialect = connection.dialect
    if dialect.name == "postgresql":
        return postgresql_ddl(dialect)
    if dialect.name == "sqlite":
        return sqlite_ddl(dialect)
    raise NotImplementedError(f"summary triggers for {dialect.name}")


def install(connection: Connection) -> None:
    """Create the triggers (idempotent)."""
    for statement in _ddl(connection):
        connection.exec_driver_sql(statement)


def drop(connection: Connection) -> None:
    """Remove the triggers (before a bulk load; then `rebuild` and
    `install`)."""
    if connection.dialect.name == "postgresql":
        for name, table in zip(PG_TRIGGERS, ("case", "caseact"), strict=True):
            connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
        return
    for name in CASE_TRIGGERS + ACT_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def installed(connection: Connection) -> bool:
    """True when every trigger is in place."""
    if connection.dialect.name == "postgresql":
        names = PG_TRIGGERS
        found = connection.execute(
            text(
                "SELECT count(*) FROM pg_trigger t "
                "JOIN pg_class r ON r.oid = t.tgrelid "
                "WHERE t.tgname IN :names AND r.relname IN ('case', 'caseact') "
                "AND pg_table_is_visible(r.oid)"
            ).bindparams(bindparam("names", expanding=True)),
            {"names": list(names)},
        ).scalar()
    else:
        names = CASE_TRIGGERS + ACT_TRIGGERS
        found = connection.execute(
            text(
                "SELECT count(*) FROM sqlite_master "
                "WHERE type = 'trigger' AND name IN :names"
            ).bindparams(bindparam("names", expanding=True)),
            {"names": list(names)},
        ).scalar()
    return found == len(names)


def ensure(connection: Connection, heal: bool = True) -> bool:
    """Install missing triggers and rebuild the tables they should have kept
    (returns True when it had to). Two workers healing at once on PostgreSQL
    take turns on an advisory lock. `heal` False: a new schema, nothing to
    report."""
    if installed(connection):
        return False
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(7007)"))
        if installed(connection):
            return False
    if heal:
        log.warning("summary triggers missing: installing them and rebuilding")
    install(connection)
    rebuild(connection)
    return True


def _tables_present(connection: Connection) -> bool:
    names = set(inspect(connection).get_table_names())
    return {"case", "caseact", "casesummary", "actsummary"} <= names
