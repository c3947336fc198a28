"""The Kỳ box of the Thống kê and Báo cáo pages. One mixin, so that both
pages show only the period boxes the chosen kind reads (pages/dashboard.py
filter_form): Tháng for a month, Quý for a quarter, the two dates for a
custom range, Năm for the others (user trial: every box stood beside «Năm»
as if it counted)."""

import reflex as rx

from xlvphc.services.reports.scope import PERIODS

# What the Kỳ box shows when it is drawn: the current year, the question
# leaders ask first.
DEFAULT_PERIOD = "year"


class PeriodChoiceMixin(rx.State, mixin=True):
    """The period kind chosen in the Kỳ box, kept as the user picks it (the
    form itself is read on submit)."""

    period_choice: str = DEFAULT_PERIOD

    @rx.event
    def choose_period(self, value: str):
        # Any browser may send anything: only a known period's code counts.
        known = isinstance(value, str) and value in PERIODS
        self.period_choice = value if known else DEFAULT_PERIOD

    def _period_box_drawn(self) -> None:
        """The page is drawn anew, its Kỳ box with its default: the boxes
        shown follow it, not a choice left from an earlier visit."""
        self.period_choice = DEFAULT_PERIOD
