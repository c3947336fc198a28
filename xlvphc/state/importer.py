"""Nhập hồ sơ từ Excel: template download, upload and dry run, then the
import in the background with a progress bar.

The workbook is read into memory from the upload request and kept only in a
backend var of this session until the import ends: it is never written to
Reflex's upload directory, which is served publicly (reflex-notes)."""

import asyncio
import logging

import reflex as rx

from xlvphc.services import auth, importer
from xlvphc.services.importer.reader import MAX_BYTES
from xlvphc.state.session import SessionState
from xlvphc.upload_guard import UPLOAD_REFUSED

log = logging.getLogger(__name__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportState(SessionState):
    file_name: str = ""
    checking: bool = False
    preview: dict[str, int] = {}
    problems: list[str] = []
    running: bool = False
    progress: int = 0
    report: dict[str, int] = {}
    _data: bytes = b""

    @rx.event
    async def open(self):
        self.file_name, self.preview, self.problems, self.report = "", {}, [], {}
        self.progress, self._data = 0, b""
        return await self._check_login()

    @rx.event
    async def download_template(self):
        ok, result = await self._call_in_thread(lambda _actor: importer.template())
        if not ok:
            return result
        name, data = result
        return rx.download(data=data, filename=name, mime_type=XLSX)

    def _forget_file(self) -> None:
        self.file_name, self.preview, self.problems, self.report = "", {}, [], {}
        self._data, self.errors, self.message = b"", {}, ""

    @rx.event
    def upload_starting(self):
        """Sent just before a file goes up: the previous file's result leaves
        the page, so that an upload the guard refuses (403, handle_upload
        never runs) does not read as the new file checked."""
        self._forget_file()

    @rx.event
    def upload_refused(self):
        """The upload guard refused the file (upload_guard.refusal_trigger):
        the page says so."""
        self._forget_file()
        self.message = UPLOAD_REFUSED

    @rx.event
    async def handle_upload(self, files: list[rx.UploadFile]):
        """Read the chosen workbook (size-capped) and run the dry run on it."""
        self.preview, self.problems, self.report, self._data = {}, [], {}, b""
        try:
            await self._actor_in_thread()
        except Exception as exc:  # noqa: BLE001 - shown by _failure
            yield self._failure(exc, "handle_upload")
            return
        upload = files[0] if isinstance(files, list) and files else None
        if not isinstance(upload, rx.UploadFile):
            self.message = "Chưa có tệp nào được chọn."
            return
        if upload.size is not None and upload.size > MAX_BYTES:
            self.message = "Tệp lớn hơn 5 MB. Hãy chia sổ thành nhiều tệp nhỏ hơn."
            return
        data = await upload.read(MAX_BYTES + 1)
        self.file_name = (upload.name or "tep.xlsx")[-120:]
        self.checking = True
        yield
        ok, result = await self._call_in_thread(importer.preview, data)
        self.checking = False
        if not ok:
            if self.errors.get("file"):
                self.message = self.errors["file"]
            yield result
            return
        self._data = data
        self.problems = result.pop("problems")
        self.preview = result

    @rx.event(background=True)
    async def run_import(self):
        """The import in a worker thread; the bar follows its batches."""
        async with self:
            if self.running or not self._data:
                return
            self.running, self.progress, self.report = True, 0, {}
            self.errors, self.message = {}, ""
            data, token = self._data, self._secret()
        # The session is resolved off the loop and outside the state lock.
        try:
            actor = await asyncio.to_thread(auth.resolve, token)
        except Exception as exc:  # noqa: BLE001 - shown by _failure
            async with self:
                self.running = False
                redirect = self._failure(exc, "run_import")
            if redirect:
                yield redirect
            return
        done = {"value": 0}

        def progress(count: int, total: int) -> None:
            done["value"] = int(count * 100 / max(total, 1))

        task = asyncio.create_task(
            asyncio.to_thread(importer.import_rows, actor, data, progress))
        while not task.done():
            await asyncio.sleep(0.3)
            async with self:
                self.progress = done["value"]
        async with self:
            self.running = False
            try:
                report = task.result()
            except Exception as exc:  # noqa: BLE001 - shown by _failure
                self._failure(exc, "import_rows")
                return
            self.progress = 100
            self.problems = report.pop("problems")
            self.report = report
            self._data = b""
            self.preview = {}
