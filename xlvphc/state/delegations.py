"""Sổ giao quyền (Law Art. 54 k1, Art. 87 k2; NĐ 118/2021 Điều 10): list,
register and end delegations. The services decide who may do what; this
state only keeps the page's rows."""

import logging

import reflex as rx

from xlvphc.domain.dates import fmt_date
from xlvphc.models.base import local_now
from xlvphc.services import signer_fit
from xlvphc.services.access import Action
from xlvphc.services.printing_delegations import DELEGATION_FORMS
from xlvphc.services.procedure import delegation
from xlvphc.state.session import SessionState

log = logging.getLogger(__name__)

# The register lists the scope by its label; the print button needs its form.
_FORM_OF_LABEL = {
    label: DELEGATION_FORMS[code] for code, label in delegation.SCOPES.items()
}


class DelegationsState(SessionState):
    ready: bool = False
    rows: list[dict] = []
    can_register: bool = False
    # The head titles of the user's unit (services.signer_fit).
    head_options: list[dict] = []
    today: str = ""
    # The row whose "Chấm dứt" form is open (0: none).
    ending_id: int = 0
    ending_number: str = ""

    async def _reload(self):
        ok, result = await self._call_in_thread(delegation.list_delegations)
        if not ok:
            self.rows = []
            return result
        self.rows = [
            {**row, "form": _FORM_OF_LABEL.get(row["scope"], "")} for row in result
        ]
        self.can_register = Action.DECISION_SIGN in self.permissions
        return None

    @rx.event
    async def open(self):
        self.ready = False
        redirect = await self._check_login()
        if redirect:
            return redirect
        self.today = fmt_date(local_now().date())
        self.ending_id, self.ending_number = 0, ""
        redirect = await self._reload()
        if redirect:
            return redirect
        self.head_options = []
        if self.can_register:
            ok, options = await self._call_in_thread(signer_fit.delegation_choices)
            self.head_options = options if ok and isinstance(options, list) else []
        self.ready = True

    @rx.event
    async def register(self, form: dict):
        """Record a delegation decision of the user's own unit."""
        ok, result = await self._call_in_thread(delegation.register_delegation, form)
        if not ok:
            return result
        log.info("delegation=%s registered from the register page", result)
        await self._reload()
        return [
            rx.toast.success("Đã vào sổ quyết định giao quyền."),
            rx.call_script("document.getElementById('form-giao-quyen').reset()"),
        ]

    @rx.event
    def start_end(self, delegation_id: int):
        """Open the ending form for a row listed on this page, nothing else."""
        row = next(
            (
                r
                for r in self.rows
                if isinstance(delegation_id, int | str)
                and str(r["id"]) == str(delegation_id)
                and not r.get("ended")
            ),
            None,
        )
        if row is None:
            self.ending_id, self.ending_number = 0, ""
            return
        self.ending_id, self.ending_number = row["id"], row["number"]

    @rx.event
    def cancel_end(self):
        self.ending_id, self.ending_number = 0, ""

    @rx.event
    async def end(self, form: dict):
        """Record the early end (MQĐ37); the service re-checks the id's unit."""
        if not self.ending_id:
            return
        ok, result = await self._call_in_thread(
            delegation.end_delegation, self.ending_id, form
        )
        if not ok:
            return result
        self.ending_id, self.ending_number = 0, ""
        await self._reload()
        return rx.toast.success("Đã ghi nhận chấm dứt giao quyền.")
