"""Accounts and their server-side sessions."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from xlvphc.models.base import utcnow


class User(SQLModel, table=True):
    """An official's account. `roles` is a comma-separated list of role codes."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=64)
    full_name: str = Field(max_length=120)
    title: str = Field(default="", max_length=120)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    roles: str = Field(default="officer", max_length=200)
    # Code from domain.authority.SIGNER_TITLES for the authority role: the
    # ceiling of what they may sign follows from it (NĐ 189/2025 Điều 5–8).
    signer_title: str = Field(default="", max_length=60)
    password_hash: str = Field(max_length=100)
    must_change_password: bool = True
    password_issued_at: datetime | None = None
    failed_attempts: int = 0
    locked_until: datetime | None = None
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None


class UserSession(SQLModel, table=True):
    """A login. Only the SHA-256 of the secret is stored, so a leaked table
    cannot be replayed."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
