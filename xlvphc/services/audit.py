"""Writing the audit trail. Called inside the caller's transaction."""

import json
from typing import Any

from sqlmodel import Session

from xlvphc.models import AuditEvent
from xlvphc.models.base import utcnow
from xlvphc.services.access import Actor


def _dump(value: Any) -> str:
    if value in (None, "", {}):
        return ""
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


# One statement for every event, run on the session's connection: the
# ORM's insert (even a plain `insert(AuditEvent).values(...)`) sorts its
# values through the mapper first, a quarter of a case page's service time.
_INSERT = AuditEvent.__table__.insert()


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    *,
    entity: str = "",
    entity_id: int | None = None,
    before: Any = None,
    after: Any = None,
    reason: str = "",
    user_id: int | None = None,
    unit_id: int | None = None,
) -> None:
    """Append one event. `user_id`/`unit_id` name the subject when there is no
    actor yet (a failed login). Written at once by a plain INSERT, not as an
    object for the session to flush: every case read writes one, and the
    object's bookkeeping cost more than the row (bench/RESULTS.md)."""
    session.connection().execute(
        _INSERT,
        {
            "at": utcnow(),
            "actor_id": actor.user_id if actor else user_id,
            "unit_id": actor.unit_id if actor else unit_id,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before": _dump(before),
            "after": _dump(after),
            "reason": reason[:500],
            "ip": "",
        },
    )
