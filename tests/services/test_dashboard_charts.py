"""The dashboard's plotly figures read as an official expects: counts on a
whole-number axis from zero, money beside them but not hidden behind the
bars, and an empty chart that says it is empty (user trial, issue 7)."""

from xlvphc.state.dashboard import bar_by_unit, bar_simple, bars_with_money, pie


def _layout(fig) -> dict:
    return fig.to_plotly_json()["layout"]


def test_small_counts_tick_by_whole_numbers_from_zero():
    layout = _layout(bar_simple(["Quá hạn"], [1], "#000"))

    assert layout["yaxis"]["dtick"] == 1
    assert layout["yaxis"]["rangemode"] == "tozero"
    assert layout["yaxis"]["tickformat"] == ",d"


def test_large_counts_let_plotly_choose_the_step():
    layout = _layout(bar_simple(["A", "B"], [120, 900], "#000"))

    assert "dtick" not in layout["yaxis"]
    assert layout["yaxis"]["rangemode"] == "tozero"


def test_money_axis_starts_at_zero_and_bars_leave_room_above():
    rows = [{"label": "12/2026", "cases": 1, "fines": 2_500_000, "collected": 0}]

    layout = _layout(bars_with_money(rows, "label", "Tháng"))

    assert layout["yaxis2"]["rangemode"] == "tozero"
    assert layout["yaxis"]["range"] == [0, 1.25]


def test_empty_charts_say_so_and_hide_their_axes():
    for fig in (
        bar_by_unit([]),
        bar_simple(["Quận A"], [0], "#000", horizontal=True),
        bars_with_money([], "label", "Tháng"),
    ):
        layout = _layout(fig)
        assert layout["annotations"][0]["text"] == (
            "Chưa có số liệu trong phạm vi đã chọn"
        )
        for axis in ("xaxis", "yaxis"):
            assert layout[axis]["showticklabels"] is False
            assert layout[axis]["showgrid"] is False


def test_charts_take_the_cards_width_and_put_the_legend_below():
    """A phone (375 px): plotly's default is 700 px wide, cut off by the
    card; with autosize and no fixed width it fits, the legend under it."""
    rows = [{"label": "12/2026", "cases": 1, "fines": 2_500_000, "collected": 0}]
    for fig in (
        bar_simple(["Đã nộp"], [3], "#000"),
        bar_by_unit([{"name": "Xã Hòa Mỹ", "cases": 2, "fines": 0}]),
        pie(["Cá nhân", "Tổ chức"], [2, 1]),
    ):
        layout = _layout(fig)
        assert layout["autosize"] is True and "width" not in layout
        assert layout["legend"]["orientation"] == "h"
        assert layout["legend"]["y"] < 0 and layout["legend"]["yanchor"] == "top"
    # The money charts put it above: their labels and axis title take the
    # room below (tests/services/test_phone_lists.py).
    layout = _layout(bars_with_money(rows, "label", "Tháng"))
    assert layout["autosize"] is True and "width" not in layout
    assert layout["legend"]["orientation"] == "h"


def test_empty_bars_print_no_zero():
    """The execution chart printed "0" over every empty bar (user trial)."""
    fig = bar_simple(["Chưa thi hành", "Hoãn", "Đã thi hành"], [0, 1, 1234], "#000")
    assert list(fig.data[0].text) == ["", "1", "1.234"]
    fig = bar_simple(["A", "B"], [0, 2], "#000", horizontal=True)
    assert list(fig.data[0].text) == ["2", ""]  # drawn bottom-up
    fig = bar_by_unit([{"name": "A", "cases": 3, "fines": 0},
                       {"name": "B", "cases": 0, "fines": 0}])
    assert list(fig.data[0].text) == ["", "3"]


def test_bar_tooltips_follow_their_bars_when_drawn_sideways():
    from xlvphc.state.dashboard import bar_simple

    figure = bar_simple(["A", "B"], [1, 2], "#000", horizontal=True,
                        hints=["về A", "về B"])
    bar = figure.data[0]
    assert dict(zip(bar.y, bar.customdata, strict=True)) == {"A": "về A", "B": "về B"}


def test_sideways_bars_keep_their_labels_off_the_bars():
    """User trial: «Có quyết định cưỡng chế» nearly touched its bar on a
    phone; an invisible tick keeps a gap."""
    units = [{"name": "Ủy ban nhân dân xã Ea Kar", "cases": 2, "fines": 0}]
    for fig in (
        bar_by_unit(units),
        bar_simple(["Có quyết định cưỡng chế"], [1], "#000", horizontal=True),
    ):
        axis = _layout(fig)["yaxis"]
        assert axis["ticks"] == "outside" and axis["ticklen"] >= 6
        assert axis["tickcolor"] == "rgba(0,0,0,0)"


def test_empty_charts_draw_no_axis_at_all_and_the_pie_says_so_too():
    """User trial, an empty year: «Theo lĩnh vực» and «Theo tháng» drew a
    money axis from −1 to 4 beside the note (their empty traces still used
    y2), and «Đối tượng vi phạm» was a blank card."""
    for fig in (
        bars_with_money([], "name", "Lĩnh vực"),
        bars_with_money([], "label", "Tháng", joined=True),
        pie(["Cá nhân", "Tổ chức"], [0, 0]),
        bar_by_unit([]),
        bar_simple(["A", "B"], [0, 0], "#000"),
    ):
        plain = fig.to_plotly_json()
        layout = plain["layout"]
        assert plain["data"] == []  # nothing for plotly to draw an axis for
        # Bare axes, drawn so that plotly drops the margins of the chart
        # drawn before (an invisible axis keeps them): no labels, no grid.
        axes = [k for k in layout if k.startswith(("xaxis", "yaxis"))]
        assert sorted(axes) == ["xaxis", "yaxis"]
        for k in axes:
            assert layout[k]["showticklabels"] is False
            assert layout[k]["showgrid"] is layout[k]["zeroline"] is False
            assert layout[k]["automargin"] is False
        assert layout["annotations"][0]["text"] == (
            "Chưa có số liệu trong phạm vi đã chọn"
        )


def test_count_axes_never_go_below_zero():
    rows = [{"name": "Đất đai", "cases": 2, "fines": 0, "collected": 0}]
    units = [{"name": "Xã A", "cases": 1, "fines": 0}]
    for fig, axis in (
        (bars_with_money(rows, "name", "Lĩnh vực"), "yaxis"),
        (bars_with_money(rows, "name", "Lĩnh vực"), "yaxis2"),
        (bar_by_unit(units), "xaxis"),
        (bar_simple(["A"], [3], "#000"), "yaxis"),
        (bar_simple(["A"], [3], "#000", horizontal=True), "xaxis"),
    ):
        shown = _layout(fig)[axis]
        assert shown["rangemode"] in ("tozero", "nonnegative")
        assert shown.get("range", [0])[0] >= 0
