"""Accounts left unused too long are disabled (security.md "Decisions": 45 days,
configurable with XLVPHC_INACTIVE_DAYS; 0 switches it off).

The app has no scheduler, so the rule is applied where it matters: at the
login of such an account (services.auth), and by `python -m xlvphc.cli
disable-inactive`, which a deployment runs daily (docs/deploy.md) so that
the account list shows the disabled accounts before anyone tries them.

"Used" means the latest of: a login, the account's creation, an issued or
reset password, and an administrator enabling it again — an administrator who
brings an account back gives it a fresh period.
"""

import logging
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from xlvphc.models import AuditEvent, User
from xlvphc.models.base import utcnow
from xlvphc.services import audit
from xlvphc.settings import SETTINGS

log = logging.getLogger(__name__)


def _last_enabled(session: Session, user_id: int) -> datetime | None:
    return session.exec(
        select(func.max(AuditEvent.at)).where(
            AuditEvent.action == "account.enabled",
            AuditEvent.entity == "user",
            AuditEvent.entity_id == user_id,
        )
    ).one()


def last_use(session: Session, user: User) -> datetime:
    """The latest moment the account was used or given a fresh start."""
    moments = [
        user.created_at,
        user.last_login_at,
        user.password_issued_at,
        _last_enabled(session, user.id),
    ]
    return max(m for m in moments if m is not None)


def unused_too_long(
    session: Session, user: User, now: datetime, days: int | None = None
) -> bool:
    """True for an active account unused for more than the configured days."""
    limit = SETTINGS.inactive_days if days is None else days
    if limit <= 0 or not user.active:
        return False
    return now - last_use(session, user) > timedelta(days=limit)


def disable(session: Session, user: User, days: int) -> None:
    """Disable the account and say why in the audit log (no actor: the rule)."""
    user.active = False
    session.add(user)
    audit.record(
        session,
        None,
        "account.disabled_inactive",
        entity="user",
        entity_id=user.id,
        user_id=user.id,
        unit_id=user.unit_id,
        before={"active": True},
        after={"active": False},
        reason=f"Không sử dụng quá {days} ngày",
    )
    log.info("account=%s disabled after %s days unused", user.id, days)


def sweep(session: Session, now: datetime | None = None) -> int:
    """Disable every active account unused too long; returns how many."""
    days = SETTINGS.inactive_days
    if days <= 0:
        return 0

    moment = now or utcnow()
    # Only accounts with no login within the period can qualify; the exact
    # rule (creation, issued password, re-enabling) is checked per account.
    cutoff = moment - timedelta(days=days)
    candidates = session.exec(
        select(User).where(
            User.active,
            (User.last_login_at.is_(None)) | (User.last_login_at < cutoff),
            User.created_at < cutoff,
        )
    ).all()
    disabled = 0
    for user in candidates:
        if unused_too_long(session, user, moment, days):
            disable(session, user, days)
            disabled += 1
    return disabled
