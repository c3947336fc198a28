"""Where the decided cases stand in their execution: the seven statuses of the
dashboard's bar, each as one SQL condition on a case row.

One definition serves the dashboard bar, its summary table (the triggers of
services/case_summary.py compile these conditions), the case list filter the
bar opens, and the tests, so that a click always lists what the bar counts.
The conditions take the case columns as an argument: the Case table itself,
or the NEW / OLD row of a trigger.
"""

from datetime import date

from sqlalchemy import and_, func, literal_column, not_
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from xlvphc.models import Case
from xlvphc.models.cases import CaseStatus, CloseReason

EXECUTED = "executed"
IN_PROGRESS = "in_progress"
POSTPONED = CaseStatus.POSTPONED
REDUCED = "reduced"
COERCING = CaseStatus.COERCING
COMPLAINED = "complained"
OVERDUE = "overdue"

LABELS = {
    EXECUTED: "Đã chấp hành xong",
    IN_PROGRESS: "Đang thi hành",
    POSTPONED: "Hoãn thi hành",
    REDUCED: "Giảm, miễn tiền phạt",
    COERCING: "Bị cưỡng chế",
    COMPLAINED: "Bị khiếu nại, khởi kiện",
    OVERDUE: "Quá hạn chấp hành",
}
CODES = tuple(LABELS)

# Decided and still running normally (not postponed, coerced or ended).
RUNNING = (CaseStatus.DECIDED, CaseStatus.EXECUTING)
ENDED = (CaseStatus.CLOSED, CaseStatus.TRANSFERRED)


def _columns(c):
    return Case.__table__.c if c is None else c


# Stages in which a decided case can be late: open and not postponed. Listed
# rather than negated so that the (status, compliance_due) index serves it.
LATE_STAGES = tuple(
    s for s in CaseStatus.LABELS if s not in ENDED and s != CaseStatus.POSTPONED
)


def can_be_late(c=None):
    """Decided, open, not postponed (Art. 76 suspends it) and with a
    compliance deadline: overdue once that deadline has passed. It does not
    depend on today, so the summary keeps its count; the dashboard takes
    away the few whose deadline is still to come."""
    c = _columns(c)
    return _late_terms(c, c.closed_on.is_(None))


def _late_terms(c, still_open):
    # Every part is TRUE or FALSE, never NULL, so that NOT(overdue) works.
    return and_(
        c.status.in_(LATE_STAGES),
        c.compliance_due.is_not(None),
        c.decided_on.is_not(None),
        still_open,
    )


def not_yet_due(today: date, c=None, sqlite_plan: bool = False):
    """Could be late, but the deadline is today or later.

    `sqlite_plan`: the same condition with two hints for SQLite's planner,
    which reads only index statistics without value samples. It guessed 274
    rows for `closed_on IS NULL` (one per date of the closed cases; really
    every open case, 5% of them) and walked that index: 60-120 ms at a
    million cases. The unary plus keeps it off that index, and `likelihood`
    tells it that few deadlines are still to come, so that it reads the
    (status, compliance_due) range from today on (2 ms) rather than the
    violation-date or unit index. Both are no-ops on the values."""
    c = _columns(c)
    if not sqlite_plan:
        return and_(can_be_late(c), c.compliance_due >= today)
    unindexed = UnaryExpression(c.closed_on, operator=operators.custom_op("+"))
    return and_(
        _late_terms(c, unindexed.is_(None)),
        func.likelihood(c.compliance_due >= today, literal_column("0.001")),
    )


def overdue(today: date, c=None):
    """The compliance deadline (Law Art. 73: 10 days from receipt, or the
    decision's own term) has passed and the case is still open and not
    postponed."""
    c = _columns(c)
    return and_(can_be_late(c), c.compliance_due < today)


def running(c=None):
    """Decided and in the normal course of execution (overdue or not): the
    in-progress bar is this less the overdue ones among them."""
    c = _columns(c)
    return and_(c.decided_on.is_not(None), c.status.in_(RUNNING))


def stored(c=None) -> dict:
    """The statuses that do not depend on today's date: the summary table
    keeps a count of each."""
    c = _columns(c)
    decided = c.decided_on.is_not(None)
    return {
        EXECUTED: and_(
            c.status == CaseStatus.CLOSED, c.close_reason == CloseReason.EXECUTED
        ),
        POSTPONED: c.status == CaseStatus.POSTPONED,
        REDUCED: and_(decided, c.reduced_total > 0),
        COERCING: c.status == CaseStatus.COERCING,
        COMPLAINED: and_(decided, c.complained.is_(True)),
    }


def conditions(today: date, c=None) -> dict:
    """Every status as of `today`, in the bar's order."""
    late = overdue(today, c)
    found = stored(c)
    found[IN_PROGRESS] = and_(running(c), not_(late))
    found[OVERDUE] = late
    return {code: found[code] for code in CODES}
