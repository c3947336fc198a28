"""What a page shows to a user whose roles do not allow it.

The services refuse such a user anyway (services/access.py); this only keeps
the page from rendering its forms, empty tables and zero counters around the
refusal, which reads as a broken page. Page source is public and prerendered
(reflex-notes), so this is presentation, never the protection itself.
"""

from functools import reduce

import reflex as rx

from xlvphc import routes
from xlvphc.state.session import SessionState

FORBIDDEN_TITLE = "Bạn không có quyền xem trang này"


def forbidden_panel() -> rx.Component:
    """One clear sentence, why, and the way back."""
    return rx.callout.root(
        rx.callout.icon(rx.icon("shield-x")),
        rx.callout.text(rx.text(FORBIDDEN_TITLE, weight="bold", size="3")),
        rx.callout.text(
            "Vai trò của tài khoản bạn không dùng trang này. Nếu công việc của "
            "bạn cần đến nó, hãy đề nghị quản trị viên đơn vị cấp thêm vai trò."
        ),
        rx.callout.text(
            rx.link(
                rx.flex(rx.icon("house", size=16), "Về trang chính",
                        align="center", spacing="1"),
                href=routes.HOME,
                id="ve-trang-chinh",
            ),
        ),
        color_scheme="amber",
        size="2",
        role="alert",
        id="khong-co-quyen",
    )


def allowed_only(needs: tuple[str, ...], *children: rx.Component) -> rx.Component:
    """`children` when the user holds one of the actions in `needs`; the
    refusal panel when they do not; a spinner until the page's on_load has
    told who the user is (a fresh tab knows nobody yet)."""
    allowed = reduce(
        lambda a, b: a | b, [SessionState.permissions.contains(n) for n in needs]
    )
    unknown = (SessionState.user_name == "") & (SessionState.permissions.length() == 0)
    return rx.cond(
        unknown,
        rx.center(rx.spinner(size="3"), padding="3em"),
        rx.cond(allowed, rx.fragment(*children), forbidden_panel()),
    )
