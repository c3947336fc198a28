"""The XLVPHC app: builds rx.App; pages register themselves with @rx.page."""

import logging

import reflex as rx

from xlvphc.pages import accounts, case_form, cases, dashboard, guide, login  # noqa: F401

logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(name)s: %(message)s",
)

app = rx.App(
    theme=rx.theme(accent_color="indigo", radius="medium"),
    stylesheets=["/styles.css"],
    head_components=[rx.el.meta(name="viewport",
                                content="width=device-width, initial-scale=1")],
)
