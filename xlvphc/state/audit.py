"""The audit log screen: filters, a page of events, export."""

import reflex as rx

from xlvphc.services import audit_log
from xlvphc.state.session import SessionState

FILTER_KEYS = ("user", "unit_id", "action", "date_from", "date_to")


class AuditState(SessionState):
    rows: list[dict] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    filters: dict[str, str] = {}
    actions: list[dict] = audit_log.action_choices()
    units: list[dict] = []
    # The list shown is that of the last valid filters, not of those in the
    # boxes (one was refused): the page says so above it.
    kept_previous: bool = False

    async def _load(self, shown: tuple[dict, int] | None = None):
        """`shown`: the filters and page of the list on the screen, kept
        when the new filters are refused."""
        ok, result = await self._call_in_thread(
            audit_log.search, self.filters, self.page
        )
        if not ok and shown is not None and self.errors:
            self.filters, self.page = shown
            self.kept_previous = True
            return result
        self.kept_previous = False
        if not ok:
            # Other failures (session gone, no right) show nothing.
            self.rows, self.total, self.page, self.pages = [], 0, 1, 1
            return result
        self.rows = result["rows"]
        self.total = result["total"]
        self.page = result["page"]
        self.pages = result["pages"]

    @rx.event
    async def open(self):
        self.rows = []
        self.page = 1
        ok, result = await self._call_in_thread(audit_log.unit_choices)
        if not ok:
            return result
        self.units = result
        return await self._load()

    @rx.event
    async def search(self, form: dict):
        """A refused filter (31/02/2026 as Từ ngày, a reversed range) is
        told at its box and the last results stay, marked as such, with
        their filters for the pager and the export (user trial: the list
        went to «Có 0 sự kiện» as if nothing matched)."""
        form = form if isinstance(form, dict) else {}
        shown = self.filters, self.page
        self.filters = {k: str(form.get(k) or "")[:64] for k in FILTER_KEYS}
        self.page = 1
        return await self._load(shown)

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
    async def export(self):
        ok, result = await self._call_in_thread(audit_log.export_xlsx, self.filters)
        if not ok:
            return result
        filename, data = result
        return rx.download(
            data=data,
            filename=filename,
            mime_type="application/vnd.openxmlformats-officedocument.spreadsheetml"
            ".sheet",
        )
