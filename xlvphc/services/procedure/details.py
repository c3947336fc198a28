"""The details of a step that only its official forms print (issue 4).

A step's small form asks, besides its date and amount, what the paper
records: the time and place of a hearing, who took part, what a
verification found, who holds the coerced person's money, the witnesses of
a coercion or a seizure. The handlers read them here, each refused at its
field in Vietnamese, and the step keeps them as one `StepDetail` row;
services/printing_details.py prints them and `case_details` lists them on
the case page. Seizure records and decisions also get their number here,
from the unit's series (services/numbering.py).
"""

import json
import re
from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date
from xlvphc.models import ProcedureStep
from xlvphc.models.form_details import StepDetail
from xlvphc.services.access import Action, Actor
from xlvphc.services.cases import load_case
from xlvphc.services.db import session_scope
from xlvphc.services.inputs import FormReader
from xlvphc.services.issuer import STEP_KEY
from xlvphc.services.numbering import next_number
from xlvphc.services.procedure.coercion_measures import (
    COMBINED_CODES,
    REMEDIAL,
    with_combined,
)
from xlvphc.services.procedure.transitions import RULES, Context, FieldSpec

PEOPLE_HINT = (
    "Mỗi người một dòng: họ và tên – nghề nghiệp hoặc chức vụ – địa chỉ "
    "hoặc cơ quan."
)
ITEMS_HINT = "Mỗi tài sản một dòng: tên – đơn vị tính – số lượng – tình trạng."
MAX_PEOPLE = 6
MAX_ROWS = 20
LONG = 2000  # characters of one free-text answer
_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*[–—;]\s*")
_ACCOUNT = re.compile(r"^[0-9A-Za-z][0-9A-Za-z .-]{2,28}[0-9A-Za-z]$")
ACCOUNT_MAX = 30  # characters of a bank account number, as _ACCOUNT allows


def _field(name: str, label: str, kind: str = "text", required: bool = False,
           hint: str = "", options: tuple = (), only: str = "",
           max_len: int = 0) -> FieldSpec:
    return FieldSpec(
        name, label, kind, required, hint, options, only=only, max_len=max_len
    )


# What each step asks (labels also head the case page's list).
START = _field("start_time", "Giờ bắt đầu (giờ:phút)", "time", required=True)
END = _field("end_time", "Giờ kết thúc (giờ:phút)", "time")
PLACE = _field("place", "Địa điểm", required=True)
# Steps recorded before these details existed stay valid without them: the
# forms print what is missing as blanks for the pen.
START_ANY = _field("start_time", "Giờ bắt đầu (giờ:phút)", "time")
PLACE_ANY = _field("place", "Địa điểm")
WITNESSES = _field("witnesses", "Người chứng kiến", "textarea", hint=PEOPLE_HINT)
INFORMANTS = _field(
    "informants", "Người cung cấp thông tin", "textarea", hint=PEOPLE_HINT
)
# Whether the informants of an asset verification speak for themselves or
# for a body (MBB09 "<Cá nhân/Tổ chức> cung cấp thông tin").
INFORMANT_KINDS = (
    ("person", "Cá nhân"),
    ("organisation", "Người đại diện của cơ quan, tổ chức"),
)

HEARING = [
    START_ANY,
    END,
    PLACE_ANY,
    _field(
        "participants",
        "Người tham dự phiên giải trình",
        "textarea",
        False,
        "Người có thẩm quyền, người ghi biên bản, người giải trình hoặc người "
        "đại diện hợp pháp. " + PEOPLE_HINT,
    ),
    _field(
        "opinion_law",
        "Ý kiến của người có thẩm quyền: về căn cứ pháp lý",
        "textarea",
    ),
    _field(
        "opinion_facts",
        "Ý kiến của người có thẩm quyền: về tình tiết, chứng cứ",
        "textarea",
    ),
    _field(
        "opinion_sanction",
        "Ý kiến của người có thẩm quyền: về hình thức xử phạt, biện pháp khắc "
        "phục hậu quả dự kiến",
        "textarea",
    ),
    _field(
        "violator_opinion",
        "Ý kiến giải trình của người vi phạm hoặc người đại diện hợp pháp",
        "textarea",
    ),
]
VERIFY = [
    START,
    END,
    PLACE,
    INFORMANTS,
    _field("findings", "Những tình tiết đã xác minh", "textarea", True),
    _field("damage", "Người bị thiệt hại, mức độ thiệt hại (nếu có)", "textarea"),
    _field("mitigating", "Tình tiết giảm nhẹ"),
    _field("aggravating", "Tình tiết tăng nặng"),
    _field("violator_opinion", "Ý kiến trình bày của người vi phạm", "textarea"),
    _field(
        "informant_opinion", "Ý kiến của người cung cấp thông tin", "textarea"
    ),
]
ASSETS = [
    START,
    END,
    PLACE,
    INFORMANTS,
    # MBB09 item 2, 6 and the informant's signature choose "cá nhân" or "tổ
    # chức" (a body's representative): asked, never guessed from the name.
    _field("informant_kind", "Người cung cấp thông tin là", "select",
           options=INFORMANT_KINDS,
           hint="Cá nhân (người sử dụng lao động, người thân…) hay người đại "
           "diện của cơ quan, tổ chức (tổ chức tín dụng, nơi trả lương…). Để "
           "trống: biên bản in cả hai để gạch khi ký."),
    _field("reason", "Lý do xác minh", required=True),
    _field("salary_info", "Thông tin về tiền lương, thu nhập", "textarea"),
    _field("account_info", "Thông tin về tài khoản (số tài khoản, ngân hàng)",
           "textarea"),
    _field("asset_info", "Thông tin về tài sản", "textarea"),
    _field("third_party_info", "Tiền, tài sản do bên thứ ba đang giữ", "textarea"),
    _field("violator_opinion", "Ý kiến của người phải thi hành", "textarea"),
    # Who made the record (MBB09 item 1 and "NGƯỜI LẬP BIÊN BẢN"): by its
    # note (4) the person who decides the coercion or whom that person
    # authorised, often not the officer who made the violation record.
    _field("maker_name", "Người lập biên bản: họ và tên",
           hint="Người có thẩm quyền ra quyết định cưỡng chế hoặc người được "
           "người đó ủy quyền (ghi chú 4 Mẫu MBB09). Để trống: người đã lập "
           "biên bản vi phạm."),
    _field("maker_title", "Chức vụ của người lập biên bản"),
]
DEDUCT_FROM = (("salary", "Một phần lương"), ("income", "Một phần thu nhập"))
# The measures (the coercion step's "code") some boxes belong to: the form
# showed every measure's boxes whatever the measure (user trial).
# A combined decision (MQĐ12a-c) has the boxes of its money measure, and
# its own for the remedial part (Article 2 of those forms).
PAYING_OUT = with_combined("salary", "account", "collection")  # another pays
TRANSFERRED = with_combined("salary", "account")  # sent on to the treasury
# Forms with "Thời gian thực hiện" in their Article 1 (MQĐ11: its item 4 a).
TIMED = with_combined("salary", "distraint", "collection", REMEDIAL)
# Forms with a place of coercion in their Article 1 (MQĐ11: its item 6).
# MQĐ07 and MQĐ08 name none but have always shown the box; MQĐ12a has only
# the place of its Article 2 (remedial_place).
PLACED = "salary account " + with_combined("distraint", "collection", REMEDIAL)
COERCE = [
    _field(
        "holder",
        "Nơi trả lương, thu nhập / tổ chức tín dụng / người đang giữ tiền, tài sản",
        hint="Khấu trừ lương, thu nhập: nơi trả lương (bắt buộc); khấu trừ "
        "tài khoản: ngân hàng; thu tiền, tài sản: người đang giữ.",
        only=PAYING_OUT,
        max_len=300,
    ),
    _field("holder_address", "Địa chỉ nơi trả lương / trụ sở tổ chức tín dụng",
           only=PAYING_OUT, max_len=300),
    _field("deduct_from", "Khấu trừ vào", "select", options=DEDUCT_FROM,
           hint="Chỉ khi khấu trừ lương, thu nhập (MQĐ07, MQĐ12a), và bắt buộc "
           "khi đó.",
           only=with_combined("salary")),
    _field("account_number", "Số tài khoản bị khấu trừ",
           hint="Chỉ khi khấu trừ tiền từ tài khoản (MQĐ08, MQĐ12a).",
           only=with_combined("account"), max_len=ACCOUNT_MAX),
    _field("treasury_account", "Số tài khoản Kho bạc nhận tiền", only=TRANSFERRED,
           max_len=40),
    # Whole numbers: "number" opens the phone's number pad.
    _field("transfer_days", "Thời hạn chuyển tiền (ngày, tối đa 30)", "number",
           only=TRANSFERRED),
    # MQĐ08 (account) has no such item; the other measures' forms do.
    _field("period", "Thời gian thực hiện (ngày)", "number", only=TIMED),
    _field("action_place", "Địa điểm thực hiện cưỡng chế",
           hint="Kê biên, thu tài sản, khắc phục hậu quả.", only=PLACED,
           max_len=300),
    _field("assets", "Tài sản phải thu (nếu có)", hint="Chỉ khi thu tiền, tài sản.",
           only=with_combined("collection"), max_len=1000),
    # Article 2 of MQĐ12a-c: the remedial measure's own period and place,
    # beside those of the money measure in Article 1 (notes (24), (26)).
    _field("remedial_period",
           "Thời gian thực hiện biện pháp khắc phục hậu quả (ngày)", "number",
           hint="In ở Điều 2 của quyết định kết hợp.", only=COMBINED_CODES),
    _field("remedial_place", "Địa điểm thực hiện biện pháp khắc phục hậu quả",
           hint="In ở Điều 2 của quyết định kết hợp.", only=COMBINED_CODES,
           max_len=300),
    _field("cooperators", "Cơ quan, tổ chức phối hợp", max_len=300),
]
# The text limits of those boxes, as coercion._coercion_details reads them.
COERCE_MAX = {f.name: f.max_len for f in COERCE if f.max_len}
COERCION_RECORD = [
    START_ANY,
    END,
    _field("place", "Địa điểm cưỡng chế"),
    _field(
        "leader_name",
        "Người tổ chức cưỡng chế: họ và tên",
        hint="Người chủ trì thực hiện cưỡng chế, lập và ký biên bản cưỡng chế "
        "(MBB10-MBB12). Để trống: người đã lập biên bản vi phạm.",
    ),
    _field("leader_title", "Chức vụ của người tổ chức cưỡng chế"),
    _field("cooperators", "Đại diện cơ quan phối hợp", "textarea", hint=PEOPLE_HINT),
    _field(
        "witnesses",
        "Người chứng kiến, đại diện chính quyền",
        "textarea",
        hint=PEOPLE_HINT,
    ),
    _field("assets", "Tài sản kê biên, thu giữ", "textarea", hint=ITEMS_HINT),
]
SEIZE = [
    START_ANY,
    PLACE_ANY,
    WITNESSES,
    _field("reason", "Lý do tạm giữ"),
    _field("keep_place", "Nơi tạm giữ"),
    # Counted in working days after the seizure day, as the decision prints
    # it (domain.deadlines.seizure_end).
    _field("days", "Thời hạn tạm giữ (ngày làm việc)", "number", required=True,
           hint="Số ngày làm việc, không kể ngày tạm giữ: không quá 07 ngày "
           "làm việc, trừ khi được kéo dài (Điều 125), và không quá 02 tháng "
           "kể từ ngày lập biên bản."),
    # Who decides the seizure (MQĐ20 "THẨM QUYỀN BAN HÀNH" and signature):
    # the record's maker reports to the person with that power, who may be
    # another (Law Art. 125 k4 point c as amended by Law 88/2025 k25).
    _field("decider_name", "Người ra quyết định tạm giữ: họ và tên",
           hint="Để trống: người ký quyết định xử phạt của hồ sơ (nếu đã có)."),
    # Left empty: settled by procedure/deciders.py, never printed as dots.
    _field("decider_title", "Chức vụ của người ra quyết định tạm giữ",
           hint="Ví dụ: Trưởng Công an xã Ea Kao. Để trống: chức vụ của người "
           "ký quyết định xử phạt, hoặc chức danh người ký của tài khoản này."),
]
RETURN = [START_ANY, PLACE_ANY, _field("reason", "Lý do trả lại")]
# Kéo dài thời hạn tạm giữ (MQĐ21 items 3 and 5; its notes (8) and (10)).
EXTEND_SEIZURE = [
    _field("extend_reason", "Lý do kéo dài thời hạn tạm giữ", "textarea", True,
           "Ghi cụ thể lý do kéo dài, ví dụ: vụ việc phức tạp, cần xác minh "
           "thêm (ghi chú 8 Mẫu MQĐ21)."),
    _field("notified", "Việc kéo dài đã thông báo cho", "textarea",
           hint="Họ và tên người, hoặc tên và địa chỉ cơ quan, tổ chức được "
           "thông báo (ghi chú 10 Mẫu MQĐ21)."),
]
BASES = (
    ("decision", "Theo quyết định xử phạt (lập biên bản MBB20)"),
    ("unclaimed", "Hết thời hạn thông báo, không có người nhận (MQĐ14)"),
)
CONFISCATE = [
    _field("basis", "Căn cứ tịch thu", "select", options=BASES,
           hint="Để trống: theo quyết định xử phạt."),
    START_ANY,
    PLACE_ANY,
    WITNESSES,
    _field("reason", "Lý do tịch thu"),
]

LABELS = {
    f.name: f.label
    for f in HEARING + VERIFY + ASSETS + COERCE + COERCION_RECORD + SEIZE
    + RETURN + CONFISCATE + EXTEND_SEIZURE
} | {
    "start_time": "Giờ bắt đầu",
    "end_time": "Giờ kết thúc",
    "record_no": "Số biên bản",
    "decision_no": "Số quyết định",
    "witnesses": "Người chứng kiến",
    # Postponement and instalments (services/procedure/payment_relief.py).
    "application_date": "Ngày đơn đề nghị",
    "certifier": "Cơ quan, tổ chức xác nhận đơn",
    "hardship": "Điều kiện về hoàn cảnh",
    "conditions_checked": "Người ký đã kiểm tra điều kiện",
    # Coercion without an MBB09 in the system (procedure/coercion_verified).
    "verified_outside": "Biên bản xác minh thông tin về tiền, tài sản",
    "verified_no": "Số biên bản xác minh (MBB09) lập ngoài hệ thống",
    "verified_on": "Ngày lập biên bản xác minh (MBB09)",
    # Extension of a seizure (services/procedure/seizure_extension.py).
    "seizure_no": "Quyết định tạm giữ",
    "previous_end": "Thời hạn tạm giữ trước khi kéo dài: đến ngày",
    "new_end": "Kéo dài đến ngày",
    "extension_days": "Thời hạn kéo dài (ngày làm việc)",
    "extender_name": "Người ra quyết định kéo dài",
    "extender_title": "Chức vụ người ra quyết định kéo dài",
}
# Choices shown by their label on the case page.
# Fields of one name whose label depends on the step that recorded them:
# LABELS keeps one label per name (the last defined), which named every
# step's reason "Lý do tịch thu" on the case page (user trial).
STEP_LABELS = {
    "verify_assets": {"reason": "Lý do xác minh"},
    "seize": {"reason": "Lý do tạm giữ"},
    "return_item": {"reason": "Lý do trả lại"},
    "confiscate_item": {"reason": "Lý do tịch thu"},
}


def label_of(step: str, key: str) -> str:
    """The label of a recorded field, as the step's own form named it."""
    return STEP_LABELS.get(step, {}).get(key) or LABELS.get(key, key)


CHOICE_LABELS = (
    dict(DEDUCT_FROM)
    | dict(INFORMANT_KINDS)
    | {k: v.split(" (")[0] for k, v in BASES}
)


def people(form: FormReader, key: str, label: str, required: bool = False) -> list:
    """A list of persons, one a line: [name, occupation or title, where].

    Refused at the field when a line has no name first, or a name with
    digits (a date or a number typed in the wrong place).
    """
    raw = form.text(key, label, LONG, required=required, multiline=True)
    if key in form.errors:
        return []
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if len(lines) > MAX_PEOPLE:
        form.errors[key] = f"Tối đa {MAX_PEOPLE} người, mỗi người một dòng."
        return []
    rows = []
    for number, line in enumerate(lines, 1):
        parts = [p.strip() for p in _SEPARATOR.split(line) if p.strip()]
        name = parts[0] if parts else ""
        if not 2 <= len(name) <= 120 or any(ch.isdigit() for ch in name):
            form.errors[key] = (
                f"Dòng {number}: ghi họ và tên trước, sau đó nghề nghiệp hoặc "
                "chức vụ, địa chỉ hoặc cơ quan, cách nhau bằng dấu «–»."
            )
            return []
        rows.append([name, parts[1] if len(parts) > 1 else "", ", ".join(parts[2:])])
    return rows


def person_name(form: FormReader, key: str, label: str) -> str:
    """One person's full name, optional: refused when it has digits (a date
    or a number typed in the wrong place)."""
    name = form.text(key, label, 120)
    if name and key not in form.errors and (
        len(name) < 2 or any(ch.isdigit() for ch in name)
    ):
        form.errors[key] = "Ghi họ và tên, không có chữ số."
    return name


def asset_rows(form: FormReader, key: str, label: str) -> list:
    """Assets one a line, [name, unit, quantity, condition], for the tables of
    MBB10 and MBB12."""
    raw = form.text(key, label, LONG, multiline=True)
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if key in form.errors:
        return []
    if len(lines) > MAX_ROWS:
        form.errors[key] = f"Tối đa {MAX_ROWS} tài sản, mỗi tài sản một dòng."
        return []
    rows = []
    for line in lines:
        parts = [p.strip() for p in _SEPARATOR.split(line) if p.strip()]
        rows.append((parts + ["", "", ""])[:3] + [", ".join(parts[3:])])
    return rows


def clock(
    form: FormReader,
    key: str,
    label: str,
    required: bool = False,
    on: date | None = None,
) -> str:
    """ "14:30", or "" when left empty and not required. With the step's
    day `on`, a time later than now is refused (FormReader.not_future)."""
    value = form.time(key, label, required=required)
    form.not_future(key, label, on, value)
    return f"{value:%H:%M}" if value else ""


def days(
    form: FormReader, key: str, label: str, high: int, unit: str = ""
) -> int | None:
    """An optional whole number of days, 1 to `high`. `unit` ("ngày làm
    việc") ends the message when the period is not in calendar days, so the
    officer reads what is counted."""
    if str(form.data.get(key) or "").strip() == "":
        return None
    value = form.integer(key, label, 1, high)
    if value is None and unit:
        form.errors[key] = (
            f"{label[:1].upper()}{label[1:]} phải từ 1 đến {high} {unit}."
        )
    return value


def texts(form: FormReader, names: list[str], labels: dict[str, str]) -> dict:
    """Optional free-text answers, by field name."""
    return {
        name: form.text(name, labels[name].lower(), LONG, multiline=True)
        for name in names
    }


def times(
    form: FormReader,
    end: bool = True,
    required: bool = True,
    on: date | None = None,
) -> dict:
    """Start and end time, the end not before the start; on the step's day
    `on` (its date field), neither later than now: a step is recorded after
    it happened, and the date alone let a time later today through. A
    refused date (the steps' "on") has its own message: no second one."""
    on = None if "on" in form.errors else on
    start = clock(form, "start_time", "giờ bắt đầu", required=required, on=on)
    finish = clock(form, "end_time", "giờ kết thúc", on=on) if end else ""
    if start and finish and finish < start:
        form.errors["end_time"] = "Giờ kết thúc phải sau giờ bắt đầu."
    return {"start_time": start, "end_time": finish}


def place(form: FormReader, key: str = "place", required: bool = True) -> str:
    return form.text(key, "địa điểm", 300, required=required)


def account_number(form: FormReader, required: bool) -> str:
    """A bank account number: digits and letters, 4 to 30 characters."""
    value = form.text("account_number", "số tài khoản bị khấu trừ", ACCOUNT_MAX,
                      required=required)
    if value and "account_number" not in form.errors and not _ACCOUNT.match(value):
        form.errors["account_number"] = (
            "Số tài khoản chỉ gồm chữ số, chữ cái (4 đến 30 ký tự)."
        )
    return value


def number(ctx: Context, form_code: str, on: date) -> str:
    """The next number of the unit's series of that form for the year."""
    return next_number(ctx.session, ctx.case.unit_id, form_code, on.year)


def compact(values: dict) -> dict:
    """Only the answers given: the forms print the rest as blanks."""
    return {k: v for k, v in values.items() if v not in ("", None, [], 0)}


def _stored(session: Session, step_id: int | None) -> dict:
    """The JSON object a step keeps ({} when it has none)."""
    if step_id is None:
        return {}
    row = session.exec(select(StepDetail).where(StepDetail.step_id == step_id)).first()
    try:
        data = json.loads(row.data) if row else {}
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def details_of(session: Session, step_id: int | None) -> dict:
    """The details of one step ({} when it has none). The issuer's header
    its papers keep is left out (`issuer_of`): it is no answer of the step's
    form, and a step with no answers reads as one without details."""
    data = _stored(session, step_id)
    data.pop(STEP_KEY, None)
    return data


def issuer_of(session: Session, step_id: int | None) -> dict:
    """The copy of its unit's header a step kept when recorded
    (services/issuer.py step_copy); {} for a step recorded before."""
    copy = _stored(session, step_id).get(STEP_KEY)
    return copy if isinstance(copy, dict) else {}


def steps_with_details(
    session: Session, case_id: int, codes: tuple[str, ...]
) -> list[tuple[ProcedureStep, dict]]:
    """The case's steps of those kinds, latest first, with their details."""
    rows = session.exec(
        select(ProcedureStep)
        .where(ProcedureStep.case_id == case_id, ProcedureStep.step.in_(codes))
        .order_by(ProcedureStep.on.desc(), ProcedureStep.id.desc())
    ).all()
    return [(row, details_of(session, row.id)) for row in rows]


def show(value: object) -> str:
    """A detail as the case page shows it."""
    if isinstance(value, str) and value in CHOICE_LABELS:
        return CHOICE_LABELS[value]
    if isinstance(value, list):
        lines = []
        for row in value:
            if isinstance(row, list):
                head, *rest = [str(p) for p in row if p]
                lines.append(f"{head} ({', '.join(rest)})" if rest else head)
            else:
                lines.append(str(row))
        return "; ".join(lines)
    return str(value)


def case_details(actor: Actor, case_id: object) -> list[dict]:
    """What the steps of a case recorded for its forms, latest first:
    [{title, date, rows: [{label, value}]}], for the case page."""
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_READ)
        rows = session.exec(
            select(ProcedureStep, StepDetail)
            .join(StepDetail, StepDetail.step_id == ProcedureStep.id)
            .where(ProcedureStep.case_id == case.id)
            .order_by(ProcedureStep.on.desc(), ProcedureStep.id.desc())
            .limit(50)
        ).all()
        out = []
        for step, detail in rows:
            try:
                data = json.loads(detail.data)
            except ValueError:
                continue
            if not isinstance(data, dict):
                continue
            data.pop(STEP_KEY, None)
            if not data:
                continue  # only the issuer's header, which the forms print
            rule = RULES.get(step.step)
            out.append(
                {
                    "title": rule.label if rule else step.step,
                    "date": fmt_date(step.on),
                    "rows": [
                        {"label": label_of(step.step, key), "value": show(value)[:1000]}
                        for key, value in data.items()
                        if key in LABELS and value
                    ],
                }
            )
        return out
