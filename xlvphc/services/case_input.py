"""Validation of the case and decision forms: allow-listed keys only, each
problem reported against its field (security.md: no mass assignment)."""

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime

from sqlmodel import Session, select

from xlvphc.domain import sanctions as additional
from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.fines import (
    check_fine,
    check_fine_advice,
    count_circumstances,
    default_fine,
    fine_with_circumstances,
    org_frame,
)
from xlvphc.domain.limitation import detection_problem
from xlvphc.domain.minors import MinorRule, fine_refusal
from xlvphc.domain.money import format_number, parse_amount
from xlvphc.domain.signer_titles import is_label
from xlvphc.models import CatalogueEntry, Violator
from xlvphc.models.cases import ViolatorKind
from xlvphc.services.inputs import FormReader

GENDERS = {"Nam", "Nữ"}
MAX_ACTS = 20
# MBB01 note (3): a record not made where the violation happened (at the
# office of the person making it, or elsewhere) must state why.
OFFICE_REASON_HINT = (
    "Chỉ ghi khi biên bản không lập tại nơi xảy ra vi phạm mà lập tại trụ sở "
    "cơ quan của người có thẩm quyền hoặc địa điểm khác: ghi rõ lý do (in vào "
    "mẫu MBB01)."
)
# The decision form sends, beside each fine box «fine_<id>», whether the
# officer typed in it: «fine_typed_<id>» is "1" once anything was typed
# there, "0" while it holds what the form put in it (pages/case_form.py,
# assets/input_format.js). A box left as the form filled it takes the fine
# computed here, not the amount it showed: the suggestion for the
# circumstances reaches the box from the server, and a click on «Ra quyết
# định» right after a circumstance was typed sent the old amount (user
# trial: 35.000.000 refused while the box showed 37.500.000). Without the
# flag (MQĐ01, other callers) the amount sent is the officer's.
FINE_TYPED = "fine_typed_"
UNTOUCHED = "0"
# MQĐ02 with no sanctioning title chosen and no title typed: the title is
# printed from the one chosen (pages: the «Chức vụ người ký» box says to
# leave it blank), so the choice is what is missing.
NO_SIGNER_TITLE = (
    "Vui lòng chọn chức danh có thẩm quyền xử phạt của người ký (hoặc ghi "
    "chức vụ người ký ở ô dưới)."
)
ID_NUMBER = re.compile(r"^(\d{9}|\d{12}|[A-Z]\d{7,8})$")
TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")

VIOLATOR_TEXT = {
    # key: (label, max length)
    "name": ("họ và tên / tên tổ chức", 200),
    "nationality": ("quốc tịch", 60),
    "occupation": ("nghề nghiệp", 120),
    "address": ("địa chỉ", 500),
    "id_issued_by": ("nơi cấp", 200),
    "registration_number": ("số giấy chứng nhận đăng ký", 40),
    "registration_issued_by": ("nơi cấp giấy đăng ký", 200),
    "representative_name": ("người đại diện theo pháp luật", 120),
    "representative_title": ("chức danh người đại diện", 120),
}
# What the forms ask of each kind of violator (MBB01, MQĐ02: "Họ và tên ...
# Số định danh" for a person, "Tên của tổ chức ... Người đại diện theo pháp
# luật" for an organisation); the other kind's fields keep the column's
# default (blank; a nationality of "Việt Nam").
INDIVIDUAL_KEYS = (
    "name", "gender", "birth_date", "nationality", "occupation", "address",
    "id_number", "id_issued_on", "id_issued_by",
)
ORGANISATION_KEYS = (
    "name", "address", "tax_code", "registration_number",
    "registration_issued_on", "registration_issued_by", "representative_name",
    "representative_gender", "representative_title",
)
VIOLATOR_FIELDS = tuple(dict.fromkeys(INDIVIDUAL_KEYS + ORGANISATION_KEYS))


@dataclass
class CaseInput:
    violator: dict
    # Catalogue rows, then the acts typed by the officer (typed_acts.TypedAct,
    # with the same attributes and id None).
    acts: list
    field: str
    violation_at: datetime
    violation_place: str
    description: str
    record: dict
    continuing: bool = False
    detected_on: date | None = None


def _act_ids(raw: object) -> list[int]:
    if isinstance(raw, str):
        parts = [p for p in re.split(r"[,\s]+", raw) if p]
    elif isinstance(raw, list):
        parts = raw
    else:
        return []
    ids: list[int] = []
    for part in parts[: MAX_ACTS + 1]:
        try:
            value = int(part)
        except (TypeError, ValueError):
            return []
        if value > 0 and value not in ids:
            ids.append(value)
    return ids


def read_violator(form: FormReader, today: date) -> dict:
    """The violator's fields as stored: those the chosen kind asks, checked,
    and the rest blank."""
    kind = form.choice("kind", "loại đối tượng", ViolatorKind.LABELS,
                       default=ViolatorKind.INDIVIDUAL)
    asked = (
        ORGANISATION_KEYS if kind == ViolatorKind.ORGANISATION else INDIVIDUAL_KEYS
    )
    # Every field at its default unless the chosen kind asks it: what was
    # typed for the other kind (its boxes stay on the page, hidden) is never
    # stored.
    values = {k: Violator.model_fields[k].default for k in VIOLATOR_FIELDS}
    values["kind"] = kind
    # The name box reads "Họ và tên" for a person and "Tên tổ chức" for an
    # organisation: its messages name it as the page does (user trial).
    names = {ViolatorKind.ORGANISATION: "tên tổ chức"}
    for key, (label, max_len) in VIOLATOR_TEXT.items():
        if key in asked:
            if key == "name":
                label = names.get(kind, "họ và tên")
            values[key] = form.text(key, label, max_len, required=key == "name")
    if kind == ViolatorKind.ORGANISATION:
        values["tax_code"] = form.text("tax_code", "mã số doanh nghiệp", 14)
        if values["tax_code"] and not TAX_CODE.match(values["tax_code"]):
            form.errors["tax_code"] = "Mã số doanh nghiệp gồm 10 chữ số (hoặc 10-3)."
        values["registration_issued_on"] = form.date(
            "registration_issued_on", "ngày cấp giấy đăng ký", not_after=today)
        values["representative_gender"] = form.choice(
            "representative_gender", "giới tính người đại diện", GENDERS,
            required=False)
        if not values["representative_name"]:
            form.errors["representative_name"] = (
                "Vui lòng nhập người đại diện theo pháp luật của tổ chức.")
        return values
    values["nationality"] = values["nationality"] or "Việt Nam"
    values["gender"] = form.choice("gender", "giới tính", GENDERS, required=False)
    values["birth_date"] = form.date("birth_date", "ngày sinh", not_after=today)
    values["id_number"] = form.text("id_number", "số định danh", 20).upper()
    if values["id_number"] and not ID_NUMBER.match(values["id_number"]):
        form.errors["id_number"] = (
            "Số định danh cá nhân gồm 12 chữ số (CMND cũ 9 chữ số; hộ chiếu: "
            "1 chữ cái và 7–8 chữ số).")
    values["id_issued_on"] = form.date("id_issued_on", "ngày cấp", not_after=today)
    return values


def read_case(session: Session, data: object, today: date,
              typed: bool = False, kept: list | None = None
              ) -> tuple[CaseInput, dict]:
    """The case form. With `typed`, the acts typed by the officer
    («Hành vi không có trong danh mục», services.typed_acts) come after the
    catalogue acts (the new-case, edit and on-the-spot forms all offer
    them). `kept`: the typed acts the case already holds (an edit;
    typed_acts.read_list)."""
    form = FormReader(data)
    violator = read_violator(form, today)
    violation_at = form.local_datetime("violation_date", "violation_time",
                                       "vi phạm", today)
    born = violator.get("birth_date")
    if born and violation_at and born > violation_at.date() \
            and "birth_date" not in form.errors:
        form.errors["birth_date"] = (
            "Ngày sinh sau ngày vi phạm: vui lòng kiểm tra lại ngày sinh hoặc "
            "ngày vi phạm.")
    place = form.text("violation_place", "địa điểm vi phạm", 500, required=True)
    description = form.text("description", "mô tả hành vi vi phạm", 5000,
                            required=True, multiline=True)

    ids = _act_ids(form.data.get("act_ids"))
    typed_acts = []
    if typed:
        from xlvphc.services.typed_acts import read_list

        typed_acts = read_list(session, form.data.get("typed_acts"), today,
                               form.errors, kept)
    acts = []
    if not ids and not typed_acts:
        form.errors["act_ids"] = "Vui lòng chọn ít nhất một hành vi vi phạm."
    elif len(ids) + len(typed_acts) > MAX_ACTS:
        form.errors["act_ids"] = f"Một hồ sơ có tối đa {MAX_ACTS} hành vi."
    else:
        found = {e.id: e for e in session.exec(
            select(CatalogueEntry).where(CatalogueEntry.id.in_(ids)))} if ids else {}
        if len(found) != len(ids):
            form.errors["act_ids"] = "Có hành vi không có trong danh mục."
        acts = [found[i] for i in ids if i in found] + typed_acts
        if len({a.field for a in acts}) > 1:
            form.errors["act_ids"] = (
                "Các hành vi trong một hồ sơ phải cùng một lĩnh vực.")

    made_at = form.local_datetime("record_date", "record_time", "lập biên bản", today)
    record = {
        "made_at": made_at,
        "place": form.text("record_place", "nơi lập biên bản", 500, required=True),
        # MBB01 note (3): the reason a record was not made where it happened.
        "office_reason": form.text("office_reason", "lý do lập biên bản tại nơi "
                                   "khác", 500, multiline=True),
        "maker_name": form.text("maker_name", "họ tên người lập biên bản", 120,
                                required=True),
        "maker_title": form.text("maker_title", "chức vụ người lập biên bản", 120,
                                 required=True),
        "witness": form.text("witness", "người chứng kiến", 300),
        "violator_statement": form.text("violator_statement",
                                        "ý kiến của người vi phạm", 5000,
                                        multiline=True),
    }
    if made_at and violation_at and made_at < violation_at:
        form.errors["record_date"] = "Biên bản không thể lập trước thời điểm vi phạm."
    continuing, detected_on = read_detection(form, violation_at, made_at, today)
    field = acts[0].field if acts else ""
    return CaseInput(violator, acts, field, violation_at, place, description,
                     record, continuing, detected_on), form.errors


def read_detection(form: FormReader, violation_at: datetime | None,
                   made_at: datetime | None, today: date
                   ) -> tuple[bool, date | None]:
    """Whether the violation was still going on when detected, and the day it
    was detected: a continuing violation's limitation runs from that day
    (Law Art. 6 k1 point b; NĐ 118/2021 Art. 8 k1), so it is required then.
    The checkbox sends "1" when ticked and nothing otherwise."""
    continuing = form.data.get("continuing") in ("1", "on", "true", True)
    detected_on = form.date("detected_on", "ngày phát hiện vi phạm",
                            not_after=today)
    if "detected_on" not in form.errors:
        problem = detection_problem(
            violation_at.date() if violation_at else None, detected_on,
            made_at.date() if made_at else None, continuing)
        if problem:
            form.errors["detected_on"] = problem
    return continuing, detected_on


@dataclass
class DecisionInput:
    decided_on: date
    signer_name: str
    signer_title: str
    fines: dict[int, int]
    additional_sanctions: str
    remedial_measures: str
    payment_days: int
    treasury: str
    version: int | None
    signer_title_code: str = ""
    delegation: str = ""
    mitigating: str = ""
    aggravating: str = ""
    # Decision columns of the additional sanctions ticked (domain/sanctions.py).
    sanctions: tuple[str, ...] = ()
    # The signer says they checked their authority by hand: needed where the
    # field's Art. 24 maximum is not known to the system (domain/authority).
    authority_confirmed: bool = False
    # The signer says the violation was intentional: needed for a violator
    # aged 14 to under 16 (Law Art. 5 k1 a; domain/minors.py).
    intent_confirmed: bool = False
    # The violator's age rule, when a minor at the time of the violation.
    minor: MinorRule | None = None
    # The number of a decision signed on paper before it was entered ("" to
    # take the series' next): back-entered decisions got new numbers out of
    # date order (user trial), unlike the step decisions.
    paper_number: str = ""
    # A catalogue label typed (or left) in the title box, read as no title:
    # kept to be refused if it names another body than the issuing unit
    # ("Chủ tịch Ủy ban nhân dân tỉnh" at a commune police, user trial),
    # which only the unit tells (services.cases._signer_of_unit).
    dropped_label: str = ""
    # The acts whose fine is the one suggested for the circumstances, not
    # an amount sent (a box left as the form filled it, or emptied), and
    # those of a box left untouched that showed another amount than the
    # fine used; each with that other amount ("" when none): the officer
    # is told which fine was used (`suggestion_notes`).
    from_suggestion: dict[int, str] = dataclass_field(default_factory=dict)


def frame_for(act, is_org: bool) -> tuple[int | None, int | None]:
    if act.frame_min is None or act.frame_max is None:
        return None, None
    return org_frame(act.frame_min, act.frame_max, is_org)


def read_decision(data: object, acts: list, is_org: bool, record_day: date | None,
                  today: date, minor: MinorRule | None = None
                  ) -> tuple[DecisionInput, dict]:
    """Fines default to the frame average (Law Art. 23 k4) and must stay inside
    the frame, doubled for organisations (Law Art. 24). With mitigating or
    aggravating circumstances (one per line) the fine must follow NĐ 118/2021
    Điều 9 as rewritten by NĐ 68/2025 (`fine_with_circumstances`). A minor
    (`minor`, domain/minors.py, Law Art. 134) is fined on half the frame
    from 16, and not at all from 14 to under 16 (a warning: fine 0)."""
    form = FormReader(data)
    mitigating = form.text("mitigating", "tình tiết giảm nhẹ", 2000, multiline=True)
    aggravating = form.text("aggravating", "tình tiết tăng nặng", 2000,
                            multiline=True)
    n_mit = count_circumstances(mitigating)
    n_agg = count_circumstances(aggravating)
    decided_on = form.date("decided_on", "ngày ra quyết định", required=True,
                           not_after=today)
    if decided_on and record_day and decided_on < record_day:
        form.errors["decided_on"] = "Ngày quyết định không thể trước ngày lập biên bản."
    fines: dict[int, int] = {}
    from_suggestion: dict[int, str] = {}
    for act in acts:
        key = f"fine_{act.id}"
        low, high = frame_for(act, is_org)
        # A box the officer did not type in: the fine is computed below as
        # for an empty box (FINE_TYPED), whatever amount it still showed.
        untouched = form.data.get(f"{FINE_TYPED}{act.id}") == UNTOUCHED
        shown = form.data.get(key) if untouched else None
        # The frame check below refuses any amount too large, with the frame.
        value = None if untouched else form.amount(key, "mức phạt", bounded=True)
        if low is None:
            if value:
                form.errors[key] = "Hành vi này chỉ bị phạt cảnh cáo."
            fines[act.id] = 0
            continue
        if fine_refusal(minor):
            if value:
                form.errors[key] = fine_refusal(minor)
            fines[act.id] = 0
            continue
        if minor is not None:
            low, high = minor.frame(low, high)
        advice = fine_with_circumstances(low, high, n_mit, n_agg) \
            if n_mit or n_agg else None
        if value is None and key not in form.errors:
            value = advice.suggested if advice else default_fine(low, high)
            was = parse_amount(shown) if isinstance(shown, str) else None
            other = format_number(was) if was is not None and was != value else ""
            if advice is not None or other:
                from_suggestion[act.id] = other
        if value is not None:
            problem = check_fine(value, low, high)
            if problem is None and advice is not None:
                problem = check_fine_advice(value, advice)
            if problem and minor is not None:
                # The note belongs inside the sentence, before its full stop.
                problem = problem.removesuffix(".") + (
                    f" (người chưa thành niên {minor.age} tuổi: 1/2 mức "
                    f"phạt của người thành niên, {minor.basis}).")
            if problem:
                form.errors[key] = problem
            fines[act.id] = value
    # Additional sanctions ticked: each checkbox sends "1" when ticked.
    chosen = tuple(
        k for k in additional.KEYS if form.data.get(k) in ("1", "on", "true", True)
    )
    if "sanction_expulsion" in chosen and is_org:
        form.errors["sanction_expulsion"] = additional.expulsion_refusal(True, "")
    version = form.data.get("version")
    titles = dict(SIGNER_TITLES)
    title_code = form.choice("signer_title_code", "chức danh người ký", titles,
                             required=False)
    signer_name = form.text("signer_name", "họ tên người ký", 120, required=True)
    signer_title = form.text("signer_title", "chức vụ người ký", 120)
    if title_code not in titles and not signer_title:
        # Said at the title to choose (user trial: "Vui lòng nhập chức vụ
        # người ký" under the box whose hint says to leave it blank).
        form.errors.setdefault("signer_title_code", NO_SIGNER_TITLE)
    paper_number = form.text("decision_number", "số quyết định", 120)
    if paper_number and not any(ch.isdigit() for ch in paper_number):
        form.errors["decision_number"] = (
            "Số quyết định phải có chữ số, ví dụ 05/QĐ-XPHC."
        )
    dropped_label = ""
    if title_code in titles and is_label(signer_title):
        # A catalogue label (suggested for another title) names no body: the
        # title follows the sanctioning title chosen, printed with the unit.
        dropped_label, signer_title = signer_title, ""
    result = DecisionInput(
        decided_on=decided_on,
        signer_name=signer_name,
        signer_title=signer_title or titles.get(title_code, ""),
        fines=fines,
        additional_sanctions=form.text("additional_sanctions",
                                       "hình thức xử phạt bổ sung", 2000,
                                       multiline=True),
        remedial_measures=form.text("remedial_measures",
                                    "biện pháp khắc phục hậu quả", 2000,
                                    multiline=True),
        payment_days=form.integer("payment_days", "số ngày nộp phạt", 10, 365,
                                  default=10),
        treasury=form.text("treasury", "nơi nộp tiền phạt", 300, required=True),
        version=version if isinstance(version, int) else None,
        signer_title_code=title_code if title_code in titles else "",
        dropped_label=dropped_label,
        delegation=form.text("delegation", "quyết định giao quyền", 200),
        authority_confirmed=form.data.get("authority_confirmed")
        in ("1", "on", "true", True),
        intent_confirmed=form.data.get("intent_confirmed") in ("1", "on", "true", True),
        minor=minor,
        mitigating=mitigating,
        aggravating=aggravating,
        sanctions=chosen,
        from_suggestion=from_suggestion,
        paper_number=paper_number,
    )
    return result, form.errors


def act_place(act) -> str:
    """Where an act is in its decree, as a decision cites it ("điểm a khoản
    1 Điều 10 Nghị định 123/2024/NĐ-CP"); its own words when it has no
    citation (an act imported without one)."""
    if not act.article:
        return f"«{act.act[:80]}»"
    place = f"điểm {act.point} khoản {act.clause}" if act.point \
        else f"khoản {act.clause}"
    return f"{place} Điều {act.article} Nghị định {act.decree}"


def suggestion_notes(acts: list, parsed: DecisionInput) -> list[str]:
    """What the officer is told after the decision of the fines taken from
    the suggestion for the circumstances, or from the frame's average once
    the circumstances were cleared (`DecisionInput.from_suggestion`),
    naming the box's other amount when it showed one: the decision saved
    is then not what the screen showed at the click."""
    weighed = count_circumstances(parsed.mitigating) or count_circumstances(
        parsed.aggravating
    )
    basis = ("mức gợi ý theo tình tiết giảm nhẹ, tăng nặng" if weighed
             else "mức trung bình của khung")
    notes = []
    for act in acts:
        if act.id not in parsed.from_suggestion:
            continue
        amount = format_number(parsed.fines.get(act.id, 0))
        note = f"Mức phạt hành vi tại {act_place(act)}: {amount} đồng, {basis}"
        shown = parsed.from_suggestion[act.id]
        if shown:
            note += f" (ô mức phạt chưa kịp cập nhật, còn ghi {shown} đồng)"
        notes.append(note + ".")
    return notes
