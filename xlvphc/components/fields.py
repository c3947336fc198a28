"""Form fields with their label, hint and the error message under them."""

import reflex as rx

from xlvphc.components.unit_picker import UnitFinder, unit_options, unit_search
from xlvphc.state.session import SessionState

# Boxes that assets/input_format.js writes out when they are left: an amount
# ("35000000" reads "35.000.000"), a date ("05122026": "05/12/2026") and a
# time ("1430": "14:30").
MONEY_ATTRS = {"data-money": "1"}
DATE_ATTRS = {"data-date": "1"}
TIME_ATTRS = {"data-time": "1"}
# Reflex adds a box's aria-* props into the custom_attrs dict it is given:
# each box gets its own copy of these (dict(...)), or one page's aria-label
# lands on another page's box and hides its <label> (the case form's act
# search was named "Tìm hành vi khác để thêm", from the edit page).
# A search box inside a form (the act search of the case, on-the-spot and
# edit forms): assets/input_format.js keeps Enter in it from sending the
# form, which would save the case half chosen and use up a record number
# (trial finding). The results come from the box's own debounced search.
SEARCH_IN_FORM_ATTRS = {"data-enter": "search"}
FORMAT_SCRIPT_SRC = "/input_format.js"
# Said under the first date and time boxes of a case, where a phone user
# starts (not under every box: the guide says it once for all).
DATE_DIGITS_HINT = "Có thể gõ liền 8 chữ số, ví dụ 05122026."
TIME_DIGITS_HINT = "Có thể gõ liền, ví dụ 1430."


def format_script() -> rx.Component:
    """For the app's head: the script that writes out amounts, dates and
    times typed as digits alone."""
    return rx.el.script(src=FORMAT_SCRIPT_SRC)


def label_for(target: str | rx.Var, *children, **props) -> rx.Component:
    """A `<label>` tied to the input whose id is `target`: a click on it
    focuses the input and screen readers (and get_by_label) name the input
    by it. Radix's Text passes `html_for` into its css, so the attribute is
    set as a plain HTML one."""
    return rx.text(
        *children,
        as_="label",
        custom_attrs={"htmlFor": target},
        **{"weight": "medium", "size": "2", **props},
    )


def error_for(name: str) -> rx.Component:
    return rx.cond(
        SessionState.errors.contains(name),
        rx.text(
            SessionState.errors.get(name, ""),
            color_scheme="red",
            size="2",
            id=f"loi-{name}",
        ),
    )


def field(
    label: str,
    name: str,
    *,
    placeholder: str = "",
    hint: str = "",
    required: bool = False,
    type_: str = "text",
    default: str | rx.Var = "",
    multiline: bool = False,
    width: str = "100%",
    full: bool = False,
    on_blur=None,
    on_change=None,
    below: rx.Component | None = None,
    input_mode: str | rx.Var = "",
    field_id: str = "",
    money: bool = False,
    date: bool = False,
    time: bool = False,
) -> rx.Component:
    """An uncontrolled input read on submit: fast typing and Vietnamese input
    methods cannot lose characters (reflex-notes: prefer forms read on submit).

    Fields share a row of a form (`section` wraps them, each at least 220px
    wide), so `width` alone cannot make one take a whole row: `full=True`
    does, in a wrapping flex row (basis 100%) and in a grid (all columns),
    for long text such as an address, a description or a statement.

    `on_change` (debounced by the caller) lets a page react while the box is
    typed in without binding its value; `below` is shown under the box, for
    a warning about what was typed.

    `input_mode` picks the phone's keyboard: "numeric" for a box that takes
    digits only (an amount, a count of days, a CCCD number), so that it
    opens the number pad rather than letters.

    `money` marks an amount: assets/input_format.js writes "35000000" as
    "35.000.000" when the box is left, and the number pad opens. `date` and
    `time` mark a date or a time of day: the number pad opens too, although
    many lack "/" and ":", because digits alone are enough: the script
    writes "05122026" as "05/12/2026" and "1430" as "14:30" when the box is
    left, and the server reads the digits alone as well (domain/dates.py).

    `field_id` (default: the name) sets the box's id apart from its name:
    Reflex reads a form's boxes by id from one table of refs for the whole
    page, so two forms that take each other's place (accounts: the edit
    panel and the create form) must not share an id, or one form reads the
    other's emptied box (user trial: "Vui lòng nhập họ và tên" although
    the name was typed)."""
    box_id = field_id or name
    props = {
        "name": name,
        "id": box_id,
        "placeholder": placeholder,
        "default_value": default,
        "width": "100%",
    }
    if on_blur is not None:
        props["on_blur"] = on_blur
    if on_change is not None:
        props["on_change"] = on_change
    marks = (money, MONEY_ATTRS), (date, DATE_ATTRS), (time, TIME_ATTRS)
    for marked, attrs in marks:
        if marked:
            props["custom_attrs"] = dict(attrs)
            input_mode = input_mode or "numeric"
    if isinstance(input_mode, rx.Var) or input_mode:
        props["input_mode"] = input_mode
    control = (
        rx.text_area(rows="4", **props)
        if multiline
        else rx.input(type=type_, size="3", **props)
    )
    return rx.box(
        label_for(
            box_id,
            label,
            rx.text.span(" *", color_scheme="red") if required else "",
        ),
        control,
        rx.text(hint, size="1", color_scheme="gray") if hint else rx.fragment(),
        error_for(name),
        below if below is not None else rx.fragment(),
        min_width="220px",
        **(
            {"width": "100%", "flex": "1 1 100%", "grid_column": "1 / -1"}
            if full
            else {"width": width, "flex": "1 1 220px"}
        ),
    )


def select_field(
    label: str,
    name: str,
    options: list[tuple[str, str]] | rx.Var,
    *,
    default: str | rx.Var = "",
    required: bool = False,
    on_change=None,
    field_id: str = "",
    key: rx.Var | str | None = None,
    finder: UnitFinder | None = None,
) -> rx.Component:
    """A native select: reliable in forms and comfortable on phones.

    `field_id` as for `field`. A new `key` draws the select again, back to
    `default`: the options of a select read on submit may change under a
    choice made among the old ones, and the browser then shows (and sends)
    whichever new option took the old one's place. `finder` (a Var of
    units as `options`) puts a «Tìm đơn vị» box above the select that
    narrows its options (components/unit_picker.py)."""
    box_id = field_id or name
    if finder is not None:
        items = unit_options(finder, options)
    elif isinstance(options, rx.Var):
        items = rx.foreach(
            options, lambda o: rx.el.option(o["name"], value=o["id"])
        )
    else:
        items = [rx.el.option(text, value=value) for value, text in options]
    props = {"on_change": on_change} if on_change is not None else {}
    if key is not None:
        props["key"] = key
    return rx.box(
        label_for(
            box_id,
            label,
            rx.text.span(" *", color_scheme="red") if required else "",
        ),
        unit_search(finder, options) if finder is not None else rx.fragment(),
        rx.el.select(
            rx.el.option("— Chọn —", value=""),
            items,
            name=name,
            id=box_id,
            default_value=default,
            class_name="xl-select",
            **props,
        ),
        error_for(name),
        min_width="220px",
        flex="1 1 220px",
    )


def form_message() -> rx.Component:
    return rx.cond(
        SessionState.message != "",
        rx.callout(
            SessionState.message,
            icon="triangle_alert",
            color_scheme="red",
            role="alert",
            id="thong-bao-loi",
        ),
    )


def section(title: str, *children, description: str = "") -> rx.Component:
    return rx.card(
        rx.heading(title, size="4", margin_bottom="0.25em"),
        rx.text(description, size="2", color_scheme="gray")
        if description
        else rx.fragment(),
        rx.flex(*children, wrap="wrap", spacing="3", margin_top="0.75em"),
        width="100%",
    )
