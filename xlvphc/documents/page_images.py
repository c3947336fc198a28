"""A form's pages as pictures, for the preview in the browser.

Chrome on Android draws no PDF inside a page (an <iframe> of a PDF stays
empty there), so the "Xem trước" dialog shows the first pages as images
rendered here with PDFium. A printed form is black text on white: 16 grey
levels in a 4-bit PNG keep the letters sharp at about 40 KB a page at
96 dpi, a quarter of a JPEG of the same page, which matters because the
pictures travel in the user's state.
"""

import io
import threading

import pypdfium2 as pdfium
from PIL import Image

PREVIEW_DPI = 96  # an A4 page 794 px wide: a phone shows it sharp at 2x zoom
GREYS = 16

# PDFium must never be entered from two threads at once, not even for two
# documents (pypdfium2's documentation): the preview renders in worker
# threads (asyncio.to_thread), so every PDFium call holds this lock. The
# PNG encoding runs outside it.
_PDFIUM = threading.Lock()


def page_count(pdf: bytes) -> int:
    """How many pages the PDF has."""
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def page_images(
    pdf: bytes, limit: int | None = None, dpi: int = PREVIEW_DPI
) -> tuple[list[bytes], int]:
    """Render the first `limit` pages (all when None) as grey PNG images.

    Args:
        pdf: The PDF file.
        limit: At most this many pages, from the first.
        dpi: Resolution of the pictures.

    Returns:
        (PNG images, one a page in order; the PDF's page count).
    """
    pictures: list[Image.Image] = []
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            total = len(document)
            for index in range(total if limit is None else min(limit, total)):
                page = document[index]
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                # copy(): the PIL image would otherwise share PDFium's buffer.
                pictures.append(bitmap.to_pil().copy())
                bitmap.close()
                page.close()
        finally:
            document.close()
    return [_png(picture) for picture in pictures], total


def _png(picture: Image.Image) -> bytes:
    """A 4-bit PNG of a grey page."""
    out = io.BytesIO()
    picture.quantize(GREYS).save(out, "PNG", bits=4)
    return out.getvalue()
