"""«Hành vi không có trong danh mục»: acts the officer types because the
catalogue lacks them (user trial: "đánh bạc", "trộm cắp tài sản" of Nghị
định 282/2025/NĐ-CP could not be recorded at all, so commune police could
not enter common cases).

Everything is checked here, never in the page: every State method can be
called by any browser with any arguments. The small form of the picker is
checked field by field (`check`, errors at its `typed_*` boxes), and the
list sent with the case form is checked again whole (`read_list`, errors at
`typed_acts`), since the browser may forge it. A typed act is stored as a
CaseAct with catalogue_id None, its own frame and origin "typed" (an act
of an imported register has none either, but origin "import": the case
page tells them apart); the decision, the authority ceiling, the printed
citation and the dashboard read the CaseAct snapshot, so they treat it as
a catalogue act.

The same acts are offered by the on-the-spot form (MQĐ01), whose fine
boxes are named after `box_id`, and kept in a tab's draft
(services.typed_act_drafts checks them again when the draft gives them
back)."""

import re
import zlib
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.authority import field_maximum
from xlvphc.domain.money import format_vnd, parse_amount
from xlvphc.domain.text import clean, unprintable, unprintable_message
from xlvphc.domain.ward_fines import ward_rule, ward_wording
from xlvphc.models import CaseAct, CatalogueEntry
from xlvphc.models.base import local_now
from xlvphc.models.cases import ActOrigin
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.inputs import MAX_AMOUNT

# The boxes of the small form, as the page names them (errors go there).
KEYS = (
    "typed_decree",
    "typed_article",
    "typed_clause",
    "typed_point",
    "typed_act",
    "typed_frame_min",
    "typed_frame_max",
    "typed_field",
)
# Where a problem of the list sent with the case form is shown.
LIST_KEY = "typed_acts"
# The mark the chosen list and the case page show beside a typed act.
MARK = "ngoài danh mục"
# The quieter mark of an act an imported register wrote without catalogue
# row: no officer typed it, the register answers for it.
IMPORT_MARK = "theo sổ Excel"
# What the case page says of an act without catalogue row, by its origin
# (CaseAct.origin): typed by the officer, or written in an old register.
TYPED_HINT = (
    "Hành vi do cán bộ nhập tay, không lấy từ danh mục hành vi vi phạm của hệ "
    "thống: điều, khoản, điểm, nội dung và khung phạt ghi như cán bộ đã nhập."
)
IMPORTED_HINT = (
    "Hành vi không lấy từ danh mục hành vi vi phạm của hệ thống: ghi theo sổ "
    "theo dõi nhập từ Excel, như sổ đã ghi."
)
# Points as the decrees letter them (no f, j, w, z); "đ" after "d".
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
# "282/2025/NĐ-CP": a Government decree, as the catalogue writes its decrees.
_DECREE = re.compile(r"^([1-9]\d{0,3})/((?:19|20)\d{2})/NĐ-CP$")
ACT_MAX = 1000  # CaseAct.act
ACT_MIN = 5  # the shortest wording taken ("Trộm cắp tài sản": 16)


@dataclass
class TypedAct:
    """An act typed by the officer, with the attributes of a CatalogueEntry
    that a case reads (`id` None: it is no catalogue row), so that the case
    services store it as they store a catalogue act."""

    decree: str
    field: str
    article: int
    clause: int
    point: str
    act: str
    fine_min: int | None
    fine_max: int | None
    id: None = None
    # ActOrigin: "typed" unless read back from a stored imported act.
    origin: str = ActOrigin.TYPED

    def key(self) -> tuple:
        return (self.decree, self.article, self.clause, self.point, self.act)

    def citation(self) -> str:
        point = f"Điểm {self.point} khoản" if self.point else "Khoản"
        return f"{point} {self.clause} Điều {self.article} Nghị định {self.decree}"

    def row(self) -> dict:
        """The act as the picker lists it: a catalogue row's keys (strings,
        for the page) plus the typed values, which the case form sends back
        and the service checks again."""
        return {
            # Never digits alone: the draft keeps catalogue ids only.
            "id": "ngoai-"
            + "-".join(str(p) for p in self.key()[:4])
            + "-"
            + str(zlib.crc32(self.act.encode())),
            "citation": self.citation(),
            "act": self.act,
            "field": self.field,
            "frame": _frame(self.fine_min, self.fine_max),
            # Never empty: the picker tells the typed rows by it.
            "typed": IMPORT_MARK if self.origin == ActOrigin.IMPORT else MARK,
            "decree": self.decree,
            "article": str(self.article),
            "clause": str(self.clause),
            "point": self.point,
            "frame_min": "" if self.fine_min is None else str(self.fine_min),
            "frame_max": "" if self.fine_max is None else str(self.fine_max),
            "note": unchecked_frame_note(self.field, self.fine_max),
        }


def unchecked_frame_note(
    field: str, high: int | None, on: date | None = None
) -> str:
    """Said under a typed act whose frame could not be held against the
    field's maximum (Law Art. 24 k1, as amended by Luật 88/2025): the
    material gives no amount for the field (domain.authority.field_maximum,
    e.g. road traffic, public order), so none is invented; the officer is
    told the frame was not checked. "" when it was, or there is no fine."""
    if high is None or field_maximum(field, on or local_now().date()):
        return ""
    return (
        f"Hệ thống chưa có mức phạt tối đa của lĩnh vực «{field}» theo Điều 24 "
        "Luật Xử lý vi phạm hành chính nên chưa đối chiếu được khung phạt với "
        "mức đó: kiểm tra lại khung phạt theo nghị định."
    )


def box_id(entry) -> str:
    """What names an act's fine box on the on-the-spot form (`fine_<box_id>`):
    a catalogue act's id, or the row id of a typed act, computed again from
    the act as checked (the browser may rename the boxes: a box that names
    no act is read by no one, and its act takes the frame's default)."""
    return str(entry.id) if entry.id is not None else entry.row()["id"]


def _frame(low: int | None, high: int | None) -> str:
    if low is None or high is None:
        return "Cảnh cáo"
    return f"Từ {format_vnd(low)} đến {format_vnd(high)}"


def fields(session: Session) -> list[str]:
    """The fields («lĩnh vực») a typed act may take: those of the catalogue,
    as the catalogue search lists them (services.catalogue._holdings), so
    that the case's field is one the reports, the limitation and the
    authority rules know."""
    return list(
        session.exec(
            select(CatalogueEntry.field).distinct().order_by(CatalogueEntry.field)
        )
    )


def field_choices(actor: Actor) -> list[str]:
    require(actor, Action.CASE_WRITE)
    with session_scope() as session:
        return fields(session)


def _number(raw: object, key: str, label: str, high: int, errors: dict) -> int:
    value = clean(raw)
    if not value:
        errors[key] = f"Vui lòng nhập {label}."
        return 0
    if not value.isdigit() or not 1 <= int(value) <= high:
        errors[key] = f"{label[:1].upper()}{label[1:]} là số từ 1 đến {high}."
        return 0
    return int(value)


def _amount(raw: object, key: str, label: str, errors: dict) -> int | None:
    if raw in (None, "") or (isinstance(raw, str) and not raw.strip()):
        return None
    value = parse_amount(raw)
    if value is None or value <= 0:
        errors[key] = f"{label} phải là số tiền lớn hơn 0 (ví dụ 1.500.000)."
        return None
    if value > MAX_AMOUNT:
        errors[key] = f"{label} quá lớn: không được vượt quá {format_vnd(MAX_AMOUNT)}."
        return None
    return value


def read_one(
    session: Session, data: object, today: date, known_fields: list[str] | None = None
) -> tuple[TypedAct, dict]:
    """One typed act from the small form's boxes (`KEYS`), each problem at
    its box. Both frame boxes empty: the act is punished by a warning only
    (cảnh cáo, Law Art. 21 k1 a); otherwise both are needed, lowest first."""
    form = data if isinstance(data, dict) else {}
    errors: dict[str, str] = {}
    typed_decree = clean(form.get("typed_decree"))
    decree = typed_decree.replace(" ", "").upper()
    decree = re.sub(r"N[DĐ]-?CP$", "NĐ-CP", decree)
    if decree.isdigit():
        decree = ""  # "282" alone does not say the year
    match = _DECREE.match(decree)
    if not decree:
        errors["typed_decree"] = (
            "Vui lòng nhập số nghị định đầy đủ, ví dụ 282/2025/NĐ-CP."
        )
    elif match is None or int(match[2]) > today.year:
        errors["typed_decree"] = (
            f"«{typed_decree[:60]}» không phải số nghị định hợp lệ: ghi dạng "
            "số/năm/NĐ-CP, ví dụ 282/2025/NĐ-CP."
        )
    article = _number(form.get("typed_article"), "typed_article", "điều", 999, errors)
    clause = _number(form.get("typed_clause"), "typed_clause", "khoản", 99, errors)
    point = clean(form.get("typed_point")).lower()
    point = re.sub(r"^điểm\s*", "", point)
    if point and (len(point) != 1 or point not in POINT_LETTERS):
        errors["typed_point"] = (
            "Điểm là một chữ cái: a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, "
            "q, r, s, t, u, v, x, y (để trống nếu khoản không chia điểm)."
        )
    act = clean(form.get("typed_act"), multiline=False)
    if len(act) < ACT_MIN:
        # A letter or two is no act the decision could print (trial: "x").
        errors["typed_act"] = (
            "Vui lòng nhập nội dung hành vi vi phạm như nghị định ghi."
        )
    elif len(act) > ACT_MAX:
        errors["typed_act"] = f"Nội dung hành vi tối đa {ACT_MAX} ký tự."
    elif found := unprintable(act):
        # The decision prints the act as typed (FormReader.text does the
        # same for the other free-text fields).
        errors["typed_act"] = unprintable_message("nội dung hành vi", found)
    low = _amount(
        form.get("typed_frame_min"), "typed_frame_min", "Mức phạt tối thiểu", errors
    )
    high = _amount(
        form.get("typed_frame_max"), "typed_frame_max", "Mức phạt tối đa", errors
    )
    if not {"typed_frame_min", "typed_frame_max"} & set(errors):
        if low is None and high is not None:
            errors["typed_frame_min"] = (
                "Vui lòng nhập mức phạt tối thiểu của khung (để trống cả hai ô "
                "nếu hành vi chỉ bị phạt cảnh cáo)."
            )
        elif high is None and low is not None:
            errors["typed_frame_max"] = (
                "Vui lòng nhập mức phạt tối đa của khung (để trống cả hai ô "
                "nếu hành vi chỉ bị phạt cảnh cáo)."
            )
        elif low is not None and high is not None and low > high:
            errors["typed_frame_max"] = (
                f"Mức tối đa ({format_vnd(high)}) nhỏ hơn mức tối thiểu "
                f"({format_vnd(low)})."
            )
    field = clean(form.get("typed_field"))
    allowed = fields(session) if known_fields is None else known_fields
    if field not in allowed:
        errors["typed_field"] = "Vui lòng chọn lĩnh vực của hành vi."
    elif high is not None and "typed_frame_max" not in errors:
        # Law Art. 24 k1 (Luật 88/2025): the highest fine of the field, where
        # the material gives it (domain.authority.field_maximum); for the
        # other fields the decree's frame cannot be checked here, and the
        # chosen list says so (unchecked_frame_note) rather than invent one.
        # TODO: check the fields field_maximum does not know once their
        # Art. 24 maxima are in the material (see domain/authority.py).
        ceiling = field_maximum(field, today)
        if ceiling and high > ceiling[0]:
            errors["typed_frame_max"] = (
                f"Mức phạt tối đa đối với cá nhân trong lĩnh vực «{field}» là "
                f"{format_vnd(ceiling[0])} ({ceiling[1]} Luật Xử lý vi phạm "
                "hành chính): kiểm tra lại khung phạt."
            )
    typed = TypedAct(decree, field, article, clause, point, act, low, high)
    if not errors and _in_catalogue(session, typed):
        errors["typed_act"] = (
            f"{typed.citation()} đã có trong danh mục: tìm và chọn hành vi ở "
            "ô «Tìm hành vi vi phạm» để dùng khung phạt của danh mục."
        )
    return typed, errors


def _in_catalogue(session: Session, typed: TypedAct) -> bool:
    """The catalogue holds the point: its row, checked against the decree,
    is chosen instead of a copy typed by hand."""
    return (
        session.exec(
            select(CatalogueEntry.id).where(
                CatalogueEntry.decree == typed.decree,
                CatalogueEntry.article == typed.article,
                CatalogueEntry.clause == typed.clause,
                CatalogueEntry.point == typed.point,
            )
        ).first()
        is not None
    )


def check(actor: Actor, data: object) -> dict:
    """The picker's «Thêm hành vi» button: the typed act as the chosen list
    shows it, or ValidationFailed with each problem at its box."""
    require(actor, Action.CASE_WRITE)
    with session_scope() as session:
        typed, errors = read_one(session, data, local_now().date())
    if errors:
        raise ValidationFailed(errors)
    return typed.row()


# What the small form's box is called in the list's messages.
_ROW_KEYS = {
    "typed_decree": "decree",
    "typed_article": "article",
    "typed_clause": "clause",
    "typed_point": "point",
    "typed_act": "act",
    "typed_frame_min": "frame_min",
    "typed_frame_max": "frame_max",
    "typed_field": "field",
}


def read_list(
    session: Session,
    raw: object,
    today: date,
    errors: dict,
    kept: list[TypedAct] | None = None,
) -> list[TypedAct]:
    """The typed acts sent with the case form, each checked again as the
    small form is (the browser may send anything): a list of at most
    MAX_ACTS rows; a problem is put at `LIST_KEY`, naming the act.

    `kept`: the typed acts the case already holds (an edit). A row sent
    back exactly as the edit form listed it is one of them and is kept as
    stored, unchecked: an act imported from an old register (no citation,
    a field the catalogue lacks) or one the catalogue has since gained
    must not block the correction of another part of the case."""
    from xlvphc.services.case_input import MAX_ACTS

    if raw in (None, "", []):
        return []
    if not isinstance(raw, list) or len(raw) > MAX_ACTS:
        errors[LIST_KEY] = (
            f"Danh sách hành vi ngoài danh mục không hợp lệ (tối đa {MAX_ACTS} "
            "hành vi): tải lại trang và nhập lại."
        )
        return []
    known = fields(session)
    acts: list[TypedAct] = []
    for number, row in enumerate(raw, start=1):
        if not isinstance(row, dict):
            errors[LIST_KEY] = f"Hành vi ngoài danh mục thứ {number} không hợp lệ."
            return []
        stored = next((k for k in kept or () if _sent_back(row, k)), None)
        if stored is not None and all(t.key() != stored.key() for t in acts):
            acts.append(stored)
            continue
        typed, problems = read_one(session, boxes_of(row), today, known)
        if problems:
            errors[LIST_KEY] = f"Hành vi ngoài danh mục thứ {number}: " + next(
                iter(problems.values())
            )
            return []
        # One act per citation: the same point typed twice with other words
        # would ask for two fines for one act (verification trial).
        if any(t.key()[:4] == typed.key()[:4] for t in acts):
            errors[LIST_KEY] = (
                f"Hành vi ngoài danh mục thứ {number} ({typed.citation()}) đã có "
                "trong danh sách."
            )
            return []
        acts.append(typed)
    return acts


def boxes_of(row: dict) -> dict:
    """A row sent by the browser as the small form's boxes: only its keys,
    and only text or whole numbers (anything else reads as an empty box)."""
    data = {key: row.get(name) for key, name in _ROW_KEYS.items()}
    return {
        k: v if isinstance(v, str | int) and not isinstance(v, bool) else ""
        for k, v in data.items()
    }


def _sent_back(row: dict, act: TypedAct) -> bool:
    shown = act.row()
    return all(row.get(name) == shown[name] for name in _ROW_KEYS.values())


def stored(act: CaseAct, field: str) -> TypedAct:
    """A case's act without catalogue row as read_list keeps it, with its
    origin: an imported act kept by an edit stays the register's."""
    return TypedAct(
        act.decree,
        field,
        act.article,
        act.clause,
        act.point,
        act.act,
        act.frame_min,
        act.frame_max,
        origin=act.origin,
    )


def case_act(case_id: int, position: int, entry, in_ward: bool = False) -> CaseAct:
    """The CaseAct of a chosen act (a CatalogueEntry or a TypedAct), as the
    new-case, on-the-spot and edit forms store it: the citation and frame
    snapshotted, and where the act came from (CaseAct.origin).

    `in_ward` (services.ward_place): a catalogue act whose frame doubles in
    a ward is stored with that frame, its clause and "tại phường"
    (domain.ward_fines); an act typed by the officer has the frame typed."""
    act, low, high, clause = entry.act, entry.fine_min, entry.fine_max, None
    rule = ward_rule(entry.source) if in_ward and entry.id is not None else None
    if rule is not None:
        act, clause = ward_wording(act), rule.clause
        low, high = rule.frame(low, high)
    return CaseAct(
        case_id=case_id,
        catalogue_id=entry.id,
        decree=entry.decree,
        article=entry.article,
        clause=entry.clause,
        point=entry.point,
        act=act,
        frame_min=low,
        frame_max=high,
        ward_clause=clause,
        position=position,
        origin=ActOrigin.CATALOGUE if entry.id is not None else entry.origin,
    )


def row_of(act: CaseAct, field: str) -> dict:
    """A stored typed act as the edit form's chosen list shows it, so that
    a save sends it back (and it is checked again)."""
    return stored(act, field).row()
