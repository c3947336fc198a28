"""Gia hạn thời hạn ra quyết định xử phạt (Law Art. 66 k1 point c; NĐ 118/2021
Art. 17 k1): a case under explanation or verification (01 month, point b)
that is especially serious or complex may get at most 01 more month, in
writing, from the direct superior of the person handling it. Once only."""

from datetime import date

from sqlmodel import Session

from xlvphc.domain.deadlines import DecisionCase, decision_deadline
from xlvphc.models import Case
from xlvphc.services.access import Actor
from xlvphc.services.procedure.explanation import record_day
from xlvphc.services.procedure.limits import decision_due, step_days
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    perform,
)


def _not_extendable(session: Session, case: Case, today: date) -> str | None:
    taken = step_days(
        session, case.id, "extend_decision", "request_explanation", "verify"
    )
    if taken["extend_decision"]:
        return "Thời hạn ra quyết định đã được gia hạn một lần"
    if not (taken["request_explanation"] or taken["verify"]):
        return (
            "Chỉ gia hạn khi vụ việc có giải trình hoặc phải xác minh tình tiết "
            "(thời hạn 01 tháng)"
        )
    due = decision_due(session, case)
    if due and today > due:
        return f"Thời hạn ra quyết định đã hết ngày {due:%d/%m/%Y}"
    return None


@handles(
    "extend_decision",
    [
        FieldSpec("on", "Ngày gia hạn", "date", True),
        FieldSpec(
            "document",
            "Số văn bản gia hạn của thủ trưởng trực tiếp",
            "text",
            True,
        ),
        FieldSpec(
            "note",
            "Lý do (vụ việc đặc biệt nghiêm trọng, nhiều tình tiết phức tạp)",
            "textarea",
            True,
        ),
    ],
    guard=_not_extendable,
)
def _extend(ctx: Context) -> None:
    on = ctx.day("on", "ngày gia hạn")
    document = ctx.form.text("document", "số văn bản gia hạn", 120, required=True)
    note = ctx.form.text("note", "lý do gia hạn", 2000, required=True, multiline=True)
    due = decision_due(ctx.session, ctx.case)
    if on and due and on > due and "on" not in ctx.form.errors:
        ctx.refuse(
            "on",
            f"Phải gia hạn trước khi hết thời hạn ra quyết định (ngày "
            f"{due:%d/%m/%Y}).",
        )
    if ctx.form.errors:
        return
    made = record_day(ctx.session, ctx.case)
    until = decision_deadline(made, DecisionCase.EXTENDED) if made else None
    ctx.record = {"on": on, "document": document, "note": note, "until": until}
    ctx.summary = f"Gia hạn thời hạn ra quyết định xử phạt (văn bản {document})"
    if until:
        ctx.summary += f" đến hết ngày {until:%d/%m/%Y}"
    ctx.summary += f": {note}"


def extend_decision(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "extend_decision", data)
