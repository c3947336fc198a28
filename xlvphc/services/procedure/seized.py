"""Tang vật, phương tiện: seized at the record (Law Art. 125 as amended by Law
88/2025 k25), then returned to the owner or confiscated by the decision
(Art. 26, 126)."""

from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date
from xlvphc.domain.deadlines import seizure_ceiling, seizure_end
from xlvphc.models import Case, SeizedItem
from xlvphc.models.procedure import ItemStatus
from xlvphc.services.access import Actor
from xlvphc.services.procedure.deciders import decision_signer, settle
from xlvphc.services.procedure.details import (
    BASES,
    CONFISCATE,
    RETURN,
    SEIZE,
    compact,
    days,
    number,
    people,
    person_name,
    place,
    times,
)
from xlvphc.services.procedure.explanation import record_day
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    perform,
)


def held_items(session: Session, case_id: int) -> list[SeizedItem]:
    return list(
        session.exec(
            select(SeizedItem)
            .where(SeizedItem.case_id == case_id, SeizedItem.status == ItemStatus.HELD)
            .order_by(SeizedItem.id)
        )
    )


def _none_held(session: Session, case: Case, _today: date) -> str | None:
    return None if held_items(session, case.id) else "Không có tang vật đang tạm giữ"


def _item_fields(session: Session, case: Case) -> list[FieldSpec]:
    options = tuple(
        (str(i.id), f"{i.description} ({i.quantity})" if i.quantity else i.description)
        for i in held_items(session, case.id)
    )
    return [
        FieldSpec("item", "Tang vật, phương tiện", "select", True, options=options),
        FieldSpec("on", "Ngày", "date", True),
    ]


def _return_fields(session: Session, case: Case) -> list[FieldSpec]:
    return _item_fields(session, case) + RETURN


def _confiscate_fields(session: Session, case: Case) -> list[FieldSpec]:
    return _item_fields(session, case) + CONFISCATE


@handles(
    "seize",
    [
        FieldSpec(
            "description",
            "Tên tang vật, phương tiện",
            "text",
            True,
            "Ví dụ: xe mô tô biển số 47B1-123.45",
        ),
        FieldSpec("quantity", "Số lượng, tình trạng", "text"),
        FieldSpec("on", "Ngày tạm giữ", "date", True),
        *SEIZE,
    ],
)
def _seize(ctx: Context) -> None:
    description = ctx.form.text("description", "tên tang vật", 500, required=True)
    quantity = ctx.form.text("quantity", "số lượng", 120)
    on = ctx.form.date("on", "ngày tạm giữ", required=True, not_after=ctx.today)
    details = {
        **times(ctx.form, end=False, required=False, on=on),
        "place": place(ctx.form, required=False),
        "witnesses": people(ctx.form, "witnesses", "người chứng kiến"),
        "reason": ctx.form.text("reason", "lý do tạm giữ", 500),
        "keep_place": ctx.form.text("keep_place", "nơi tạm giữ", 300),
        "days": days(ctx.form, "days", "thời hạn tạm giữ", 60, "ngày làm việc"),
        "decider_name": person_name(
            ctx.form, "decider_name", "họ và tên người ra quyết định tạm giữ"
        ),
        "decider_title": ctx.form.text(
            "decider_title", "chức vụ người ra quyết định tạm giữ", 120
        ),
    }
    if details["days"] is None and "days" not in ctx.form.errors:
        # The decision states its own period (MQĐ20 item 4 and its note (9),
        # Nghị định 118/2021): the law sets only a ceiling, so the period and
        # its end date ("đến ngày") cannot be made up for the officer.
        ctx.refuse(
            "days",
            "Vui lòng nhập thời hạn tạm giữ (số ngày làm việc) để ghi vào "
            "Quyết định tạm giữ (MQĐ20).",
        )
    elif details["days"] and on and "on" not in ctx.form.errors:
        _within_two_months(ctx, on, details["days"])
    if on and ctx.case.violation_date and on < ctx.case.violation_date:
        ctx.refuse("on", "Ngày tạm giữ không thể trước ngày vi phạm.")
    details["decider_name"], details["decider_title"] = settle(
        ctx,
        ("decider_name", "decider_title"),
        (details["decider_name"], details["decider_title"]),
        [decision_signer(ctx.session, ctx.decision, ctx.case.unit_id)],
        ("quyết định tạm giữ", "Quyết định tạm giữ (MQĐ20)"),
    )
    if ctx.form.errors:
        return
    item = SeizedItem(
        case_id=ctx.case.id, description=description, quantity=quantity, seized_on=on
    )
    ctx.session.add(item)
    ctx.session.flush()
    # Law Art. 125 k2, k8: a seizure is decided in writing (MQĐ20) and
    # recorded (MBB15); both take the unit's next numbers.
    record_no, decision_no = number(ctx, "MBB15", on), number(ctx, "MQĐ20", on)
    ctx.details = compact(
        {
            "record_no": record_no,
            "decision_no": decision_no,
            **details,
            "item_ids": [item.id],
        }
    )
    ctx.record = {"on": on, "document": decision_no, "note": description}
    ctx.summary = (
        f"Tạm giữ tang vật, phương tiện: {description} (Quyết định số "
        f"{decision_no}, biên bản số {record_no})"
    )


def _within_two_months(ctx: Context, on: date, period: int) -> None:
    """Refuse a period whose end ("đến ngày", counted in working days as
    MQĐ20 prints it) passes 02 months from the violation record: MQĐ20 note
    (9). A case without a record (decided on the spot) counts from the
    seizure day, the only start it has."""
    end = seizure_end(on, period)
    ceiling = seizure_limit(ctx.session, ctx.case, on)
    if end and end > ceiling:
        ctx.refuse(
            "days",
            "Thời hạn tạm giữ không được quá 02 tháng kể từ ngày lập biên bản "
            f"(ghi chú 9 Mẫu MQĐ20): {period} ngày làm việc kết thúc ngày "
            f"{fmt_date(end)}, chậm nhất là ngày {fmt_date(ceiling)}.",
        )


def seizure_limit(session: Session, case: Case, seized_on: date) -> date:
    """The last day a seizure may run to, its extensions included: 02 months
    from the violation record (note (9) of MQĐ20 and of MQĐ21); a case
    without a record (decided on the spot) counts from the seizure day."""
    return seizure_ceiling(record_day(session, case) or seized_on)


def _dispose(ctx: Context, status: str, verb: str) -> None:
    raw = ctx.form.data.get("item")
    item_id = int(raw) if isinstance(raw, str) and raw.isdigit() else None
    item = ctx.session.get(SeizedItem, item_id) if item_id else None
    if item is None or item.case_id != ctx.case.id or item.status != ItemStatus.HELD:
        ctx.refuse("item", "Vui lòng chọn tang vật đang tạm giữ của hồ sơ này.")
    on = ctx.form.date("on", "ngày", required=True, not_after=ctx.today)
    returning = status == ItemStatus.RETURNED
    basis = (
        ""
        if returning
        else ctx.form.choice(
            "basis", "căn cứ tịch thu", dict(BASES), required=False, default="decision"
        )
    )
    details = {
        **times(ctx.form, end=False, required=False, on=on),
        "place": place(ctx.form, required=False),
        "witnesses": (
            [] if returning else people(ctx.form, "witnesses", "người chứng kiến")
        ),
        "reason": ctx.form.text(
            "reason", "lý do trả lại" if returning else "lý do tịch thu", 500
        ),
    }
    if item and on and on < item.seized_on:
        ctx.refuse("on", "Ngày không thể trước ngày tạm giữ.")
    if ctx.form.errors:
        return
    # Art. 126: a return is decided (MQĐ24) and recorded (MBB17); a
    # confiscation is recorded (MBB20), decided by the sanction decision or,
    # for goods nobody claimed (Art. 126 k4), by its own decision (MQĐ14).
    if returning:
        numbers = {
            "record_no": number(ctx, "MBB17", on),
            "decision_no": number(ctx, "MQĐ24", on),
        }
    else:
        numbers = {"record_no": number(ctx, "MBB20", on), "basis": basis}
        if basis == "unclaimed":
            numbers["decision_no"] = number(ctx, "MQĐ14", on)
    document = numbers.get("decision_no") or numbers["record_no"]
    item.status, item.disposed_on, item.disposal_document = status, on, document
    ctx.session.add(item)
    ctx.details = compact({**numbers, **details, "item_ids": [item.id]})
    ctx.record = {
        "on": on,
        "document": document,
        "code": str(item.id),
        "note": item.description,
    }
    ctx.summary = f"{verb} tang vật, phương tiện: {item.description} ({document})"


@handles("return_item", _return_fields, guard=_none_held)
def _return(ctx: Context) -> None:
    _dispose(ctx, ItemStatus.RETURNED, "Trả lại")


@handles("confiscate_item", _confiscate_fields, guard=_none_held)
def _confiscate(ctx: Context) -> None:
    _dispose(ctx, ItemStatus.CONFISCATED, "Tịch thu")


def seize_item(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "seize", data)


def return_item(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "return_item", data)


def confiscate_item(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "confiscate_item", data)
