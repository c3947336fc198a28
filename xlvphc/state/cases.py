"""Case list and case detail."""

import reflex as rx

from xlvphc import routes
from xlvphc.services import case_queries, printing
from xlvphc.state.session import SessionState

FILTER_KEYS = ("q", "status", "date_from", "date_to")


def _case_id(value: object) -> int:
    """The id from the address bar; anything else becomes 0 (not found)."""
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) < 12 else 0


class CaseListState(SessionState):
    rows: list[dict] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    filters: dict[str, str] = {}

    def _load(self):
        ok, result = self._call(case_queries.list_cases, self.filters, self.page)
        if not ok:
            return result
        self.rows = result["rows"]
        self.total = result["total"]
        self.page = result["page"]
        self.pages = result["pages"]

    @rx.event
    def open(self):
        self.page = 1
        return self._load()

    @rx.event
    def search(self, form: dict):
        form = form if isinstance(form, dict) else {}
        self.filters = {k: str(form.get(k) or "")[:200] for k in FILTER_KEYS}
        self.page = 1
        return self._load()

    @rx.event
    def next_page(self):
        if self.page < self.pages:
            self.page += 1
        return self._load()

    @rx.event
    def previous_page(self):
        if self.page > 1:
            self.page -= 1
        return self._load()


class CaseDetailState(SessionState):
    case: dict = {}
    acts: list[dict] = []
    violator: list[dict] = []
    timeline: list[dict] = []
    printing: bool = False

    @rx.event
    def open(self):
        self.case, self.acts, self.violator, self.timeline = {}, [], [], []
        case_id = _case_id(self.router.page.params.get("id"))
        ok, result = self._call(case_queries.get_case, case_id)
        if not ok:
            return result
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
    def go_decision(self):
        return rx.redirect(f"{routes.CASE_DECISION}?id={self.case.get('id')}")
