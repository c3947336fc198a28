"""Theo dõi vận hành thử: per-unit progress for the Department of Justice."""

import reflex as rx

from xlvphc.services import monitoring
from xlvphc.state.session import SessionState


class MonitoringState(SessionState):
    rows: list[dict] = []
    summary: dict[str, str] = {}
    filters: dict[str, str] = {}

    async def _load(self):
        ok, result = await self._call_in_thread(monitoring.unit_progress, self.filters)
        if not ok:
            return result
        self.rows = result["rows"]
        self.summary = {k: str(v) for k, v in result["summary"].items()}

    @rx.event
    async def open(self):
        return await self._load()

    @rx.event
    async def apply(self, form: dict):
        form = form if isinstance(form, dict) else {}
        self.filters = {k: str(form.get(k) or "")[:20] for k in ("group", "only")}
        return await self._load()
