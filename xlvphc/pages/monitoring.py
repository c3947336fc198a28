"""Theo dõi vận hành thử: how far each unit has got in the trial run."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.data_table import (
    data_table,
    labelled_cell,
    pager,
    sort_heading,
    sort_picker,
)
from xlvphc.components.fields import form_message
from xlvphc.components.shell import page_for
from xlvphc.services.access import Action
from xlvphc.services.reports.scope import GROUPS
from xlvphc.state.monitoring import MonitoringState

# Each column's title and its sort key (services/monitoring.py SORTS).
COLUMNS = [
    ("Đơn vị", "unit"),
    ("Tình trạng", "progress"),
    ("Tài khoản đã cấp", "accounts"),
    ("Đã đăng nhập", "logged_in"),
    ("Đã đổi mật khẩu", "changed_password"),
    ("Hồ sơ tuần này", "cases_week"),
    ("Tổng số hồ sơ", "cases_total"),
    ("Hoạt động gần nhất", "last_activity"),
]
HEADERS = [title for title, _ in COLUMNS]


def _headings() -> list[rx.Component]:
    """Headings that sort the list, as the case list's do."""
    f = MonitoringState.filters
    return [
        sort_heading(title, key, f.get("sort", ""), f.get("dir", ""),
                     MonitoringState.sort_by)
        for title, key in COLUMNS
    ]


def _filters() -> rx.Component:
    return rx.form(
        rx.flex(
            rx.box(
                rx.text(
                    "Nhóm đơn vị",
                    as_="label",
                    custom_attrs={"htmlFor": "group"},
                    size="2",
                    weight="medium",
                ),
                rx.el.select(
                    rx.el.option("Tất cả", value=""),
                    *[rx.el.option(v, value=k) for k, v in GROUPS.items()],
                    name="group",
                    id="group",
                    class_name="xl-select",
                ),
                flex="1 1 220px",
            ),
            rx.box(
                rx.text(
                    "Hiển thị",
                    as_="label",
                    custom_attrs={"htmlFor": "only"},
                    size="2",
                    weight="medium",
                ),
                rx.el.select(
                    rx.el.option("Tất cả đơn vị", value=""),
                    rx.el.option("Chỉ đơn vị chưa triển khai", value="waiting"),
                    name="only",
                    id="only",
                    class_name="xl-select",
                ),
                flex="1 1 220px",
            ),
            rx.button(
                rx.icon("filter", size=16),
                "Xem",
                type="submit",
                size="3",
                align_self="end",
                id="nut-loc-theo-doi",
            ),
            wrap="wrap",
            spacing="3",
        ),
        on_submit=MonitoringState.apply,
        reset_on_submit=False,
    )


def _stat(label: str, key: str) -> rx.Component:
    return rx.card(
        rx.text(label, size="2", color_scheme="gray"),
        rx.heading(MonitoringState.summary.get(key, "0"), size="6"),
        flex="1 1 180px",
    )


def _row(r: rx.Var) -> rx.Component:
    """A unit; on a phone a card, each figure under its label. The name gets
    room on a tablet (user trial: one word per line)."""
    return rx.table.row(
        labelled_cell(HEADERS[0], r["unit"], min_width="220px"),
        labelled_cell(
            HEADERS[1],
            rx.badge(r["progress"], color_scheme=rx.cond(r["waiting"], "red", "green")),
        ),
        labelled_cell(HEADERS[2], r["accounts"]),
        labelled_cell(HEADERS[3], r["logged_in"]),
        labelled_cell(HEADERS[4], r["changed_password"]),
        labelled_cell(HEADERS[5], r["cases_week"]),
        labelled_cell(HEADERS[6], r["cases_total"]),
        labelled_cell(HEADERS[7], r["last_activity"], white_space="nowrap"),
        background=rx.cond(r["waiting"], "var(--red-2)", "transparent"),
    )


@rx.page(
    route=routes.MONITORING,
    title="Theo dõi vận hành thử – XLVPHC",
    on_load=MonitoringState.open,
)
def monitoring_page() -> rx.Component:
    return page_for(
        Action.MONITOR_READ,
        "Theo dõi vận hành thử",
        _filters(),
        form_message(),
        rx.flex(
            _stat("Đơn vị", "units"),
            _stat("Đơn vị đã triển khai", "started"),
            _stat("Tài khoản đã cấp", "accounts"),
            _stat("Hồ sơ tuần này", "cases_week"),
            _stat("Tổng số hồ sơ", "cases_total"),
            wrap="wrap",
            spacing="3",
        ),
        rx.text(
            "Tuần này tính từ thứ Hai ",
            MonitoringState.summary.get("week_from", ""),
            ". Đơn vị chưa triển khai (chưa có tài khoản, chưa "
            "đăng nhập hoặc chưa nhập hồ sơ) được tô đỏ và xếp lên đầu.",
            # The headings sort; a phone shows cards without them, and the
            # select of sort_picker instead.
            rx.text.span(
                " Bấm vào tên cột để xếp theo cột đó, bấm lần nữa để đảo thứ tự.",
                display=["none", "none", "inline"],
            ),
            size="2",
            color_scheme="gray",
        ),
        rx.text(
            "Có ", MonitoringState.total, " đơn vị", size="2", color_scheme="gray"
        ),
        sort_picker(COLUMNS, MonitoringState.filters.get("sort", ""),
                    MonitoringState.filters.get("dir", ""),
                    MonitoringState.sort_by),
        data_table(
            _headings(),
            MonitoringState.rows,
            _row,
            table_id="bang-theo-doi",
            cards=True,
            size="1",
        ),
        pager(MonitoringState, id="trang-theo-doi"),
        intro="Sở Tư pháp theo dõi tiến độ triển khai của từng đơn vị trong thời "
        "gian vận hành thử: tài khoản, đăng nhập, đổi mật khẩu, hồ sơ đã nhập.",
    )
