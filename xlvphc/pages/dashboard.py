"""Thống kê: the supervisors' dashboard."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import field, form_message
from xlvphc.components.shell import page
from xlvphc.state.dashboard import DashboardState


def _figure_card(title: str, figure) -> rx.Component:
    return rx.card(
        rx.heading(title, size="4"),
        rx.plotly(data=figure, width="100%", use_resize_handler=True),
        width="100%",
    )


def _stat(label: str, value, id_: str) -> rx.Component:
    return rx.card(
        rx.text(label, size="2", color_scheme="gray"),
        rx.heading(value, size="7", id=id_),
        flex="1 1 200px",
    )


def _filters() -> rx.Component:
    return rx.form(
        rx.flex(
            field("Từ ngày", "date_from", placeholder="ngày/tháng/năm"),
            field("Đến ngày", "date_to", placeholder="ngày/tháng/năm"),
            rx.box(
                rx.text("Lĩnh vực", as_="label", html_for="field", size="2",
                        weight="medium"),
                rx.el.select(
                    rx.el.option("Tất cả lĩnh vực", value=""),
                    rx.foreach(DashboardState.fields,
                               lambda f: rx.el.option(f, value=f)),
                    name="field", id="field", class_name="xl-select",
                ),
                flex="1 1 220px",
            ),
            rx.button(rx.icon("filter", size=16), "Xem", type="submit", size="3",
                      align_self="end", id="nut-loc"),
            wrap="wrap", gap="3",
        ),
        on_submit=DashboardState.apply,
        reset_on_submit=False,
    )


def _unit_table() -> rx.Component:
    return rx.card(
        rx.heading("Bảng số liệu theo đơn vị", size="4"),
        rx.box(
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell("Đơn vị"),
                    rx.table.column_header_cell("Số vụ việc"),
                    rx.table.column_header_cell("Tiền phạt"),
                )),
                rx.table.body(rx.foreach(
                    DashboardState.unit_rows,
                    lambda r: rx.table.row(
                        rx.table.cell(r[0]), rx.table.cell(r[1]),
                        rx.table.cell(r[2], text_align="right"),
                    ),
                )),
                width="100%", id="bang-don-vi",
            ),
            overflow_x="auto",
        ),
        width="100%",
    )


@rx.page(route=routes.DASHBOARD, title="Thống kê – XLVPHC",
         on_load=DashboardState.open)
def dashboard_page() -> rx.Component:
    return page(
        "Thống kê xử lý vi phạm hành chính",
        _filters(),
        form_message(),
        rx.flex(
            _stat("Số vụ việc", DashboardState.cases, "tong-vu-viec"),
            _stat("Tổng tiền phạt theo quyết định", DashboardState.fines,
                  "tong-tien-phat"),
            _stat("Số đơn vị có vụ việc", DashboardState.units_with_cases,
                  "so-don-vi"),
            wrap="wrap", gap="3",
        ),
        _figure_card("Số vụ việc theo đơn vị", DashboardState.unit_figure),
        _figure_card("Theo lĩnh vực", DashboardState.field_figure),
        _figure_card("Theo tháng", DashboardState.month_figure),
        _unit_table(),
        intro="Số liệu toàn tỉnh (hoặc trong phạm vi của bạn), tính theo ngày vi "
        "phạm. Chọn khoảng thời gian và lĩnh vực rồi bấm Xem.",
    )
