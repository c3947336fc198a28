"""The audit log screen: filters, a page of events, export."""

from typing import ClassVar

import reflex as rx

from xlvphc.services import audit_log
from xlvphc.state.session import SessionState
from xlvphc.state.unit_finder import UnitFinderMixin

FILTER_KEYS = ("user", "unit_id", "action", "date_from", "date_to")
# What the form's hidden «intent» box holds when «Xuất Excel» sent it
# (pages/audit.py EXPORT_SCRIPT); «Lọc» leaves it empty.
EXPORT = "export"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class AuditState(UnitFinderMixin, SessionState):
    # The Đơn vị filter and its «Tìm đơn vị» box (state/unit_finder.py).
    UNIT_PICKERS: ClassVar[dict[str, str]] = {"unit_id": "units"}

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
        _ok, outcome = await self._listed(shown)
        return outcome

    async def _listed(self, shown: tuple[dict, int] | None = None):
        """As `_load`, with whether the list is that of `self.filters`."""
        ok, result = await self._call_in_thread(
            audit_log.search, self.filters, self.page
        )
        if not ok and shown is not None and self.errors:
            self.filters, self.page = shown
            self.kept_previous = True
            return False, result
        self.kept_previous = False
        if not ok:
            # Other failures (session gone, no right) show nothing.
            self.rows, self.total, self.page, self.pages = [], 0, 1, 1
            return False, result
        self.rows = result["rows"]
        self.total = result["total"]
        self.page = result["page"]
        self.pages = result["pages"]
        return True, None

    @rx.event
    async def open(self):
        self.rows = []
        self.page = 1
        ok, result = await self._call_in_thread(audit_log.unit_choices)
        if not ok:
            return result
        self.units = result
        self._refind_units()
        return await self._load()

    @rx.event
    async def search(self, form: dict):
        """A refused filter (31/02/2026 as Từ ngày, a reversed range) is
        told at its box and the last results stay, marked as such, with
        their filters for the pager (user trial: the list went to «Có 0 sự
        kiện» as if nothing matched). «Xuất Excel» sends the form too, with
        its hidden «intent» box set: see `_apply`."""
        form = form if isinstance(form, dict) else {}
        return await self._apply(form, form.get("intent") == EXPORT)

    @rx.event
    async def export(self, form: object = None):
        """The file of the boxes sent; a call without them (not the page's)
        exports the filters of the list shown."""
        form = form if isinstance(form, dict) else dict(self.filters)
        return await self._apply(form, True)

    async def _apply(self, form: dict, export: bool):
        """Filter the list by the boxes and, for an export, make the file of
        the same filters: it exported the last filters applied, whatever the
        boxes showed, and a bad date typed there was not refused (user
        trial). A refused box refuses the export too, at the box, as Lọc
        does; the list shown is then what the file holds."""
        shown = self.filters, self.page
        self.filters = {k: str(form.get(k) or "")[:64] for k in FILTER_KEYS}
        self.page = 1
        ok, outcome = await self._listed(shown)
        if not ok or not export:
            return outcome
        ok, result = await self._call_in_thread(audit_log.export_xlsx, self.filters)
        if not ok:
            return result
        filename, data = result
        return rx.download(data=data, filename=filename, mime_type=XLSX)

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
