"""The "In mẫu biểu" menu of the case page: list, preview and download.

The preview is the PDF itself in an <iframe> from a data: URL held in this
user's state, so a form never passes through a public upload folder. The
case id comes from the page address and is checked again by the service.
Chromium draws it with its PDF viewer (tests/e2e/test_form_preview.py looks
at the pixels).

TODO: browsers of phones (Chrome on Android) show no PDF inside an iframe;
pages rendered to images on the server would serve them, at the cost of a
rasteriser dependency (pypdfium2), not taken yet.
"""

import base64

import reflex as rx

from xlvphc.services import printing, printing_delegations
from xlvphc.state.session import SessionState


class PrintMenuState(SessionState):
    forms: list[dict] = []
    preview_src: str = ""
    preview_title: str = ""
    busy: bool = False

    def _case(self) -> int:
        """The case id from the address bar (0: not found); the service
        checks the user may print it."""
        text = str(self.router.page.params.get("id") or "")
        return int(text) if text.isdigit() and len(text) < 12 else 0

    @rx.event
    def load_forms(self):
        """Fill the menu with the forms that apply at the case's stage."""
        self.preview_src, self.preview_title = "", ""
        ok, result = self._call(printing.menu_forms, self._case())
        if not ok:
            self.forms = []
            return result
        self.forms = result

    @rx.event
    async def preview(self, form: str, mode: str):
        """Render in a thread and show the PDF in the dialog."""
        self.busy = True
        yield
        ok, result = await self._call_in_thread(
            printing.print_form, self._case(), form, mode
        )
        self.busy = False
        if not ok:
            yield result
            return
        filename, data = result
        self.preview_title = filename
        self.preview_src = "data:application/pdf;base64," + base64.b64encode(
            data
        ).decode("ascii")

    @rx.event
    async def download(self, form: str, mode: str):
        """Render in a thread and send the file to the browser."""
        self.busy = True
        yield
        ok, result = await self._call_in_thread(
            printing.print_form, self._case(), form, mode
        )
        self.busy = False
        if not ok:
            yield result
            return
        filename, data = result
        yield rx.download(data=data, filename=filename, mime_type="application/pdf")

    @rx.event
    async def download_delegation(self, delegation_id: int, form: str):
        """MQĐ34/35 of a registered delegation, or MQĐ37 ending it: for a
        button on the delegation register (the service checks scope)."""
        self.busy = True
        yield
        ok, result = await self._call_in_thread(
            printing_delegations.print_delegation, delegation_id, form
        )
        self.busy = False
        if not ok:
            yield result
            return
        filename, data = result
        yield rx.download(data=data, filename=filename, mime_type="application/pdf")
