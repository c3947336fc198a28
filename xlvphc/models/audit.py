"""Append-only audit trail, written in the same transaction as the change."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from xlvphc.models.base import utcnow


class AuditEvent(SQLModel, table=True):
    """Who did what to which record, with before/after as JSON text."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor_id: int | None = Field(default=None, index=True)
    unit_id: int | None = Field(default=None, index=True)
    action: str = Field(index=True, max_length=40)
    entity: str = Field(default="", max_length=40)
    entity_id: int | None = None
    before: str = Field(default="")
    after: str = Field(default="")
    reason: str = Field(default="", max_length=500)
    ip: str = Field(default="", max_length=64)
