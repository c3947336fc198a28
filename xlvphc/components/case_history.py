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


def history_section() -> rx.Component:
    """Loaded when the case page shows it; the service checks the scope."""
    return rx.card(
        rx.heading("Lịch sử thay đổi", size="4"),
        rx.text("Ai đã thay đổi gì, lúc nào, giá trị trước và sau.", size="2",
                color_scheme="gray"),
        rx.cond(
            CaseHistoryState.loaded,
            rx.foreach(CaseHistoryState.entries, _entry),
            rx.spinner(),
        ),
        on_mount=CaseHistoryState.load,
        id="lich-su",
        width="100%",
    )
