"""The report PDF's signature block (user trial): when the table ended near a
page foot, the date line, the signers' titles and the maker's name went over
to the next page on their own. They now take the last note with them, and
the block itself is never split."""

import io
from datetime import datetime

from pypdf import PdfReader

from xlvphc.services.reports.pdf import render_pdf
from xlvphc.services.reports.queries import Column, Report, Row, Table

COLUMNS = [
    Column(f"1.{i}", f"Chỉ tiêu {i}", f"điểm {i}", expr=object()) for i in range(1, 5)
]
NOTES = [
    f"Lưu ý {k}: số liệu tính theo ngày vi phạm, " + "nội dung giải thích " * 8
    for k in ("một", "hai", "ba")
]
MAKER = "Nguyễn Văn An"


def _report(units: int) -> Report:
    rows = [
        Row(i, f"Ủy ban nhân dân xã Thử {i}", {c.code: i for c in COLUMNS})
        for i in range(1, units + 1)
    ]
    total = {c.code: sum(range(1, units + 1)) for c in COLUMNS}
    return Report(
        title="BÁO CÁO THỐNG KÊ KẾT QUẢ XỬ PHẠT VI PHẠM HÀNH CHÍNH",
        period="Năm 2026",
        scope_label="",
        made_at=datetime(2026, 5, 4, 9, 0),
        tables=[Table("Biểu 1", "Vụ việc bị phát hiện, xử phạt", COLUMNS)],
        provincial=rows,
        provincial_total=Row(None, "Tổng cộng của tỉnh", total, "subtotal"),
        vertical=[],
        vertical_total=Row(None, "Tổng cộng cơ quan ngành dọc", {}, "subtotal"),
        notes=NOTES,
    )


def _pages(units: int) -> list[str]:
    data = render_pdf(_report(units), made_by=MAKER)
    return [
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages
    ]


def _first_spilling() -> int:
    """The fewest unit rows that push the report onto a second page: there,
    the old layout moved the signatures over alone."""
    low, high = 0, 80
    assert len(_pages(high)) > 1
    while low < high:
        middle = (low + high) // 2
        if len(_pages(middle)) > 1:
            high = middle
        else:
            low = middle + 1
    return low


def test_the_signatures_keep_the_last_note_on_their_page():
    first = _first_spilling()
    last_note = " ".join(NOTES[-1].split())[:40]
    for units in (first, first + 1, first + 3, first + 6):
        pages = _pages(units)
        signed = [p for p in pages if "NGƯỜI LẬP BIỂU" in p]
        assert len(signed) == 1, units
        page = signed[0]
        # The whole block on one page …
        assert "THỦ TRƯỞNG ĐƠN VỊ" in page and MAKER in page, units
        # … under text of the report, not alone at the top of a page.
        assert last_note in page, units
        # The heading «Ghi chú» does not end a page without its first note.
        noted = next(p for p in pages if "Ghi chú -" in p)
        assert "Lưu ý một" in noted, units
