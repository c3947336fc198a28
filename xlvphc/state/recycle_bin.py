"""Thùng rác: deleted cases, restore, and purge by an administrator."""

import reflex as rx

from xlvphc.services import recycle_bin
from xlvphc.state.session import SessionState


class RecycleBinState(SessionState):
    rows: list[dict] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    # The search box's text, kept while paging (services.recycle_bin checks
    # it again: any browser can send anything).
    query: str = ""
    # A new key draws the search form again, empty (after «Xóa tìm»).
    form_key: int = 0
    # The case whose purge dialog is open (an id the server listed).
    purge_id: int = 0

    async def _load(self):
        ok, result = await self._call_in_thread(
            recycle_bin.list_bin, self.page, self.query
        )
        if not ok:
            return result
        self.rows, self.total = result["rows"], result["total"]
        self.page, self.pages = result["page"], result["pages"]

    @rx.event
    async def open(self):
        self.page, self.purge_id, self.query = 1, 0, ""
        return await self._load()

    @rx.event
    async def search(self, form: dict):
        """The search box submitted: the first page of what it finds."""
        query = form.get("q") if isinstance(form, dict) else ""
        self.query = query[:recycle_bin.MAX_QUERY] if isinstance(query, str) else ""
        self.page = 1
        return await self._load()

    @rx.event
    async def clear(self):
        self.query, self.page = "", 1
        self.form_key += 1
        return await self._load()

    @rx.event
    async def restore(self, case_id: int):
        """The service re-checks the case is in the bin and in scope."""
        ok, result = await self._call_in_thread(recycle_bin.restore_case, case_id)
        if not ok:
            return result
        await self._load()
        return rx.toast.success("Đã khôi phục hồ sơ cùng toàn bộ thông tin.")

    @rx.event
    def ask_purge(self, case_id: int):
        self.errors, self.message = {}, ""
        self.purge_id = case_id if any(r["id"] == case_id for r in self.rows) else 0

    @rx.event
    def cancel_purge(self):
        self.purge_id = 0

    @rx.event
    def set_purge_open(self, value: bool):
        if not value:
            self.purge_id = 0

    @rx.event
    async def purge(self, form: dict):
        reason = form.get("reason") if isinstance(form, dict) else None
        ok, result = await self._call_in_thread(
            recycle_bin.purge_case, self.purge_id, reason
        )
        if not ok:
            return result
        self.purge_id = 0
        await self._load()
        return rx.toast.success("Đã xóa vĩnh viễn hồ sơ; thao tác được ghi nhật ký.")

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
