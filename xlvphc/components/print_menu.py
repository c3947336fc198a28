"""The "In mẫu biểu" button and dialog on the case page."""

import reflex as rx

from xlvphc.state.printing import PrintMenuState


def _row(form: rx.Var) -> rx.Component:
    """One form: its code and title, and what can be done with it."""
    code = form["code"]
    return rx.flex(
        rx.text(rx.text.strong(code), " · ", form["title"], size="2", flex="1 1 16em"),
        rx.cond(
            form["filled"],
            rx.flex(
                rx.button(
                    "Xem trước",
                    size="1",
                    variant="soft",
                    on_click=PrintMenuState.preview(code, "final"),
                ),
                rx.button(
                    "Dự thảo",
                    size="1",
                    variant="soft",
                    on_click=PrintMenuState.download(code, "draft"),
                ),
                rx.button(
                    "Tải về", size="1", on_click=PrintMenuState.download(code, "final")
                ),
                gap="0.4em",
                wrap="wrap",
            ),
        ),
        rx.button(
            "Mẫu trắng",
            size="1",
            variant="outline",
            on_click=PrintMenuState.download(code, "blank"),
        ),
        gap="0.5em",
        wrap="wrap",
        align="center",
        padding_y="0.35em",
        border_bottom="1px solid var(--gray-4)",
        width="100%",
    )


def print_menu() -> rx.Component:
    """Button opening the list of forms for this case's stage."""
    return rx.dialog.root(
        rx.dialog.trigger(
            rx.button(
                rx.icon("files", size=16),
                "In mẫu biểu",
                variant="soft",
                on_click=PrintMenuState.load_forms,
                id="in-mau-bieu",
            ),
        ),
        rx.dialog.content(
            rx.dialog.title("In mẫu biểu"),
            rx.dialog.description(
                "Chọn mẫu theo Nghị định 118/2021/NĐ-CP: xem trước, tải bản dự "
                "thảo, bản để ký hoặc mẫu trắng dùng tại hiện trường.",
                size="2",
            ),
            rx.cond(PrintMenuState.busy, rx.spinner()),
            rx.cond(
                PrintMenuState.preview_src != "",
                rx.box(
                    rx.text(
                        PrintMenuState.preview_title, size="1", color_scheme="gray"
                    ),
                    rx.el.iframe(
                        src=PrintMenuState.preview_src,
                        width="100%",
                        height="480px",
                        title="Xem trước mẫu biểu",
                    ),
                    width="100%",
                ),
            ),
            rx.box(
                rx.foreach(PrintMenuState.forms, _row),
                max_height="50vh",
                overflow_y="auto",
                width="100%",
            ),
            rx.dialog.close(rx.button("Đóng", variant="soft", margin_top="1em")),
            max_width="56em",
        ),
    )
