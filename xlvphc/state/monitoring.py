"""Theo dõi vận hành thử: per-unit progress for the Department of Justice."""

import reflex as rx

from xlvphc.services import monitoring
from xlvphc.state.list_sort import normal_sort
from xlvphc.state.session import SessionState


class MonitoringState(SessionState):
    rows: list[dict] = []  # one page (services.monitoring.PAGE_SIZE)
    summary: dict[str, str] = {}
    filters: dict[str, str] = {}
    page: int = 1
    pages: int = 1
    total: int = 0

    async def _load(self, page: int = 1):
        ok, result = await self._call_in_thread(
            monitoring.unit_progress, self.filters, page
        )
        if not ok:
            return result
        self.rows = result["rows"]
        self.summary = {k: str(v) for k, v in result["summary"].items()}
        self.total, self.page, self.pages = (
            result["total"], result["page"], result["pages"]
        )

    @rx.event
    async def open(self):
        return await self._load()

    @rx.event
    async def apply(self, form: dict):
        form = form if isinstance(form, dict) else {}
        # The form holds the filters; the order chosen by a heading stays,
        # as the service reads it (an unknown column: the default order).
        self.filters = normal_sort(
            {
                **{k: str(form.get(k) or "")[:20] for k in ("group", "only")},
                "sort": self.filters.get("sort", ""),
                "dir": self.filters.get("dir", ""),
            },
            monitoring.SORTS,
            "asc",
        )
        return await self._load()

    @rx.event
    async def sort_by(self, key: str):
        """Click a column heading: sort by it; click again to reverse (as
        the case list does, state/cases.py)."""
        if not isinstance(key, str) or key not in monitoring.SORTS:
            return None
        same = self.filters.get("sort") == key
        direction = "asc" if not same or self.filters.get("dir") == "desc" else "desc"
        self.filters = {**self.filters, "sort": key, "dir": direction}
        return await self._load()

    @rx.event
    async def next_page(self):
        return await self._load(min(self.page + 1, self.pages))

    @rx.event
    async def previous_page(self):
        return await self._load(max(self.page - 1, 1))
