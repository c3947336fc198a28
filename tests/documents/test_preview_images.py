"""The "Xem trước" pictures (issue 4): a form's pages rendered to PNG on the
server, so that phones, whose browsers draw no PDF inside a page, see the
form too. Counted against pypdf's page count, decoded and looked at."""

import base64
import io

import pytest
from form_samples import AGENCY
from pdf_probe import ARTIFACTS
from PIL import Image
from pypdf import PdfReader

from tests.services.conftest import (  # noqa: F401 - fixtures
    case_form,
    decision_form,
    people,
    ref,
)
from xlvphc.documents.data import FormData
from xlvphc.documents.page_images import page_images
from xlvphc.documents.registry import render
from xlvphc.services import cases, printing
from xlvphc.services.errors import PermissionDenied
from xlvphc.services.printing_preview import PREVIEW_PAGES, preview_form


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _picture(png: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(png))
    picture.load()
    return picture


@pytest.mark.parametrize("code", ["MBB10", "MQĐ09", "MBB02"])
def test_one_picture_per_page_of_the_pdf(code):
    pdf = render(code, FormData(agency=AGENCY, blank=True))
    images, total = page_images(pdf)

    assert total == _pages(pdf) >= 2
    assert len(images) == total
    for png in images:
        picture = _picture(png)
        assert png.startswith(b"\x89PNG") and picture.format == "PNG"
        # A4 at 96 dpi: 794 x 1123 pixels, upright.
        assert picture.size == (794, 1123)
        # A page of text: mostly white, with dark letters.
        greys = picture.convert("L").histogram()
        assert sum(greys[240:]) > 0.6 * sum(greys) and sum(greys[:100]) > 0
        # Small enough to travel in the user's state.
        assert len(png) < 120_000


def test_a_limit_renders_the_first_pages_only():
    pdf = render("MBB10", FormData(agency=AGENCY, blank=True))
    images, total = page_images(pdf, limit=1)
    assert len(images) == 1 and total == _pages(pdf)
    assert images[0] == page_images(pdf)[0][0]


def test_case_form_preview_counts_labels_and_scope(people):  # noqa: F811
    officer, other = people["canbo.a"], people["canbo.b"]
    case_id = cases.create_case(officer, case_form())
    cases.issue_decision(officer, case_id, decision_form(version=1))

    # MQĐ03 before its postponement step: a draft (services/printing_modes).
    for code, mode in (("MQĐ02", "final"), ("MQĐ03", "draft")):
        preview = preview_form(officer, case_id, code, mode)
        pdf = printing.print_form(officer, case_id, code, mode)[1]
        total = _pages(pdf)
        assert preview["total"] == total
        assert len(preview["pages"]) == min(PREVIEW_PAGES, total)
        assert [p["label"] for p in preview["pages"]] == [
            f"Trang {n}/{total}" for n in range(1, len(preview["pages"]) + 1)
        ]
        assert preview["filename"].endswith(".pdf")
        first = preview["pages"][0]["src"]
        assert first.startswith("data:image/png;base64,")
        png = base64.b64decode(first.split(",", 1)[1])
        assert _picture(png).size == (794, 1123)
        ARTIFACTS.mkdir(exist_ok=True)
        slug = code.replace("Đ", "D").lower()
        (ARTIFACTS / f"preview-{slug}-page1.png").write_bytes(png)

    with pytest.raises(PermissionDenied):
        preview_form(other, case_id, "MQĐ02", "final")
