"""Thống kê: the dashboard for supervisors, leadership and unit leaders."""

from dataclasses import dataclass

import plotly.graph_objects as go
import reflex as rx

from xlvphc import routes
from xlvphc.components.data_table import data_table, labelled_cell
from xlvphc.components.fields import DATE_ATTRS, form_message
from xlvphc.components.shell import page_for
from xlvphc.components.unit_picker import UnitFinder, unit_options, unit_search
from xlvphc.services.access import Action
from xlvphc.services.reports.scope import GROUPS, PERIODS
from xlvphc.state.dashboard import DashboardState
from xlvphc.state.period_choice import DEFAULT_PERIOD

MONTHS = [(str(m), f"Tháng {m}") for m in range(1, 13)]
QUARTERS = [("1", "Quý I"), ("2", "Quý II"), ("3", "Quý III"), ("4", "Quý IV")]
# The check of the case list page itself (page_for(Action.CASE_READ)): whoever
# fails it (leadership) sees no link or hint that leads there, and the links
# behind their bars are empty (services/dashboard.summary).
CAN_LIST = DashboardState.permissions.contains(Action.CASE_READ)
STATUS_NOTE = (
    "Mỗi cột đếm quyết định của các vụ việc trong kỳ (theo ngày vi phạm); một "
    "quyết định có thể thuộc nhiều cột. «Có quyết định hoãn thi hành» và «Có "
    "quyết định cưỡng chế» tính cả quyết định đã hết hoãn hoặc đã thi hành "
    "xong, như dòng 3.5 và 3.7 của Báo cáo (Báo cáo tính theo ngày ra quyết "
    "định)."
)


def _label(text: str, name: str) -> rx.Component:
    return rx.text(
        text, as_="label", custom_attrs={"htmlFor": name}, size="2", weight="medium"
    )


def _select(
    text: str,
    name: str,
    options,
    *,
    first: str = "",
    width: str = "170px",
    default: str | rx.Var = "",
    on_change=None,
    key: rx.Var | None = None,
    note: rx.Var | None = None,
    finder: UnitFinder | None = None,
) -> rx.Component:
    """A native select; `options` is a list of (value, label) or a Var of
    {id, name} dicts. A refusal of its value shows under it (the Tháng box
    left at «—» for a monthly period), and `note`, when not empty. A Var
    `default` keys the box, as for `_input`, so that it shows the value the
    state holds; `key` adds what else redraws it (its options changed).
    `finder`: a «Tìm đơn vị» box above it narrows its options (Var)."""
    extra = {"on_change": on_change} if on_change is not None else {}
    if isinstance(default, rx.Var):
        extra["key"] = name + "-" + default.to(str)
        if key is not None:
            extra["key"] = extra["key"] + "-" + key.to(str)
    if finder is not None:
        items = unit_options(finder, options)
    elif isinstance(options, rx.Var):
        items = rx.foreach(options, lambda o: rx.el.option(o["name"], value=o["id"]))
    else:
        items = [rx.el.option(label, value=value) for value, label in options]
    return rx.box(
        _label(text, name),
        unit_search(finder, options) if finder is not None else rx.fragment(),
        rx.el.select(
            *([rx.el.option(first, value="")] if first else []),
            items,
            name=name,
            id=name,
            default_value=default,
            class_name="xl-select",
            **extra,
        ),
        rx.cond(
            DashboardState.errors.contains(name),
            rx.text(DashboardState.errors.get(name, ""), color_scheme="red", size="2"),
        ),
        rx.cond(
            note != "",
            rx.text(note, color_scheme="amber", size="2", id=f"ghi-chu-{name}"),
        )
        if note is not None
        else rx.fragment(),
        flex=f"1 1 {width}",
    )


def _input(
    text: str,
    name: str,
    placeholder: str,
    width: str = "140px",
    default: str | rx.Var = "",
    date: bool = False,
    input_mode: str = "",
):
    """An uncontrolled box; keyed by its `default` so that a value the state
    learns after the page is drawn (the year in use) shows in it. A `date`
    box opens a phone's number pad, as fields.field(date=True) does;
    `input_mode` picks the keyboard of another box ("numeric": digits)."""
    extra = {"key": name + "-" + default.to(str)} if isinstance(default, rx.Var) else {}
    if input_mode:
        extra["input_mode"] = input_mode
    if date:
        extra |= {"custom_attrs": DATE_ATTRS, "input_mode": "numeric"}
    return rx.box(
        _label(text, name),
        rx.input(
            name=name,
            id=name,
            placeholder=placeholder,
            default_value=default,
            size="3",
            width="100%",
            **extra,
        ),
        rx.cond(
            DashboardState.errors.contains(name),
            rx.text(DashboardState.errors.get(name, ""), color_scheme="red", size="2"),
        ),
        flex=f"1 1 {width}",
    )


@dataclass(frozen=True)
class UnitsOfGroup:
    """The state's side of a Đơn vị box that follows the Nhóm đơn vị box:
    the units offered, the two choices, the note and the handlers that keep
    them (state/dashboard.DashboardState)."""

    units: rx.Var
    group: rx.Var
    unit: rx.Var
    note: rx.Var
    on_group: object
    on_unit: object
    # The page's state class: its «Tìm đơn vị» box (UnitFinderMixin).
    state: type


def filter_form(
    on_submit,
    units,
    fields,
    *,
    period: rx.Var,
    on_period,
    submit_label: str = "Xem",
    submit_id: str = "nut-loc",
    year: str | rx.Var = "",
    kept: rx.Var | None = None,
    units_of_group: UnitsOfGroup | None = None,
    groups: rx.Var | None = None,
) -> rx.Component:
    """Period, unit group, unit and field: read on submit (uncontrolled), on
    the Thống kê and Báo cáo pages. `year`: the year the page counts from,
    shown in the Năm box (an empty box beside "Năm 2026" reads as no year
    chosen). `period`, the Kỳ chosen (kept by `on_period`; both from
    state/period_choice.PeriodChoiceMixin), shows only the boxes that period
    reads (user trial: Tháng, Quý and the dates stood beside «Năm» as if
    they counted). `kept`, the filters the page's figures count (a dict
    Var), fills every box, so that coming back to the page (the browser's
    Back after a click on a bar) shows what the figures are for.
    `units_of_group`: the Đơn vị box offers the chosen group's units only
    and says when a unit outside it was dropped (the page's state keeps the
    two choices); without it every unit is offered. `groups`, a Var of
    {id, name}: the unit groups offered (those with a unit in the user's
    scope); without it every group."""

    def shown(key: str, default: str = "") -> str | rx.Var:
        return kept.get(key, default).to(str) if kept is not None else default

    month = _select("Tháng", "month", MONTHS, first="—", width="120px",
                    default=shown("month"))
    quarter = _select("Quý", "quarter", QUARTERS, first="—", width="110px",
                      default=shown("quarter"))
    # Both dates are needed for a custom range: "(tùy chọn)" read as
    # "optional" (services/reports/scope.resolve_period).
    dates = rx.fragment(
        _input("Từ ngày (khoảng ngày)", "date_from", "ngày/tháng/năm", date=True,
               default=shown("date_from")),
        _input("Đến ngày", "date_to", "ngày/tháng/năm", date=True,
               default=shown("date_to")),
    )
    year_box = _input("Năm", "year", "vd. 2026", "90px", default=year,
                      input_mode="numeric")
    return rx.form(
        rx.flex(
            _select("Kỳ", "period", list(PERIODS.items()),
                    default=shown("period", DEFAULT_PERIOD), on_change=on_period),
            # A year is digits: the number pad, not the full keyboard.
            rx.cond((period != "") & (period != "custom"), year_box),
            rx.cond(period == "month", month),
            rx.cond(period == "quarter", quarter),
            rx.cond(period == "custom", dates),
            wrap="wrap",
            spacing="3",
        ),
        rx.flex(
            _select(
                "Nhóm đơn vị",
                "group",
                list(GROUPS.items()) if groups is None else groups,
                first="Tất cả",
                width="200px",
                default=shown("group"),
                # Drawn again once the options arrive, to show the kept one.
                key=None if groups is None else groups.length(),
                **(
                    {"on_change": units_of_group.on_group}
                    if units_of_group is not None else {}
                ),
            ),
            _select("Đơn vị", "unit", units, first="Tất cả đơn vị", width="260px",
                    default=shown("unit"))
            if units_of_group is None
            else _select(
                "Đơn vị",
                "unit",
                units_of_group.units,
                first="Tất cả đơn vị",
                width="260px",
                default=units_of_group.unit,
                on_change=units_of_group.on_unit,
                key=units_of_group.group,
                note=units_of_group.note,
                finder=UnitFinder(
                    units_of_group.state, "unit", kept=units_of_group.unit
                ),
            ),
            rx.box(
                _label("Lĩnh vực", "field"),
                rx.el.select(
                    rx.el.option("Tất cả lĩnh vực", value=""),
                    rx.foreach(fields, lambda f: rx.el.option(f, value=f)),
                    name="field",
                    id="field",
                    class_name="xl-select",
                    default_value=shown("field"),
                    **(
                        {"key": "field-" + shown("field")}
                        if kept is not None else {}
                    ),
                ),
                flex="1 1 240px",
            ),
            rx.button(
                rx.icon("filter", size=16),
                submit_label,
                type="submit",
                size="3",
                align_self="end",
                id=submit_id,
            ),
            wrap="wrap",
            spacing="3",
            margin_top="0.5em",
        ),
        on_submit=on_submit,
        reset_on_submit=False,
    )


def _figure_card(
    title: str,
    figure,
    on_click=None,
    id_: str = "",
    hint: str = "Bấm vào một cột để xem danh sách hồ sơ.",
    flex: str = "1 1 100%",
    note: str = "",
) -> rx.Component:
    """`hint` (how a click opens the list) shows only to those who may read
    the list; `note` (what the chart counts) to everyone."""
    props = {"on_click": on_click} if on_click is not None else {}
    return rx.card(
        rx.heading(title, size="4"),
        rx.cond(CAN_LIST, rx.text(hint, size="1", color_scheme="gray"))
        if on_click
        else rx.fragment(),
        rx.text(note, size="1", color_scheme="gray") if note else rx.fragment(),
        rx.plotly(
            data=figure.to(go.Figure),
            width="100%",
            use_resize_handler=True,
            id=id_,
            # The toolbar speaks English and is not needed to read a chart.
            config={"displayModeBar": False, "locale": "vi"},
            **props,
        ),
        flex=flex,
        min_width="300px",
    )


def _stat(label: str, value, id_: str) -> rx.Component:
    return rx.card(
        rx.text(label, size="2", color_scheme="gray"),
        rx.heading(value, size="6", id=id_),
        flex="1 1 200px",
    )


def _listed(text, href) -> rx.Component:
    """A figure that opens its cases in the list, for those who may read it;
    plain text for the others."""
    return rx.cond(
        CAN_LIST,
        # A finger-sized target on a phone or tablet (assets/styles.css).
        rx.link(text, href=href, class_name="xl-tap"),
        rx.text.span(text),
    )


# What an empty table says instead of its bare headings, worded as the
# empty charts are (state/dashboard.NO_DATA).
NO_UNIT_ROWS = "Chưa có số liệu theo đơn vị trong phạm vi đã chọn."
NO_TOP_ACTS = "Chưa có hành vi vi phạm nào trong phạm vi đã chọn."


def _none(text: str, id_: str) -> rx.Component:
    """Said instead of a table with no row: bare headings read as a page
    that failed to load."""
    return rx.text(text, size="2", color_scheme="gray", id=id_, margin_top="0.5em")


def _unit_table() -> rx.Component:
    headers = ["Đơn vị", "Số vụ việc", "Tiền phạt", "Đã thu", "Quá hạn"]
    return rx.card(
        rx.heading("Bảng số liệu theo đơn vị", size="4"),
        rx.cond(
            DashboardState.unit_rows.length() > 0,
            rx.fragment(_unit_table_rows(headers), _units_on_phone()),
            _none(NO_UNIT_ROWS, "bang-don-vi-trong"),
        ),
        width="100%",
    )


def _unit_table_rows(headers: list[str]) -> rx.Component:
    """The table, on a tablet and a computer."""
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(*[rx.table.column_header_cell(h) for h in headers])
            ),
            rx.table.body(
                rx.foreach(
                    DashboardState.unit_rows,
                    lambda r: rx.table.row(
                        rx.table.cell(_listed(r["name"], r["link"])),
                        rx.table.cell(r["cases"]),
                        rx.table.cell(r["fines"], text_align="right"),
                        rx.table.cell(r["collected"], text_align="right"),
                        rx.table.cell(_listed(r["overdue"], r["overdue_link"])),
                    ),
                )
            ),
            width="100%",
            id="bang-don-vi",
        ),
        overflow_x="auto",
        display=["none", "none", "block"],
    )


def _units_on_phone() -> rx.Component:
    """One block per unit, on a phone (`_unit_on_phone`)."""
    return rx.box(
        rx.foreach(DashboardState.unit_rows, _unit_on_phone),
        display=["block", "block", "none"],
        id="don-vi-dien-thoai",
    )


def _figure_on_phone(label: str, value) -> rx.Component:
    return rx.text(
        label, rx.text.span(value, weight="bold"), size="2", color_scheme="gray"
    )


def _unit_on_phone(r) -> rx.Component:
    """A unit's figures on a phone: under its name, wrapping, so the five
    columns need no sideways scrolling."""
    return rx.box(
        rx.cond(
            CAN_LIST,
            rx.link(r["name"], href=r["link"], weight="medium", size="2",
                    class_name="xl-tap"),
            rx.text(r["name"], weight="medium", size="2"),
        ),
        rx.flex(
            _figure_on_phone("Vụ việc: ", r["cases"]),
            _figure_on_phone("Tiền phạt: ", r["fines"]),
            _figure_on_phone("Đã thu: ", r["collected"]),
            _figure_on_phone("Quá hạn: ", _listed(r["overdue"], r["overdue_link"])),
            wrap="wrap",
            column_gap="1em",
        ),
        padding_y="0.5em",
        border_bottom="1px solid var(--gray-4)",
    )


def _top_acts() -> rx.Component:
    """On a phone, one card per act (user trial: the citation column took
    the width and the count was off the screen)."""
    return rx.card(
        rx.heading("Hành vi vi phạm thường gặp", size="4"),
        rx.cond(
            DashboardState.top_acts.length() > 0,
            data_table(
                ["Căn cứ", "Hành vi", "Số vụ việc"],
                DashboardState.top_acts,
                lambda r: rx.table.row(
                    labelled_cell("Căn cứ", r["citation"]),
                    labelled_cell("Hành vi", r["act"]),
                    labelled_cell("Số vụ việc", r["cases"]),
                ),
                table_id="bang-hanh-vi",
                cards=True,
            ),
            _none(NO_TOP_ACTS, "bang-hanh-vi-trong"),
        ),
        width="100%",
    )


@rx.page(route=routes.DASHBOARD, title="Thống kê – XLVPHC", on_load=DashboardState.open)
def dashboard_page() -> rx.Component:
    s = DashboardState
    return page_for(
        Action.DASHBOARD_READ,
        "Thống kê xử lý vi phạm hành chính",
        filter_form(
            s.apply,
            s.units,
            s.fields,
            period=s.period_choice,
            on_period=s.choose_period,
            year=s.year_shown,
            kept=s.filters,
            groups=s.group_choices,
            units_of_group=UnitsOfGroup(
                s.units_shown,
                s.group_choice,
                s.unit_choice,
                s.unit_note,
                s.choose_group,
                s.choose_unit,
                s,
            ),
        ),
        form_message(),
        rx.flex(
            rx.text("Kỳ: ", rx.text.span(s.label, weight="bold", id="ky-thong-ke")),
            rx.spacer(),
            rx.cond(
                CAN_LIST,
                rx.link(
                    "Xem danh sách hồ sơ của kỳ này",
                    href=s.list_link,
                    id="xem-danh-sach-ky",
                    class_name="xl-tap",
                ),
            ),
            wrap="wrap",
            spacing="2",
        ),
        rx.flex(
            _stat("Số vụ việc", s.cases, "tong-vu-viec"),
            _stat("Đã ra quyết định", s.decided, "so-quyet-dinh"),
            _stat("Tiền phạt theo quyết định", s.fines, "tong-tien-phat"),
            _stat("Tiền phạt đã thu", s.collected, "tong-da-thu"),
            _stat("Số đơn vị có vụ việc", s.units_with_cases, "so-don-vi"),
            wrap="wrap",
            spacing="3",
        ),
        _figure_card(
            "Số vụ việc theo đơn vị", s.unit_figure, s.click_unit, "bieu-do-don-vi"
        ),
        rx.flex(
            _figure_card(
                "Tình hình thi hành quyết định",
                s.status_figure,
                s.click_status,
                "bieu-do-thi-hanh",
                hint="Bấm vào một cột để xem đúng các hồ sơ cột đó đếm.",
                flex="2 1 420px",
                note=STATUS_NOTE,
            ),
            _figure_card(
                "Đối tượng vi phạm",
                s.kind_figure,
                id_="bieu-do-doi-tuong",
                flex="1 1 280px",
            ),
            wrap="wrap",
            spacing="3",
        ),
        _figure_card(
            "Theo lĩnh vực: vụ việc, tiền phạt và đã thu",
            s.field_figure,
            s.click_field,
            "bieu-do-linh-vuc",
        ),
        _figure_card(
            "Theo tháng: vụ việc, tiền phạt và đã thu",
            s.month_figure,
            s.click_month,
            "bieu-do-thang",
        ),
        _figure_card(
            "Quyết định quá hạn chấp hành theo đơn vị",
            s.overdue_figure,
            s.click_overdue,
            "bieu-do-qua-han",
        ),
        _top_acts(),
        _unit_table(),
        intro="Số liệu toàn tỉnh (hoặc trong phạm vi đơn vị của bạn), tính theo "
        "ngày vi phạm. Chọn kỳ, đơn vị, lĩnh vực rồi bấm Xem.",
    )
