"""The violation-catalogue picker of the case forms: search the catalogue,
add the acts found, remove them. One mixin, so that the new-case form
(CaseFormState) and the edit form (CaseEditState) pick acts the same way."""

import reflex as rx

from xlvphc.services import catalogue
from xlvphc.services.case_input import MAX_ACTS


class CataloguePickerMixin(rx.State, mixin=True):
    """Vars and handlers of the picker. The state that mixes it in must also
    derive from SessionState, whose `_call_in_thread` runs the search."""

    catalogue_results: list[dict] = []
    # Why a typed search found nothing, and what to try (catalogue.find).
    catalogue_message: str = ""
    catalogue_tips: list[str] = []
    selected: list[dict] = []

    def _reset_picker(self) -> None:
        """No search yet: no results, no hint."""
        self.catalogue_results = []
        self.catalogue_message, self.catalogue_tips = "", []

    def _act_ids(self) -> str:
        """The chosen acts as the form field the services read."""
        return ",".join(s["id"] for s in self.selected)

    @rx.event
    async def search_catalogue(self, query: str):
        typed = str(query or "")[: catalogue.QUERY_MAX]
        ok, result = await self._call_in_thread(catalogue.find, typed)
        if ok:
            self.catalogue_results = result["rows"]
            self.catalogue_message = result["message"]
            self.catalogue_tips = result["tips"]

    def _add_row(self, row: dict) -> None:
        """One catalogue row into the chosen acts: each once, at most
        MAX_ACTS. The one way in, for a pick and for a draft's acts alike."""
        if len(self.selected) >= MAX_ACTS:
            return
        if all(s["id"] != row["id"] for s in self.selected):
            self.selected = self.selected + [row]

    @rx.event
    def add_act(self, act_id: str):
        """Only rows the server itself listed can be added."""
        row = next((r for r in self.catalogue_results if r["id"] == act_id), None)
        if row is not None:
            self._add_row(row)

    @rx.event
    def remove_act(self, act_id: str):
        self.selected = [s for s in self.selected if s["id"] != act_id]
