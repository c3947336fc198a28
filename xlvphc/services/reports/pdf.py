"""The report as a PDF: A4 landscape (the tables are wide), Liberation Serif
for the Vietnamese letters, one table after another."""

from collections.abc import Callable

from fpdf import FPDF
from fpdf.fonts import FontFace

from xlvphc.documents.data import Agency
from xlvphc.documents.layout import _FONT_FILES, FAMILY, FONT_DIR
from xlvphc.domain.dates import date_in_words
from xlvphc.domain.money import format_number
from xlvphc.services.reports.queries import NO_SOURCE, Report, Row, Table, table_values

HEAD = FontFace(emphasis="BOLD", fill_color=(221, 230, 240))
TOTAL = FontFace(emphasis="BOLD", fill_color=(242, 242, 242))
SECTION = FontFace(emphasis="BOLD")


class ReportDocument(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        for style, file_name in _FONT_FILES.items():
            self.add_font(FAMILY, style, str(FONT_DIR / file_name))
        self.set_margins(left=15, top=15, right=15)
        self.set_auto_page_break(True, margin=15)
        self.set_title(title)
        self.set_creator("XLVPHC")
        self.set_lang("vi")

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FAMILY, "I", 8)
        self.cell(
            0, 5, f"Trang {self.page_no()}", align="C", new_x="LMARGIN", new_y="NEXT"
        )


def _cell(value: int | None) -> str:
    return NO_SOURCE if value is None else format_number(value)


def _table(pdf: ReportDocument, report: Report, table: Table) -> None:
    # A table starts on a new page unless its title, its three heading rows
    # (the "Căn cứ" row wraps to several lines) and a few unit rows fit: a
    # heading must never stand alone at a page foot.
    if pdf.y > pdf.page_break_trigger - 95:
        pdf.add_page()
    pdf.set_font(FAMILY, "B", 11)
    pdf.multi_cell(
        0, 6, f"{table.code}. {table.title}", align="L", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(1)
    pdf.set_font(FAMILY, "", 8.5)
    value_w = min(30.0, (pdf.epw - 10 - 70) / len(table.columns))
    widths = (
        10,
        pdf.epw - 10 - value_w * len(table.columns),
        *[value_w] * len(table.columns),
    )
    with pdf.table(
        col_widths=widths,
        text_align="CENTER",
        line_height=4.2,
        headings_style=HEAD,
        num_heading_rows=3,
        repeat_headings=1,
    ) as t:
        head = t.row()
        head.cell("STT")
        head.cell("Đơn vị")
        for c in table.columns:
            head.cell(c.label)
        basis = t.row()
        basis.cell("")
        basis.cell("Căn cứ (khoản 2 Điều 35 NĐ 118/2021)")
        for c in table.columns:
            basis.cell(c.basis)
        codes = t.row()
        codes.cell("")
        codes.cell("Mã cột")
        for c in table.columns:
            codes.cell(c.code)
        for title, rows, total in (
            (
                "A. CÁC CƠ QUAN, ĐƠN VỊ THUỘC TỈNH",
                report.provincial,
                report.provincial_total,
            ),
            (
                (
                    "B. CÔNG AN VÀ CƠ QUAN NGÀNH DỌC (theo dõi riêng, không cộng "
                    "vào tổng của tỉnh)"
                ),
                report.vertical,
                report.vertical_total,
            ),
        ):
            t.row().cell(title, colspan=len(widths), align="LEFT", style=SECTION)
            for i, row in enumerate(rows, 1):
                _row(t, table, row, str(i))
            _row(t, table, total, "", style=TOTAL)
    pdf.ln(4)


def _row(t, table: Table, row: Row, number: str, style=None) -> None:
    line = t.row(style=style) if style else t.row()
    line.cell(number)
    line.cell(row.name, align="LEFT")
    for value in table_values(table, row):
        line.cell(_cell(value), align="RIGHT")


def _heading(pdf: ReportDocument, agency: Agency, place_date: str) -> None:
    """The two-column heading of Decree 30/2020 (Phụ lục I): the issuing
    body under its superior on the left, the national title and motto on
    the right, the place and date under them (user trial: a report sent up
    must say who issues it)."""
    top, half = pdf.y, pdf.epw / 2
    left, right = pdf.l_margin, pdf.l_margin + half
    pdf.set_xy(left, top)
    if agency.parent:
        pdf.set_font(FAMILY, "", 11)
        pdf.multi_cell(half, 5.5, agency.parent.upper(), align="C")
        pdf.set_x(left)
    pdf.set_font(FAMILY, "B", 11)
    pdf.multi_cell(half, 5.5, agency.name.upper(), align="C")
    left_bottom = pdf.y + 1
    pdf.line(left + half / 3, left_bottom, left + half * 2 / 3, left_bottom)

    pdf.set_xy(right, top)
    pdf.multi_cell(half, 5.5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C")
    pdf.set_x(right)
    pdf.set_font(FAMILY, "B", 12)
    motto = "Độc lập - Tự do - Hạnh phúc"
    pdf.multi_cell(half, 6, motto, align="C")
    rule, mid = pdf.get_string_width(motto) / 2, right + half / 2
    pdf.line(mid - rule, pdf.y + 1, mid + rule, pdf.y + 1)
    pdf.set_font(FAMILY, "I", 11)
    pdf.set_xy(right, max(pdf.y, left_bottom) + 3)
    pdf.multi_cell(half, 6, place_date, align="C")
    pdf.set_xy(pdf.l_margin, pdf.y + 4)


# Who signs a statistical report: the person who drew it up and the head of
# the reporting body (the report goes up under the unit's seal).
SIGNERS = (
    ("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"),
    ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"),
)


# Height of the signature block: a 6 mm gap, the roles, the space to sign
# and the maker's name (_signatures).
SIGNATURE_HEIGHT = 46


def _keep_room(pdf: ReportDocument, height: float) -> None:
    """Start a new page unless `height` mm still fit on this one (a block
    taller than a page is left to break where it must)."""
    if pdf.y + height > pdf.page_break_trigger and height <= pdf.eph:
        pdf.add_page()


def _note_height(pdf: ReportDocument, note: str) -> float:
    return pdf.multi_cell(0, 5, f"- {note}", dry_run=True, output="HEIGHT")


def _notes(pdf: ReportDocument, notes: list[str]) -> None:
    """The notes, the heading kept with the first and the last with room for
    the signatures under it: a signature block alone at the top of a page
    signs nothing that can be seen (user trial: the table ended near a page
    foot and the signatures went over on their own)."""
    pdf.set_font(FAMILY, "", 9)
    heights = [_note_height(pdf, note) for note in notes]
    last = len(notes) - 1
    first_block = 6 + (heights[0] if notes else 0)
    _keep_room(pdf, first_block + (SIGNATURE_HEIGHT if last <= 0 else 0))
    pdf.set_font(FAMILY, "B", 10)
    pdf.cell(0, 6, "Ghi chú", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 9)
    for i, note in enumerate(notes):
        if i == last and i > 0:
            _keep_room(pdf, heights[i] + SIGNATURE_HEIGHT)
        pdf.multi_cell(0, 5, f"- {note}", new_x="LMARGIN", new_y="NEXT")


def _signatures(pdf: ReportDocument, made_by: str) -> None:
    """Two signature columns, kept together on one page, with the maker's
    name printed under the space left to sign."""
    _keep_room(pdf, SIGNATURE_HEIGHT)
    pdf.ln(6)
    top, half = pdf.y, pdf.epw / 2
    for i, (role, note) in enumerate(SIGNERS):
        x = pdf.l_margin + i * half
        pdf.set_xy(x, top)
        pdf.set_font(FAMILY, "B", 11)
        pdf.multi_cell(half, 6, role, align="C")
        pdf.set_x(x)
        pdf.set_font(FAMILY, "I", 10)
        pdf.multi_cell(half, 5, note, align="C")
        if i == 0 and made_by:
            pdf.set_xy(x, top + 32)
            pdf.set_font(FAMILY, "B", 11)
            pdf.multi_cell(half, 6, made_by, align="C")
    pdf.set_xy(pdf.l_margin, top + SIGNATURE_HEIGHT - 6)


def render_pdf(
    report: Report,
    progress: Callable[[float], None] | None = None,
    agency: Agency | None = None,
    made_by: str = "",
) -> bytes:
    """The whole report; `progress(fraction)` is told after each table so a
    long report can show a progress bar. With `agency`, the report opens with
    the heading of its issuing body, whose place-and-date line is the report's
    only date (without it, the date goes under the period); it ends with the
    signature block, the maker's name (`made_by`) under theirs."""
    pdf = ReportDocument(report.title)
    pdf.add_page()
    if agency is not None:
        place = f"{agency.place}, " if agency.place else ""
        _heading(pdf, agency, f"{place}{date_in_words(report.made_at.date())}")
    pdf.set_font(FAMILY, "B", 14)
    pdf.multi_cell(0, 7, report.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 11)
    scope = f" – {report.scope_label}" if report.scope_label else ""
    pdf.multi_cell(
        0,
        6,
        f"Kỳ báo cáo: {report.period}{scope}",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    if agency is None:
        # The heading's place-and-date line dates a report that has one; a
        # second date under the title read as a repeat (user trial).
        pdf.set_font(FAMILY, "I", 10)
        pdf.multi_cell(
            0,
            6,
            f"Lập {date_in_words(report.made_at.date())}",
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(3)
    for i, table in enumerate(report.tables, 1):
        _table(pdf, report, table)
        if progress:
            progress(i / (len(report.tables) + 1))
    _notes(pdf, report.notes)
    _signatures(pdf, made_by)
    return bytes(pdf.output())
