"""Phản ánh: sending a difficulty with an optional screenshot, reading the
answer; for the Department of Justice, answering."""

import logging

import reflex as rx

from xlvphc.services import feedback
from xlvphc.services.errors import ValidationFailed
from xlvphc.state.session import SessionState
from xlvphc.upload_guard import UPLOAD_REFUSED

log = logging.getLogger(__name__)


def _id(value: object) -> int:
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) < 12 else 0


class FeedbackState(SessionState):
    rows: list[dict] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    manage: bool = False
    attached: str = ""
    sent: str = ""
    filters: dict[str, str] = {}
    # The checked screenshot waits here (server side only) until the form is
    # sent; it never touches the public upload folder.
    _shot: bytes = b""

    async def _load(self):
        ok, result = await self._call_in_thread(
            feedback.list_feedback, self.filters, self.page
        )
        if not ok:
            return result
        self.rows = result["rows"]
        self.total, self.page, self.pages = (
            result["total"],
            result["page"],
            result["pages"],
        )
        self.manage = result["manage"]

    @rx.event
    async def open(self):
        self.page, self.sent, self.attached, self._shot = 1, "", "", b""
        return await self._load()

    @rx.event
    async def attach(self, files: list[rx.UploadFile]):
        """Read the picked image in memory (at most the limit + 1 byte) and
        check it by its magic bytes."""
        self._shot, self.attached = b"", ""
        self.errors, self.message = {}, ""
        try:
            await self._actor_in_thread()
        except Exception as exc:  # noqa: BLE001 - shown by _failure
            return self._failure(exc, "attach")
        upload = files[0] if isinstance(files, list) and files else None
        if not isinstance(upload, rx.UploadFile):
            return None
        data = await upload.read(feedback.MAX_SCREENSHOT + 1)
        try:
            shot, kind = feedback.check_screenshot(data)
        except ValidationFailed as exc:
            self.errors = exc.errors
            return None
        self._shot = shot
        size = max(1, len(shot) // 1024)
        self.attached = f"Đã đính kèm ảnh {kind.upper()} ({size} KB)."
        return None

    def _forget_shot(self) -> None:
        self._shot, self.attached = b"", ""
        self.errors = {k: v for k, v in self.errors.items() if k != "screenshot"}

    @rx.event
    def upload_starting(self):
        """Sent just before a picked image goes up: the one attached before
        is dropped, so that an upload the guard refuses (403, attach never
        runs) does not leave it shown as attached in place of the new one."""
        self._forget_shot()

    @rx.event
    def upload_refused(self):
        """The upload guard refused the image (upload_guard.refusal_trigger):
        said at the box."""
        self._forget_shot()
        self.errors = {**self.errors, "screenshot": UPLOAD_REFUSED}

    @rx.event
    def attach_rejected(self, rejected: list[dict]):
        """The box refused the file in the browser (its type or size): say
        so at the box, naming what it takes, instead of nothing."""
        self._shot, self.attached = b"", ""
        self.errors = {"screenshot": feedback.rejected_upload(rejected)}

    @rx.event
    def drop_attachment(self):
        self._shot, self.attached = b"", ""

    @rx.event
    async def send(self, form: dict):
        self.sent = ""
        ok, result = await self._call_in_thread(feedback.send, form, self._shot or None)
        if not ok:
            return result
        self._shot, self.attached = b"", ""
        self.sent = "Đã gửi phản ánh. Sở Tư pháp sẽ trả lời tại trang này."
        self.page = 1
        redirect = await self._load()
        # The form is uncontrolled: clear it only once the report is stored.
        return redirect or rx.call_script(
            "document.getElementById('form-phan-anh')?.reset()"
        )

    @rx.event
    async def answer(self, form: dict):
        form = form if isinstance(form, dict) else {}
        ok, result = await self._call_in_thread(
            feedback.answer, _id(form.get("id")), form
        )
        if not ok:
            return result
        return await self._load()

    @rx.event
    async def filter(self, form: dict):
        form = form if isinstance(form, dict) else {}
        # The filter boxes are named loc_* so as not to clash with the form.
        self.filters = {
            k: str(form.get(f"loc_{k}") or "")[:20] for k in ("status", "category")
        }
        self.page = 1
        return await self._load()

    @rx.event
    async def next_page(self):
        if self.page < self.pages:
            self.page += 1
        return await self._load()

    @rx.event
    async def previous_page(self):
        if self.page > 1:
            self.page -= 1
        return await self._load()

    @rx.event
    async def view_screenshot(self, feedback_id: int):
        ok, result = await self._call_in_thread(feedback.screenshot, feedback_id)
        if not ok:
            return result
        name, data, mime = result
        return rx.download(data=data, filename=name, mime_type=mime)

    @rx.event
    async def export(self):
        ok, result = await self._call_in_thread(feedback.export_summary)
        if not ok:
            return result
        name, data = result
        return rx.download(
            data=data,
            filename=name,
            mime_type="application/vnd.openxmlformats-officedocument."
            "spreadsheetml.sheet",
        )
