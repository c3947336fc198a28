"""Dashboard: aggregated figures only, a few dozen points per chart."""

import plotly.graph_objects as go
import reflex as rx

from xlvphc.domain.money import format_vnd
from xlvphc.services import dashboard
from xlvphc.state.session import SessionState

FILTER_KEYS = ("date_from", "date_to", "field")


def _bar_by_unit(rows: list) -> go.Figure:
    """Horizontal bars: every unit name readable, the height grows with them."""
    rows = list(reversed(rows))
    fig = go.Figure(go.Bar(
        x=[r[1] for r in rows], y=[r[0] for r in rows], orientation="h",
        text=[r[1] for r in rows], textposition="outside",
        customdata=[format_vnd(r[2]) for r in rows],
        hovertemplate="%{y}<br>%{x} vụ việc<br>Tiền phạt: %{customdata}<extra></extra>",
    ))
    fig.update_layout(
        height=max(320, 26 * len(rows) + 80), margin=dict(l=10, r=30, t=10, b=30),
        xaxis_title="Số vụ việc", yaxis=dict(automargin=True),
    )
    return fig


def _bar(rows: list, x_title: str) -> go.Figure:
    fig = go.Figure()
    fig.add_bar(x=[r[0] for r in rows], y=[r[1] for r in rows], name="Số vụ việc")
    fig.add_scatter(x=[r[0] for r in rows], y=[r[2] for r in rows], yaxis="y2",
                    name="Tiền phạt (đồng)", mode="lines+markers")
    fig.update_layout(
        height=360, margin=dict(l=10, r=10, t=10, b=10), xaxis_title=x_title,
        yaxis=dict(title="Số vụ việc"),
        yaxis2=dict(title="Tiền phạt (đồng)", overlaying="y", side="right",
                    tickformat=",.0f"),
        legend=dict(orientation="h", y=-0.25), separators=",.",
    )
    return fig


class DashboardState(SessionState):
    fields: list[str] = []
    cases: int = 0
    fines: str = ""
    units_with_cases: int = 0
    unit_rows: list[list] = []
    unit_figure: go.Figure = go.Figure()
    field_figure: go.Figure = go.Figure()
    month_figure: go.Figure = go.Figure()
    filters: dict[str, str] = {}

    def _load(self):
        ok, result = self._call(dashboard.summary, self.filters)
        if not ok:
            return result
        self.cases = result["cases"]
        self.fines = format_vnd(result["fines"])
        self.units_with_cases = len(result["by_unit"])
        self.unit_rows = [[n, c, format_vnd(s)] for n, c, s in result["by_unit"]]
        self.unit_figure = _bar_by_unit(result["by_unit"])
        self.field_figure = _bar(result["by_field"], "Lĩnh vực")
        self.month_figure = _bar(result["by_month"], "Tháng")

    @rx.event
    def open(self):
        ok, result = self._call(dashboard.field_choices)
        if not ok:
            return result
        self.fields = result
        return self._load()

    @rx.event
    def apply(self, form: dict):
        form = form if isinstance(form, dict) else {}
        self.filters = {k: str(form.get(k) or "")[:120] for k in FILTER_KEYS}
        return self._load()
