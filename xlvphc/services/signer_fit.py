"""The sanctioning titles a unit may sign with (domain.unit_titles), read
from the unit tree: the accounts, the decision forms (MQĐ02, MQĐ01) and the
delegation register refuse any other, and their dropdowns offer only these.

An account saved before this check with a title of another body keeps it
until its next edit, which asks for a fitting one; meanwhile the decision
forms and the decider of a step do not take it as the account's title.

The same holds for the account's own "Chức danh", typed freely: the forms
suggest it as the signer's title, so a signer's account may not name
another body or level in it, and one saved before is not suggested.
"""

import logging

from sqlmodel import Session

from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.signer_titles import names_other_body
from xlvphc.domain.unit_titles import fitting_titles, misfit_message
from xlvphc.models import Unit
from xlvphc.services.access import Action, Actor, require, visible_units
from xlvphc.services.db import session_scope
from xlvphc.services.inputs import valid_id

log = logging.getLogger(__name__)

LABELS = dict(SIGNER_TITLES)
# Deeper than any tree the units page builds (province, body, sub-bodies).
_MAX_DEPTH = 10


def unit_titles(session: Session, unit: Unit | None) -> tuple[str, ...]:
    """The codes of the titles of a unit, told from its kind, its name and
    the names of the units above it."""
    if unit is None:
        return ()
    above: list[str] = []
    parent_id = unit.parent_id
    while parent_id is not None and len(above) < _MAX_DEPTH:
        parent = session.get(Unit, parent_id)
        if parent is None:
            break
        above.append(parent.name)
        parent_id = parent.parent_id
    return fitting_titles(unit.kind, unit.name, above)


def fits(session: Session, unit_id: int | None, code: str) -> bool:
    """Whether a title code belongs to a unit."""
    unit = session.get(Unit, unit_id) if unit_id else None
    return code in unit_titles(session, unit)


def refusal(session: Session, unit_id: int | None, code: str) -> str | None:
    """The message at the title field when a code does not belong to the
    unit; None when it does, or when no code was chosen."""
    if not code:
        return None
    unit = session.get(Unit, unit_id) if unit_id else None
    codes = unit_titles(session, unit)
    if code in codes:
        return None
    name = unit.name if unit else "đơn vị này"
    return misfit_message(LABELS.get(code, code), name, [LABELS[c] for c in codes])


def typed_refusal(session: Session, unit_id: int | None, title: str) -> str | None:
    """The message at a typed title's box when it names another body or
    level than the unit (domain.signer_titles.names_other_body): a commune
    police account titled "Chủ tịch Ủy ban nhân dân tỉnh" (user trial);
    None for a title naming no body, or the unit's own."""
    # Imported here: services.cases uses this module.
    from xlvphc.services.cases import issuer_name

    unit = session.get(Unit, unit_id) if unit_id and title else None
    if unit is None:
        return None
    body = issuer_name(unit.name, unit.kind)
    if not names_other_body(title, body):
        return None
    return (
        f"Chức danh «{title}» là chức vụ của một cơ quan khác, không phải của "
        f"{body}: ghi chức vụ của người này tại {body}."
    )


def suggested_title(
    session: Session, unit_id: int | None, title: str, code: str
) -> str:
    """The title a form suggests for an account's signer: the account's own
    "Chức danh", unless it is empty or names another body than the unit;
    then the label of its signer title, which the decision prints with the
    unit's name (domain.signer_titles.title_to_print)."""
    if title and typed_refusal(session, unit_id, title) is None:
        return title
    if title:
        log.info("not suggesting a misfit account title in unit=%s", unit_id)
    return LABELS.get(code, "")


def options(session: Session, unit_id: int | None) -> list[dict]:
    """The unit's titles as a dropdown's options ({"id", "name"})."""
    unit = session.get(Unit, unit_id) if unit_id else None
    return [{"id": c, "name": LABELS[c]} for c in unit_titles(session, unit)]


def decision_choices(actor: Actor, case_id: object = None) -> list[dict]:
    """The titles the decision forms offer: those of the case's unit, or of
    the actor's unit for a case not yet saved (MQĐ01 on the spot)."""
    # Imported here: services.cases uses this module.
    from xlvphc.services.cases import load_case

    require(actor, Action.CASE_WRITE)
    with session_scope() as session:
        unit_id = actor.unit_id
        if case_id is not None:
            unit_id = load_case(session, actor, case_id, Action.CASE_WRITE).unit_id
        return options(session, unit_id)


def delegation_choices(actor: Actor) -> list[dict]:
    """The head titles the delegation register offers: those of the
    actor's own unit, whose register it is."""
    require(actor, Action.DECISION_SIGN)
    with session_scope() as session:
        return options(session, actor.unit_id)


def account_choices(actor: Actor, unit_id: object) -> list[dict]:
    """The titles the accounts form offers for the unit picked, within the
    units the actor manages; none for any other unit."""
    require(actor, Action.ACCOUNT_MANAGE)
    if isinstance(unit_id, str) and unit_id.isdigit() and len(unit_id) < 12:
        unit_id = int(unit_id)
    uid = valid_id(unit_id)
    scope = visible_units(actor, Action.ACCOUNT_MANAGE)
    if uid is None or (scope is not None and uid not in scope):
        log.warning("refused titles of unit=%r to user=%s", uid, actor.user_id)
        return []
    with session_scope() as session:
        return options(session, uid)
