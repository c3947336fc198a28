"""Dashboard: aggregated figures only, a few dozen points per chart. A click on
a bar opens the case list filtered like the bar; the links are kept in a
backend var and picked by index, so the browser cannot send a URL."""

import json
import unicodedata

import plotly.graph_objects as go
import reflex as rx

from xlvphc.domain.money import format_number, format_vnd
from xlvphc.models.base import local_now
from xlvphc.services import dashboard
from xlvphc.services.reports.scope import PERIODS
from xlvphc.state.period_choice import DEFAULT_PERIOD, PeriodChoiceMixin
from xlvphc.state.session import SessionState
from xlvphc.state.unit_group_choice import UnitGroupChoiceMixin

FILTER_KEYS = (
    "period",
    "year",
    "month",
    "quarter",
    "date_from",
    "date_to",
    "group",
    "unit",
    "field",
)
BLUE, GREEN, ORANGE, RED = "#2b6cb0", "#2f855a", "#dd6b20", "#c53030"


# The current year by default: the question leaders ask first, and an
# indexed date range rather than a scan of every case ever entered.
DEFAULT_FILTERS = {"period": DEFAULT_PERIOD}


def year_in_use(filters: dict[str, str]) -> str:
    """The year a period counts from, for the Năm box: the one typed, else
    this year, as services/reports/scope.py reads the filters."""
    return str(filters.get("year") or "").strip() or str(local_now().year)


def _month_label(month: str) -> str:
    """ "2026-02" as "02/2026": a category, so plotly does not print English
    month names."""
    year, _, number = month.partition("-")
    return f"{number}/{year}"


def _plain(fig: go.Figure) -> dict:
    """The figure as the JSON the browser's plotly receives."""
    return json.loads(fig.to_json())


def _layout(fig: go.Figure, height: int = 340, **extra) -> go.Figure:
    """Only the height is fixed: `autosize` lets plotly take the card's width
    (without it plotly draws 700 px and a phone of 375 px cuts the chart
    off); the legend sits under the chart, where it has the whole width."""
    fig.update_layout(
        autosize=True,
        height=height,
        margin=dict(l=10, r=10, t=10, b=10),
        separators=",.",
        legend=dict(
            orientation="h", x=0, xanchor="left", y=-0.2, yanchor="top"
        ),
        **extra,
    )
    return fig


def _bar_labels(values: list[int]) -> list[str]:
    """The number printed on each bar; none on an empty bar (a row of "0"
    over nothing reads as a chart that failed to draw); thousands with dots
    as the axes print them."""
    return [format_number(v) if v else "" for v in values]


def _count_axis(values: list[int], **extra) -> dict:
    """Counts are whole numbers from zero: no "0,5" ticks, and a lone value
    does not stretch the axis around itself."""
    axis = dict(rangemode="tozero", tickformat=",d", **extra)
    if max(values, default=0) <= 5:
        axis["dtick"] = 1
    return axis


def wrapped(text: str, width: int = 12) -> str:
    """A category label broken into lines of about `width` characters at
    spaces (plotly's <br>): long field names, one line each, ran off a
    phone's chart (user trial)."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


BARE_AXIS = {
    "showticklabels": False,
    "showgrid": False,
    "zeroline": False,
    "showline": False,
    "ticks": "",
    "title": None,
    "automargin": False,
}


NO_DATA = "Chưa có số liệu trong phạm vi đã chọn"


def _no_data(fig: go.Figure) -> go.Figure:
    """An empty chart says so instead of drawing a meaningless axis. Its
    empty traces go: a trace on the money axis (y2) made plotly draw that
    axis from −1 to 4 beside the note (user trial). The axes are drawn
    bare rather than made invisible: plotly keeps the margins an invisible
    axis's labels took in the chart drawn before, so the empty chart stood
    off-centre after one with figures."""
    fig.data = ()
    fig.update_layout(
        xaxis=BARE_AXIS,
        yaxis=BARE_AXIS,
        annotations=[
            dict(
                text=NO_DATA,
                showarrow=False,
                xref="paper",
                yref="paper",
                x=0.5,
                y=0.5,
                font=dict(size=14, color="#6b7280"),
            )
        ],
    )
    return fig


# Sideways bars: an invisible tick keeps each label 8 px off its bar (user
# trial: «Có quyết định cưỡng chế» nearly touched the bars on a phone).
LABEL_GAP = {"ticks": "outside", "ticklen": 8, "tickcolor": "rgba(0,0,0,0)"}


# A unit's name beside its bar: lines of about this many characters, at most
# this many lines (about 115 px of 12 px text: under 40 % of a 390 px
# phone's chart, measured).
UNIT_LABEL_WIDTH = 18
UNIT_LABEL_LINES = 2
# The word after which a place's name starts («phường Buôn Ma Thuột»).
PLACE_WORDS = ("xã", "phường", "tỉnh")


def _place_lines(text: str) -> list[str]:
    """A long name broken before its place's name, kept whole on its line
    («Công an phường» / «Buôn Ma Thuột», not «… Buôn Ma» / «Thuột»); [] when
    the name has no such place or the parts do not fit."""
    words = text.split()
    marks = [i for i, w in enumerate(words) if w in PLACE_WORDS]
    if not marks or marks[-1] == len(words) - 1:
        return []
    head = " ".join(words[: marks[-1] + 1])
    place = " ".join(words[marks[-1] + 1 :])
    fits = len(head) <= UNIT_LABEL_WIDTH and len(place) <= UNIT_LABEL_WIDTH
    return [head, place] if fits else []


def unit_label(name: str) -> str:
    """A unit's name as the unit chart prints it: «Ủy ban nhân dân» as
    «UBND» (as the Nhóm đơn vị box says), in at most two short lines, the
    rest cut with «…». Whole names took two thirds of the chart on a phone
    (390 px) and left the bars a sliver; the tooltip keeps
    the whole name."""
    text = " ".join(unicodedata.normalize("NFC", str(name)).split())
    text = text.replace("Ủy ban nhân dân", "UBND")
    if len(text) <= UNIT_LABEL_WIDTH:
        return text
    lines = _place_lines(text) or wrapped(text, UNIT_LABEL_WIDTH).split("<br>")
    if len(lines) > UNIT_LABEL_LINES:
        last = lines[UNIT_LABEL_LINES - 1]
        while len(last) >= UNIT_LABEL_WIDTH and " " in last:
            last = last.rsplit(" ", 1)[0]
        lines = [*lines[: UNIT_LABEL_LINES - 1], last + "…"]
    # A word longer than a line is cut too.
    lines = [
        line if len(line) <= UNIT_LABEL_WIDTH else line[: UNIT_LABEL_WIDTH - 1] + "…"
        for line in lines
    ]
    return "<br>".join(lines)


def _unit_axis(names: list[str]) -> tuple[dict, int]:
    """The y axis of a chart with a bar per unit, and the height of its rows:
    each name printed as `unit_label` shortens it, while the bar (and so the
    tooltip's %{y}) keeps the whole name. Two lines need a taller row than
    one."""
    labels = [unit_label(n) for n in names]
    row = 36 if any("<br>" in label for label in labels) else 26
    return {"tickmode": "array", "tickvals": names, "ticktext": labels}, row


def bar_by_unit(units: list[dict]) -> go.Figure:
    """Horizontal bars: every unit name readable (`unit_label`), the height
    grows with them. Rows come largest first; plotly draws bottom-up, so
    they are reversed."""
    rows = list(reversed(units))
    fig = go.Figure(
        go.Bar(
            x=[r["cases"] for r in rows],
            y=[r["name"] for r in rows],
            orientation="h",
            marker_color=BLUE,
            text=_bar_labels([r["cases"] for r in rows]),
            textposition="outside",
            cliponaxis=False,  # the longest bar's number is not cut off
            customdata=[format_vnd(r["fines"]) for r in rows],
            hovertemplate="%{y}<br>%{x} vụ việc<br>Tiền phạt: %{customdata}"
            "<extra></extra>",
        )
    )
    if not rows:
        return _no_data(_layout(fig, 260))
    axis, row = _unit_axis([r["name"] for r in rows])
    return _layout(
        fig,
        max(320, row * len(rows) + 80),
        xaxis=_count_axis([r["cases"] for r in rows], title="Số vụ việc"),
        yaxis=dict(automargin=True, **axis, **LABEL_GAP),
    ).update_layout(margin_r=30)  # room for the longest bar's number


def _consecutive(months: list[str]) -> bool:
    """Whether "yyyy-mm" months follow one another with no month missing (the
    service fills the gaps unless the span is very long)."""
    numbers = [int(m[:4]) * 12 + int(m[5:7]) for m in months]
    return all(b - a == 1 for a, b in zip(numbers, numbers[1:], strict=False))


def bars_with_money(
    rows: list[dict], key: str, x_title: str, joined: bool = False
) -> go.Figure:
    """Cases as bars; fines imposed and collected as lines on a second axis.
    `joined`: the points follow one another (consecutive months), so a line
    joins them; otherwise markers only (fields, months far apart)."""
    x = [r[key] for r in rows]
    fig = go.Figure()
    fig.add_bar(x=x, y=[r["cases"] for r in rows], name="Số vụ việc", marker_color=BLUE)
    mode = "lines+markers" if joined else "markers"
    fig.add_scatter(
        x=x,
        y=[r["fines"] for r in rows],
        yaxis="y2",
        name="Tiền phạt (đồng)",
        mode=mode,
        line_color=ORANGE,
    )
    fig.add_scatter(
        x=x,
        y=[r["collected"] for r in rows],
        yaxis="y2",
        name="Đã thu (đồng)",
        mode=mode,
        line_color=GREEN,
    )
    if not rows:
        return _no_data(_layout(fig, 260))
    counts = [r["cases"] for r in rows]
    # Bars reach 80 % of the height at most, so the money markers (scaled to
    # their own axis from zero) sit above them instead of hiding behind.
    return _layout(
        fig,
        360,
        # Labels wrapped, and room made for them on every side: the last
        # field's name was cut at the chart's edge on a phone (user trial).
        xaxis=dict(
            title=x_title,
            type="category",
            tickmode="array",
            tickvals=x,
            ticktext=[wrapped(v) for v in x],
            automargin=True,
        ),
        yaxis=_count_axis(
            counts, title="Số vụ việc", range=[0, max(counts, default=1) * 1.25]
        ),
        yaxis2=dict(
            title="Đồng",
            overlaying="y",
            side="right",
            tickformat=",.0f",
            rangemode="tozero",
        ),
        # Above the plot: below, wrapped or turned labels and the axis title
        # ran into it on a phone (user trial); plotly makes room up there.
    ).update_layout(legend_y=1.02, legend_yanchor="bottom")


def bar_simple(
    labels: list[str],
    values: list[int],
    color: str,
    horizontal: bool = False,
    hints: list[str] | None = None,
    keep_order: bool = False,
    unit_names: bool = False,
) -> go.Figure:
    """`hints`: what each bar counts, in its tooltip (the execution chart:
    "Có quyết định hoãn thi hành" counts decisions no longer postponed too,
    as the report does). Sideways bars are drawn bottom-up, so the rows are
    reversed to put the first at the top; with `keep_order` the axis is
    reversed instead, and each bar keeps the index its click link uses.
    `unit_names`: the labels are units' names, printed short as on the unit
    chart (`_unit_axis`: whole names left the bars a sliver on a phone),
    whole in the tooltip."""
    if horizontal:
        if not keep_order:
            labels, values = list(reversed(labels)), list(reversed(values))
            hints = list(reversed(hints)) if hints is not None else None
        bar = go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=color,
            text=_bar_labels(values),
            textposition="outside",
            cliponaxis=False,
        )
        if hints is not None:
            bar.customdata = hints
            bar.hovertemplate = "<b>%{y}</b>: %{x}<br>%{customdata}<extra></extra>"
        elif unit_names:
            bar.hovertemplate = "%{y}: %{x}<extra></extra>"
        if not any(values):
            return _no_data(_layout(go.Figure(bar), 260))
        axis, row = _unit_axis(labels) if unit_names else ({}, 26)
        return _layout(
            go.Figure(bar),
            max(260, row * len(labels) + 60),
            xaxis=_count_axis(values),
            yaxis=dict(
                automargin=True,
                autorange="reversed" if keep_order else True,
                **axis,
                **LABEL_GAP,
            ),
        ).update_layout(margin_r=30)
    bar = go.Bar(
        x=labels,
        y=values,
        marker_color=color,
        text=_bar_labels(values),
        textposition="outside",
        cliponaxis=False,
    )
    if hints is not None:
        bar.customdata = hints
        bar.hovertemplate = "<b>%{x}</b>: %{y}<br>%{customdata}<extra></extra>"
    if not any(values):
        return _no_data(_layout(go.Figure(bar), 260))
    return _layout(go.Figure(bar), 320, yaxis=_count_axis(values))


def pie(labels: list[str], values: list[int]) -> go.Figure:
    """Slices with no case are left out: plotly would print "0%" labels
    (a "Tổ chức 0%" slice that does not exist). Each kind keeps its colour;
    with no case at all the chart says so, as the others do (it was a blank
    card, user trial)."""
    colours = [BLUE, ORANGE, GREEN, RED]
    kept = [
        (label, value, colour)
        for label, value, colour in zip(labels, values, colours, strict=False)
        if value
    ]
    fig = go.Figure(
        go.Pie(
            labels=[k[0] for k in kept],
            values=[k[1] for k in kept],
            hole=0.45,
            marker_colors=[k[2] for k in kept],
            sort=False,
        )
    )
    if not kept:
        return _no_data(_layout(fig, 280))
    return _layout(fig, 280)


def pick_link(links: list[str], points: object) -> str:
    """The link of the clicked bar. Only an index comes from the browser and
    it is checked; the link itself was made by the service. "" for anything
    else (no point, a bad index, a bar that opens nothing)."""
    if not isinstance(points, list) or not points or not isinstance(points[0], dict):
        return ""
    index = points[0].get("pointIndex", points[0].get("pointNumber"))
    if isinstance(index, bool) or not isinstance(index, int):
        return ""
    return links[index] if 0 <= index < len(links) else ""


def _summary_and_figures(actor, filters: dict) -> dict:
    """The dashboard's figures (dashboard.summary) with its six charts as
    plotly JSON and the units with overdue decisions, most first. Runs in a
    worker thread: building and serialising the charts costs CPU time that
    would hold up the event loop."""
    r = dashboard.summary(actor, filters)
    overdue = sorted(
        (u for u in r["units"] if u["overdue"]), key=lambda u: -u["overdue"]
    )
    months = [{**m, "label": _month_label(m["month"])} for m in r["months"]]
    figures = {
        "unit": bar_by_unit(r["units"]),
        "field": bars_with_money(r["fields"], "name", "Lĩnh vực"),
        "month": bars_with_money(
            months, "label", "Tháng", joined=_consecutive([m["month"] for m in months])
        ),
        "status": bar_simple(
            [s["label"] for s in r["enforcement"]],
            [s["count"] for s in r["enforcement"]],
            GREEN,
            hints=[s["hint"] for s in r["enforcement"]],
            # Sideways: seven long labels overlapped under upright bars on a
            # phone and a tablet (user trial).
            horizontal=True,
            keep_order=True,
        ),
        "overdue": bar_simple(
            [u["name"] for u in overdue],
            [u["overdue"] for u in overdue],
            RED,
            horizontal=True,
            unit_names=True,
        ),
        "kind": pie(["Cá nhân", "Tổ chức"], [r["individuals"], r["organisations"]]),
    }
    return {
        **r,
        "overdue_units": overdue,
        "figures": {name: _plain(fig) for name, fig in figures.items()},
    }


class DashboardState(UnitGroupChoiceMixin, PeriodChoiceMixin, SessionState):
    fields: list[str] = []
    units: list[dict] = []
    label: str = ""
    cases: int = 0
    decided: int = 0
    fines: str = ""
    collected: str = ""
    individuals: int = 0
    organisations: int = 0
    units_with_cases: int = 0
    unit_rows: list[dict] = []
    top_acts: list[dict] = []
    list_link: str = ""
    # Figures are kept as plain JSON dicts: a go.Figure default is deep-copied
    # into every new browser tab's state, which costs ~0.3 s of CPU per tab
    # (bench/RESULTS.md), dashboard or not.
    unit_figure: dict = {}
    field_figure: dict = {}
    month_figure: dict = {}
    status_figure: dict = {}
    overdue_figure: dict = {}
    kind_figure: dict = {}
    filters: dict[str, str] = dict(DEFAULT_FILTERS)
    # What the Năm box shows: the year the figures are for.
    year_shown: str = ""
    # The Nhóm đơn vị and Đơn vị boxes: UnitGroupChoiceMixin.
    # chart name -> case-list link per bar, in the order plotly numbers them
    _links: dict[str, list[str]] = {}

    async def _load(self):
        self.year_shown = year_in_use(self.filters)
        ok, r = await self._call_in_thread(_summary_and_figures, self.filters)
        if not ok:
            return r
        self.label = r["label"]
        self.cases, self.decided = r["cases"], r["decided"]
        self.fines, self.collected = format_vnd(r["fines"]), format_vnd(r["collected"])
        self.individuals, self.organisations = r["individuals"], r["organisations"]
        self.units_with_cases = len(r["units"])
        self.list_link = r["list_link"]
        if r["note"]:
            # The service counted the group without the unit: the form says
            # so and shows what was counted.
            self._unit_dropped(r["note"])
        else:
            self.unit_note = ""
        self.unit_rows = [
            {
                "name": u["name"],
                "cases": u["cases"],
                "fines": format_vnd(u["fines"]),
                "collected": format_vnd(u["collected"]),
                "overdue": u["overdue"],
                "link": u["link"],
                "overdue_link": u["overdue_link"],
            }
            for u in r["units"]
        ]
        self.top_acts = r["top_acts"]
        figures = r["figures"]
        self.unit_figure = figures["unit"]
        self.field_figure = figures["field"]
        self.month_figure = figures["month"]
        self.status_figure = figures["status"]
        self.overdue_figure = figures["overdue"]
        self.kind_figure = figures["kind"]
        self._links = {
            "unit": [u["link"] for u in reversed(r["units"])],
            "field": [f["link"] for f in r["fields"]],
            "month": [m["link"] for m in r["months"]],
            "status": [s["link"] for s in r["enforcement"]],
            "overdue": [u["overdue_link"] for u in reversed(r["overdue_units"])],
        }

    @rx.event
    async def open(self):
        # The filters stay from the last visit (Back after a click on a bar
        # lands on the same figures); the form shows them (filter_form
        # `kept`), its period boxes those of the kept period.
        self._period_box_drawn()
        kept = self.filters.get("period", "")
        kept = kept if kept in PERIODS else DEFAULT_PERIOD
        if kept != self.period_choice:
            self.period_choice = kept
        ok, result = await self._call_in_thread(dashboard.filter_choices)
        if not ok:
            return result
        self.fields = result["fields"]
        self.units = result["units"]
        self._unit_groups = result["groups"]
        self.group_choices = result["group_choices"]
        self._boxes_sent(self.filters)
        return await self._load()

    @rx.event
    async def apply(self, form: dict):
        form = form if isinstance(form, dict) else {}
        self.filters = {k: str(form.get(k) or "")[:120] for k in FILTER_KEYS}
        self._boxes_sent(self.filters)
        return await self._load()

    def _follow(self, chart: str, points: object):
        """Open the case list for the clicked bar; nothing for a role that
        may not read the list (its links are empty: dashboard.summary)."""
        link = pick_link(self._links.get(chart, []), points)
        return rx.redirect(link) if link else None

    @rx.event
    def click_unit(self, points: list):
        return self._follow("unit", points)

    @rx.event
    def click_field(self, points: list):
        return self._follow("field", points)

    @rx.event
    def click_month(self, points: list):
        return self._follow("month", points)

    @rx.event
    def click_status(self, points: list):
        return self._follow("status", points)

    @rx.event
    def click_overdue(self, points: list):
        return self._follow("overdue", points)
