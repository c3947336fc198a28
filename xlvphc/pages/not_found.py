"""Không tìm thấy trang: what an unknown address shows, inside the shell, in
Vietnamese (Reflex's own is a bare English line with no way back).

Reflex serves the page registered at route "404" for every address no other
page matches. Only a signed-in user gets past on_load, so the shell's menu
is theirs; everyone else goes to the sign-in page like on any other page."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.shell import page
from xlvphc.state.session import SessionState

NOT_FOUND_ROUTE = "404"  # reflex.constants.Page404.SLUG


def _panel() -> rx.Component:
    return rx.card(
        rx.flex(
            rx.icon("map-pin-off", size=32, color="var(--gray-10)"),
            rx.text(
                "Địa chỉ ",
                rx.code(SessionState.router.url.path, id="dia-chi-khong-co"),
                " không có trong hệ thống. Có thể đường dẫn bị gõ sai, đã cũ, "
                "hoặc bị cắt mất một phần khi sao chép.",
                size="3",
            ),
            rx.text(
                "Hãy chọn một mục trong menu, hoặc về trang chính.",
                size="2",
                color_scheme="gray",
            ),
            rx.link(
                rx.button(rx.icon("house", size=16), "Về trang chính", size="3"),
                href=routes.HOME,
                id="ve-trang-chinh",
            ),
            direction="column",
            spacing="3",
            align="start",
        ),
        id="khong-tim-thay",
        width="100%",
    )


@rx.page(
    route=NOT_FOUND_ROUTE,
    title="Không tìm thấy trang – XLVPHC",
    on_load=SessionState.require_login,
)
def not_found_page() -> rx.Component:
    return page("Không tìm thấy trang", _panel())
