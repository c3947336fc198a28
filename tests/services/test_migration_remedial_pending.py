"""Migration 0024 adds Case.remedial_pending, fills it for the open
decisions whose remedial measure is not yet carried out (Luật XLVPHC Điều
28, 85), gives the compliance deadline to "Việc cần làm" for those that owe
nothing else, and rebuilds the summary so that a decision owing nothing is
no longer counted as late (services/enforcement.py owes). Run on
PostgreSQL too (XLVPHC_TEST_DB_URL)."""

from datetime import date

import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect

from tests.services.test_dashboard_summary import rebuilt_rows, summary_rows
from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import case_summary
from xlvphc.services import db as dbmod

BEFORE = "0023_act_origin"
DECIDED, DUE, LATER = date(2026, 3, 2), date(2026, 3, 12), date(2026, 4, 6)
FINE = 3_500_000
PAID = {"fine_total": FINE, "paid_total": FINE}
OWED = {"fine_total": FINE}
MEASURE = "Buộc tháo dỡ công trình"
# id: (status, money, measures, steps as (step, code), other columns,
#      remedial_pending after, payment_due after, counted as late after)
CASES = {
    # paid, the measure still to do, no deadline column yet: gets both
    1: ("executing", PAID, MEASURE, [], {}, True, DUE, True),
    # paid, the measure recorded as done: owes nothing
    2: ("executing", PAID, MEASURE, [("remedial_done", "")], {}, False, None, False),
    # being coerced for the measure, its result recorded
    3: ("coercing", PAID, MEASURE, [("coerce", "remedial"), ("coercion_done", "")],
        {}, False, None, False),
    # a coercion's result for the money does not carry the measure out
    4: ("coercing", PAID, MEASURE, [("coerce", "account"), ("coercion_done", "")],
        {}, True, None, True),
    # paid, no measure: the trial's case, no longer late
    5: ("decided", PAID, "", [], {}, False, None, False),
    # closed with a measure undone: not open
    6: ("closed", PAID, MEASURE, [], {"closed_on": LATER}, False, None, False),
    # the fine owed: its deadline column was already there
    7: ("decided", OWED, MEASURE, [], {"payment_due": DUE}, True, DUE, True),
    # an instalment plan running: its own column, not payment_due
    8: ("executing", OWED, MEASURE, [], {"instalment_due": LATER}, True, None,
        True),
    # paid, the fixed late-payment interest not (Art. 78 k1)
    9: ("executing", PAID | {"surcharge_total": 52_500}, "", [], {}, False,
        None, True),
    # a measure only of blanks counts as none
    10: ("executing", PAID, "  ", [], {}, False, None, False),
}


def day(value):  # SQLite hands dates back as text
    return date.fromisoformat(value) if isinstance(value, str) else value


def late_in_summary(conn) -> int:
    """The province's year rows: every case here has its violation date."""
    return conn.execute(
        sa.text(
            "SELECT coalesce(sum(late), 0) FROM casesummary "
            "WHERE unit_id = 0 AND period BETWEEN 1 AND 9999"
        )
    ).scalar()


def test_0024_fills_the_column_and_recounts_the_late(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    with empty_db.begin() as conn:
        _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
                is_supervisor=False, is_vertical=False, active=True)
        step_id = 0
        for case_id, (status, money, measures, steps, more, *_) in CASES.items():
            _insert(conn, "case", id=case_id, unit_id=1, status=status,
                    field="Xây dựng", violation_date=DECIDED, decided_on=DECIDED,
                    received_on=DECIDED, compliance_due=DUE, **money, **more)
            _insert(conn, "decision", case_id=case_id, decided_on=DECIDED,
                    remedial_measures=measures)
            for step, code in steps:
                step_id += 1
                _insert(conn, "procedurestep", id=step_id, case_id=case_id,
                        step=step, code=code, on=LATER)

    dbmod.migrate()

    with empty_db.connect() as conn:
        found = {
            row.id: (bool(row.remedial_pending), day(row.payment_due))
            for row in conn.execute(
                sa.text('SELECT id, remedial_pending, payment_due FROM "case"')
            )
        }
        assert case_summary.installed(conn)
        late = late_in_summary(conn)
    assert found == {
        case_id: (pending, payment_due)
        for case_id, (*_, pending, payment_due, _late) in CASES.items()
    }
    assert late == sum(row[-1] for row in CASES.values()) == 5
    assert summary_rows() == rebuilt_rows()

    # From now on the triggers follow the new column and the interest paid.
    with empty_db.begin() as conn:
        conn.execute(sa.text(
            'UPDATE "case" SET remedial_pending = :f WHERE id IN (1, 4)'
        ), {"f": False})
        conn.execute(sa.text(
            'UPDATE "case" SET surcharge_paid = surcharge_total WHERE id = 9'
        ))
    with empty_db.connect() as conn:
        assert late_in_summary(conn) == 2
    assert summary_rows() == rebuilt_rows()


def test_0024_downgrade_removes_the_column_and_keeps_the_triggers(
    empty_db,  # noqa: F811
):
    dbmod.migrate("0024_case_remedial_pending")
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    with empty_db.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("case")}
        assert case_summary.installed(conn)
    assert "remedial_pending" not in columns
    # The triggers installed without the column still work.
    with empty_db.begin() as conn:
        _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
                is_supervisor=False, is_vertical=False, active=True)
        _insert(conn, "case", id=1, unit_id=1, status="decided", field="F",
                violation_date=DECIDED, decided_on=DECIDED, compliance_due=DUE,
                **OWED)
    with empty_db.connect() as conn:
        assert late_in_summary(conn) == 1
