"""The "Lịch sử thay đổi" section of the case page: who changed what and when,
with the value before and after (from the audit trail)."""

import reflex as rx

from xlvphc.state.case_edit import CaseHistoryState


def _change(change: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(change["field"]),
        rx.table.cell(change["before"], color="var(--red-11)"),
        rx.table.cell(change["after"], color="var(--green-11)"),
    )


def _entry(entry: rx.Var) -> rx.Component:
    changes = entry["changes"].to(list[dict[str, str]])
    return rx.box(
        rx.text(
            rx.text.span(entry["at"], color_scheme="gray"), " · ",
            rx.text.span(entry["action"], weight="bold"), " · ", entry["who"],
            size="2",
        ),
        rx.cond(entry["reason"] != "",
                rx.text("Lý do: ", entry["reason"], size="2")),
        rx.cond(
            changes.length() > 0,
            rx.box(
                rx.table.root(
                    rx.table.header(rx.table.row(
                        rx.table.column_header_cell("Thông tin"),
                        rx.table.column_header_cell("Trước"),
                        rx.table.column_header_cell("Sau"),
                    )),
                    rx.table.body(rx.foreach(changes, _change)),
                    size="1", variant="surface", width="100%",
                ),
                overflow_x="auto", width="100%", margin_top="0.25em",
            ),
        ),
        padding_y="0.5em",
        border_bottom="1px solid var(--gray-4)",
    )


def _print(entry: rx.Var) -> rx.Component:
    return rx.text(
        rx.text.span(entry["at"], color_scheme="gray"), " · ", entry["action"],
        " · ", entry["who"],
        size="1", padding_y="0.2em",
    )


def _prints() -> rx.Component:
    """Every preview, draft and download is kept in the audit log; here they
    fold into one line so that they do not bury the changes (user trial:
    25 print entries above 6 changes)."""
    shown = CaseHistoryState.prints.length()
    return rx.cond(
        CaseHistoryState.print_count > 0,
        rx.box(
            rx.flex(
                rx.text("Đã in biểu mẫu ", CaseHistoryState.print_count, " lần",
                        size="2"),
                rx.button(
                    rx.cond(CaseHistoryState.show_prints, "Ẩn", "Xem"),
                    on_click=CaseHistoryState.toggle_prints,
                    variant="soft", size="1",
                    aria_expanded=rx.cond(CaseHistoryState.show_prints,
                                          "true", "false"),
                    aria_controls="lich-su-in",
                ),
                align="center", gap="0.5em", wrap="wrap",
            ),
            rx.cond(
                CaseHistoryState.show_prints,
                rx.box(
                    rx.foreach(CaseHistoryState.prints, _print),
                    rx.cond(
                        CaseHistoryState.print_count > shown,
                        rx.text("Chỉ hiện ", shown, " lần in gần nhất.", size="1",
                                color_scheme="gray"),
                    ),
                    id="lich-su-in",
                    padding_left="0.75em",
                    border_left="2px solid var(--gray-5)",
                    margin_top="0.25em",
                ),
            ),
            padding_y="0.5em",
            border_bottom="1px solid var(--gray-4)",
        ),
    )


def history_section() -> rx.Component:
    """Loaded when the case page shows it; the service checks the scope."""
    return rx.card(
        rx.heading("Lịch sử thay đổi", size="4"),
        rx.text("Ai đã thay đổi gì, lúc nào, giá trị trước và sau.", size="2",
                color_scheme="gray"),
        rx.cond(
            CaseHistoryState.loaded,
            rx.box(_prints(), rx.foreach(CaseHistoryState.entries, _entry)),
            rx.spinner(),
        ),
        on_mount=CaseHistoryState.load,
        id="lich-su",
        width="100%",
    )
