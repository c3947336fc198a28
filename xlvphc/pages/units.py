"""Đơn vị: the unit tree, kept by system administrators."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.data_table import data_table, labelled_cell
from xlvphc.components.fields import field, form_message, section, select_field
from xlvphc.components.shell import page_for
from xlvphc.services.access import Action
from xlvphc.state.units import UnitsState as S


def _link_button(text, on_click, weight: str = "normal") -> rx.Component:
    """A button that looks like a link. An rx.link without href points at
    "#": the first click changed the address, the page's on_load ran again
    and went back to the top of the tree (user trial: only the second click
    opened the sub-units)."""
    return rx.el.button(
        text,
        type="button",
        on_click=on_click,
        style={
            "background": "none",
            "border": "none",
            "padding": "0",
            "font": "inherit",
            "font_weight": weight,
            "text_align": "left",
            "color": "var(--accent-11)",
            "cursor": "pointer",
            "_hover": {"text_decoration": "underline"},
        },
    )


def _breadcrumb() -> rx.Component:
    return rx.flex(
        _link_button("Tất cả", S.go("")),
        rx.foreach(
            S.path,
            lambda p: rx.flex(
                rx.text("›", color_scheme="gray"),
                _link_button(p["name"], S.go(p["id"])),
                spacing="2",
            ),
        ),
        spacing="2",
        wrap="wrap",
        align="center",
    )


def _panel() -> rx.Component:
    return rx.cond(
        S.selected.contains("id"),
        section(
            rx.text("Đơn vị: ", S.selected["name"]),
            rx.form(
                rx.flex(
                    field("Tên mới", "name", required=True, default=S.selected["name"]),
                    rx.button("Đổi tên", type="submit", size="3", align_self="end"),
                    spacing="3",
                    wrap="wrap",
                    align="end",
                ),
                key="doi-ten-" + S.selected["id"],
                on_submit=S.rename,
                reset_on_submit=False,
                width="100%",
            ),
            # The province (the tree's root) is renamed only: it cannot be
            # merged (services.units.merge_units).
            rx.cond(S.selected["root"] == "", _merge_forms()),
            rx.button("Đóng", variant="soft", color_scheme="gray", on_click=S.close),
        ),
    )


def _merge_forms() -> rx.Component:
    """Find the receiving unit, then «Sáp nhập», which asks first
    (`_merge_dialog`)."""
    return rx.fragment(
        rx.divider(),
        rx.text(
            "Sáp nhập vào đơn vị khác: hồ sơ, tài khoản và đơn vị trực "
            "thuộc được chuyển sang; đơn vị này ngừng hoạt động. Không "
            "hoàn tác được. Đơn vị nhận phải nhận được các đơn vị trực thuộc "
            "chuyển sang: muốn nhập hai xã, phường, hãy sáp nhập UBND vào "
            "UBND, Công an vào Công an trước.",
            size="2",
        ),
        rx.form(
            rx.flex(
                field("Tìm đơn vị nhận", "q", placeholder="tên hoặc mã"),
                rx.button(
                    "Tìm", type="submit", size="3", align_self="end", variant="soft"
                ),
                spacing="3",
                wrap="wrap",
                align="end",
            ),
            on_submit=S.find_target,
            reset_on_submit=False,
            width="100%",
        ),
        rx.form(
            rx.flex(
                select_field(
                    "Đơn vị nhận", "target_id", S.merge_choices, required=True
                ),
                field(
                    "Căn cứ sáp nhập",
                    "reason",
                    required=True,
                    placeholder="Nghị quyết số …",
                ),
                rx.button(
                    "Sáp nhập",
                    type="submit",
                    size="3",
                    align_self="end",
                    color_scheme="orange",
                    id="nut-sap-nhap",
                ),
                spacing="3",
                wrap="wrap",
                align="end",
            ),
            on_submit=S.ask_merge,
            reset_on_submit=False,
            width="100%",
        ),
    )


def _create() -> rx.Component:
    """Only the kinds that fit under this level are offered (services.units
    CHILD_KINDS); a commune with both its bodies takes none."""
    return rx.cond(
        S.path.length() > 0,
        rx.cond(S.kinds.length() > 0, _create_form(), _nothing_to_create()),
    )


def _nothing_to_create() -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("info")),
        rx.callout.text(
            S.path[-1]["name"],
            " đã có Ủy ban nhân dân và Công an. Bộ phận trực thuộc thêm ở bên "
            "trong một trong hai đơn vị đó.",
        ),
        id="khong-them-don-vi",
    )


def _create_form() -> rx.Component:
    return rx.form(
        section(
            rx.text("Thêm đơn vị trực thuộc ", S.path[-1]["name"]),
            field("Tên đơn vị", "new_name", required=True),
            # A new level offers its own kinds: drawn again, no old pick.
            select_field("Loại", "kind", S.kinds, required=True, key=S.parent_id),
            field(
                "Mã (tùy chọn)",
                "code",
                hint="để trống: mã đơn vị cấp trên và số thứ tự",
            ),
            rx.button(
                "Thêm",
                type="submit",
                size="3",
                align_self="end",
                id="nut-them-don-vi",
            ),
        ),
        on_submit=S.create,
        reset_on_submit=False,
        key=S.create_form_key,
    )


def _deactivate_dialog() -> rx.Component:
    """Asked before a unit stops: what it means is in services.units."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Ngừng hoạt động đơn vị"),
            rx.dialog.description(
                "Ngừng hoạt động đơn vị ",
                rx.text.span(S.deactivate_name, weight="bold"),
                "? Đơn vị sẽ không còn được chọn khi tạo tài khoản, thêm đơn vị "
                "trực thuộc hay sáp nhập; hồ sơ đã có của đơn vị được giữ nguyên. "
                "Chỉ ngừng được đơn vị không còn tài khoản và đơn vị trực thuộc "
                "đang hoạt động. Có thể cho hoạt động lại sau.",
                size="2",
            ),
            rx.flex(
                form_message(),
                rx.flex(
                    rx.button(
                        "Không ngừng",
                        type="button",
                        variant="soft",
                        color_scheme="gray",
                        on_click=S.deactivate_dialog(False),
                    ),
                    rx.button(
                        "Ngừng hoạt động",
                        type="button",
                        color_scheme="red",
                        on_click=S.deactivate,
                        id="nut-xac-nhan-ngung",
                    ),
                    spacing="3",
                    justify="end",
                ),
                direction="column",
                spacing="3",
                margin_top="1em",
            ),
            id="hop-ngung-don-vi",
        ),
        open=S.deactivate_id != "",
        on_open_change=S.deactivate_dialog,
    )


def _merge_dialog() -> rx.Component:
    """Asked before a merge, which cannot be undone (trial finding: it ran
    on one click): both units, and what moves as merge_units counts it
    (services.units.merge_preview): the unit's row counts cases in use and
    active accounts, the merge moves binned cases and locked accounts too,
    and the dialog says so (trial finding)."""
    sel = S.selected
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Sáp nhập đơn vị"),
            rx.dialog.description(
                "Sáp nhập ",
                rx.text.span(sel["name"], weight="bold"),
                " vào ",
                rx.text.span(S.merge_target_name, weight="bold"),
                "?",
                size="2",
            ),
            rx.el.ul(
                rx.el.li(
                    "Chuyển toàn bộ sang ",
                    S.merge_target_name,
                    ": ",
                    S.moving_cases,
                    ", ",
                    S.moving_users,
                    " và ",
                    S.moving_units,
                    "; tài khoản được chuyển phải đăng nhập lại.",
                    id="sap-nhap-chuyen",
                ),
                rx.el.li(
                    "Giấy tờ đã ban hành giữ nguyên số; ",
                    sel["name"],
                    " ngừng hoạt động.",
                ),
                rx.el.li(rx.text.span("Không hoàn tác được.", weight="bold")),
                style={
                    "font_size": "var(--font-size-2)",
                    "padding_left": "1.2em",
                    "margin_top": "0.5em",
                },
            ),
            rx.flex(
                rx.button(
                    "Không sáp nhập",
                    type="button",
                    variant="soft",
                    color_scheme="gray",
                    on_click=S.merge_dialog(False),
                ),
                rx.button(
                    "Sáp nhập",
                    type="button",
                    color_scheme="orange",
                    on_click=S.merge,
                    id="nut-xac-nhan-sap-nhap",
                ),
                spacing="3",
                justify="end",
                margin_top="1em",
            ),
            id="hop-sap-nhap-don-vi",
        ),
        open=S.merge_target_id != "",
        on_open_change=S.merge_dialog,
    )


def _row(row) -> rx.Component:
    """A unit; on a phone a card, each value under its label, so that its
    status and buttons are not cut off at the screen's edge (user trial).
    An active unit opens even when empty: sub-units are added inside it
    (a commune's committee takes its sections there, not at the commune)."""
    return rx.table.row(
        labelled_cell(
            "Đơn vị",
            rx.cond(
                (row["children"].to(int) > 0) | row["active"].to(bool),
                _link_button(row["name"], S.go(row["id"]), weight="500"),
                rx.text(row["name"]),
            ),
            rx.text(row["code"], size="1", color_scheme="gray"),
        ),
        labelled_cell("Loại", row["kind"]),
        labelled_cell("Trực thuộc", row["children"]),
        labelled_cell("Tài khoản", row["users"]),
        labelled_cell("Hồ sơ", row["cases"]),
        labelled_cell(
            "Trạng thái",
            rx.cond(
                row["active"],
                rx.badge("Hoạt động", color_scheme="green"),
                rx.badge("Ngừng", color_scheme="gray"),
            ),
        ),
        labelled_cell(
            "Thao tác",
            rx.flex(
                rx.button(
                    rx.cond(row["root"], "Đổi tên", "Đổi tên / sáp nhập"),
                    size="1",
                    variant="soft",
                    on_click=S.select(row["id"]),
                ),
                # The province can only fail to stop (services.units).
                rx.cond(
                    row["root"],
                    rx.fragment(),
                    rx.cond(
                        row["active"],
                        rx.button(
                            "Ngừng hoạt động",
                            size="1",
                            variant="soft",
                            color_scheme="red",
                            on_click=S.ask_deactivate(row["id"]),
                        ),
                        rx.button(
                            "Hoạt động lại",
                            size="1",
                            variant="soft",
                            color_scheme="green",
                            on_click=S.set_active(row["id"], True),
                        ),
                    ),
                ),
                spacing="1",
                wrap="wrap",
            ),
        ),
    )


@rx.page(route=routes.UNITS, title="Đơn vị – XLVPHC", on_load=S.open)
def units_page() -> rx.Component:
    return page_for(
        Action.UNIT_MANAGE,
        "Đơn vị",
        form_message(),
        _breadcrumb(),
        _panel(),
        data_table(
            [
                "Đơn vị",
                "Loại",
                "Trực thuộc",
                "Tài khoản",
                "Hồ sơ",
                "Trạng thái",
                "Thao tác",
            ],
            S.rows,
            _row,
            table_id="bang-don-vi-cay",
            cards=True,
        ),
        _create(),
        _deactivate_dialog(),
        _merge_dialog(),
        intro="Cây đơn vị của tỉnh: bấm tên đơn vị để xem các đơn vị trực thuộc; "
        "thêm, đổi tên, sáp nhập hoặc ngừng hoạt động đơn vị.",
    )
