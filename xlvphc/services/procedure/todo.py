"""Việc cần làm: the deadlines to act on, for the cases the user may see,
sorted by urgency (overdue first), one page at a time. Each item names its
legal basis.

The list is read from indexed date columns, never case by case: each
deadline that can still be acted on is kept on the case row by
services.procedure.deadlines (Case.decision_due, limitation_end, send_due,
payment_due, postponed_until, instalment_due, execution_end, seizure_due,
coerced_on, executed_on), with partial indexes on (due) and (unit_id, due) that hold
only the cases it applies to.
One SELECT per kind, each a range over its column read in index order,
joined by UNION ALL: the page, its (capped) counts and the page's cases are
three or four queries whatever the scope, and none reads the cases a
deadline does not apply to. The statements are built once
per shape, with the dates and units as parameters: the shell's count runs on
every page load.

A coercion under way ("coercing") is dated on the coercion decision, not on
a deadline: the law sets none for its result. Its row is shown from that
day on, for as long as the fine, its interest or a remedial measure is
owed, sorted by that date with the deadlines (the longer it has run, the
higher); it says how long it has run and everything still owed. It counts
as overdue, and in the shell's badge, from the decision on: coercion is
decided because the decision's deadline passed unmet (Art. 86 k1), and the
case stays overdue until its result leaves nothing owed (FOLLOW_UP; it was
left out of both counts before, so a coerced case owing money looked done).

A remedial measure keeps the decision's own deadline while the fine is paid
by instalments (Art. 79 is for the fine alone; Art. 73, 85) or postponed
(Art. 76, likewise): its "compliance" row, and past it the "coercion" row,
stand beside the instalment rows or the postponement's end, and say they
are for the measure (`_for_measure`), as the dashboard counts the decision
late once that deadline passed (Case.late_after). Past the postponement's
end the fine is late too (its row says so, EXPIRED), as the dashboard
counts it.

A decision executed in full (the fine and its interest paid, the measure
carried out, nothing held) whose case is still open has an "executed" row,
dated on the last step that carried it out (Case.executed_on), until
«Kết thúc: đã chấp hành xong» is recorded (Art. 73 k2; user trial: nothing
reminded the officer). It is no deadline (TO_CLOSE): listed after all of
them, never overdue, not in the shell's badge.
"""

from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache

import sqlalchemy as sa
from sqlmodel import func, select

from xlvphc.domain.dates import fmt_date
from xlvphc.domain.money import format_vnd
from xlvphc.models import Case, Decision, Instalment, ProcedureStep, Unit
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus
from xlvphc.services import case_links
from xlvphc.services.access import Action, Actor, visible_units
from xlvphc.services.db import session_scope
from xlvphc.services.procedure.closing import REMEDIAL_STEPS, remedial_done_in
from xlvphc.services.procedure.late_interest import Coercible, Owed, coercible

# How far ahead a limitation end is shown, and other deadlines.
LIMITATION_WARNING = timedelta(days=30)
SOON = timedelta(days=7)
PAGE_SIZE = 50
# The list counts and pages through the TOTAL_CAP most urgent deadlines:
# counting every stale case of a province would cost more than the page, and
# nobody pages past a thousand overdue items (the kind filter narrows them).
TOTAL_CAP = 1000
# The page shell counts deadlines overdue or due within BADGE_DAYS days, and
# stops counting at BADGE_CAP (it shows "99+"): the count stays cheap however
# many old cases a supervisor's scope holds.
BADGE_DAYS = 3
BADGE_CAP = 100

KINDS = {
    "decision": "Hạn ra quyết định xử phạt (Điều 66)",
    "limitation": "Sắp hết thời hiệu xử phạt (Điều 6)",
    "send": "Hạn gửi quyết định (Điều 70)",
    "compliance": "Hạn chấp hành quyết định (Điều 73)",
    "coercion": "Quá hạn chấp hành – xem xét cưỡng chế (Điều 86)",
    "coercing": "Đang cưỡng chế – ghi nhận kết quả cưỡng chế (Điều 86)",
    "instalment": "Hạn nộp tiền phạt theo lần (Điều 79)",
    "postponement": "Hết thời hạn hoãn thi hành (Điều 76)",
    "execution": "Sắp hết thời hiệu thi hành (Điều 74)",
    "seizure": "Hết thời hạn tạm giữ tang vật, phương tiện (Điều 125)",
    "executed": "Đã chấp hành xong – cần ghi kết thúc hồ sơ (Điều 73)",
}
# A limitation already past is no longer "about to" end: the officer closes
# the case (or, for the execution limitation, stops collecting).
EXPIRED = {
    "limitation": "Đã hết thời hiệu xử phạt – không ra quyết định (Điều 6)",
    "execution": "Đã hết thời hiệu thi hành – kết thúc hồ sơ (Điều 74)",
    "seizure": (
        "Đã hết thời hạn tạm giữ – trả lại hoặc xử lý tang vật, phương tiện "
        "(Điều 125, 126)"
    ),
    # MQĐ03 Điều 3 k1 a: past the period the fine is to be paid, or coerced.
    "postponement": (
        "Đã hết thời hạn hoãn thi hành – quá hạn nộp tiền phạt, xem xét "
        "cưỡng chế (Điều 76, 78, 86)"
    ),
}

# (the column a kind reads, how far ahead it is shown). Each column is set
# only while its kind applies (deadlines.refresh_deadlines, run by every step
# that changes a case's stage), so a range over it needs no stage condition:
# the planners then read its partial index alone, with true row estimates.
BRANCHES = {
    "decision": (Case.decision_due, None),  # Law Art. 66
    "limitation": (Case.limitation_end, "warn"),  # Art. 6
    "send": (Case.send_due, None),  # Art. 70
    "instalment": (Case.instalment_due, "soon"),  # Art. 79
    "postponement": (Case.postponed_until, "soon"),  # Art. 76
    "compliance": (Case.payment_due, "soon"),  # Art. 73, not yet due
    "coercion": (Case.payment_due, None),  # Art. 86, overdue
    "execution": (Case.execution_end, "warn"),  # Art. 74
    "seizure": (Case.seizure_due, "soon"),  # Art. 125 k8, extensions included
    "coercing": (Case.coerced_on, None),  # Art. 86, from the decision on
    "executed": (Case.executed_on, None),  # Art. 73 k2, from the last step on
}
# Kinds dated on a step under way rather than on a deadline: overdue from
# that day on, whatever count's horizon (module docstring).
FOLLOW_UP = frozenset({"coercing"})
# Kinds that are no deadline at all: a decision executed in full whose case
# is still open (Case.executed_on). Listed after every deadline, counted in
# the total only, never as overdue nor in the shell's badge: nothing is
# late, only a closing to record (module docstring).
TO_CLOSE = frozenset({"executed"})
_TODAY = sa.bindparam("today", type_=sa.Date)


def _branch(kind: str, scoped: bool, bounded: bool) -> sa.Select:
    """One kind as (case_id, kind, due) rows: a range over its column, with
    the parameters today, soon, warn, until (`bounded`) and units
    (`scoped`)."""
    column, window = BRANCHES[kind]
    # A case in the recycle bin keeps its columns (it can be restored).
    where = [Case.deleted_at.is_(None)]
    if window:
        where.append(column <= sa.bindparam(window, type_=sa.Date))
    if bounded:
        # A FOLLOW_UP row is overdue from its step on, in the overdue count
        # (until = yesterday) as in the badge's (until = today + 3 days).
        until = sa.bindparam("until", type_=sa.Date)
        where.append(column <= (_TODAY if kind in FOLLOW_UP else until))
    if kind == "compliance":
        where.append(column >= _TODAY)
    elif kind == "coercion":
        where.append(column < _TODAY)
    elif kind == "execution":  # only while a fine or its interest is owed
        where.append(
            sa.or_(
                Case.fine_total - Case.paid_total - Case.reduced_total > 0,
                Case.surcharge_total > Case.surcharge_paid,  # Art. 78 k1
            )
        )
    elif kind == "decision":
        # Past the sanctioning limitation no decision may be made (Law Art. 65
        # k1 c): the case is listed as "Đã hết thời hiệu xử phạt" only, not
        # also with a decision deadline. decision_due cannot be cleared on
        # the day the limitation ends without a nightly job, so the query
        # leaves the row out. The scan stays on the decision_due index, in
        # its order; the test reads the row the deleted_at test reads anyway
        # (plans on both databases, 1,000,000 cases). A field whose own law
        # decides the limitation has none (NULL): kept.
        where.append(
            sa.or_(Case.limitation_end.is_(None), Case.limitation_end >= _TODAY)
        )
    if not (window or bounded or kind == "coercion"):
        # Only without a range: a range already implies it (and PostgreSQL
        # would count the nulls out twice, underestimating the rows).
        where.append(column.is_not(None))
    if scoped:
        where.append(Case.unit_id.in_(sa.bindparam("units", expanding=True)))
    return select(
        Case.id.label("case_id"),
        sa.literal_column(f"'{kind}'", sa.String).label("kind"),
        column.label("due"),
    ).where(*where)


@lru_cache(maxsize=128)
def _union(kinds: tuple[str, ...], scoped: bool, bounded: bool, ordered: bool):
    """The kinds asked for, UNION ALL.

    Counts are not ordered: they stop at their cap, whichever rows come
    first. A page is: each kind's first `arm_limit` rows (page end) read in
    the order of its (due, id) index, then those few sorted together, most
    urgent first, ties in a stable order. Neither database then sorts every
    deadline in scope, whatever its row estimates."""
    if not ordered:
        return sa.union_all(*(_branch(kind, scoped, bounded) for kind in kinds))
    arms = []
    for kind in kinds:
        column = BRANCHES[kind][0]
        head = (
            _branch(kind, scoped, bounded)
            .order_by(column, Case.id)
            .limit(sa.bindparam("arm_limit", type_=sa.Integer))
            .subquery()
        )
        last = sa.literal_column("1" if kind in TO_CLOSE else "0", sa.Integer)
        arms.append(
            select(head.c.case_id, head.c.kind, head.c.due, last.label("last"))
        )
    order = (sa.literal_column(c) for c in ("last", "due", "case_id", "kind"))
    return sa.union_all(*arms).order_by(*order)


def _shape(actor: Actor, kind: object):
    """The kinds asked for, the shape of the actor's scope, and the
    parameters of the statements."""
    units = visible_units(actor, Action.CASE_READ)
    kinds = (kind,) if isinstance(kind, str) and kind in KINDS else tuple(KINDS)
    today = local_now().date()
    params = {
        "today": today,
        "soon": today + SOON,
        "warn": today + LIMITATION_WARNING,
        "units": sorted(units) if units is not None else [],
    }
    return kinds, units is not None, params, today


def _serial(session) -> None:
    """PostgreSQL only, for this transaction: no parallel plans. The capped
    counts read a thousand index entries (15-19 ms), yet the planner costs
    the whole ranges and starts two workers, whose start-up cost more than
    the work on a busy server (62-110 ms each, bench/RESULTS.md)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection().execute(
            sa.text("SET LOCAL max_parallel_workers_per_gather = 0")
        )


def _count(session, kinds, scoped: bool, params: dict, until, cap: int) -> int:
    """How many deadlines (due on or before `until`, if given: the FOLLOW_UP
    kinds then from their step on, `_branch`, and no TO_CLOSE kind), up to
    `cap`."""
    if until is not None:
        kinds = tuple(kind for kind in kinds if kind not in TO_CLOSE)
        if not kinds:
            return 0
    head = _union(kinds, scoped, until is not None, False).limit(cap).subquery()
    return session.exec(
        select(func.count()).select_from(head), params={**params, "until": until}
    ).one()


REMEDY = "biện pháp khắc phục hậu quả"


def _coercing_label(can: Coercible, remedy: bool) -> str:
    """Everything a case under coercion still owes, as its row says it: the
    unpaid fine and the late-payment interest to date (Art. 78 k1, the case
    page's figures) and the remedial measure not yet carried out (Art. 85);
    once the fine is collected, the interest left leads, which a payment or
    a further coercion collects. Of a plan (Art. 79), the fine is that of
    the instalments past their due date; those not yet due are named apart,
    not as owed (late_interest.coercible)."""
    left = can.due
    later = f"; {can.not_due_text()} chưa đến hạn nộp" if can.not_due else ""
    return _owed_label(left, remedy, bool(can.not_due)) + later


def _owed_label(left: Owed, remedy: bool, planned: bool) -> str:
    """`_coercing_label` without the instalments not yet due."""
    if left.fine:
        owed_parts = [left.breakdown(), *([REMEDY] if remedy else [])]
        return f"{KINDS['coercing']} – còn {' và '.join(owed_parts)}"
    if left.interest and remedy:
        return (
            f"Còn {format_vnd(left.interest)} tiền chậm nộp chưa thu và "
            f"{REMEDY} chưa thực hiện – ghi nhận kết quả hoặc cưỡng chế tiếp "
            "(Điều 78, 85, 86)"
        )
    if left.interest:
        return (
            f"Còn {format_vnd(left.interest)} tiền chậm nộp chưa thu – ghi nhận "
            "nộp hoặc cưỡng chế tiếp (Điều 78, 86)"
        )
    if planned and not remedy:
        return f"{KINDS['coercing']} – đã thu đủ số tiền đã đến hạn nộp"
    return f"{KINDS['coercing']} – {REMEDY}"


# The kinds dated on payment_due, which a remedial measure's own deadline
# may set (deadlines.refresh_deadlines).
MEASURE_KINDS = frozenset({"compliance", "coercion"})


def _for_measure(due: date, case) -> bool:
    """The row's deadline is the remedial measure's alone: the fine is paid
    by instalments (their own rows), postponed (the postponement's row:
    deadlines.refresh_deadlines), paid, or due on another day."""
    if not case.remedial_pending:
        return False
    if case.status == CaseStatus.POSTPONED:
        return True
    fine_owed = case.fine_total - case.paid_total - case.reduced_total > 0
    money_owed = fine_owed or case.surcharge_total > case.surcharge_paid
    return (
        case.instalment_due is not None
        or not money_owed
        or due != case.compliance_due
    )


def _row(item, case, today: date, position: int | None, coercing: str) -> dict:
    left = (item.due - today).days
    if item.kind in FOLLOW_UP:  # how long the coercion has run; overdue
        since = -left
        when = f"QĐ cưỡng chế {since} ngày trước" if since else "QĐ cưỡng chế hôm nay"
        tone = "red"
    elif item.kind in TO_CLOSE:  # since when it waits; nothing is late
        since = -left
        when = f"Xong {since} ngày trước" if since else "Xong hôm nay"
        tone = "green"
    elif left < 0:
        when, tone = f"Quá hạn {-left} ngày", "red"
    elif left == 0:
        when, tone = "Hết hạn hôm nay", "red"
    else:
        when, tone = f"Còn {left} ngày", "orange" if left <= BADGE_DAYS else "gray"
    detail = f" – lần {position}" if position else ""
    if item.kind in MEASURE_KINDS and _for_measure(item.due, case):
        detail = f" – {REMEDY}"
    return {
        "case_id": item.case_id,
        "kind": item.kind,
        "label": coercing
        if item.kind == "coercing"
        else (EXPIRED.get(item.kind) if left < 0 else None)
        or KINDS[item.kind] + detail,
        "due": fmt_date(item.due),
        "days_left": left,
        "when": when,
        "tone": tone,
        # The row's one link: on the record number, else on the decision's
        # (case_links; the row itself opens the case too, pages/todo.py).
        **case_links.link_fields(case.record_number, case.decision_number,
                                 case.without_record, case.imported),
        "decision_number": case.decision_number or "—",
        "violator_name": case.violator_name,
        "unit_name": case.unit_name,
    }


def _details(session, found) -> tuple[dict, dict]:
    """The cases of a page (by primary key), and which instalment is due for
    the instalment rows: the first not fully paid."""
    cases = {
        row.id: row
        for row in session.exec(
            select(
                Case.id,
                Case.record_number,
                Case.decision_number,
                Case.without_record,
                Case.imported,
                Case.violator_name,
                # What `_for_measure` reads.
                Case.remedial_pending,
                Case.status,
                Case.instalment_due,
                Case.compliance_due,
                Case.fine_total,
                Case.paid_total,
                Case.reduced_total,
                Case.surcharge_total,
                Case.surcharge_paid,
                Unit.name.label("unit_name"),
            )
            .join(Unit, Unit.id == Case.unit_id)
            .where(Case.id.in_({item.case_id for item in found}))
        ).all()
    }
    planned = {item.case_id for item in found if item.kind == "instalment"}
    if not planned:
        return cases, {}
    positions = session.exec(
        select(Instalment.case_id, func.min(Instalment.position))
        .where(Instalment.case_id.in_(planned), Instalment.paid < Instalment.amount)
        .group_by(Instalment.case_id)
    ).all()
    return cases, dict(positions)


def _coercions(session, found, today: date) -> dict[int, str]:
    """The labels of the page's coercion rows (`_coercing_label`): what
    each case owes today (late_interest.owed, as on the case page) and
    whether its remedial measure is still to be carried out. Four queries
    for the whole page, however many such rows it holds."""
    ids = {item.case_id for item in found if item.kind == "coercing"}
    if not ids:
        return {}
    plans = defaultdict(list)
    for part in session.exec(
        select(Instalment)
        .where(Instalment.case_id.in_(ids))
        .order_by(Instalment.case_id, Instalment.position)
    ):
        plans[part.case_id].append(part)
    measures: dict[int, str] = {}
    for case_id, text in session.exec(
        select(Decision.case_id, Decision.remedial_measures).where(
            Decision.case_id.in_(ids)
        )
    ):
        measures.setdefault(case_id, (text or "").strip())
    steps = defaultdict(list)
    for case_id, step, code in session.exec(
        select(ProcedureStep.case_id, ProcedureStep.step, ProcedureStep.code)
        .where(ProcedureStep.case_id.in_(ids), ProcedureStep.step.in_(REMEDIAL_STEPS))
        .order_by(ProcedureStep.id)
    ):
        steps[case_id].append((step, code))
    return {
        case.id: _coercing_label(
            coercible(session, case, today, plans[case.id]),
            bool(measures.get(case.id)) and not remedial_done_in(steps[case.id]),
        )
        for case in session.exec(select(Case).where(Case.id.in_(ids)))
    }


def todo_page(actor: Actor, kind: object = "", page: object = 1) -> dict:
    """One page (PAGE_SIZE rows) of the deadlines of the actor's open cases,
    most urgent first, with the totals counted up to TOTAL_CAP (`more` /
    `overdue_more` say the count stopped there). `kind` (one of KINDS)
    narrows the list, anything else means all kinds; `page` is clamped to
    the pages there are."""
    kinds, scoped, params, today = _shape(actor, kind)
    wanted = page if isinstance(page, int) and not isinstance(page, bool) else 1
    yesterday = today - timedelta(days=1)
    with session_scope() as session:
        _serial(session)
        counted = _count(session, kinds, scoped, params, None, TOTAL_CAP + 1)
        overdue = _count(session, kinds, scoped, params, yesterday, TOTAL_CAP + 1)
        total = min(counted, TOTAL_CAP)
        pages = max(1, -(-total // PAGE_SIZE))
        current = min(max(wanted, 1), pages)
        skip = (current - 1) * PAGE_SIZE
        found = session.exec(
            _union(kinds, scoped, False, True).offset(skip).limit(PAGE_SIZE),
            params={**params, "until": None, "arm_limit": skip + PAGE_SIZE},
        ).all()
        cases, positions = _details(session, found)
        coercing = _coercions(session, found, today)
    return {
        "rows": [
            _row(
                item,
                cases[item.case_id],
                today,
                positions.get(item.case_id),
                coercing.get(item.case_id, ""),
            )
            for item in found
        ],
        "page": current,
        "pages": pages,
        "total": total,
        "more": counted > TOTAL_CAP,
        "overdue": min(overdue, TOTAL_CAP),
        "overdue_more": overdue > TOTAL_CAP,
        "kind": kind if isinstance(kind, str) and kind in KINDS else "",
    }


def todo_list(actor: Actor, kind: object = "", page: object = 1) -> list[dict]:
    """The rows of one page of `todo_page`."""
    return todo_page(actor, kind, page)["rows"]


def todo_count(actor: Actor) -> int:
    """How many deadlines are overdue or due within BADGE_DAYS days (the
    shell's count; the coercions under way included), counted up to BADGE_CAP.
    Zero for a user who may not read cases (the menu item is hidden for
    them)."""
    if not actor.can(Action.CASE_READ):
        return 0
    kinds, scoped, params, today = _shape(actor, "")
    until = today + timedelta(days=BADGE_DAYS)
    with session_scope() as session:
        _serial(session)
        return _count(session, kinds, scoped, params, until, BADGE_CAP)
