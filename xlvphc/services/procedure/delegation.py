"""Sổ giao quyền: the register of delegation decisions (NĐ 118/2021 Điều 10;
Law Art. 54 k1 for sanctioning, MQĐ34; Art. 87 k2 for coercion, MQĐ35). A
head registers who may sign "KT." for which period; a decision signed by a
deputy must cite a delegation in force on its date, and the head's title
gives the ceiling."""

import logging
from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.dates import fmt_date
from xlvphc.models import Delegation
from xlvphc.models.base import local_now
from xlvphc.services import audit, signer_fit
from xlvphc.services.access import Action, Actor, require, visible_units
from xlvphc.services.db import session_scope
from xlvphc.services.errors import NotFound, ValidationFailed
from xlvphc.services.inputs import FormReader, valid_id

log = logging.getLogger(__name__)

SCOPES = {
    "sanction": "Giao quyền xử phạt (MQĐ34)",
    "coercion": "Giao quyền cưỡng chế (MQĐ35)",
}


def register_delegation(actor: Actor, data: object) -> int:
    """Record a delegation decision of the actor's unit; returns its id. Only a
    person with sanctioning authority (role "authority") registers one."""
    require(actor, Action.DECISION_SIGN, actor.unit_id)
    today = local_now().date()
    form = FormReader(data)
    values = {
        "number": form.text("number", "số quyết định giao quyền", 60, required=True),
        "signed_on": form.date("signed_on", "ngày ký", required=True, not_after=today),
        "scope": form.choice("scope", "phạm vi giao quyền", SCOPES),
        "head_title_code": form.choice(
            "head_title_code", "chức danh cấp trưởng", dict(SIGNER_TITLES)
        ),
        "deputy_name": form.text("deputy_name", "họ tên cấp phó", 120, required=True),
        "deputy_title": form.text(
            "deputy_title", "chức vụ cấp phó", 120, required=True
        ),
        "valid_from": form.date("valid_from", "ngày bắt đầu", required=True),
        "valid_to": form.date("valid_to", "ngày kết thúc"),
    }
    start, end = values["valid_from"], values["valid_to"]
    if start and values["signed_on"] and start < values["signed_on"]:
        form.errors["valid_from"] = "Thời hạn giao quyền không thể trước ngày ký."
    if start and end and end < start:
        form.errors["valid_to"] = "Ngày kết thúc phải sau ngày bắt đầu."
    with session_scope() as session:
        # The head is a head of this unit: a title of another body would
        # lend the deputy that body's ceiling (services.signer_fit).
        misfit = signer_fit.refusal(
            session, actor.unit_id, values["head_title_code"] or ""
        )
        if misfit and "head_title_code" not in form.errors:
            form.errors["head_title_code"] = misfit
        if form.errors:
            raise ValidationFailed(form.errors)
        row = Delegation(unit_id=actor.unit_id, created_by=actor.user_id, **values)
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "delegation.registered",
            entity="delegation",
            entity_id=row.id,
            after={**values},
        )
        log.info("user=%s registered delegation=%s", actor.user_id, row.id)
        return row.id


def end_delegation(actor: Actor, delegation_id: object, data: object) -> None:
    """The head revokes a delegation early (MQĐ37; NĐ 118 Điều 10)."""
    require(actor, Action.DECISION_SIGN, actor.unit_id)
    form = FormReader(data)
    ended = form.date(
        "ended_on", "ngày chấm dứt", required=True, not_after=local_now().date()
    )
    with session_scope() as session:
        row = session.get(Delegation, valid_id(delegation_id) or 0)
        if row is None or row.unit_id not in actor.scope:
            raise NotFound()
        if row.ended_on:
            form.errors["ended_on"] = (
                f"Giao quyền này đã chấm dứt ngày {fmt_date(row.ended_on)}."
            )
        elif ended and ended < row.valid_from:
            form.errors["ended_on"] = "Ngày chấm dứt không thể trước ngày bắt đầu."
        elif ended and row.valid_to and ended > row.valid_to:
            form.errors["ended_on"] = (
                f"Giao quyền đã hết thời hạn ngày {fmt_date(row.valid_to)}: "
                "không cần quyết định chấm dứt."
            )
        if form.errors:
            raise ValidationFailed(form.errors)
        row.ended_on = ended
        session.add(row)
        audit.record(
            session,
            actor,
            "delegation.ended",
            entity="delegation",
            entity_id=row.id,
            after={"ended_on": ended},
        )


def delegation_in_force(
    session: Session, unit_id: int, number: str, on: date, scope: str = "sanction"
) -> Delegation | None:
    """The unit's delegation with that number in force on a day, if any."""
    for row in registered(session, unit_id, number, scope):
        last = min(d for d in (row.valid_to, row.ended_on, date.max) if d)
        if row.valid_from <= on <= last:
            return row
    return None


def registered(
    session: Session, unit_id: int, number: str, scope: str = "sanction"
) -> list[Delegation]:
    """The unit's delegations with that number in the register, in force or
    not (a decision form without a usable date can still be told that the
    number is not there at all)."""
    return list(
        session.exec(
            select(Delegation).where(
                Delegation.unit_id == unit_id,
                Delegation.number == number.strip(),
                Delegation.scope == scope,
            )
        ).all()
    )


def delegation_state(row: Delegation, today: date) -> str:
    """ "active", "revoked" (ended early by MQĐ37) or "expired" (its term
    ran out): only an active delegation can be ended, only a revoked one
    has an ending decision to print."""
    if row.ended_on:
        return "revoked"
    if row.valid_to and row.valid_to < today:
        return "expired"
    return "active"


STATE_LABELS = {
    "active": "Đang hiệu lực",
    "revoked": "Đã chấm dứt",
    "expired": "Hết thời hạn",
}


def list_delegations(actor: Actor) -> list[dict]:
    """The register of the units the actor may see; `ended` marks rows that
    are no longer in force, `revoked` those ended early (MQĐ37)."""
    units = visible_units(actor, Action.CASE_READ)
    stmt = select(Delegation).order_by(Delegation.signed_on.desc())
    if units is not None:
        stmt = stmt.where(Delegation.unit_id.in_(units))
    labels = dict(SIGNER_TITLES)
    today = local_now().date()
    with session_scope() as session:
        return [
            {
                "state": STATE_LABELS[delegation_state(r, today)],
                "ended": delegation_state(r, today) != "active",
                "revoked": delegation_state(r, today) == "revoked",
                "id": r.id,
                "number": r.number,
                "signed_on": fmt_date(r.signed_on),
                "scope": SCOPES.get(r.scope, r.scope),
                "head": labels.get(r.head_title_code, ""),
                "deputy": f"{r.deputy_name} – {r.deputy_title}",
                "period": f"{fmt_date(r.valid_from)} – "
                f"{fmt_date(r.ended_on or r.valid_to) or 'không thời hạn'}",
            }
            for r in session.exec(stmt.limit(200))
        ]
