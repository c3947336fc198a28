"""Cleaning and folding of user-typed text.

Input arrives from forms, imports and copy-paste from Word or web pages, so
it may carry decomposed accents, invisible characters and bidi overrides that
would make two equal names compare as different or disguise a file name.
"""

import functools
import re
import unicodedata

# Zero-width characters, marks and bidi overrides/isolates: invisible, and
# the bidi ones can make text display in an order other than it is stored.
_INVISIBLE = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\ufeff", "\u00ad", "\u2060"]
)
_LINE_BREAKS = frozenset(["\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"}


def _to_str(value: object) -> str:
    """Turn any value into text without raising; containers become ""."""
    if value is None or isinstance(value, (dict, list, tuple, set, frozenset)):
        return ""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, str):
        return value
    try:
        return str(value)
    except Exception:  # noqa: BLE001 - a broken __str__ must not break a form
        return ""


def _clean_line(line: str) -> str:
    """Drop invisible and control characters and collapse spaces in one line."""
    out: list[str] = []
    for ch in line:
        if ch in _INVISIBLE:
            continue
        cat = unicodedata.category(ch)
        if ch == "\t" or cat == "Zs":
            out.append(" ")
        elif cat in ("Cc", "Cs", "Co"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def _squeeze(line: str) -> str:
    """Collapse runs of spaces and strip the ends."""
    return " ".join(part for part in line.split(" ") if part)


def clean(value: object, max_len: int | None = None, multiline: bool = False) -> str:
    """Normalise a user-supplied value into safe, comparable text.

    Never raises and never truncates: callers check the length with
    `too_long` so they can show a message instead of silently cutting.

    Args:
        value: Anything; None, dicts, lists and sets become "".
        max_len: Accepted for call-site symmetry; not used to truncate.
        multiline: Keep line breaks (as LF) instead of turning them into
            spaces.

    Returns:
        NFC text without control, zero-width or bidi-override characters,
        with runs of spaces collapsed and the ends stripped.
    """
    del max_len  # validation is the caller's job, see too_long()
    text = unicodedata.normalize("NFC", _to_str(value))
    text = text.replace("\r\n", "\n")
    lines: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch in _LINE_BREAKS:
            lines.append("".join(current))
            current = []
        else:
            current.append(ch)
    lines.append("".join(current))
    cleaned = [_squeeze(_clean_line(line)) for line in lines]
    if multiline:
        return "\n".join(cleaned).strip("\n ")
    return _squeeze(" ".join(cleaned))


def too_long(s: str, max_len: int) -> bool:
    """Tell whether cleaned text exceeds a column's maximum length.

    Args:
        s: Text, normally the result of `clean`.
        max_len: Maximum number of characters allowed.

    Returns:
        True when `s` has more than `max_len` characters.
    """
    return len(s) > max_len


# How many of the refused characters a message quotes.
_SHOWN_UNPRINTABLE = 3


@functools.cache
def _printable() -> frozenset[str]:
    """Characters every style of the print font can draw, plus the line
    break multi-line fields keep.

    Read once from the font files the documents use (documents.layout), so
    the check follows the fonts if they change. fpdf silently drops a
    character its font lacks: a name saved with an emoji then prints
    without it, and the signed paper differs from the record (user trial).
    Imported here, not at module level, because the documents import this
    module.
    """
    from fontTools.ttLib import TTFont  # a dependency of fpdf2

    from xlvphc.documents.layout import _FONT_FILES, FONT_DIR

    covered: set[int] | None = None
    for file_name in _FONT_FILES.values():
        cmap = set(TTFont(str(FONT_DIR / file_name), lazy=True).getBestCmap())
        covered = cmap if covered is None else covered & cmap
    return frozenset(chr(c) for c in covered or ()) | {"\n"}


def unprintable(s: str) -> str:
    """The distinct characters of cleaned text the print fonts cannot draw
    (emoji, pictographs, most symbols), in the order typed; "" when all
    print. Vietnamese letters, common punctuation, №, °, – and — print.

    Cheap enough for every cell of an import: plain ASCII is answered
    without a lookup, the rest by one set difference.
    """
    if s.isascii():
        return ""
    allowed = _printable()
    if set(s) <= allowed:
        return ""
    return "".join(dict.fromkeys(ch for ch in s if ch not in allowed))


def unprintable_message(label: str, found: str) -> str:
    """The field message for text holding characters `unprintable` found,
    quoting the first few so the officer sees what to remove; one that shows
    nothing (a variation selector, a lone accent) is named by its code.
    Without a label the message starts "có ký tự …", for an import problem
    that already names its row and column."""
    shown = [
        f"«{ch}»" if unicodedata.category(ch)[0] not in "MC" else f"U+{ord(ch):04X}"
        for ch in found[:_SHOWN_UNPRINTABLE]
    ]
    if len(found) > _SHOWN_UNPRINTABLE:
        shown.append("…")
    subject = f"{label[:1].upper()}{label[1:]} có" if label else "có"
    return (
        f"{subject} ký tự không in được trên giấy tờ "
        f"({', '.join(shown)}): biểu tượng cảm xúc hoặc ký hiệu ngoài phông chữ "
        "in. Vui lòng xóa hoặc thay bằng chữ."
    )


def fold(s: object) -> str:
    """Fold text for accent-insensitive search ("Nguyễn  Văn An" -> "nguyen van an").

    Users type names with or without diacritics, with either apostrophe
    (e.g. "Ea H'Leo" / "Ea H’Leo" in Đắk Lắk), and sometimes in decomposed
    form; all of these must find the same record.

    Args:
        s: Any value; cleaned first with `clean`.

    Returns:
        Lower-case ASCII-like text with "đ" mapped to "d", combining marks
        removed, apostrophes unified and whitespace collapsed.
    """
    if isinstance(s, str):
        # Printable ASCII once "đ" is mapped (a document number such as
        # "01/QĐ-XPHC") needs no per-character cleaning: the same result at
        # a fraction of the cost, for lists that fold thousands of numbers.
        plain = s.replace("đ", "d").replace("Đ", "d")
        if plain.isascii() and plain.isprintable():
            return " ".join(plain.replace("`", "'").lower().split())
    text = clean(s)
    for src, dst in _APOSTROPHES.items():
        text = text.replace(src, dst)
    text = text.replace("đ", "d").replace("Đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def tokens(s: object) -> list[str]:
    """Split folded text into search tokens.

    Args:
        s: Any value.

    Returns:
        The words of `fold(s)`.
    """
    return fold(s).split()


# The Vietnamese alphabet in dictionary order, and the tones in the order
# dictionaries list them (ngang, huyền, hỏi, ngã, sắc, nặng).
_VI_LETTERS = {ch: i for i, ch in enumerate("aăâbcdđeêghiklmnoôơpqrstuưvxy")}
_VI_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def sort_key(s: object) -> tuple:
    """Order names as a Vietnamese reader expects ("Đắk Lắk" among the D,
    "Ủy ban" among the U), not by code point, which puts every accented
    capital after "Y".

    The first key is `fold(s)`, so accents never move a name out of its
    letter; names equal once folded are then ordered by letter (d before
    đ, o before ô before ơ), then by tone, then as typed.

    Args:
        s: Any value; cleaned first with `clean`.

    Returns:
        A tuple to pass as `key=` to `sorted`.
    """
    text = clean(s)
    letters: list[int] = []
    tones: list[int] = []
    for ch in text.lower():
        base, *marks = unicodedata.normalize("NFD", ch)
        tone = next((_VI_TONES[m] for m in marks if m in _VI_TONES), 0)
        letter = unicodedata.normalize(
            "NFC", base + "".join(m for m in marks if m not in _VI_TONES)
        )
        letters.append(_VI_LETTERS.get(letter, 100 + ord(letter[0])))
        tones.append(tone)
    return (fold(text), tuple(letters), tuple(tones), text)


# A clause (and point) the catalogue cites inside its own article, in either
# order it has been written: "(khoản 15 điểm c)", "(điểm c khoản 15)",
# "(khoản 12)", and "(khoản 4, theo diễn giải của nguồn)" (the rest is kept).
_OWN_CLAUSE = re.compile(
    r"\((?:khoản (?P<clause>\d+)(?: điểm (?P<point>[a-zđ]))?"
    r"|điểm (?P<point2>[a-zđ]) khoản (?P<clause2>\d+))(?=[,)])"
)


def cite_in_full(text: str, article: object, decree: str) -> str:
    """Spell out the bracketed clause a catalogue measure cites, in the order
    legal documents use (point, clause, article, decree): "Buộc phá dỡ …
    (khoản 15 điểm c)" of Điều 16 NĐ 16/2022 becomes "Buộc phá dỡ … (điểm c
    khoản 15 Điều 16 Nghị định 16/2022/NĐ-CP)".

    The catalogue cites the measure's clause of the act's own article in
    brackets; a decision (MQĐ02 note (12)) must name where the measure is
    laid down, and "khoản 15 điểm c" reads backwards to a lawyer (user
    trial, 5 Dec 2026). Text without such a bracket is returned unchanged.
    """

    def full(found: re.Match) -> str:
        clause = found["clause"] or found["clause2"]
        point = found["point"] or found["point2"]
        where = f"điểm {point} khoản {clause}" if point else f"khoản {clause}"
        return f"({where} Điều {article} Nghị định {decree}"

    return _OWN_CLAUSE.sub(full, text)


# Punctuation (and spaces) left before a separator where parts were joined:
# a part typed by the officer often ends with its own full stop, and the
# join adds "; " after it (user trial: "…vào tài khoản Kho bạc.; đã thu").
_DOUBLED_BEFORE_SEPARATOR = re.compile(r"[\s.;,]*([;,])(?!\d)")


def tidy_joins(text: str) -> str:
    """Drop the stop, comma or space left before a "; " or ", " that joins
    two parts, so that "Kho bạc.; đã thu" reads "Kho bạc; đã thu" and
    "(Điều 78).; còn" reads "(Điều 78); còn". A decimal comma ("0,05%") is
    kept: a digit follows it."""
    return _DOUBLED_BEFORE_SEPARATOR.sub(r"\1", text)
