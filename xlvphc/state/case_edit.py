"""Sửa hồ sơ (edit form), the history section and the delete dialog of the
case page."""

import reflex as rx

from xlvphc import routes
from xlvphc.components import form_guard
from xlvphc.services import case_edit, recycle_bin
from xlvphc.state.cases import CaseRefusalMixin, _case_id, _case_or_refusal
from xlvphc.state.catalogue_picker import CataloguePickerMixin
from xlvphc.state.session import SessionState
from xlvphc.state.violator_form import ViolatorKindMixin, kind_of


class CaseEditState(
    CaseRefusalMixin, ViolatorKindMixin, CataloguePickerMixin, SessionState
):
    ready: bool = False
    case_id: int = 0
    record_number: str = ""
    # The kind the case was saved with: its values fill that kind's boxes,
    # and switching away from it warns what the save will clear.
    saved_kind: str = "individual"
    locked: str = ""
    values: dict[str, str] = {}
    # The save was refused because someone else saved first.
    conflict: bool = False
    form_key: int = 0
    # The version the officer is looking at: kept server-side, so the browser
    # cannot claim a newer one and overwrite a colleague's change.
    _version: int = 0

    def _fill(self, result: dict) -> None:
        self.case_id = result["id"]
        self.record_number = result["record_number"]
        self.kind = self.saved_kind = kind_of(result["kind"])
        self.locked = result["locked"]
        self.values = result["values"]
        # The saved dates: a case already recorded on a child under 14 shows
        # the warning from the start.
        self._check_age(birth=self.values.get("birth_date", ""),
                        violated=self.values.get("violation_date", ""))
        self.selected = result["acts"]
        self._version = result["version"]
        self.form_key += 1

    @rx.event
    async def open(self):
        self.ready, self.conflict = False, False
        self.refused = self.in_bin = False
        self.values, self.selected = {}, []
        self._reset_picker()
        ok, result = await self._call_in_thread(
            _case_or_refusal,
            _case_id(self.router.url.query_parameters.get("id")),
            case_edit.edit_form,
            "CaseEditState.open",
        )
        if not ok:
            return result
        if self._take_refusal(result):
            return None
        self._fill(result)
        self.ready = True

    @rx.event
    async def submit(self, form: dict):
        form = self._violator_form(form)
        form["act_ids"] = self._act_ids()
        form["typed_acts"] = self._typed_acts()
        form["version"] = self._version
        self.conflict = False
        ok, result = await self._call_in_thread(_save, self.case_id, form)
        if ok and isinstance(result, str):
            # Someone saved first: show who, and the way to their change.
            self.message, self.conflict = result, True
            return rx.scroll_to("thong-bao-loi")
        if not ok:
            self._show_violator_errors()
            return [result, rx.scroll_to("thong-bao-loi")] if result else \
                rx.scroll_to("thong-bao-loi")
        return [
            form_guard.saved(),
            rx.toast.success("Đã lưu các sửa đổi."),
            rx.redirect(f"{routes.CASE_DETAIL}?id={self.case_id}"),
        ]


def _save(actor, case_id: int, form: dict) -> int | str:
    """The new version, or the conflict message when the case moved on."""
    try:
        return case_edit.edit_case(actor, case_id, form)
    except case_edit.StaleVersion as exc:
        return exc.message


class CaseHistoryState(SessionState):
    """The history section of the case page: who changed what, when; the
    prints folded into one line that opens (case_edit.case_history_folded)."""

    entries: list[dict] = []
    prints: list[dict] = []
    print_count: int = 0
    show_prints: bool = False
    loaded: bool = False

    @rx.event
    async def load(self):
        self.entries, self.prints, self.print_count = [], [], 0
        self.show_prints, self.loaded = False, False
        ok, result = await self._call_in_thread(
            case_edit.case_history_folded,
            _case_id(self.router.url.query_parameters.get("id")),
        )
        if not ok:
            return result
        self.entries = result["changes"]
        self.prints = result["prints"]
        self.print_count = result["print_count"]
        self.loaded = True

    @rx.event
    def toggle_prints(self):
        """Open or fold the prints; shows only what load() fetched."""
        self.show_prints = not self.show_prints


class CaseDeleteState(SessionState):
    """The delete dialog of the case page."""

    open_dialog: bool = False

    @rx.event
    def set_open(self, value: bool):
        self.open_dialog = bool(value)
        self.errors, self.message = {}, ""

    @rx.event
    async def delete(self, form: dict):
        reason = form.get("reason") if isinstance(form, dict) else None
        case_id = _case_id(self.router.url.query_parameters.get("id"))
        ok, result = await self._call_in_thread(
            recycle_bin.delete_case, case_id, reason
        )
        if not ok:
            return result
        self.open_dialog = False
        return [rx.toast.success("Đã chuyển hồ sơ vào thùng rác."),
                rx.redirect(routes.CASES)]

