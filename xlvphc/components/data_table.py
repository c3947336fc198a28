"""The list table of the administration pages (accounts, audit trail, units)
and its pager: one look for every such list, scrolling sideways on a phone
instead of squeezing its columns."""

import reflex as rx


def data_table(
    headers: list[str], rows: rx.Var, render_row, *, table_id: str, **props
) -> rx.Component:
    """A Radix table with one heading row and a row per item of `rows`
    (`render_row(item)` gives the table row), inside a box that scrolls
    sideways when the columns do not fit. `props` go to the table
    (e.g. size="1" for a dense list)."""
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(*[rx.table.column_header_cell(h) for h in headers])
            ),
            rx.table.body(rx.foreach(rows, render_row)),
            variant="surface",
            width="100%",
            id=table_id,
            **props,
        ),
        overflow_x="auto",
        width="100%",
    )


def pager(state, **props) -> rx.Component:
    """"Trang trước · Trang p/n · Trang sau" for a State with `page`, `pages`,
    `previous_page` and `next_page`; a button is disabled at either end."""
    return rx.flex(
        rx.button(
            "Trang trước",
            variant="soft",
            on_click=state.previous_page,
            disabled=state.page <= 1,
        ),
        rx.text("Trang ", state.page, "/", state.pages, size="2"),
        rx.button(
            "Trang sau",
            variant="soft",
            on_click=state.next_page,
            disabled=state.page >= state.pages,
        ),
        spacing="3",
        align="center",
        **props,
    )
