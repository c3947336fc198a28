"""The violation-catalogue picker of the case forms: search the catalogue,
add the acts found, remove them. One mixin, so that the new-case form
(CaseFormState) and the edit form (CaseEditState) pick acts the same way."""

import reflex as rx

from xlvphc.services import catalogue, typed_act_drafts, typed_acts
from xlvphc.services.case_input import MAX_ACTS


class CataloguePickerMixin(rx.State, mixin=True):
    """Vars and handlers of the picker. The state that mixes it in must also
    derive from SessionState, whose `_call_in_thread` runs the search."""

    catalogue_results: list[dict] = []
    # Why a typed search found nothing, and what to try (catalogue.find).
    catalogue_message: str = ""
    catalogue_tips: list[str] = []
    selected: list[dict] = []
    # «Hành vi không có trong danh mục»: the small form is shown, the fields
    # it offers (services.typed_acts.fields), and a counter that draws its
    # boxes afresh once an act is added.
    typed_open: bool = False
    typed_fields: list[str] = []
    typed_box: int = 0

    def _reset_picker(self) -> None:
        """No search yet: no results, no hint."""
        self.catalogue_results = []
        self.catalogue_message, self.catalogue_tips = "", []
        self.typed_open = False

    def _act_ids(self) -> str:
        """The chosen catalogue acts as the form field the services read."""
        return ",".join(s["id"] for s in self.selected if not s.get("typed"))

    def _typed_acts(self) -> list[dict]:
        """The chosen typed acts as the case form sends them; the service
        checks them again (typed_acts.read_list)."""
        return [s for s in self.selected if s.get("typed")]

    @rx.event
    async def open_typed(self):
        """Show the small form, with the catalogue's fields to choose from."""
        self.typed_open = not self.typed_open
        if self.typed_open and not self.typed_fields:
            ok, result = await self._call_in_thread(typed_acts.field_choices)
            if ok:
                self.typed_fields = result

    @rx.event
    async def add_typed_act(self, form: dict):
        """The small form's «Thêm hành vi»: the service checks every box and
        gives the row back; only that row is added. The case form's own
        errors stay shown."""
        kept = {k: v for k, v in self.errors.items() if k not in typed_acts.KEYS}
        data = form if isinstance(form, dict) else {}
        ok, row = await self._call_in_thread(typed_acts.check, data)
        if not ok:
            self.errors = {**kept, **self.errors}
            return
        self.errors = {**kept}
        if len(self.selected) >= MAX_ACTS:
            self.errors = {**kept, "typed_act": (
                f"Một hồ sơ có tối đa {MAX_ACTS} hành vi: bỏ bớt hành vi đã "
                "chọn trước khi thêm.")}
            return
        # One act per citation (verification trial: the same point typed
        # twice with other words asked for two fines).
        if any(s.get("citation") == row["citation"] for s in self.selected):
            self.errors = {**kept, "typed_act": (
                f"{row['citation']} đã có trong danh sách đã chọn.")}
            return
        self.selected = self.selected + [row]
        self.typed_box += 1

    async def _restore_typed(self, rows: list) -> None:
        """The typed acts of the tab's draft (components/form_guard.py): the
        service checks each again and gives back only the good ones, added
        as «Thêm hành vi» adds them (each citation once, at most MAX_ACTS);
        why the others were not restored is said under the picker."""
        ok, found = await self._call_in_thread(typed_act_drafts.from_draft, rows)
        if not ok:
            return
        for row in found["rows"]:
            if all(s.get("citation") != row["citation"] for s in self.selected):
                self._add_row(row)
        if found["message"]:
            self.errors = {**self.errors, typed_acts.LIST_KEY: found["message"]}

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
