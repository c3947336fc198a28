"""Lập biên bản (new case) and Ra quyết định (decision) forms."""

import secrets

import reflex as rx

from xlvphc import routes
from xlvphc.components import form_guard
from xlvphc.domain.dates import fmt_date
from xlvphc.domain.fines import (
    count_circumstances,
    default_fine,
    fine_with_circumstances,
)
from xlvphc.domain.money import format_number
from xlvphc.models.base import local_now
from xlvphc.services import accounts, case_queries, cases, catalogue, signer_fit
from xlvphc.services.access import Action
from xlvphc.services.case_input import FINE_TYPED
from xlvphc.services.procedure.decision_hints import decision_hints
from xlvphc.state.cases import CaseRefusalMixin, _case_id, _case_or_refusal
from xlvphc.state.catalogue_picker import CataloguePickerMixin
from xlvphc.state.session import SessionState
from xlvphc.state.violator_form import INDIVIDUAL, ViolatorKindMixin


class CaseFormState(ViolatorKindMixin, CataloguePickerMixin, SessionState):
    ready: bool = False
    today: str = ""
    now_time: str = ""
    maker_name: str = ""
    maker_title: str = ""
    # The account's signer title code: on the spot (MQĐ01) the officer who
    # records is the one who decides, so the ceiling check starts from it.
    maker_code: str = ""
    # The signer the on-the-spot decision suggests, as the decision form
    # does (accounts.signer_defaults): an account with a signer title only,
    # never the data-entry officer's own job title, so an empty title is
    # printed from the chosen sanctioning title and the unit.
    signer_name: str = ""
    signer_title: str = ""
    # The sanctioning titles of the user's unit, the only ones the
    # on-the-spot decision takes (services.signer_fit): {"id", "name"}.
    signer_options: list[dict] = []
    # The unit's case this one may repeat (same violator, same violation
    # date), named by the last refused save: the form then shows its link
    # and the «Vẫn lưu hồ sơ mới» box (services.cases), until the page is
    # opened again.
    duplicate_id: str = ""
    # Keys the form: an opening that changes the user's own defaults (the
    # maker, the signer) draws fresh boxes. They are uncontrolled, so a box
    # drawn before `open`, with the tab's last values, kept them (user trial:
    # after a logout, the next user's record named the previous user as its
    # maker). Not at every opening: a redraw empties what was typed in the
    # moment before `open` answered.
    form_key: int = 0
    _request_key: str = ""
    # The case saved under this request key: a second click on "Lưu" that
    # reached the server after the first was saved goes to it without a
    # second "Đã lưu" toast.
    _saved_id: int = 0

    def _own_defaults(self) -> tuple:
        """What the boxes take from the user's account."""
        return (self.maker_name, self.maker_title, self.maker_code,
                self.signer_name, self.signer_title)

    @rx.event
    async def open(self):
        self.ready = False
        actor, redirect = await self._login_or_redirect()
        if actor is None:
            return redirect
        held = self._own_defaults()
        now = local_now()
        self.today = fmt_date(now.date())
        self.now_time = now.strftime("%H:%M")
        self.maker_name = actor.full_name
        self.maker_title = actor.title
        self.maker_code = self.signer_name = self.signer_title = ""
        self.signer_options = []
        if actor.can(Action.CASE_WRITE):
            ok, signer = await self._call_in_thread(accounts.signer_defaults)
            if ok and isinstance(signer, dict):
                self.maker_code = signer.get("code", "")
                self.signer_name = signer.get("name", "")
                self.signer_title = signer.get("title", "")
            ok, options = await self._call_in_thread(signer_fit.decision_choices)
            if ok and isinstance(options, list):
                self.signer_options = options
        self.kind = INDIVIDUAL
        self._check_age(birth="", violated=self.today)
        self._reset_picker()
        self.selected = []
        self._request_key = secrets.token_hex(16)
        self._saved_id = 0
        self.duplicate_id = ""
        if self._own_defaults() != held:
            self.form_key += 1
        self.ready = True
        # Asked after the reset above, so that it cannot be undone by it.
        return form_guard.draft_acts(CaseFormState.restore_acts)

    @rx.event
    async def restore_acts(self, act_ids: list):
        """The acts chosen in the tab's draft, handed back by the script once
        `open` is done (components/form_guard.py): catalogue ids, and the
        typed acts («ngoài danh mục») as objects of their boxes. Any browser
        can send anything: the services keep only catalogue rows and typed
        acts they check again, added as a pick is."""
        if not self.ready or not isinstance(act_ids, list) or not act_ids:
            return
        ids = [a for a in act_ids if not isinstance(a, dict)]
        typed = [a for a in act_ids if isinstance(a, dict)]
        if ids:
            ok, rows = await self._call_in_thread(catalogue.rows_by_id, ids)
            if ok:
                for row in rows:
                    self._add_row(row)
        if typed:
            await self._restore_typed(typed)

    @rx.event
    async def submit(self, form: dict):
        if self._saved_id:
            return rx.redirect(f"{routes.CASE_DETAIL}?id={self._saved_id}")
        form = self._violator_form(form)
        form["act_ids"] = self._act_ids()
        form["typed_acts"] = self._typed_acts()
        ok, result = await self._call_in_thread(
            cases.create_case, form, self._request_key
        )
        if not ok:
            self._show_duplicate()
            self._show_violator_errors()
            return [result, rx.scroll_to("thong-bao-loi")] if result else \
                rx.scroll_to("thong-bao-loi")
        self._saved_id = result
        return [
            form_guard.saved(),
            rx.toast.success("Đã lưu hồ sơ và biên bản."),
            rx.redirect(f"{routes.CASE_DETAIL}?id={result}"),
        ]

    def _show_duplicate(self) -> None:
        """Keep the id of the case a refused save may repeat for the form's
        link; it is not a field, so it leaves `errors`."""
        if cases.DUPLICATE_CASE in self.errors:
            self.duplicate_id = self.errors[cases.DUPLICATE_CASE]
            self.errors = {
                k: v for k, v in self.errors.items() if k != cases.DUPLICATE_CASE
            }



def suggest_fine(act: dict, mitigating: int, aggravating: int) -> dict:
    """One act row with its suggested fine for these circumstances (a
    warning-only act, without a frame, is left alone).

    The suggestion goes into the box only while the box still holds what
    the form put there; an amount the user typed (`typed`, set at the first
    key typed in the box, `fine_typed`, even an amount equal to the one
    the form put there) is never replaced: the suggestion is then shown
    beside it, and the service refuses a typed amount the circumstances do
    not allow, saying the allowed range (user trial: a typed 9.000.000
    became 6.250.000 without a word; a typed amount equal to the average
    was taken for one left untouched and replaced)."""
    low, high = act.get("low"), act.get("high")
    if not (isinstance(low, int) and isinstance(high, int) and 0 < low <= high):
        return act
    if mitigating or aggravating:
        advice = fine_with_circumstances(low, high, mitigating, aggravating)
        amount, basis = advice.suggested, advice.basis
    else:
        amount, basis = default_fine(low, high), ""
    suggested = format_number(amount)
    row = {**act, "suggested": suggested, "advice": basis}
    if not act.get("typed"):
        row["default_fine"] = suggested
    return row


def _case_and_hints(actor, case_id: object) -> dict | str:
    """The decision form's case with what it tells of its decision (the
    catalogue's remedial measures for its acts, the overdue deadline:
    services/procedure/decision_hints.py), in one trip to a worker thread;
    a case the actor may not decide fails in `case_to_decide` first, and
    is answered as the kind of refusal the page shows (_case_or_refusal)."""
    found = _case_or_refusal(
        actor, case_id, case_queries.case_to_decide, "DecisionFormState.open"
    )
    if not isinstance(found, dict):
        return found
    return {**found, **decision_hints(actor, found["id"])}


class DecisionFormState(CaseRefusalMixin, SessionState):
    ready: bool = False
    # Fresh boxes when the account's signer defaults change
    # (CaseFormState.form_key): another user's signer must not stay.
    form_key: int = 0
    case: dict = {}
    acts: list[dict] = []
    today: str = ""
    # The signer suggested from the account (accounts.signer_defaults).
    signer_name: str = ""
    signer_title: str = ""
    signer_code: str = ""
    # The titles of the case's unit (services.signer_fit): {"id", "name"}.
    signer_options: list[dict] = []
    # Circumstances counted when their box was last left (recount).
    _mitigating: int = 0
    _aggravating: int = 0
    # The decision deadline (Law Art. 66 k1) has passed: the alert of the
    # case page, shown above the form ("" when it has not).
    overdue_title: str = ""
    overdue_text: str = ""
    # «Biện pháp khắc phục hậu quả», as the fines: what the box starts with,
    # the measures the catalogue gives for the case's acts (computed by the
    # service, services/procedure/decision_hints.py), whether the box holds
    # something else the user typed, and a counter that redraws the box when
    # the suggestion is taken.
    remedial_default: str = ""
    remedial_suggested: str = ""
    remedial_typed: bool = False
    remedial_box: int = 0

    @rx.event
    async def open(self):
        self.ready = False
        self.refused = self.in_bin = False
        self._mitigating = self._aggravating = 0
        case_id = _case_id(self.router.url.query_parameters.get("id"))
        ok, result = await self._call_in_thread(_case_and_hints, case_id)
        if not ok:
            return result
        if self._take_refusal(result):
            return None
        if result["status_code"] != "recorded":
            return rx.redirect(f"{routes.CASE_DETAIL}?id={case_id}")
        # Each fine box: its start value (`default_fine`), the suggestion,
        # whether the user typed in it (`typed`, "1"), and a counter that
        # redraws the box when the suggestion is taken. The form itself
        # also carries whether each box was typed in (case_input.FINE_TYPED).
        self.acts = [
            {**act, "suggested": act.get("default_fine", ""), "typed": "",
             "box": "0"}
            for act in result.pop("acts")
        ]
        result.pop("violator")
        result.pop("timeline")
        overdue = result.pop("overdue", None) or {}
        self.overdue_title = overdue.get("title", "")
        self.overdue_text = overdue.get("text", "")
        self.remedial_suggested = result.pop("remedial_suggestion", "")
        self.remedial_default = self.remedial_suggested
        self.remedial_typed = False
        self.remedial_box += 1
        self.case = result
        self.today = fmt_date(local_now().date())
        ok, signer = await self._call_in_thread(accounts.signer_defaults)
        signer = signer if ok and isinstance(signer, dict) else {}
        held = (self.signer_name, self.signer_title, self.signer_code)
        self.signer_name = signer.get("name", "")
        self.signer_title = signer.get("title", "")
        self.signer_code = signer.get("code", "")
        ok, options = await self._call_in_thread(signer_fit.decision_choices, case_id)
        self.signer_options = options if ok and isinstance(options, list) else []
        if (self.signer_name, self.signer_title, self.signer_code) != held:
            self.form_key += 1
        self.ready = True

    @rx.event
    def recount(self, kind: str, text: str):
        """Suggest each act's fine again from the circumstances typed, one per
        line, as the service will judge them (NĐ 118 Điều 9 as rewritten by
        NĐ 68/2025). Pure arithmetic on the frames already loaded."""
        if kind not in ("mitigating", "aggravating") or not isinstance(text, str):
            return
        count = count_circumstances(text[:2000])
        if kind == "mitigating":
            self._mitigating = count
        else:
            self._aggravating = count
        self.acts = [
            suggest_fine(act, self._mitigating, self._aggravating) for act in self.acts
        ]

    @rx.event
    def fine_typed(self, act_id: int):
        """Something was typed in a fine box: the amount is the user's, even
        one equal to what the form put there, and a new suggestion no longer
        replaces it (suggest_fine). Told at each key, not by comparing the
        box with its start value when it is left (user trial: a typed
        35.000.000, the average, was replaced by the suggestion). The
        argument comes from the browser unchecked."""
        if isinstance(act_id, bool):
            return
        for i, act in enumerate(self.acts):
            if act.get("id") == act_id:
                if not act.get("typed"):
                    self.acts[i] = {**act, "typed": "1"}
                return

    @rx.event
    def use_suggestion(self, act_id: int):
        """Put the suggested fine into the box, as the user asked (the
        "Dùng mức gợi ý" button); the box is drawn again to show it, and the
        refusal of the amount it held goes with it (user trial: "Mức phạt
        phải trong khung" stayed under the suggested fine until the next
        submit)."""
        for i, act in enumerate(self.acts):
            if act.get("id") == act_id and act.get("suggested"):
                self.acts[i] = {
                    **act,
                    "default_fine": act["suggested"],
                    "typed": "",
                    "box": str(int(act.get("box") or 0) + 1),
                }
                key = f"fine_{act_id}"
                if key in self.errors:
                    self.errors = {k: v for k, v in self.errors.items() if k != key}
                return

    @rx.event
    def remedial_left(self, value: str):
        """The remedial box was left: while it holds anything but the
        suggestion, the text is the user's, kept as typed, and the
        suggestion is offered beside it (use_remedial_suggestion). The value
        comes from the browser unchecked; it is only compared."""
        if not isinstance(value, str):
            return
        self.remedial_typed = value.strip() != self.remedial_suggested.strip()

    @rx.event
    def use_remedial_suggestion(self):
        """Put the suggested measures into the box, as the user asked (the
        "Dùng gợi ý" button): the text the service computed, never one sent
        by the browser."""
        if not self.remedial_suggested:
            return
        self.remedial_default = self.remedial_suggested
        self.remedial_typed = False
        self.remedial_box += 1

    @rx.event
    async def submit(self, form: dict):
        """Issue the decision. Whether each fine box was typed in travels
        with the form (set in the page at the first key, case_input.
        FINE_TYPED); a box this state knows typed is marked too, should the
        page's script be missing. The service takes a box left untouched
        at the fine it suggests itself, so that a click right after a
        circumstance is typed, before its suggestion reaches the box, is
        not refused; the toast then says which fine was used."""
        form = dict(form) if isinstance(form, dict) else {}
        form["version"] = self.case.get("version")
        for act in self.acts:
            if act.get("typed"):
                form[f"{FINE_TYPED}{act.get('id')}"] = "1"
        case_id = self.case.get("id")
        ok, result = await self._call_in_thread(
            cases.issue_decision_told, case_id, form
        )
        if not ok:
            return [result, rx.scroll_to("thong-bao-loi")] if result else \
                rx.scroll_to("thong-bao-loi")
        number, notes = result
        told = " ".join([f"Đã ra quyết định số {number}.", *notes])
        return [
            form_guard.saved(),
            # Longer when it names fines: there is more to read.
            rx.toast.success(told, duration=12000) if notes
            else rx.toast.success(told),
            rx.redirect(f"{routes.CASE_DETAIL}?id={case_id}"),
        ]
