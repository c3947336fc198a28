"""The "In mẫu biểu" menu of the case page: list, preview and download.

The preview shows the form's first pages as pictures rendered on the
server (services/printing_preview.py): phones' browsers draw no PDF inside
a page. The pictures are data: URLs held in this user's state only while
the preview is open, so a form never passes through a public upload
folder. The case id comes from the page address and is checked again by
the service, as is the seizure (or return, confiscation) step a row names.
"""

import reflex as rx

from xlvphc.services import printing, printing_delegations, printing_preview
from xlvphc.state.session import SessionState


class PrintMenuState(SessionState):
    forms: list[dict] = []
    # The preview: pictures of the first pages [{src, label}], the file name,
    # the page count and what to download from it {code, mode, step}.
    preview_pages: list[dict] = []
    preview_title: str = ""
    preview_total: int = 0
    preview_form: dict = {}
    busy: bool = False

    # The menu in three groups (user trial: on a phone the papers the case
    # had issued sat below the fold of a 40-form list): the forms filled
    # from the case with a copy to sign, the drafts its next steps need,
    # and the forms it can only print blank. `forms` keeps the service's
    # order (the stage's first), and so does each group.
    @rx.var
    def signed_forms(self) -> list[dict]:
        return [f for f in self.forms if f["final"]]

    @rx.var
    def draft_forms(self) -> list[dict]:
        return [f for f in self.forms if f["draft"] and not f["final"]]

    @rx.var
    def blank_forms(self) -> list[dict]:
        return [f for f in self.forms if not f["filled"]]

    def _case(self) -> int:
        """The case id from the address bar (0: not found); the service
        checks the user may print it."""
        text = str(self.router.url.query_parameters.get("id") or "")
        return int(text) if text.isdigit() and len(text) < 12 else 0

    def _clear_preview(self) -> None:
        """Drop the pictures: they are the largest part of this state."""
        self.preview_pages, self.preview_title = [], ""
        self.preview_total, self.preview_form = 0, {}

    @rx.event
    async def load_forms(self):
        """Fill the menu with the forms that apply at the case's stage."""
        self._clear_preview()
        ok, result = await self._call_in_thread(printing.menu_forms, self._case())
        if not ok:
            self.forms = []
            return result
        self.forms = result

    @rx.event
    def close_preview(self):
        """The preview is hidden or the dialog closed."""
        self._clear_preview()

    @rx.event
    def dialog_changed(self, is_open: bool):
        """The dialog closing also drops the preview."""
        if is_open is not True:
            self._clear_preview()

    @rx.event
    async def preview(self, form: str, mode: str, step: int = 0):
        """Render in a thread and show the first pages in the dialog."""
        self.busy = True
        yield
        ok, result = await self._call_in_thread(
            printing_preview.preview_form, self._case(), form, mode, step
        )
        self.busy = False
        if not ok:
            yield result
            return
        self.preview_pages = result["pages"]
        self.preview_title = result["filename"]
        self.preview_total = result["total"]
        self.preview_form = {"code": form, "mode": mode, "step": step}

    @rx.event
    async def download(self, form: str, mode: str, step: int = 0):
        """Render in a thread and send the file to the browser."""
        self.busy = True
        yield
        ok, result = await self._call_in_thread(
            printing.print_form, self._case(), form, mode, step
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
