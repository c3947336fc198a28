"""What a page shows to a user whose roles do not allow it.

The services refuse such a user anyway (services/access.py); this only keeps
the page from rendering its forms, empty tables and zero counters around the
refusal, which reads as a broken page. Page source is public and prerendered
(reflex-notes), so this is presentation, never the protection itself.
"""

import operator
from functools import reduce

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import form_message
from xlvphc.services.access import Action
from xlvphc.state.session import SessionState

FORBIDDEN_TITLE = "Bạn không có quyền xem trang này"
CASE_REFUSED_TITLE = "Không tìm thấy hồ sơ hoặc bạn không có quyền xem"
# One text for a case that does not exist or belongs to another unit (in the
# recycle bin or not): the page must not tell them apart, as the services do
# not (services/errors.PermissionDenied).
CASE_REFUSED_TEXT = (
    "Hồ sơ này không có trong phạm vi bạn được xem: mỗi đơn vị chỉ xem được "
    "hồ sơ của mình. Hãy kiểm tra lại đường dẫn, hoặc tìm hồ sơ trong danh "
    "sách hồ sơ của đơn vị."
)


# A case of the user's own units that was deleted: not a refusal, so it says
# where the case is (user trial: it read as out of the user's reach).
CASE_IN_BIN_TITLE = "Hồ sơ này đã được chuyển vào thùng rác"
CASE_IN_BIN_TEXT = (
    "Hồ sơ đã bị xóa nên không mở được. Muốn xem lại, hồ sơ phải được khôi "
    "phục ở trang «Thùng rác»; cán bộ của đơn vị khôi phục được."
)


def _panel(
    title: str,
    text: str,
    way_back: rx.Component,
    icon: str = "shield-x",
    panel_id: str = "khong-co-quyen",
) -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon(icon)),
        rx.callout.text(rx.text(title, weight="bold", size="3")),
        rx.callout.text(text),
        rx.callout.text(way_back),
        color_scheme="amber",
        size="2",
        role="alert",
        id=panel_id,
    )


ROLE_MISSING_TEXT = (
    "Vai trò của tài khoản bạn không dùng trang này. Nếu công việc của "
    "bạn cần đến nó, hãy đề nghị quản trị viên đơn vị cấp thêm vai trò."
)
# For an account that only administers (security.md: role separation): no
# role is missing, the administrator needs a second, working account.
ADMIN_ONLY_TEXT = (
    "Tài khoản quản trị chỉ dùng để quản lý đơn vị và tài khoản người dùng. "
    "Hồ sơ vụ việc, thống kê và báo cáo được xem bằng tài khoản cán bộ nhập "
    "liệu, giám sát hoặc lãnh đạo: nếu bạn cần xem, hãy tạo một tài khoản như "
    "vậy ở trang «Tài khoản» và đăng nhập bằng tài khoản đó."
)


# An administration-only account: it manages accounts but reads neither
# cases nor statistics. One rule for the panel (on the browser's copy of the
# permissions) and for Python callers.
ADMIN_HOLDS = Action.ACCOUNT_MANAGE
ADMIN_LACKS = (Action.CASE_READ, Action.DASHBOARD_READ)


def admin_only(permissions) -> bool:
    """Whether these actions (SessionState.permissions) are those of
    administration only."""
    held = set(permissions)
    return ADMIN_HOLDS in held and not held.intersection(ADMIN_LACKS)


def _admin_only_var():
    """`admin_only` on the browser's copy of the permissions."""
    held = SessionState.permissions
    lacks = [~held.contains(action) for action in ADMIN_LACKS]
    return reduce(operator.and_, lacks, held.contains(ADMIN_HOLDS))


def _home_link() -> rx.Component:
    return rx.link(
        rx.flex(rx.icon("house", size=16), "Về trang chính",
                align="center", spacing="1"),
        href=routes.HOME,
        id="ve-trang-chinh",
    )


def forbidden_panel() -> rx.Component:
    """One clear sentence, why, and the way back; for an administrator, that
    case data is read with another kind of account, and where to make it."""
    return rx.cond(
        _admin_only_var(),
        _panel(
            FORBIDDEN_TITLE,
            ADMIN_ONLY_TEXT,
            rx.flex(
                rx.link(
                    rx.flex(rx.icon("users", size=16), "Tài khoản",
                            align="center", spacing="1"),
                    href=routes.ACCOUNTS,
                    id="den-tai-khoan",
                ),
                _home_link(),
                spacing="4",
                wrap="wrap",
            ),
        ),
        _panel(FORBIDDEN_TITLE, ROLE_MISSING_TEXT, _home_link()),
    )


def _case_list_link() -> rx.Component:
    return rx.link(
        rx.button(rx.icon("list", size=16), "Về danh sách hồ sơ",
                  variant="soft", tab_index=-1),
        href=routes.CASES,
        id="ve-danh-sach-ho-so",
    )


def case_refused_panel() -> rx.Component:
    """The same panel for a case the user may not open (missing, or another
    unit's, binned or not: one text for all), with the way back to the case
    list instead of a bare refusal sentence."""
    return _panel(CASE_REFUSED_TITLE, CASE_REFUSED_TEXT, _case_list_link())


def case_in_bin_panel() -> rx.Component:
    """For a case of the user's own units in the recycle bin: where it is,
    the way to the bin for one who may open it, and back to the list."""
    may_open_bin = SessionState.permissions.contains(
        Action.CASE_DELETE
    ) | SessionState.permissions.contains(Action.CASE_PURGE)
    return _panel(
        CASE_IN_BIN_TITLE,
        CASE_IN_BIN_TEXT,
        rx.flex(
            rx.cond(
                may_open_bin,
                rx.link(
                    rx.button(rx.icon("trash-2", size=16), "Mở Thùng rác",
                              variant="soft", tab_index=-1),
                    href=routes.RECYCLE_BIN,
                    id="den-thung-rac",
                ),
            ),
            _case_list_link(),
            spacing="4",
            wrap="wrap",
        ),
        icon="trash-2",
        panel_id="ho-so-trong-thung-rac",
    )


def case_refusal(state) -> rx.Component:
    """What a page opened on one case (?id=) shows where its message goes:
    the refusal panel when the case was refused (`state`, a
    state.cases.CaseRefusalMixin: missing or another unit's, or in the
    bin), else the page's error message. One block for the case, edit and
    decision pages, each with the way back to the list (user trial: the
    edit and decision pages showed only the refusal sentence). The panel
    alone: sections mounted for a case shown before may be refused too, and
    their message would repeat the refusal."""
    return rx.cond(
        state.refused,
        rx.cond(state.in_bin, case_in_bin_panel(), case_refused_panel()),
        form_message(),
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
