"""Sổ giao quyền: the unit's register of delegation decisions (MQĐ34/35/37)."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import field, form_message, section, select_field
from xlvphc.components.shell import page_for
from xlvphc.services.access import Action
from xlvphc.services.procedure.delegation import SCOPES
from xlvphc.state.delegations import DelegationsState
from xlvphc.state.printing import PrintMenuState


def _register_form() -> rx.Component:
    return section(
        "Vào sổ quyết định giao quyền",
        rx.form(
            rx.flex(
                field(
                    "Số quyết định", "number", required=True, placeholder="12/QĐ-GQXP"
                ),
                field(
                    "Ngày ký",
                    "signed_on",
                    required=True,
                    default=DelegationsState.today,
                    placeholder="ngày/tháng/năm",
                    date=True,
                ),
                select_field(
                    "Phạm vi giao quyền",
                    "scope",
                    list(SCOPES.items()),
                    default="sanction",
                    required=True,
                ),
                select_field(
                    "Chức danh cấp trưởng giao quyền",
                    "head_title_code",
                    DelegationsState.head_options,
                    required=True,
                ),
                field("Họ tên cấp phó được giao quyền", "deputy_name", required=True),
                field(
                    "Chức vụ cấp phó",
                    "deputy_title",
                    required=True,
                    placeholder="Phó Chủ tịch Ủy ban nhân dân xã …",
                ),
                field(
                    "Giao quyền từ ngày",
                    "valid_from",
                    required=True,
                    default=DelegationsState.today,
                    placeholder="ngày/tháng/năm",
                    date=True,
                ),
                field(
                    "Đến ngày",
                    "valid_to",
                    placeholder="ngày/tháng/năm",
                    date=True,
                    hint="Để trống nếu giao quyền không thời hạn.",
                ),
                rx.button("Vào sổ", type="submit", size="3", id="luu-giao-quyen"),
                spacing="3",
                wrap="wrap",
                align="end",
                width="100%",
            ),
            on_submit=DelegationsState.register,
            reset_on_submit=False,
            id="form-giao-quyen",
        ),
        description="Cấp phó ký “KT.” phải trích dẫn quyết định giao quyền còn "
        "hiệu lực vào ngày ký; thẩm quyền phạt tiền là của chức danh cấp trưởng.",
    )


def _end_form() -> rx.Component:
    return rx.cond(
        DelegationsState.ending_id != 0,
        section(
            rx.text("Chấm dứt giao quyền số ", DelegationsState.ending_number),
            rx.form(
                rx.flex(
                    field(
                        "Ngày chấm dứt",
                        "ended_on",
                        required=True,
                        default=DelegationsState.today,
                        placeholder="ngày/tháng/năm",
                        date=True,
                    ),
                    rx.button(
                        "Ghi nhận chấm dứt",
                        type="submit",
                        color_scheme="red",
                        id="luu-cham-dut",
                    ),
                    rx.button(
                        "Hủy",
                        type="button",
                        variant="soft",
                        on_click=DelegationsState.cancel_end,
                    ),
                    spacing="3",
                    wrap="wrap",
                    align="end",
                    width="100%",
                ),
                on_submit=DelegationsState.end,
                reset_on_submit=False,
            ),
            description="Sau khi ghi nhận, in quyết định chấm dứt (mẫu MQĐ37).",
        ),
    )


def _row(row) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row["number"], weight="bold"), row["signed_on"]),
        rx.table.cell(row["scope"]),
        rx.table.cell(row["head"]),
        rx.table.cell(row["deputy"]),
        rx.table.cell(
            row["period"],
            rx.badge(
                row["state"],
                color_scheme=rx.cond(row["ended"], "gray", "green"),
                margin_left="0.4em",
            ),
        ),
        rx.table.cell(
            rx.flex(
                rx.button(
                    rx.icon("printer", size=14),
                    "In ",
                    row["form"],
                    size="1",
                    variant="soft",
                    on_click=PrintMenuState.download_delegation(row["id"], row["form"]),
                ),
                # Only a delegation ended early has an ending decision; only
                # one still in force can be ended.
                rx.cond(
                    row["revoked"],
                    rx.button(
                        rx.icon("printer", size=14),
                        "In MQĐ37",
                        size="1",
                        variant="outline",
                        on_click=PrintMenuState.download_delegation(
                            row["id"], "MQĐ37"
                        ),
                        title="Quyết định chấm dứt giao quyền",
                    ),
                ),
                rx.cond(
                    DelegationsState.can_register & ~row["ended"].to(bool),
                    rx.button(
                        "Chấm dứt",
                        size="1",
                        variant="soft",
                        color_scheme="red",
                        on_click=DelegationsState.start_end(row["id"]),
                    ),
                ),
                spacing="1",
                wrap="wrap",
            ),
        ),
    )


def _register() -> rx.Component:
    return rx.box(
        rx.heading("Các quyết định đã vào sổ", size="4", margin_bottom="0.5em"),
        rx.cond(
            DelegationsState.rows.length() == 0,
            rx.text("Chưa có quyết định giao quyền nào.", color_scheme="gray"),
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        *[
                            rx.table.column_header_cell(h)
                            for h in (
                                "Số, ngày ký",
                                "Phạm vi",
                                "Cấp trưởng giao quyền",
                                "Cấp phó được giao",
                                "Thời hạn",
                                "",
                            )
                        ]
                    )
                ),
                rx.table.body(rx.foreach(DelegationsState.rows, _row)),
                id="so-giao-quyen",
                width="100%",
                min_width="52em",
            ),
        ),
        rx.cond(PrintMenuState.busy, rx.spinner()),
        overflow_x="auto",
        width="100%",
    )


@rx.page(
    route=routes.DELEGATIONS,
    title="Sổ giao quyền – XLVPHC",
    on_load=DelegationsState.open,
)
def delegations_page() -> rx.Component:
    return page_for(
        Action.CASE_READ,
        "Sổ giao quyền xử phạt, cưỡng chế",
        form_message(),
        rx.cond(
            DelegationsState.ready,
            rx.flex(
                rx.cond(DelegationsState.can_register, _register_form()),
                _end_form(),
                _register(),
                direction="column",
                spacing="4",
            ),
            rx.spinner(),
        ),
        intro="Sổ các quyết định giao quyền xử phạt (mẫu MQĐ34) và cưỡng chế (mẫu "
        "MQĐ35) của đơn vị, theo Điều 54, Điều 87 Luật XLVPHC và Điều 10 Nghị "
        "định 118/2021/NĐ-CP; người có thẩm quyền vào sổ và chấm dứt, người "
        "giám sát chỉ xem và in.",
    )
