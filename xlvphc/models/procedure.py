"""What happens to a case after the violation record: every procedural step,
instalment plans, seized items (tang vật) and the delegation register.

The Case row keeps the execution summary (status, paid_total, …); these tables
keep the detail those totals are computed from."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from xlvphc.models.base import MONEY, utcnow


class ProcedureStep(SQLModel, table=True):
    """One step taken on a case (explanation, sending, receipt, payment,
    postponement, coercion, transfer, complaint, closing …), with the date it
    happened, who entered it and the legal document that carries it."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    step: str = Field(index=True, max_length=40)  # services.procedure code
    on: date  # the day the step happened (not the day it was entered)
    # money moved by the step (payment, reduction, coercion)
    amount: int = Field(default=0, sa_type=MONEY)
    code: str = Field(default="", max_length=40)  # sub-kind: method, measure …
    document: str = Field(default="", max_length=120)  # number of the paper
    until: date | None = None  # end of a period (postponement, delegation …)
    note: str = Field(default="", max_length=2000)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class Instalment(SQLModel, table=True):
    """One instalment of a plan decided under Law Art. 79 (form MQĐ05)."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    position: int  # 1, 2 or 3
    amount: int = Field(sa_type=MONEY)
    due_on: date = Field(index=True)
    paid: int = Field(default=0, sa_type=MONEY)
    paid_on: date | None = None


class ItemStatus:
    HELD = "held"
    RETURNED = "returned"
    CONFISCATED = "confiscated"
    LABELS = {HELD: "Đang tạm giữ", RETURNED: "Đã trả lại", CONFISCATED: "Đã tịch thu"}


class SeizedItem(SQLModel, table=True):
    """Tang vật, phương tiện bị tạm giữ (Law Art. 125/126) and what became of
    it: returned to the owner or confiscated."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    description: str = Field(max_length=500)
    quantity: str = Field(default="", max_length=120)
    seized_on: date
    status: str = Field(default="held", max_length=20)
    disposed_on: date | None = None
    disposal_document: str = Field(default="", max_length=120)


class Delegation(SQLModel, table=True):
    """Quyết định giao quyền (MQĐ34 sanctioning, MQĐ35 coercion; NĐ 118/2021
    Điều 10): the head of a unit lets a deputy sign "KT." for a period. Every
    decision the deputy signs cites number and date."""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    number: str = Field(max_length=60)
    signed_on: date
    scope: str = Field(default="sanction", max_length=20)  # sanction | coercion
    head_title_code: str = Field(max_length=60)  # domain.authority code
    deputy_name: str = Field(max_length=120)
    deputy_title: str = Field(max_length=120)
    valid_from: date
    valid_to: date | None = None
    ended_on: date | None = None  # revoked early (MQĐ37)
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
