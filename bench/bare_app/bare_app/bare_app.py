"""A bare Reflex app with the same event shapes as XLVPHC's login, case list,
search and case page, but no database and no services: the floor for the
interactive latency benchmark (bench/bench_events.py). Rows are built in
Python with the size of a real list page (20 rows of ~12 short fields)."""

import reflex as rx

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]


def _row(i: int) -> dict:
    return {
        "id": i,
        "record_number": f"{i}/BB-VPHC",
        "decision_number": f"{i}/QĐ-XPHC",
        "violator_name": NAMES[i % 4],
        "unit_name": "Công an phường Buôn Ma Thuột",
        "field": "Trật tự, an toàn giao thông đường bộ",
        "status": "Đã kết thúc",
        "status_code": "closed",
        "violation_date": "01/12/2026",
        "decided_on": "02/12/2026",
        "fine_total": "400.000 đồng",
        "imported": False,
    }


class BareState(rx.State):
    token: str = rx.Cookie("", name="bare_session", path="/")
    rows: list[dict] = []
    total: int = 0
    case: dict = {}

    @rx.event
    def login(self, form: dict):
        self.token = "t" + str(len(str(form)))
        return rx.redirect("/list")

    @rx.event
    def open_list(self):
        self.rows = [_row(i) for i in range(1, 21)]
        self.total = 1_000_000

    @rx.event
    def search(self, form: dict):
        q = str((form or {}).get("q", ""))
        self.rows = [_row(i) for i in range(1 + len(q), 21 + len(q))]
        self.total = 686

    @rx.event
    def open_case(self):
        case_id = str(self.router.url.query_parameters.get("id", "0"))
        self.case = {
            **_row(int(case_id) if case_id.isdigit() else 0),
            "description": "Điều khiển xe mô tô không đội mũ bảo hiểm.",
        }


def login_page() -> rx.Component:
    return rx.form(
        rx.input(name="username"),
        rx.input(name="password"),
        rx.button("Đăng nhập"),
        on_submit=BareState.login,
    )


def list_page() -> rx.Component:
    return rx.box(
        rx.form(rx.input(name="q"), rx.button("Tìm"), on_submit=BareState.search),
        rx.text(BareState.total),
        rx.foreach(
            BareState.rows,
            lambda r: rx.link(r["record_number"], href=f"/detail?id={r['id']}"),
        ),
    )


def detail_page() -> rx.Component:
    return rx.box(
        rx.text(BareState.case["violator_name"]), rx.text(BareState.case["description"])
    )


app = rx.App()
app.add_page(login_page, route="/login")
app.add_page(list_page, route="/list", on_load=BareState.open_list)
app.add_page(detail_page, route="/detail", on_load=BareState.open_case)
