"""What the "Xử lý tiếp" panel shows besides the steps: the execution summary,
instalments, seized items and the time limits of the case."""

from datetime import date, timedelta

from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date
from xlvphc.domain.minors import record_warning, sanction_refusal
from xlvphc.models import Case, Instalment, SeizedItem, Unit, Violator
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus, CloseReason
from xlvphc.models.procedure import ItemStatus
from xlvphc.services.access import Action, Actor
from xlvphc.services.cases import load_case, violator_minor
from xlvphc.services.db import session_scope
from xlvphc.services.procedure.deadlines import (
    next_instalment_due,
    remedial_due,
    remedial_owed,
)
from xlvphc.services.procedure.decision_hints import decision_overdue
from xlvphc.services.procedure.late_interest import (
    RUNNING,
    coercible,
    instalments,
    owed,
)
from xlvphc.services.procedure.limits import (
    decision_due,
    execution_end,
    limitation,
)
from xlvphc.services.procedure.seizure_periods import HeldPeriod, held_periods
from xlvphc.services.procedure.transitions import (
    allowed_steps,
    held_steps,
    money,
    outstanding,
)

# Law Art. 7 and 10 k1 point b: a violator counts as sanctioned again
# ("tái phạm") when the new act comes within the period after the earlier
# decision. TODO: the period runs from completing the earlier decision (6
# months for a warning, 1 year otherwise); the decision date is used here.
REPEAT_LOOK_BACK = timedelta(days=365)


def earlier_decisions(session: Session, case: Case) -> list[dict]:
    """Decisions against the same identity number in any unit, within the
    look-back period: only number, date and unit are shown (not the other
    unit's file), as a suggested aggravating circumstance."""
    violator = session.exec(select(Violator).where(Violator.case_id == case.id)).first()
    key = (violator.id_number or violator.tax_code) if violator else ""
    if not key or case.violation_date is None:
        return []
    column = Violator.id_number if violator.id_number else Violator.tax_code
    rows = session.exec(
        select(Case.decision_number, Case.decided_on, Unit.name)
        .join(Violator, Violator.case_id == Case.id)
        .join(Unit, Unit.id == Case.unit_id)
        .where(
            column == key,
            Case.id != case.id,
            Case.deleted_at.is_(None),
            Case.decision_number != "",
            Case.decided_on >= case.violation_date - REPEAT_LOOK_BACK,
            Case.decided_on <= case.violation_date,
        )
        .order_by(Case.decided_on.desc())
        .limit(10)
    ).all()
    return [{"number": n, "date": fmt_date(d), "unit": u} for n, d, u in rows]


def _compliance_text(session: Session, case: Case) -> str:
    """ "Hạn chấp hành": while a plan runs, the next instalment (Art. 79), even
    before the first payment; while postponed, the end of the postponement
    (Art. 76); otherwise the compliance deadline (Art. 73). A closed case
    has none left (user trial: a case closed after its last instalment still
    showed that instalment's date). Nor has an open case with nothing left
    to pay, fine or late-payment interest (Art. 78), and no remedial measure
    left to carry out, the other duty the deadline is for (user trial: a
    case paid in full, not yet closed, still showed a running deadline)."""
    if case.status == CaseStatus.CLOSED:
        return "—"
    settled = not owed(session, case, local_now().date()).total
    remedial = settled and remedial_owed(session, case)
    if settled and case.compliance_due and not remedial:
        return "Không còn áp dụng – không còn tiền phạt, tiền chậm nộp phải nộp"
    unpaid = outstanding(case) > 0
    due = next_instalment_due(session, case.id) if unpaid else None
    if due is not None:
        position = session.exec(
            select(Instalment.position).where(
                Instalment.case_id == case.id,
                Instalment.due_on == due,
                Instalment.paid < Instalment.amount,
            )
        ).first()
        text = f"{fmt_date(due)} – hạn nộp lần {position} (Điều 79)"
        # A plan is for the fine alone: a measure left keeps its own
        # deadline, which may come first (the dashboard counts it late
        # past that day, Case.late_after).
        measure = remedial_due(session, case) if remedial_owed(session, case) else None
        if measure:
            text += f"; {fmt_date(measure)} – thực hiện biện pháp khắc phục hậu quả"
        return text
    # Postponed, or being coerced for a remedial measure meanwhile (MQĐ11):
    # the fine's deadline is still the postponement's end (postponed_until).
    postponed = case.status == CaseStatus.POSTPONED or case.postponed_until
    if unpaid and postponed and case.compliance_due:
        text = f"{fmt_date(case.compliance_due)} – hết thời gian hoãn (Điều 76)"
        # A postponement is of the fine alone, as a plan: a measure left
        # keeps its own deadline (Case.late_after counts it past that day).
        measure = remedial_due(session, case) if remedial_owed(session, case) else None
        if measure:
            text += f"; {fmt_date(measure)} – thực hiện biện pháp khắc phục hậu quả"
        return text
    if remedial:
        # The fine's plan or postponement is over; the measure keeps the
        # decision's own period (user trial: the 2nd instalment's date).
        measure = remedial_due(session, case)
        return (
            f"{fmt_date(measure)} – thực hiện biện pháp khắc phục hậu quả "
            "(Điều 73, 85)"
            if measure
            else "—"
        )
    return fmt_date(case.compliance_due) or "—"


def _interest_rows(session: Session, case: Case, today: date) -> list[tuple]:
    """ "Tiền chậm nộp" up to today while the fine is unpaid past its
    deadline (Art. 78 k1), what was paid of it, and "Còn phải nộp" with it
    (user trial: 0 shown while 111 days late, and "Còn phải nộp" 0 with the
    interest unpaid). The same figures as the payment, the coercion
    decision and closing (services/procedure/late_interest.py)."""
    plan = instalments(session, case.id)
    left = owed(session, case, today, plan)
    interest = money(left.accrued)
    if left.running:
        interest += f" (0,05% mỗi ngày chậm nộp, tính đến ngày {fmt_date(today)})"
    rows = [("Tiền chậm nộp", interest)]
    if case.surcharge_paid:
        rows.append(("Đã nộp tiền chậm nộp", money(case.surcharge_paid)))
    rest = money(left.total)
    if left.interest:
        rest += f" ({left.breakdown()})"
    rows.append(("Còn phải nộp", rest))
    can = coercible(session, case, today, plan)
    if can.not_due and can.due.total and case.status in RUNNING:
        # Art. 79: "Còn phải nộp" includes the instalments not yet due, which
        # are not owed yet: what is past its date is shown apart, to remind
        # (coercion waits for the plan's end, late_interest.Coercible).
        due = money(can.due.total)
        if can.due.interest:
            due += f" ({can.due.breakdown()})"
        rows.append(
            (
                "Đã đến hạn, chưa nộp",
                f"{due}; {can.not_due_text()} chưa đến hạn nộp (Điều 79)",
            )
        )
    return rows


def limitation_alerts(session: Session, case: Case, today: date) -> list[dict]:
    """A red alert when the sanctioning limitation (Art. 6) or the execution
    limitation (Art. 74) has run out on an open case, saying what may still
    be done: [{title, text}] (empty when neither has expired)."""
    if case.status in (CaseStatus.CLOSED, CaseStatus.TRANSFERRED):
        return []
    if not case.decided_on:
        barred = limitation(session, case)
        if barred is None or today <= barred.end:
            return []
        return [
            {
                "title": "Đã hết thời hiệu xử phạt",
                "text": (
                    f"Thời hiệu xử phạt đã hết ngày {fmt_date(barred.end)} "
                    f"({barred.basis}): không được ra quyết định xử phạt nữa "
                    "(điểm c khoản 1 Điều 65 Luật XLVPHC). Vẫn có thể ra quyết "
                    "định tịch thu tang vật, phương tiện (mẫu MQĐ14) hoặc buộc "
                    "thực hiện biện pháp khắc phục hậu quả (mẫu MQĐ15) theo "
                    "khoản 2 Điều 65, trả lại tang vật, phương tiện đang tạm "
                    "giữ, rồi bấm «Kết thúc: không ra quyết định xử phạt» ở mục "
                    "Xử lý tiếp."
                ),
            }
        ]
    end = execution_end(case, session)
    if end is None or today <= end:
        return []
    # Art. 74 k1 (2012 wording, known from SCT-REF00; not in ../shared/legal):
    # past the period the decision is no longer executed, except that
    # confiscation and remedial measures still are.
    left = owed(session, case, today)
    unpaid = money(left.total) + (f": {left.breakdown()}" if left.interest else "")
    finish = (
        f"Phần tiền phạt chưa nộp ({unpaid}) không thu nữa, kể cả bằng cưỡng "
        "chế. Khi đã xử lý xong các việc trên, bấm «Kết thúc: hết thời hiệu thi "
        "hành» ở mục Xử lý tiếp."
        if left.total
        else "Tiền phạt đã nộp đủ: khi đã xử lý xong các việc trên, bấm «Kết "
        "thúc: đã chấp hành xong» ở mục Xử lý tiếp."
    )
    return [
        {
            "title": "Đã hết thời hiệu thi hành quyết định xử phạt",
            "text": (
                f"Thời hiệu thi hành đã hết ngày {fmt_date(end)} (Điều 74 Luật "
                "XLVPHC): quyết định không được thi hành nữa, trừ tịch thu tang "
                "vật, phương tiện và biện pháp khắc phục hậu quả vẫn phải thực "
                "hiện; giấy phép, chứng chỉ hành nghề đang tạm giữ thì chuyển "
                f"cho cơ quan đã cấp (mẫu MBB30, MQĐ42). {finish}"
            ),
        }
    ]


def case_alerts(session: Session, case: Case, today: date) -> list[dict]:
    """The red alerts of an open case awaiting its decision: a violator under
    14 on the day of the violation (Law Art. 5 k1 a: the record stands, no
    sanction may follow), the decision deadline passed (Art. 66 k1,
    `decision_hints.decision_overdue`), then the limitations
    (`limitation_alerts`)."""
    alerts = []
    waiting = case.status not in (CaseStatus.CLOSED, CaseStatus.TRANSFERRED)
    warning = record_warning(violator_minor(session, case)) if waiting else ""
    if warning and not case.decided_on:
        alerts.append({"title": "Người vi phạm chưa đủ 14 tuổi", "text": warning})
    overdue = decision_overdue(session, case, today)
    if overdue:
        alerts.append(overdue)
    return alerts + limitation_alerts(session, case, today)


def case_procedure(actor: Actor, case_id: object) -> dict:
    """Summary rows, instalments, items and the steps allowed now."""
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_READ)
        pairs: list[tuple[str, str]] = []
        if case.continuing:
            pairs.append(
                (
                    "Vi phạm đang thực hiện",
                    f"Phát hiện ngày {fmt_date(case.detected_on) or '—'}",
                )
            )
        if not case.decided_on:
            barred = limitation(session, case)
            # Past the limitation (Art. 65 k1 c) or for a violator under 14
            # (Art. 5 k1 a) no decision may be made: its deadline no longer
            # applies (as in "Việc cần làm").
            if barred and local_now().date() > barred.end:
                due = "Không còn áp dụng – đã hết thời hiệu xử phạt"
            elif sanction_refusal(violator_minor(session, case)):
                due = "Không áp dụng – người vi phạm chưa đủ 14 tuổi"
            else:
                last = decision_due(session, case)
                due = fmt_date(last)
                # The alert on top says what is left (Art. 65, 66).
                open_ = case.status not in (CaseStatus.CLOSED, CaseStatus.TRANSFERRED)
                if open_ and last and local_now().date() > last:
                    due += " – đã quá hạn, chưa có quyết định"
            pairs += [
                ("Hạn ra quyết định (Điều 66)", due),
                (
                    "Hết thời hiệu xử phạt (Điều 6)",
                    f"{fmt_date(barred.end)} – {barred.basis}"
                    if barred
                    else "Theo luật riêng",
                ),
            ]
        else:
            pairs += [
                ("Ngày nhận quyết định", fmt_date(case.received_on) or "Chưa ghi nhận"),
                ("Hạn chấp hành", _compliance_text(session, case)),
                ("Tiền phạt", money(case.fine_total)),
                ("Đã nộp", money(case.paid_total)),
                ("Được giảm, miễn", money(case.reduced_total)),
                *_interest_rows(session, case, local_now().date()),
                (
                    "Hết thời hiệu thi hành (Điều 74)",
                    fmt_date(execution_end(case, session)),
                ),
            ]
        if case.complained:
            pairs.append(("Khiếu nại, khởi kiện", "Đang giải quyết"))
        if case.closed_on:
            pairs.append(
                (
                    "Kết thúc",
                    (
                        f"{fmt_date(case.closed_on)} – "
                        f"{CloseReason.LABELS.get(case.close_reason, '')}"
                    ),
                )
            )
        plan = session.exec(
            select(Instalment)
            .where(Instalment.case_id == case.id)
            .order_by(Instalment.position)
        ).all()
        items = session.exec(
            select(SeizedItem)
            .where(SeizedItem.case_id == case.id)
            .order_by(SeizedItem.id)
        ).all()
        # A held item's current end: its seizure decision's, or the latest
        # extension's (services/procedure/seizure_periods.py).
        periods = {p.item.id: p for p in held_periods(session, case.id)}
        repeat = earlier_decisions(session, case) if not case.decided_on else []
        result = {
            "version": case.version,
            "repeat": repeat,
            "alerts": case_alerts(session, case, local_now().date()),
            "summary": [{"label": k, "value": v} for k, v in pairs],
            "instalments": [
                {
                    "label": f"Lần {p.position}",
                    "amount": money(p.amount),
                    "due": fmt_date(p.due_on),
                    "paid": money(p.paid) if p.paid else "Chưa nộp",
                }
                for p in plan
            ],
            "items": [
                {
                    "description": i.description,
                    "quantity": i.quantity,
                    "status": ItemStatus.LABELS.get(i.status, i.status),
                    "seized_on": fmt_date(i.seized_on),
                    "until": _held_until(periods.get(i.id)),
                }
                for i in items
            ],
        }
    result["steps"] = allowed_steps(actor, case_id)
    result["held"] = held_steps(actor, case_id)
    return result


def _held_until(held: HeldPeriod | None) -> str:
    """ "15/12/2026 (đã kéo dài)": until when a held item may be kept;
    "" for an item no longer held or held without a recorded period."""
    if held is None or held.end is None:
        return ""
    return fmt_date(held.end) + (" (đã kéo dài)" if held.extended else "")
