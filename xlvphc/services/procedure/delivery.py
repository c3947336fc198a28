"""Sending the decision and the violator's receipt (Law Art. 70 as amended by
Law 88/2025: within 03 working days; Art. 73: comply within 10 days of
receipt, or the longer period stated in the decision)."""

from datetime import date

from sqlmodel import Session

from xlvphc.domain.deadlines import compliance_deadline, send_decision_deadline
from xlvphc.models import Case
from xlvphc.models.cases import CaseStatus
from xlvphc.services.access import Actor
from xlvphc.services.procedure.deadlines import next_instalment_due
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    perform,
    step_count,
)

METHODS = (
    ("direct", "Giao trực tiếp"),
    # Art. 70: handed over but refused on purpose; the record of the refusal
    # (MBB06, confirmed by the commune) makes the decision delivered.
    ("refused", "Giao trực tiếp, người vi phạm không nhận (lập biên bản MBB06)"),
    ("post", "Gửi qua bưu chính (bảo đảm)"),
    ("electronic", "Gửi bằng phương tiện điện tử"),
    ("posting", "Niêm yết công khai"),
)


def _already_sent(session: Session, case: Case, _today: date) -> str | None:
    if step_count(session, case.id, "send"):
        return "Quyết định đã được gửi"
    if case.received_on:
        return "Người vi phạm đã nhận quyết định"
    return None


def _already_received(_s: Session, case: Case, _today: date) -> str | None:
    if case.received_on:
        return f"Đã ghi nhận ngày nhận quyết định {case.received_on:%d/%m/%Y}"
    return None


@handles(
    "send",
    [
        FieldSpec("on", "Ngày gửi", "date", True),
        FieldSpec("code", "Cách gửi", "select", True, options=METHODS),
        FieldSpec("note", "Nơi nhận, số bưu gửi…", "text"),
    ],
    guard=_already_sent,
)
def _send(ctx: Context) -> None:
    on = ctx.day("on", "ngày gửi")
    method = ctx.form.choice("code", "cách gửi", dict(METHODS))
    note = ctx.form.text("note", "ghi chú", 500)
    if ctx.form.errors:
        return
    last = send_decision_deadline(ctx.decision.decided_on)
    late = f" — quá hạn gửi (hạn {last:%d/%m/%Y}, Điều 70)" if on > last else ""
    ctx.record = {"on": on, "code": method, "note": note}
    ctx.summary = f"Gửi quyết định ngày {on:%d/%m/%Y}: {dict(METHODS)[method]}{late}"
    if method in ("direct", "refused") and not ctx.case.received_on:
        _receive(ctx, on)


def _receive(ctx: Context, on: date) -> None:
    """Art. 73: 10 days from receipt, unless a plan (Art. 79) or a
    postponement (Art. 76) decided before the receipt already set when the
    fine is due: the next instalment, or the end of the postponement."""
    ctx.case.received_on = on
    pending = next_instalment_due(ctx.session, ctx.case.id)
    if pending is not None:
        ctx.case.compliance_due = pending
        ctx.summary += (
            f"; người vi phạm nhận ngày {on:%d/%m/%Y}, nộp theo lần: hạn lần tới "
            f"{pending:%d/%m/%Y} (Điều 79)"
        )
        return
    if ctx.case.status == CaseStatus.POSTPONED and ctx.case.compliance_due:
        ctx.summary += (
            f"; người vi phạm nhận ngày {on:%d/%m/%Y}, đang hoãn đến ngày "
            f"{ctx.case.compliance_due:%d/%m/%Y} (Điều 76)"
        )
        return
    days = ctx.decision.payment_days if ctx.decision else 10
    ctx.case.compliance_due = compliance_deadline(on, days)
    ctx.summary += (
        f"; người vi phạm nhận ngày {on:%d/%m/%Y}, hạn chấp hành "
        f"{ctx.case.compliance_due:%d/%m/%Y}"
    )


@handles(
    "receipt",
    [
        FieldSpec("on", "Ngày người vi phạm nhận quyết định", "date", True),
    ],
    guard=_already_received,
)
def _receipt(ctx: Context) -> None:
    on = ctx.day("on", "ngày nhận quyết định")
    if ctx.form.errors:
        return
    ctx.record = {"on": on}
    ctx.summary = "Ghi nhận ngày nhận quyết định"
    _receive(ctx, on)


def send_decision(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "send", data)


def record_receipt(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "receipt", data)
