"""Danh sách hồ sơ: one search box, filters kept in the address bar, sortable
columns, paging and export of the result to Excel."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.case_link import decision_cell, opening_row, record_cell
from xlvphc.components.data_table import sort_heading, sort_picker
from xlvphc.components.fields import field, form_message, select_field
from xlvphc.components.shell import page_for
from xlvphc.models.cases import CaseStatus
from xlvphc.services import enforcement
from xlvphc.services.access import Action
from xlvphc.services.reports.scope import GROUPS
from xlvphc.state.cases import CaseListState

STATUS_OPTIONS = list(CaseStatus.LABELS.items())
# The dashboard's enforcement bars and unit groups open the list with these.
ENFORCEMENT_OPTIONS = list(enforcement.LABELS.items())
GROUP_OPTIONS = list(GROUPS.items())
F = CaseListState.filters


def _value(key: str) -> rx.Var:
    return F.get(key, "")


def _date_pair(label: str, prefix: str) -> rx.Component:
    return rx.flex(
        field(f"{label} từ ngày", f"{prefix}_from", placeholder="ngày/tháng/năm",
              default=_value(f"{prefix}_from"), date=True),
        field("đến ngày", f"{prefix}_to", placeholder="ngày/tháng/năm",
              default=_value(f"{prefix}_to"), date=True),
        spacing="3", wrap="wrap", width="100%",
    )


def _more_filters() -> rx.Component:
    return rx.el.details(
        rx.el.summary(
            rx.text("Lọc thêm: đơn vị, lĩnh vực, ngày, số tiền, điều khoản…",
                    as_="span", weight="medium", size="2"),
            cursor="pointer",
        ),
        rx.flex(
            select_field("Đơn vị", "unit", CaseListState.units,
                         default=_value("unit")),
            select_field("Lĩnh vực", "field", CaseListState.fields,
                         default=_value("field")),
            select_field("Trạng thái", "status", STATUS_OPTIONS,
                         default=_value("status")),
            select_field("Tình hình thi hành", "enforcement", ENFORCEMENT_OPTIONS,
                         default=_value("enforcement")),
            select_field("Nhóm đơn vị", "group", GROUP_OPTIONS,
                         default=_value("group")),
            _date_pair("Vi phạm", "v"),
            _date_pair("Lập biên bản", "r"),
            _date_pair("Ra quyết định", "d"),
            field("Tiền phạt từ (đồng)", "amount_min", placeholder="500.000",
                  default=_value("amount_min"), money=True),
            field("đến (đồng)", "amount_max", placeholder="10.000.000",
                  default=_value("amount_max"), money=True),
            field("Nghị định", "decree", placeholder="168/2024/NĐ-CP",
                  default=_value("decree")),
            field("Điều", "article", placeholder="7", default=_value("article"),
                  input_mode="numeric"),
            rx.el.label(
                rx.el.input(type="checkbox", name="overdue", value="1", id="overdue",
                            default_checked=_value("overdue") == "1"),
                rx.text(" Chỉ hồ sơ quá hạn chấp hành", as_="span", size="2"),
                display="flex", align_items="center", gap="0.4em",
                flex="1 1 220px",
            ),
            wrap="wrap", spacing="3", margin_top="0.75em",
        ),
        width="100%",
    )


def _filters() -> rx.Component:
    return rx.form(
        rx.flex(
            rx.flex(
                field(
                    "Tìm kiếm",
                    "q",
                    # Short enough for a phone's box (the longer list was cut
                    # off at 390 px); the guide lists all that is searched.
                    placeholder="Tên, số định danh, số BB…",
                    default=_value("q"),
                    width="100%",
                ),
                rx.button(rx.icon("search", size=16), "Tìm", type="submit", size="3",
                          align_self="end", id="nut-tim"),
                rx.button("Xóa lọc", type="button", size="3", variant="soft",
                          align_self="end", on_click=CaseListState.clear),
                wrap="wrap", spacing="3", width="100%",
            ),
            _more_filters(),
            direction="column",
            spacing="3",
        ),
        key=CaseListState.form_key,
        on_submit=CaseListState.search,
        reset_on_submit=False,
    )


def _cell(label: str, *children, **props) -> rx.Component:
    """A cell that names its column: on a phone the table reads as one card
    per case, each value under its label (assets/styles.css,
    .xl-card-table)."""
    return rx.table.cell(*children, custom_attrs={"data-label": label}, **props)


def _row(row: rx.Var) -> rx.Component:
    # The whole row (a card on a phone) opens the case; its one link is on
    # the record number, else the decision number (components/case_link.py).
    return opening_row(
        row,
        "id",
        _cell("Số biên bản", record_cell(row, "id"), white_space="nowrap"),
        _cell(
            "Người vi phạm",
            row["violator_name"],
            rx.cond(row["imported"], rx.badge("nhập Excel", color_scheme="gray",
                                              margin_left="0.4em")),
            min_width="8rem",
        ),
        _cell("Ngày vi phạm", row["violation_date"], white_space="nowrap"),
        _cell("Đơn vị", row["unit_name"], min_width="9rem"),
        _cell("Trạng thái", rx.badge(row["status"])),
        _cell("Số quyết định", decision_cell(row, "id"), white_space="nowrap"),
        _cell("Ngày quyết định", row["decided_on"], white_space="nowrap"),
        _cell("Tiền phạt", row["fine_total"], text_align="right",
              white_space="nowrap"),
    )


HEADERS = [
    ("Số biên bản", "record_number"), ("Người vi phạm", "violator_name"),
    ("Ngày vi phạm", "violation_date"), ("Đơn vị", "unit_name"),
    ("Trạng thái", "status"), ("Số quyết định", "decision_number"),
    ("Ngày quyết định", "decided_on"), ("Tiền phạt", "fine_total"),
]


def _heading(title: str, key: str) -> rx.Component:
    return sort_heading(
        title, key, F.get("sort", ""), F.get("dir", ""), CaseListState.sort_by
    )


def _table() -> rx.Component:
    return rx.box(
        rx.table.root(
            rx.table.header(rx.table.row(*[_heading(t, k) for t, k in HEADERS])),
            rx.table.body(rx.foreach(CaseListState.rows, _row)),
            variant="surface",
            # Dense until the screen is wide: eight columns fit beside the
            # menu at 1280 px.
            size={"initial": "1", "xl": "2"},
            width="100%",
            # Cards on a phone, and on a tablet held upright too: the eight
            # columns need about 950 px (assets/styles.css).
            class_name="xl-card-table xl-cards-tablet",
        ),
        overflow_x="auto",
        width="100%",
    )


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.text("Tìm thấy ", rx.cond(CaseListState.more, "hơn ", ""),
                rx.text.span(CaseListState.total, weight="bold"),
                " hồ sơ", id="so-ket-qua"),
        rx.spacer(),
        rx.cond(
            CaseListState.permissions.contains("case.export"),
            rx.button(rx.icon("file-spreadsheet", size=16), "Xuất Excel",
                      variant="soft", on_click=CaseListState.export,
                      loading=CaseListState.exporting, id="xuat-excel"),
        ),
        rx.cond(
            CaseListState.permissions.contains("case.write"),
            rx.link(rx.button(rx.icon("file-plus", size=16), "Lập biên bản mới"),
                    href=routes.CASE_NEW),
        ),
        align="center",
        wrap="wrap",
        spacing="2",
    )


# The page serves officers (their unit) and the Department of Justice (the
# whole province): the wording fits both (user trial).
INTRO = (
    "Tìm trong các hồ sơ bạn được xem bằng một ô tìm kiếm; địa chỉ trang giữ "
    "nguyên điều kiện lọc để gửi cho đồng nghiệp cùng quyền."
)
NO_MATCH = "Chưa có hồ sơ nào khớp với điều kiện tìm kiếm."
NO_CASE_YET = "Chưa có hồ sơ nào. Hồ sơ được lập sẽ hiện ở đây."


def _filtered() -> rx.Var:
    """Whether the list is narrowed by a filter (a sort order is none)."""
    f = CaseListState.filters
    return (f.length() - f.contains("sort").to(int) - f.contains("dir").to(int)) > 0


@rx.page(route=routes.CASES, title="Hồ sơ – XLVPHC", on_load=CaseListState.open)
def case_list_page() -> rx.Component:
    return page_for(
        Action.CASE_READ,
        "Hồ sơ vi phạm hành chính",
        _filters(),
        form_message(),
        _toolbar(),
        # The cards of a phone and an upright tablet hide the headings.
        sort_picker(HEADERS, F.get("sort", ""), F.get("dir", ""),
                    CaseListState.sort_by, tablet=True),
        _table(),
        rx.cond(
            CaseListState.total == 0,
            rx.text(rx.cond(_filtered(), NO_MATCH, NO_CASE_YET),
                    color_scheme="gray", id="danh-sach-trong"),
        ),
        rx.cond(
            CaseListState.search_hint != "",
            rx.callout(CaseListState.search_hint, icon="lightbulb",
                       color_scheme="amber", id="goi-y-tim"),
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
            spacing="3",
            justify="center",
        ),
        intro=INTRO,
    )
