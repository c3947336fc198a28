"""The dashboard's plotly figures read as an official expects: counts on a
whole-number axis from zero, money beside them but not hidden behind the
bars, and an empty chart that says it is empty (user trial, issue 7)."""

from xlvphc.state.dashboard import bar_by_unit, bar_simple, bars_with_money


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
        assert layout["xaxis"]["visible"] is False
