"""Writing the audit trail. Called inside the caller's transaction."""

import json
from typing import Any

from sqlmodel import Session

from xlvphc.models import AuditEvent
from xlvphc.services.access import Actor


def _dump(value: Any) -> str:
    if value in (None, "", {}):
        return ""
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


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
    actor yet (a failed login)."""
    session.add(
        AuditEvent(
            actor_id=actor.user_id if actor else user_id,
            unit_id=actor.unit_id if actor else unit_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=_dump(before),
            after=_dump(after),
            reason=reason[:500],
        )
    )
