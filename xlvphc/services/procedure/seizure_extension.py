"""Kéo dài thời hạn tạm giữ tang vật, phương tiện (Law Art. 125 k8; form
MQĐ21): the person who decided a seizure (MQĐ20) extends its period in a
decision of its own, which states the reason and the new end and says who
was told.

Modelled on the seizure step (services/procedure/seized.py): one held item
chosen from the case's own, its seizure decision's details for the period
being extended, the unit's series "QĐ-KDTG" for the number
(decision_numbers), the step's details for what MQĐ21 prints. The whole
seizure, extensions included, may not pass 02 months from the violation
record (note (9) of MQĐ21, the same ceiling as the seizure's). The new end
is the step's `until` and moves the item's current end
(services/procedure/seizure_periods.py), which the case page and "Việc cần
làm" read.
"""

from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.calendar import working_days_between
from xlvphc.domain.dates import fmt_date
from xlvphc.models import Case, Decision
from xlvphc.services.access import Actor
from xlvphc.services.procedure.deciders import decision_signer, settle
from xlvphc.services.procedure.decision_numbers import DecisionBook, as_issued
from xlvphc.services.procedure.details import EXTEND_SEIZURE, compact, person_name
from xlvphc.services.procedure.seized import seizure_limit
from xlvphc.services.procedure.seizure_periods import EXTEND, HeldPeriod, held_periods
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    perform,
)

BOOK = DecisionBook("MQĐ21", EXTEND, "quyết định kéo dài thời hạn tạm giữ")


def extendable(session: Session, case: Case) -> list[HeldPeriod]:
    """The held items whose seizure decision states a period: only such a
    period can be extended (an item recorded before seizures kept their
    details has none to print on MQĐ21)."""
    return [p for p in held_periods(session, case.id) if p.seizure and p.end]


def _none_extendable(session: Session, case: Case, _today: date) -> str | None:
    if not held_periods(session, case.id):
        return "Không có tang vật đang tạm giữ"
    if not extendable(session, case):
        return "Tang vật đang tạm giữ chưa có quyết định tạm giữ ghi thời hạn"
    return None


def _option(held: HeldPeriod) -> tuple[str, str]:
    item, number = held.item, held.decision_no or "…"
    name = item.description + (f" ({item.quantity})" if item.quantity else "")
    until = fmt_date(held.end)
    return (str(item.id), f"{name} – QĐ số {number}, tạm giữ đến ngày {until}")


def _signer(session: Session, case: Case, periods: list[HeldPeriod]) -> tuple:
    """Who the form suggests as the decider: the one who decided the latest
    seizure (the extension is theirs to decide), else the signer of the
    sanction decision; editable."""
    for held in reversed(periods):
        if any(held.decider):
            return held.decider
    decision = session.exec(select(Decision).where(Decision.case_id == case.id)).first()
    # The title as the sanction decision prints it, never a bare label.
    return decision_signer(session, decision, case.unit_id)


def _fields(session: Session, case: Case) -> list[FieldSpec]:
    periods = extendable(session, case)
    name, title = _signer(session, case, periods)
    first = min((p.seizure.on for p in periods), default=None)
    ceiling = seizure_limit(session, case, first) if first else None
    limit = f": chậm nhất là ngày {fmt_date(ceiling)}" if ceiling else ""
    return [
        FieldSpec(
            "item",
            "Tang vật, phương tiện đang tạm giữ",
            "select",
            True,
            options=tuple(_option(p) for p in periods),
        ),
        FieldSpec("on", "Ngày quyết định kéo dài", "date", True),
        FieldSpec(
            "new_end",
            "Kéo dài đến ngày",
            "date",
            True,
            "Toàn bộ thời hạn tạm giữ, kể cả thời gian kéo dài, không quá 02 "
            f"tháng kể từ ngày lập biên bản vi phạm hành chính{limit}.",
            default="",
        ),
        *EXTEND_SEIZURE,
        BOOK.field("Số quyết định (MQĐ21)"),
        FieldSpec(
            "extender_name",
            "Người ra quyết định kéo dài: họ và tên",
            "text",
            False,
            "Để trống: người ký quyết định xử phạt của hồ sơ (nếu đã có).",
            default=name,
        ),
        FieldSpec(
            "extender_title",
            "Chức vụ của người ra quyết định kéo dài",
            "text",
            False,
            "Ví dụ: Trưởng Công an xã Ea Kao. Để trống: chức vụ của người ký "
            "quyết định xử phạt, của người ra quyết định tạm giữ, hoặc chức "
            "danh người ký của tài khoản này.",
            default=title,
        ),
    ]


def _chosen(ctx: Context) -> HeldPeriod | None:
    """The held item the form names, if it is one of this case's with a
    period (any other value, another case's item included, is refused)."""
    raw = ctx.form.data.get("item")
    if not (isinstance(raw, str) and raw.isdigit() and len(raw) < 12):
        return None
    return next(
        (p for p in extendable(ctx.session, ctx.case) if p.item.id == int(raw)),
        None,
    )


def _check_dates(
    ctx: Context, held: HeldPeriod, on: date | None, new_end: date | None
) -> None:
    """The decision between the seizure decision and the end of the period
    it extends; the new end after the current one, adding working days (the
    period is counted in them, Art. 125), within the 02 months' ceiling."""
    errors = ctx.form.errors
    seized_on, end = held.seizure.on, held.end
    if on and "on" not in errors:
        if on < seized_on:
            ctx.refuse(
                "on",
                "Ngày quyết định kéo dài không thể trước ngày quyết định tạm giữ "
                f"số {held.decision_no} ({fmt_date(seized_on)}).",
            )
        elif on > end:
            ctx.refuse(
                "on",
                f"Thời hạn tạm giữ đã hết ngày {fmt_date(end)}: chỉ kéo dài trước "
                "khi hết thời hạn (khoản 8 Điều 125 Luật XLVPHC); hết thời hạn thì "
                "trả lại hoặc xử lý tang vật.",
            )
    if not new_end or "new_end" in errors:
        return
    ceiling = seizure_limit(ctx.session, ctx.case, seized_on)
    if new_end <= end:
        ctx.refuse(
            "new_end",
            "Ngày kết thúc mới phải sau ngày kết thúc hiện tại của thời hạn tạm "
            f"giữ ({fmt_date(end)}).",
        )
    elif new_end > ceiling:
        ctx.refuse(
            "new_end",
            "Toàn bộ thời hạn tạm giữ, kể cả thời gian kéo dài, không được quá 02 "
            "tháng kể từ ngày lập biên bản vi phạm hành chính (ghi chú 9 Mẫu "
            f"MQĐ21): chậm nhất là ngày {fmt_date(ceiling)}.",
        )
    elif not working_days_between(end, new_end):
        ctx.refuse(
            "new_end",
            f"Từ sau ngày {fmt_date(end)} đến ngày {fmt_date(new_end)} không có "
            "ngày làm việc nào: thời hạn tạm giữ tính theo ngày làm việc "
            "(Điều 125 Luật XLVPHC).",
        )


@handles(EXTEND, _fields, guard=_none_extendable)
def _extend(ctx: Context) -> None:
    held = _chosen(ctx)
    if held is None:
        ctx.refuse("item", "Vui lòng chọn tang vật đang tạm giữ của hồ sơ này.")
    form = ctx.form
    on = form.date("on", "ngày quyết định kéo dài", required=True, not_after=ctx.today)
    new_end = form.date("new_end", "ngày kết thúc thời hạn tạm giữ", required=True)
    reason = form.text(
        "extend_reason", "lý do kéo dài thời hạn tạm giữ", 2000, required=True,
        multiline=True,
    )
    notified = form.text(
        "notified", "người, cơ quan được thông báo", 1000, multiline=True
    )
    extender = person_name(
        form, "extender_name", "họ và tên người ra quyết định kéo dài"
    )
    extender_title = form.text(
        "extender_title", "chức vụ người ra quyết định kéo dài", 120
    )
    paper = BOOK.read(ctx, None if "on" in form.errors else on)
    if held is not None:
        _check_dates(ctx, held, on, new_end)
        # The title an empty field leaves to the sanction decision's signer
        # (the field's hint), then to who decided the seizure being extended.
        extender, extender_title = settle(
            ctx,
            ("extender_name", "extender_title"),
            (extender, extender_title),
            [
                decision_signer(ctx.session, ctx.decision, ctx.case.unit_id),
                held.decider,
            ],
            (
                "quyết định kéo dài thời hạn tạm giữ",
                "Quyết định kéo dài thời hạn tạm giữ (MQĐ21)",
            ),
        )
    if form.errors:
        return
    item, end = held.item, held.end
    document = BOOK.issue(ctx, paper, on)
    ctx.details = compact(
        {
            "decision_no": document,
            "seizure_no": held.decision_no,
            "previous_end": fmt_date(end),
            "new_end": fmt_date(new_end),
            "extension_days": working_days_between(end, new_end),
            "extend_reason": reason,
            "notified": notified,
            "extender_name": extender,
            "extender_title": extender_title,
            "item_ids": [item.id],
            "seizure_step": held.seizure.id,
        }
    )
    # `until` moves the item's current end (seizure_periods.held_periods).
    ctx.record = {
        "on": on,
        "document": document,
        "until": new_end,
        "code": str(item.id),
        "note": item.description,
    }
    ctx.summary = (
        f"Kéo dài thời hạn tạm giữ tang vật, phương tiện: {item.description} "
        f"đến ngày {fmt_date(new_end)} (Quyết định số {as_issued(document, paper)}; "
        f"trước đó tạm giữ đến ngày {fmt_date(end)}): {reason}"
    )


def extend_seizure(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, EXTEND, data)
