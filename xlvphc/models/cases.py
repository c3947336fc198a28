"""A case (hồ sơ vụ việc) and what it gathers as it moves through the procedure."""

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from xlvphc.models.base import MONEY, to_local, utcnow


class CaseStatus:
    """Where a case stands in the procedure (the stage). Labels are what
    officers read. The procedure services own the transitions between them."""

    RECORDED = "recorded"  # violation record made (MBB01)
    EXPLAINING = "explaining"  # violator asked to explain (Law Art. 61)
    DECIDED = "decided"  # sanction decision issued, not yet executed
    EXECUTING = "executing"  # partly paid, instalments running
    POSTPONED = "postponed"  # execution of the fine postponed (Art. 76)
    COERCING = "coercing"  # coercion decided (Art. 86)
    TRANSFERRED = "transferred"  # sent to another unit or for prosecution
    CLOSED = "closed"  # see CloseReason

    LABELS = {
        RECORDED: "Đã lập biên bản",
        EXPLAINING: "Đang giải trình",
        DECIDED: "Đã ra quyết định",
        EXECUTING: "Đang thi hành",
        POSTPONED: "Hoãn thi hành",
        COERCING: "Đang cưỡng chế",
        TRANSFERRED: "Đã chuyển",
        CLOSED: "Đã kết thúc",
    }


class CloseReason:
    EXECUTED = "executed"  # chấp hành xong
    PARTLY = "partly"  # thi hành một phần: death, dissolution (ND118 Art. 19)
    LIMITATION = "limitation"  # hết thời hiệu thi hành (Law Art. 74)
    CANCELLED = "cancelled"  # decision cancelled (MQĐ40)
    TRANSFERRED = "transferred"  # handed over for criminal prosecution
    NO_DECISION = "no_decision"  # no sanction decision could be issued
    # A minor reminded instead of a warning (Law Art. 138-139; NĐ 118/2021
    # Art. 25 k2, 26): no sanction decision.
    REMINDED = "reminded"

    LABELS = {
        EXECUTED: "Đã chấp hành xong",
        PARTLY: "Thi hành một phần",
        LIMITATION: "Hết thời hiệu thi hành",
        CANCELLED: "Quyết định bị hủy bỏ",
        TRANSFERRED: "Chuyển truy cứu trách nhiệm hình sự",
        NO_DECISION: "Không ra quyết định xử phạt",
        REMINDED: "Nhắc nhở người chưa thành niên (thay cho cảnh cáo)",
    }


class ViolatorKind:
    INDIVIDUAL = "individual"
    ORGANISATION = "organisation"

    LABELS = {INDIVIDUAL: "Cá nhân", ORGANISATION: "Tổ chức"}


class ActOrigin:
    """Where a case act's citation and frame come from (CaseAct.origin).
    Acts outside the catalogue are of two kinds the case page must not mix
    up: typed by an officer (services.typed_acts), who answers for what was
    typed, or copied from an old Excel register (services.importer), which
    answers for it."""

    CATALOGUE = "catalogue"  # a catalogue row (catalogue_id set)
    TYPED = "typed"  # typed by an officer, «ngoài danh mục»
    IMPORT = "import"  # as an imported register wrote it, no catalogue row


# The deadline columns of Case (services.procedure.deadlines).
DUE_COLUMNS = (
    "decision_due",
    "limitation_end",
    "send_due",
    "payment_due",
    "postponed_until",
    "instalment_due",
    "execution_end",
    "seizure_due",
    "coerced_on",
    "executed_on",
)


def due_indexes() -> list[Index]:
    """Two partial indexes per deadline column, holding only the cases the
    deadline applies to: (due, id) for a province-wide "Việc cần làm",
    (unit_id, due, id) for one unit's, so that the list is read in its order
    (due, then case). Both databases use them for a range on the column (a
    comparison implies IS NOT NULL)."""
    found = []
    for column in DUE_COLUMNS:
        where = {
            "sqlite_where": text(f"{column} IS NOT NULL"),
            "postgresql_where": text(f"{column} IS NOT NULL"),
        }
        found.append(Index(f"ix_case_{column}", column, "id", **where))
        found.append(
            Index(f"ix_case_unit_{column}", "unit_id", column, "id", **where)
        )
    return found


# The list's sort columns indexed with the id (migration 0013).
SORT_ID_COLUMNS = (
    "fine_total", "violator_name", "record_number", "decision_number", "status",
)


class Case(SQLModel, table=True):
    """The file of one violation matter. Totals are kept here, denormalised,
    so that dashboards aggregate one table."""

    # (status, late_after): the list of overdue or running decisions and
    # the dashboard's count of deadlines still to come walk the open stages
    # by deadline only (services/enforcement.py; migration 0027).
    # (column, id) for the list's sort columns: a search with many matches
    # sorted by amount, name, number or status reads the cases in that order
    # and stops at the page (services.search_index.in_order_ids). The id is
    # the list's tie-break: SQLite keeps it in every index anyway (rowid),
    # PostgreSQL without it sorted a million rows per page (migration 0013).
    # (unit_id, id) over the cases in use: an officer's list counts and
    # pages the unit's cases from the index alone (migration 0012) on
    # PostgreSQL. SQLite 3.40 does not see that a partial index holds its
    # condition's column: (unit_id, deleted_at) is its index-only way to
    # the same count, and every lookup by unit (migration 0014).
    __table_args__ = (
        Index("ix_case_unit_id", "unit_id", "deleted_at"),
        Index(
            "ix_case_unit_live",
            "unit_id",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index("ix_case_status_late", "status", "late_after"),
        *(Index(f"ix_case_{column}", column, "id") for column in SORT_ID_COLUMNS),
        *due_indexes(),
    )

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    field: str = Field(index=True, max_length=120)
    status: str = Field(default=CaseStatus.RECORDED, max_length=20)
    violation_at: datetime | None = None
    violation_date: date | None = Field(default=None, index=True)
    # Still going on when detected (NĐ 118/2021 Điều 8 k1 điểm b): the
    # sanctioning limitation then runs from `detected_on` (Law Art. 6 k1 b).
    continuing: bool = False
    detected_on: date | None = None
    violation_place: str = Field(default="", max_length=500)
    description: str = Field(default="", max_length=5000)
    violator_kind: str = Field(default=ViolatorKind.INDIVIDUAL, max_length=20)
    violator_name: str = Field(default="", max_length=200)
    record_number: str = Field(default="", max_length=40)
    decision_number: str = Field(default="", max_length=40)
    decided_on: date | None = Field(default=None, index=True)
    fine_total: int = Field(default=0, sa_type=MONEY)
    # Execution summary, kept by the procedure services so that lists,
    # "việc cần làm" and reports read one row per case.
    received_on: date | None = None  # violator received the decision
    compliance_due: date | None = Field(default=None, index=True)
    paid_total: int = Field(default=0, sa_type=MONEY)
    # reduced or exempted (Law Art. 77)
    reduced_total: int = Field(default=0, sa_type=MONEY)
    # late-payment interest (Art. 78 k1) fixed on the parts of the fine paid
    # late, and what was paid of it (services/procedure/late_interest.py;
    # migration 0016)
    surcharge_total: int = Field(default=0, sa_type=MONEY)
    surcharge_paid: int = Field(default=0, sa_type=MONEY)
    complained: bool = False
    closed_on: date | None = Field(default=None, index=True)
    # Deadlines to act while they still apply (None otherwise), kept by
    # services.procedure.deadlines whenever the record, an explanation, an
    # extension, the decision or a later step changes the case, so that
    # "Việc cần làm" is a range scan over indexed columns (`due_indexes`).
    decision_due: date | None = None  # Art. 66
    limitation_end: date | None = None  # Art. 6
    send_due: date | None = None  # Art. 70
    # not coerced, the earlier of compliance_due while a fine is owed and
    # not paid by instalments nor postponed and a pending remedial measure's
    # own deadline, a plan or a postponement running or not (Art. 73, 76,
    # 85, 86; migration 0028); the end of a postponement (Art. 76)
    payment_due: date | None = None
    postponed_until: date | None = None
    # the first instalment not fully paid, while a fine is owed (Art. 79)
    instalment_due: date | None = None
    execution_end: date | None = None  # Art. 74
    # the earliest end of a held item's seizure period, extensions included
    # (Art. 125 k8; migration 0015)
    seizure_due: date | None = None
    # the day of the latest coercion decision while the case is being
    # coerced and a fine, its interest or a remedial measure is still owed
    # (Art. 86, 78 k1; migration 0017)
    coerced_on: date | None = None
    # the day of the last step that carried the open decision out, once
    # nothing is left to execute: the case only waits to be closed (Art. 73
    # k2; services/procedure/executed.py; migration 0030)
    executed_on: date | None = None
    # the open decision names a remedial measure not yet carried out (Art.
    # 28, 85): with the money columns, what the summary triggers read to
    # tell an overdue decision from one with nothing left to do but closing
    # (services/enforcement.py owes; migration 0024)
    remedial_pending: bool = False
    # the earliest deadline still running for what the open decision owes:
    # the fine's (the next instalment while a plan runs) and the remedial
    # measure's own, which a plan or a postponement does not move (Art. 73,
    # 79, 85). What makes the decision "Quá hạn chấp hành" once passed
    # (services/enforcement.py; migration 0027)
    late_after: date | None = None
    close_reason: str = Field(default="", max_length=20)
    without_record: bool = False  # MQĐ01, Law Art. 56
    imported: bool = False  # brought in from an earlier Excel register
    search_text: str = Field(default="", max_length=4000)
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow, index=True)
    created_by: int | None = Field(default=None, foreign_key="user.id")
    updated_at: datetime = Field(default_factory=utcnow)
    deleted_at: datetime | None = Field(default=None, index=True)
    deleted_by: int | None = None
    delete_reason: str = Field(default="", max_length=500)
    request_key: str | None = Field(default=None, unique=True, max_length=64)


class Violator(SQLModel, table=True):
    """A person or organisation in a case, with the identity fields of the forms
    (Decree 118/2021 appendix, MBB01 / MQĐ02)."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    kind: str = Field(default=ViolatorKind.INDIVIDUAL, max_length=20)
    name: str = Field(max_length=200)
    gender: str = Field(default="", max_length=10)
    birth_date: date | None = None
    nationality: str = Field(default="Việt Nam", max_length=60)
    occupation: str = Field(default="", max_length=120)
    address: str = Field(default="", max_length=500)
    id_number: str = Field(default="", index=True, max_length=20)
    id_issued_on: date | None = None
    id_issued_by: str = Field(default="", max_length=200)
    tax_code: str = Field(default="", index=True, max_length=20)
    registration_number: str = Field(default="", max_length=40)
    registration_issued_on: date | None = None
    registration_issued_by: str = Field(default="", max_length=200)
    representative_name: str = Field(default="", max_length=120)
    representative_gender: str = Field(default="", max_length=10)
    representative_title: str = Field(default="", max_length=120)


class CaseAct(SQLModel, table=True):
    """One violating act, with the catalogue point and the frame snapshotted so a
    later catalogue change does not rewrite a decided case."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    catalogue_id: int | None = Field(default=None, foreign_key="catalogueentry.id")
    decree: str = Field(max_length=60)
    article: int
    clause: int
    point: str = Field(default="", max_length=4)
    act: str = Field(max_length=1000)
    frame_min: int | None = Field(default=None, sa_type=MONEY)
    frame_max: int | None = Field(default=None, sa_type=MONEY)
    fine: int | None = Field(default=None, sa_type=MONEY)
    # The clause of the act's article that set the frame because the
    # violation is in a ward (phường), the commune's frame doubled (NĐ
    # 123/2024 Điều 10 k3; domain/ward_fines.py): cited with the act's own
    # clause on the record and the decision. None: the act's own frame.
    ward_clause: int | None = None
    position: int = 0
    # ActOrigin, set by every writer (migration 0023 filled the older acts).
    # A writer that does not say gets the officer's mark, as every act
    # without catalogue row had before: never passed off as the catalogue's.
    origin: str = Field(default=ActOrigin.TYPED, max_length=12)


class ViolationRecord(SQLModel, table=True):
    """Biên bản vi phạm hành chính (form MBB01)."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, unique=True)
    number: str = Field(max_length=40)
    # None: not known. An imported register may give a record's number
    # without its date (importer/write.py); no other day is put in its
    # place, the pages and forms say it is unknown (migration 0025).
    made_at: datetime | None = Field(default=None)
    place: str = Field(max_length=500)
    # Why it was made at the office or another place rather than where the
    # violation happened (MBB01 note (3): the form must state the reason).
    office_reason: str = Field(default="", max_length=500)
    maker_name: str = Field(max_length=120)
    maker_title: str = Field(default="", max_length=120)
    witness: str = Field(default="", max_length=300)
    violator_statement: str = Field(default="", max_length=5000)
    # The issuing unit as this paper printed it when issued (printing.
    # agency_of): a later rename or merge must not rewrite a signed paper.
    # "" name: not known (a row written without it), the case's unit as it
    # is now prints (services/issuer.py); migration 0026 filled the older.
    agency_name: str = Field(default="", max_length=300)
    agency_parent: str = Field(default="", max_length=300)
    agency_place: str = Field(default="", max_length=200)
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)

    def made_on(self) -> date | None:
        """The record's day in Vietnam time, or None when the register did
        not give it: every reader must cope, never a stand-in day."""
        return to_local(self.made_at).date() if self.made_at else None


class Decision(SQLModel, table=True):
    """Quyết định xử phạt vi phạm hành chính (form MQĐ02)."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, unique=True)
    number: str = Field(max_length=40)
    decided_on: date
    signer_name: str = Field(max_length=120)
    signer_title: str = Field(max_length=120)
    # domain.authority code of the signer's title (ceiling check, NĐ 189/2025)
    signer_title_code: str = Field(default="", max_length=60)
    # A deputy signs "KT." citing the delegation (MQĐ34; NĐ 118/2021 Điều 10).
    delegation: str = Field(default="", max_length=200)
    # Circumstances, one per line (Law Art. 9, 10; NĐ 118 Điều 9 as amended).
    mitigating: str = Field(default="", max_length=2000)
    aggravating: str = Field(default="", max_length=2000)
    fine_total: int = Field(default=0, sa_type=MONEY)
    additional_sanctions: str = Field(default="", max_length=2000)
    # Additional sanctions as choices (Law Art. 21 k1 c-đ, Art. 25-27), for
    # the report (NĐ 118/2021 Art. 35 k2 c); the text above details them.
    sanction_licence: bool = False  # tước quyền sử dụng giấy phép, CCHN
    sanction_suspension: bool = False  # đình chỉ hoạt động có thời hạn
    sanction_confiscation: bool = False  # tịch thu tang vật, phương tiện
    sanction_expulsion: bool = False  # trục xuất (người nước ngoài)
    remedial_measures: str = Field(default="", max_length=2000)
    payment_days: int = 10
    treasury: str = Field(default="", max_length=300)
    # As the record's: the unit that signed the decision, as printed then.
    agency_name: str = Field(default="", max_length=300)
    agency_parent: str = Field(default="", max_length=300)
    agency_place: str = Field(default="", max_length=200)
    # That unit's own name then, which MQĐ01 names to carry the decision out
    # ("Gửi cho … để tổ chức thực hiện"): the header drops a provincial
    # body's "tỉnh Đắk Lắk". None: issued before migration 0029, the line
    # is told from the header (services/issuer.py issued_unit_name).
    agency_unit_name: str | None = Field(default=None, max_length=200)
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class CaseEvent(SQLModel, table=True):
    """An entry on the case timeline."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    kind: str = Field(max_length=40)
    at: datetime = Field(default_factory=utcnow)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    summary: str = Field(default="", max_length=1000)


class CaseToken(SQLModel, table=True):
    """One folded search word of a case (from `Case.search_text`), so that the
    search box is an index range scan per word instead of a LIKE over every
    case. Kept in step by `services.search_index` whenever search_text or
    the case's unit changes.

    `unit_id` repeats the case's unit (no foreign key: it is a copy of
    `case.unit_id`, which has one) so that an officer's search walks the
    words of their own unit only. Indexes: (unit_id, token, case_id) for a
    unit's search, (token, case_id) for a province-wide one, and (case_id,
    token) to check a case's other words in one probe each."""

    __table_args__ = (
        Index("ix_casetoken_token_case", "token", "case_id"),
        Index("ix_casetoken_unit_token_case", "unit_id", "token", "case_id"),
        Index("ix_casetoken_case_token", "case_id", "token"),
    )

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id")
    token: str = Field(max_length=60)
    unit_id: int


class DocumentSequence(SQLModel, table=True):
    """Per-unit, per-type, per-year counter: numbers are never reused."""

    __table_args__ = (UniqueConstraint("unit_id", "doc_type", "year"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    doc_type: str = Field(max_length=20)
    year: int
    last: int = 0
