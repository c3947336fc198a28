"""The last pages of a form: the signatures under text they sign, the
delivery receipt under the text when there is room.

User trial: MQĐ12a's page 3 held only "Nơi nhận" and the signature, its
last paragraph left on page 2; and a long record's 4-line receipt went
alone to page 3 although page 2 had room for it (documents/signatures.py).
"""

import pytest
from form_samples import AGENCY
from pdf_probe import page_texts
from test_forms import SPECS, full

from xlvphc.documents.data import FormData
from xlvphc.documents.layout import OfficialDocument
from xlvphc.documents.registry import render
from xlvphc.documents.signatures import ROW_GAP, receipt_page
from xlvphc.documents.wording import BLANK_TIME

SENTENCE = f"Biên bản đã giao trực tiếp cho cá nhân vi phạm vào hồi {BLANK_TIME}"
HEADING = "NGƯỜI NHẬN BIÊN BẢN"
ONE_LINE = 6.0  # mm: a body line (13 pt x 1.2) and a little over


def _on_page_two(room: float) -> OfficialDocument:
    """A document whose text ended on page 2 with `room` mm left."""
    doc = OfficialDocument()
    doc.add_page()
    doc.add_page()
    doc.set_y(doc.page_break_trigger - room)
    return doc


def _drawn_height() -> float:
    """What the receipt takes on the page, gap above it included."""
    doc = _on_page_two(200)
    top = doc.y
    receipt_page(doc, SENTENCE, HEADING)
    assert doc.page_no() == 2
    return doc.y - ROW_GAP - top


def test_the_receipt_stays_under_the_text_when_the_back_page_has_room():
    height = _drawn_height()
    doc = _on_page_two(height + ONE_LINE)

    receipt_page(doc, SENTENCE, HEADING)

    assert doc.page_no() == 2
    assert doc.y - ROW_GAP <= doc.page_break_trigger


@pytest.mark.parametrize("short", [1.0, ONE_LINE])
def test_a_receipt_that_does_not_fit_takes_the_next_page(short):
    doc = _on_page_two(_drawn_height() - short)

    receipt_page(doc, SENTENCE, HEADING)

    assert doc.page_no() == 3


DECISIONS = [code for code, spec in SPECS.items() if spec.is_decision]


@pytest.mark.parametrize("code", DECISIONS)
def test_a_decisions_signature_never_stands_alone_on_a_page(code):
    """Its last paragraph goes with it to the new page (keep_with_signatures),
    as a record's does with its rows."""
    for data in (full(SPECS[code]), FormData(agency=AGENCY, blank=True)):
        for number, page in enumerate(page_texts(render(code, data)), start=1):
            if "Nơi nhận:" not in page:
                continue
            above = page.split("Nơi nhận:")[0].split()
            # Page 2 on opens with its number: some text must come after it.
            assert len(above) > (1 if number > 1 else 0), (code, data.blank, number)
