"""The "Xử lý tiếp" panel of the case page and the "Việc cần làm" page.

Only step codes the server itself offered can be submitted, and the case id
comes from the address bar through the services' own checks; every value the
browser sends is re-validated by the services."""

import reflex as rx

from xlvphc import routes
from xlvphc.components import form_guard
from xlvphc.services import procedure
from xlvphc.services.procedure import todo
from xlvphc.services.procedure.details import case_details
from xlvphc.state.case_edit import CaseHistoryState
from xlvphc.state.cases import CaseDetailState, _case_id
from xlvphc.state.session import SessionState

MAX_VALUE = 5000  # characters of one submitted field; the services cut further


def _procedure_and_details(actor, case_id: object) -> tuple[dict, list]:
    """The panel's two reads in one trip to a worker thread (one session
    check): the case page is opened often, on phones too. The details are
    what the form preview needs; a case the actor may not read fails in
    `case_procedure` first."""
    return (
        procedure.case_procedure(actor, case_id),
        case_details(actor, case_id),
    )


# Brings the step form just drawn into view and puts the cursor in its first
# box. The form is drawn under the step buttons, the summary and the details,
# on a phone some 400 px below the screen: the tap seemed to do nothing (user
# trial). The script waits for the form of this opening (its data-key is the
# new form_key), not a form of the step open before, for at most 3 seconds.
_SHOW_FORM = """(function(){const t=Date.now();(function go(){
const f=document.querySelector('#form-buoc[data-key="KEY"]');
if(!f){if(Date.now()-t<3000)requestAnimationFrame(go);return;}
const i=f.querySelector('input:not([type=hidden]),select,textarea');
if(i)i.focus({preventScroll:true});
f.scrollIntoView({block:'start'});})();})()"""


def _drop_hidden(fields: list[dict], data: dict) -> dict:
    """Leave out a box of another measure than the one chosen (its `only`,
    services/procedure/details.COERCE), and one whose checkbox (its `when`)
    is not ticked or not sent: hidden, it still holds what was typed before
    the measure changed or the box was unticked, and the service refuses,
    say, an account number with a salary deduction."""
    measure = data.get("code", "")
    only = {f.get("name"): f.get("only", "") for f in fields}
    if measure:
        data = {
            k: v
            for k, v in data.items()
            if measure in (only.get(k) or measure).split()
        }
    when = {f.get("name"): f.get("when", "") for f in fields}
    return {
        k: v for k, v in data.items() if not when.get(k) or data.get(when[k]) == "1"
    }


def _short(label: str, most: int = 60) -> str:
    """A box's label as a list names it: a ticked statement is a sentence."""
    return label if len(label) <= most else label[: most - 1].rstrip(" ,") + "…"


class ProcedureState(SessionState):
    steps: list[dict] = []
    summary: list[dict] = []
    instalments: list[dict] = []
    items: list[dict] = []
    repeat: list[dict] = []
    alerts: list[dict] = []  # a limitation that has run out, in red
    held: list[dict] = []  # a closing step not offered yet, and why
    # The decision is among the steps offered: the case page's button shows
    # only then (not for a violator under 14 or past the limitation).
    can_decide: bool = False
    details: list[dict] = []  # what the steps recorded for their forms
    selected: str = ""
    selected_label: str = ""
    selected_article: str = ""
    form_fields: list[dict] = []
    form_key: int = 0
    measure: str = ""  # the coercion measure chosen in the open form
    # The checkboxes of the open form ticked now that other boxes depend on
    # (FieldSpec.when): those boxes show only then.
    ticked: list[str] = []
    # The tab keeps what is typed in the open form under this key, per case
    # and step (components/form_guard.py): a reload or a menu link used to
    # lose it without a word (user trial).
    draft_key: str = ""
    _case_id: int = 0
    _version: int = 0

    async def _reload(self):
        ok, both = await self._call_in_thread(_procedure_and_details, self._case_id)
        if not ok:
            return both
        result, found = both
        self._version = result["version"]
        self.steps = result["steps"]
        self.summary = result["summary"]
        self.instalments = result["instalments"]
        self.items = result["items"]
        self.repeat = result["repeat"]
        self.alerts = result["alerts"]
        self.held = result.get("held", [])
        self.can_decide = any(s["code"] == "decide" for s in self.steps)
        self.details = found[:50]
        return None

    @rx.event
    async def load(self):
        self._case_id = _case_id(self.router.url.query_parameters.get("id"))
        self.can_decide = False  # until this case's steps are read
        self.selected = ""
        self.form_fields = []
        return await self._reload()

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
        self.measure = ""
        self.ticked = []
        self.form_key += 1
        self.draft_key = f"buoc-{self._case_id}-{row['code']}"
        return rx.call_script(_SHOW_FORM.replace("KEY", str(self.form_key)))

    @rx.event
    def pick(self, name: str, value: str):
        """A select of the open form changed: only the measure ("code" of a
        form whose boxes depend on it) matters, to show its boxes; display
        only."""
        if name == "code" and any(f.get("only") for f in self.form_fields):
            self.measure = str(value)[:40]

    @rx.event
    def tick(self, name: str, checked: bool):
        """A checkbox of the open form changed: recorded only when another
        box of the form shows with it; display only (the service checks)."""
        if not any(f.get("when") == name for f in self.form_fields):
            return
        kept = [n for n in self.ticked if n != name]
        self.ticked = [*kept, name] if checked is True else kept

    @rx.event
    def cancel(self):
        """Close the form: what was typed in it is given up, its draft too."""
        self.selected = ""
        self.form_fields = []
        self.errors = {}
        self.message = ""
        return form_guard.drop_draft(self.draft_key)

    def _name_refused_boxes(self) -> None:
        """Name, beside the button, every box the step refused, in the
        form's order: a long step form runs past a phone's screen, and a
        refusal at its bottom was found only after the others were fixed
        (user trial: the hardship box of the instalment form)."""
        if not self.errors:
            return
        labels = [
            _short(str(f.get("label", "")))
            for f in self.form_fields
            if f.get("name") in self.errors
        ]
        if labels:
            self.message = (
                f"Chưa ghi nhận: {len(labels)} ô cần sửa (chữ đỏ dưới ô): "
                + "; ".join(labels) + "."
            )

    @rx.event
    async def submit(self, form: dict):
        if not self.selected or not isinstance(form, dict):
            return
        data = {
            str(k)[:40]: str(v)[:MAX_VALUE]
            for k, v in form.items()
            if isinstance(v, str)
        }
        data = _drop_hidden(self.form_fields, data)
        data["version"] = self._version
        ok, result = await self._call_in_thread(
            procedure.perform, self._case_id, self.selected, data
        )
        if not ok:
            self._name_refused_boxes()
            return result
        moved = self.selected == "transfer_unit"
        self.selected = ""
        self.form_fields = []
        # Recorded: nothing typed is left to keep or to ask about.
        done = form_guard.drop_draft(self.draft_key)
        if moved:  # the case now belongs to the receiving unit
            return [done, rx.toast.success(result[:200]), rx.redirect(routes.CASES)]
        await self._reload()
        # The history tab lists the step too (status before and after).
        return [
            done,
            rx.toast.success(result[:200]),
            CaseDetailState.open,
            CaseHistoryState.load,
        ]


class TodoState(SessionState):
    """One page of "Việc cần làm" (at most todo.PAGE_SIZE rows), read off the
    event loop; the service clamps the page number and checks the kind."""

    rows: list[dict] = []
    kind: str = ""
    page: int = 1
    pages: int = 1
    total: int = 0
    more: bool = False  # counted up to todo.TOTAL_CAP
    overdue: int = 0
    overdue_more: bool = False
    kinds: list[dict] = [{"id": k, "name": v} for k, v in todo.KINDS.items()]

    async def _load(self, page: int):
        ok, result = await self._call_in_thread(todo.todo_page, self.kind, page)
        if not ok:
            self.rows = []
            return result
        self.rows = result["rows"][: todo.PAGE_SIZE]
        self.page = result["page"]
        self.pages = result["pages"]
        self.total = result["total"]
        self.more = result["more"]
        self.overdue = result["overdue"]
        self.overdue_more = result["overdue_more"]
        return None

    @rx.event
    async def open(self):
        self.kind = ""
        return await self._load(1)

    @rx.event
    async def filter(self, kind: str):
        self.kind = kind if isinstance(kind, str) and kind in todo.KINDS else ""
        return await self._load(1)

    @rx.event
    async def next_page(self):
        return await self._load(self.page + 1)

    @rx.event
    async def previous_page(self):
        return await self._load(max(self.page - 1, 1))


class TodoBadgeState(SessionState):
    """The count beside "Việc cần làm" in the page shell: deadlines overdue or
    due within todo.BADGE_DAYS days in the user's scope. Loaded when the
    shell mounts (every page), in a thread; a failure only leaves it empty,
    and it never touches the page's own errors or message."""

    todo_badge: str = ""

    @rx.event
    async def load_badge(self):
        shown = (self.errors, self.message)
        ok, result = await self._call_in_thread(todo.todo_count)
        self.errors, self.message = shown
        if not ok or not isinstance(result, int) or result <= 0:
            self.todo_badge = ""
        else:
            self.todo_badge = "99+" if result >= todo.BADGE_CAP else str(result)
