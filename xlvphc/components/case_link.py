"""The one link of a case-list row («Hồ sơ», «Việc cần làm»), and the row
that opens its case wherever it is tapped.

The link sits on the record number, else on the decision number (MQĐ01 and
imported register rows have no record number), else it reads "Mở hồ sơ"
(services/case_links.py). A tap anywhere else on the row, or on the card
a phone shows instead (assets/styles.css, .xl-card-table), opens the case
too, as the user guide says: a short number was a small target on a
390 px screen (user trial). Keyboards and screen readers use the link.
"""

import reflex as rx

from xlvphc import routes
from xlvphc.services import case_links


def case_href(case_id: rx.Var) -> rx.Var:
    return routes.CASE_DETAIL + "?id=" + case_id.to(str)


def case_link(text, case_id: rx.Var) -> rx.Component:
    """A link to the case; the click stops here so that the row's own
    click does not open the case a second time."""
    return rx.link(
        text,
        href=case_href(case_id),
        class_name="xl-case-link",
        on_click=rx.stop_propagation,
    )


def record_cell(row: rx.Var, id_key: str) -> rx.Component:
    """The record column: its number as the link, or why there is none (and
    "Mở hồ sơ" when the case has no decision number either)."""
    return rx.cond(
        row["link_on"] == case_links.ON_RECORD,
        case_link(row["record_number"], row[id_key]),
        rx.flex(
            rx.text(row["record_note"], as_="span", color_scheme="gray"),
            rx.cond(
                row["link_on"] == case_links.ON_CASE,
                case_link(case_links.OPEN, row[id_key]),
            ),
            gap="0.5em",
            wrap="wrap",
            align="baseline",
        ),
    )


def decision_cell(row: rx.Var, id_key: str) -> rx.Component:
    """The decision column: the link when the case has no record number."""
    return rx.cond(
        row["link_on"] == case_links.ON_DECISION,
        case_link(row["decision_number"], row[id_key]),
        rx.text(row["decision_number"], as_="span"),
    )


def opening_row(row: rx.Var, id_key: str, *cells, **props) -> rx.Component:
    """A table row (or phone card) that opens its case when tapped."""
    return rx.table.row(
        *cells,
        on_click=rx.redirect(case_href(row[id_key])),
        class_name="xl-row-opens",
        **props,
    )
