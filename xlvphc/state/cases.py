"""Case list and case detail."""

import json
import logging
from urllib.parse import urlencode

import reflex as rx

from xlvphc import routes
from xlvphc.services import (
    case_edit,
    case_queries,
    export,
    list_filters,
    printing,
    recycle_bin,
    search_hints,
)
from xlvphc.services.errors import PermissionDenied
from xlvphc.state.list_sort import normal_sort
from xlvphc.state.session import SessionState

log = logging.getLogger(__name__)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What the list's address bar may carry (issue 6: a shared link opens the same
# list for a colleague with the same rights; the services still apply scope).
FILTER_KEYS = (
    "q",
    "unit",
    "field",
    "status",
    "enforcement",
    "group",
    "v_from",
    "v_to",
    "r_from",
    "r_to",
    "d_from",
    "d_to",
    "amount_min",
    "amount_max",
    "overdue",
    "decree",
    "article",
    "sort",
    "dir",
)


def _case_id(value: object) -> int:
    """The id from the address bar; anything else becomes 0 (not found)."""
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) < 12 else 0


def _clean_filters(source: object) -> dict[str, str]:
    """Only known keys, as short strings; empty values dropped; the sort as
    case_queries reads it (an unknown column: the default order; a known
    one without "asc": descending)."""
    data = source if isinstance(source, dict) else {}
    out = {}
    for key in FILTER_KEYS:
        value = data.get(key)
        if isinstance(value, list):
            value = value[0] if value else ""
        if isinstance(value, bool):
            value = "1" if value else ""
        text = str(value or "").strip()[:200]
        if text:
            out[key] = text
    return normal_sort(out, case_queries.SORTS, "desc")


class CaseListState(SessionState):
    rows: list[dict] = []
    total: int = 0
    more: bool = False  # more matches than the count cap
    page: int = 1
    pages: int = 1
    filters: dict[str, str] = {}
    units: list[dict] = []
    fields: list[dict] = []
    # Changes whenever the filters come from the address bar, so the
    # uncontrolled filter form is drawn again with those values.
    form_key: int = 0
    exporting: bool = False

    @rx.var
    def search_hint(self) -> str:
        """How to type a number, when the search is only its symbol."""
        return search_hints.number_hint(self.filters.get("q", ""))

    async def _load(self):
        """The query runs in a thread: a province-wide list must not hold up
        every other user's events on this worker (bench/RESULTS.md)."""
        ok, result = await self._call_in_thread(
            case_queries.list_cases, self.filters, self.page
        )
        if not ok:
            return result
        self._show_page(result)

    def _show_page(self, result: dict) -> None:
        self.rows = result["rows"]
        self.total = result["total"]
        self.more = result["more"]
        self.page = result["page"]
        self.pages = result["pages"]
        # A filter that could not be read was left out: say so at its box.
        if result["problems"]:
            self.errors = result["problems"]
            self.message = list_filters.NOT_APPLIED

    def _sync_url(self):
        """Write the filters and page into the address bar without reloading."""
        query = dict(self.filters)
        if self.page > 1:
            query["trang"] = str(self.page)
        url = routes.CASES + ("?" + urlencode(query) if query else "")
        return rx.call_script(
            f"window.history.replaceState(null, '', {json.dumps(url)})"
        )

    async def _load_and_sync(self):
        """Load the page, then show the filters in the address bar (a failed
        load returns its redirect instead)."""
        redirect = await self._load()
        return redirect if redirect else self._sync_url()

    @rx.event
    async def open(self):
        params = dict(self.router.url.query_parameters)
        self.filters = _clean_filters(params)
        page = str(params.get("trang") or "1")
        self.page = int(page) if page.isdigit() and len(page) < 7 else 1
        self.form_key += 1
        ok, result = await self._call_in_thread(
            case_queries.open_list, self.filters, self.page
        )
        if not ok:
            return result
        choices = result["choices"]
        # Sent to the browser only when they differ from what it holds.
        if (self.units, self.fields) != (choices["units"], choices["fields"]):
            self.units, self.fields = choices["units"], choices["fields"]
        self._show_page(result["page"])

    @rx.event
    async def search(self, form: dict):
        self.filters = _clean_filters(
            {
                **(form if isinstance(form, dict) else {}),
                "sort": self.filters.get("sort", ""),
                "dir": self.filters.get("dir", ""),
            }
        )
        self.page = 1
        return await self._load_and_sync()

    @rx.event
    async def clear(self):
        self.filters = {}
        self.page = 1
        self.form_key += 1
        return await self._load_and_sync()

    @rx.event
    async def sort_by(self, key: str):
        """Click a column heading: sort by it; click again to reverse."""
        if not isinstance(key, str) or key not in case_queries.SORTS:
            return None
        same = self.filters.get("sort") == key
        direction = "asc" if not same or self.filters.get("dir") == "desc" else "desc"
        self.filters = {**self.filters, "sort": key, "dir": direction}
        self.page = 1
        return await self._load_and_sync()

    @rx.event
    async def next_page(self):
        if self.page < self.pages:
            self.page += 1
        return await self._load_and_sync()

    @rx.event
    async def previous_page(self):
        if self.page > 1:
            self.page -= 1
        return await self._load_and_sync()

    @rx.event
    async def export(self):
        """The whole result as Excel, built off the event loop."""
        self.exporting = True
        yield
        ok, result = await self._call_in_thread(export.export_cases, self.filters)
        self.exporting = False
        if not ok:
            yield result
            return
        filename, data = result
        yield rx.download(
            data=data,
            filename=filename,
            mime_type=XLSX_MIME,
        )


# _case_or_refusal's answer for a case of the user's own units that lies in
# the recycle bin.
IN_BIN = "in_bin"


def _case_or_refusal(
    actor, case_id: int, fetch=None, where: str = "CaseDetailState.open"
) -> dict | str:
    """What `fetch(actor, case_id)` gives a case page (the case page's data
    by default), or the kind of refusal when the service refuses it: the
    page then shows its refusal panel with the way back, instead of the bare
    refusal sentence. The service's refusal itself is unchanged; a case
    that is missing or another unit's gives the same "", and only a case of
    the user's own units in the recycle bin is told apart (IN_BIN)."""
    fetch = fetch or case_queries.get_case
    try:
        return fetch(actor, case_id)
    except PermissionDenied as exc:
        log.warning("refused %s: %s", where, type(exc).__name__)
        return IN_BIN if recycle_bin.in_bin(actor, case_id) else ""


class CaseRefusalMixin(rx.State, mixin=True):
    """Whether a page opened on one case (?id=) was refused it: every such
    page shows the same refusal block (components.guard.case_refusal; user
    trial: the edit and decision pages showed a bare sentence without the
    way back the case page and the guide promise)."""

    # The case could not be opened (see _case_or_refusal).
    refused: bool = False
    # It could not because it is in the recycle bin (the user's own units).
    in_bin: bool = False

    def _take_refusal(self, result: object) -> bool:
        """Record `_case_or_refusal`'s answer; True when it was a refusal."""
        self.refused = not isinstance(result, dict)
        self.in_bin = result == IN_BIN
        return self.refused


class CaseDetailState(CaseRefusalMixin, SessionState):
    case: dict = {}
    acts: list[dict] = []
    violator: list[dict] = []
    timeline: list[dict] = []
    printing: bool = False

    @rx.event
    async def open(self):
        self.case, self.acts, self.violator, self.timeline = {}, [], [], []
        self.refused = self.in_bin = False
        case_id = _case_id(self.router.url.query_parameters.get("id"))
        ok, result = await self._call_in_thread(_case_or_refusal, case_id)
        if not ok:
            return result
        if self._take_refusal(result):
            return None
        self.acts = result.pop("acts")
        self.violator = result.pop("violator")
        self.timeline = result.pop("timeline")
        self.case = result

    @rx.event
    async def print_form(self, form: str):
        """Rendering runs in a thread so other users are not held up."""
        case_id = self.case.get("id")
        self.printing = True
        yield
        ok, result = await self._call_in_thread(printing.print_form, case_id, form)
        self.printing = False
        if not ok:
            yield result
            return
        filename, data = result
        yield rx.download(data=data, filename=filename, mime_type="application/pdf")

    @rx.event
    async def fill_record_date(self, form: dict):
        """The date of an imported record the register left out, typed from
        the paper record; the page is read again to show it."""
        # Any browser may send anything: a form that is not a dict is empty.
        form = form if isinstance(form, dict) else {}
        # Reflex may key the box by its id rather than its name.
        typed = form.get("record_date") or form.get("bo-sung-ngay-bb") or ""
        data = {"record_date": typed, "version": self.case.get("version")}
        ok, result = await self._call_in_thread(
            case_edit.fill_record_date, self.case.get("id"), data)
        if not ok:
            return result
        # state.case_edit imports this module: its history state comes late.
        from xlvphc.state.case_edit import CaseHistoryState

        # The change history lists the new date at once, not after a reload
        # (user trial).
        return [
            CaseDetailState.open,
            CaseHistoryState.load,
            rx.toast.success("Đã ghi ngày lập biên bản."),
        ]

    @rx.event
    def go_decision(self):
        return rx.redirect(f"{routes.CASE_DECISION}?id={self.case.get('id')}")
