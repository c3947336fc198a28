"""Việc cần làm: the deadlines of the user's cases, most urgent first."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import form_message
from xlvphc.components.shell import page
from xlvphc.state.procedure import TodoState


def _row(r) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.badge(r["when"], color_scheme=r["tone"].to(str))),
        rx.table.cell(r["due"]),
        rx.table.cell(r["label"]),
        rx.table.cell(
            rx.link(
                r["record_number"],
                href=routes.CASE_DETAIL + "?id=" + r["case_id"].to(str),
            )
        ),
        rx.table.cell(r["decision_number"]),
        rx.table.cell(r["violator_name"]),
        rx.table.cell(r["unit_name"]),
    )


@rx.page(route=routes.TODO, title="Việc cần làm – XLVPHC", on_load=TodoState.open)
def todo_page() -> rx.Component:
    return page(
        "Việc cần làm",
        form_message(),
        rx.flex(
            rx.el.select(
                rx.el.option("Tất cả các loại việc", value=""),
                rx.foreach(
                    TodoState.kinds, lambda k: rx.el.option(k["name"], value=k["id"])
                ),
                on_change=TodoState.filter,
                id="loai-viec",
                class_name="xl-select",
                aria_label="Loại việc",
                style={"maxWidth": "420px"},
            ),
            rx.text(
                TodoState.rows.length(),
                " việc, trong đó ",
                TodoState.overdue,
                " việc đã quá hạn.",
                size="2",
                id="dem-viec",
            ),
            gap="3",
            align="center",
            wrap="wrap",
        ),
        rx.cond(
            TodoState.rows.length() > 0,
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            *[
                                rx.table.column_header_cell(h)
                                for h in (
                                    "Thời hạn",
                                    "Hạn",
                                    "Việc",
                                    "Biên bản",
                                    "Quyết định",
                                    "Đối tượng",
                                    "Đơn vị",
                                )
                            ]
                        )
                    ),
                    rx.table.body(rx.foreach(TodoState.rows, _row)),
                    size="2",
                    variant="surface",
                    id="bang-viec",
                ),
                overflow_x="auto",
                width="100%",
            ),
            rx.text("Không có việc nào sắp đến hạn.", color_scheme="gray"),
        ),
        intro="Các thời hạn phải xử lý của hồ sơ thuộc đơn vị bạn — ra quyết định, "
        "gửi quyết định, chấp hành, nộp phạt theo lần, thời hiệu, cưỡng chế — việc "
        "gấp nhất ở trên cùng.",
    )
