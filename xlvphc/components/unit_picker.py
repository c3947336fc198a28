"""The «Tìm đơn vị» box and the options it narrows, for every Đơn vị select
of about 225 units (Tài khoản, Nhật ký, Thống kê, Báo cáo): officials on
phones scrolled the whole list (fresh-user trial). The words are matched on
the server (state/unit_finder.py); the select keeps its name and values."""

from dataclasses import dataclass

import reflex as rx

SEARCH_PLACEHOLDER = "Tìm đơn vị, vd. ubnd ea kar"
NONE_FOUND = "Không có đơn vị nào khớp; xóa bớt chữ để xem lại."
SEARCH_DELAY_MS = 300
# Up to this many units a select needs no search box.
FEW_UNITS = 8


@dataclass(frozen=True)
class UnitFinder:
    """A select's side of the search. `state`: the page's state class (with
    UnitFinderMixin, the picker in its UNIT_PICKERS); `picker`: the
    select's id; `kept`: the unit chosen, when the page's state keeps it
    already (else its `unit_kept`)."""

    state: type
    picker: str
    kept: rx.Var | None = None


def unit_search_box(finder: UnitFinder) -> rx.Component:
    """The box, uncontrolled and debounced (Vietnamese input methods rewrite
    letters while typing: reflex-notes), then how many units match. It has
    no name and no id, so the form it sits in sends nothing more; Enter in
    it does not send the form (input_format.js). Drawn again once the page
    is hydrated, showing the text the search is for."""
    s, picker = finder.state, finder.picker
    found = s.unit_found.get(picker, []).to(list[str])
    return rx.box(
        rx.input(
            # The magnifier tells it from the boxes of the form's values.
            rx.input.slot(rx.icon("search", size=16)),
            type="search",
            placeholder=SEARCH_PLACEHOLDER,
            default_value=s.unit_queries.get(picker, "").to(str),
            key=f"tim-{picker}-" + rx.State.is_hydrated.to(str),
            on_change=s.find_units(picker).debounce(SEARCH_DELAY_MS),
            size="3",
            width="100%",
            custom_attrs={
                # Enter stays in the box (input_format.js), as with
                # fields.SEARCH_IN_FORM_ATTRS: this module is imported there.
                "data-enter": "search",
                "aria-label": "Tìm đơn vị",
                "data-unit-search": picker,
            },
        ),
        rx.cond(
            s.unit_found.contains(picker),
            rx.text(
                rx.cond(
                    found.length() > 0,
                    found.length().to(str) + " đơn vị khớp; chọn ở ô dưới.",
                    NONE_FOUND,
                ),
                size="1",
                color_scheme="gray",
                custom_attrs={"data-unit-found": picker},
            ),
        ),
        margin_bottom="0.25em",
        width="100%",
    )


def unit_search(finder: UnitFinder, options: rx.Var) -> rx.Component:
    """The box, above a select long enough to need it: a list of a few
    units (a commune officer's own unit and its sections) is read at a
    glance (user trial). A search still in force keeps its box, so that
    it can be cleared."""
    return rx.cond(
        (options.length() > FEW_UNITS)
        | finder.state.unit_queries.contains(finder.picker),
        unit_search_box(finder),
    )


def unit_options(finder: UnitFinder, options: rx.Var) -> rx.Component:
    """The select's options ({id, name}) the search matches, and always the
    unit chosen: an option taken out of an uncontrolled select would make
    the browser choose another one silently."""
    s, picker = finder.state, finder.picker
    kept = (
        finder.kept if finder.kept is not None else s.unit_kept.get(picker, "")
    ).to(str)
    found = s.unit_found.get(picker, []).to(list[str])
    return rx.foreach(
        options,
        lambda o: rx.cond(
            (~s.unit_found.contains(picker))
            | found.contains(o["id"])
            | (o["id"].to(str) == kept),
            rx.el.option(o["name"], value=o["id"]),
        ),
    )
