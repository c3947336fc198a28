"""Báo cáo: preview the statistical tables and export them. Exports run in a
background task with a progress bar, so a long report blocks nobody."""

import asyncio
import dataclasses
import logging
from typing import ClassVar

import reflex as rx

from xlvphc.domain.money import format_number
from xlvphc.services import auth, dashboard
from xlvphc.services.reports.export import FORMATS, export_report
from xlvphc.services.reports.queries import NO_SOURCE, build_report, table_values
from xlvphc.state.dashboard import FILTER_KEYS, year_in_use
from xlvphc.state.period_choice import PeriodChoiceMixin
from xlvphc.state.session import SessionState
from xlvphc.state.unit_group_choice import UnitGroupChoiceMixin

log = logging.getLogger(__name__)


@dataclasses.dataclass
class PreviewRow:
    kind: str  # section | unit | total
    cells: list[str]


@dataclasses.dataclass
class PreviewTable:
    title: str
    headers: list[str]
    rows: list[PreviewRow]


def _preview(report) -> list[PreviewTable]:
    """Each table as small rows of display strings."""
    out = []
    blocks = [
        (
            "A. Các cơ quan, đơn vị thuộc tỉnh",
            report.provincial,
            report.provincial_total,
        ),
        (
            "B. Công an và cơ quan ngành dọc (theo dõi riêng, không cộng vào "
            "tổng của tỉnh)",
            report.vertical,
            report.vertical_total,
        ),
    ]
    for table in report.tables:
        rows = []
        for title, units, total in blocks:
            rows.append(PreviewRow("section", [title]))
            for kind, row in [("unit", u) for u in units] + [("total", total)]:
                cells = [
                    NO_SOURCE if v is None else format_number(v)
                    for v in table_values(table, row)
                ]
                rows.append(PreviewRow(kind, [row.name, *cells]))
        headers = ["Đơn vị"] + [f"{c.code} {c.label}" for c in table.columns]
        out.append(PreviewTable(f"{table.code}. {table.title}", headers, rows))
    return out


class ReportState(UnitGroupChoiceMixin, PeriodChoiceMixin, SessionState):
    # The Đơn vị box follows the Nhóm đơn vị box as on Thống kê
    # (UnitGroupChoiceMixin); its note names this page's button.
    SUBMIT_LABEL: ClassVar[str] = "Lập báo cáo"

    fields: list[str] = []
    units: list[dict] = []
    period: str = ""
    tables: list[PreviewTable] = []
    notes: list[str] = []
    busy: bool = False
    progress: int = 0
    filters: dict[str, str] = {"period": "year"}
    # What the Năm box shows: the year the report is for.
    year_shown: str = ""

    @rx.event
    async def open(self):
        self.year_shown = year_in_use(self.filters)
        self._period_box_drawn()
        ok, result = await self._call_in_thread(dashboard.filter_choices)
        if not ok:
            return result
        self.fields = result["fields"]
        self.units = result["units"]
        self._unit_groups = result["groups"]
        self.group_choices = result["group_choices"]
        # The form is drawn with every box at its default (no group, no
        # unit): the Đơn vị box offers every unit again.
        self._boxes_sent({})
        self.tables, self.notes, self.period = [], [], ""

    @rx.event
    async def show(self, form: dict):
        """Build the report for the filters and show its tables."""
        form = form if isinstance(form, dict) else {}
        self.filters = {k: str(form.get(k) or "")[:120] for k in FILTER_KEYS}
        self.year_shown = year_in_use(self.filters)
        self._boxes_sent(self.filters)
        ok, report = await self._call_in_thread(build_report, self.filters)
        if not ok:
            # Tables of the previous filters must not stand under the error
            # as if they answered the new ones.
            self.tables, self.notes, self.period = [], [], ""
            return report
        self.period = report.period + (
            f" – {report.scope_label}" if report.scope_label else ""
        )
        self.tables = _preview(report)
        self.notes = report.notes
        if report.unit_note:
            # The group's report without the unit: the form says so, and
            # the export makes the same report.
            self._unit_dropped(report.unit_note)

    @rx.event(background=True)
    async def export(self, fmt: str):
        """Make the file in a thread and move the progress bar meanwhile."""
        async with self:
            if self.busy or not isinstance(fmt, str) or fmt not in FORMATS:
                return
            self.errors, self.message = {}, ""
            filters, token = dict(self.filters), self._secret()
            self.busy, self.progress = True, 5
        # The session is resolved off the loop and outside the state lock.
        try:
            actor = await asyncio.to_thread(auth.resolve, token)
        except Exception as exc:  # noqa: BLE001 - shown by _failure
            async with self:
                self.busy, self.progress = False, 0
                redirect = self._failure(exc, "export")
            if redirect is not None:
                yield redirect
            return

        done = [0.0]
        task = asyncio.create_task(
            asyncio.to_thread(
                export_report, actor, filters, fmt, lambda f: done.__setitem__(0, f)
            )
        )
        while not task.done():
            await asyncio.sleep(0.25)
            async with self:
                self.progress = max(self.progress, int(5 + 90 * done[0]))
        try:
            name, data, mime = task.result()
        except Exception as exc:
            async with self:
                self.busy = False
                redirect = self._failure(exc, "export_report")
            if redirect is not None:
                yield redirect
            return
        async with self:
            self.busy, self.progress = False, 100
        yield rx.download(data=data, filename=name, mime_type=mime)
