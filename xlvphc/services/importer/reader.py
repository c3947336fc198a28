"""Reading an officer's workbook into checked rows, each problem reported with
its Excel row and column ("Dòng 17, cột Ngày quyết định: …").

Real registers are messy: headings over two rows with merged cells, columns in
another order, dates typed as text or stored as Excel serial numbers, amounts
with dots, commas or "đ", names in capitals, the same decision entered twice,
empty rows at the end. Each is handled here; what cannot be read is reported,
never guessed.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from openpyxl import load_workbook

from xlvphc.domain.dates import parse_date
from xlvphc.domain.fines import no_record_ceiling
from xlvphc.domain.money import format_vnd, parse_amount
from xlvphc.domain.text import clean, fold, unprintable, unprintable_message
from xlvphc.models.cases import ViolatorKind
from xlvphc.services.case_input import ID_NUMBER as _ID_NUMBER
from xlvphc.services.case_input import MAX_ACTS
from xlvphc.services.case_input import TAX_CODE as _TAX_CODE
from xlvphc.services.importer.columns import BY_KEY, COLUMNS, heading_key

MAX_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED = 60 * 1024 * 1024  # a zip bomb stops here, before openpyxl
MAX_ROWS = 20_000
HEADER_SCAN = 15
EXCEL_EPOCH = date(1899, 12, 30)
# One act: "điểm h khoản 2 Điều 7", or one per point of a clause: "điểm a,
# b khoản 1 Điều 6", "điểm a và điểm b khoản 1 Điều 6"; the decree that
# follows it (possibly after further acts: "điểm a khoản 1 Điều 8; điểm h
# khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP") is the decree of every act
# before it.
_POINT = r"[a-zđ]{1,2}\b"
_ACT_CITE = re.compile(
    rf"(?:điểm\s+(?P<points>{_POINT}(?:\s*(?:,|\bvà\b)\s*(?:điểm\s+)?{_POINT})*)"
    r"\s*,?\s*)?"
    r"(?:khoản\s+(?P<clause>\d{1,4})\s*,?\s*)?"
    r"điều\s+(?P<article>\d{1,4})",
    re.IGNORECASE,
)
# A point or clause no act was read from ("khoản 3" with no article after
# it), up to the next separator: the officer is told, the act never dropped.
_LOOSE_CITE = re.compile(
    r"\b(?:điểm\s+[a-zđ]{1,2}|khoản\s+\d{1,4})\b[^;,]*", re.IGNORECASE
)
_DECREE_CITE = re.compile(
    r"(?:nghị định|nđ)\s*(?:số\s*)?(?P<number>\d{1,4})\s*/\s*(?P<year>\d{4})"
    r"(?:\s*/\s*nđ\s*-\s*cp)?",
    re.IGNORECASE,
)
# The points of a clause are lettered a, b, c, d, đ, e, g, h, i, k… (the
# Vietnamese alphabet: no f, j, w, z), as in every decree of the catalogue.
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
# TODO: the article and clause counts of each decree are not in the project's
# material (shared/legal holds none of the sector decrees); these bounds are
# above any sanction decree in the catalogue (NĐ 15/2020 reaches Điều 101)
# and catch only numbers no decree has, such as "Điều 999".
MAX_ARTICLE = 150
MAX_CLAUSE = 30
# Words in the "Số biên bản" cell that say the decision was made on the spot
# without a record (Luật XLVPHC Điều 56), folded.
ON_THE_SPOT = ("khong lap bien ban", "khong lap bb", "klbb", "xu phat tai cho",
               "khong lap")
# Tax codes and identity numbers: the formats the case form takes
# (services.case_input TAX_CODE, ID_NUMBER). Tax code: 10 digits, or 10
# digits, "-" and 3 for a dependent unit (Luật Quản lý thuế 38/2019/QH14
# Điều 30 k3; TODO: the article is not in the project's material).


class WorkbookError(Exception):
    """The file as a whole cannot be read; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Row:
    number: int  # the Excel row number the officer sees
    values: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    key: str = ""  # what makes two rows the same decision


@dataclass
class Sheet:
    rows: list[Row]
    missing_columns: list[str]
    header_row: int


def _open(data: bytes):
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise WorkbookError("Chưa có tệp nào được chọn.")
    if len(data) > MAX_BYTES:
        raise WorkbookError("Tệp lớn hơn 5 MB. Hãy chia sổ thành nhiều tệp nhỏ hơn.")
    if not bytes(data[:4]) == b"PK\x03\x04":
        raise WorkbookError("Tệp không phải bảng tính Excel (.xlsx).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNZIPPED:
                raise WorkbookError("Tệp Excel quá lớn khi giải nén.")
        return load_workbook(io.BytesIO(data), data_only=True)
    except WorkbookError:
        raise
    except Exception as exc:  # any corrupt file gets one message
        raise WorkbookError(
            "Không đọc được tệp Excel (.xlsx). Tệp có thể bị hỏng."
        ) from exc


def _grid(ws) -> list[list[object]]:
    """The sheet's values with every merged range filled from its top-left
    cell, so a heading merged across two rows or columns is seen everywhere."""
    rows = [
        list(r)
        for r in ws.iter_rows(max_row=min(ws.max_row, MAX_ROWS + 50), values_only=True)
    ]
    for merged in ws.merged_cells.ranges:
        top = (
            rows[merged.min_row - 1][merged.min_col - 1]
            if merged.min_row - 1 < len(rows)
            else None
        )
        for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            for c in range(merged.min_col - 1, merged.max_col):
                if c < len(rows[r]):
                    rows[r][c] = top
    return rows


def _header(grid: list[list[object]]) -> tuple[int, dict[int, str]]:
    """The heading row (0-based) and column index -> key. Headings may span
    two rows (a merged group title above the real headings): a column not
    named on the best row is looked up on the row above."""
    best, best_map = -1, {}
    for r, row in enumerate(grid[:HEADER_SCAN]):
        found = {c: k for c, v in enumerate(row) if (k := heading_key(v))}
        if len(set(found.values())) > len(set(best_map.values())):
            best, best_map = r, found
    if best < 0 or len(set(best_map.values())) < 3:
        raise WorkbookError(
            "Không tìm thấy dòng tiêu đề cột (Số quyết định, Ngày quyết định, Họ "
            "tên…). Hãy dùng tệp mẫu."
        )
    if best > 0:
        for c, v in enumerate(grid[best - 1]):
            key = heading_key(v)
            if key and c not in best_map and key not in best_map.values():
                best_map[c] = key
    return best, best_map


def excel_date(value: object) -> date | None:
    """A date from a cell: a real date, an Excel serial number, or text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 80_000:  # 1900 .. 2119
            return EXCEL_EPOCH + timedelta(days=int(value))
        return None
    return parse_date(clean(value).replace(" ", ""))


def excel_amount(value: object) -> int | None:
    """An amount in đồng from a number or from text such as "1.500.000 đ"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return int(value) if value >= 0 and value == int(value) else None
    if isinstance(value, int):
        return value if value >= 0 else None
    text = clean(value).replace("đồng", "").replace("VNĐ", "").replace("vnđ", "")
    return parse_amount(text.strip())


def person_name(value: object) -> str:
    """A name typed in capitals becomes "Nguyễn Văn An"; mixed case is kept
    (organisation names such as "Công ty TNHH ABC" keep their capitals)."""
    text = clean(value)
    if text and text == text.upper() and any(ch.isalpha() for ch in text):
        return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))
    return text


def citations(value: object) -> list[dict]:
    """Each act cited in a cell: article, clause, point and decree from
    "điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP" (any case, commas, "NĐ"
    or "Nghị định"); several acts share the decree named after them, and
    "điểm a, b khoản 1 Điều 6" is two acts. The decree is "" when none
    follows."""
    text = clean(value)
    decrees = [
        (m.start(), f"{int(m['number'])}/{m['year']}/NĐ-CP")
        for m in _DECREE_CITE.finditer(text)
    ]
    found = []
    for match in _ACT_CITE.finditer(text):
        decree = next((d for at, d in decrees if at > match.end()), "")
        for point in _points(match["points"]):
            found.append({
                "article": int(match["article"]),
                "clause": int(match["clause"]) if match["clause"] else 0,
                "point": point,
                "decree": decree,
            })
    return found


def citation(value: object) -> dict | None:
    """The first act `citations` finds, or None."""
    found = citations(value)
    return found[0] if found else None


def _points(listed: str | None) -> list[str]:
    """ "a, b" / "a và điểm b" -> ["a", "b"]; no point -> [""]."""
    if not listed:
        return [""]
    words = re.sub(r"điểm|\bvà\b", " ", listed, flags=re.IGNORECASE).lower()
    return [p for p in re.split(r"[\s,]+", words) if p]


def unread_citations(value: object) -> list[str]:
    """The parts of a cell naming a point or clause that no act was read
    from: "khoản 3" in "điểm a khoản 1 Điều 6, khoản 3 Nghị định …" (no
    article), "điểm a khoản 1" before "; điểm b khoản 2 Điều 7". Without
    this, such a part was silently left out of the case."""
    text = clean(value)
    rest = list(text)
    for pattern in (_ACT_CITE, _DECREE_CITE):
        for match in pattern.finditer(text):
            rest[match.start():match.end()] = ";" * (match.end() - match.start())
    return [m.group().strip(" .:-") for m in _LOOSE_CITE.finditer("".join(rest))]


def cite_text(cite: dict) -> str:
    """ "điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP", for messages."""
    point = f"điểm {cite['point']} " if cite["point"] else ""
    clause = f"khoản {cite['clause']} " if cite["clause"] else ""
    decree = f" Nghị định {cite['decree']}" if cite["decree"] else ""
    return f"{point}{clause}Điều {cite['article']}{decree}"


def citation_problems(cites: list[dict], decided_on: date | None) -> list[str]:
    """What makes a citation impossible whatever the decree: no decree, a
    point that is not a letter decrees use, numbers no decree reaches, a
    decree issued after the decision (it cannot have been its ground).

    A decree the catalogue does not hold (an earlier decree, since replaced)
    is accepted as the register cites it: old registers cite such decrees
    rightly, and the app has no list of their articles."""
    out = []
    for cite in cites:
        named = cite_text(cite)
        if not cite["decree"]:
            out.append(f"\u201c{named}\u201d chưa ghi số nghị định (ví dụ: Nghị "
                       "định 168/2024/NĐ-CP).")
            continue
        if cite["point"] and cite["point"] not in POINT_LETTERS:
            out.append(f"\u201c{named}\u201d: điểm {cite['point']} không có trong "
                       "nghị định nào (các điểm ghi a, b, c, d, đ, e, g, h…).")
        if not 1 <= cite["article"] <= MAX_ARTICLE:
            out.append(f"\u201c{named}\u201d: Điều {cite['article']} không có "
                       f"trong nghị định xử phạt nào (tối đa Điều {MAX_ARTICLE}).")
        if cite["clause"] > MAX_CLAUSE:
            out.append(f"\u201c{named}\u201d: khoản {cite['clause']} không có "
                       f"trong nghị định xử phạt nào (tối đa khoản {MAX_CLAUSE}).")
        year = int(cite["decree"].split("/")[1])
        if decided_on and year > decided_on.year:
            out.append(f"\u201c{named}\u201d: Nghị định {cite['decree']} ban hành "
                       f"năm {year}, sau ngày quyết định "
                       f"{decided_on:%d/%m/%Y}.")
    return out


def citation_list_problems(cites: list[dict]) -> list[str]:
    """What the case form refuses of a list of acts: more than a case may
    hold, or one act twice (it would be stored, counted and printed as two
    acts, each with its own fine)."""
    out = []
    if len(cites) > MAX_ACTS:
        out.append(f"ghi {len(cites)} hành vi; một hồ sơ có tối đa {MAX_ACTS} "
                   "hành vi.")
    seen: set[tuple] = set()
    for cite in cites:
        key = (cite["decree"], cite["article"], cite["clause"], cite["point"])
        if key in seen:
            out.append(f"\u201c{cite_text(cite)}\u201d được ghi hơn một lần; "
                       "mỗi hành vi chỉ ghi một lần.")
        seen.add(key)
    return out


def on_the_spot(value: str) -> bool:
    """Whether the "Số biên bản" cell says no record was made (Điều 56)."""
    folded = fold(value).strip(" .")
    return folded in ON_THE_SPOT or folded.startswith("khong lap bien ban")


def cell_text(value: object) -> str:
    """`clean(value)`, without its character-by-character pass for the usual
    cell: printable text (no control, zero-width, bidi or line-break
    character, no space but U+0020), already NFC, single-spaced and trimmed,
    which `clean` would return unchanged. Cleaning is most of the cost of
    checking a register, whose cells are nearly all like that."""
    if value is None:
        return ""
    if (
        isinstance(value, str)
        and value.isprintable()
        and "  " not in value
        and value[:1] != " "
        and value[-1:] != " "
        and unicodedata.is_normalized("NFC", value)
    ):
        return value
    return clean(value)


def _check(row: Row, raw: dict, text: dict, today: date) -> None:
    """Read and check one row's cells; problems name the row and column.
    `text` holds each cell already cleaned (once: cleaning is most of the
    cost of checking a row)."""

    def problem(key: str, text: str) -> None:
        row.problems.append(f"Dòng {row.number}, cột {BY_KEY[key].title}: {text}")

    v = row.values
    for column in COLUMNS:
        if column.required and text.get(column.key, "") == "":
            problem(column.key, "chưa có dữ liệu (bắt buộc).")
    for key in ("decided_on", "record_date", "violation_date"):
        cell, typed = raw.get(key), text.get(key, "")
        if typed == "":
            v[key] = None
            continue
        day = excel_date(typed if isinstance(cell, str) else cell)
        if day is None:
            problem(key, f"{typed} không phải ngày hợp lệ.")
        elif day > today or day.year < 1990:
            problem(key, f"{day:%d/%m/%Y} nằm ngoài khoảng ngày hợp lệ.")
            day = None
        v[key] = day
    if (
        v.get("decided_on")
        and v.get("violation_date")
        and v["decided_on"] < v["violation_date"]
    ):
        problem("decided_on", "ngày quyết định trước ngày vi phạm.")
    for key in ("fine", "paid"):
        cell, typed = raw.get(key), text.get(key, "")
        amount = None if typed == "" else excel_amount(cell)
        if typed != "" and (amount is None or amount > 10**13):
            problem(key, f"{typed} không phải số tiền hợp lệ.")
        v[key] = amount or 0
    kind = fold(text.get("kind", ""))
    if kind in ("", "ca nhan", "cn"):
        v["kind"] = ViolatorKind.INDIVIDUAL
    elif kind in ("to chuc", "tc", "doanh nghiep"):
        v["kind"] = ViolatorKind.ORGANISATION
    else:
        problem("kind", f"{text['kind']} không phải Cá nhân hoặc Tổ chức.")
    v["name"] = (
        person_name(text.get("name", ""))
        if v.get("kind") != ViolatorKind.ORGANISATION
        else text.get("name", "")
    )
    for key, limit in (
        ("decision_number", 40),
        ("record_number", 40),
        ("violation_place", 500),
        ("identity", 20),
        ("address", 500),
        ("field", 120),
        ("act", 1000),
        ("signer", 120),
        ("note", 1000),
        ("citation", 200),
    ):
        value = text.get(key, "")
        if isinstance(raw.get(key), (int, float)) and raw[key] == int(raw[key]):
            value = str(int(raw[key]))
            if key == "identity" and len(value) in (8, 11):
                # A CCCD/CMND typed as a number lost its leading zero.
                value = value.zfill(len(value) + 1)
            elif key == "identity" and len(value) == 9 and \
                    v.get("kind") == ViolatorKind.ORGANISATION:
                value = value.zfill(10)  # a tax code "0101234567" likewise
        if len(value) > limit:
            problem(key, f"dài quá {limit} ký tự.")
        elif found := unprintable(value):
            # Imported cases print like typed ones (FormReader.text).
            problem(key, unprintable_message("", found))
        v[key] = value[:limit]
    if len(v["name"]) > 200:
        problem("name", "dài quá 200 ký tự.")
    elif found := unprintable(v["name"]):
        problem("name", unprintable_message("", found))
    v["acts"] = citations(v["citation"]) if v["citation"] else []
    if v["citation"] and not v["acts"]:
        problem(
            "citation", f"không đọc được điều, khoản từ \u201c{v['citation']}\u201d."
        )
    for part in unread_citations(v["citation"]) if v["acts"] else ():
        problem("citation", f"không đọc được hành vi từ \u201c{part}\u201d (mỗi "
                "hành vi ghi điểm, khoản, Điều, ví dụ: điểm a khoản 1 Điều 6; "
                "điểm b khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP).")
    for text_ in citation_problems(v["acts"], v.get("decided_on")):
        problem("citation", text_)
    for text_ in citation_list_problems(v["acts"]):
        problem("citation", text_)
    identity = v["identity"]
    if v.get("kind") == ViolatorKind.ORGANISATION and identity and \
            not _TAX_CODE.fullmatch(identity):
        problem("identity", f"{identity} không phải mã số thuế hợp lệ (10 chữ số, "
                "hoặc 10 chữ số, dấu \u201c-\u201d và 3 chữ số).")
    elif v.get("kind") == ViolatorKind.INDIVIDUAL and identity and \
            not _ID_NUMBER.fullmatch(identity.upper()):
        # As the case form checks it (services.case_input; verification
        # trial: "abc-xyz" came in as an identity number).
        problem("identity", f"{identity} không phải số định danh hợp lệ (12 chữ "
                "số; CMND cũ 9 chữ số; hộ chiếu 1 chữ cái và 7–8 chữ số).")
    # A register says "Không lập biên bản" for a decision made on the spot
    # (Luật XLVPHC Điều 56); an empty cell only says the number was not
    # written down, not that no record was made.
    v["without_record"] = on_the_spot(v["record_number"])
    if v["without_record"]:
        v["record_number"] = ""
        ceiling = (
            no_record_ceiling(v["decided_on"], v["kind"] == ViolatorKind.ORGANISATION)
            if v.get("decided_on") and v.get("kind") else None
        )
        if ceiling is not None and v["fine"] > ceiling:
            problem("record_number", f"xử phạt không lập biên bản chỉ được phạt "
                    f"tiền đến {format_vnd(ceiling)} (Điều 56 Luật Xử lý vi phạm "
                    f"hành chính); số tiền phạt là {format_vnd(v['fine'])}.")
    if v["paid"] and v["fine"] and v["paid"] > v["fine"]:
        problem("paid", "số tiền đã nộp lớn hơn số tiền phạt.")
    year = v["decided_on"].year if v.get("decided_on") else ""
    row.key = f"{fold(v['decision_number']).replace(' ', '')}|{year}"


def read_sheet(data: bytes, today: date) -> Sheet:
    """Every non-empty row of the first sheet, checked, with duplicates in the
    file reported against the first row that has the same decision."""
    wb = _open(data)
    grid = _grid(wb.worksheets[0])
    header_at, mapping = _header(grid)
    missing = [c.title for c in COLUMNS if c.required and c.key not in mapping.values()]
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for index in range(header_at + 1, len(grid)):
        cells = grid[index]
        raw = {key: cells[c] if c < len(cells) else None for c, key in mapping.items()}
        text = {key: cell_text(value) for key, value in raw.items()}
        if all(t == "" for t in text.values()):
            continue  # blank rows, including the empty rows at the end
        if len(rows) >= MAX_ROWS:
            raise WorkbookError(f"Mỗi lần nhập tối đa {MAX_ROWS} dòng.")
        row = Row(number=index + 1)
        _check(row, raw, text, today)
        if row.key in seen and not row.problems:
            row.problems.append(
                f"Dòng {row.number}: trùng với dòng {seen[row.key]} (cùng số "
                "quyết định trong cùng năm) — bỏ qua."
            )
        elif not row.problems:
            seen[row.key] = row.number
        rows.append(row)
    return Sheet(rows=rows, missing_columns=missing, header_row=header_at + 1)
