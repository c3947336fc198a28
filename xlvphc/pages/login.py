"""Đăng nhập and Đổi mật khẩu."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import error_for, form_message, label_for
from xlvphc.state.login import LoginState, PasswordState
from xlvphc.state.session import SessionState


def _card(title: str, intro: str, *children) -> rx.Component:
    return rx.center(
        rx.card(
            rx.flex(
                rx.flex(
                    rx.icon("scale", size=28),
                    rx.heading("XLVPHC Đắk Lắk", size="5"),
                    align="center",
                    spacing="2",
                ),
                rx.text(
                    "Cơ sở dữ liệu về xử lý vi phạm hành chính tỉnh Đắk Lắk",
                    size="2",
                    color_scheme="gray",
                ),
                rx.heading(title, size="6", margin_top="0.5em"),
                rx.text(intro, size="2"),
                *children,
                direction="column",
                spacing="3",
            ),
            width="100%",
            max_width="440px",
            size="3",
        ),
        min_height="100vh",
        padding="1em",
        background="var(--gray-2)",
    )


def _password(label: str, name: str, autocomplete: str) -> rx.Component:
    return rx.box(
        label_for(name, label),
        rx.input(
            type="password",
            name=name,
            id=name,
            size="3",
            auto_complete=autocomplete,
            width="100%",
        ),
        error_for(name),
    )


@rx.page(route=routes.LOGIN, title="Đăng nhập – XLVPHC")
def login_page() -> rx.Component:
    return _card(
        "Đăng nhập",
        "Dùng tài khoản do quản trị viên cấp. Sau 5 lần nhập sai, tài khoản bị "
        "khóa tạm thời.",
        rx.form(
            rx.flex(
                rx.box(
                    label_for("username", "Tên đăng nhập"),
                    rx.input(
                        name="username",
                        id="username",
                        size="3",
                        auto_complete="username",
                        width="100%",
                    ),
                ),
                _password("Mật khẩu", "password", "current-password"),
                form_message(),
                rx.button("Đăng nhập", type="submit", size="3", id="nut-dang-nhap"),
                direction="column",
                spacing="3",
            ),
            on_submit=LoginState.login,
            reset_on_submit=False,
        ),
    )


@rx.page(
    route=routes.CHANGE_PASSWORD,
    title="Đổi mật khẩu – XLVPHC",
    on_load=PasswordState.check_pending,
)
def change_password_page() -> rx.Component:
    return _card(
        "Đổi mật khẩu",
        "Mật khẩu được cấp chỉ dùng một lần. Hãy đặt mật khẩu mới từ 12 đến 64 ký "
        "tự, dễ nhớ với bạn nhưng khó đoán (ví dụ một câu ngắn); không dùng tên "
        "đăng nhập, tên cơ quan hay tên tỉnh.",
        rx.form(
            rx.flex(
                _password("Mật khẩu hiện tại (mật khẩu được cấp)", "current",
                          "current-password"),
                _password("Mật khẩu mới", "new", "new-password"),
                _password("Nhập lại mật khẩu mới", "confirm", "new-password"),
                form_message(),
                rx.button("Đổi mật khẩu", type="submit", size="3", id="nut-doi-mk"),
                rx.button(
                    "Đăng xuất",
                    type="button",
                    variant="soft",
                    on_click=SessionState.logout,
                ),
                direction="column",
                spacing="3",
            ),
            on_submit=PasswordState.change,
            reset_on_submit=False,
        ),
    )


@rx.page(route=routes.HOME, title="XLVPHC Đắk Lắk", on_load=SessionState.go_home)
def home_page() -> rx.Component:
    return rx.center(rx.spinner(size="3"), min_height="100vh")
