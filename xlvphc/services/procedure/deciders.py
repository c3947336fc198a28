"""Who issues a seizure decision (MQĐ20) or its extension (MQĐ21), and
under which title.

Note (3) of both forms prints the title and body of the person deciding in
the heading ("THẨM QUYỀN BAN HÀNH") and the title again above the signature.
The step's title field is optional, so an official copy printed
"THẨM QUYỀN BAN HÀNH ………" and "CHỨC VỤ CỦA NGƯỜI KÝ" when it was left empty
(user trial). The step therefore settles the title when it is recorded, in
this order: the one typed; the known title of the person named (the sanction
decision's signer when no one is named, as the field's hint says); the
acting account's signer title, told from the code and the unit as the
sanction decision (MQĐ02) tells it; and refuses the step at the field when
none is known.
"""

import logging

from sqlmodel import Session

from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.signer_titles import title_to_print
from xlvphc.domain.text import fold
from xlvphc.models import Decision, Unit, User
from xlvphc.services import signer_fit
from xlvphc.services.cases import issuer_name
from xlvphc.services.procedure.transitions import Context

log = logging.getLogger(__name__)

_LABELS = dict(SIGNER_TITLES)


def _issuer(session: Session, unit_id: int) -> str:
    """The case's unit as the decisions' header names it."""
    unit = session.get(Unit, unit_id)
    return issuer_name(unit.name, unit.kind) if unit else ""


def decision_signer(session: Session, decision: Decision | None, unit_id: int):
    """(name, title) of the sanction decision's signer, the title as the
    printed decision gives it (services.printing); ("", "") without one."""
    if decision is None:
        return ("", "")
    # The unit the signed decision named (services/issuer.py), if it kept it.
    body = decision.agency_name or _issuer(session, unit_id)
    title = title_to_print(decision.signer_title, decision.signer_title_code, body)
    return (decision.signer_name, title)


def account_signer(session: Session, user_id: int, unit_id: int):
    """(name, title) of an account carrying a signer title code, the title
    told with the case's unit ("Trưởng Công an xã Cư M’gar") as the sanction
    decision form suggests it (accounts.signer_defaults); ("", "") for an
    account without one, which is no person with the power to decide, and
    for one whose title is of another body than the case's unit."""
    user = session.get(User, user_id)
    code = user.signer_title if user else ""
    if code not in _LABELS or not signer_fit.fits(session, unit_id, code):
        return ("", "")
    typed = signer_fit.suggested_title(session, unit_id, user.title, code)
    title = title_to_print(typed, code, _issuer(session, unit_id))
    return (user.full_name, title)


def settled(
    name: str,
    title: str,
    known: list[tuple[str, str]],
    acting: tuple[str, str],
) -> tuple[str, str]:
    """The decider's (name, title): the title typed, else that of the first
    known person the name names (the first of them when no name is given),
    else the acting account's; (name, "") when none is known.

    Args:
        name: The name typed ("" when left empty).
        title: The title typed ("" when left empty).
        known: People whose title is known, in the order to take them
            (the sanction decision's signer first).
        acting: The acting account's (name, signer title), or ("", "").
    """
    if title:
        return (name, title)
    for who, their_title in known:
        if their_title and (not name or fold(name) == fold(who)):
            return (name or who, their_title)
    if acting[1]:
        return (name or acting[0], acting[1])
    return (name, "")


def refusal(paper: str, form: str) -> str:
    """Why a step is refused at its title field when no title is known."""
    return (
        f"Vui lòng ghi chức vụ của người ra {paper} (ví dụ: Trưởng Công an xã "
        f"Ea Kao) để in thẩm quyền ban hành và chức vụ người ký trên {form}: "
        "không lấy được chức vụ này từ quyết định xử phạt của hồ sơ hay từ "
        "chức danh người ký của tài khoản đang dùng."
    )


def settle(
    ctx: Context,
    keys: tuple[str, str],
    typed: tuple[str, str],
    known: list[tuple[str, str]],
    paper: tuple[str, str],
) -> tuple[str, str]:
    """The decider a step records (`settled`), refusing the step at the
    title field when no title is known.

    Args:
        ctx: The step being recorded.
        keys: The name and the title fields. While the name is refused the
            title is not judged: the corrected name may be of someone whose
            title is known.
        typed: (name, title) as typed.
        known: As `settled`.
        paper: What the refusal names: ("quyết định tạm giữ",
            "Quyết định tạm giữ (MQĐ20)").
    """
    name, title = typed
    name_key, key = keys
    if name_key in ctx.form.errors or key in ctx.form.errors:
        return typed
    acting = ("", "")
    if not title:
        acting = account_signer(ctx.session, ctx.actor.user_id, ctx.case.unit_id)
    result = settled(name, title, known, acting)
    if not result[1]:
        ctx.refuse(key, refusal(*paper))
    log.info(
        "case=%s %s: decider's title %s",
        ctx.case.id,
        key,
        "typed" if title else ("settled" if result[1] else "unknown, refused"),
    )
    return result
