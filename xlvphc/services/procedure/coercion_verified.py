"""The verification of money and assets a coercion decision rests on.

Every decision that collects money (MQĐ07 salary or income, MQĐ08 account,
MQĐ09 distraint, MQĐ10 collection, and the combined MQĐ12a-c) opens its
grounds with "Căn cứ Biên bản số …/BB-XMCC … xác minh thông tin về tiền,
tài sản của <cá nhân/tổ chức> bị cưỡng chế", without the "(nếu có)" of an
optional ground: the authority verifies first, on form MBB09 (Phụ lục, Nghị
định 118/2021/NĐ-CP; MBB09 cites khoản 1 Điều 86 Luật XLVPHC). MQĐ11 forces
a remedial measure and cites none.

A case without that record (the step "verify_assets" dated on or before the
decision) is not refused outright: the record may have been made on paper
outside the system. The signer then ticks that it was, and the paper prints
its number and date dotted, for the pen (before this check a decision was
recorded without one, and its paper printed them dotted with no warning).
"""

import logging
from datetime import date

from sqlmodel import Session, select

from xlvphc.models import Case
from xlvphc.models.procedure import ProcedureStep
from xlvphc.services.procedure.coercion_measures import COMBINED, money_part
from xlvphc.services.procedure.transitions import Context, FieldSpec

log = logging.getLogger(__name__)

KEY = "verified_outside"
CONFIRM = (
    "Tôi xác nhận đã xác minh thông tin về tiền, tài sản của đối tượng bị cưỡng "
    "chế và đã lập Biên bản xác minh (mẫu MBB09) ngoài hệ thống"
)
WARNING = (
    "Hồ sơ chưa có Biên bản xác minh thông tin về tiền, tài sản (mẫu MBB09) lập "
    "đến ngày quyết định. Quyết định cưỡng chế khấu trừ, kê biên, thu tiền, tài "
    "sản phải căn cứ biên bản này (mẫu MQĐ07–MQĐ10, MQĐ12a–c; khoản 1 Điều 86 "
    "Luật XLVPHC): hãy ghi nhận bước «Xác minh thông tin về tiền, tài sản để "
    "cưỡng chế» trước. Chỉ đánh dấu ô này khi đã xác minh và lập biên bản ngoài "
    "hệ thống; số, ngày biên bản để trống trên quyết định in ra, ghi tay."
)
# What the step keeps (and the case page shows) when the box was ticked.
KEPT = "Lập ngoài hệ thống (người ký xác nhận đã xác minh)"
# The measures whose decision cites the record: every one collecting money.
NEEDS_RECORD = " ".join(
    code for code in ("salary", "account", "distraint", "collection", *COMBINED)
)


def verified_by(session: Session, case_id: int, on: date) -> bool:
    """Whether the case has an asset verification (MBB09) dated on or before
    `on`, the one the decision of that day cites (printing_details)."""
    found = session.exec(
        select(ProcedureStep.id).where(
            ProcedureStep.case_id == case_id,
            ProcedureStep.step == "verify_assets",
            ProcedureStep.on <= on,
        )
    ).first()
    return found is not None


def first_after(session: Session, case_id: int, on: date) -> date | None:
    """The day of the earliest asset verification (MBB09) made after `on`
    (None: none was): a decision of day `on` cannot cite it."""
    return session.exec(
        select(ProcedureStep.on)
        .where(
            ProcedureStep.case_id == case_id,
            ProcedureStep.step == "verify_assets",
            ProcedureStep.on > on,
        )
        .order_by(ProcedureStep.on)
    ).first()


def verification_fields(session: Session, case: Case, today: date) -> list[FieldSpec]:
    """The box to tick, with its warning, shown with a money measure only,
    for a case without a verification yet; none once it has one."""
    if verified_by(session, case.id, today):
        return []
    return [FieldSpec(KEY, CONFIRM, "checkbox", False, WARNING, only=NEEDS_RECORD)]


def _ticked(ctx: Context) -> bool | None:
    """The box as sent: True ticked, False not; None for a value no box
    sends (a browser may call the handler with anything)."""
    raw = ctx.form.data.get(KEY)
    if raw is None or raw is False or raw == "":
        return False
    if raw is True or (isinstance(raw, str) and raw in ("1", "on", "true")):
        return True
    return None


def check_verification(ctx: Context, measure: str, on: date | None) -> str:
    """Refuse a money measure without a verification on or before the day
    (`on`, today while the day is refused) unless the box is ticked, or at
    the day when the only verification is later; what the step then keeps
    ("" when nothing)."""
    ticked = _ticked(ctx)
    if ticked is None:
        ctx.refuse(KEY, "Giá trị của ô xác nhận không hợp lệ.")
        return ""
    if not money_part(measure) or measure not in NEEDS_RECORD.split():
        return ""
    day = on if on and "on" not in ctx.form.errors else ctx.today
    if verified_by(ctx.session, ctx.case.id, day):
        return ""
    later = first_after(ctx.session, ctx.case.id, day)
    if later is not None:
        # The record exists, only after the day typed: the form hides the box
        # (verification_fields asks up to today), so an error on it showed
        # on no visible field (user trial). The day is what is wrong.
        ctx.refuse(
            "on",
            f"Biên bản xác minh (MBB09) lập ngày {later:%d/%m/%Y}, sau ngày quyết "
            "định cưỡng chế: quyết định phải căn cứ biên bản đã lập; hãy ghi ngày "
            f"quyết định từ {later:%d/%m/%Y}.",
        )
        return ""
    if not ticked:
        ctx.refuse(
            KEY,
            f"Chưa có Biên bản xác minh thông tin về tiền, tài sản (mẫu MBB09) lập "
            f"đến ngày {day:%d/%m/%Y}. Ghi nhận bước xác minh trước, hoặc đánh dấu "
            "ô xác nhận nếu biên bản đã lập ngoài hệ thống.",
        )
        return ""
    log.info(
        "user=%s case=%s coercion confirmed without an MBB09 in the system",
        ctx.actor.user_id,
        ctx.case.id,
    )
    return KEPT
