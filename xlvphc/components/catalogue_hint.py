"""Under the catalogue search box: why a typed search found nothing and what
to try (services/catalogue.find), shared by the new-case and edit forms."""

import reflex as rx


def no_match(message: rx.Var, tips: rx.Var) -> rx.Component:
    """Shown only when `message` is set: a search that returned no act."""
    return rx.cond(
        message != "",
        rx.callout.root(
            rx.callout.icon(rx.icon("search-x")),
            rx.callout.text(rx.text(message, weight="bold")),
            rx.foreach(tips, lambda tip: rx.callout.text(tip, size="1")),
            color_scheme="amber",
            size="1",
            margin_top="0.5em",
            id="khong-tim-thay-hanh-vi",
        ),
    )
