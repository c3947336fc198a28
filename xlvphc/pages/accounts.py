"""Tài khoản: accounts of the units the administrator manages."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.data_table import data_table, labelled_cell, pager
from xlvphc.components.fields import (
    error_for,
    field,
    form_message,
    section,
    select_field,
)
from xlvphc.components.shell import page_for
from xlvphc.components.unit_picker import UnitFinder
from xlvphc.services.access import Action
from xlvphc.state.accounts import (
    EDIT_FORM_ID,
    STATUS_OPTIONS,
    UPLOAD_ID,
    AccountsState,
)
from xlvphc.upload_guard import refusal_trigger

S = AccountsState


def _issued_row(i) -> rx.Component:
    """One account issued: wraps onto several lines on a phone."""
    return rx.flex(
        rx.box(
            rx.text(i["full_name"], weight="medium", size="2"),
            rx.text(i["unit_name"], size="1", color_scheme="gray"),
            flex="1 1 12rem",
        ),
        rx.box(
            rx.text("Tên đăng nhập", size="1", color_scheme="gray"),
            rx.text(i["username"], size="2"),
            flex="1 1 9rem",
        ),
        rx.box(
            rx.text("Mật khẩu", size="1", color_scheme="gray"),
            rx.code(i["password"], size="3", class_name="mat-khau-cap"),
            flex="1 1 9rem",
        ),
        rx.box(
            rx.text("Hết hạn lúc", size="1", color_scheme="gray"),
            rx.text(i["expires"], size="2"),
            flex="1 1 9rem",
        ),
        rx.badge(i["kind"], color_scheme="gray", align_self="center"),
        wrap="wrap",
        column_gap="1em",
        row_gap="0.25em",
        padding_y="0.5em",
        border_bottom="1px solid var(--green-6)",
        class_name="dong-mat-khau-cap",
    )


def _issued() -> rx.Component:
    """Every one-time password issued since the page was opened, newest
    first, until the administrator clears them (state/accounts.py)."""
    return rx.cond(
        S.issued_count > 0,
        rx.callout.root(
            rx.callout.icon(rx.icon("key-round")),
            rx.flex(
                rx.text(
                    "Mật khẩu dùng một lần đã cấp từ khi mở trang này (",
                    S.issued_count,
                    " tài khoản, mới nhất ở trên). Hãy ghi lại hoặc tải về rồi "
                    "trao tận tay từng người; mật khẩu phải đổi ở lần đăng nhập "
                    "đầu. Danh sách chỉ có trên màn hình này, mất khi rời trang.",
                    weight="medium",
                ),
                rx.box(
                    rx.foreach(S.issued, _issued_row),
                    max_height="400px",
                    overflow="auto",
                    width="100%",
                    id="mat-khau-da-cap",
                ),
                rx.flex(
                    rx.button(
                        rx.icon("sheet", size=16),
                        "Tải tệp Excel",
                        on_click=S.download_passwords("xlsx"),
                        id="tai-mat-khau-xlsx",
                        variant="soft",
                    ),
                    rx.button(
                        rx.icon("printer", size=16),
                        "In phiếu mật khẩu (PDF)",
                        on_click=S.download_passwords("pdf"),
                        id="in-phieu-mat-khau",
                        variant="soft",
                    ),
                    rx.button(
                        rx.icon("eraser", size=16),
                        "Đã ghi lại – xóa danh sách",
                        on_click=S.forget_passwords,
                        color_scheme="gray",
                        variant="outline",
                        id="xoa-mat-khau-cap",
                    ),
                    spacing="2",
                    wrap="wrap",
                ),
                direction="column",
                spacing="2",
                width="100%",
            ),
            color_scheme="green",
        ),
    )


def _role_boxes(checked=None) -> rx.Component:
    return rx.box(
        rx.text(
            "Vai trò", rx.text.span(" *", color_scheme="red"), weight="medium", size="2"
        ),
        rx.flex(
            rx.foreach(
                S.roles,
                lambda r: rx.el.label(
                    rx.el.input(
                        type="checkbox",
                        name="role_" + r["id"].to(str),
                        default_checked=checked(r) if checked else False,
                    ),
                    " ",
                    r["name"],
                    style={"display": "flex", "gap": "0.4em", "align-items": "center"},
                ),
            ),
            spacing="3",
            wrap="wrap",
            margin_top="0.25em",
        ),
        rx.cond(
            S.wide_roles_offered,
            rx.text(
                "Giám sát, Lãnh đạo và Quản trị hệ thống xem được mọi đơn vị: "
                "chỉ cấp cho tài khoản của đơn vị Tỉnh hoặc Sở Tư pháp.",
                size="1",
                color_scheme="gray",
            ),
        ),
        error_for("roles"),
        width="100%",
    )


def _signer(options, picks, default="", field_id="") -> rx.Component:
    """The signer titles of the unit picked (services.signer_fit): a title
    of another body is neither offered nor accepted. `picks` counts the
    units picked: each draws the select again with `default` chosen."""
    return select_field(
        "Chức danh ký quyết định (chỉ với người có thẩm quyền; theo đơn vị)",
        "signer_title",
        options,
        default=default,
        field_id=field_id,
        key=picks.to(str),
    )


def _signer_note(note) -> rx.Component:
    """The warning for a saved title of another body, or a province-wide
    role on a unit below the province (services.accounts)."""
    return rx.cond(
        note != "",
        rx.text(
            note,
            size="1",
            color_scheme="orange",
            class_name="chuc-danh-lech",
            width="100%",
        ),
    )


def _create_form() -> rx.Component:
    return rx.form(
        section(
            "Tạo tài khoản",
            field(
                "Tên đăng nhập",
                "username",
                required=True,
                hint="chữ thường không dấu, ví dụ nguyenvanan.cax",
            ),
            field("Họ và tên", "full_name", required=True),
            field("Chức danh", "title", placeholder="Công chức Tư pháp – Hộ tịch"),
            select_field(
                "Đơn vị",
                "unit_id",
                S.units,
                required=True,
                on_change=S.pick_create_unit,
                finder=UnitFinder(S, "unit_id"),
            ),
            _signer(S.create_signers, S.create_unit_picks),
            _role_boxes(),
            rx.button(
                "Tạo tài khoản",
                type="submit",
                size="3",
                align_self="end",
                id="nut-tao-tai-khoan",
            ),
        ),
        on_submit=S.create,
        reset_on_submit=False,
        key=S.create_form_key,
    )


def _edit_form() -> rx.Component:
    """The boxes are named as the create form's (one service reads both)
    but have ids of their own (`edit_…`): Reflex reads a form's boxes by id
    from one table for the whole page, and after this panel closed the
    create form read its emptied boxes (components.fields.field)."""
    user = S.editing
    return rx.form(
        section(
            rx.text("Sửa tài khoản ", rx.code(user["username"])),
            field(
                "Họ và tên",
                "full_name",
                required=True,
                default=user["full_name"].to(str),
                field_id="edit_full_name",
            ),
            field(
                "Chức danh",
                "title",
                default=user["title"].to(str),
                field_id="edit_title",
            ),
            select_field(
                "Đơn vị",
                "unit_id",
                S.units,
                required=True,
                default=user["unit_id"].to(str),
                on_change=S.pick_edit_unit,
                field_id="edit_unit_id",
                finder=UnitFinder(S, "edit_unit_id"),
            ),
            _signer(
                S.edit_signers,
                S.edit_unit_picks,
                S.edit_signer_default,
                field_id="edit_signer_title",
            ),
            _signer_note(user["signer_note"].to(str)),
            _role_boxes(lambda r: user["role_codes"].to(list[str]).contains(r["id"])),
            _signer_note(user["role_note"].to(str)),
            rx.text(
                "Đổi vai trò hoặc đơn vị sẽ kết thúc ngay các phiên làm việc "
                "của người này.",
                size="1",
                color_scheme="gray",
                width="100%",
            ),
            rx.flex(
                rx.button(
                    "Hủy",
                    type="button",
                    variant="soft",
                    color_scheme="gray",
                    on_click=S.cancel_edit,
                ),
                rx.button("Lưu thay đổi", type="submit", id="nut-luu-tai-khoan"),
                spacing="2",
                margin_left="auto",
            ),
        ),
        key=user["id"].to(str),
        on_submit=S.save_edit,
        reset_on_submit=False,
        # "Sửa" scrolls here and focuses the first box (show_edit_form);
        # the margin keeps the title clear of the sticky top bar.
        id=EDIT_FORM_ID,
        custom_attrs={"data-account": user["id"].to(str)},
        scroll_margin_top="5em",
    )


def _bulk() -> rx.Component:
    return section(
        "Tạo hàng loạt từ danh sách",
        rx.text(
            "Tệp CSV (UTF-8) hoặc XLSX, tối đa 1000 dòng, các cột: Tên đăng nhập, "
            "Họ và tên, Chức danh, Mã đơn vị, Vai trò, Mã chức danh ký. Nếu một "
            "dòng sai, không tài khoản nào được tạo và hệ thống chỉ ra dòng sai.",
            size="2",
            width="100%",
        ),
        rx.upload(
            rx.flex(
                rx.icon("upload", size=18),
                rx.text("Kéo tệp vào đây hoặc bấm để chọn", size="2"),
                rx.foreach(
                    rx.selected_files(UPLOAD_ID),
                    lambda f: rx.badge(f, color_scheme="indigo"),
                ),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
            id=UPLOAD_ID,
            max_files=1,
            multiple=False,
            accept={
                "text/csv": [".csv"],
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [
                    ".xlsx"
                ],
            },
            border="1px dashed var(--gray-7)",
            padding="1em",
            border_radius="8px",
            width="100%",
        ),
        rx.flex(
            rx.button("Tải tệp mẫu", variant="soft", on_click=S.download_template),
            rx.button(
                rx.cond(S.uploading, rx.spinner(size="2"), rx.icon("users", size=16)),
                "Tạo các tài khoản",
                on_click=[
                    S.upload_starting,
                    S.upload_list(rx.upload_files(upload_id=UPLOAD_ID)),
                ],
                disabled=S.uploading,
                id="nut-tao-hang-loat",
            ),
            spacing="2",
            wrap="wrap",
        ),
        rx.cond(
            S.errors.contains("file"),
            rx.text(
                S.errors["file"],
                color_scheme="red",
                size="2",
                white_space="pre-line",
                id="loi-file",
            ),
        ),
        refusal_trigger(S.upload_refused),
    )


def _filters() -> rx.Component:
    return rx.form(
        rx.flex(
            field("Tìm", "q", placeholder="tên đăng nhập, họ tên, mã đơn vị"),
            # Names differ from the account form's: Reflex reads fields by id.
            select_field(
                "Đơn vị",
                "loc_unit_id",
                S.units,
                on_change=S.keep_unit("loc_unit_id"),
                finder=UnitFinder(S, "loc_unit_id"),
            ),
            select_field("Vai trò", "loc_role", S.roles),
            select_field("Trạng thái", "loc_status", STATUS_OPTIONS),
            rx.button(
                rx.icon("search", size=16),
                "Lọc",
                type="submit",
                size="3",
                align_self="end",
                id="nut-loc-tai-khoan",
            ),
            spacing="3",
            wrap="wrap",
            align="end",
        ),
        on_submit=S.search,
        reset_on_submit=False,
    )


def _status(row) -> rx.Component:
    return rx.flex(
        rx.cond(
            row["active"],
            rx.badge("Đang hoạt động", color_scheme="green"),
            rx.badge("Đã khóa", color_scheme="red"),
        ),
        rx.cond(row["locked"], rx.badge("Nhập sai – tạm khóa", color_scheme="red")),
        rx.cond(
            row["must_change"], rx.badge("Chờ đổi mật khẩu", color_scheme="orange")
        ),
        spacing="1",
        wrap="wrap",
    )


def _actions(row) -> rx.Component:
    return rx.flex(
        rx.button("Sửa", size="1", variant="soft", on_click=S.start_edit(row["id"])),
        rx.button(
            "Cấp lại mật khẩu",
            size="1",
            variant="soft",
            on_click=S.ask_reset(row["id"]),
        ),
        rx.cond(
            row["locked"],
            rx.button(
                "Mở khóa đăng nhập",
                size="1",
                variant="soft",
                color_scheme="orange",
                on_click=S.unlock(row["id"]),
            ),
        ),
        # Nobody locks their own account (the service refuses it too).
        rx.cond(
            row["is_self"],
            rx.fragment(),
            rx.cond(
                row["active"],
                rx.button(
                    "Khóa tài khoản",
                    size="1",
                    variant="soft",
                    color_scheme="red",
                    on_click=S.ask_disable(row["id"]),
                ),
                rx.button(
                    "Mở lại",
                    size="1",
                    variant="soft",
                    color_scheme="green",
                    on_click=S.enable(row["id"]),
                ),
            ),
        ),
        spacing="1",
        wrap="wrap",
    )


def _confirm_dialog() -> rx.Component:
    """Asked before «Cấp lại mật khẩu» and «Khóa tài khoản»: both end the
    person's sessions, and a reset kills the password handed out before
    (user trial: a double click reset twice, a click locked at once)."""
    reset = S.confirm_kind == "reset"
    who = rx.text.span(
        S.confirm_full_name, " (", S.confirm_username, ")", weight="bold"
    )
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(reset, "Cấp lại mật khẩu", "Khóa tài khoản")),
            rx.cond(
                reset,
                rx.dialog.description(
                    "Cấp mật khẩu dùng một lần mới cho ",
                    who,
                    "? Mật khẩu hiện tại của tài khoản, kể cả mật khẩu vừa cấp "
                    "trước đó, sẽ không dùng được nữa và người này bị đăng xuất "
                    "ngay.",
                    size="2",
                ),
                rx.dialog.description(
                    "Khóa tài khoản ",
                    who,
                    "? Người này bị đăng xuất ngay và không đăng nhập được cho "
                    "đến khi tài khoản được mở lại.",
                    size="2",
                ),
            ),
            rx.flex(
                form_message(),
                rx.flex(
                    rx.button(
                        "Không",
                        type="button",
                        variant="soft",
                        color_scheme="gray",
                        on_click=S.confirm_dialog(False),
                        disabled=S.acting,
                    ),
                    rx.button(
                        rx.cond(reset, "Cấp lại mật khẩu", "Khóa tài khoản"),
                        type="button",
                        color_scheme=rx.cond(reset, "orange", "red"),
                        on_click=S.confirm_action,
                        loading=S.acting,
                        disabled=S.acting,
                        id="nut-xac-nhan-tai-khoan",
                    ),
                    spacing="3",
                    justify="end",
                ),
                direction="column",
                spacing="3",
                margin_top="1em",
            ),
            id="hop-xac-nhan-tai-khoan",
        ),
        open=S.confirm_id > 0,
        on_open_change=S.confirm_dialog,
    )


def _row(row) -> rx.Component:
    """One account; on a phone, one card with the state and the actions in
    sight (user trial: they were off the screen, to the right)."""
    return rx.table.row(
        labelled_cell(
            "Tài khoản",
            rx.text(row["username"], weight="medium"),
            rx.text(row["full_name"], size="1"),
        ),
        labelled_cell(
            "Chức danh",
            rx.text(row["title"], size="2"),
            rx.text(row["signer_label"], size="1", color_scheme="gray"),
            _signer_note(row["signer_note"].to(str)),
        ),
        labelled_cell("Đơn vị", row["unit_name"]),
        labelled_cell("Vai trò", row["roles"], _signer_note(row["role_note"].to(str))),
        labelled_cell("Trạng thái", _status(row)),
        labelled_cell("Thao tác", _actions(row)),
    )


def _table() -> rx.Component:
    return rx.box(
        rx.text("Tìm thấy ", S.total, " tài khoản", size="2", color_scheme="gray"),
        data_table(
            ["Tài khoản", "Chức danh", "Đơn vị", "Vai trò", "Trạng thái", "Thao tác"],
            S.rows,
            _row,
            table_id="bang-tai-khoan",
            cards=True,
        ),
        pager(S, margin_top="0.5em"),
        width="100%",
    )


@rx.page(route=routes.ACCOUNTS, title="Tài khoản – XLVPHC", on_load=S.open)
def accounts_page() -> rx.Component:
    return page_for(
        Action.ACCOUNT_MANAGE,
        "Quản lý tài khoản",
        form_message(),
        _issued(),
        rx.cond(S.editing.contains("id"), _edit_form(), _create_form()),
        _bulk(),
        _filters(),
        _table(),
        _confirm_dialog(),
        intro="Tạo, sửa, khóa và cấp lại mật khẩu cho tài khoản cán bộ của các đơn "
        "vị bạn quản lý; hệ thống tự sinh mật khẩu dùng một lần.",
    )
