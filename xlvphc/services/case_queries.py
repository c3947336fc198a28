"""Reading cases: the paged list with search and filters, and one case whole."""

from sqlalchemy import func
from sqlmodel import select

from xlvphc.domain.dates import fmt_date, fmt_datetime, parse_date
from xlvphc.domain.fines import default_fine
from xlvphc.domain.money import format_number, format_vnd
from xlvphc.domain.text import clean, fold
from xlvphc.models import Case, CaseAct, CaseEvent, Decision, Unit, User
from xlvphc.models import ViolationRecord, Violator
from xlvphc.models.base import to_local
from xlvphc.models.cases import CaseStatus, ViolatorKind
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, visible_units
from xlvphc.services.case_input import frame_for
from xlvphc.services.catalogue import frame_text
from xlvphc.services.cases import load_case
from xlvphc.services.db import session_scope

PAGE_SIZE = 20


def _like_words(text: str) -> list[str]:
    words = []
    for word in fold(text).split()[:8]:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        words.append(f"% {escaped}%")
    return words


def list_cases(actor: Actor, filters: object = None, page: object = 1) -> dict:
    """One page of the cases the actor may see. Unknown filter keys are ignored;
    bad values are dropped rather than widening the result."""
    units = visible_units(actor, Action.CASE_READ)
    f = filters if isinstance(filters, dict) else {}
    page_no = page if isinstance(page, int) and 1 <= page <= 1_000_000 else 1
    stmt = select(Case, Unit.name).join(Unit, Unit.id == Case.unit_id).where(
        Case.deleted_at.is_(None))
    if units is not None:
        stmt = stmt.where(Case.unit_id.in_(units))
    for pattern in _like_words(clean(f.get("q"))[:200]):
        stmt = stmt.where(Case.search_text.like(pattern, escape="\\"))
    status = clean(f.get("status"))
    if status in CaseStatus.LABELS:
        stmt = stmt.where(Case.status == status)
    date_from = parse_date(clean(f.get("date_from")))
    date_to = parse_date(clean(f.get("date_to")))
    if date_from:
        stmt = stmt.where(Case.violation_date >= date_from)
    if date_to:
        stmt = stmt.where(Case.violation_date <= date_to)

    with session_scope() as session:
        total = session.exec(select(func.count()).select_from(stmt.subquery())).one()
        rows = session.exec(
            stmt.order_by(Case.id.desc()).offset((page_no - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
    return {
        "rows": [
            {
                "id": case.id,
                "record_number": case.record_number,
                "decision_number": case.decision_number or "—",
                "violator_name": case.violator_name,
                "unit_name": unit_name,
                "field": case.field,
                "status": CaseStatus.LABELS.get(case.status, case.status),
                "status_code": case.status,
                "violation_date": fmt_date(case.violation_date),
                "fine_total": format_vnd(case.fine_total) if case.decision_number
                else "—",
            }
            for case, unit_name in rows
        ],
        "total": total,
        "page": page_no,
        "pages": max(1, -(-total // PAGE_SIZE)),
    }


def _violator_rows(v: Violator) -> list[dict]:
    if v.kind == ViolatorKind.ORGANISATION:
        pairs = [
            ("Tên tổ chức", v.name), ("Địa chỉ trụ sở chính", v.address),
            ("Mã số doanh nghiệp", v.tax_code),
            ("Số GCN đăng ký/giấy phép", v.registration_number),
            ("Ngày cấp", fmt_date(v.registration_issued_on)),
            ("Nơi cấp", v.registration_issued_by),
            ("Người đại diện theo pháp luật", v.representative_name),
            ("Giới tính", v.representative_gender),
            ("Chức danh", v.representative_title),
        ]
    else:
        pairs = [
            ("Họ và tên", v.name), ("Giới tính", v.gender),
            ("Ngày sinh", fmt_date(v.birth_date)), ("Quốc tịch", v.nationality),
            ("Nghề nghiệp", v.occupation), ("Nơi ở hiện tại", v.address),
            ("Số định danh cá nhân/CMND/hộ chiếu", v.id_number),
            ("Ngày cấp", fmt_date(v.id_issued_on)), ("Nơi cấp", v.id_issued_by),
        ]
    return [{"label": k, "value": val or "—"} for k, val in pairs]


def get_case(actor: Actor, case_id: object) -> dict:
    """Everything the case page shows. The read itself is audited (security.md:
    reads of case details are logged)."""
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_READ)
        unit = session.get(Unit, case.unit_id)
        violator = session.exec(select(Violator).where(
            Violator.case_id == case.id)).first()
        record = session.exec(select(ViolationRecord).where(
            ViolationRecord.case_id == case.id)).first()
        decision = session.exec(select(Decision).where(
            Decision.case_id == case.id)).first()
        acts = session.exec(select(CaseAct).where(CaseAct.case_id == case.id)
                            .order_by(CaseAct.position)).all()
        events = session.exec(
            select(CaseEvent, User.full_name)
            .join(User, User.id == CaseEvent.actor_id, isouter=True)
            .where(CaseEvent.case_id == case.id).order_by(CaseEvent.at)
        ).all()
        audit.record(session, actor, "case.read", entity="case", entity_id=case.id)
        is_org = case.violator_kind == ViolatorKind.ORGANISATION
        act_rows = []
        for act in acts:
            low, high = frame_for(act, is_org)
            act_rows.append({
                "id": act.id,
                "citation": (f"Điểm {act.point} khoản {act.clause}" if act.point
                             else f"Khoản {act.clause}")
                + f" Điều {act.article} Nghị định {act.decree}",
                "act": act.act,
                "frame": frame_text(low, high),
                "default_fine": "" if low is None
                else format_number(default_fine(low, high)),
                "fine": "—" if act.fine is None else format_vnd(act.fine),
            })
        return {
            "id": case.id,
            "version": case.version,
            "unit_name": unit.name if unit else "",
            "field": case.field,
            "status": CaseStatus.LABELS.get(case.status, case.status),
            "status_code": case.status,
            "violator_kind": ViolatorKind.LABELS.get(case.violator_kind, ""),
            "violator_name": case.violator_name,
            "violator": _violator_rows(violator) if violator else [],
            "violation_at": fmt_datetime(to_local(case.violation_at)),
            "violation_place": case.violation_place,
            "description": case.description,
            "acts": act_rows,
            "record_number": case.record_number,
            "record_made_at": fmt_datetime(to_local(record.made_at)) if record else "",
            "record_date": to_local(record.made_at).date().isoformat()
            if record else "",
            "record_place": record.place if record else "",
            "maker": f"{record.maker_name} – {record.maker_title}" if record else "",
            "witness": record.witness if record else "",
            "violator_statement": record.violator_statement if record else "",
            "decision_number": decision.number if decision else "",
            "decided_on": fmt_date(decision.decided_on) if decision else "",
            "signer": f"{decision.signer_name} – {decision.signer_title}"
            if decision else "",
            "fine_total": format_vnd(decision.fine_total) if decision else "",
            "additional_sanctions": decision.additional_sanctions if decision else "",
            "remedial_measures": decision.remedial_measures if decision else "",
            "payment": f"Trong {decision.payment_days} ngày, tại {decision.treasury}"
            if decision else "",
            "timeline": [
                {
                    "at": fmt_datetime(to_local(event.at)),
                    "summary": event.summary,
                    "actor": name or "",
                }
                for event, name in events
            ],
        }

