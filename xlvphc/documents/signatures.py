"""Signature rows, the "Nơi nhận" block and the delivery receipt.

A form is only valid once signed, so these blocks are never split over two
pages: they are measured first and moved to a new page whole when needed.
Names are set on one line across columns, as in the forms' tables.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fpdf.enums import XPos, YPos

from xlvphc.documents.layout import (
    BODY_PT,
    FAMILY,
    INDENT,
    LINE,
    PARA_GAP,
    PT,
    OfficialDocument,
)

SIGN_SPACE = 26.0  # room for a handwritten signature and a seal
LINE_MM = 5.6
LINE_H = BODY_PT * PT * LINE  # a line of body text in a paragraph
RECEIPT_GAP = 10.0  # mm between the signatures and a receipt below them
ROW_GAP = 4.0  # mm under a row of signatures
RECIPIENTS_SHARE = 0.45  # of the text width: "Nơi nhận" left of the signer

# A column placed on the page: (block, x, width).
Placed = tuple["Signature", float, float]


@dataclass(frozen=True)
class Signature:
    """One signature column: bold caps headings, an italic note, the name."""

    headings: tuple[str, ...]
    note: str = ""
    name: str = ""
    subline: str = ""  # printed under the name, e.g. the maker's position


def _lines(
    doc: OfficialDocument,
    items: Sequence[tuple[str, str]],
    width: float,
    x: float | None = None,
) -> float:
    """Centred (style, text) lines; drawn at `x`, or only measured.

    Returns:
        The height the lines take.
    """
    height = 0.0
    for style, value in items:
        if not value:
            continue
        doc.set_font(FAMILY, style, BODY_PT)
        value = _balanced(doc, value, width)
        if x is None:
            height += doc.multi_cell(
                width, LINE_MM, value, dry_run=True, output="HEIGHT"
            )
        else:
            doc.set_x(x)
            before = doc.y
            doc.multi_cell(width, LINE_MM, value, align="C")
            height += doc.y - before
    doc.set_font(FAMILY, "", BODY_PT)
    return height


def _balanced(doc: OfficialDocument, value: str, width: float) -> str:
    """A line too wide for its column, cut into two of similar length
    ("CÁ NHÂN CÓ LIÊN QUAN" / "ĐẾN VỤ VIỆC") rather than wrapped greedily,
    which leaves one word alone under a heading. Left as it is when it fits,
    or when no cut gives two lines that fit."""
    words = value.split()
    if "\n" in value or len(words) < 2 or doc.get_string_width(value) <= width:
        return value
    best, longest = value, width
    for cut in range(1, len(words)):
        lines = (" ".join(words[:cut]), " ".join(words[cut:]))
        wider = max(doc.get_string_width(line) for line in lines)
        if wider <= longest:
            best, longest = "\n".join(lines), wider
    return best


def _head(block: Signature) -> list[tuple[str, str]]:
    """Title lines and the italic note above the signing space."""
    return [("B", h) for h in block.headings] + [("I", block.note)]


def _foot(block: Signature) -> list[tuple[str, str]]:
    """Name and position printed under the signing space."""
    return [("B", block.name), ("", block.subline)]


def _draw(
    doc: OfficialDocument,
    placed: Sequence[Placed],
    beside: Callable[[float], float] | None = None,
    reserve: float = 0.0,
) -> float:
    """Draw signature columns on one page and return the row's bottom edge.

    Args:
        doc: The document being written.
        placed: The columns.
        beside: Draws what sits left of the columns from a top edge and
            returns its bottom; drawn first, so extracted text reads in order.
        reserve: Height `beside` needs.
    """
    head = max(_lines(doc, _head(b), w) for b, _, w in placed)
    foot = max(_lines(doc, _foot(b), w) for b, _, w in placed)
    doc.keep_space(max(head + SIGN_SPACE + foot, reserve) + 2)
    top = doc.y + 2
    names_y = top + head + SIGN_SPACE
    bottom = beside(top) if beside else names_y
    for block, x, width in placed:
        doc.set_y(top)
        _lines(doc, _head(block), width, x)
        doc.set_y(names_y)
        _lines(doc, _foot(block), width, x)
        bottom = max(bottom, doc.y)
    return bottom


def signature_row(doc: OfficialDocument, blocks: Sequence[Signature | None]) -> None:
    """Draw signature columns side by side, kept together on one page.

    Args:
        doc: The document being written.
        blocks: One per column; `None` leaves a column empty, e.g. to push
            the only signature of a receipt to the right as the forms do.
    """
    width = doc.text_width / len(blocks)
    placed = [
        (block, doc.l_margin + index * width + 2, width - 4)
        for index, block in enumerate(blocks)
        if block is not None
    ]
    bottom = _draw(doc, placed)
    doc.set_xy(doc.l_margin, bottom + ROW_GAP)


def recipients_and_signature(
    doc: OfficialDocument, recipients: Sequence[str], block: Signature
) -> None:
    """Draw "Nơi nhận" on the left and the signer on the right.

    Nghị định 30/2020/NĐ-CP: "Nơi nhận:" bold italic 12 pt and the list in
    11 pt, level with the signer's title.

    Args:
        doc: The document being written.
        recipients: Lines of the list, each starting with "- ".
        block: The signer.
    """
    left_w = doc.text_width * RECIPIENTS_SHARE
    right_w = doc.text_width - left_w

    def draw_recipients(top: float) -> float:
        doc.set_xy(doc.l_margin, top)
        doc.set_font(FAMILY, "BI", 12)
        doc.cell(left_w, LINE_MM, "Nơi nhận:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.set_font(FAMILY, "", 11)
        for line in recipients:
            doc.set_x(doc.l_margin)
            doc.multi_cell(left_w - 4, 4.6, line)
        doc.set_font(FAMILY, "", BODY_PT)
        return doc.y

    bottom = _draw(
        doc,
        [(block, doc.l_margin + left_w, right_w)],
        draw_recipients,
        reserve=_recipients_height(recipients),
    )
    doc.set_xy(doc.l_margin, bottom + ROW_GAP)


def _recipients_height(recipients: Sequence[str]) -> float:
    """The "Nơi nhận" list's height, a line each."""
    return LINE_MM + 4.6 * len(recipients)


def decision_signature_height(
    doc: OfficialDocument, recipients: Sequence[str], block: Signature
) -> float:
    """The height `recipients_and_signature` takes, its gap below included
    (as `rows_height` gives a record's rows)."""
    width = doc.text_width * (1 - RECIPIENTS_SHARE)
    head = _lines(doc, _head(block), width)
    foot = _lines(doc, _foot(block), width)
    return max(head + SIGN_SPACE + foot, _recipients_height(recipients)) + 2 + ROW_GAP


def _row_height(doc: OfficialDocument, blocks: Sequence[Signature | None]) -> float:
    """The height `signature_row` takes for `blocks`, its gap below included."""
    width = doc.text_width / len(blocks) - 4
    placed = [b for b in blocks if b is not None]
    head = max(_lines(doc, _head(b), width) for b in placed)
    foot = max(_lines(doc, _foot(b), width) for b in placed)
    return head + SIGN_SPACE + foot + 2 + ROW_GAP


def rows_height(
    doc: OfficialDocument, rows: Sequence[Sequence[Signature | None]]
) -> float:
    """The height `signature_row` takes for these rows, one under another."""
    return sum(_row_height(doc, row) for row in rows)


def keep_with_signatures(
    doc: OfficialDocument, closing: Sequence[str], signing: float
) -> None:
    """Before the last paragraphs, `closing`: start a new page unless they and
    the `signing` mm of signature rows under them fit on this one.

    Each row is kept whole (`_draw`), but rows moved one by one can leave a
    page holding only a signature heading, with nothing of the record above
    it (user trial, MBB09 page 3). Moved with the closing paragraph (and
    the "<Trường hợp …>" line heading it), the signatures stay on one page
    under text they sign. When even an empty page cannot hold them all,
    nothing is moved and each row keeps itself whole.
    """
    doc.set_font(FAMILY, "", BODY_PT)
    lines = sum(
        len(doc.multi_cell(doc.text_width - INDENT, LINE_H, text, dry_run=True,
                           output="LINES"))
        for text in closing
    )
    # Measured on the width left after the indent: never fewer lines than
    # printed. The last row needs no gap under it.
    needed = lines * LINE_H + PARA_GAP * len(closing) + signing - ROW_GAP
    if needed <= doc.page_break_trigger - doc.t_margin:
        doc.keep_space(needed)


def _paragraph_height(doc: OfficialDocument, text: str) -> float:
    """A slight overestimate of `doc.paragraph(text)`: measured on the width
    left after the first-line indent, plus one spare line."""
    doc.set_font(FAMILY, "", BODY_PT)
    lines = doc.multi_cell(
        doc.text_width - INDENT, LINE_H, text, dry_run=True, output="LINES"
    )
    return (len(lines) + 1) * LINE_H + PARA_GAP


def receipt_page(doc: OfficialDocument, sentence: str, heading: str) -> None:
    """Print the delivery receipt on the back of the last sheet.

    The appendix of Nghị định 118/2021/NĐ-CP prints it "<In ở mặt sau>": on
    the back of the paper handed to the person, apart from the signed text.
    Printed on both sides, pages 2, 4, … are backs. So when the signed text
    ends on such a page and the receipt fits below it, it goes there: that
    already is the back of the last sheet, and printed on one side the
    document takes no extra sheet (a page 3 holding only the receipt, with
    page 2 half empty, would be a new sheet's front, which the form does not
    ask for). When the text ends on a front (page 1, 3, …), the receipt takes
    the next page, the back of that sheet. That page is numbered like any
    other and, printed on one side, is a sheet of its own, which a record's
    "gồm … tờ" counts (user trial: a 4-page record said "03 tờ", its last
    page unnumbered).

    Args:
        doc: The document being written.
        sentence: "… đã giao trực tiếp cho … vào hồi … giờ … phút, ngày …".
        heading: The recipient's column title, e.g. "NGƯỜI NHẬN BIÊN BẢN".
    """
    columns = [None, Signature((heading,), "(Ký, ghi rõ họ và tên)")]
    # Nothing follows the receipt: its row needs no gap under it (user trial:
    # a record's receipt went alone to page 3, page 2 having room for it).
    row = _row_height(doc, columns) - ROW_GAP
    needed = RECEIPT_GAP + _paragraph_height(doc, sentence) + row
    on_a_back = doc.page_no() % 2 == 0
    if on_a_back and doc.y + needed <= doc.page_break_trigger:
        doc.set_y(doc.y + RECEIPT_GAP)
    else:
        doc.add_page()
    doc.paragraph(sentence)
    signature_row(doc, columns)
