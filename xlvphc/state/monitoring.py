"""Theo dõi vận hành thử: per-unit progress for the Department of Justice."""

import reflex as rx

from xlvphc.services import monitoring
from xlvphc.state.session import SessionState


class MonitoringState(SessionState):
    rows: list[dict] = []
    summary: dict[str, str] = {}
    filters: dict[str, str] = {}

    def _load(self):
        ok, result = self._call(monitoring.unit_progress, self.filters)
        if not ok:
            return result
        self.rows = result["rows"]
        self.summary = {k: str(v) for k, v in result["summary"].items()}

    @rx.event
    def open(self):
        return self._load()

    @rx.event
    def apply(self, form: dict):
        form = form if isinstance(form, dict) else {}
        self.filters = {k: str(form.get(k) or "")[:20] for k in ("group", "only")}
        return self._load()
