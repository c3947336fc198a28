"""The page shell: top bar with the menu for the user's role, and the content
area. The bar is one line at every width; the menu is a column beside the
page on a desktop and folds behind a button on phones and tablets."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.guard import allowed_only
from xlvphc.services.access import Action
from xlvphc.state.procedure import TodoBadgeState
from xlvphc.state.session import SessionState

# (label, route, icon, the action — or any of several — that makes the item
# useful). Add screens here.
NAV_ITEMS = [
    ("Hồ sơ", routes.CASES, "folder", Action.CASE_READ),
    ("Lập biên bản", routes.CASE_NEW, "file-plus", Action.CASE_WRITE),
    ("Xử phạt tại chỗ", routes.ON_THE_SPOT, "zap", Action.CASE_WRITE),
    ("Việc cần làm", routes.TODO, "alarm-clock", Action.CASE_READ),
    ("Giao quyền", routes.DELEGATIONS, "user-check", Action.DECISION_SIGN),
    ("Nhập Excel", routes.IMPORT, "file-up", Action.CASE_IMPORT),
    # Officers bin cases; administrators purge them: one item for either.
    (
        "Thùng rác",
        routes.RECYCLE_BIN,
        "trash-2",
        (Action.CASE_DELETE, Action.CASE_PURGE),
    ),
    ("Thống kê", routes.DASHBOARD, "chart-bar", Action.DASHBOARD_READ),
    ("Báo cáo", routes.REPORTS, "file-spreadsheet", Action.REPORT_READ),
    ("Theo dõi", routes.MONITORING, "activity", Action.MONITOR_READ),
    ("Phản ánh", routes.FEEDBACK, "message-square-warning", Action.FEEDBACK_SEND),
    ("Tài khoản", routes.ACCOUNTS, "users", Action.ACCOUNT_MANAGE),
    ("Đơn vị", routes.UNITS, "network", Action.UNIT_MANAGE),
    ("Nhật ký", routes.AUDIT, "scroll-text", Action.AUDIT_READ),
]


def _badge(href: str) -> rx.Component:
    """The count shown beside a menu item: deadlines overdue or due within 3
    days beside "Việc cần làm" (TodoBadgeState, loaded when the shell
    mounts)."""
    if href != routes.TODO:
        return rx.fragment()
    return rx.cond(
        TodoBadgeState.todo_badge != "",
        rx.badge(
            TodoBadgeState.todo_badge,
            color_scheme="red",
            variant="solid",
            radius="full",
            title="Việc quá hạn hoặc đến hạn trong 3 ngày",
            class_name="dem-viec-can-lam",  # the menu is drawn twice (wide, narrow)
        ),
    )


def _link(text: str, href: str, icon: str) -> rx.Component:
    return rx.link(
        rx.flex(
            rx.icon(icon, size=16),
            rx.text(text),
            _badge(href),
            align="center",
            spacing="1",
        ),
        href=href,
        underline="none",
        weight="medium",
        size="2",
        padding="0.4em 0.5em",
        border_radius="6px",
        white_space="nowrap",
        background=rx.cond(_here(href), "var(--accent-4)", "transparent"),
        _hover={"background": "var(--accent-3)"},
    )


def _here(href: str) -> rx.Var:
    """Whether the page shown is `href` (the address may end in "/")."""
    path = SessionState.router.url.path
    return (path == href) | (path == href + "/")


def _allowed(action: str | tuple[str, ...]) -> rx.Var:
    actions = (action,) if isinstance(action, str) else action
    held = [SessionState.permissions.contains(a) for a in actions]
    condition = held[0]
    for more in held[1:]:
        condition = condition | more
    return condition


def _nav_links() -> list[rx.Component]:
    """The menu items the user's permissions allow, then the guide."""
    return [
        *[
            rx.cond(_allowed(action), _link(text, href, icon))
            for text, href, icon, action in NAV_ITEMS
        ],
        _link("Hướng dẫn", routes.GUIDE, "book-open"),
    ]


def _who(**props) -> rx.Component:
    """Name and unit of the user, cut short rather than wrapped."""
    return rx.box(
        rx.text(SessionState.user_name, weight="bold", size="2", truncate=True),
        rx.text(SessionState.user_unit, size="1", color_scheme="gray", truncate=True),
        min_width="0",
        **props,
    )


# From "lg" (1280 px) the menu is a column beside the page; below, it folds
# behind a button in the bar. Reflex breakpoints: sm 768 px, lg 1280 px.
WIDE = rx.breakpoints(initial="none", lg="block")
NARROW = rx.breakpoints(initial="block", lg="none")


def _menu(**props) -> rx.Component:
    """The menu items one under another, as a navigation landmark."""
    return rx.el.nav(
        rx.flex(*_nav_links(), direction="column", spacing="1"),
        aria_label="Menu chính",
        **props,
    )


def _menu_button() -> rx.Component:
    """On phones and tablets the menu opens from a button: the bar stays one
    line instead of four rows of links (Radix Popover, already in the
    bundle; its content is mounted only while open)."""
    return rx.popover.root(
        rx.popover.trigger(
            rx.icon_button(
                rx.icon("menu", size=20),
                variant="soft",
                size="3",
                aria_label="Mở menu",
                title="Menu",
                id="mo-menu",
            ),
        ),
        rx.popover.content(
            rx.flex(
                _who(padding="0.25em 0.5em 0.5em"),
                rx.separator(size="4"),
                _menu(),
                direction="column",
                spacing="2",
            ),
            align="start",
            width="min(20rem, 92vw)",
            max_height="80vh",
            overflow_y="auto",
            id="menu-dien-thoai",
        ),
    )


def _sidebar() -> rx.Component:
    """On a desktop every item the role allows stays in view, one per line:
    twelve labels do not fit beside the name in one line of the bar."""
    # The column stretches to the page's height (its white background and
    # border go down to the end of a long page); the menu inside stays in
    # view while the page scrolls.
    return rx.box(
        rx.box(
            _menu(),
            padding="0.75em 0.5em",
            position="sticky",
            top="0",
            max_height="100vh",
            overflow_y="auto",
        ),
        display=WIDE,
        width="12.5rem",
        min_height="calc(100vh - 3.5rem)",
        flex_shrink="0",
        border_right="1px solid var(--gray-5)",
        background="var(--color-panel-solid)",
        align_self="stretch",
        id="menu-ben",
    )


def navbar() -> rx.Component:
    """One line at every width: the menu button (phone, tablet), the name of
    the app, the user's name and unit, "Đăng xuất"."""
    return rx.flex(
        rx.box(_menu_button(), display=NARROW, flex_shrink="0"),
        rx.link(
            rx.flex(
                rx.icon("scale", size=22),
                rx.heading("XLVPHC", size="4", white_space="nowrap"),
                rx.heading(
                    "Đắk Lắk", size="4", white_space="nowrap",
                    display=rx.breakpoints(initial="none", xs="block"),
                ),
                align="center",
                spacing="2",
            ),
            href=routes.HOME,
            underline="none",
            flex_shrink="0",
            class_name="xl-tap",  # 32 px tall on a phone (assets/styles.css)
        ),
        rx.spacer(),
        _who(
            text_align="right",
            max_width="16rem",
            display=rx.breakpoints(initial="none", sm="block"),
        ),
        rx.button(
            rx.icon("log-out", size=16),
            rx.text("Đăng xuất", display=rx.breakpoints(initial="none", xs="inline")),
            variant="soft",
            on_click=SessionState.logout,
            aria_label="Đăng xuất",
            title="Đăng xuất",
            flex_shrink="0",
            id="dang-xuat",
            # Asks before unsaved changes are dropped (form_guard.js).
            custom_attrs={"data-xl-leave": "1"},
        ),
        wrap="nowrap",
        align="center",
        spacing="3",
        padding="0.5em 1em",
        min_height="3.5rem",
        border_bottom="1px solid var(--gray-5)",
        background="var(--color-panel-solid)",
        width="100%",
        on_mount=TodoBadgeState.load_badge,
    )


def _body(title: str, intro: str, *children) -> list[rx.Component]:
    return [
        rx.heading(title, size="6", margin_bottom="0.25em"),
        rx.text(intro, color_scheme="gray", size="2") if intro else rx.fragment(),
        rx.flex(*children, direction="column", spacing="4", margin_top="1em"),
    ]


def _frame(*content: rx.Component) -> rx.Component:
    return rx.box(
        navbar(),
        rx.flex(
            _sidebar(),
            rx.box(
                rx.box(*content, max_width="1200px", margin="0 auto"),
                flex="1 1 auto",
                min_width="0",
                padding=["0.75em", "1em", "1.5em"],
            ),
            wrap="nowrap",
        ),
        min_height="100vh",
        background="var(--gray-2)",
    )


def page(title: str, *children, intro: str = "") -> rx.Component:
    """A protected page: title, a sentence that says what the page is for, and
    the content."""
    return _frame(*_body(title, intro, *children))


def page_for(
    needs: str | tuple[str, ...], title: str, *children, intro: str = ""
) -> rx.Component:
    """A page only some roles use (`needs`: the action, or any of several):
    others see the refusal panel alone, not the page's forms around an
    error (components/guard.py)."""
    needed = (needs,) if isinstance(needs, str) else tuple(needs)
    return _frame(allowed_only(needed, *_body(title, intro, *children)))
