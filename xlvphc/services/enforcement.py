"""Where the decided cases stand in their execution: the seven statuses of the
dashboard's bar, each as one SQL condition on a case row.

One definition serves the dashboard bar, its summary table (the triggers of
services/case_summary.py compile these conditions), the case list filter the
bar opens, and the tests, so that a click always lists what the bar counts.
The conditions take the case columns as an argument: the Case table itself,
or the NEW / OLD row of a trigger.

"Postponed" and "coerced" count the decisions that had a postponement (Law
Art. 76, MQĐ03) or a coercion decision (Art. 86-87, MQĐ07-12c), whatever
their stage now, as the report's rows 3.5 and 3.7 do: Decree 118/2021
Art. 35 k2 asks for "số quyết định hoãn" and "số quyết định phải cưỡng
chế", and a leader reading both screens must get one answer (user trial:
a decision postponed then paid showed as postponed in the report only).
A trigger row cannot see the procedure steps, so the summary keeps the
cases in that stage now (`stored`) and the dashboard adds the few that
have left it (`left_stage`).
"""

from datetime import date

from sqlalchemy import and_, func, literal_column, not_, or_, select
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from xlvphc.models import Case, ProcedureStep
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
    # Not "Hoãn thi hành" / "Đang cưỡng chế": those name the stage a case
    # is in now (the list's "Trạng thái" filter), a different count.
    POSTPONED: "Có quyết định hoãn thi hành",
    REDUCED: "Giảm, miễn tiền phạt",
    COERCING: "Có quyết định cưỡng chế",
    COMPLAINED: "Bị khiếu nại, khởi kiện",
    OVERDUE: "Quá hạn chấp hành",
}
CODES = tuple(LABELS)
# What each bar counts, in the chart's tooltip.
HINTS = {
    EXECUTED: "Số quyết định đã chấp hành xong (hồ sơ đã kết thúc)",
    IN_PROGRESS: "Số quyết định đang thi hành, chưa quá hạn chấp hành (kể cả "
    "quyết định đã nộp đủ, đã thực hiện xong nhưng chưa kết thúc hồ sơ)",
    POSTPONED: "Số quyết định đã có quyết định hoãn thi hành (Điều 76), "
    "kể cả khi đã hết hoãn hoặc đã nộp xong",
    REDUCED: "Số quyết định được giảm, miễn tiền phạt (Điều 77)",
    COERCING: "Số quyết định đã có quyết định cưỡng chế (Điều 86, 87), "
    "kể cả khi đã thi hành xong",
    COMPLAINED: "Số quyết định bị khiếu nại, khởi kiện",
    OVERDUE: "Số quyết định đã quá hạn chấp hành mà còn nợ tiền phạt, tiền "
    "chậm nộp hoặc chưa thực hiện biện pháp khắc phục hậu quả (tiền phạt "
    "được hoãn thi hành quá hạn từ ngày sau ngày hết thời gian hoãn; không "
    "tính quyết định đã nộp đủ chỉ chờ kết thúc hồ sơ)",
}
# The step that leads into each of these stages; no other path leads there.
STAGE_STEPS = {POSTPONED: "postpone", COERCING: "coerce"}

# Decided and still running normally (not postponed, coerced or ended).
RUNNING = (CaseStatus.DECIDED, CaseStatus.EXECUTING)
ENDED = (CaseStatus.CLOSED, CaseStatus.TRANSFERRED)


def _columns(c):
    return Case.__table__.c if c is None else c


# Stages in which a decided case can be late: every open one. Postponed
# included: a postponement (Art. 76, MQĐ03) moves the fine's deadline to the
# «đến ngày» of its period, and a remedial measure keeps its own
# (deadlines.refresh_deadlines keeps late_after on both), so the decision
# is late past the earlier of them (user trial: a postponement whose end
# had passed unpaid was never «Quá hạn chấp hành»). Listed rather than
# negated so that the (status, late_after) index serves it.
LATE_STAGES = tuple(s for s in CaseStatus.LABELS if s not in ENDED)


def can_be_late(c=None):
    """Decided, open, with a deadline running (`late_after`) and still
    owing something (`owes`): overdue once that deadline has passed. A
    postponed decision too: a postponement (Art. 76) suspends the fine until
    the end of its period, which late_after holds, not for ever. It does
    not depend on today, so the summary keeps its count; the dashboard
    takes away the few whose deadline is still to come.

    The deadline is Case.late_after, not compliance_due: a plan (Art. 79)
    or a postponement (Art. 76) moves compliance_due to the fine's own
    dates, while a remedial measure keeps the decision's (Art. 73, 85;
    deadlines.remedial_due). late_after is the earliest deadline still
    running for what is owed, kept on the row by
    procedure.deadlines.refresh_deadlines, because the triggers read the
    row alone and the (status, late_after) index serves a single column
    (user trial: a paid plan with the measure past its deadline was not
    counted late)."""
    c = _columns(c)
    return _late_terms(c, c.closed_on.is_(None))


def owes(c=None):
    """The decision still asks something of the violator (Law Art. 73 k2):
    the fine, less what was paid and reduced or exempted (Art. 77); the
    late-payment interest fixed on it (Art. 78 k1; interest still running
    implies an unpaid fine); or a remedial measure not yet carried out
    (Art. 28, 85; Case.remedial_pending, kept by
    procedure.deadlines.refresh_deadlines). A decision that owes nothing
    but is not closed yet has nothing left to be late with: the case page
    shows its deadline as "Không còn áp dụng" (user trial: such cases were
    counted as "Quá hạn chấp hành"). Case columns only, for the triggers."""
    c = _columns(c)
    return or_(
        c.fine_total > c.paid_total + c.reduced_total,
        c.surcharge_total > c.surcharge_paid,
        c.remedial_pending.is_(True),
    )


def _late_terms(c, still_open):
    # Every part is TRUE or FALSE, never NULL, so that NOT(overdue) works
    # (the money columns and remedial_pending are NOT NULL).
    return and_(
        c.status.in_(LATE_STAGES),
        c.late_after.is_not(None),
        c.decided_on.is_not(None),
        still_open,
        owes(c),
    )


def not_yet_due(today: date, c=None, sqlite_plan: bool = False):
    """Could be late, but the deadline is today or later.

    `sqlite_plan`: the same condition with two hints for SQLite's planner,
    which reads only index statistics without value samples. It guessed 274
    rows for `closed_on IS NULL` (one per date of the closed cases; really
    every open case, 5% of them) and walked that index: 60-120 ms at a
    million cases. The unary plus keeps it off that index, and `likelihood`
    tells it that few deadlines are still to come, so that it reads the
    (status, late_after) range from today on (2 ms) rather than the
    violation-date or unit index. Both are no-ops on the values."""
    c = _columns(c)
    if not sqlite_plan:
        return and_(can_be_late(c), c.late_after >= today)
    unindexed = UnaryExpression(c.closed_on, operator=operators.custom_op("+"))
    return and_(
        _late_terms(c, unindexed.is_(None)),
        func.likelihood(c.late_after >= today, literal_column("0.001")),
    )


def overdue(today: date, c=None):
    """A deadline of what the decision still owes has passed (Law Art. 73:
    10 days from receipt, or the decision's own term; an instalment, Art.
    79; the remedial measure's, Art. 85: `can_be_late`) and the case is
    still open and owing the fine, its interest or a remedial measure
    (for a postponed fine, the postponement's «đến ngày» is its deadline,
    Art. 76: late from the day after)."""
    c = _columns(c)
    return and_(can_be_late(c), c.late_after < today)


def sanctioned(c=None):
    """A sanction decision was issued and still stands: a decision cancelled
    in full (MQĐ40, NĐ 118/2021 Điều 13; the case closes as CANCELLED)
    sanctions nobody, so it is not counted as a decision, nor its fine as
    imposed (user trial: a cancelled decision was counted as sanctioned).
    What was collected before the cancellation stays in "collected"."""
    c = _columns(c)
    return and_(
        c.decided_on.is_not(None),
        or_(c.close_reason.is_(None), c.close_reason != CloseReason.CANCELLED),
    )


def cancelled(c=None):
    """The case's sanction decision was cancelled in full (MQĐ40)."""
    c = _columns(c)
    return and_(c.status == CaseStatus.CLOSED, c.close_reason == CloseReason.CANCELLED)


def running(c=None):
    """Decided and in the normal course of execution (overdue or not): the
    in-progress bar is this less the overdue ones among them."""
    c = _columns(c)
    return and_(c.decided_on.is_not(None), c.status.in_(RUNNING))


def had_step(code: str, c=None):
    """The decision had the step of STAGE_STEPS[code] (postponement or
    coercion), or is in its stage (a case put there without the step, by
    hand or by the benchmark's generator, still counts). Not for triggers:
    it reads the procedure steps."""
    c = _columns(c)
    s = ProcedureStep.__table__.c
    # IN rather than a correlated EXISTS: each side of the OR then reads an
    # index (the status; the steps' kind), not every case of the period
    # (1.2 s against 3.5 ms for the list filter at a million cases, SQLite).
    took = c.id.in_(select(s.case_id).where(s.step == STAGE_STEPS[code]))
    return or_(c.status == code, and_(left_stage(code, c), took))


def left_stage(code: str, c=None):
    """With the step taken, the part of `had_step(code)` that `stored` does
    not keep: decided, no longer in that stage (the dashboard reads these
    few from the steps' index: dashboard.plan)."""
    c = _columns(c)
    return and_(c.decided_on.is_not(None), c.status != code)


def stored(c=None) -> dict:
    """The statuses that do not depend on today's date: the summary table
    keeps a count of each. For POSTPONED and COERCING it keeps the cases in
    that stage now; `conditions` counts those that had the step."""
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
    """Every status as of `today`, in the bar's order: what the bar counts
    and the list behind it lists."""
    late = overdue(today, c)
    found = stored(c)
    for code in STAGE_STEPS:
        found[code] = had_step(code, c)
    found[IN_PROGRESS] = and_(running(c), not_(late))
    found[OVERDUE] = late
    return {code: found[code] for code in CODES}
