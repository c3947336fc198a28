"""Thùng rác: deleted cases, with restore (officers) and purge (admins)."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.data_table import data_table, labelled_cell
from xlvphc.components.fields import field, form_message
from xlvphc.components.shell import page_for
from xlvphc.services.access import Action
from xlvphc.state.recycle_bin import RecycleBinState

CAN_RESTORE = RecycleBinState.permissions.contains("case.delete")
CAN_PURGE = RecycleBinState.permissions.contains("case.purge")
# Only an account that reads cases searches by the violator's name
# (services.recycle_bin.list_bin): the box says what it finds.
READS = RecycleBinState.permissions.contains("case.read")


def _search() -> rx.Component:
    """One search box, kept while paging; read on submit (reflex-notes)."""
    return rx.form(
        rx.flex(
            rx.box(
                field(
                    "Tìm trong thùng rác",
                    "q",
                    placeholder=rx.cond(
                        READS,
                        "Tên người vi phạm (có hoặc không dấu), số biên bản, "
                        "đơn vị, lý do xóa…",
                        "Số biên bản, số quyết định, đơn vị, lý do xóa…",
                    ),
                    default=RecycleBinState.query,
                ),
                flex="1 1 260px",
            ),
            rx.button(rx.icon("search", size=16), "Tìm", type="submit", size="3",
                      align_self="end", id="nut-tim-thung-rac"),
            rx.button("Xóa tìm", type="button", size="3", variant="soft",
                      align_self="end", on_click=RecycleBinState.clear),
            wrap="wrap", spacing="3", width="100%",
        ),
        key=RecycleBinState.form_key,
        on_submit=RecycleBinState.search,
        reset_on_submit=False,
    )


def _row(row: rx.Var) -> rx.Component:
    """A deleted case; on a phone a card, so that "Khôi phục" is on the
    screen (user trial: the button sat at x=457 of a 390px screen)."""
    return rx.table.row(
        labelled_cell("Số biên bản", row["record_number"]),
        labelled_cell("Người vi phạm", row["violator_name"]),
        labelled_cell("Đơn vị", row["unit_name"]),
        labelled_cell("Xóa lúc", row["deleted_at"]),
        labelled_cell("Người xóa", row["deleted_by"]),
        labelled_cell("Lý do", row["reason"]),
        labelled_cell(
            "Thao tác",
            rx.flex(
                rx.cond(CAN_RESTORE, rx.button(
                    rx.icon("undo-2", size=14), "Khôi phục", size="1",
                    variant="soft", on_click=RecycleBinState.restore(row["id"]),
                    id=f"khoi-phuc-{row['id']}")),
                rx.cond(CAN_PURGE, rx.button(
                    rx.icon("trash", size=14), "Xóa vĩnh viễn", size="1",
                    color_scheme="red", variant="soft",
                    on_click=RecycleBinState.ask_purge(row["id"]))),
                spacing="2",
                wrap="wrap",
            )
        ),
    )


def _purge_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Xóa vĩnh viễn hồ sơ"),
            rx.dialog.description(
                "Hồ sơ và mọi thông tin kèm theo bị xóa hẳn, không khôi phục được. "
                "Thao tác được ghi vào nhật ký hệ thống.", size="2"),
            rx.form(
                rx.flex(
                    rx.box(field("Lý do xóa vĩnh viễn", "reason", required=True,
                                 placeholder="Ví dụ: hết thời hạn lưu trữ theo "
                                 "quyết định …")),
                    form_message(),
                    rx.flex(
                        rx.button("Không xóa", type="button", variant="soft",
                                  on_click=RecycleBinState.cancel_purge),
                        rx.button("Xóa vĩnh viễn", type="submit", color_scheme="red"),
                        spacing="3", justify="end",
                    ),
                    direction="column", spacing="3", margin_top="1em",
                ),
                on_submit=RecycleBinState.purge,
                reset_on_submit=False,
            ),
        ),
        open=RecycleBinState.purge_id > 0,
        on_open_change=RecycleBinState.set_purge_open,
    )


@rx.page(route=routes.RECYCLE_BIN, title="Thùng rác – XLVPHC",
         on_load=RecycleBinState.open)
def recycle_bin_page() -> rx.Component:
    headers = ["Số biên bản", "Người vi phạm", "Đơn vị", "Xóa lúc", "Người xóa",
               "Lý do", "Thao tác"]
    return page_for(
        (Action.CASE_DELETE, Action.CASE_PURGE),
        "Thùng rác",
        form_message(),
        _search(),
        rx.text(rx.cond(RecycleBinState.query != "", "Tìm thấy ", "Có "),
                rx.text.span(RecycleBinState.total, weight="bold"),
                " hồ sơ trong thùng rác.", id="so-trong-thung-rac"),
        data_table(headers, RecycleBinState.rows, _row,
                   table_id="bang-thung-rac", cards=True),
        rx.flex(
            rx.button("‹ Trang trước", variant="soft",
                      on_click=RecycleBinState.previous_page,
                      disabled=RecycleBinState.page <= 1),
            rx.text("Trang ", RecycleBinState.page, " / ", RecycleBinState.pages),
            rx.button("Trang sau ›", variant="soft",
                      on_click=RecycleBinState.next_page,
                      disabled=RecycleBinState.page >= RecycleBinState.pages),
            align="center", spacing="3", justify="center",
        ),
        _purge_dialog(),
        intro="Hồ sơ đã xóa nằm ở đây, không hiện trong danh sách, tìm kiếm, thống "
        "kê hay tệp xuất; có thể khôi phục đầy đủ. Chỉ quản trị viên được xóa vĩnh "
        "viễn.",
    )
