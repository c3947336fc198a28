"""The XLVPHC app: builds rx.App. Every module in `xlvphc/pages` registers its
screens with @rx.page and is imported here, so a new screen is a new module."""

import importlib
import logging
import pkgutil

import reflex as rx

from xlvphc import pages

logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(name)s: %(message)s",
)
# fpdf2 subsets the fonts of every PDF through fontTools, which logs each
# table it touches at INFO: hundreds of lines per form that bury ours.
logging.getLogger("fontTools").setLevel(logging.WARNING)

for module in pkgutil.iter_modules(pages.__path__):
    importlib.import_module(f"{pages.__name__}.{module.name}")

app = rx.App(
    # Screen readers, spell checkers and the browser's translate offer read
    # the pages as Vietnamese.
    html_lang="vi",
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1")
    ],
)
