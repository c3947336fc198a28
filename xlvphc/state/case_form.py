"""Lập biên bản (new case) and Ra quyết định (decision) forms."""

import secrets

import reflex as rx

from xlvphc import routes
from xlvphc.domain.dates import fmt_date
from xlvphc.models.base import local_now
from xlvphc.services import case_queries, cases, catalogue
from xlvphc.state.cases import _case_id
from xlvphc.state.session import SessionState

MAX_ACTS = 20


class CaseFormState(SessionState):
    ready: bool = False
    kind: str = "individual"
    today: str = ""
    now_time: str = ""
    maker_name: str = ""
    maker_title: str = ""
    catalogue_results: list[dict] = []
    # Why a typed search found nothing, and what to try (catalogue.find).
    catalogue_message: str = ""
    catalogue_tips: list[str] = []
    selected: list[dict] = []
    _request_key: str = ""

    @rx.event
    def open(self):
        self.ready = False
        redirect = self._check_login()
        if redirect:
            return redirect
        now = local_now()
        self.today = fmt_date(now.date())
        self.now_time = now.strftime("%H:%M")
        actor = self._actor()
        self.maker_name = actor.full_name
        self.maker_title = actor.title
        self.kind = "individual"
        self.catalogue_results = []
        self.catalogue_message, self.catalogue_tips = "", []
        self.selected = []
        self._request_key = secrets.token_hex(16)
        self.ready = True

    @rx.event
    def set_kind(self, value: str):
        self.kind = "organisation" if value == "organisation" else "individual"

    @rx.event
    def search_catalogue(self, query: str):
        ok, result = self._call(catalogue.find, str(query or "")[:200])
        if ok:
            self.catalogue_results = result["rows"]
            self.catalogue_message = result["message"]
            self.catalogue_tips = result["tips"]

    @rx.event
    def add_act(self, act_id: str):
        """Only rows the server itself listed can be added."""
        row = next((r for r in self.catalogue_results if r["id"] == act_id), None)
        if row is None or len(self.selected) >= MAX_ACTS:
            return
        if all(s["id"] != act_id for s in self.selected):
            self.selected = self.selected + [row]

    @rx.event
    def remove_act(self, act_id: str):
        self.selected = [s for s in self.selected if s["id"] != act_id]

    @rx.event
    def submit(self, form: dict):
        form = dict(form) if isinstance(form, dict) else {}
        form["act_ids"] = ",".join(s["id"] for s in self.selected)
        form["kind"] = self.kind
        ok, result = self._call(cases.create_case, form, self._request_key)
        if not ok:
            return [result, rx.scroll_to("thong-bao-loi")] if result else \
                rx.scroll_to("thong-bao-loi")
        return [
            rx.toast.success("Đã lưu hồ sơ và biên bản."),
            rx.redirect(f"{routes.CASE_DETAIL}?id={result}"),
        ]


class DecisionFormState(SessionState):
    ready: bool = False
    case: dict = {}
    acts: list[dict] = []
    today: str = ""

    @rx.event
    def open(self):
        self.ready = False
        case_id = _case_id(self.router.page.params.get("id"))
        ok, result = self._call(case_queries.get_case, case_id)
        if not ok:
            return result
        if result["status_code"] != "recorded":
            return rx.redirect(f"{routes.CASE_DETAIL}?id={case_id}")
        self.acts = result.pop("acts")
        result.pop("violator")
        result.pop("timeline")
        self.case = result
        self.today = fmt_date(local_now().date())
        self.ready = True

    @rx.event
    def submit(self, form: dict):
        form = dict(form) if isinstance(form, dict) else {}
        form["version"] = self.case.get("version")
        case_id = self.case.get("id")
        ok, result = self._call(cases.issue_decision, case_id, form)
        if not ok:
            return [result, rx.scroll_to("thong-bao-loi")] if result else \
                rx.scroll_to("thong-bao-loi")
        return [
            rx.toast.success(f"Đã ra quyết định số {result}."),
            rx.redirect(f"{routes.CASE_DETAIL}?id={case_id}"),
        ]
