"""Xử phạt không lập biên bản (form MQĐ01; Law Art. 56 as amended by Law
88/2025 Art. 1 k8): a warning, or a fine up to 500.000 đồng for an individual
/ 1.000.000 đồng for an organisation (250.000 / 500.000 before 01/7/2025),
decided and handed over on the spot. The case is created already decided,
without a violation record. Its acts are catalogue acts or acts typed by the
officer (services.typed_acts), checked as the new-case form checks them."""

import logging
from datetime import date
from types import SimpleNamespace

from sqlmodel import select

from xlvphc.domain.deadlines import compliance_deadline
from xlvphc.domain.fines import LAW_88_IN_FORCE, no_record_ceiling
from xlvphc.domain.minors import minor_rule
from xlvphc.domain.money import format_vnd
from xlvphc.models import Case, CaseAct, CaseEvent, Violator
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus, ViolatorKind
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.case_input import CaseInput, read_case, read_decision
from xlvphc.services.cases import (
    _lawful_decision,
    _same_violator_same_day,
    refusal,
    search_text,
    violator_minor,
    write_decision,
)
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure.deadlines import refresh_deadlines
from xlvphc.services.typed_acts import box_id, case_act
from xlvphc.services.ward_place import violation_in_ward

log = logging.getLogger(__name__)

# read_case wants a record; on the spot its fields come from the violation and
# the signer, so their errors are already reported at those fields.
_RECORD_KEYS = (
    "record_date",
    "record_time",
    "record_place",
    "maker_name",
    "maker_title",
)


def _ceiling_message(total: int, on, is_org: bool) -> str | None:
    limit = no_record_ceiling(on, is_org)
    if total <= limit:
        return None
    who = "tổ chức" if is_org else "cá nhân"
    text = (
        "sửa đổi bởi Luật 88/2025/QH15"
        if on >= LAW_88_IN_FORCE
        else "trước ngày 01/7/2025"
    )
    return (
        f"Xử phạt không lập biên bản chỉ được phạt cảnh cáo hoặc phạt tiền đến "
        f"{format_vnd(limit)} đối với {who} (Điều 56 Luật XLVPHC, {text}); "
        "vụ việc này phải lập biên bản."
    )


def _decision_boxes(
    parsed: CaseInput, form: dict, today: date, in_ward: bool = False
) -> dict:
    """The problems of the decision's boxes (date, signer, fines, treasury…)
    while the violation itself is refused, so no case exists yet: each act
    stands in with its catalogue id (the fine boxes are `fine_<catalogue
    id>`) and frame. The checks that need the saved case (limitation,
    authority) wait for the violation to be right. A typed act stands in
    with its row id, as its box is named (typed_acts.box_id); in a ward,
    with the ward's frame, as the case will keep it (typed_acts.case_act)."""
    acts = []
    for e in parsed.acts:
        row = case_act(0, 0, e, in_ward)
        acts.append(SimpleNamespace(
            id=box_id(e), frame_min=row.frame_min, frame_max=row.frame_max))
    is_org = parsed.violator.get("kind") == ViolatorKind.ORGANISATION
    violated = parsed.violation_at.date() if parsed.violation_at else None
    birth = None if is_org else parsed.violator.get("birth_date")
    minor = minor_rule(birth, violated)
    day = violated or today
    decided, errors = read_decision(form, acts, is_org, day, today, minor)
    _check_ceiling(errors, decided, acts, is_org, day)
    return errors


def _check_ceiling(errors: dict, decided, acts, is_org: bool, day) -> None:
    """The Art. 56 ceiling at the first fine box, checked whatever else is
    wrong (user trial: it came last, after three submits, for a case that
    could never be decided on the spot); only fines that could not be read
    leave it for later. Without a decision date, the violation's day tells
    which ceiling applies."""
    if not acts or any(key.startswith("fine_") for key in errors):
        return
    total = sum(decided.fines.values())
    problem = _ceiling_message(total, decided.decided_on or day, is_org)
    if problem:
        errors[f"fine_{acts[0].id}"] = problem


def decide_without_record(
    actor: Actor, data: object, request_key: object = None
) -> int:
    """Create a case decided on the spot (MQĐ01) and return its id.

    Fines are sent as `fine_<catalogue id>`, or `fine_<row id>` for an act
    typed by the officer (`typed_acts`, the list the picker sends, checked
    again here); the unit comes from the actor. A repeated request key
    returns the first case."""
    require(actor, Action.CASE_WRITE, actor.unit_id)
    form = dict(data) if isinstance(data, dict) else {}
    key = (
        request_key
        if isinstance(request_key, str) and 8 <= len(request_key) <= 64
        else None
    )
    today = local_now().date()
    with session_scope() as session:
        if key:
            existing = session.exec(
                select(Case.id).where(
                    Case.request_key == key, Case.unit_id == actor.unit_id
                )
            ).first()
            if existing:
                return existing

        # The violation, violator and acts, read as for a recorded case.
        filled = {
            **form,
            "record_date": form.get("violation_date"),
            "record_time": form.get("violation_time"),
            "record_place": form.get("violation_place"),
            "maker_name": form.get("signer_name"),
            "maker_title": form.get("signer_title") or "—",
        }
        parsed, errors = read_case(session, filled, today, typed=True)
        errors = {k: v for k, v in errors.items() if k not in _RECORD_KEYS}
        # The same person fined twice the same day: refused until confirmed,
        # as a new case with a record is (services.cases).
        twin = _same_violator_same_day(session, actor.unit_id, parsed, form, errors)
        # A catalogue act whose frame doubles in a ward takes that frame.
        in_ward = violation_in_ward(session, actor.unit_id, parsed.violation_place)
        if errors:
            # The decision's own boxes are read too, so that one submit
            # shows every problem (user trial: errors came in rounds).
            boxes = _decision_boxes(parsed, form, today, in_ward)
            raise refusal({**boxes, **errors})

        case = Case(
            unit_id=actor.unit_id,
            field=parsed.field,
            status=CaseStatus.RECORDED,
            violation_at=parsed.violation_at,
            violation_date=parsed.violation_at.date(),
            violation_place=parsed.violation_place,
            description=parsed.description,
            violator_kind=parsed.violator["kind"],
            violator_name=parsed.violator["name"],
            without_record=True,
            created_by=actor.user_id,
            request_key=key,
        )
        session.add(case)
        session.flush()
        violator = Violator(case_id=case.id, **parsed.violator)
        session.add(violator)
        acts: list[CaseAct] = []
        for position, entry in enumerate(parsed.acts):
            act = case_act(case.id, position, entry, in_ward)
            session.add(act)
            acts.append(act)
        session.flush()

        # The decision: frame, circumstances, authority, limitation, ceiling.
        by_act = {
            f"fine_{a.id}": f"fine_{box_id(e)}" for a, e in zip(acts, parsed.acts)
        }
        decision_data = {**form, **{k: form.get(v) for k, v in by_act.items()}}
        is_org = case.violator_kind == ViolatorKind.ORGANISATION
        day = case.violation_date
        # A minor: half the frame from 16, only a warning from 14, nothing
        # under 14 (Law Art. 5 k1 a, Art. 134; refused in _lawful_decision).
        minor = violator_minor(session, case)
        decided, errors = read_decision(decision_data, acts, is_org, day, today, minor)
        notes = _lawful_decision(session, case, acts, is_org, decided, errors)
        _check_ceiling(errors, decided, acts, is_org, day)
        errors = {by_act.get(k, k): v for k, v in errors.items()}
        if errors:
            raise ValidationFailed(errors)

        number, total = write_decision(session, actor, case, acts, decided, "MQĐ01")
        # Handed over on the spot: received the day it is signed (MQĐ01).
        case.status = CaseStatus.DECIDED
        case.decision_number = number
        case.decided_on = decided.decided_on
        case.fine_total = total
        case.received_on = decided.decided_on
        case.compliance_due = compliance_deadline(
            decided.decided_on, decided.payment_days
        )
        case.search_text = search_text(case, violator)
        refresh_deadlines(session, case)
        session.add(case)
        session.add(
            CaseEvent(
                case_id=case.id,
                kind="decision",
                actor_id=actor.user_id,
                summary=f"Ra quyết định xử phạt không lập biên bản số {number} "
                f"(mẫu MQĐ01)" + "".join(f"; {n}" for n in notes),
            )
        )
        audit.record(
            session,
            actor,
            "decision.without_record",
            entity="case",
            entity_id=case.id,
            # The history tab shows the stage reached (before: a new case).
            after={
                "status": case.status,
                "decision_number": number,
                "fine_total": total,
                "acts": [a.catalogue_id for a in acts if a.catalogue_id],
                **({"typed_acts": [e.citation() for e in parsed.acts
                                   if e.id is None]}
                   if any(e.id is None for e in parsed.acts) else {}),
                **({"duplicate_of": twin} if twin else {}),
            },
        )
        log.info("user=%s decided case=%s without record", actor.user_id, case.id)
        return case.id
