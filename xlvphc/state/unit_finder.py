"""The «Tìm đơn vị» box above a Đơn vị select (components/unit_picker.py).

Fresh-user trial: the Đơn vị boxes of Tài khoản, Nhật ký, Thống kê and Báo
cáo were flat lists of about 225 units, with the «Ủy ban nhân dân …» ones at
the very end, and a phone has no type-ahead in a select. A few letters typed
above the select narrow its options, without diacritics («ea kao» finds «Ủy
ban nhân dân xã Ea Kao»), and «UBND», «CA» stand for «Ủy ban nhân dân»,
«Công an».

The narrowing is view-only: the select keeps its name, its values and the
unit chosen (shown even when the words leave it out), so a form sends what
it sent before. The matching runs here, on the server: a select's options
removed from the page are gone in every browser, where options only hidden
by a script still show on some phones.
"""

import re
from typing import ClassVar

import reflex as rx

from xlvphc.domain.text import fold

# Longer text is no unit's name: cut, so that a browser cannot make the
# server fold megabytes.
MAX_QUERY = 60
# What officials write for the two bodies of a commune (folded name part ->
# the short form also matched).
_SHORT_FORMS = {
    "uy ban nhan dan": ("ubnd",),
    "cong an xa": ("ca", "cax"),
    "cong an phuong": ("ca", "cap"),
    "cong an": ("ca",),
}


def unit_words(name: object) -> set[str]:
    """The words a unit is found by: each folded word of its name, also
    without apostrophes or hyphens («h'leo» and «hleo»), and the short
    forms of its body («ubnd», «ca»)."""
    folded = fold(name)
    words = set(folded.split())
    words |= {w.replace("'", "").replace("-", "") for w in words}
    for part, short in _SHORT_FORMS.items():
        if part in folded:
            words.update(short)
    return words


# «P. Tuy Hòa», «X. Ea Kar», «TP.»: the shorthand of the area's kind.
_KIND_SHORTHAND = (
    (re.compile(r"(?<![\w.])tp\.\s*"), "thanh pho "),
    (re.compile(r"(?<![\w.])p\.\s*"), "phuong "),
    (re.compile(r"(?<![\w.])x\.\s*"), "xa "),
)
# Typed words run together («eakar», «tuyhoa») are looked for in the name's
# letters run together, from this many letters on (fewer find too much).
_RUN_TOGETHER_MIN = 4


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def unit_matches(name: object, query: object) -> bool:
    """Whether every word typed starts a word of the unit's name, in any
    order, with or without diacritics; a word of four letters or more may
    also be words run together, as officials write a place («eakar»). «p.», «x.» stand
    for phường, xã. An empty query matches all."""
    typed_text = fold(query if isinstance(query, str) else "")[:MAX_QUERY]
    for shorthand, written in _KIND_SHORTHAND:
        typed_text = shorthand.sub(written, typed_text)
    typed = typed_text.split()
    if not typed:
        return True
    words = unit_words(name)
    letters = _letters(fold(name))

    def found(t: str) -> bool:
        if any(w.startswith((t, t.replace("'", ""))) for w in words):
            return True
        run = _letters(t)
        return len(run) >= _RUN_TOGETHER_MIN and run in letters

    return all(found(t) for t in typed)


def matching_ids(units: object, query: object) -> list[str]:
    """The ids of the units ({id, name}) the query matches, in their order."""
    rows = units if isinstance(units, list) else []
    return [
        str(u["id"])
        for u in rows
        if isinstance(u, dict) and "id" in u and unit_matches(u.get("name"), query)
    ]


class UnitFinderMixin(rx.State, mixin=True):
    """The words typed in each «Tìm đơn vị» box of a page and the units
    they match. `UNIT_PICKERS` maps each picker (the id of its select) to
    the state var holding the units its select offers ({id, name}); any
    other picker a browser names is ignored."""

    UNIT_PICKERS: ClassVar[dict[str, str]] = {}

    # picker -> the text typed (its box shows it again when redrawn)
    unit_queries: dict[str, str] = {}
    # picker -> ids of the offered units the text matches; no entry: no
    # search, every unit is offered.
    unit_found: dict[str, list[str]] = {}
    # picker -> the unit chosen in its select, shown whatever the search,
    # for pickers whose page keeps no choice of its own.
    unit_kept: dict[str, str] = {}

    def _offered(self, picker: str) -> list[dict]:
        return getattr(self, self.UNIT_PICKERS[picker], None) or []

    def _refind_units(self) -> None:
        """Match the texts typed again: the units offered changed (a group
        chosen on Thống kê)."""
        self.unit_found = {
            p: matching_ids(self._offered(p), q)
            for p, q in self.unit_queries.items()
            if p in self.UNIT_PICKERS
        }

    def _keep_unit(self, picker: str, value: object) -> None:
        """Remember the unit chosen in a picker; "" when none. Any browser
        may send anything: only a known picker's name counts."""
        if not isinstance(picker, str) or picker not in self.UNIT_PICKERS:
            return
        value = value if isinstance(value, str) and len(value) < 20 else ""
        self.unit_kept = {**self.unit_kept, picker: value}

    def _forget_search(self, picker: str) -> None:
        """The form holding `picker` was sent and drawn anew, empty: its
        search box is too, and the select offers every unit again (user
        trial: the next account's unit, typed after the last one's words,
        matched nothing)."""
        self.unit_queries = {
            p: q for p, q in self.unit_queries.items() if p != picker
        }
        self._refind_units()

    @rx.event
    def find_units(self, picker: str, text: str):
        """The «Tìm đơn vị» box of `picker` changed (debounced)."""
        if not isinstance(picker, str) or picker not in self.UNIT_PICKERS:
            return
        text = text[:MAX_QUERY] if isinstance(text, str) else ""
        queries = {p: q for p, q in self.unit_queries.items() if p != picker}
        if fold(text):
            queries[picker] = text
        self.unit_queries = queries
        self._refind_units()

    @rx.event
    def keep_unit(self, picker: str, value: str):
        """A unit was chosen in `picker`'s select."""
        self._keep_unit(picker, value)
