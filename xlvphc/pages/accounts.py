"""Tài khoản: create accounts, reset passwords."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import field, form_message, section, select_field
from xlvphc.components.shell import page
from xlvphc.state.accounts import ROLE_OPTIONS, AccountsState


def _issued() -> rx.Component:
    return rx.cond(
        AccountsState.issued_password != "",
        rx.callout(
            rx.text(
                "Mật khẩu dùng một lần của tài khoản ",
                rx.text.strong(AccountsState.issued_username), ": ",
                rx.code(AccountsState.issued_password, size="4", id="mat-khau-cap"),
                ". Hãy trao tận tay người dùng; mật khẩu chỉ hiện một lần, hết hạn "
                "sau 72 giờ và phải đổi ở lần đăng nhập đầu.",
            ),
            icon="key-round", color_scheme="green",
        ),
    )


def _create_form() -> rx.Component:
    return rx.form(
        section(
            "Tạo tài khoản",
            field("Tên đăng nhập", "username", required=True,
                  hint="chữ thường không dấu, ví dụ nguyenvanan.cax"),
            field("Họ và tên", "full_name", required=True),
            field("Chức danh", "title", placeholder="Cán bộ tư pháp – hộ tịch"),
            select_field("Đơn vị", "unit_id", AccountsState.units, required=True),
            select_field("Vai trò", "role", ROLE_OPTIONS, required=True),
            rx.button("Tạo tài khoản", type="submit", size="3", align_self="end",
                      id="nut-tao-tai-khoan"),
        ),
        on_submit=AccountsState.create,
        reset_on_submit=False,
    )


def _row(row) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["username"]),
        rx.table.cell(row["full_name"]),
        rx.table.cell(row["unit_name"]),
        rx.table.cell(row["roles"]),
        rx.table.cell(
            rx.cond(row["must_change"], rx.badge("Chờ đổi mật khẩu", color_scheme="orange"),
                    rx.badge("Đang dùng", color_scheme="green")),
        ),
        rx.table.cell(
            rx.button("Cấp lại mật khẩu", size="1", variant="soft",
                      on_click=AccountsState.reset_password(row["id"])),
        ),
    )


@rx.page(route=routes.ACCOUNTS, title="Tài khoản – XLVPHC", on_load=AccountsState.open)
def accounts_page() -> rx.Component:
    return page(
        "Quản lý tài khoản",
        form_message(),
        _issued(),
        _create_form(),
        rx.form(
            rx.flex(
                field("Tìm tài khoản", "q", placeholder="tên đăng nhập"),
                rx.button("Tìm", type="submit", size="3", align_self="end"),
                gap="3", wrap="wrap",
            ),
            on_submit=AccountsState.search, reset_on_submit=False,
        ),
        rx.box(
            rx.table.root(
                rx.table.header(rx.table.row(*[
                    rx.table.column_header_cell(h) for h in
                    ["Tên đăng nhập", "Họ và tên", "Đơn vị", "Vai trò", "Trạng thái", ""]
                ])),
                rx.table.body(rx.foreach(AccountsState.rows, _row)),
                variant="surface", width="100%",
            ),
            overflow_x="auto",
        ),
        intro="Tạo tài khoản cho cán bộ của từng đơn vị. Hệ thống tự sinh mật khẩu "
        "dùng một lần; người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.",
    )
