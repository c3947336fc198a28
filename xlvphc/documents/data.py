"""Plain data the form renderers receive. Services fill these; renderers never
touch the database."""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Agency:
    """The issuing agency as printed top-left: `parent` above `name`."""

    name: str
    parent: str = ""
    place: str = ""  # place name in the date line, e.g. "Buôn Ma Thuột"


@dataclass(frozen=True)
class ViolatorData:
    kind: str  # "individual" | "organisation"
    name: str
    gender: str = ""
    birth_date: date | None = None
    nationality: str = "Việt Nam"
    occupation: str = ""
    address: str = ""
    id_number: str = ""
    id_issued_on: date | None = None
    id_issued_by: str = ""
    tax_code: str = ""
    registration_number: str = ""
    registration_issued_on: date | None = None
    registration_issued_by: str = ""
    representative_name: str = ""
    representative_gender: str = ""
    representative_title: str = ""


@dataclass(frozen=True)
class ActData:
    decree: str
    article: int
    clause: int
    point: str
    act: str
    fine: int | None = None  # None: warning only / not yet decided
    # Imported from a register that gave the decision's total only: a fine
    # was imposed but this act's share is not known (printed dotted, never
    # as a warning).
    fine_untold: bool = False
    # In a ward, the clause of the same article that doubled the frame
    # (CaseAct.ward_clause): "điểm a khoản 1 và khoản 3 Điều 10 …".
    ward_clause: int | None = None


@dataclass(frozen=True)
class RecordData:
    """Violation record (MBB01)."""

    agency: Agency
    number: str  # "12/BB-VPHC"
    # None: not known (a register gave the number only), printed dotted.
    made_at: datetime | None
    place: str
    field: str  # lĩnh vực, printed in "Về ..."
    maker_name: str
    maker_title: str
    witness: str
    violator: ViolatorData
    violation_at: datetime | None
    violation_place: str
    description: str
    acts: list[ActData] = field(default_factory=list)
    violator_statement: str = ""
    # Why it was made at the office or elsewhere, not where it happened.
    office_reason: str = ""
    explanation_allowed: bool = False
    draft: bool = False
    # Imported from a register that gave days only: the times at 00:00 are
    # printed with the hour left for the pen, never "00 giờ 00 phút".
    days_only: bool = False


@dataclass(frozen=True)
class DecisionData:
    """Sanction decision (MQĐ02)."""

    agency: Agency
    number: str  # "5/QĐ-XPHC"
    decided_on: date
    signer_name: str
    signer_title: str
    field: str
    decrees: list[str]
    record_number: str
    record_date: date | None
    violator: ViolatorData
    description: str
    acts: list[ActData] = field(default_factory=list)
    fine_total: int = 0
    # "" is a decision that has none ("Không."); None is not known (a
    # draft or blank before the decision, or a decision imported from a
    # register that does not record them), a dotted line for the pen: the
    # paper must not assert that there are none.
    aggravating: str | None = ""
    mitigating: str | None = ""
    additional_sanctions: str | None = ""
    remedial_measures: str | None = ""
    # None: not known (an imported decision), "trong thời hạn …… ngày".
    payment_days: int | None = 10
    treasury: str = ""
    delegation: str = ""  # "số 3/QĐ-GQXP ngày 01/7/2025" when a deputy signs
    deputy_of: str = ""  # head's title when the signer is a deputy ("KT.")
    # The day it was handed to the person (a "Giao trực tiếp" send step),
    # written in the receipt on the back; the hour is not recorded, so it
    # stays dotted for the pen.
    handed_over_on: date | None = None
    draft: bool = False


@dataclass(frozen=True)
class FormData:
    """Content of any form rendered by `documents.template`.

    The common parts (header, number, signer, person concerned, acts) are
    fields; what only one form asks for is in `values`, under the keys the
    form module lists in its `FIELDS` (dates, datetimes, ints — amounts are
    keys starting "amount" and print in figures and words — or text).
    A cited document goes under "ref:<symbol>", e.g. values["ref:QĐ-XPHC"] =
    "5/QĐ-XPHC ngày 05/3/2026".
    """

    agency: Agency
    number: str = ""
    issued_on: date | None = None  # date line of a decision
    made_at: datetime | None = None  # opening time of a record
    signer_name: str = ""
    signer_title: str = ""
    deputy_of: str = ""  # head's title when a deputy signs ("KT.")
    violator: ViolatorData | None = None
    decrees: list[str] = field(default_factory=list)
    acts: list[ActData] = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)
    draft: bool = False
    blank: bool = False  # "Mẫu trắng": only the agency is printed
