"""Nhật ký hệ thống: the audit trail for administrators and supervisors."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.data_table import data_table, labelled_cell, pager
from xlvphc.components.fields import field, form_message, select_field
from xlvphc.components.shell import page_for
from xlvphc.components.unit_picker import UnitFinder
from xlvphc.services.access import Action
from xlvphc.state.audit import EXPORT
from xlvphc.state.audit import AuditState as S

# Vietnamese, as on the other date boxes (user trial: "dd/mm/yyyy").
DATE_HINT = "ngày/tháng/năm"
FORM_ID = "loc-nhat-ky"
# «Xuất Excel» sends the filter form, as «Lọc» does, with its hidden
# «intent» box set for that one submission: the file then holds what the
# boxes show, checked as Lọc checks them (state/audit.AuditState._apply).
# A form's data does not name the button that sent it, hence the box.
EXPORT_SCRIPT = (
    f"(() => {{const f = document.getElementById('{FORM_ID}');"
    f" if (!f) return; f.elements.intent.value = '{EXPORT}';"
    " try { f.requestSubmit(); } finally { f.elements.intent.value = ''; }})()"
)


def _filters() -> rx.Component:
    return rx.form(
        rx.flex(
            field("Người thực hiện", "user", placeholder="tên đăng nhập"),
            select_field(
                "Đơn vị",
                "unit_id",
                S.units,
                on_change=S.keep_unit("unit_id"),
                finder=UnitFinder(S, "unit_id"),
            ),
            select_field("Thao tác", "action", S.actions),
            field("Từ ngày", "date_from", placeholder=DATE_HINT, date=True),
            field("Đến ngày", "date_to", placeholder=DATE_HINT, date=True),
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
        rx.el.input(type="hidden", name="intent", default_value=""),
        on_submit=S.search,
        reset_on_submit=False,
        id=FORM_ID,
    )


def _row(row) -> rx.Component:
    """An event; on a phone a card, each value under its label (user trial:
    columns cut off, names one word per line)."""
    return rx.table.row(
        labelled_cell("Thời gian", row["at"], white_space="nowrap"),
        labelled_cell("Người thực hiện", row["user"]),
        labelled_cell("Đơn vị", row["unit"]),
        labelled_cell("Thao tác", row["action"]),
        labelled_cell("Đối tượng", row["entity"]),
        labelled_cell(
            "Chi tiết",
            # Nothing at all when there is no detail: an empty cell hides its
            # label on a phone (.xl-card-table td:empty).
            rx.cond(
                (row["before"] != "") | (row["after"] != "") | (row["reason"] != ""),
                rx.box(
                    rx.cond(row["before"] != "",
                            rx.text("Trước: ", row["before"], size="1")),
                    rx.cond(row["after"] != "",
                            rx.text("Sau: ", row["after"], size="1")),
                    rx.cond(row["reason"] != "",
                            rx.text("Lý do: ", row["reason"], size="1")),
                ),
            ),
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
            rx.box(
                rx.text("Có ", S.total, " sự kiện", size="2", color_scheme="gray"),
                # The list stays that of the last valid filters (state/audit).
                rx.cond(
                    S.kept_previous,
                    rx.text(
                        "Danh sách vẫn là kết quả của lần lọc trước: sửa ô báo "
                        "lỗi rồi bấm Lọc.",
                        size="2",
                        color_scheme="amber",
                        id="nhat-ky-ket-qua-cu",
                    ),
                ),
            ),
            rx.button(
                rx.icon("sheet", size=16),
                "Xuất Excel",
                variant="soft",
                type="button",
                on_click=rx.call_script(EXPORT_SCRIPT),
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
            cards=True,
            size="1",
        ),
        pager(S),
        intro="Ai đã làm gì, lúc nào, ở đơn vị nào: đăng nhập, tài khoản, đơn vị và "
        "hồ sơ. Nhật ký chỉ được ghi thêm, không ai sửa hay xóa được.",
    )
