"""Characters the print fonts cannot draw (user trial: "Y Bih Niê 😀" was
saved, and MQĐ01 printed "Y Bih Niê" with a double space: fpdf drops a
character its font lacks, so the record and the signed paper differed)."""

import pytest
from fpdf.enums import XPos, YPos

from tests.documents.pdf_probe import all_text
from xlvphc.documents.layout import OfficialDocument
from xlvphc.domain.text import clean, unprintable, unprintable_message

# What Vietnamese papers use and must keep printing.
PRINTABLE = (
    "Y Bih Niê, Nguyễn Thị Ỷ, ĐẮK LẮK, Ưng Hoàng Phúc; № 12/QĐ-XPHC – 30°C — "
    "«Biên bản» “trích” ‘lục’ … §2, 5 × 2 m, ± 1, 15.000 ₫, € 3, • mục"
)


def test_vietnamese_and_common_punctuation_print():
    assert unprintable(PRINTABLE) == ""
    assert unprintable("dòng 1\ndòng 2") == ""  # multi-line fields keep breaks


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        pytest.param("Y Bih Niê 😀", "😀", id="emoji"),
        pytest.param("Đã nộp ✓ 👍 ✓", "✓👍", id="each-once-in-order"),
        pytest.param("Nhà ❤️ số 5", "❤\ufe0f", id="emoji-with-variation-selector"),
        pytest.param("Thửa đất 𝔸", "𝔸", id="math-letter"),
        pytest.param("Ông 王 Văn", "王", id="han-character"),
    ],
)
def test_characters_outside_the_fonts_are_found(typed, found):
    assert unprintable(clean(typed)) == found


def test_what_is_found_is_exactly_what_the_pdf_loses():
    """The check answers for the fonts the papers really use: rendered with
    OfficialDocument, the allowed text comes back whole and only the
    characters `unprintable` names go missing."""
    typed = f"{PRINTABLE} Y Bih Niê 😀 ✓ 王"
    pdf = OfficialDocument(title="probe")
    pdf.add_page()
    for style in ("", "B", "I", "BI"):
        pdf.set_font(pdf.font_family, style, 13)
        pdf.multi_cell(0, 8, typed, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    text = all_text(bytes(pdf.output()))
    missing = unprintable(typed)
    assert missing == "😀✓王"
    assert not any(ch in text for ch in missing)
    assert text.count("Y Bih Niê") == 8  # in each of the four styles, twice
    assert text.count("№ 12/QĐ-XPHC – 30°C — «Biên bản»") == 4


def test_the_message_quotes_what_to_remove():
    message = unprintable_message("họ và tên", unprintable("A 😀 ✓ 👍 🎉 b"))
    assert message.startswith("Họ và tên có ký tự không in được trên giấy tờ")
    assert "«😀», «✓», «👍», …" in message and "🎉" not in message
    assert message.endswith("Vui lòng xóa hoặc thay bằng chữ.")
    # An invisible character is named by its code, not shown as nothing.
    assert "U+FE0F" in unprintable_message("địa chỉ", "\ufe0f")
    assert unprintable_message("", "😀").startswith("có ký tự không in được")
