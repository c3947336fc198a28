"""Danh sách hồ sơ and Chi tiết hồ sơ."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import field, form_message, select_field
from xlvphc.components.shell import page
from xlvphc.models.cases import CaseStatus
from xlvphc.state.cases import CaseListState

STATUS_OPTIONS = list(CaseStatus.LABELS.items())


def _filters() -> rx.Component:
    return rx.form(
        rx.flex(
            field(
                "Tìm kiếm",
                "q",
                placeholder="Tên người vi phạm (có hoặc không dấu), số biên bản…",
                width="100%",
            ),
            select_field("Trạng thái", "status", STATUS_OPTIONS),
            field("Vi phạm từ ngày", "date_from", placeholder="ngày/tháng/năm"),
            field("đến ngày", "date_to", placeholder="ngày/tháng/năm"),
            rx.button(
                rx.icon("search", size=16), "Tìm", type="submit", size="3",
                align_self="end", id="nut-tim",
            ),
            wrap="wrap",
            gap="3",
        ),
        on_submit=CaseListState.search,
        reset_on_submit=False,
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(row["record_number"], href=f"{routes.CASE_DETAIL}?id={row['id']}")
        ),
        rx.table.cell(row["violator_name"]),
        rx.table.cell(row["violation_date"]),
        rx.table.cell(row["unit_name"]),
        rx.table.cell(rx.badge(row["status"])),
        rx.table.cell(row["decision_number"]),
        rx.table.cell(row["fine_total"], text_align="right"),
    )


def _table() -> rx.Component:
    headers = ["Số biên bản", "Người vi phạm", "Ngày vi phạm", "Đơn vị",
               "Trạng thái", "Số quyết định", "Tiền phạt"]
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(*[rx.table.column_header_cell(h) for h in headers])
            ),
            rx.table.body(rx.foreach(CaseListState.rows, _row)),
            variant="surface",
            width="100%",
        ),
        overflow_x="auto",
        width="100%",
    )


@rx.page(route=routes.CASES, title="Hồ sơ – XLVPHC", on_load=CaseListState.open)
def case_list_page() -> rx.Component:
    return page(
        "Hồ sơ vi phạm hành chính",
        _filters(),
        form_message(),
        rx.flex(
            rx.text("Tìm thấy ", rx.text.span(CaseListState.total, weight="bold"),
                    " hồ sơ", id="so-ket-qua"),
            rx.spacer(),
            rx.link(rx.button(rx.icon("file-plus", size=16), "Lập biên bản mới"),
                    href=routes.CASE_NEW),
            align="center",
            wrap="wrap",
            gap="2",
        ),
        _table(),
        rx.cond(
            CaseListState.total == 0,
            rx.text("Chưa có hồ sơ nào khớp với điều kiện tìm kiếm.",
                    color_scheme="gray"),
        ),
        rx.flex(
            rx.button("‹ Trang trước", variant="soft",
                      on_click=CaseListState.previous_page,
                      disabled=CaseListState.page <= 1),
            rx.text("Trang ", CaseListState.page, " / ", CaseListState.pages),
            rx.button("Trang sau ›", variant="soft",
                      on_click=CaseListState.next_page,
                      disabled=CaseListState.page >= CaseListState.pages),
            align="center",
            gap="3",
            justify="center",
        ),
        intro="Mỗi đơn vị chỉ thấy hồ sơ của mình. Gõ tên không cần dấu, số biên "
        "bản, số quyết định, số định danh hoặc mã số thuế rồi bấm Tìm.",
    )
