"""Hướng dẫn sử dụng: the short user guide, shipped with the app.

The guide is long (fifteen sections, about 25.000 px on a phone): a table
of contents made from its "## " headings opens the page, each heading is a
jump target, and a button brings the reader back to the contents (user
trial). The contents follow the file, so nobody keeps them by hand.
"""

import re
from pathlib import Path
from typing import NamedTuple

import reflex as rx

from xlvphc import routes
from xlvphc.components.shell import page
from xlvphc.domain.text import fold
from xlvphc.state.session import SessionState

GUIDE_FILE = Path(__file__).resolve().parent.parent / "guide.md"
CONTENTS_ID = "muc-luc"


class Section(NamedTuple):
    anchor: str  # the heading's id, e.g. "muc-in-mau-bieu"
    title: str
    body: str  # markdown under the heading


def _anchor(title: str, taken: set[str]) -> str:
    """An address-safe id from the heading ("In mẫu biểu" -> "muc-in-mau-bieu"),
    so that a link to a section can be sent to a colleague; a second heading
    of the same words gets "-2"."""
    base = "muc-" + (re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-") or "phan")
    anchor, n = base, 1
    while anchor in taken:
        n += 1
        anchor = f"{base}-{n}"
    taken.add(anchor)
    return anchor


def sections(text: str) -> tuple[str, list[Section]]:
    """The guide cut at its "## " headings: the text before the first one
    (may be empty) and one Section per heading, in the file's order."""
    parts = re.split(r"^## +(.+?)\s*$", text, flags=re.MULTILINE)
    taken: set[str] = {CONTENTS_ID}
    found = [
        Section(_anchor(title, taken), title, body.strip("\n"))
        for title, body in zip(parts[1::2], parts[2::2], strict=True)
    ]
    return parts[0].strip("\n"), found


def _contents(found: list[Section]) -> rx.Component:
    return rx.card(
        rx.heading("Mục lục", as_="h2", size="4", margin_bottom="0.5em"),
        rx.el.ol(
            *[
                rx.el.li(
                    # A link a finger can hit (at least 32 px tall).
                    rx.link(s.title, href=f"#{s.anchor}", display="inline-block",
                            padding_y="0.35em", min_height="32px"),
                )
                for s in found
            ],
            style={"padding_left": "1.5em", "margin": 0},
        ),
        id=CONTENTS_ID,
    )


def _section(s: Section) -> rx.Component:
    # The guide is our own static text (no user input), so markdown is safe.
    return rx.el.section(
        rx.heading(s.title, as_="h2", size="5", id=s.anchor,
                   scroll_margin_top="0.75em", margin_bottom="0.5em"),
        rx.markdown(s.body, use_raw=False),
        rx.link("↑ Về mục lục", href=f"#{CONTENTS_ID}", size="2",
                display="inline-block", padding_y="0.4em", min_height="32px"),
        margin_bottom="1.5em",
    )


def _back_to_top() -> rx.Component:
    """Always in a corner of the screen, however far down the reader is.
    On a phone only its arrow, a 44 px circle in the very corner, so that
    it hides no more than the last letters of a line or two as the text
    scrolls by (the word made it 110 px wide, over the text at 390 px)."""
    # A link that looks like a button (a button inside a link would be two
    # controls in one for a screen reader); its name stays when the word
    # is hidden.
    return rx.link(
        rx.icon("arrow-up", size=18),
        rx.el.span("Mục lục", display=["none", "none", "inline"]),
        href=f"#{CONTENTS_ID}",
        underline="none",
        display="inline-flex",
        align_items="center",
        justify_content="center",
        gap="0.3em",
        min_height=["44px", "44px", "40px"],
        min_width="44px",
        padding=["0", "0", "0 0.9em"],
        border_radius=["50%", "50%", "var(--radius-3)"],
        background="var(--accent-9)",
        color="var(--accent-contrast)",
        box_shadow="0 2px 8px var(--gray-a7)",
        position="fixed",
        right=["0.5em", "0.5em", "1em"],
        bottom=["0.75em", "0.75em", "1em"],
        z_index="5",
        title="Về mục lục",
        aria_label="Về mục lục",
        id="ve-muc-luc",
    )


def _room_below() -> rx.Component:
    """Room under the guide's last lines, so they scroll clear of the button
    above them."""
    return rx.box(height="3.5em", aria_hidden="true", id="cuoi-huong-dan")


@rx.page(route=routes.GUIDE, title="Hướng dẫn sử dụng – XLVPHC",
         on_load=SessionState.require_login)
def guide_page() -> rx.Component:
    lead, found = sections(GUIDE_FILE.read_text(encoding="utf-8"))
    return page(
        "Hướng dẫn sử dụng",
        _contents(found),
        rx.card(
            rx.markdown(lead, use_raw=False) if lead else rx.fragment(),
            *[_section(s) for s in found],
        ),
        _room_below(),
        _back_to_top(),
    )
