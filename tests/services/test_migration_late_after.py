"""Migration 0027 adds Case.late_after, the earliest deadline still running
for what an open decision owes (Luật XLVPHC Điều 73, 79, 85), fills it and
the remedial measure's deadline in payment_due for the decisions whose
measure a plan or a postponement left behind, swaps the (status,
compliance_due) index for (status, late_after) and recounts the summary;
the downgrade puts the old column and index back. Run on PostgreSQL too
(XLVPHC_TEST_DB_URL)."""

from datetime import date, timedelta

import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect

from tests.services.test_dashboard_summary import rebuilt_rows, summary_rows
from tests.services.test_migration_deadlines import _insert
from tests.services.test_migration_remedial_pending import day, late_in_summary
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import case_summary
from xlvphc.services import db as dbmod

BEFORE, AFTER = "0026_paper_issuer", "0027_case_late_after"
RECEIVED = date(2026, 3, 2)
MEASURE_DUE = RECEIVED + timedelta(days=10)  # the decision's 10 days
FIRST, LAST = date(2026, 3, 8), date(2026, 5, 20)  # the plan's instalments
UNTIL = date(2026, 6, 30)  # a postponement's end
AMENDED = date(2026, 4, 1)  # an amending decision: 10 more days from it
FINE = 3_500_000
PAID = {"fine_total": FINE, "paid_total": FINE}
OWED = {"fine_total": FINE}
# id: (status, money, other columns, plan (paid?), steps,
#      late_after after, payment_due after)
CASES = {
    # the user trial's: plan paid, measure pending: the measure's deadline
    1: ("executing", PAID, {"remedial_pending": True, "compliance_due": LAST},
        (True, True), [], MEASURE_DUE, MEASURE_DUE),
    # plan running (2nd instalment due), measure pending: the earlier
    2: ("executing", {**OWED, "paid_total": 1_400_000},
        {"remedial_pending": True, "compliance_due": LAST, "instalment_due": LAST},
        (True, False), [], MEASURE_DUE, MEASURE_DUE),
    # plan running, no measure: the next instalment, payment_due untouched
    3: ("executing", {**OWED, "paid_total": 1_400_000},
        {"compliance_due": LAST, "instalment_due": LAST}, (True, False), [],
        LAST, None),
    # no plan, fine owed: the compliance deadline, as before
    4: ("decided", OWED, {"compliance_due": MEASURE_DUE,
                          "payment_due": MEASURE_DUE}, None, [],
        MEASURE_DUE, MEASURE_DUE),
    # paid, nothing pending: none
    5: ("executing", PAID, {"compliance_due": MEASURE_DUE}, None, [], None, None),
    # closed: none
    6: ("closed", OWED, {"compliance_due": MEASURE_DUE,
                         "closed_on": UNTIL}, None, [], None, None),
    # postponed, fine and measure owed: the measure's deadline; not a stage
    # with payment_due at 0027 (0028 gives it the measure's)
    7: ("postponed", OWED, {"remedial_pending": True, "compliance_due": UNTIL,
                            "postponed_until": UNTIL}, None, [("postpone", RECEIVED)],
        MEASURE_DUE, None),
    # plan paid, then an amending decision: 10 days from it (NĐ 118 Art. 16)
    8: ("executing", PAID, {"remedial_pending": True, "compliance_due": LAST},
        (True, True), [("amend", AMENDED)], AMENDED + timedelta(days=10),
        AMENDED + timedelta(days=10)),
    # being coerced for the fine and the measure: the compliance deadline
    9: ("coercing", OWED, {"remedial_pending": True,
                           "compliance_due": MEASURE_DUE}, None,
        [("coerce", date(2026, 3, 20))], MEASURE_DUE, None),
}


def _seed(conn) -> None:
    _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
            is_supervisor=False, is_vertical=False, active=True)
    step_id = instalment_id = 0
    for case_id, (status, money, more, plan, steps, *_) in CASES.items():
        _insert(conn, "case", id=case_id, unit_id=1, status=status,
                field="Xây dựng", violation_date=RECEIVED, decided_on=RECEIVED,
                received_on=RECEIVED, **money, **more)
        _insert(conn, "decision", case_id=case_id, decided_on=RECEIVED,
                payment_days=10, remedial_measures="Buộc tháo dỡ")
        if plan:
            for position, (due, amount, paid) in enumerate(
                ((FIRST, 1_400_000, plan[0]), (LAST, 2_100_000, plan[1])), 1
            ):
                instalment_id += 1
                _insert(conn, "instalment", id=instalment_id, case_id=case_id,
                        position=position, amount=amount, due_on=due,
                        paid=amount if paid else 0)
        for step, on in steps:
            step_id += 1
            _insert(conn, "procedurestep", id=step_id, case_id=case_id,
                    step=step, on=on)


def _indexes(conn) -> dict[str, list[str]]:
    return {
        i["name"]: i["column_names"] for i in inspect(conn).get_indexes("case")
    }


def test_0027_fills_late_after_and_recounts_the_late(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    with empty_db.begin() as conn:
        _seed(conn)
    with empty_db.connect() as conn:
        # Owing, open, with compliance_due: all but 5 and 6 (read after the
        # commit: PostgreSQL folds the changes in then). Postponed counts as
        # the running code compiles the triggers (0028: LATE_STAGES).
        assert late_in_summary(conn) == 7

    dbmod.migrate(AFTER)

    with empty_db.connect() as conn:
        found = {
            row.id: (day(row.late_after), day(row.payment_due))
            for row in conn.execute(
                sa.text('SELECT id, late_after, payment_due FROM "case"')
            )
        }
        indexes = _indexes(conn)
        assert case_summary.installed(conn)
        late = late_in_summary(conn)
    assert found == {
        case_id: (late_after, payment_due)
        for case_id, (*_, late_after, payment_due) in CASES.items()
    }
    assert indexes["ix_case_status_late"] == ["status", "late_after"]
    assert "ix_case_status_due" not in indexes
    # Open, owing, with a deadline: 1, 2, 3, 4, 7, 8, 9.
    assert late == 7
    assert summary_rows() == rebuilt_rows()

    # From now on the triggers follow late_after, not compliance_due.
    with empty_db.begin() as conn:
        conn.execute(sa.text('UPDATE "case" SET compliance_due = NULL'))
    with empty_db.connect() as conn:
        assert late_in_summary(conn) == 7
    with empty_db.begin() as conn:
        conn.execute(sa.text(
            'UPDATE "case" SET late_after = NULL WHERE id IN (1, 8)'
        ))
    with empty_db.connect() as conn:
        assert late_in_summary(conn) == 5
    assert summary_rows() == rebuilt_rows()


def test_0027_downgrade_puts_back_the_old_index_and_triggers(
    empty_db,  # noqa: F811
):
    dbmod.migrate(AFTER)
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    with empty_db.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("case")}
        indexes = _indexes(conn)
        assert case_summary.installed(conn)
    assert "late_after" not in columns
    assert indexes["ix_case_status_due"] == ["status", "compliance_due"]
    assert "ix_case_status_late" not in indexes
    # The triggers installed without the column read compliance_due again.
    with empty_db.begin() as conn:
        _seed(conn)
    with empty_db.connect() as conn:
        assert late_in_summary(conn) == 7
    with empty_db.begin() as conn:
        conn.execute(sa.text(
            'UPDATE "case" SET compliance_due = NULL WHERE id = 1'
        ))
    with empty_db.connect() as conn:
        assert late_in_summary(conn) == 6
