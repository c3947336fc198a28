"""Shared column helpers.

SQLModel stores aware datetimes only; everything is kept in UTC and shown in
Vietnam time (UTC+7 all year, no daylight saving)."""

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import BigInteger, Integer

VN_TZ = timezone(timedelta(hours=7), "ICT")

# Amounts of money in đồng. A 32-bit INTEGER stops at 2,147,483,647, which an
# organisation's fines (or a unit's totals) pass: BIGINT on PostgreSQL.
# SQLite's INTEGER already holds 64 bits, so its columns stay INTEGER and
# migration 0010 need not rebuild its tables.
MONEY = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_local(value: datetime | None) -> datetime | None:
    """A stored time as Vietnam local time (naive values are taken as UTC)."""
    if value is None:
        return None
    if value.utcoffset() is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(VN_TZ)


def local_now() -> datetime:
    return datetime.now(VN_TZ)
