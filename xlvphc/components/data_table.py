"""The list table of the administration pages (accounts, audit trail, units)
and its pager: one look for every such list, scrolling sideways on a phone
instead of squeezing its columns, or shown as cards there."""

import reflex as rx


def labelled_cell(label: str, *children, **props) -> rx.Component:
    """A cell that names its column, for a table shown as cards on a phone
    (`data_table(..., cards=True)`): each value under its label. Several
    children stack, as they do in the wide table."""
    if len(children) > 1:
        children = (rx.box(*children),)
    return rx.table.cell(*children, custom_attrs={"data-label": label}, **props)


def sort_heading(
    title: str, key: str, sort: rx.Var, direction: rx.Var, on_sort
) -> rx.Component:
    """A column heading that sorts its list: a click sends `on_sort(key)`
    (the state checks the key against its service's allow-list), an arrow
    shows the column in use (`sort`) and its `direction` ("asc" ↑, else ↓).
    The case list and the monitoring list sort alike with it."""
    arrow = rx.cond(sort == key, rx.cond(direction == "asc", " ↑", " ↓"), "")
    return rx.table.column_header_cell(
        rx.el.button(
            title, arrow, type="button", on_click=on_sort(key),
            title=f"Sắp xếp theo {title.lower()}",
            style={"background": "none", "border": "none", "font": "inherit",
                   "cursor": "pointer", "padding": 0, "text-align": "left"},
            id=f"sap-xep-{key}",
            class_name="xl-tap",
        )
    )


def sort_picker(
    columns: list[tuple[str, str]], sort: rx.Var, direction: rx.Var, on_sort,
    *, tablet: bool = False,
) -> rx.Component:
    """The headings' sorting for a list shown as cards, which hides them:
    «Sắp xếp theo» a column (`columns`, title and key, as the headings)
    and a button that reverses the order. Both send `on_sort(key)`, the
    handler the headings use: a new column sorts ascending, the same one
    again reverses (the state checks the key against its allow-list).

    Shown only where the list is cards (assets/styles.css, .xl-sort-bar):
    below 768 px, and up to 991 px with `tablet` (the case list's cards).
    One per page (its ids are fixed)."""
    chosen = sort != ""
    return rx.el.div(
        rx.el.label("Sắp xếp theo", html_for="chon-sap-xep"),
        rx.el.select(
            # The list's own order until a column is chosen; not one to
            # pick again (the handler knows only the columns).
            rx.el.option("Mặc định", value="", disabled=True),
            *[rx.el.option(title, value=key) for title, key in columns],
            value=sort,
            on_change=on_sort,
            id="chon-sap-xep",
            class_name="xl-select",
        ),
        rx.cond(
            chosen,
            rx.el.button(
                rx.cond(direction == "asc", "↑ Tăng dần", "↓ Giảm dần"),
                type="button",
                on_click=on_sort(sort),
                title="Bấm để đảo thứ tự",
                # The text is the order in use, the click its reverse.
                aria_label=rx.cond(
                    direction == "asc",
                    "Đang xếp tăng dần, bấm để đảo thứ tự",
                    "Đang xếp giảm dần, bấm để đảo thứ tự",
                ),
                id="dao-thu-tu",
                class_name="xl-tap",
            ),
        ),
        class_name="xl-sort-bar xl-sort-tablet" if tablet else "xl-sort-bar",
    )


def data_table(
    headers: list[str | rx.Component], rows: rx.Var, render_row, *,
    table_id: str, cards: bool = False, **props
) -> rx.Component:
    """A Radix table with one heading row and a row per item of `rows`
    (`render_row(item)` gives the table row), inside a box that scrolls
    sideways when the columns do not fit. With `cards`, a phone shows one
    card per row instead, as the case list does (assets/styles.css,
    .xl-card-table; the row's cells come from `labelled_cell`), so that no
    column, like the account's actions, hides off the screen. `props` go
    to the table (e.g. size="1" for a dense list). A heading is a title, or
    a cell made already (`sort_heading`)."""
    if cards:
        props["class_name"] = "xl-card-table"
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *[
                        rx.table.column_header_cell(h) if isinstance(h, str) else h
                        for h in headers
                    ]
                )
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
