"""Refused access to a case, in the audit trail.

security.md asks for failed authorisation to be logged (ASVS 16.3.2, OWASP
A01 "log access control failures"): an officer of one unit opening, editing,
deciding or printing a case of another unit was refused, but only the
successful «Xem hồ sơ» reads reached the audit log (user trial). The case
services decide every refusal of a case in `cases.checked_case` (through
`load_case`: the case page, edit and decision forms, printing, every
procedure step), and of a case in the bin in `recycle_bin._binned`; both
call `refused` here.

What the row holds: the acting user and their unit, the case's internal id
(entity "refused_case") and the attempted action as its reason. Nothing of
the case itself: whoever reads the log (an administrator or supervisor, of
the province or of unit A alone) must learn no number or name of unit B's
case from it: the log shows the id alone. Its own entity keeps the row out
of the case's history («Lịch sử thay đổi», entity "case") and out of the
log's look-up of case numbers (audit_log._cases_named). A missing id is
recorded the same way: recording only the cases that exist would make the
log an oracle of which ids exist in other units.
"""

import logging
import threading
from datetime import timedelta

from sqlalchemy import event
from sqlmodel import Session, select

from xlvphc.models import AuditEvent, Case
from xlvphc.models.base import utcnow
from xlvphc.services import audit
from xlvphc.services.access import Actor, in_scope
from xlvphc.services.db import get_engine
from xlvphc.services.errors import NotFound
from xlvphc.services.inputs import valid_id

log = logging.getLogger(__name__)

ACTION = "case.refused"
ENTITY = "refused_case"

# Flood guard: a refused page opens the case in several handlers at once
# (the case, its steps, its history), and a browser can repeat an event as
# fast as it likes. One row per user, case and attempted action per WINDOW,
# and at most PER_USER rows per user per WINDOW (an enumeration of ids is
# seen by its first rows; the rest still reach the text log).
WINDOW = timedelta(minutes=1)
PER_USER = 20

# Refusals noted inside a transaction, written once it has ended.
_PENDING = "refused_cases"
# Check and insert as one step between the threads of this worker.
_lock = threading.Lock()


def refuse_outside(
    session: Session | None,
    actor: Actor,
    case: Case | None,
    case_id: object,
    action: str,
) -> None:
    """Raise NotFound, recorded by `refused`, when the actor's role allows
    `action` but the case asked for is missing or outside their scope. A
    refusal by role is `access.require`'s to log; a malformed id has no id
    to record (the caller refuses it)."""
    known = valid_id(case_id)
    if known is None or not actor.can(action):
        return
    if case is None or not in_scope(actor, action, case.unit_id):
        refused(session, actor, known, action)
        raise NotFound()


def refused(session: Session | None, actor: Actor, case_id: int, action: str) -> None:
    """Note that `actor` was refused `action` on case `case_id`, missing or
    outside their scope: a WARNING now, an audit row when the caller's
    transaction has ended.

    Not in the caller's transaction: the refusal raised next rolls it back,
    and the row with it. Not in a second transaction at once either: on
    SQLite the caller may hold the write lock and the second would wait for
    it. So the row waits in `session.info` for `_after_transaction`.
    """
    log.warning(
        "refused %s to user=%s on case=%s: missing or outside scope",
        action,
        actor.user_id,
        case_id,
    )
    if session is None or not session.in_transaction():
        _write(actor, case_id, action, session.bind if session else None)
        return
    session.info.setdefault(_PENDING, []).append((actor, case_id, action))


def _after_transaction(session: Session, transaction) -> None:
    """Write the refusals noted in a transaction that has just ended, by
    commit or by rollback; its connection is back in the pool by then."""
    if transaction.parent is not None or not session.info.get(_PENDING):
        return
    for actor, case_id, action in session.info.pop(_PENDING):
        _write(actor, case_id, action, session.bind)


event.listen(Session, "after_transaction_end", _after_transaction)


def _write(actor: Actor, case_id: int, action: str, bind=None) -> None:
    """One audit row, unless the flood guard says it is already told. A
    failure is logged, never raised: the refusal itself stands, and must
    not turn into an error page or hide the caller's own exception."""
    try:
        with _lock, Session(bind or get_engine()) as session, session.begin():
            if _already_told(session, actor.user_id, case_id, action):
                return
            audit.record(
                session,
                actor,
                "case.refused",
                entity=ENTITY,
                entity_id=case_id,
                reason=action,
            )
    except Exception as exc:  # noqa: BLE001 - logged; the refusal stands
        log.warning(
            "could not record refused %s to user=%s on case=%s (%s)",
            action,
            actor.user_id,
            case_id,
            type(exc).__name__,
        )


def _already_told(session: Session, user_id: int, case_id: int, action: str) -> bool:
    """Whether the last WINDOW already holds this refusal, or PER_USER
    refusals of this user (the actor_id index finds them)."""
    recent = session.exec(
        select(AuditEvent.entity_id, AuditEvent.reason)
        .where(
            AuditEvent.actor_id == user_id,
            AuditEvent.action == ACTION,
            AuditEvent.at >= utcnow() - WINDOW,
        )
        .limit(PER_USER)
    ).all()
    return len(recent) >= PER_USER or (case_id, action) in set(recent)
