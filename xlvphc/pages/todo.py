"""Việc cần làm: the deadlines of the user's cases, most urgent first."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.case_link import decision_cell, opening_row, record_cell
from xlvphc.components.fields import form_message
from xlvphc.components.shell import page_for
from xlvphc.services.access import Action
from xlvphc.state.procedure import TodoState


def _cell(label: str, *children, **props) -> rx.Component:
    """A cell that names its column: on a phone each task reads as a card,
    each value under its label (assets/styles.css, .xl-card-table)."""
    return rx.table.cell(*children, custom_attrs={"data-label": label}, **props)


def _row(r) -> rx.Component:
    # The whole row (a card on a phone) opens the case; its one link is on
    # the record number, else the decision number (components/case_link.py).
    return opening_row(
        r,
        "case_id",
        _cell(
            "Thời hạn",
            rx.badge(r["when"], color_scheme=r["tone"].to(str), size="2"),
            white_space="nowrap",
        ),
        _cell("Hạn", r["due"], white_space="nowrap"),
        _cell("Việc", r["label"], min_width="12rem"),
        _cell("Biên bản", record_cell(r, "case_id"), white_space="nowrap"),
        _cell("Quyết định", decision_cell(r, "case_id"), white_space="nowrap"),
        _cell("Đối tượng", r["violator_name"], min_width="8rem"),
        _cell("Đơn vị", r["unit_name"], min_width="9rem"),
    )


def _pager() -> rx.Component:
    """Previous / next page: the browser holds one page of the list."""
    return rx.flex(
        rx.button(
            rx.icon("chevron-left", size=16),
            "Trang trước",
            variant="soft",
            on_click=TodoState.previous_page,
            disabled=TodoState.page <= 1,
            id="trang-truoc",
        ),
        rx.text(
            "Trang ", TodoState.page, "/", TodoState.pages, size="2", id="so-trang"
        ),
        rx.button(
            "Trang sau",
            rx.icon("chevron-right", size=16),
            variant="soft",
            on_click=TodoState.next_page,
            disabled=TodoState.page >= TodoState.pages,
            id="trang-sau",
        ),
        spacing="3",
        align="center",
        justify="center",
    )


@rx.page(route=routes.TODO, title="Việc cần làm – XLVPHC", on_load=TodoState.open)
def todo_page() -> rx.Component:
    # A role that reads no cases (leadership: statistics only) gets the
    # refusal panel alone, not a refusal above "0 việc" (user trial); the
    # menu hides the page from it on the same action (components/shell.py).
    return page_for(
        Action.CASE_READ,
        "Việc cần làm",
        form_message(),
        rx.flex(
            rx.el.select(
                rx.el.option("Tất cả các loại việc", value=""),
                rx.foreach(
                    TodoState.kinds, lambda k: rx.el.option(k["name"], value=k["id"])
                ),
                value=TodoState.kind,
                on_change=TodoState.filter,
                id="loai-viec",
                class_name="xl-select",
                aria_label="Loại việc",
                style={"maxWidth": "420px"},
            ),
            rx.text(
                rx.cond(TodoState.more, "Hơn ", ""),
                TodoState.total,
                " việc, trong đó ",
                rx.cond(TodoState.overdue_more, "hơn ", ""),
                TodoState.overdue,
                " việc đã quá hạn.",
                rx.cond(
                    TodoState.more,
                    " Danh sách gồm các việc gấp nhất; chọn loại việc để xem các "
                    "việc khác.",
                    "",
                ),
                size="2",
                id="dem-viec",
            ),
            spacing="3",
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
                    width="100%",
                    id="bang-viec",
                    class_name="xl-card-table",
                ),
                overflow_x="auto",
                width="100%",
            ),
            rx.text("Không có việc nào sắp đến hạn.", color_scheme="gray"),
        ),
        rx.cond(TodoState.pages > 1, _pager()),
        intro="Các thời hạn phải xử lý của hồ sơ thuộc đơn vị bạn — ra quyết định, "
        "gửi quyết định, chấp hành, nộp phạt theo lần, thời hiệu, cưỡng chế — việc "
        "gấp nhất ở trên cùng.",
    )
