"""The "Xem trước" (preview) of a form on the case page: its first pages
as pictures, which every browser shows, phones included (a PDF inside the
page is not drawn by Chrome on Android).

Only the first pages are sent: the pictures live in the user's state while
the preview is open, and the whole form is one "Tải về" away.
"""

import base64
import logging

from xlvphc.documents.page_images import page_images
from xlvphc.services.access import Actor
from xlvphc.services.printing import print_form

log = logging.getLogger(__name__)

PREVIEW_PAGES = 3


def preview_form(
    actor: Actor,
    case_id: object,
    form: object,
    mode: object = "final",
    step: object = 0,
) -> dict:
    """Render a form and picture its first pages; checked and audited as a
    print (services/printing.py). Slow: call it off the event loop.

    Returns:
        {filename, total (the PDF's page count), pages: [{src (a data: URL
        of a PNG), label ("Trang 2/5")}]}.
    """
    filename, pdf = print_form(actor, case_id, form, mode, step)
    images, total = page_images(pdf, limit=PREVIEW_PAGES)
    pages = [
        {
            "src": "data:image/png;base64," + base64.b64encode(image).decode("ascii"),
            "label": f"Trang {number}/{total}",
        }
        for number, image in enumerate(images, start=1)
    ]
    log.info("user=%s previewed %s pages of %s", actor.user_id, len(pages), filename)
    return {"filename": filename, "total": total, "pages": pages}
