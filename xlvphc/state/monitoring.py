"""Theo dõi vận hành thử: per-unit progress for the Department of Justice."""

import reflex as rx

from xlvphc.services import monitoring
from xlvphc.state.session import SessionState


# As the other lists: 224 units on one page made a 25,000-pixel phone page.
PAGE_SIZE = 20


class MonitoringState(SessionState):
    rows: list[dict] = []
    summary: dict[str, str] = {}
    filters: dict[str, str] = {}
    page: int = 1
    pages: int = 1
    total: int = 0
    # Every unit's row of the last load, on the server only; `rows` is a page.
    _all_rows: list[dict] = []

    async def _load(self):
        ok, result = await self._call_in_thread(monitoring.unit_progress, self.filters)
        if not ok:
            return result
        self._all_rows = result["rows"]
        self.total = len(self._all_rows)
        self.summary = {k: str(v) for k, v in result["summary"].items()}
        self._show_page(1)

    def _show_page(self, page: int):
        self.pages = max(1, -(-self.total // PAGE_SIZE))
        self.page = min(max(1, page), self.pages)
        start = (self.page - 1) * PAGE_SIZE
        self.rows = self._all_rows[start : start + PAGE_SIZE]

    @rx.event
    async def open(self):
        return await self._load()

    @rx.event
    async def apply(self, form: dict):
        form = form if isinstance(form, dict) else {}
        self.filters = {k: str(form.get(k) or "")[:20] for k in ("group", "only")}
        return await self._load()

    @rx.event
    def next_page(self):
        self._show_page(self.page + 1)

    @rx.event
    def previous_page(self):
        self._show_page(self.page - 1)
