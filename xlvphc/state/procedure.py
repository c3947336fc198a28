"""The "Xử lý tiếp" panel of the case page and the "Việc cần làm" page.

Only step codes the server itself offered can be submitted, and the case id
comes from the address bar through the services' own checks; every value the
browser sends is re-validated by the services."""

import reflex as rx

from xlvphc import routes
from xlvphc.services import procedure
from xlvphc.services.procedure import todo
from xlvphc.state.cases import CaseDetailState, _case_id
from xlvphc.state.session import SessionState

MAX_VALUE = 5000  # characters of one submitted field; the services cut further


class ProcedureState(SessionState):
    steps: list[dict] = []
    summary: list[dict] = []
    instalments: list[dict] = []
    items: list[dict] = []
    repeat: list[dict] = []
    selected: str = ""
    selected_label: str = ""
    selected_article: str = ""
    form_fields: list[dict] = []
    form_key: int = 0
    _case_id: int = 0
    _version: int = 0

    def _reload(self):
        ok, result = self._call(procedure.case_procedure, self._case_id)
        if not ok:
            return result
        self._version = result["version"]
        self.steps = result["steps"]
        self.summary = result["summary"]
        self.instalments = result["instalments"]
        self.items = result["items"]
        self.repeat = result["repeat"]
        return None

    @rx.event
    def load(self):
        self._case_id = _case_id(self.router.page.params.get("id"))
        self.selected = ""
        self.form_fields = []
        return self._reload()

    @rx.event
    def choose(self, code: str):
        """Open the small form of a step the server offered."""
        row = next((s for s in self.steps if s["code"] == code), None)
        if row is None:
            return
        if row["link"]:
            return CaseDetailState.go_decision
        self.errors = {}
        self.message = ""
        self.selected = row["code"]
        self.selected_label = row["label"]
        self.selected_article = row["article"]
        self.form_fields = row["fields"]
        self.form_key += 1

    @rx.event
    def cancel(self):
        self.selected = ""
        self.form_fields = []
        self.errors = {}
        self.message = ""

    @rx.event
    def submit(self, form: dict):
        if not self.selected or not isinstance(form, dict):
            return
        data = {
            str(k)[:40]: str(v)[:MAX_VALUE]
            for k, v in form.items()
            if isinstance(v, str)
        }
        data["version"] = self._version
        ok, result = self._call(procedure.perform, self._case_id, self.selected, data)
        if not ok:
            return result
        moved = self.selected == "transfer_unit"
        self.selected = ""
        self.form_fields = []
        if moved:  # the case now belongs to the receiving unit
            return [rx.toast.success(result[:200]), rx.redirect(routes.CASES)]
        self._reload()
        return [rx.toast.success(result[:200]), CaseDetailState.open]


class TodoState(SessionState):
    rows: list[dict] = []
    kind: str = ""
    kinds: list[dict] = [{"id": k, "name": v} for k, v in todo.KINDS.items()]

    def _load(self):
        ok, result = self._call(todo.todo_list, self.kind)
        if not ok:
            return result
        self.rows = result[:500]
        return None

    @rx.event
    def open(self):
        self.kind = ""
        return self._load()

    @rx.event
    def filter(self, kind: str):
        self.kind = kind if isinstance(kind, str) and kind in todo.KINDS else ""
        return self._load()

    @rx.var
    def overdue(self) -> int:
        return sum(1 for r in self.rows if r["days_left"] < 0)
