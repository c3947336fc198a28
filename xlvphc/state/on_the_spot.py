"""Xử phạt không lập biên bản (MQĐ01): the on-the-spot decision form.

A substate of CaseFormState so the violator and catalogue-picker parts of the
new-case form (its vars and handlers) are reused as they are; only the save
differs. The ceiling of Law Art. 56 is checked by the service."""

import logging

import reflex as rx

from xlvphc import routes
from xlvphc.components import form_guard
from xlvphc.services import procedure
from xlvphc.state.case_form import CaseFormState

log = logging.getLogger(__name__)


class OnTheSpotState(CaseFormState):
    @rx.event
    async def decide(self, form: dict):
        """Save the case and its MQĐ01 decision in one step. The acts are the
        rows the server listed (`selected`), never ids from the browser: the
        catalogue ids, and the typed acts, which the service checks again;
        the request key makes a double click save once, and `_saved_id`
        toasts it once: the second tap's save returned the same case, and
        its toast said the decision was made twice (user trial)."""
        if self._saved_id:
            return rx.redirect(f"{routes.CASE_DETAIL}?id={self._saved_id}")
        form = self._violator_form(form)
        form["act_ids"] = self._act_ids()
        form["typed_acts"] = self._typed_acts()
        ok, result = await self._call_in_thread(
            procedure.decide_without_record, form, self._request_key
        )
        if not ok:
            self._show_duplicate()
            self._show_violator_errors()
            return (
                [result, rx.scroll_to("thong-bao-loi")]
                if result
                else rx.scroll_to("thong-bao-loi")
            )
        self._saved_id = result
        return [
            form_guard.saved(),
            rx.toast.success("Đã ra quyết định xử phạt không lập biên bản."),
            rx.redirect(f"{routes.CASE_DETAIL}?id={result}"),
        ]
