"""Handing a case on: to another unit or competent person (Law Art. 52 k4 and
58 k5 before the decision; Art. 71 for enforcement elsewhere), for criminal
prosecution (Art. 62, MQĐ33), and cases received back from a
criminal-procedure body (Art. 63; the sanctioning limitation gets one more
year, Art. 6 k1 point c as amended by Law 88/2025)."""

from sqlmodel import Session, select

from xlvphc.models import Case, Unit
from xlvphc.models.cases import CaseStatus
from xlvphc.models.units import UnitKind
from xlvphc.services.access import Actor
from xlvphc.services.procedure.decision_numbers import DecisionBook, as_issued
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    perform,
)
from xlvphc.services.units import choice_key

CRIMINAL = DecisionBook(
    "MQĐ33", "transfer_criminal", "quyết định chuyển hồ sơ có dấu hiệu tội phạm"
)
SANCTIONING_KINDS = (
    UnitKind.DEPARTMENT,
    UnitKind.COMMUNE_COMMITTEE,
    UnitKind.COMMUNE_POLICE,
    UnitKind.PROVINCE,
)


def _unit_fields(session: Session, case: Case) -> list[FieldSpec]:
    found = session.exec(
        select(Unit.id, Unit.name, Unit.kind).where(
            Unit.active.is_(True),
            Unit.kind.in_(SANCTIONING_KINDS),
            Unit.id != case.unit_id,
        )
    ).all()
    # In the order a Vietnamese reader looks for a name (units.choice_key).
    ordered = sorted(found, key=lambda u: choice_key(u[2], u[1]))
    units = [(i, n) for i, n, _kind in ordered]
    return [
        FieldSpec(
            "unit",
            "Chuyển đến đơn vị",
            "select",
            True,
            options=tuple((str(i), n) for i, n in units),
        ),
        FieldSpec("on", "Ngày chuyển", "date", True),
        FieldSpec(
            "note",
            "Lý do chuyển",
            "textarea",
            True,
            "Ví dụ: vượt thẩm quyền (Điều 52 k4); thi hành tại địa phương "
            "khác (Điều 71)",
        ),
    ]


@handles("transfer_unit", _unit_fields)
def _transfer_unit(ctx: Context) -> None:
    raw = ctx.form.data.get("unit")
    unit_id = int(raw) if isinstance(raw, str) and raw.isdigit() else None
    unit = ctx.session.get(Unit, unit_id) if unit_id else None
    if (
        unit is None
        or not unit.active
        or unit.kind not in SANCTIONING_KINDS
        or unit.id == ctx.case.unit_id
    ):
        ctx.refuse("unit", "Vui lòng chọn đơn vị nhận hồ sơ.")
    on = ctx.day("on", "ngày chuyển")
    note = ctx.form.text("note", "lý do chuyển", 2000, required=True, multiline=True)
    if ctx.form.errors:
        return
    ctx.record = {"on": on, "code": str(ctx.case.unit_id), "note": note}
    ctx.summary = f"Chuyển hồ sơ đến {unit.name}: {note}"
    # The receiving unit now owns the case; the sender keeps the history only
    # through the audit trail.
    ctx.case.unit_id = unit.id


@handles(
    "transfer_criminal",
    [
        FieldSpec("on", "Ngày chuyển", "date", True),
        FieldSpec("note", "Cơ quan tiến hành tố tụng nhận hồ sơ", "text", True),
        CRIMINAL.field("Số quyết định chuyển hồ sơ (MQĐ33)"),
    ],
)
def _transfer_criminal(ctx: Context) -> None:
    on = ctx.day("on", "ngày chuyển")
    body = ctx.form.text("note", "cơ quan nhận hồ sơ", 500, required=True)
    paper = CRIMINAL.read(ctx, on)
    if ctx.form.errors:
        return
    document = CRIMINAL.issue(ctx, paper, on)
    ctx.case.status = CaseStatus.TRANSFERRED
    ctx.record = {
        "on": on,
        "note": body,
        "document": document,
        "code": "decided" if ctx.decision else "recorded",
    }
    ctx.summary = (
        f"Chuyển hồ sơ vụ vi phạm có dấu hiệu tội phạm đến {body} theo QĐ "
        f"{as_issued(document, paper)}"
    )


@handles(
    "received_back",
    [
        FieldSpec("on", "Ngày nhận lại hồ sơ", "date", True),
        FieldSpec("note", "Cơ quan trả hồ sơ, lý do", "textarea", True),
        FieldSpec("document", "Số văn bản trả hồ sơ", "text"),
    ],
)
def _received_back(ctx: Context) -> None:
    on = ctx.form.date("on", "ngày nhận lại", required=True, not_after=ctx.today)
    note = ctx.form.text(
        "note", "cơ quan trả hồ sơ", 2000, required=True, multiline=True
    )
    document = ctx.form.text("document", "số văn bản", 120)
    if ctx.form.errors:
        return
    ctx.case.status = CaseStatus.DECIDED if ctx.decision else CaseStatus.RECORDED
    ctx.record = {"on": on, "note": note, "document": document}
    ctx.summary = (
        f"Nhận lại hồ sơ từ cơ quan tiến hành tố tụng: {note}; thời hiệu "
        "xử phạt được kéo dài thêm 01 năm (Điều 6 k1 điểm c)"
    )


def transfer_unit(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "transfer_unit", data)


def transfer_criminal(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "transfer_criminal", data)


def received_back(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "received_back", data)
