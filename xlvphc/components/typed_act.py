"""«Hành vi không có trong danh mục»: the small form of the catalogue picker
in which the officer types an act the catalogue lacks (services.typed_acts
checks it), shared by the new-case, on-the-spot (MQĐ01) and edit forms;
and the «ngoài danh mục» mark of such an act on those forms and the case
page (where an act of an imported register has a quieter mark of its own).

Its boxes sit inside the case form, where the officer looks for the act,
but belong to a form of their own (`FORM_ID`, the HTML `form` attribute):
a form cannot hold another, the case form must not send them, and Enter in
one of them adds the act instead of saving the case. That form, empty,
is drawn after the case form (`typed_act_form`)."""

import reflex as rx

from xlvphc.components.fields import MONEY_ATTRS, error_for, label_for
from xlvphc.models.cases import ActOrigin
from xlvphc.services.typed_acts import IMPORT_MARK

FORM_ID = "hanh-vi-ngoai-danh-muc"


def _box(
    label: str,
    name: str,
    *,
    placeholder: str = "",
    required: bool = False,
    numeric: bool = False,
    money: bool = False,
    width: str = "160px",
) -> rx.Component:
    attrs = {"form": FORM_ID, **(MONEY_ATTRS if money else {})}
    return rx.box(
        label_for(
            name, label, rx.text.span(" *", color_scheme="red") if required else ""
        ),
        rx.input(
            name=name,
            id=name,
            placeholder=placeholder,
            size="2",
            width="100%",
            custom_attrs=attrs,
            **({"input_mode": "numeric"} if numeric or money else {}),
        ),
        error_for(name),
        flex=f"1 1 {width}",
        min_width=width,
    )


def _field_select(state) -> rx.Component:
    return rx.box(
        label_for("typed_field", "Lĩnh vực", rx.text.span(" *", color_scheme="red")),
        rx.el.select(
            rx.el.option("— Chọn lĩnh vực —", value=""),
            rx.foreach(state.typed_fields, lambda f: rx.el.option(f, value=f)),
            name="typed_field",
            id="typed_field",
            custom_attrs={"form": FORM_ID},
            style={
                "width": "100%",
                "padding": "0.4em",
                "border_radius": "4px",
                "border": "1px solid var(--gray-7)",
            },
        ),
        error_for("typed_field"),
        flex="1 1 100%",
    )


def typed_act_boxes(state) -> rx.Component:
    """Under the search results: the button that opens the small form, and
    the form's boxes (inside the case form, sent with `typed_act_form`)."""
    return rx.box(
        rx.button(
            rx.icon("plus", size=16),
            "Hành vi không có trong danh mục",
            type="button",
            variant="outline",
            size="2",
            on_click=state.open_typed,
            id="mo-hanh-vi-ngoai-danh-muc",
            margin_top="0.5em",
        ),
        rx.cond(
            state.typed_open,
            rx.box(
                rx.text(
                    "Nhập đúng như nghị định ghi. Để trống cả hai ô mức phạt nếu "
                    "hành vi chỉ bị phạt cảnh cáo. Hành vi nhập tay được đánh dấu "
                    "\u00abngoài danh mục\u00bb.",
                    size="1",
                    color_scheme="gray",
                ),
                rx.flex(
                    _box(
                        "Nghị định",
                        "typed_decree",
                        required=True,
                        placeholder="282/2025/NĐ-CP",
                        width="200px",
                    ),
                    _box(
                        "Điều",
                        "typed_article",
                        required=True,
                        numeric=True,
                        width="80px",
                    ),
                    _box(
                        "Khoản",
                        "typed_clause",
                        required=True,
                        numeric=True,
                        width="80px",
                    ),
                    _box("Điểm", "typed_point", placeholder="a, b, đ…", width="80px"),
                    rx.box(
                        label_for(
                            "typed_act",
                            "Nội dung hành vi",
                            rx.text.span(" *", color_scheme="red"),
                        ),
                        rx.text_area(
                            name="typed_act",
                            id="typed_act",
                            rows="2",
                            width="100%",
                            custom_attrs={"form": FORM_ID},
                        ),
                        error_for("typed_act"),
                        flex="1 1 100%",
                    ),
                    _box(
                        "Mức phạt từ (đồng)",
                        "typed_frame_min",
                        money=True,
                        placeholder="5.000.000",
                        width="180px",
                    ),
                    _box(
                        "đến (đồng)",
                        "typed_frame_max",
                        money=True,
                        placeholder="10.000.000",
                        width="180px",
                    ),
                    _field_select(state),
                    spacing="2",
                    wrap="wrap",
                    width="100%",
                    margin_top="0.5em",
                ),
                rx.button(
                    "Thêm hành vi",
                    type="submit",
                    variant="soft",
                    custom_attrs={"form": FORM_ID},
                    id="them-hanh-vi-ngoai-danh-muc",
                    margin_top="0.5em",
                ),
                # Drawn afresh once an act is added: its boxes are empty.
                key=state.typed_box.to_string(),
                padding="0.75em",
                border="1px dashed var(--gray-7)",
                border_radius="6px",
                margin_top="0.5em",
                id="khung-hanh-vi-ngoai-danh-muc",
            ),
        ),
        error_for("typed_acts"),
        width="100%",
    )


def typed_act_form(state) -> rx.Component:
    """The small form's own `<form>`, empty and hidden: drawn outside the
    case form, it takes the boxes that name it."""
    return rx.form(
        id=FORM_ID,
        on_submit=state.add_typed_act,
        reset_on_submit=False,
        display="none",
    )


def _badge(text, quiet) -> rx.Component:
    """The mark of an act without catalogue row: amber for one an officer
    typed, gray (`quiet`) for one an imported register wrote."""
    return rx.cond(
        quiet,
        rx.badge(text, color_scheme="gray", variant="soft", class_name="theo-so"),
        rx.badge(
            text, color_scheme="amber", variant="soft", class_name="ngoai-danh-muc"
        ),
    )


def typed_mark(row) -> rx.Component:
    """The «ngoài danh mục» badge of a chosen act typed by the officer (an
    edit's act of an imported register: typed_acts.IMPORT_MARK, quiet)."""
    return rx.cond(
        row["typed"],
        _badge(row["typed"], row["typed"] == IMPORT_MARK),
    )


def unchecked_note(row) -> rx.Component:
    """Under a chosen typed act: its frame could not be held against the
    field's Art. 24 maximum, unknown to the system (typed_acts.
    unchecked_frame_note); a catalogue row has no note."""
    return rx.cond(
        row["note"],
        rx.text(
            row["note"], size="1", color_scheme="amber", class_name="ghi-chu-khung"
        ),
    )


def case_act_mark(act) -> rx.Component:
    """On the case page, an act without catalogue row: the «ngoài danh mục»
    badge beside its citation, or the quieter one of an act an imported
    register wrote (what it means: case_act_hint)."""
    return rx.cond(
        act["outside"] != "",
        _badge(act["outside"], act["origin"] == ActOrigin.IMPORT),
    )


def case_act_hint(act) -> rx.Component:
    """What the mark means, in a line under the act rather than a tooltip,
    which a phone never shows (typed_acts.TYPED_HINT, IMPORTED_HINT)."""
    return rx.cond(
        act["outside"] != "",
        rx.text(
            act["outside_hint"],
            size="1",
            color_scheme="gray",
            class_name="goi-y-ngoai-danh-muc",
        ),
    )
