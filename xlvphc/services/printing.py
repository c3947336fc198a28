"""Printing a case's official forms: gathers plain data for the renderers in
`documents/` and audits every print."""

import logging
import re

from sqlmodel import Session, select

from xlvphc.documents.data import ActData, Agency, DecisionData, RecordData
from xlvphc.documents.data import ViolatorData
from xlvphc.documents.registry import render
from xlvphc.models import Case, CaseAct, Decision, Unit, ViolationRecord, Violator
from xlvphc.models.base import to_local
from xlvphc.models.cases import CaseStatus
from xlvphc.models.units import UnitKind
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor
from xlvphc.services.cases import load_case
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict

log = logging.getLogger(__name__)

FORMS = {"MBB01": "bien-ban-vi-pham", "MQĐ02": "quyet-dinh-xu-phat"}
EXPLANATION_THRESHOLD = 15_000_000  # Law Art. 61 k1 (individual; ×2 organisation)


def _agency(session: Session, unit: Unit) -> Agency:
    """The header of Decree 30/2020: the superior body above the issuing one
    where there is one, and the place name of the date line."""
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    if unit.kind in (UnitKind.COMMUNE_COMMITTEE, UnitKind.COMMUNE_POLICE):
        superior = "Công an tỉnh Đắk Lắk" if unit.kind == UnitKind.COMMUNE_POLICE \
            else ""
        place = parent.name.split(" ", 1)[-1] if parent else "Đắk Lắk"
        return Agency(name=unit.name, parent=superior, place=place)
    superior = "" if unit.is_vertical or unit.kind == UnitKind.PROVINCE \
        else "Ủy ban nhân dân tỉnh Đắk Lắk"
    return Agency(name=unit.name.replace(" tỉnh Đắk Lắk", ""), parent=superior,
                  place="Đắk Lắk")


def _violator(v: Violator) -> ViolatorData:
    return ViolatorData(**{
        k: getattr(v, k) for k in ViolatorData.__dataclass_fields__
    })


def _acts(acts: list[CaseAct]) -> list[ActData]:
    return [ActData(a.decree, a.article, a.clause, a.point, a.act, a.fine)
            for a in acts]


def _record_data(session, case, unit, violator, acts, record) -> RecordData:
    top = max((a.frame_max or 0) for a in acts) if acts else 0
    return RecordData(
        agency=_agency(session, unit),
        number=record.number,
        made_at=to_local(record.made_at),
        place=record.place,
        field=case.field,
        maker_name=record.maker_name,
        maker_title=record.maker_title,
        witness=record.witness,
        violator=_violator(violator),
        violation_at=to_local(case.violation_at),
        violation_place=case.violation_place,
        description=case.description,
        acts=_acts(acts),
        violator_statement=record.violator_statement,
        # Law Art. 61 k1: explanation when the frame's maximum reaches 15 million
        # for an individual / 30 million for an organisation; the stored frame is
        # the individual one and the organisation's is its double, so one test
        # on the individual frame covers both.
        explanation_allowed=top >= EXPLANATION_THRESHOLD,
    )


def _decision_data(session, case, unit, violator, acts, record, decision):
    return DecisionData(
        agency=_agency(session, unit),
        number=decision.number,
        decided_on=decision.decided_on,
        signer_name=decision.signer_name,
        signer_title=decision.signer_title,
        field=case.field,
        decrees=sorted({a.decree for a in acts}),
        record_number=record.number,
        record_date=to_local(record.made_at).date(),
        violator=_violator(violator),
        description=case.description,
        acts=_acts(acts),
        fine_total=decision.fine_total,
        additional_sanctions=decision.additional_sanctions,
        remedial_measures=decision.remedial_measures,
        payment_days=decision.payment_days,
        treasury=decision.treasury,
    )


def _filename(form: str, number: str, case_id: int) -> str:
    safe = re.sub(r"[^0-9A-Za-z-]", "-", number.replace("Đ", "D")).strip("-")
    return f"{FORMS[form]}-{safe or case_id}.pdf"


def form_data(actor: Actor, case_id: object, form: object):
    """Data for one form, checked for scope; used by print and preview."""
    if form not in FORMS:
        raise Conflict("Mẫu biểu không hợp lệ.")
    with session_scope() as session:
        case: Case = load_case(session, actor, case_id, Action.CASE_PRINT)
        unit = session.get(Unit, case.unit_id)
        violator = session.exec(select(Violator).where(
            Violator.case_id == case.id)).one()
        record = session.exec(select(ViolationRecord).where(
            ViolationRecord.case_id == case.id)).one()
        acts = list(session.exec(select(CaseAct).where(CaseAct.case_id == case.id)
                                 .order_by(CaseAct.position)).all())
        if form == "MBB01":
            data = _record_data(session, case, unit, violator, acts, record)
            number = record.number
        else:
            decision = session.exec(select(Decision).where(
                Decision.case_id == case.id)).first()
            if decision is None or case.status == CaseStatus.RECORDED:
                raise Conflict("Hồ sơ chưa có quyết định xử phạt để in.")
            data = _decision_data(session, case, unit, violator, acts, record,
                                  decision)
            number = decision.number
        audit.record(session, actor, "case.printed", entity="case",
                     entity_id=case.id, reason=str(form))
        log.info("user=%s printed %s of case=%s", actor.user_id, form, case.id)
        return data, _filename(form, number, case.id)


def print_form(actor: Actor, case_id: object, form: object) -> tuple[str, bytes]:
    """Returns (file name, PDF bytes). Slow: call it off the event loop."""
    data, filename = form_data(actor, case_id, form)
    return filename, render(form, data)
