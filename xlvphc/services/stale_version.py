"""The refusal when a case changed after its form was loaded.

Every save of a case quotes the version its form was loaded at (optimistic
locking). When the case has moved on, the save is refused and the message says
who moved it and when, so the officer knows where to look. An officer often
has the same case open in two tabs, or on a phone and a computer: a refusal
blaming "someone else" would then send them looking for a colleague who does
not exist, so their own change is named as theirs.
"""

from datetime import datetime

from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_datetime
from xlvphc.models import Case, CaseEvent, User
from xlvphc.models.base import to_local
from xlvphc.services.access import Actor

HISTORY = "mục \u201cLịch sử thay đổi\u201d trên trang hồ sơ"


def _changes_since(
    session: Session, case: Case, sent: object
) -> list[tuple[int | None, str | None, datetime]]:
    """(actor id, actor's name, when) of each change since version `sent`,
    newest first.

    Every change that raises a case's version writes one timeline event, so
    the changes since version n are the newest `case.version - n` events. A
    version that cannot be read (forged, missing) gets the newest one only."""
    try:
        missed = case.version - int(str(sent))
    except ValueError:
        missed = 1
    if not 1 <= missed <= case.version:
        missed = 1
    rows = session.exec(
        select(CaseEvent.actor_id, User.full_name, CaseEvent.at)
        .join(User, User.id == CaseEvent.actor_id, isouter=True)
        .where(CaseEvent.case_id == case.id)
        .order_by(CaseEvent.id.desc())
        .limit(missed)
    ).all()
    return [tuple(row) for row in rows]


def stale_message(
    session: Session,
    actor: Actor,
    case: Case,
    sent: object,
    *,
    unsaved: str,
    then: str,
) -> str:
    """The refusal of a save quoting version `sent` of a case now further on.

    Args:
        session: The open session the save runs in.
        actor: The acting user.
        case: The case as it is now.
        sent: The version the form was loaded at, as the browser sent it.
        unsaved: What was not saved, as a sentence without its full stop
            ("Bước này chưa được ghi nhận").
        then: What to do next, after "rồi" or "Vui lòng" ("mở lại trang sửa").

    Returns:
        One message in Vietnamese. It says "Bạn vừa cập nhật…" only when every
        change since the form was loaded was the actor's own; a colleague's
        change among them is named instead, since that is the one to read.
    """
    changes = _changes_since(session, case, sent)
    others = [change for change in changes if change[0] != actor.user_id]

    if changes and not others:
        when = fmt_datetime(to_local(changes[0][2]))
        return (
            f"Bạn vừa cập nhật hồ sơ này ở một thẻ hoặc thiết bị khác (lúc "
            f"{when}). {unsaved}. Vui lòng {then}."
        )

    who = ""
    if others:
        _actor_id, name, at = others[0]
        who = f" ({name or 'người dùng khác'}, lúc {fmt_datetime(to_local(at))})"
    return (
        f"Hồ sơ vừa được người khác cập nhật{who}. {unsaved}. Xem {HISTORY} để "
        f"biết họ đã sửa gì, rồi {then}."
    )
