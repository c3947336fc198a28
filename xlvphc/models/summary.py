"""Summary tables behind the dashboard (issue 7/8: a million cases).

Each row holds the sums of the live (not deleted) cases of one unit, field and
period of the violation date, so the dashboard adds up a few thousand rows
instead of scanning every case. Database triggers keep them in step with the
case and act tables (services/case_summary.py); nothing in the app writes them
directly.

`period` is a month (year * 100 + month, e.g. 202603) or a whole year (2026);
every case is counted once at each grain. A case without a violation date is
in month 0 and year -1. `unit_id` 0 holds the province-wide sums (all units),
so a province view reads a few rows per month or year. No foreign key: unit 0
is not a unit, and the rows are derived data.
"""

from sqlalchemy import BigInteger, Index, UniqueConstraint, event
from sqlmodel import Field, SQLModel

PROVINCE = 0  # unit_id of the rows summed over every unit


class CaseSummary(SQLModel, table=True):
    """Cases of one (unit, period, field). The status columns count cases
    (services/enforcement.py defines them)."""

    __table_args__ = (
        UniqueConstraint("unit_id", "period", "field", name="uq_casesummary_bucket"),
        Index("ix_casesummary_period", "period"),
    )

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int
    period: int
    field: str = Field(max_length=120)
    cases: int = 0
    # Money sums pass 2^31 đồng: 64-bit on PostgreSQL too.
    fines: int = Field(default=0, sa_type=BigInteger)  # imposed (fine_total)
    collected: int = Field(default=0, sa_type=BigInteger)  # paid (paid_total)
    decided: int = 0
    individuals: int = 0
    organisations: int = 0
    executed: int = 0
    running: int = 0  # decided, stage decided or executing (overdue or not)
    postponed: int = 0
    reduced: int = 0
    coercing: int = 0
    complained: int = 0
    # Open decisions with a deadline running (Case.late_after) that still
    # owe something (enforcement.can_be_late): overdue once it has passed
    # ("overdue" = these less the live count of deadlines still to come).
    late: int = 0
    late_running: int = 0  # of which decided or executing


class ActSummary(SQLModel, table=True):
    """Acts recorded in the cases of one (unit, period, field), by citation:
    the dashboard's most frequent acts."""

    __table_args__ = (
        UniqueConstraint(
            "unit_id",
            "period",
            "field",
            "decree",
            "article",
            "clause",
            "point",
            name="uq_actsummary_bucket",
        ),
        # A group of units over a period (all units' rows of those periods).
        Index("ix_actsummary_period_unit", "period", "unit_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int
    period: int
    field: str = Field(max_length=120)
    decree: str = Field(max_length=60)
    article: int
    clause: int
    point: str = Field(default="", max_length=4)
    cases: int = 0


@event.listens_for(SQLModel.metadata, "after_create")
def _keep_in_step(_metadata, connection, **_kw) -> None:
    """Schemas made from the models at once (tests, tools) get the triggers
    too; migrations install them in 0007. Imported late: the trigger text is
    compiled from the services' status conditions."""
    from xlvphc.services import case_summary

    if case_summary._tables_present(connection):
        case_summary.ensure(connection, heal=False)
