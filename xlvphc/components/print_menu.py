"""The "In mẫu biểu" button and dialog on the case page."""

import reflex as rx

from xlvphc.state.printing import PrintMenuState

# Touch targets of at least 40 px on a phone (Radix size 3), the compact size
# from Radix's "sm" breakpoint (768 px) up: a 24 px button was hard to hit
# with a finger (user trial).
SMALL = {"initial": "3", "sm": "1"}
NORMAL = {"initial": "3", "sm": "2"}


def _row(form: rx.Var) -> rx.Component:
    """One form: its code and title (and which seizure, return or
    confiscation it is for), and the copies it can be printed as: only the
    buttons the service will not refuse (services/printing_modes.py), and
    in a word why the official copy is missing."""
    code, step = form["code"], form["step"]
    return rx.flex(
        # One paragraph (no inner box), so that the row is the innermost box
        # holding the code: the browser tests find a row by it.
        rx.text(
            rx.text.strong(code),
            " · ",
            form["title"],
            rx.cond(
                form["note"] != "",
                rx.fragment(
                    rx.el.br(),
                    rx.text.span(form["note"], size="1", color_scheme="gray"),
                ),
            ),
            rx.cond(
                form["hint"] != "",
                rx.fragment(
                    rx.el.br(),
                    rx.text.span(form["hint"], size="1", color_scheme="amber"),
                ),
            ),
            size="2",
            flex="1 1 16em",
        ),
        rx.cond(
            form["filled"],
            rx.flex(
                rx.button(
                    "Xem trước",
                    size=SMALL,
                    variant="soft",
                    on_click=PrintMenuState.preview(code, form["preview"], step),
                ),
                rx.cond(
                    form["draft"],
                    rx.button(
                        "Dự thảo",
                        size=SMALL,
                        variant="soft",
                        on_click=PrintMenuState.download(code, "draft", step),
                    ),
                ),
                rx.cond(
                    form["final"],
                    rx.button(
                        "Tải về",
                        size=SMALL,
                        on_click=PrintMenuState.download(code, "final", step),
                    ),
                ),
                spacing="2",
                wrap="wrap",
            ),
        ),
        rx.button(
            "Mẫu trắng",
            size=SMALL,
            variant="outline",
            on_click=PrintMenuState.download(code, "blank", 0),
        ),
        spacing="2",
        wrap="wrap",
        align="center",
        padding_y="0.35em",
        border_bottom="1px solid var(--gray-4)",
        width="100%",
    )


def _group(title: str, forms: rx.Var, id_: str) -> rx.Component:
    """A heading with its count, then the group's forms; nothing when the
    group is empty."""
    return rx.cond(
        forms.length() > 0,
        rx.box(
            rx.heading(
                title, " (", forms.length().to_string(), ")",
                as_="h3", size="3", margin_top="0.75em",
            ),
            rx.foreach(forms, _row),
            id=id_,
        ),
    )


def _groups() -> rx.Component:
    """The case's own papers first, then the drafts its next steps need,
    then the forms only printed blank, folded under a line that says how
    many there are: the first two groups fit a phone's screen."""
    blank = PrintMenuState.blank_forms
    return rx.box(
        _group(
            "Giấy tờ của hồ sơ, có bản để ký",
            PrintMenuState.signed_forms,
            "nhom-ban-de-ky",
        ),
        _group(
            "Cho bước tiếp theo: bản dự thảo",
            PrintMenuState.draft_forms,
            "nhom-du-thao",
        ),
        rx.cond(
            blank.length() > 0,
            rx.el.details(
                rx.el.summary(
                    rx.text(
                        "Các mẫu khác, chỉ in mẫu trắng (",
                        blank.length().to_string(),
                        " mẫu) — bấm để mở",
                        as_="span",
                        weight="medium",
                        size="2",
                    ),
                    # A finger-sized line (40 px), like the buttons.
                    min_height="40px",
                    display="flex",
                    align_items="center",
                    cursor="pointer",
                    list_style_position="inside",
                ),
                rx.foreach(blank, _row),
                id="nhom-mau-trang",
                margin_top="0.75em",
            ),
        ),
        width="100%",
    )


def _page(page: rx.Var) -> rx.Component:
    """One page of the preview: its picture, as wide as the dialog allows,
    and "Trang 2/5" under it."""
    return rx.box(
        rx.image(
            src=page["src"],
            alt=page["label"],
            width="100%",
            max_width="794px",
            height="auto",
            border="1px solid var(--gray-6)",
            box_shadow="0 1px 4px var(--gray-a5)",
            background="white",
        ),
        rx.text(page["label"], size="1", color_scheme="gray", align="center"),
        width="100%",
        margin_bottom="0.75em",
    )


def _preview() -> rx.Component:
    """The pages being previewed, with the whole file one click away."""
    shown = PrintMenuState.preview_pages.length()
    chosen = PrintMenuState.preview_form
    return rx.box(
        rx.flex(
            rx.text(
                PrintMenuState.preview_title,
                size="1",
                color_scheme="gray",
                flex="1 1 12em",
            ),
            rx.button(
                rx.icon("download", size=14),
                "Tải về",
                size=SMALL,
                id="tai-ve-xem-truoc",
                on_click=PrintMenuState.download(
                    chosen["code"], chosen["mode"], chosen["step"]
                ),
            ),
            rx.button(
                "Ẩn xem trước",
                size=SMALL,
                variant="soft",
                color_scheme="gray",
                on_click=PrintMenuState.close_preview,
            ),
            spacing="2",
            wrap="wrap",
            align="center",
            margin_bottom="0.5em",
        ),
        rx.box(
            rx.foreach(PrintMenuState.preview_pages, _page),
            max_height="60vh",
            overflow_y="auto",
            padding="0.5em",
            background="var(--gray-3)",
            id="xem-truoc",
        ),
        rx.cond(
            PrintMenuState.preview_total > shown,
            rx.text(
                "Chỉ xem trước ",
                shown.to_string(),
                " trang đầu; tải về để xem đủ ",
                PrintMenuState.preview_total.to_string(),
                " trang.",
                size="1",
                color_scheme="gray",
            ),
        ),
        width="100%",
        margin_bottom="0.75em",
    )


def print_menu() -> rx.Component:
    """Button opening the list of forms for this case's stage."""
    return rx.dialog.root(
        rx.dialog.trigger(
            rx.button(
                rx.icon("files", size=16),
                "In mẫu biểu",
                variant="soft",
                size=NORMAL,
                on_click=PrintMenuState.load_forms,
                id="in-mau-bieu",
            ),
        ),
        rx.dialog.content(
            # A close button at the top as well: with a preview open the
            # dialog is taller than a phone's screen.
            rx.dialog.close(
                rx.icon_button(
                    rx.icon("x", size=18),
                    variant="ghost",
                    size=NORMAL,
                    # A ghost icon button is as small as its icon (24 px)
                    # whatever its size: 40 px on every screen, in a corner.
                    min_width="40px",
                    min_height="40px",
                    color_scheme="gray",
                    aria_label="Đóng cửa sổ in mẫu biểu",
                    title="Đóng cửa sổ in mẫu biểu",
                    # Sticky, so it stays in sight while the dialog scrolls.
                    position="sticky",
                    top="0",
                    float="right",
                    z_index="1",
                    background="var(--color-panel-solid)",
                    id="dong-in-mau-bieu",
                )
            ),
            rx.dialog.title("In mẫu biểu"),
            rx.dialog.description(
                "Chọn mẫu theo Nghị định 118/2021/NĐ-CP: xem trước, tải bản dự "
                "thảo, bản để ký hoặc mẫu trắng dùng tại hiện trường. Giấy tờ "
                "do một bước xử lý ban hành có bản để ký sau khi ghi nhận bước.",
                size="2",
            ),
            rx.cond(PrintMenuState.busy, rx.spinner()),
            rx.cond(PrintMenuState.preview_pages.length() > 0, _preview()),
            # No scroll box of its own: the dialog scrolls as a whole, so a
            # phone shows the list going on below (user trial: three forms in
            # a box with no cue that 37 followed).
            _groups(),
            rx.dialog.close(
                rx.button("Đóng", variant="soft", size=NORMAL, margin_top="1em")
            ),
            max_width="56em",
            # Radix makes the content a scroll box of its own that never
            # scrolls (the dialog scrolls around it), which pins the sticky
            # close button to the content's top: visible, it sticks to the
            # screen while a long list or preview is scrolled.
            overflow="visible",
        ),
        on_open_change=PrintMenuState.dialog_changed,
    )
