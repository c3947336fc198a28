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
outside the system. The signer then ticks that it was, and may give its
number and date, which the decision prints; left empty they print dotted,
for the pen (before this check a decision was recorded without one, and its
paper printed them dotted with no warning). The step keeps them in its
details ("verified_no", "verified_on": services/printing_details.py).
"""

import logging
import re
from datetime import date

from sqlmodel import Session, select

from xlvphc.models import Case
from xlvphc.models.procedure import ProcedureStep
from xlvphc.services.numbering import paper_form
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
    "hệ thống; khi đó ghi số, ngày biên bản để in lên quyết định (để trống thì "
    "in dòng chấm để ghi tay)."
)
# What the step keeps (and the case page shows) when the box was ticked.
KEPT = "Lập ngoài hệ thống (người ký xác nhận đã xác minh)"
# The measures whose decision cites the record: every one collecting money.
NEEDS_RECORD = " ".join(
    code for code in ("salary", "account", "distraint", "collection", *COMBINED)
)
# The number and date of the record made outside, shown once the box is
# ticked; both optional (what is left empty prints dotted, for the pen).
NUMBER_KEY = "verified_no"
DAY_KEY = "verified_on"
NUMBER_MAX = 40  # characters, as the register's record numbers (importer)
# A paper number: digits, letters, "/", "-", "." and spaces ("05/BB-XMCC",
# "12/BB-XMCC.UBND"); the digit is checked apart, for its own message.
_NUMBER = re.compile(r"^[\w/.\- ]+$")
OUTSIDE_FIELDS = (
    FieldSpec(
        NUMBER_KEY,
        "Số biên bản xác minh (MBB09) lập ngoài hệ thống",
        hint="Ví dụ: 05/BB-XMCC. Để trống: quyết định in dòng chấm để ghi tay.",
        only=NEEDS_RECORD,
        max_len=NUMBER_MAX,
        when=KEY,
    ),
    FieldSpec(
        DAY_KEY,
        "Ngày lập biên bản xác minh (MBB09)",
        "date",
        hint="Từ ngày quyết định xử phạt đến ngày quyết định cưỡng chế. Để "
        "trống: quyết định in dòng chấm để ghi tay.",
        only=NEEDS_RECORD,
        when=KEY,
    ),
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
    for a case without a verification yet, and under it the number and date
    of the record, shown once it is ticked; none once it has one."""
    if verified_by(session, case.id, today):
        return []
    box = FieldSpec(KEY, CONFIRM, "checkbox", False, WARNING, only=NEEDS_RECORD)
    return [box, *OUTSIDE_FIELDS]


def _ticked(ctx: Context) -> bool | None:
    """The box as sent: True ticked, False not; None for a value no box
    sends (a browser may call the handler with anything)."""
    raw = ctx.form.data.get(KEY)
    if raw is None or raw is False or raw == "":
        return False
    if raw is True or (isinstance(raw, str) and raw in ("1", "on", "true")):
        return True
    return None


def check_verification(ctx: Context, measure: str, on: date | None) -> dict:
    """Refuse a money measure without a verification on or before the day
    (`on`, today while the day is refused) unless the box is ticked, or at
    the day when the only verification is later; what the step then keeps
    ({} when nothing): the box's statement and the number and date of the
    record made outside, as given (`outside_record`)."""
    ticked = _ticked(ctx)
    if ticked is None:
        ctx.refuse(KEY, "Giá trị của ô xác nhận không hợp lệ.")
        return {}
    if not money_part(measure) or measure not in NEEDS_RECORD.split():
        return {}
    day_known = bool(on) and "on" not in ctx.form.errors
    day = on if on and day_known else ctx.today
    if verified_by(ctx.session, ctx.case.id, day):
        return {}
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
        return {}
    if not ticked:
        ctx.refuse(
            KEY,
            f"Chưa có Biên bản xác minh thông tin về tiền, tài sản (mẫu MBB09) lập "
            f"đến ngày {day:%d/%m/%Y}. Ghi nhận bước xác minh trước, hoặc đánh dấu "
            "ô xác nhận nếu biên bản đã lập ngoài hệ thống.",
        )
        _not_without_box(ctx)
        return {}
    log.info(
        "user=%s case=%s coercion confirmed without an MBB09 in the system",
        ctx.actor.user_id,
        ctx.case.id,
    )
    return {KEY: KEPT, **outside_record(ctx, day if day_known else None)}


def _not_without_box(ctx: Context) -> None:
    """A number or date of a record made outside with the box unticked: the
    form sends them only once it is ticked, so this is a crafted call or a
    slip; said at the field rather than dropped."""
    for key in (NUMBER_KEY, DAY_KEY):
        if str(ctx.form.data.get(key) or "").strip():
            ctx.refuse(
                key,
                "Chỉ ghi khi đánh dấu ô xác nhận đã lập Biên bản xác minh (MBB09) "
                "ngoài hệ thống.",
            )


def outside_record(ctx: Context, on: date | None) -> dict:
    """The number and date of the MBB09 made outside the system, as typed
    ({} for what is left empty), refused at their field: a number as other
    paper numbers (a digit, letters, "/", "-", "."; at most NUMBER_MAX
    characters, written as the series writes its own), a date from the day
    of the sanction decision (the record verifies how it is to be executed)
    to the day of the coercion decision (`on`; today while that day is
    missing or refused), which cites it (khoản 1 Điều 86 Luật XLVPHC)."""
    form = ctx.form
    kept: dict = {}
    typed = form.text(NUMBER_KEY, "số biên bản xác minh", NUMBER_MAX)
    if typed and NUMBER_KEY not in form.errors:
        if not _NUMBER.match(typed) or "_" in typed:
            ctx.refuse(
                NUMBER_KEY,
                "Số biên bản chỉ gồm chữ số, chữ cái và các dấu «/», «-», «.», "
                "ví dụ 05/BB-XMCC.",
            )
        elif not any(ch.isdigit() for ch in typed):
            ctx.refuse(NUMBER_KEY, "Số biên bản phải có chữ số, ví dụ 05/BB-XMCC.")
        else:
            kept[NUMBER_KEY] = paper_form(typed, "MBB09")
    made = form.date(DAY_KEY, "ngày lập biên bản xác minh")
    if made is None or DAY_KEY in form.errors:
        return kept
    latest = on or ctx.today
    decided = ctx.decision.decided_on if ctx.decision else None
    if made > latest:
        ctx.refuse(
            DAY_KEY,
            f"Ngày lập biên bản xác minh không được sau ngày quyết định cưỡng chế "
            f"({latest:%d/%m/%Y}): quyết định căn cứ biên bản đã lập."
            if on
            else "Ngày lập biên bản xác minh không được sau ngày hôm nay.",
        )
    elif decided and made < decided:
        ctx.refuse(
            DAY_KEY,
            f"Ngày lập biên bản xác minh không được trước ngày quyết định xử phạt "
            f"({decided:%d/%m/%Y}): biên bản xác minh tiền, tài sản để cưỡng chế "
            "thi hành quyết định đó.",
        )
    else:
        kept[DAY_KEY] = f"{made:%d/%m/%Y}"
    return kept
