"""The Nhóm đơn vị and Đơn vị boxes of the Thống kê and Báo cáo pages. One
mixin, so that on both pages the Đơn vị box offers the chosen group's units
only and a unit outside the group is dropped with a note (user trial:
«Công an» with a commune committee gave zeros and no hint). The services
drop such a pair too, whatever a browser sends
(services/reports/scope.paired)."""

from typing import ClassVar

import reflex as rx

from xlvphc.services.reports.scope import GROUPS, unit_outside_group_note
from xlvphc.state.unit_finder import UnitFinderMixin


class UnitGroupChoiceMixin(UnitFinderMixin, mixin=True):
    """The two choices as the user sets them. The state using it keeps
    `units` (every unit offered, {id, name}) and fills `_unit_groups` from
    dashboard.filter_choices; `SUBMIT_LABEL` is its form's button, which the
    note names. The Đơn vị box has a «Tìm đơn vị» box (UnitFinderMixin)
    among the group's units."""

    SUBMIT_LABEL: ClassVar[str] = "Xem"
    UNIT_PICKERS: ClassVar[dict[str, str]] = {"unit": "units_shown"}

    group_choice: str = ""
    unit_choice: str = ""
    # The Đơn vị box's options: the group's units among `units`.
    units_shown: list[dict] = []
    # Says that a unit outside the group was dropped.
    unit_note: str = ""
    # The Nhóm đơn vị box's options, {id, name}: the groups with a unit in
    # the user's scope (dashboard.group_choices).
    group_choices: list[dict] = []
    # group -> ids of its units among `units` (dashboard.filter_choices)
    _unit_groups: dict[str, list[str]] = {}

    def _follow_group(self, group: str) -> None:
        """Offer the group's units only; a unit chosen outside it is dropped,
        with a note. Any browser may send anything: an unknown group is no
        group."""
        group = group if group in GROUPS else ""
        self.group_choice = group
        if not group:
            self.units_shown = self.units
            self._refind_units()
            return
        members = set(self._unit_groups.get(group, []))
        self.units_shown = [u for u in self.units if u["id"] in members]
        self._refind_units()
        if self.unit_choice and self.unit_choice not in members:
            name = next(
                (u["name"] for u in self.units if u["id"] == self.unit_choice), ""
            )
            self.unit_choice = ""
            self.unit_note = unit_outside_group_note(
                name, group, counted=False, button=self.SUBMIT_LABEL
            )

    def _boxes_sent(self, filters: dict[str, str]) -> None:
        """The two boxes as a sent form (or kept filters) set them."""
        self.unit_choice = filters.get("unit", "")
        self.unit_note = ""
        self._follow_group(filters.get("group", ""))

    def _unit_dropped(self, note: str) -> None:
        """The service counted the group without the unit (`note` says so):
        the form shows what was counted. The page's `filters` lose the unit
        too, so that what is made from them next (an export) is the same."""
        self.filters = {**self.filters, "unit": ""}
        self.unit_choice = ""
        self.unit_note = note

    @rx.event
    def choose_group(self, value: str):
        self.unit_note = ""
        self._follow_group(value if isinstance(value, str) else "")

    @rx.event
    def choose_unit(self, value: str):
        known = isinstance(value, str) and any(
            u["id"] == value for u in self.units_shown
        )
        self.unit_choice = value if known else ""
        self.unit_note = ""
