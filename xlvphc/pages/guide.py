"""Hướng dẫn sử dụng: the short user guide, shipped with the app."""

from pathlib import Path

import reflex as rx

from xlvphc import routes
from xlvphc.components.shell import page
from xlvphc.state.session import SessionState

GUIDE_FILE = Path(__file__).resolve().parent.parent / "guide.md"


@rx.page(route=routes.GUIDE, title="Hướng dẫn sử dụng – XLVPHC",
         on_load=SessionState.require_login)
def guide_page() -> rx.Component:
    # The guide is our own static text (no user input), so markdown is safe here.
    return page(
        "Hướng dẫn sử dụng",
        rx.card(rx.markdown(GUIDE_FILE.read_text(encoding="utf-8"), use_raw=False)),
    )
