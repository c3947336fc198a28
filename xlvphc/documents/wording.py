"""Choices the forms leave to the writer, made once from the data.

The Phụ lục of Nghị định 118/2021/NĐ-CP writes alternatives such as
"<ông (bà)/tổ chức>" and "<cá nhân/người đại diện của tổ chức>" and notes
(*) "chọn và ghi thông tin cho phù hợp với thực tế của vụ việc". These
helpers pick the right alternative so every form words it the same way.
"""

import re
from collections.abc import Sequence
from datetime import date

from xlvphc.documents.data import ActData, ViolatorData
from xlvphc.documents.layout import DOTS
from xlvphc.domain.decrees import full_citation
from xlvphc.domain.money import amount_in_words, format_vnd
from xlvphc.domain.text import clean, fold

BLANK_TIME = "…… giờ …… phút, ngày ……/……/………"
BLANK_DATE = "……/……/………"


def text(value: object) -> str:
    """Clean a one-line value (NFC, no control or bidi characters)."""
    return clean(value)


def paragraphs(value: object) -> list[str]:
    """Split multi-line input into its non-empty paragraphs."""
    return [line for line in clean(value, multiline=True).split("\n") if line]


def number_line(number: str, suffix: str) -> str:
    """Write the "Số: 12/BB-VPHC" line; a missing number stays blank.

    A number without its symbol ("12") gets the form's suffix; an empty
    number leaves room for the clerk, who numbers documents on signing
    (Nghị định 30/2020/NĐ-CP).
    """
    value = text(number)
    if not value:
        return f"Số:        /{suffix}"
    if "/" not in value:
        value = f"{value}/{suffix}"
    return f"Số: {value}"


def is_organisation(v: ViolatorData) -> bool:
    """Tell whether the violator is an organisation."""
    return v.kind == "organisation"


def honorific(gender: str) -> str:
    """ "ông" for a man, "bà" for a woman, the form's "ông (bà)" otherwise."""
    folded = fold(gender)
    if folded in ("nam", "male", "m"):
        return "ông"
    if folded in ("nu", "female", "f"):
        return "bà"
    return "ông (bà)"


def party(v: ViolatorData) -> str:
    """The form's "<ông (bà)/tổ chức>" choice."""
    return "tổ chức" if is_organisation(v) else honorific(v.gender)


def role(v: ViolatorData) -> str:
    """The form's "<cá nhân/người đại diện của tổ chức>" choice."""
    return "người đại diện của tổ chức" if is_organisation(v) else "cá nhân"


def kind(v: ViolatorData) -> str:
    """The form's "<cá nhân/tổ chức>" choice."""
    return "tổ chức" if is_organisation(v) else "cá nhân"


def person_name(v: ViolatorData) -> str:
    """Name of the person who signs or receives: the violator or its representative."""
    return text(v.representative_name if is_organisation(v) else v.name)


def person(v: ViolatorData) -> str:
    """ "ông Trần Văn Bình": the person acting for the violator, addressed."""
    gender = v.representative_gender if is_organisation(v) else v.gender
    name = person_name(v)
    return f"{honorific(gender)} {name}" if name else f"ông (bà) {DOTS * 8}"


def capitalised(value: str) -> str:
    """Capitalise the first letter only ("ông (bà)" -> "Ông (bà)")."""
    return value[:1].upper() + value[1:]


def is_minor(v: ViolatorData, on: date) -> bool:
    """Tell whether an individual is under 18 on the given day.

    Nghị định 118/2021/NĐ-CP Điều 12 khoản 6 điểm b: the record of a minor
    also goes to a parent or guardian, so the record needs one more copy.
    """
    if is_organisation(v) or v.birth_date is None:
        return False
    born = v.birth_date
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return age < 18


def decree_name(decree: str) -> str:
    """ "168/2024/NĐ-CP" -> "Nghị định số 168/2024/NĐ-CP"; full names unchanged."""
    value = text(decree)
    if value[:1].isdigit():
        return f"Nghị định số {value}"
    return value


def decree_citation(decree: str) -> str:
    """A decision's ground, note (4) of MQĐ01 and MQĐ02: the decree with its
    date, issuer and title where they are known (domain.decrees), else as
    `decree_name`; a name written in full is kept as written."""
    value = text(decree)
    if value[:1].isdigit():
        return full_citation(value)
    return value


# Notes the catalogue (xlvphc/data/violations_catalogue.csv) adds to an
# act's text in brackets for the officer who picks it, which the decrees do
# not word that way: the sanction note (SOURCES.md: "Acts that allow 'phạt
# cảnh cáo hoặc phạt tiền' say '(có thể phạt cảnh cáo)'"; the warning-only
# acts say "(chỉ phạt cảnh cáo)"), popular glosses ("vượt đèn đỏ", "nẹt pô")
# and examples ("ví dụ …"). Brackets that restate the decree's own words
# ("(trừ …)", "(hoặc động cơ điện đến 11 kW)", "(kể cả …)") are not notes
# and are printed. The picker keeps showing the notes; the case keeps them,
# as domain.sanctions.warning_possible reads the sanction note.
_CATALOGUE_NOTE = re.compile(
    r"\s*\((?:có thể phạt cảnh cáo|chỉ phạt cảnh cáo|vượt đèn đỏ|nẹt pô"
    r"|ví dụ\b[^()]*)\)",
    re.IGNORECASE,
)


def act_wording(act: ActData) -> str:
    """The act as a printed form states it: the decree's words, without the
    catalogue's bracketed notes, which are hints for the picker and would
    read on an official decision as part of the act (user trial: MQĐ01
    printed "Thả rông động vật nuôi … (có thể phạt cảnh cáo)")."""
    return _CATALOGUE_NOTE.sub("", text(act.act)).strip()


def legal_basis(act: ActData) -> str:
    """Write "điểm a khoản 2 Điều 6 Nghị định số 168/2024/NĐ-CP".

    Note (9) of MBB01 and (8) of MQĐ02 ask for the point, clause and article
    of the sector decree; a missing point or clause is simply left out. An
    act without a citation (article 0: imported from a register that gave
    none) has no basis: "" (never "Điều 0"). An act in a ward whose frame
    the article doubles there also cites that clause ("điểm a khoản 1 và
    khoản 3 Điều 10"): the fine stands on both.
    """
    if not act.article:
        return ""
    parts = []
    if text(act.point):
        parts.append(f"điểm {text(act.point)}")
    if act.clause:
        parts.append(f"khoản {act.clause}")
    if act.ward_clause and act.ward_clause != act.clause:
        parts.append(f"và khoản {act.ward_clause}")
    parts.append(f"Điều {act.article}")
    parts.append(decree_name(act.decree))
    return " ".join(parts)


def enumerate_items(items: Sequence[str]) -> list[str]:
    """Mark several items "(1)", "(2)"… and end them with ";" and "."

    The same marks are used for an act and its legal basis, so a reader can
    match each act with the article it breaks.
    """
    if len(items) == 1:
        return [items[0].rstrip(".;") + "."]
    out = []
    for index, item in enumerate(items, start=1):
        end = "." if index == len(items) else ";"
        out.append(f"({index}) {item.rstrip('.;')}{end}")
    return out


def money(amount: int) -> str:
    """ "1.500.000 đồng"."""
    return format_vnd(amount)


def money_words(amount: int) -> str:
    """ "Một triệu năm trăm nghìn đồng"."""
    return amount_in_words(amount)


# The Law as the forms cite it: the 2012 Law and the two amending Laws that
# rewrote the articles the forms cite, by their dates, as Nghị định
# 189/2025/NĐ-CP cites them (Luật 67/2020/QH14 of 13/11/2020 and Luật
# 88/2025/QH15 of 25/6/2025, in force 01/7/2025). The appendix of 2021 says
# "(sửa đổi, bổ sung năm 2020)", which leaves out the 2025 amendments the app
# applies; every form prints `{law}` from this one constant.
LAW = (
    "Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012; Luật sửa đổi, bổ "
    "sung một số điều của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm "
    "2020 và Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành "
    "chính ngày 25 tháng 6 năm 2025"
)

# What a coercion enforces, the appendix's choice (note (2) of MBB09, notes
# (4), (5) of MQĐ08): a sanction decision, or the reimbursement of what a
# state body spent on remedial measures. Only the first reaches this app's
# forms (coercion follows an unpaid sanction decision,
# services/procedure/coercion.py); its form strikes the second alternative.
ENFORCES_SANCTION = "sanction"
_COSTS = re.compile(
    r"\s*/\s*(?:hoàn\s+trả\s+kinh\s+phí(?:\s+thực\s+hiện\s+biện\s+pháp\s+khắc\s+"
    r"phục\s+hậu\s+quả)?(?:\s+cho\s+cơ\s+quan\s+nhà\s+nước)?|Quyết\s+định\s+số:"
    r"\s*\{(?:ref|no):QĐ-KPHQ\}(?:\s+buộc\s+thực\s+hiện\s+biện\s+pháp\s+khắc\s+"
    r"phục\s+hậu\s+quả)?)"
)
_OWED = re.compile(r"phạt\s*/\s*phải\s+hoàn\s+trả")


def enforced(line: str, enforces: str) -> str:
    """A line of a coercion form with the appendix's "<… xử phạt vi phạm
    hành chính/hoàn trả kinh phí …>" choice made, as the officer would
    strike it by pen; unchanged unless the case enforces a sanction decision.

    Args:
        line: Template wording, placeholders not yet filled.
        enforces: `ENFORCES_SANCTION`, or "" when not known (blank forms).
    """
    if enforces != ENFORCES_SANCTION:
        return line
    return _OWED.sub("phạt", _COSTS.sub("", line))
