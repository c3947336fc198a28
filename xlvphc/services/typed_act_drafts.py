"""The acts typed outside the catalogue that a tab's draft kept
(components/form_guard.py, assets/form_guard.js): given back to the picker
when the form opens again, each checked again as the small form checks it
(services.typed_acts), since the draft lives in the browser."""

import logging

from xlvphc.models.base import local_now
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.case_input import MAX_ACTS
from xlvphc.services.db import session_scope
from xlvphc.services.typed_acts import boxes_of, fields, read_one

log = logging.getLogger(__name__)


def from_draft(actor: Actor, raw: object) -> dict:
    """The typed acts a tab's draft kept (components/form_guard.py), given
    back when the form opens again: each is checked again as the small form
    checks it, since the browser may have changed them (or the catalogue may
    have gained the point since). Returns {"rows": the acts as the picker
    lists them, "message": why some could not be restored, or ""}."""
    require(actor, Action.CASE_WRITE)
    # A draft never holds more than a case may: anything else is no draft.
    if not isinstance(raw, list) or not raw or len(raw) > MAX_ACTS:
        return {"rows": [], "message": ""}
    today = local_now().date()
    rows: list[dict] = []
    refused: list[str] = []
    with session_scope() as session:
        known = fields(session)
        for item in raw:
            row = item if isinstance(item, dict) else {}
            typed, problems = read_one(session, boxes_of(row), today, known)
            if problems:
                refused.append(next(iter(problems.values())))
                continue
            # One act per citation, as the picker adds them.
            if all(r["citation"] != typed.citation() for r in rows):
                rows.append(typed.row())
    if not refused:
        return {"rows": rows, "message": ""}
    log.info("user=%s draft typed acts refused=%s", actor.user_id, len(refused))
    return {
        "rows": rows,
        "message": (
            f"{len(refused)} hành vi ngoài danh mục của bản nháp không khôi phục "
            f"được ({refused[0]}): nhập lại nếu cần."
        ),
    }
