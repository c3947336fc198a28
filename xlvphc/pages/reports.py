"""Báo cáo: the statistical report tables for a period and scope, with their
Excel and PDF files."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import form_message
from xlvphc.components.shell import page_for
from xlvphc.pages.dashboard import UnitsOfGroup, filter_form
from xlvphc.services.access import Action
from xlvphc.state.reports import ReportState


def _row(row: rx.Var) -> rx.Component:
    """A section title, a unit's figures or a subtotal (bold, shaded)."""
    bold = row.kind != "unit"
    return rx.cond(
        row.kind == "section",
        rx.table.row(rx.table.cell(rx.text(row.cells[0], weight="bold"), col_span=12)),
        rx.table.row(
            rx.table.cell(
                rx.text(row.cells[0], weight=rx.cond(bold, "bold", "regular")),
                min_width="200px",
                background=rx.cond(bold, "var(--gray-3)", "var(--color-panel-solid)"),
            ),
            rx.foreach(
                row.cells[1:],
                lambda v: rx.table.cell(
                    rx.text(v, weight=rx.cond(bold, "bold", "regular")),
                    text_align="right",
                ),
            ),
            background=rx.cond(bold, "var(--gray-3)", "transparent"),
        ),
    )


# More columns than this do not fit a tablet (200px + 110px a column): the
# table scrolls sideways, and says so (user trial: Biểu 3 seemed to end at 3.5).
FITTING_COLUMNS = 6
SCROLL_HINT = "Kéo sang phải để xem thêm cột"


def _scroll_hint(table: rx.Var) -> rx.Component:
    return rx.cond(
        table.headers.length() > FITTING_COLUMNS,
        rx.flex(
            rx.icon("arrow-right-left", size=14),
            rx.text(SCROLL_HINT, size="1"),
            align="center",
            spacing="1",
            color_scheme="gray",
            class_name="xl-scroll-hint",
        ),
    )


def _wide_table(table: rx.Var) -> rx.Component:
    """The table as printed, from tablet width up (it scrolls inside its card
    when its columns do not fit, with a hint above it and the unit's name
    kept in view)."""
    return rx.box(
        _scroll_hint(table),
        rx.box(
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.foreach(
                            table.headers,
                            lambda h: rx.table.column_header_cell(
                                h, min_width="110px"
                            ),
                        )
                    )
                ),
                rx.table.body(rx.foreach(table.rows, _row)),
                size="1",
                width="100%",
            ),
            overflow_x="auto",
            class_name="xl-report-wide",
            # The unit's name stays in view while the figures scroll.
            # (Each row's first cell brings its own opaque background: _row.)
            style={
                "& td:first-child, & th:first-child": {
                    "position": "sticky",
                    "left": "0",
                    "z_index": "1",
                },
                "& th:first-child": {"background": "var(--color-panel-solid)"},
            },
        ),
        display=["none", "none", "block"],
    )


def _figure(table: rx.Var, value: rx.Var, index: rx.Var) -> rx.Component:
    """One column of a unit's row on a phone: its heading, then the figure."""
    return rx.flex(
        rx.text(table.headers[index + 1], size="2", color_scheme="gray"),
        rx.text(value, size="2", weight="medium", white_space="nowrap"),
        justify="between",
        align="start",
        spacing="3",
        padding_y="0.3em",
        border_top="1px solid var(--gray-4)",
    )


def _phone_row(table: rx.Var, row: rx.Var) -> rx.Component:
    """A row on a phone: a section title, or a unit (or subtotal) showing its
    first figure, the others on tap (a native disclosure, no round trip)."""
    bold = row.kind != "unit"
    return rx.cond(
        row.kind == "section",
        rx.text(row.cells[0], weight="bold", size="2", margin_top="0.75em"),
        rx.el.details(
            rx.el.summary(
                rx.icon("chevron-right", size=16, class_name="xl-chevron",
                        flex_shrink="0", margin_top="0.15em"),
                rx.box(
                    rx.text(
                        row.cells[0], weight=rx.cond(bold, "bold", "regular"),
                        size="2",
                    ),
                    rx.text(
                        table.headers[1], ": ",
                        rx.text.span(row.cells[1], weight="bold"),
                        size="1", color_scheme="gray",
                    ),
                ),
                # A flex summary drops the browser's own marker.
                display="flex",
                gap="0.4em",
                cursor="pointer",
                padding_y="0.4em",
            ),
            rx.box(
                rx.foreach(
                    row.cells[1:], lambda value, i: _figure(table, value, i)
                ),
                padding_left="1em",
                padding_bottom="0.5em",
            ),
            class_name="xl-report-row",
            style={"&[open] .xl-chevron": {"transform": "rotate(90deg)"}},
            background=rx.cond(bold, "var(--gray-3)", "transparent"),
            border_bottom="1px solid var(--gray-4)",
            padding_x="0.5em",
        ),
    )


def _phone_rows(table: rx.Var) -> rx.Component:
    """The table on a phone: one row under another, no sideways scrolling."""
    return rx.box(
        rx.text(
            "Bấm vào một đơn vị để xem đủ các cột.", size="1", color_scheme="gray"
        ),
        rx.foreach(table.rows, lambda row: _phone_row(table, row)),
        display=["block", "block", "none"],
        class_name="xl-report-phone",
    )


def _table(table: rx.Var) -> rx.Component:
    return rx.card(
        rx.heading(table.title, size="4"),
        _wide_table(table),
        _phone_rows(table),
        width="100%",
    )


def _exports() -> rx.Component:
    return rx.flex(
        rx.button(
            rx.icon("file-spreadsheet", size=16),
            "Tải Excel (.xlsx)",
            on_click=ReportState.export("xlsx"),
            disabled=ReportState.busy,
            id="tai-excel",
        ),
        rx.button(
            rx.icon("file-text", size=16),
            "Tải PDF",
            variant="soft",
            on_click=ReportState.export("pdf"),
            disabled=ReportState.busy,
            id="tai-pdf",
        ),
        rx.cond(
            ReportState.busy,
            rx.flex(
                rx.text("Đang tạo tệp…", size="2"),
                rx.progress(value=ReportState.progress, max=100, width="200px"),
                align="center",
                spacing="2",
                id="tien-do",
            ),
        ),
        wrap="wrap",
        spacing="3",
        align="center",
    )


@rx.page(route=routes.REPORTS, title="Báo cáo – XLVPHC", on_load=ReportState.open)
def reports_page() -> rx.Component:
    return page_for(
        Action.REPORT_READ,
        "Báo cáo thống kê xử lý vi phạm hành chính",
        filter_form(
            ReportState.show,
            ReportState.units,
            ReportState.fields,
            submit_label="Lập báo cáo",
            submit_id="nut-lap-bao-cao",
            year=ReportState.year_shown,
            period=ReportState.period_choice,
            on_period=ReportState.choose_period,
            groups=ReportState.group_choices,
            units_of_group=UnitsOfGroup(
                ReportState.units_shown,
                ReportState.group_choice,
                ReportState.unit_choice,
                ReportState.unit_note,
                ReportState.choose_group,
                ReportState.choose_unit,
                ReportState,
            ),
        ),
        form_message(),
        rx.cond(
            ReportState.tables.length() > 0,
            rx.flex(
                rx.text(
                    "Kỳ báo cáo: ", rx.text.span(ReportState.period, weight="bold")
                ),
                _exports(),
                rx.foreach(ReportState.tables, _table),
                rx.card(
                    rx.heading("Ghi chú", size="3"),
                    rx.unordered_list(
                        rx.foreach(
                            ReportState.notes, lambda n: rx.list_item(n, size="2")
                        )
                    ),
                    width="100%",
                ),
                direction="column",
                spacing="4",
            ),
            rx.text(
                "Chọn kỳ báo cáo và phạm vi rồi bấm Lập báo cáo.", color_scheme="gray"
            ),
        ),
        intro="Các biểu thống kê theo nội dung báo cáo tại khoản 2 Điều 35 Nghị "
        "định 118/2021/NĐ-CP, tính từ dữ liệu hồ sơ; số liệu Công an và cơ quan "
        "ngành dọc được theo dõi riêng. Tải về dạng Excel hoặc PDF.",
    )
