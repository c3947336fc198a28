"""Layout rules every form shares: margins, page numbers, draft mark, fonts.

Stress cases are the ones that break forms in practice: very long names and
descriptions, many acts, and every Vietnamese letter with every tone.
"""

import unicodedata
from dataclasses import replace

import pytest
from form_samples import (
    ALL_LETTERS,
    INDIVIDUAL,
    ORGANISATION,
    full_decision,
    full_record,
    minimal_decision,
    minimal_record,
    twenty_acts,
)
from pdf_probe import (
    all_text,
    flat,
    has_poppler,
    page_texts,
    to_png,
    unnumbered_pages,
    word_boxes,
)

from xlvphc.documents.mbb01 import render_record
from xlvphc.documents.mqd02 import render_decision
from xlvphc.documents.registry import render

poppler = pytest.mark.skipif(not has_poppler(), reason="poppler-utils missing")

LONG_NAME = ("Tôn Nữ Hoàng Phương Thảo Nguyễn Thị Hương Giang " * 5)[:200].strip()
LONG_DESCRIPTION = (
    "Người vi phạm đã tự ý lấn chiếm vỉa hè, lòng đường để bày bán hàng hóa, "
    "gây cản trở giao thông và ảnh hưởng đến mỹ quan đô thị. " * 40
)[:4980] + " CUỐI MÔ TẢ."
UNBROKEN = "https://dichvucong.daklak.gov.vn/" + "x" * 180


def _stress_decision():
    violator = replace(INDIVIDUAL, name=LONG_NAME)
    return full_decision(
        violator=violator,
        description=LONG_DESCRIPTION,
        acts=twenty_acts(),
        fine_total=0,
    )


def test_long_values_wrap_and_flow_onto_new_pages():
    pdf = render_decision(_stress_decision())
    pages = page_texts(pdf)
    text = flat(" ".join(pages))

    assert len(pages) >= 4
    assert LONG_NAME in text
    assert "CUỐI MÔ TẢ." in text
    assert "Hành vi vi phạm thứ 20" in text
    total = sum(act.fine for act in twenty_acts())
    assert f"Tổng số tiền phạt là: {total:,} đồng".replace(",", ".") in text
    assert "(Bằng chữ: Năm mươi bảy triệu năm trăm nghìn đồng)" in text


@poppler
@pytest.mark.parametrize(
    "pdf_factory",
    [
        lambda: render_decision(_stress_decision()),
        lambda: render_record(
            full_record(
                violator=replace(
                    ORGANISATION, name=LONG_NAME, representative_name=LONG_NAME
                ),
                description=LONG_DESCRIPTION + " " + UNBROKEN,
                maker_name=LONG_NAME,
                acts=twenty_acts(),
            )
        ),
    ],
    ids=["decision", "record"],
)
def test_nothing_is_printed_outside_the_margins(pdf_factory, tmp_path):
    boxes = word_boxes(pdf_factory(), tmp_path)

    # Decree 30: left 30 mm, right 15 mm, bottom 20 mm; the page number
    # alone sits in the top margin. Half a millimetre covers rounding.
    assert boxes
    for box in boxes:
        assert box.x_min >= 30 - 0.5, box
        assert box.x_max <= 210 - 15 + 0.5, box
        assert box.y_max <= 297 - 20 + 0.5, box
        if box.y_min < 20 - 0.5:
            assert box.word.isdigit() and box.page >= 2, box


def test_every_vietnamese_letter_survives():
    violator = replace(INDIVIDUAL, name=ALL_LETTERS)
    text = all_text(render_record(full_record(violator=violator)))
    text += all_text(render_decision(full_decision(violator=violator)))

    for letter in ALL_LETTERS.replace(" ", ""):
        assert letter in text, f"{letter} (U+{ord(letter):04X})"
    assert len(set(ALL_LETTERS)) == 2 * 12 * 6 + 2 + 1  # 12 vowels x 6, đ, space


def test_decomposed_input_prints_as_composed_letters():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hương Giang")
    violator = replace(INDIVIDUAL, name=decomposed)
    text = all_text(render_decision(full_decision(violator=violator)))

    assert "Họ và tên: Nguyễn Thị Hương Giang" in text


def test_page_numbers_start_on_page_two():
    pages = page_texts(render_decision(_stress_decision()))

    assert not pages[0].lstrip().startswith("1")
    # Every page after the first is numbered, the receipt's own page too.
    assert unnumbered_pages(pages) == []
    # The receipt goes on the back of the last sheet: on a page of its own
    # after a front page or a full back; under the text only when that ends
    # on a back (page 2, 4 …) with room left.
    alone = pages[-1].split(maxsplit=1)[1].startswith("Quyết định đã giao")
    assert "Quyết định đã giao" in pages[-1]
    assert alone or len(pages) % 2 == 0


@pytest.mark.parametrize("draft", [True, False])
def test_draft_is_marked_on_every_page(draft):
    record = render_record(full_record(draft=draft))
    decision = render_decision(full_decision(draft=draft))

    for page in page_texts(record) + page_texts(decision):
        assert ("DỰ THẢO" in page) is draft


def test_registry_dispatches_by_form_code():
    assert render("MBB01", minimal_record()).startswith(b"%PDF")
    assert render("MQĐ02", minimal_decision()).startswith(b"%PDF")
    assert render("mqd02", minimal_decision()).startswith(b"%PDF")
    with pytest.raises(KeyError, match="MQĐ99"):
        render("MQĐ99", minimal_decision())


@poppler
def test_sample_pages_render_to_png_for_review():
    samples = {
        "mbb01-full": render_record(full_record()),
        "mbb01-organisation": render_record(minimal_record()),
        "mqd02-full": render_decision(full_decision()),
        "mqd02-draft": render_decision(full_decision(draft=True)),
        "mqd02-stress": render_decision(_stress_decision()),
    }
    for name, pdf in samples.items():
        pngs = to_png(pdf, name)
        assert len(pngs) == len(page_texts(pdf))
        assert all(png.stat().st_size > 1000 for png in pngs)
