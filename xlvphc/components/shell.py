"""The page shell: top bar with the menu for the user's role, and the content
area. Wraps on small screens so it works on a phone."""

import reflex as rx

from xlvphc import routes
from xlvphc.services.access import Action
from xlvphc.state.session import SessionState

# (label, route, icon, the action that makes the item useful). Add screens here.
NAV_ITEMS = [
    ("Hồ sơ", routes.CASES, "folder", Action.CASE_READ),
    ("Lập biên bản", routes.CASE_NEW, "file-plus", Action.CASE_WRITE),
    ("Xử phạt tại chỗ", routes.ON_THE_SPOT, "zap", Action.CASE_WRITE),
    ("Việc cần làm", routes.TODO, "alarm-clock", Action.CASE_READ),
    ("Giao quyền", routes.DELEGATIONS, "user-check", Action.DECISION_SIGN),
    ("Nhập Excel", routes.IMPORT, "file-up", Action.CASE_IMPORT),
    ("Thùng rác", routes.RECYCLE_BIN, "trash-2", Action.CASE_DELETE),
    ("Thống kê", routes.DASHBOARD, "chart-bar", Action.DASHBOARD_READ),
    ("Báo cáo", routes.REPORTS, "file-spreadsheet", Action.REPORT_READ),
    ("Theo dõi", routes.MONITORING, "activity", Action.MONITOR_READ),
    ("Phản ánh", routes.FEEDBACK, "message-square-warning", Action.FEEDBACK_SEND),
    ("Tài khoản", routes.ACCOUNTS, "users", Action.ACCOUNT_MANAGE),
    ("Đơn vị", routes.UNITS, "network", Action.UNIT_MANAGE),
    ("Nhật ký", routes.AUDIT, "scroll-text", Action.AUDIT_READ),
    ("Thùng rác", routes.RECYCLE_BIN, "trash-2", Action.CASE_PURGE),
]


def _link(text: str, href: str, icon: str) -> rx.Component:
    return rx.link(
        rx.flex(rx.icon(icon, size=16), rx.text(text), align="center", gap="1"),
        href=href,
        underline="none",
        weight="medium",
        size="2",
        padding="0.4em 0.6em",
        border_radius="6px",
        _hover={"background": "var(--accent-3)"},
    )


def navbar() -> rx.Component:
    return rx.flex(
        rx.link(
            rx.flex(
                rx.icon("scale", size=22),
                rx.heading("XLVPHC Đắk Lắk", size="4"),
                align="center",
                gap="2",
            ),
            href=routes.HOME,
            underline="none",
        ),
        rx.flex(
            *[
                rx.cond(SessionState.permissions.contains(action),
                        _link(text, href, icon))
                for text, href, icon, action in NAV_ITEMS
            ],
            _link("Hướng dẫn", routes.GUIDE, "book-open"),
            wrap="wrap",
            gap="1",
        ),
        rx.spacer(),
        rx.flex(
            rx.box(
                rx.text(SessionState.user_name, weight="bold", size="2"),
                rx.text(SessionState.user_unit, size="1", color_scheme="gray"),
                text_align="right",
            ),
            rx.button(
                rx.icon("log-out", size=16),
                "Đăng xuất",
                variant="soft",
                on_click=SessionState.logout,
                id="dang-xuat",
            ),
            align="center",
            gap="3",
        ),
        wrap="wrap",
        align="center",
        gap="3",
        padding="0.75em 1em",
        border_bottom="1px solid var(--gray-5)",
        background="var(--color-panel-solid)",
        width="100%",
    )


def page(title: str, *children, intro: str = "") -> rx.Component:
    """A protected page: title, a sentence that says what the page is for, and
    the content."""
    return rx.box(
        navbar(),
        rx.box(
            rx.heading(title, size="6", margin_bottom="0.25em"),
            rx.text(intro, color_scheme="gray", size="2") if intro else rx.fragment(),
            rx.flex(*children, direction="column", gap="4", margin_top="1em"),
            max_width="1200px",
            margin="0 auto",
            padding=["0.75em", "1em", "1.5em"],
        ),
        min_height="100vh",
        background="var(--gray-2)",
    )
