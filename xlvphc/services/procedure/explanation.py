"""Giải trình: the violator asks to explain before the decision (Law Art. 61).

The request must come within 02 working days (oral hearing) or 05 working
days (written) of the record (form MBB01 item 10), and only where the frame
maximum reaches 15.000.000 đ (individual) / 30.000.000 đ (organisation) or a
licence deprivation or suspension is considered. With an explanation the
decision deadline becomes 01 month (Art. 66 k1)."""

from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.deadlines import explanation_applies, explanation_deadline
from xlvphc.models import Case, ProcedureStep, ViolationRecord
from xlvphc.models.cases import CaseStatus, ViolatorKind
from xlvphc.services.access import Actor
from xlvphc.services.procedure.details import (
    HEARING,
    compact,
    number,
    people,
    place,
    times,
)
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    act_frames,
    handles,
    perform,
)

FORMS = (
    ("oral", "Giải trình trực tiếp (trong 02 ngày làm việc)"),
    ("written", "Giải trình bằng văn bản (trong 05 ngày làm việc)"),
)


def record_day(session: Session, case: Case) -> date | None:
    record = session.exec(
        select(ViolationRecord).where(ViolationRecord.case_id == case.id)
    ).first()
    # None too for an imported record without its date (importer/write.py).
    return record.made_on() if record else None


def _not_entitled(session: Session, case: Case, _today: date) -> str | None:
    is_org = case.violator_kind == ViolatorKind.ORGANISATION
    for act in act_frames(session, case):
        high = (act.frame_max or 0) * (2 if is_org else 1)
        if explanation_applies(high, is_org, deprivation=False):
            return None
    return (
        "Vụ việc không thuộc trường hợp được giải trình: mức tối đa của khung "
        "phạt dưới 15.000.000 đồng (cá nhân) / 30.000.000 đồng (tổ chức)"
    )


@handles(
    "request_explanation",
    [
        FieldSpec("on", "Ngày người vi phạm yêu cầu giải trình", "date", True),
        FieldSpec("code", "Hình thức giải trình", "select", True, options=FORMS),
        FieldSpec("note", "Ghi chú", "textarea"),
    ],
    guard=_not_entitled,
)
def _request(ctx: Context) -> None:
    on = ctx.day("on", "ngày yêu cầu giải trình")
    kind = ctx.form.choice("code", "hình thức giải trình", dict(FORMS))
    note = ctx.form.text("note", "ghi chú", 2000, multiline=True)
    made = record_day(ctx.session, ctx.case)
    if on and made and kind in dict(FORMS) and not ctx.form.errors:
        last = explanation_deadline(made, oral=kind == "oral")
        if on > last:
            ctx.refuse(
                "on",
                f"Quá thời hạn yêu cầu giải trình (hết ngày "
                f"{last:%d/%m/%Y}, Điều 61 Luật XLVPHC).",
            )
        if on < made:
            ctx.refuse("on", "Ngày yêu cầu không thể trước ngày lập biên bản.")
    if ctx.form.errors:
        return
    ctx.case.status = CaseStatus.EXPLAINING
    ctx.record = {"on": on, "code": kind, "note": note}
    how = "trực tiếp" if kind == "oral" else "bằng văn bản"
    ctx.summary = (
        f"Người vi phạm yêu cầu giải trình {how} ngày {on:%d/%m/%Y}; "
        "thời hạn ra quyết định 01 tháng (Điều 66)"
    )


def oral_requested(session: Session, case: Case) -> bool:
    """Whether the latest request was for a hearing (giải trình trực tiếp)."""
    kind = session.exec(
        select(ProcedureStep.code)
        .where(
            ProcedureStep.case_id == case.id,
            ProcedureStep.step == "request_explanation",
        )
        .order_by(ProcedureStep.on.desc(), ProcedureStep.id.desc())
    ).first()
    return kind == "oral"


def _done_fields(session: Session, case: Case) -> list[FieldSpec]:
    """A hearing also asks for its minutes (form MBB03)."""
    fields = [
        FieldSpec("on", "Ngày kết thúc giải trình", "date", True),
        FieldSpec("note", "Nội dung giải trình, kết quả xem xét", "textarea", True),
    ]
    return fields + HEARING if oral_requested(session, case) else fields


def _hearing(ctx: Context, on: date | None) -> dict:
    """The minutes of the hearing (MBB03, Law Art. 61 k2): when and where,
    who took part, what the authority and the violator said; held on `on`,
    the day the explanation ended."""
    form = ctx.form
    return {
        **times(form, required=False, on=on),
        "place": place(form, required=False),
        "participants": people(
            form, "participants", "người tham dự phiên giải trình"
        ),
        **{
            key: form.text(key, "ý kiến của người có thẩm quyền", 2000, multiline=True)
            for key in ("opinion_law", "opinion_facts", "opinion_sanction")
        },
        "violator_opinion": form.text(
            "violator_opinion", "ý kiến giải trình của người vi phạm", 2000,
            multiline=True,
        ),
    }


@handles("explanation_done", _done_fields)
def _done(ctx: Context) -> None:
    on = ctx.day("on", "ngày kết thúc giải trình")
    note = ctx.form.text(
        "note", "nội dung giải trình", 2000, required=True, multiline=True
    )
    hearing = _hearing(ctx, on) if oral_requested(ctx.session, ctx.case) else {}
    if ctx.form.errors:
        return
    if hearing:
        hearing["record_no"] = number(ctx, "MBB03", on)
        ctx.details = compact(hearing)
    ctx.case.status = CaseStatus.RECORDED
    ctx.record = {"on": on, "note": note, "document": hearing.get("record_no", "")}
    ctx.summary = f"Kết thúc giải trình ngày {on:%d/%m/%Y}: {note}"


def request_explanation(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "request_explanation", data)


def explanation_done(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "explanation_done", data)
