"""Danh sách hồ sơ and Chi tiết hồ sơ."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import field, form_message, select_field
from xlvphc.components.shell import page
from xlvphc.models.cases import CaseStatus
from xlvphc.state.cases import CaseDetailState, CaseListState

STATUS_OPTIONS = list(CaseStatus.LABELS.items())


def _filters() -> rx.Component:
    return rx.form(
        rx.flex(
            field(
                "Tìm kiếm",
                "q",
                placeholder="Tên người vi phạm (có hoặc không dấu), số biên bản…",
                width="100%",
            ),
            select_field("Trạng thái", "status", STATUS_OPTIONS),
            field("Vi phạm từ ngày", "date_from", placeholder="ngày/tháng/năm"),
            field("đến ngày", "date_to", placeholder="ngày/tháng/năm"),
            rx.button(
                rx.icon("search", size=16), "Tìm", type="submit", size="3",
                align_self="end", id="nut-tim",
            ),
            wrap="wrap",
            gap="3",
        ),
        on_submit=CaseListState.search,
        reset_on_submit=False,
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(row["record_number"], href=f"{routes.CASE_DETAIL}?id={row['id']}")
        ),
        rx.table.cell(row["violator_name"]),
        rx.table.cell(row["violation_date"]),
        rx.table.cell(row["unit_name"]),
        rx.table.cell(rx.badge(row["status"])),
        rx.table.cell(row["decision_number"]),
        rx.table.cell(row["fine_total"], text_align="right"),
    )


def _table() -> rx.Component:
    headers = ["Số biên bản", "Người vi phạm", "Ngày vi phạm", "Đơn vị",
               "Trạng thái", "Số quyết định", "Tiền phạt"]
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(*[rx.table.column_header_cell(h) for h in headers])
            ),
            rx.table.body(rx.foreach(CaseListState.rows, _row)),
            variant="surface",
            width="100%",
        ),
        overflow_x="auto",
        width="100%",
    )


@rx.page(route=routes.CASES, title="Hồ sơ – XLVPHC", on_load=CaseListState.open)
def case_list_page() -> rx.Component:
    return page(
        "Hồ sơ vi phạm hành chính",
        _filters(),
        form_message(),
        rx.flex(
            rx.text("Tìm thấy ", rx.text.span(CaseListState.total, weight="bold"),
                    " hồ sơ", id="so-ket-qua"),
            rx.spacer(),
            rx.link(rx.button(rx.icon("file-plus", size=16), "Lập biên bản mới"),
                    href=routes.CASE_NEW),
            align="center",
            wrap="wrap",
            gap="2",
        ),
        _table(),
        rx.cond(
            CaseListState.total == 0,
            rx.text("Chưa có hồ sơ nào khớp với điều kiện tìm kiếm.",
                    color_scheme="gray"),
        ),
        rx.flex(
            rx.button("‹ Trang trước", variant="soft",
                      on_click=CaseListState.previous_page,
                      disabled=CaseListState.page <= 1),
            rx.text("Trang ", CaseListState.page, " / ", CaseListState.pages),
            rx.button("Trang sau ›", variant="soft",
                      on_click=CaseListState.next_page,
                      disabled=CaseListState.page >= CaseListState.pages),
            align="center",
            gap="3",
            justify="center",
        ),
        intro="Mỗi đơn vị chỉ thấy hồ sơ của mình. Gõ tên không cần dấu, số biên "
        "bản, số quyết định, số định danh hoặc mã số thuế rồi bấm Tìm.",
    )


def _pairs(title: str, items) -> rx.Component:
    return rx.card(
        rx.heading(title, size="4"),
        rx.data_list.root(
            rx.foreach(
                items,
                lambda p: rx.data_list.item(
                    rx.data_list.label(p["label"], min_width="160px"),
                    rx.data_list.value(p["value"]),
                ),
            ),
            orientation={"initial": "vertical", "sm": "horizontal"},
            margin_top="0.5em",
        ),
        width="100%",
    )


def _info(label: str, value) -> rx.Component:
    return rx.data_list.item(
        rx.data_list.label(label, min_width="160px"),
        rx.data_list.value(value),
    )


def _acts() -> rx.Component:
    return rx.card(
        rx.heading("Hành vi vi phạm", size="4"),
        rx.foreach(
            CaseDetailState.acts,
            lambda a: rx.box(
                rx.text(a["citation"], weight="bold"),
                rx.text(a["act"]),
                rx.text("Khung phạt: ", a["frame"], " · Mức phạt: ", a["fine"],
                        size="2", color_scheme="gray"),
                padding_y="0.5em",
                border_bottom="1px solid var(--gray-4)",
            ),
        ),
        width="100%",
    )


def _actions() -> rx.Component:
    decided = CaseDetailState.case["status_code"] != "recorded"
    return rx.flex(
        rx.button(
            rx.icon("printer", size=16), "In biên bản (MBB01)",
            on_click=CaseDetailState.print_form("MBB01"),
            loading=CaseDetailState.printing, id="in-bien-ban",
        ),
        rx.cond(
            decided,
            rx.button(
                rx.icon("printer", size=16), "In quyết định (MQĐ02)",
                on_click=CaseDetailState.print_form("MQĐ02"),
                loading=CaseDetailState.printing, id="in-quyet-dinh",
            ),
            rx.cond(
                CaseDetailState.permissions.contains("case.write"),
                rx.button(
                    rx.icon("gavel", size=16), "Ra quyết định xử phạt",
                    color_scheme="green", on_click=CaseDetailState.go_decision,
                    id="ra-quyet-dinh",
                ),
            ),
        ),
        wrap="wrap",
        gap="2",
    )


def _detail() -> rx.Component:
    c = CaseDetailState.case
    return rx.flex(
        rx.flex(
            rx.heading("Biên bản số ", c["record_number"], size="5"),
            rx.badge(c["status"], size="2"),
            align="center", gap="3", wrap="wrap",
        ),
        _actions(),
        rx.card(
            rx.heading("Vụ việc", size="4"),
            rx.data_list.root(
                _info("Đơn vị", c["unit_name"]),
                _info("Lĩnh vực", c["field"]),
                _info("Thời gian vi phạm", c["violation_at"]),
                _info("Địa điểm vi phạm", c["violation_place"]),
                _info("Mô tả", c["description"]),
                orientation={"initial": "vertical", "sm": "horizontal"},
                margin_top="0.5em",
            ),
            width="100%",
        ),
        _pairs(f"Đối tượng vi phạm", CaseDetailState.violator),
        _acts(),
        rx.card(
            rx.heading("Biên bản vi phạm hành chính", size="4"),
            rx.data_list.root(
                _info("Số", c["record_number"]),
                _info("Lập lúc", c["record_made_at"]),
                _info("Nơi lập", c["record_place"]),
                _info("Người lập", c["maker"]),
                _info("Người chứng kiến", c["witness"]),
                _info("Ý kiến người vi phạm", c["violator_statement"]),
                orientation={"initial": "vertical", "sm": "horizontal"},
                margin_top="0.5em",
            ),
            width="100%",
        ),
        rx.cond(
            c["decision_number"] != "",
            rx.card(
                rx.heading("Quyết định xử phạt", size="4"),
                rx.data_list.root(
                    _info("Số", c["decision_number"]),
                    _info("Ngày", c["decided_on"]),
                    _info("Người ký", c["signer"]),
                    _info("Tổng tiền phạt", c["fine_total"]),
                    _info("Hình thức bổ sung", c["additional_sanctions"]),
                    _info("Biện pháp khắc phục", c["remedial_measures"]),
                    _info("Nộp phạt", c["payment"]),
                    orientation={"initial": "vertical", "sm": "horizontal"},
                    margin_top="0.5em",
                ),
                width="100%",
            ),
        ),
        rx.card(
            rx.heading("Diễn biến hồ sơ", size="4"),
            rx.foreach(
                CaseDetailState.timeline,
                lambda e: rx.flex(
                    rx.text(e["at"], size="2", color_scheme="gray", min_width="200px"),
                    rx.text(e["summary"], " — ", e["actor"], size="2"),
                    wrap="wrap", gap="2", padding_y="0.25em",
                ),
            ),
            width="100%",
        ),
        direction="column",
        gap="3",
    )


@rx.page(
    route=routes.CASE_DETAIL, title="Chi tiết hồ sơ – XLVPHC",
    on_load=CaseDetailState.open,
)
def case_detail_page() -> rx.Component:
    return page(
        "Chi tiết hồ sơ",
        form_message(),
        rx.cond(CaseDetailState.case.contains("id"), _detail()),
        intro="Toàn bộ thông tin của vụ việc, các mẫu biểu in được và diễn biến "
        "xử lý theo thời gian.",
    )
