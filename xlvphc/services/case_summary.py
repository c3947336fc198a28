"""Keeping the dashboard's summary tables (models/summary.py) exactly in step
with the cases, whatever writes them.

The tables are maintained by database triggers on `case` and `caseact`: each
insert, update or delete subtracts the row's old contribution from its
buckets (its unit and the province, each by month and by year) and adds the
new one, in the same transaction as the change. A trigger sees every write
path — the services, the Excel import, a bulk load, a repair made by hand in
SQL — so no new code path can forget the summary, and a rollback drops the
change and its contribution together.

On SQLite the triggers add to the summary rows at once: one writer at a time
holds the whole database, so writers cannot lock rows in different orders.

On PostgreSQL several workers write at once, and adding to the rows at once
deadlocked: every case also counts in the province's rows, so a transaction
writing cases of units A then B locked A's rows, then the province's, then
B's, while another writing B then A held B's and waited for the province's
(two imports, a unit merge, an edit moving a case to another field; see
tests/services/test_summary_concurrency.py). So there the triggers only
stage the changes, per bucket, in an unlogged table private to the
transaction (`casesummarydelta`, `actsummarydelta`, keyed by the
transaction id), and a deferred constraint trigger folds them into the
summary at COMMIT, bucket by bucket in key order, in one statement per
table. Every transaction locks summary rows in the same order, and only
while it commits, so none waits for another that waits for it; concurrent
folds of one bucket add to the committed value (INSERT … ON CONFLICT DO
UPDATE), so the sums stay exact. A change that leaves a bucket's figures as
they were (a deadline moved, a note edited) does not touch its row. Within
the writing transaction the summary does not show its own changes yet;
nothing reads it there.

The figures a trigger adds are the SQL conditions of services/enforcement.py,
compiled for each dialect: the dashboard's live queries, the case-list
filters and the triggers cannot drift apart.

`ensure` re-installs missing triggers and rebuilds the tables (SQLite drops a
table's triggers when a migration rebuilds the table in batch mode); the
dashboard calls it before reading.
"""

import logging

from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    MetaData,
    Table,
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
from sqlalchemy.schema import CreateTable

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
PG_FUNCTIONS = (
    "xlvphc_summary_case_row",
    "xlvphc_summary_act_row",
    "xlvphc_summary_fold",
)

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
    "closed_on",
    "surcharge_total",
    "surcharge_paid",
    "remedial_pending",
    "late_after",
)
# Columns a figure reads that the case table got after the summary's own
# migration (0007). Each migration before them that installs the triggers
# or rebuilds the tables (0007, 0010, 0020, 0024) runs today's code on a
# schema without them: there each reads as the value it stands for, nothing
# owed (what it was on every row when it was added) or the column of
# STOOD_FOR, and each migration that added one (0024, 0027) installs the
# triggers and rebuilds again.
LATER_COLUMNS = {"surcharge_paid": 0, "remedial_pending": False, "late_after": None}
# A later column that stands for another one the table had before it: the
# deadline that makes a decision late was compliance_due until 0027 kept
# late_after (procedure.deadlines.refresh_deadlines), so a schema without it
# counts, and its triggers follow, compliance_due as they did then.
STOOD_FOR = {"late_after": "compliance_due"}
BUCKET = ("unit_id", "period", "field")
CITATION = ("decree", "article", "clause", "point")
NO_MONTH, NO_YEAR = 0, -1  # periods of a case without a violation date
# Staging tables are not in SQLModel's metadata: they belong to the
# PostgreSQL triggers, and `install` creates them with those
# (migrations/env.py keeps them out of autogenerate's comparison).
_STAGED = MetaData()


def _staging(summary, key: tuple[str, ...]) -> Table:
    """The PostgreSQL table where a transaction's changes to `summary` wait
    for its commit: the summary's columns and the transaction id, one row
    per bucket. Unlogged (no WAL): no row outlives its transaction."""
    columns = [Column("xact", BigInteger, primary_key=True)]
    columns += [
        Column(c.name, c.type, primary_key=c.name in key, nullable=False)
        for c in summary.__table__.c
        if c.name != "id"
    ]
    return Table(
        f"{summary.__tablename__}delta", _STAGED, *columns, prefixes=["UNLOGGED"]
    )


CASE_STAGING = _staging(CaseSummary, BUCKET)
ACT_STAGING = _staging(ActSummary, BUCKET + CITATION)
STAGING_TABLES = (CASE_STAGING.name, ACT_STAGING.name)
# (trigger, table) pairs on PostgreSQL.
PG_TRIGGERS = (
    ("xlvphc_summary_case", "case"),
    ("xlvphc_summary_act", "caseact"),
    ("xlvphc_summary_fold", CASE_STAGING.name),
    ("xlvphc_summary_fold", ACT_STAGING.name),
)


def _flag(condition):
    return case((condition, 1), else_=0)


class _Present:
    """A case row's columns as the database has them (`_absent`): a
    LATER_COLUMNS column it does not have yet reads as its value."""

    def __init__(self, columns, absent: frozenset[str]):
        self._columns, self._absent = columns, absent

    def __getattr__(self, name: str):
        if name in self._absent and name in STOOD_FOR:
            return getattr(self._columns, STOOD_FOR[name])
        if name in self._absent:
            return literal(LATER_COLUMNS[name])
        return getattr(self._columns, name)


def _absent(connection: Connection) -> frozenset[str]:
    """The LATER_COLUMNS the case table does not have (an older revision
    being upgraded; none at head)."""
    present = {c["name"] for c in inspect(connection).get_columns("case")}
    return frozenset(LATER_COLUMNS) - present


def _read_columns(absent: frozenset[str]) -> tuple[str, ...]:
    return tuple(
        STOOD_FOR.get(n, n) if n in absent else n
        for n in READ_COLUMNS
        if n not in absent or n in STOOD_FOR
    )


def measures(c) -> dict:
    """What one case adds to each summary column (c: its columns)."""
    status = enforcement.stored(c)
    late = enforcement.can_be_late(c)
    return {
        "cases": literal(1, Integer),
        "fines": case((enforcement.cancelled(c), 0), else_=c.fine_total),
        "collected": c.paid_total,
        "decided": _flag(enforcement.sanctioned(c)),
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
    values = measures(_Present(c, _absent(connection)))
    if dialect == "postgresql" and _staging_present(connection):
        # This transaction's own staged changes are in the rebuild already.
        for staging in (CASE_STAGING, ACT_STAGING):
            connection.execute(
                delete(staging).where(staging.c.xact == func.txid_current())
            )
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


def _add_to(
    summary: str, key: tuple[str, ...], sums, values: str, rest: str, dialect
) -> str:
    """INSERT … SELECT `values` `rest` adding to the rows of `summary` (on
    SQLite) or to this transaction's rows of its staging table (on
    PostgreSQL, folded in at commit)."""
    table, names = summary, (*key, *sums)
    if dialect.name == "postgresql":
        table, key = f"{summary}delta", ("xact", *key)
        names, values = ("xact", *names), f"txid_current(), {values}"
    return (
        f"INSERT INTO {table} ({', '.join(names)}) SELECT {values} {rest}"
        + _upsert_tail(table, key, sums)
    )


def _buckets(head: str, date_column, dialect) -> list[tuple[str, str]]:
    """(unit, period) of the four rows a case counts in."""
    month = _sql(month_key(date_column, dialect.name), dialect)
    year = _sql(year_key(date_column, dialect.name), dialect)
    unit = f"{head}.unit_id"
    return [(unit, month), (unit, year), (str(PROVINCE), month), (str(PROVINCE), year)]


def _case_upserts(
    row: str, sign: int, dialect, absent: frozenset[str] = frozenset()
) -> list[str]:
    """Add (sign 1) or take away (sign -1) the contribution of one case row,
    if the case is live (`absent`: LATER_COLUMNS not in the table yet)."""
    r = Case.__table__.alias(row)
    head = _sql(r.c.id, dialect).rsplit(".", 1)[0]  # new / "new"
    found = measures(_Present(r.c, absent)).values()
    values = [f"{sign} * ({_sql(v, dialect)})" for v in found]
    return [
        _add_to(
            "casesummary",
            BUCKET,
            MEASURES,
            f"{unit}, {period}, {head}.field, {', '.join(values)}",
            f"WHERE {head}.deleted_at IS NULL",
            dialect,
        )
        for unit, period in _buckets(head, r.c.violation_date, dialect)
    ]


def _acts_of_case_upserts(row: str, sign: int, dialect) -> list[str]:
    """Add or take away the acts of one live case row, grouped by citation
    (ON CONFLICT may touch a row only once per statement)."""
    r = Case.__table__.alias(row)
    head = _sql(r.c.id, dialect).rsplit(".", 1)[0]
    return [
        _add_to(
            "actsummary",
            BUCKET + CITATION,
            ("cases",),
            f"{unit}, {period}, {head}.field, a.decree, a.article, a.clause, "
            f"a.point, {sign} * count(*)",
            f"FROM caseact a WHERE a.case_id = {head}.id "
            f"AND {head}.deleted_at IS NULL "
            f"GROUP BY a.decree, a.article, a.clause, a.point",
            dialect,
        )
        for unit, period in _buckets(head, r.c.violation_date, dialect)
    ]


def _act_upserts(row: str, sign: int, dialect) -> list[str]:
    """Add or take away one act row, in the buckets of its case if live."""
    c = Case.__table__.alias("c")
    return [
        _add_to(
            "actsummary",
            BUCKET + CITATION,
            ("cases",),
            f"{unit}, {period}, c.field, {row}.decree, {row}.article, "
            f"{row}.clause, {row}.point, {sign}",
            f'FROM "case" c WHERE c.id = {row}.case_id AND c.deleted_at IS NULL',
            dialect,
        )
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


def sqlite_ddl(dialect, absent: frozenset[str] = frozenset()) -> list[str]:
    d = dialect
    case_update = f"UPDATE OF {', '.join(_read_columns(absent))}"
    act_update = "UPDATE OF case_id, decree, article, clause, point"
    return [
        _sqlite_trigger(
            CASE_TRIGGERS[0], "INSERT", "case",
            _case_upserts("new", 1, d, absent) + _acts_of_case_upserts("new", 1, d),
            "new.deleted_at IS NULL",
        ),
        _sqlite_trigger(
            CASE_TRIGGERS[1], case_update, "case",
            _case_upserts("old", -1, d, absent) + _case_upserts("new", 1, d, absent),
        ),
        _sqlite_trigger(
            CASE_TRIGGERS[2], "DELETE", "case",
            _case_upserts("old", -1, d, absent)
            + _acts_of_case_upserts("old", -1, d),
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


def postgresql_ddl(dialect, absent: frozenset[str] = frozenset()) -> list[str]:
    d = dialect
    moved = _bucket_changed("OLD", "NEW", "IS DISTINCT FROM")
    case_body = (
        "  IF TG_OP = 'INSERT' THEN\n"
        + _block(
            _case_upserts("new", 1, d, absent) + _acts_of_case_upserts("new", 1, d),
            "    ",
        )
        + "  ELSIF TG_OP = 'DELETE' THEN\n"
        + _block(
            _case_upserts("old", -1, d, absent)
            + _acts_of_case_upserts("old", -1, d),
            "    ",
        )
        + "  ELSE\n"
        + _block(
            _case_upserts("old", -1, d, absent) + _case_upserts("new", 1, d, absent),
            "    ",
        )
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
    (case_trigger, _), (act_trigger, _), *folds = PG_TRIGGERS
    return [
        *(
            str(CreateTable(t, if_not_exists=True).compile(dialect=d)).strip()
            for t in (CASE_STAGING, ACT_STAGING)
        ),
        _pg_function(PG_FUNCTIONS[0], case_body),
        _pg_function(PG_FUNCTIONS[1], act_body),
        _pg_function(PG_FUNCTIONS[2], _fold_body()),
        _pg_trigger(
            case_trigger, "case", ", ".join(_read_columns(absent)), PG_FUNCTIONS[0]
        ),
        _pg_trigger(
            act_trigger,
            "caseact",
            "case_id, decree, article, clause, point",
            PG_FUNCTIONS[1],
        ),
        # A constraint trigger cannot be replaced in place.
        *(f'DROP TRIGGER IF EXISTS {name} ON "{table}"' for name, table in folds),
        *(
            f'CREATE CONSTRAINT TRIGGER {name} AFTER INSERT ON "{table}" '
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            f"EXECUTE FUNCTION {PG_FUNCTIONS[2]}()"
            for name, table in folds
        ),
    ]


def _fold(summary: str, key: tuple[str, ...], sums: tuple[str, ...]) -> str:
    """Move this transaction's staged changes of `summary` into it, bucket
    by bucket in key order: all transactions lock summary rows in that one
    order, so none can wait for a row that a transaction waiting for it
    holds. Buckets whose figures did not change are left alone."""
    names = ", ".join((*key, *sums))
    changed = " OR ".join(f"{n} <> 0" for n in sums)
    return (
        f"WITH staged AS (DELETE FROM {summary}delta "
        f"WHERE xact = txid_current() RETURNING {names}) "
        f"INSERT INTO {summary} ({names}) SELECT {names} FROM staged "
        f"WHERE {changed} ORDER BY {', '.join(key)}" + _upsert_tail(summary, key, sums)
    )


def _fold_body() -> str:
    """The deferred trigger's work, at COMMIT: both summaries, the case
    summary first, in one pass. It fires once per staged bucket row; the
    first firing folds them all and the others find nothing left."""
    return _block(
        [
            _fold("casesummary", BUCKET, MEASURES),
            _fold("actsummary", BUCKET + CITATION, ("cases",)),
        ],
        "  ",
    ).rstrip("\n")


def _ddl(connection: Connection) -> list[str]:
    dialect = connection.dialect
    if dialect.name == "postgresql":
        return postgresql_ddl(dialect, _absent(connection))
    if dialect.name == "sqlite":
        return sqlite_ddl(dialect, _absent(connection))
    raise NotImplementedError(f"summary triggers for {dialect.name}")


def install(connection: Connection) -> None:
    """Create the triggers (idempotent)."""
    for statement in _ddl(connection):
        connection.exec_driver_sql(statement)


def drop(connection: Connection) -> None:
    """Remove the triggers (before a bulk load; then `rebuild` and
    `install`). PostgreSQL's staging tables stay, empty."""
    if connection.dialect.name == "postgresql":
        present = set(inspect(connection).get_table_names())
        for name, table in PG_TRIGGERS:
            if table in present:
                connection.exec_driver_sql(
                    f'DROP TRIGGER IF EXISTS {name} ON "{table}"'
                )
        return
    for name in CASE_TRIGGERS + ACT_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


# The checks of `installed`, built once: the dashboard runs one on every read.
_PG_FOUND = text(
    "SELECT t.tgname, r.relname FROM pg_trigger t "
    "JOIN pg_class r ON r.oid = t.tgrelid "
    "WHERE t.tgname IN :names AND pg_table_is_visible(r.oid)"
).bindparams(bindparam("names", expanding=True))
_SQLITE_FOUND = text(
    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN :names"
).bindparams(bindparam("names", expanding=True))


def installed(connection: Connection) -> bool:
    """True when every trigger is in place."""
    if connection.dialect.name == "postgresql":
        # Triggers made before the staging tables (migrations 0007-0009)
        # count as missing: `ensure` puts the current ones in their place.
        found = connection.execute(
            _PG_FOUND, {"names": sorted({name for name, _ in PG_TRIGGERS})}
        ).all()
        return set(PG_TRIGGERS) <= {tuple(row) for row in found}
    names = CASE_TRIGGERS + ACT_TRIGGERS
    found = connection.execute(_SQLITE_FOUND, {"names": list(names)}).scalar()
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


def include_name(name: str | None, kind: str, _parents: dict) -> bool:
    """Alembic's filter: autogenerate leaves the staging tables alone, which
    `install` makes on PostgreSQL outside SQLModel's metadata."""
    return not (kind == "table" and name in STAGING_TABLES)


def _staging_present(connection: Connection) -> bool:
    names = set(inspect(connection).get_table_names())
    return set(STAGING_TABLES) <= names


def _tables_present(connection: Connection) -> bool:
    names = set(inspect(connection).get_table_names())
    return {"case", "caseact", "casesummary", "actsummary"} <= names
