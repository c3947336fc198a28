"""Render a form from its wording: the engine behind every form module.

Each form of the Phụ lục to Nghị định 118/2021/NĐ-CP is a fixed text with
blanks and choices. A form module keeps that text verbatim (one paragraph a
line) with `{placeholders}` where the case fills it, and a `FormSpec` saying
what else is particular to it: title, number symbol, signatures, receipt.
This module turns the text into the Decree 30/2020 page through the shared
toolkit, so a layout fix reaches every form.

Line syntax of `FormSpec.body` (an indented line continues the paragraph
above it):
    "# text"      a legal ground ("Căn cứ …", "Xét …"), italic; endings are
                  normalised to ";" and a final ".".
    "= text"      a centred bold line ("QUYẾT ĐỊNH:").
    "? text"      optional ("nếu có"): left out of a filled form when every
                  placeholder on it is empty; always kept on a blank form.
    "& text"      data only: printed on a filled form when a placeholder on
                  it has a value, never on a blank form (lists the form
                  leaves to the pen, e.g. further participants).
    "[a|b] text"  one alternative of the form's either/or parts ("<…>(**)"):
                  a blank form prints every alternative; a filled one only
                  those whose tag is in `values["variant"]` (all of them
                  when the data selects none).
                  The choice of what a coercion enforces ("<… xử phạt vi
                  phạm hành chính/hoàn trả kinh phí …>") is made in the
                  running text instead, from `values["enforces"]`
                  (`wording.enforced`).
    "@identity"   the identity block of the person concerned (individual or
                  organisation; both on a blank form); "@identity 1." puts
                  "1. " before its first line, as most records do.
    "@acts"       the acts and their legal basis, numbered.
    "~"           a full dotted line for handwriting: kept on a blank form,
                  and on a filled one where the item above has no value.
    "STT | …"     a ruled table of items (`values["items"]`, or
                  `values["licences"]` for a licence table); empty rows
                  when there are none.
A numbered item ending in ":" with nothing under it gets two dotted lines.
    "A: {a} | B: {b}"  two short fields on one line.
A line starting "Điều N." gets its article number in bold.

Placeholders: `{key}` from the context (common keys built here, plus the
form's `values`). Empty values print as dots to the end of the line; keys
ending in `_date` print "……/……/………", `_time` a blank time, and `{key~}` a
short blank. `{ref:QĐ-XPHC}` cites another document ("5/QĐ-XPHC ngày
05/3/2026", the form printing "số:" before it), `{no:BB-VPHC}` its number
only and `{date:BB-VPHC}` its date; `{key=text}` prints the form's own
choice ("giảm/miễn toàn bộ") until the data makes it. `{law}` cites the Law
as amended (`wording.LAW`), on blank forms too.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from xlvphc.documents.blocks import authority_line
from xlvphc.documents.data import FormData
from xlvphc.documents.layout import DOTS, OfficialDocument, Run
from xlvphc.documents.signatures import keep_with_signatures, receipt_page
from xlvphc.documents.template_parts import (
    acts_part,
    identity_part,
    signatures_height,
    signatures_part,
    table_part,
)
from xlvphc.documents.wording import (
    BLANK_DATE,
    BLANK_TIME,
    LAW,
    capitalised,
    decree_citation,
    enforced,
    kind,
    money,
    money_words,
    number_line,
    party,
    person,
    person_name,
    role,
    text,
)
from xlvphc.domain.dates import date_in_words, fmt_date, fmt_datetime

SHORT = "……"
MID_BLANK = "…" * 10
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_VARIANT = re.compile(r"^\[([\w|]+)\]\s*")
_ARTICLE = re.compile(r"^(Điều \d+\.)\s*(.*)$")

# The form's "<…>(*)" choices, resolved from the person concerned. On a blank
# form the choice is printed as written, for the officer to strike through.
CHOICES: dict[str, tuple[str, object]] = {
    "party": ("ông (bà)/tổ chức", party),
    "Party": ("Ông (bà)/Tổ chức", lambda v: capitalised(party(v))),
    "role": ("cá nhân/người đại diện của tổ chức", role),
    "Role": ("Cá nhân/Người đại diện của tổ chức", lambda v: capitalised(role(v))),
    "kind": ("cá nhân/tổ chức", kind),
    "Kind": ("Cá nhân/Tổ chức", lambda v: capitalised(kind(v))),
}


@dataclass(frozen=True)
class SignSpec:
    """A signature column of a record: headings, note, whose name prints."""

    headings: tuple[str, ...]
    note: str = "(Ký, ghi rõ họ và tên)"
    name_key: str = ""  # context key of the printed name, "" for none


@dataclass(frozen=True)
class FormSpec:
    """Everything particular to one form.

    Attributes:
        code: "MQĐ03".
        title: "QUYẾT ĐỊNH" or the record's full title.
        subject: The summary line under the title ("Hoãn thi hành quyết
            định phạt tiền"), may hold placeholders; "" for none.
        suffix: Number symbol, "QĐ-HQĐPT".
        body: The wording, one paragraph a line (syntax in the module doc).
        fields: Form-specific value keys and what each is, for callers and
            tests: every key here must be printed when given.
        recipients: "Nơi nhận" lines of a decision; empty for records.
        signatures: Rows of signature columns of a record (None leaves a
            column empty).
        receipt: (sentence, heading) of the receipt on the back, or None.
    """

    code: str
    title: str
    suffix: str
    body: str
    subject: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    recipients: Sequence[str] = ()
    signatures: Sequence[Sequence[SignSpec | None]] = ()
    receipt: tuple[str, str] | None = None

    @property
    def is_decision(self) -> bool:
        """Decisions carry a date line, an authority line and "Nơi nhận"."""
        return self.code.startswith("MQĐ")


def render_form(spec: FormSpec, data: FormData) -> bytes:
    """Render `spec` filled from `data` (blank when `data.blank`).

    A record states its own number of sheets ("gồm … tờ"): its pages as
    printed on one side, the receipt's page included when the receipt takes
    one. That is only known after layout, so it is laid out again when the
    first guess was wrong.

    Returns:
        The PDF file as bytes.
    """
    sheets = 2  # most records take two pages; laid out again if not
    doc = _build(spec, data, sheets)
    for _ in range(2):
        if doc.page_no() == sheets or "{sheets" not in spec.body:
            break
        sheets = doc.page_no()
        doc = _build(spec, data, sheets)
    return doc.to_bytes()


def context(spec: FormSpec, data: FormData, sheets: int = 1) -> dict[str, str]:
    """The values placeholders may name; empty strings print as blanks."""
    if data.blank:
        ctx = {key: "" for key in _COMMON_KEYS}
        ctx.update({key: "" for key in spec.fields})
        ctx.update(
            {f"{key}_words": "" for key in spec.fields if key.startswith("amount")}
        )
        ctx.update({key: alt for key, (alt, _) in CHOICES.items()})
        ctx["sheets"] = ""
        ctx["law"] = LAW
        return ctx
    v = data.violator
    ctx = {key: "" for key in _COMMON_KEYS}
    ctx.update({key: "" for key in spec.fields})
    ctx.update({f"{key}_words": "" for key in spec.fields if key.startswith("amount")})
    if v is not None:
        ctx.update({key: fn(v) for key, (_, fn) in CHOICES.items()})
        ctx["person"] = person(v)
        ctx["person_name"] = person_name(v)
        ctx["name"] = text(v.name)
        ctx["address"] = text(v.address)
    else:
        ctx.update({key: alt for key, (alt, _) in CHOICES.items()})
    ctx["signer_name"] = ctx["maker_name"] = text(data.signer_name)
    ctx["signer_title"] = ctx["maker_title"] = text(data.signer_title)
    ctx["agency_name"] = text(data.agency.name)
    # Each decree in full where known (note (4) of MQĐ01), as MQĐ02 names
    # its decrees (wording.decree_citation).
    ctx["decrees"] = "; ".join(decree_citation(d) for d in data.decrees)
    ctx["made_time"] = fmt_datetime(data.made_at) if data.made_at else ""
    ctx["issued_date"] = fmt_date(data.issued_on)
    ctx["sheets"] = f"{sheets:02d}"
    ctx["law"] = LAW
    for key, value in data.values.items():
        ctx[key] = _format(key, value)
        if key.startswith("amount") and isinstance(value, int):
            ctx[f"{key}_words"] = money_words(value)
    return ctx


_COMMON_KEYS = (
    "person",
    "person_name",
    "name",
    "address",
    "signer_name",
    "signer_title",
    "decrees",
    "made_time",
    "issued_date",
    "place",
    "maker_name",
    "maker_title",
    "agency_name",
)


def _format(key: str, value: object) -> str:
    """Print a value the way the forms write it."""
    if isinstance(value, list | tuple):
        # Items of a table: named in running text by their first column.
        return "; ".join(
            text(row[0] if isinstance(row, list | tuple) else row) for row in value
        )
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime):
        return fmt_datetime(value)
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, int):
        return money(value) if key.startswith("amount") else f"{value:02d}"
    return text(value) if "\n" not in str(value) else str(value).strip()


def _build(spec: FormSpec, data: FormData, sheets: int) -> OfficialDocument:
    """Lay the whole form out once."""
    ctx = context(spec, data, sheets)
    doc = OfficialDocument(draft=data.draft, title=f"{spec.title} {data.number}")
    doc.add_page()
    number = "" if data.blank else data.number
    if spec.is_decision:
        place = "" if data.blank else text(data.agency.place)
        when = "" if data.blank else date_in_words(data.issued_on)
        date_line = f"{place or DOTS * 4}, {when or 'ngày …… tháng …… năm ……'}"
        doc.national_header(data.agency, number_line(number, spec.suffix), date_line)
        doc.title_block(spec.title, *_fill_title(_chosen(spec.subject, data), ctx))
        authority = (
            ""
            if data.blank
            else authority_line(data.agency, data.signer_title, data.deputy_of)
        )
        doc.centred(authority or "THẨM QUYỀN BAN HÀNH " + DOTS * 6, size=14, gap=3)
    else:
        doc.national_header(data.agency, number_line(number, spec.suffix))
        doc.title_block(spec.title, *_fill_title(_chosen(spec.subject, data), ctx))

    _body(doc, spec, data, ctx, signatures_height(doc, spec, data, ctx))
    signatures_part(doc, spec, data, ctx)
    if spec.receipt:
        sentence, heading = spec.receipt
        parts = _parts(_chosen(sentence, data), ctx)
        receipt_page(doc, "".join(p or DOTS * 6 for _, p in parts), heading)
    return doc


def _chosen(line: str, data: FormData) -> str:
    """A line with the choice of what a coercion enforces made, on a filled
    form whose case says it (a blank form keeps both, for the pen)."""
    return line if data.blank else enforced(line, str(data.values.get("enforces", "")))


def paragraphs_of(body: str) -> list[str]:
    """The template's paragraphs: an indented line continues the one above,
    so a long paragraph can be wrapped in the source."""
    out: list[str] = []
    for raw in body.strip("\n").splitlines():
        if raw[:1].isspace() and out and raw.strip():
            out[-1] += " " + raw.strip()
        elif raw.strip():
            out.append(raw.strip())
    return out


def _fill_title(subject: str, ctx: Mapping[str, str]) -> list[str]:
    """The title's summary lines, with placeholders filled."""
    if not subject:
        return []
    return ["".join(p or DOTS * 8 for _, p in _parts(subject, ctx))]


def _value(key: str, ctx: Mapping[str, str]) -> str | None:
    """A placeholder's text, or the blank that stands for it."""
    short = key.endswith("~")
    key = key.rstrip("~")
    key, _, default = key.partition("=")
    if default:
        # "{relief=giảm/miễn toàn bộ}": the form's choice until data makes it.
        return ctx.get(key, "") or default
    if key in ("", "_date", "_time"):
        # A blank the form leaves to the pen even on a filled form.
        return {"": SHORT if short else None, "_date": BLANK_DATE, "_time": BLANK_TIME}[
            key
        ]
    if key.startswith("date:"):
        # The date a cited record was made: "lập ngày 05/03/2026".
        return ctx.get(key, "") or BLANK_DATE
    if key.startswith("no:"):
        # A cited document's number only: "5/QĐ-XPHC".
        return ctx.get(key, "") or f"{SHORT}/{key[3:]}"
    if key.startswith("ref:"):
        # A cited document: the data gives "5/QĐ-XPHC ngày 05/3/2026".
        value = ctx.get(key, "")
        return value or f"{SHORT}/{key[4:]} ngày {BLANK_DATE}"
    if key not in ctx:
        raise KeyError(f"placeholder {{{key}}} has no value in this form")
    value = ctx[key]
    if value:
        return value
    if key.endswith("_date"):
        return BLANK_DATE
    if key.endswith("_time"):
        return BLANK_TIME
    return SHORT if short else None


def _parts(line: str, ctx: Mapping[str, str]) -> list[Run]:
    """Split a line into literal runs and filled placeholders.

    A choice the data does not make ("<tang vật/phương tiện>") is printed
    without its brackets, for the officer to strike through, as the forms'
    note (*) asks.
    """
    line = line.replace("<", "").replace(">", "")
    out: list[Run] = []
    pos = 0
    for match in _PLACEHOLDER.finditer(line):
        if match.start() > pos:
            out.append(("", line[pos : match.start()]))
        value = _value(match.group(1), ctx)
        if value is None and line[match.end() :].strip(" .;:,"):
            # A blank inside a sentence gets a fixed width; only a blank
            # ending the line runs to the margin.
            value = MID_BLANK
        out.append(("", value))
        pos = match.end()
    if pos < len(line):
        out.append(("", line[pos:]))
    return out


def _is_empty(line: str, ctx: Mapping[str, str]) -> bool:
    """True when every placeholder of an optional line has no value."""
    keys = [k.rstrip("~").partition("=")[0] for k in _PLACEHOLDER.findall(line)]
    keys = [k for k in keys if k not in ("", "_date", "_time")]
    return all(not ctx.get(k, "") for k in keys)


def _body(
    doc: OfficialDocument,
    spec: FormSpec,
    data: FormData,
    ctx: Mapping[str, str],
    signing: float = 0.0,
) -> None:
    """Print the form's wording line by line; the last paragraph goes to a
    new page with the `signing` mm of signature rows that follow it when
    they would not fit under it."""
    lines = paragraphs_of(spec.body)
    chosen = set(str(data.values.get("variant", "")).split())
    kept: list[str] = []
    for line in lines:
        line = _chosen(line, data)
        tagged = _VARIANT.match(line)
        if tagged:
            tags = set(tagged.group(1).split("|"))
            if not data.blank and chosen and not tags & chosen:
                continue
            line = line[tagged.end() :]
        if line.startswith("& "):
            if data.blank or _is_empty(line[2:], ctx):
                continue
            line = line[2:]
        if line.startswith("? "):
            if not data.blank and _is_empty(line[2:], ctx):
                continue
            line = line[2:]
            if not data.blank:
                # Filled in, the part applies: "(nếu có)" no longer fits.
                line = line.replace(" (nếu có)", "")
        if line == "~" and not data.blank:
            # Room to write by hand stays where the case has no value for
            # the item above; a filled item needs none.
            above = next((ln for ln in reversed(kept) if ln != "~"), "")
            if not _is_empty(above, ctx) or above.startswith("@"):
                continue
        kept.append(line)
    grounds = [i for i, ln in enumerate(kept) if ln.startswith("# ")]
    last_ground = grounds[-1] if grounds else -1
    # The closing paragraph, with the "<Trường hợp …>" line that heads it and
    # the dotted lines under it (a blank MBB03 had its signatures alone on a
    # page under one such line).
    closing = len(kept) - 1
    while closing > 0 and kept[closing] == "~":
        closing -= 1
    if closing > 0 and kept[closing - 1].startswith("<"):
        closing -= 1
    for index, line in enumerate(kept):
        if signing and index == closing:
            filled = [
                "".join(p or DOTS * 6 for _, p in _parts(ln, ctx))
                for ln in kept[closing:]
            ]
            keep_with_signatures(doc, filled, signing)
        if line.startswith("# "):
            body = line[2:].rstrip(" ;.,>")  # ">" closes a "<…>" choice
            # The last ground ends the preamble, unless the purpose ("Để bảo
            # đảm thi hành …") follows and ends it, as in the appendix's
            # coercion decisions (the grounds printed "…bị cưỡng chế. Để…").
            purpose = any(ln.startswith("Để ") for ln in kept[index + 1 : index + 2])
            end = "." if index == last_ground and not purpose else ";"
            doc.paragraph(*[("I", t) for _, t in _parts(body + end, ctx)])
        elif line.startswith("= "):
            doc.keep_space(14)
            doc.centred(line[2:], gap=2)
        elif line.startswith("@identity"):
            # "@identity 1." numbers the first line as the record does.
            prefix = line.removeprefix("@identity").strip()
            identity_part(doc, data, f"{prefix} " if prefix else "")
        elif line == "@acts":
            acts_part(doc, data)
        elif line == "~":
            doc.dotted_lines(1)
        elif line.startswith("STT |"):
            table_part(doc, line, data)
        elif set(line) <= {"|", " "}:
            continue  # the form's empty table rows: `_table` draws them
        elif " | " in line:
            _pair(doc, line, ctx)
        else:
            _paragraph(doc, line, ctx)
            if _needs_room(line, kept[index + 1 : index + 2]):
                doc.dotted_lines(2)


_ITEM = re.compile(r"^(\d+\.|[a-zđ]\))\s")
_FIELD = re.compile(r"^[^\W\d_][^:.]{0,30}: ")


def _needs_room(line: str, after: list[str]) -> bool:
    """A numbered item ending in ":" with nothing under it ("4. Ý kiến
    trình bày của cá nhân vi phạm:") gets dotted lines for the answer."""
    if not (_ITEM.match(line) and line.endswith(":")):
        return False
    following = after[0] if after else ""
    if following.startswith(("~", "@", "STT", "a)", "- ", "+ ", "{", "& ", "[")):
        return False
    # "Họ và tên: …" under it: the item is a heading of fields.
    return not (_FIELD.match(following) and not _ITEM.match(following))


def _paragraph(doc: OfficialDocument, line: str, ctx: Mapping[str, str]) -> None:
    """One paragraph; multi-line values continue as paragraphs of their own."""
    match = _ARTICLE.match(line)
    lead: list[Run] = []
    if match:
        doc.keep_space(16)
        lead = [("B", match.group(1) + (" " if match.group(2) else ""))]
        line = match.group(2)
    parts = _parts(line, ctx)
    extra: list[str] = []
    for i, (style, value) in enumerate(parts):
        if value and "\n" in value:
            first, *rest = [p for p in value.split("\n") if p.strip()] or [""]
            parts[i] = (style, first)
            extra += rest
    doc.paragraph(*lead, *parts)
    for more in extra:
        doc.paragraph(more.strip())


def _pair(doc: OfficialDocument, line: str, ctx: Mapping[str, str]) -> None:
    """ "Họ và tên: {x} | Chức vụ: {y}" as two fields on one line."""
    fields = []
    for half in line.split(" | ", 1):
        label, _, rest = half.partition(":")
        value = "".join(v or "" for _, v in _parts(rest.strip(), ctx))
        fields.append((label.strip(), value))
    doc.field_pair(fields[0], fields[1])
