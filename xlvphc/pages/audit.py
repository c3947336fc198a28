"""Nhật ký hệ thống: the audit trail for administrators and supervisors."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.data_table import data_table, pager
from xlvphc.components.fields import field, form_message, select_field
from xlvphc.components.shell import page_for
from xlvphc.services.access import Action
from xlvphc.state.audit import AuditState as S


def _filters() -> rx.Component:
    return rx.form(
        rx.flex(
            field("Người thực hiện", "user", placeholder="tên đăng nhập"),
            select_field("Đơn vị", "unit_id", S.units),
            select_field("Thao tác", "action", S.actions),
            field("Từ ngày", "date_from", placeholder="dd/mm/yyyy"),
            field("Đến ngày", "date_to", placeholder="dd/mm/yyyy"),
            rx.button(
                rx.icon("search", size=16),
                "Lọc",
                type="submit",
                size="3",
                align_self="end",
                id="nut-loc-nhat-ky",
            ),
            spacing="3",
            wrap="wrap",
            align="end",
        ),
        on_submit=S.search,
        reset_on_submit=False,
    )


def _row(row) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["at"], white_space="nowrap"),
        rx.table.cell(row["user"]),
        rx.table.cell(row["unit"]),
        rx.table.cell(row["action"]),
        rx.table.cell(row["entity"]),
        rx.table.cell(
            rx.cond(row["before"] != "", rx.text("Trước: ", row["before"], size="1")),
            rx.cond(row["after"] != "", rx.text("Sau: ", row["after"], size="1")),
            rx.cond(row["reason"] != "", rx.text("Lý do: ", row["reason"], size="1")),
            max_width="420px",
            word_break="break-word",
        ),
    )


@rx.page(route=routes.AUDIT, title="Nhật ký – XLVPHC", on_load=S.open)
def audit_page() -> rx.Component:
    return page_for(
        Action.AUDIT_READ,
        "Nhật ký hệ thống",
        form_message(),
        _filters(),
        rx.flex(
            rx.text("Có ", S.total, " sự kiện", size="2", color_scheme="gray"),
            rx.button(
                rx.icon("sheet", size=16),
                "Xuất Excel",
                variant="soft",
                on_click=S.export,
                id="xuat-nhat-ky",
            ),
            justify="between",
            align="center",
            wrap="wrap",
            spacing="2",
        ),
        data_table(
            ["Thời gian", "Người thực hiện", "Đơn vị", "Thao tác", "Đối tượng",
             "Chi tiết"],
            S.rows,
            _row,
            table_id="bang-nhat-ky",
            size="1",
        ),
        pager(S),
        intro="Ai đã làm gì, lúc nào, ở đơn vị nào: đăng nhập, tài khoản, đơn vị và "
        "hồ sơ. Nhật ký chỉ được ghi thêm, không ai sửa hay xóa được.",
    )
