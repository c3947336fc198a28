"""Migration 0028: a postponed decision (Luật XLVPHC Điều 76) is late once
the earlier of its postponement's end and its remedial measure's own
deadline (Điều 73, 85) has passed. It works out late_after and payment_due
(the measure's deadline alone) again for the open postponed decisions
stored before, puts the summary triggers in again and recounts them; the
downgrade clears payment_due of the postponed again. Run on PostgreSQL
too (XLVPHC_TEST_DB_URL)."""

from datetime import date, timedelta

import sqlalchemy as sa
from alembic import command

from tests.services.test_dashboard_summary import rebuilt_rows, summary_rows
from tests.services.test_migration_deadlines import _insert
from tests.services.test_migration_remedial_pending import day, late_in_summary
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import case_summary
from xlvphc.services import db as dbmod

BEFORE, AFTER = "0027_case_late_after", "0028_postponed_late"
RECEIVED = date(2026, 3, 2)
MEASURE_DUE = RECEIVED + timedelta(days=10)  # the decision's 10 days
UNTIL = date(2026, 6, 30)  # the postponement's «đến ngày»
AMENDED = date(2026, 4, 1)  # an amending decision: 10 more days from it
WRONG = date(2020, 1, 1)  # a late_after stored otherwise (by hand)
FINE = 3_500_000
PAID = {"fine_total": FINE, "paid_total": FINE}
OWED = {"fine_total": FINE}
POSTPONED = {"compliance_due": UNTIL, "postponed_until": UNTIL}
# id: (status, money, other columns, received?, steps,
#      late_after after, payment_due after)
CASES = {
    # fine owed, no measure, late_after lost: the postponement's end
    1: ("postponed", OWED, POSTPONED, True, [("postpone", RECEIVED)],
        UNTIL, None),
    # fine and measure owed: the measure's deadline comes first
    2: ("postponed", OWED, {**POSTPONED, "remedial_pending": True}, True,
        [("postpone", RECEIVED)], MEASURE_DUE, MEASURE_DUE),
    # fine paid, the measure left: the measure's deadline alone
    3: ("postponed", PAID, {"compliance_due": UNTIL, "remedial_pending": True,
                            "late_after": WRONG}, True,
        [("postpone", RECEIVED)], MEASURE_DUE, MEASURE_DUE),
    # an amending decision gives the measure 10 more days (NĐ 118 Art. 16)
    4: ("postponed", OWED, {**POSTPONED, "remedial_pending": True}, True,
        [("postpone", RECEIVED), ("amend", AMENDED)],
        AMENDED + timedelta(days=10), AMENDED + timedelta(days=10)),
    # put in the stage by hand (no step): the compliance deadline for both
    5: ("postponed", OWED, {**POSTPONED, "remedial_pending": True}, True, [],
        UNTIL, UNTIL),
    # nothing owed, a stray late_after: none
    6: ("postponed", PAID, {"compliance_due": UNTIL, "late_after": WRONG},
        True, [("postpone", RECEIVED)], None, None),
    # not received: the measure's deadline unknown, the fine's end
    7: ("postponed", OWED, {**POSTPONED, "remedial_pending": True}, False,
        [("postpone", RECEIVED)], UNTIL, None),
    # not postponed: left as it was
    8: ("executing", OWED, {"compliance_due": MEASURE_DUE,
                            "payment_due": MEASURE_DUE,
                            "late_after": MEASURE_DUE}, True, [],
        MEASURE_DUE, MEASURE_DUE),
}


def _seed(conn) -> None:
    _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
            is_supervisor=False, is_vertical=False, active=True)
    step_id = 0
    for case_id, (status, money, more, received, steps, *_) in CASES.items():
        _insert(conn, "case", id=case_id, unit_id=1, status=status,
                field="Xây dựng", violation_date=RECEIVED, decided_on=RECEIVED,
                received_on=RECEIVED if received else None, **money, **more)
        _insert(conn, "decision", case_id=case_id, decided_on=RECEIVED,
                payment_days=10, remedial_measures="Buộc tháo dỡ")
        for step, on in steps:
            step_id += 1
            _insert(conn, "procedurestep", id=step_id, case_id=case_id,
                    step=step, on=on)


def _columns(conn) -> dict[int, tuple]:
    return {
        row.id: (day(row.late_after), day(row.payment_due))
        for row in conn.execute(
            sa.text('SELECT id, late_after, payment_due FROM "case"')
        )
    }


def test_0028_fills_the_postponed_and_counts_them_late(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    with empty_db.begin() as conn:
        _seed(conn)
    with empty_db.connect() as conn:
        # As stored: late_after set on 3, 6 and 8 only.
        assert late_in_summary(conn) == 2  # 3 and 8; 6 owes nothing

    dbmod.migrate(AFTER)

    with empty_db.connect() as conn:
        found = _columns(conn)
        assert case_summary.installed(conn)
        late = late_in_summary(conn)
    assert found == {
        case_id: (late_after, payment_due)
        for case_id, (*_, late_after, payment_due) in CASES.items()
    }
    # Open, owing, with a deadline: all but 6.
    assert late == 7
    assert summary_rows() == rebuilt_rows()

    # The triggers count a postponed decision by its late_after.
    with empty_db.begin() as conn:
        conn.execute(sa.text(
            'UPDATE "case" SET late_after = NULL WHERE id IN (1, 2)'
        ))
    with empty_db.connect() as conn:
        assert late_in_summary(conn) == 5
    assert summary_rows() == rebuilt_rows()


def test_0028_downgrade_clears_the_postponed_payment_due(
    empty_db,  # noqa: F811
):
    dbmod.migrate(BEFORE)
    with empty_db.begin() as conn:
        _seed(conn)
    dbmod.migrate(AFTER)
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    with empty_db.connect() as conn:
        found = _columns(conn)
        assert case_summary.installed(conn)
    assert {i: payment_due for i, (_, payment_due) in found.items()} == {
        i: None for i in range(1, 8)
    } | {8: MEASURE_DUE}
    # late_after stays as 0028 worked it out.
    assert found[2][0] == MEASURE_DUE
    assert summary_rows() == rebuilt_rows()
