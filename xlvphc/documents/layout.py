"""Page layout shared by every official form.

Administrative documents must follow Nghị định 30/2020/NĐ-CP (Phụ lục I):
A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman (or an
equivalent Unicode font) at 13 pt, a two-column national header, page numbers
in the top margin from page 2. Keeping that format in one class means each
form module only says *what* the form contains, in the order the Phụ lục to
Nghị định 118/2021/NĐ-CP prints it.
"""

import re
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from xlvphc.documents.data import Agency

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FAMILY = "LiberationSerif"
_FONT_FILES = {
    "": "LiberationSerif-Regular.ttf",
    "B": "LiberationSerif-Bold.ttf",
    "I": "LiberationSerif-Italic.ttf",
    "BI": "LiberationSerif-BoldItalic.ttf",
}

BODY_PT = 13.0
HEADER_PT = 12.0  # Decree 30 allows 12-13 pt; 12 keeps the motto on one line
LINE = 1.2  # about 15.6 pt for 13 pt text: "single or at least 15 pt"
INDENT = 10.0  # first-line indent 1-1.27 cm
PARA_GAP = 1.4  # mm between paragraphs
LEFT_COL = 70.0  # width of the agency column of the national header
COL_PAD = 1.5  # keeps the two header columns from touching
DOTS = "…"
PT = 25.4 / 72  # millimetres per point

# One run of text: (style, text). Style is "", "B", "I" or "BI"; text None
# means "leave a dotted line to the end of the line for handwriting".
Run = tuple[str, str | None]


def runs(*parts: str | Run | None) -> list[Run]:
    """Turn plain strings into regular runs so callers can mix both."""
    return [("", p) if p is None or isinstance(p, str) else p for p in parts]


class OfficialDocument(FPDF):
    """An A4 page in Decree 30 format with the helpers every form needs."""

    def __init__(self, *, draft: bool = False, title: str = "") -> None:
        """Set up page, margins and fonts.

        Args:
            draft: Print "DỰ THẢO" across every page so a draft cannot pass
                for a signed document.
            title: PDF metadata title.
        """
        super().__init__(orientation="P", unit="mm", format="A4")
        self.draft = draft
        for style, file_name in _FONT_FILES.items():
            self.add_font(FAMILY, style, str(FONT_DIR / file_name))
        self.set_margins(left=30, top=20, right=15)
        self.set_auto_page_break(True, margin=20)
        self.c_margin = 0
        self.set_lang("vi")
        self.set_title(title)
        self.set_creator("XLVPHC")
        self.set_font(FAMILY, "", BODY_PT)

    @property
    def text_width(self) -> float:
        """Width between the left and right margins."""
        return self.w - self.l_margin - self.r_margin

    def header(self) -> None:
        """Draw the draft watermark, and the page number from page 2.

        Decree 30 puts the number centred in the top margin and leaves the
        first page unnumbered. A page holding only the receipt is numbered
        too: it is one of the sheets a record counts ("gồm … tờ"), and a
        loose sheet without a number could not be put back in its place.
        """
        if self.draft:
            self._watermark()
        if self.page_no() >= 2:
            self.set_font(FAMILY, "", BODY_PT)
            self.set_text_color(0)
            self.set_xy(self.l_margin, 9)
            self.cell(self.text_width, 6, str(self.page_no()), align="C")
        self.set_xy(self.l_margin, self.t_margin)

    def _watermark(self) -> None:
        """Write "DỰ THẢO" diagonally, light grey, under the page's text."""
        text = "DỰ THẢO"
        self.set_font(FAMILY, "B", 96)
        self.set_text_color(222)
        cx, cy = self.w / 2, self.h / 2
        width = self.get_string_width(text)
        with self.rotation(angle=55, x=cx, y=cy):
            self.text(cx - width / 2, cy + self.font_size / 3, text)
        self.set_text_color(0)

    def keep_space(self, height: float) -> None:
        """Start a new page unless `height` mm fit above the bottom margin.

        Used before blocks that must not be split: a signature row torn over
        two pages, or a heading left at the foot of a page without its text,
        makes a document an official would send back.
        """
        if self.y + height > self.page_break_trigger:
            self.add_page()

    def to_bytes(self) -> bytes:
        """Return the finished PDF."""
        return bytes(self.output())

    def national_header(
        self, agency: Agency, number_line: str, place_date: str = ""
    ) -> None:
        """Draw the two-column heading of Decree 30 (Phụ lục I, mục II).

        Left: parent agency (upright caps), agency (bold caps), a short rule,
        "Số: …". Right: the national title, the motto with a rule as long as
        the motto, and, when given, the italic place-and-date line.
        """
        top = self.y
        left_x, right_x = self.l_margin, self.l_margin + LEFT_COL
        right_w = self.text_width - LEFT_COL
        line_h = HEADER_PT * PT * LINE

        # Left column: agency names, then a rule a third of the column wide.
        self.set_xy(left_x, top)
        if agency.parent:
            self.set_font(FAMILY, "", HEADER_PT)
            self.multi_cell(
                LEFT_COL, line_h, self._balanced(agency.parent.upper()), align="C"
            )
        self.set_font(FAMILY, "B", HEADER_PT)
        self.set_x(left_x)
        self.multi_cell(
            LEFT_COL, line_h, self._balanced(agency.name.upper()), align="C"
        )
        left_bottom = self.y + 1.2
        self.line(
            left_x + LEFT_COL / 3, left_bottom, left_x + LEFT_COL * 2 / 3, left_bottom
        )

        # Right column: national title and motto, ruled as long as the motto.
        self.set_xy(right_x, top)
        self.multi_cell(
            right_w, line_h, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C"
        )
        self.set_font(FAMILY, "B", BODY_PT)
        self.set_x(right_x)
        motto = "Độc lập - Tự do - Hạnh phúc"
        self.multi_cell(right_w, BODY_PT * PT * LINE, motto, align="C")
        motto_w = self.get_string_width(motto)
        right_bottom = self.y + 1.2
        mid = right_x + right_w / 2
        self.line(mid - motto_w / 2, right_bottom, mid + motto_w / 2, right_bottom)

        # Number (left) and place-date (right) share one row under the rules.
        row = max(left_bottom, right_bottom) + 2.5
        self.set_font(FAMILY, "", BODY_PT)
        self.set_xy(left_x, row)
        self.multi_cell(LEFT_COL, 6, number_line, align="C")
        number_bottom = self.y
        date_bottom = row
        if place_date:
            self.set_font(FAMILY, "I", BODY_PT)
            self.set_xy(right_x, row)
            self.multi_cell(right_w, 6, place_date, align="C")
            date_bottom = self.y
        self.set_font(FAMILY, "", BODY_PT)
        self.set_xy(self.l_margin, max(number_bottom, date_bottom) + 6)

    def _balanced(self, name: str) -> str:
        """Break an agency name over two lines of similar length.

        "ỦY BAN NHÂN DÂN / PHƯỜNG BUÔN MA THUỘT" reads as a heading, where
        greedy wrapping would leave "MA THUỘT" alone on the second line.
        Names needing three lines or more are left to normal wrapping.
        """
        width = LEFT_COL - 2 * COL_PAD
        words = name.split()
        if self.get_string_width(name) <= width or len(words) < 2:
            return name
        best = ""
        best_width = width + 1
        for cut in range(1, len(words)):
            lines = (" ".join(words[:cut]), " ".join(words[cut:]))
            longest = max(self.get_string_width(line) for line in lines)
            if longest < best_width:
                best, best_width = "\n".join(lines), longest
        return best or name

    def title_block(self, title: str, *subtitles: str, rule: bool = True) -> None:
        """Print the bold centred document title and its summary lines.

        Decree 30 wants the document type in bold caps and the summary in
        bold under it, followed by a short centred rule.
        """
        self.set_font(FAMILY, "B", 14)
        self.set_x(self.l_margin)
        self.multi_cell(self.text_width, 6.6, title, align="C")
        for subtitle in subtitles:
            self.set_x(self.l_margin)
            self.multi_cell(self.text_width, 6.6, subtitle, align="C")
        if rule:
            mid = self.l_margin + self.text_width / 2
            self.line(mid - 15, self.y + 1, mid + 15, self.y + 1)
            self.ln(3)
        self.ln(3)
        self.set_font(FAMILY, "", BODY_PT)

    def centred(
        self, text: str, style: str = "B", size: float = BODY_PT, gap: float = PARA_GAP
    ) -> None:
        """Print a centred line (wrapping if long), e.g. "QUYẾT ĐỊNH:"."""
        self.set_font(FAMILY, style, size)
        self.set_x(self.l_margin)
        self.multi_cell(self.text_width, size * PT * LINE + 0.4, text, align="C")
        self.ln(gap)
        self.set_font(FAMILY, "", BODY_PT)

    def paragraph(
        self,
        *parts: str | Run | None,
        first_indent: float = INDENT,
        indent: float = 0.0,
        align: str = "J",
        gap: float = PARA_GAP,
        size: float = BODY_PT,
    ) -> None:
        """Print one justified paragraph made of styled runs.

        Text wraps inside the margins and flows onto new pages, so a value
        of any length (a 5,000-character description, a 200-character name)
        never runs off the page. A `None` run becomes a dotted line to the
        end of the line, the blank an official fills in by hand.
        """
        items = self._fill_blanks(
            runs(*parts), first_indent, self.text_width - indent, size
        )
        self.set_x(self.l_margin + indent)
        with self.text_columns(
            text_align=align, line_height=LINE, l_margin=self.l_margin + indent
        ) as cols:
            with cols.paragraph(
                first_line_indent=first_indent, bottom_margin=gap
            ) as par:
                for style, text in items:
                    self.set_font(FAMILY, style, size)
                    par.write(text or "")
        self.set_font(FAMILY, "", BODY_PT)
        self.set_x(self.l_margin)

    def _fill_blanks(
        self, items: list[Run], x: float, usable: float, size: float
    ) -> list[Run]:
        """Replace `None` runs by dots reaching the end of their line.

        Follows the greedy word wrap fpdf2 uses, so the dots end at the
        right margin instead of spilling onto a line of their own and
        leaving a justified line full of gaps. A remainder under 15 mm gets
        a whole line of dots instead.
        """
        if all(text is not None for _, text in items):
            return items
        slack = 1.5
        out: list[Run] = []
        for style, text in items:
            self.set_font(FAMILY, style, size)
            if text is None:
                room = usable - x - slack
                if room < 15:
                    room, x = usable - slack, 0.0
                text = self._dots(room)
                out.append((style, text))
                x += self.get_string_width(text)
                continue
            out.append((style, text))
            for piece in re.split(r"( )", text):
                if not piece:
                    continue
                width = self.get_string_width(piece)
                if piece != " " and x + width > usable and x > 0:
                    x = 0.0
                x = x + width if width <= usable else width % usable
        return out

    def field(self, label: str, value: str, *, value_style: str = "") -> None:
        """Print "label: value" as a paragraph; an empty value is dotted."""
        self.paragraph(f"{label}: ", (value_style, value or None))

    def field_pair(
        self, first: tuple[str, str], second: tuple[str, str], *, first_style: str = ""
    ) -> None:
        """Print two short fields on one line, as the forms lay them out.

        "Họ và tên: … Giới tính: …" sit on one line with the second field at
        a tab stop; if either does not fit, each gets its own paragraph so
        nothing is cut.
        """
        tab = self.text_width * 0.68
        label1, value1 = first
        label2, value2 = second
        self.set_font(FAMILY, "", BODY_PT)
        w_label1 = self.get_string_width(f"{label1}: ")
        w_label2 = self.get_string_width(f"{label2}: ")
        self.set_font(FAMILY, first_style, BODY_PT)
        w_value1 = self.get_string_width(value1 or DOTS * 6)
        self.set_font(FAMILY, "", BODY_PT)
        w_value2 = self.get_string_width(value2 or DOTS * 4)
        fits = (
            INDENT + w_label1 + w_value1 + 3 <= tab
            and w_label2 + w_value2 <= self.text_width - tab
        )
        if not fits:
            self.field(label1, value1, value_style=first_style)
            self.field(label2, value2)
            return
        height = BODY_PT * PT * LINE
        self.keep_space(height)
        self.set_x(self.l_margin + INDENT)
        self.cell(w_label1, height, f"{label1}: ")
        self.set_font(FAMILY, first_style, BODY_PT)
        blank1 = tab - INDENT - w_label1 - 3
        self.cell(w_value1 if value1 else blank1, height, value1 or self._dots(blank1))
        self.set_font(FAMILY, "", BODY_PT)
        self.set_x(self.l_margin + tab)
        self.cell(w_label2, height, f"{label2}: ")
        blank2 = self.text_width - tab - w_label2 - 1
        self.cell(
            0, height, value2 or self._dots(blank2), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.ln(PARA_GAP)

    def _dots(self, width: float) -> str:
        """Dots filling `width` mm in the current font."""
        return DOTS * max(1, int(width / self.get_string_width(DOTS)))

    def dotted_lines(self, count: int = 1) -> None:
        """Full-width dotted lines for content written by hand."""
        for _ in range(count):
            self.paragraph(self._dots(self.text_width - 2), first_indent=0)
