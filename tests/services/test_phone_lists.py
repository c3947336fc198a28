"""Lists, report and dashboard on a phone and a tablet (user trial, 5 Dec):

- Biểu 3 of the report scrolls sideways on a tablet and says so;
- the recycle bin, units, audit and monitoring lists turn into cards on a
  phone, so that their buttons and columns are on the screen;
- the monitoring list is paged like the other lists;
- wording: Vietnamese date hints, a case-list intro that fits a supervisor,
  an empty list that is not called "no match" when nothing was filtered;
- the dashboard's execution chart lies sideways in its given order, and the
  field chart wraps its labels and makes room for them.
"""

import json
import re

from tests.security.conftest import at_page, new_state, run_coroutine
from tests.services.conftest import PASSWORD
from xlvphc.services import auth, monitoring
from xlvphc.state.dashboard import bar_simple, bars_with_money
from xlvphc.state.monitoring import MonitoringState
from xlvphc.state.reports import ReportState


def _escaped(text: str) -> str:
    """As a rendered component spells a string: JSON (ASCII only) inside
    the repr of the render tree, which doubles each backslash."""
    return json.dumps(text)[1:-1].replace("\\", "\\\\")


def _page_text(module: str, page: str) -> str:
    import importlib

    fn = getattr(importlib.import_module(f"xlvphc.pages.{module}"), page)
    return str(getattr(fn, "__wrapped__", fn)().render())


def _run(state, handler: str, *args):
    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_await(fn(state, *args)))


async def _await(result):
    return await result if hasattr(result, "__await__") else result


def _opened(cls, username: str, path: str):
    root, state = new_state(cls, auth.login(username, PASSWORD).token)
    at_page(root, path)
    return state


def test_wide_report_tables_say_they_scroll(people):
    from xlvphc.pages.reports import FITTING_COLUMNS, SCROLL_HINT

    text = _page_text("reports", "reports_page")
    assert _escaped(SCROLL_HINT) in text
    assert f'["headers"].length > {FITTING_COLUMNS})' in text  # when shown
    # The unit's name stays in view while the figures scroll.
    assert re.search(r'td:first-child[^)]*"position"\] : "sticky"', text)

    state = _opened(ReportState, "giamsat", "/bao-cao")
    _run(state, "open")
    _run(state, "show", {"period": "year"})
    widths = {t.title.split(".")[0]: len(t.headers) for t in state.tables}
    # Biểu 3 (3.1–3.9 and the unit) is the one that does not fit: it gets
    # the hint, the narrow tables do not.
    assert widths["Biểu 3"] == 10 > FITTING_COLUMNS
    assert all(n <= FITTING_COLUMNS for k, n in widths.items() if k != "Biểu 3")


def test_admin_lists_are_cards_on_a_phone():
    pages = {
        ("recycle_bin", "recycle_bin_page"): ["Thao tác", "Lý do", "Người xóa"],
        ("units", "units_page"): ["Trạng thái", "Thao tác", "Hồ sơ"],
        ("audit", "audit_page"): ["Người thực hiện", "Chi tiết", "Thao tác"],
        ("monitoring", "monitoring_page"): ["Tình trạng", "Hoạt động gần nhất"],
    }
    for (module, page), labels in pages.items():
        text = _page_text(module, page)
        assert "xl-card-table" in text, module
        for label in labels:
            assert f'"data-label":"{_escaped(label)}"' in text, (module, label)


def test_monitoring_is_paged(people):
    from xlvphc.services.monitoring import PAGE_SIZE

    state = _opened(MonitoringState, "giamsat", "/theo-doi")
    _run(state, "open")
    everything = monitoring.unit_progress(people["giamsat"], {})["rows"]
    assert state.total == len(everything) > 2 * PAGE_SIZE
    assert state.pages == -(-len(everything) // PAGE_SIZE)
    assert state.rows == everything[:PAGE_SIZE] and state.page == 1

    _run(state, "previous_page")
    assert state.page == 1
    _run(state, "next_page")
    assert state.page == 2 and state.rows == everything[PAGE_SIZE : 2 * PAGE_SIZE]
    for _ in range(state.pages + 3):
        _run(state, "next_page")
    assert state.page == state.pages
    assert state.rows == everything[(state.pages - 1) * PAGE_SIZE :]

    # The page holds one page of rows, whatever page the browser asks for.
    assert monitoring.unit_progress(people["giamsat"], {}, 10**9)["rows"] == (
        everything[(state.pages - 1) * PAGE_SIZE :]
    )
    assert monitoring.unit_progress(people["giamsat"], {}, "x")["page"] == 1

    # A new filter starts again at the first page.
    _run(state, "apply", {"only": "waiting"})
    waiting = monitoring.unit_progress(people["giamsat"], {"only": "waiting"})
    assert state.page == 1 and state.total == len(waiting["rows"])

    text = _page_text("monitoring", "monitoring_page")
    assert "Trang sau" in text and "trang-theo-doi" in text


def test_wording_of_dates_intro_and_empty_list():
    audit = _page_text("audit", "audit_page")
    assert "dd/mm/yyyy" not in audit
    assert audit.count(_escaped("ngày/tháng/năm")) == 2

    from xlvphc.pages.cases import INTRO, NO_CASE_YET, NO_MATCH

    cases = _page_text("cases", "case_list_page")
    assert "đơn vị của bạn" not in INTRO and _escaped(INTRO) in cases
    assert _escaped(NO_CASE_YET) in cases and _escaped(NO_MATCH) in cases
    # Which one shows depends on the filters, a sort order not counted.
    assert 'hasOwnProperty("sort")' in cases and 'hasOwnProperty("dir")' in cases


def test_execution_chart_lies_sideways_in_its_order():
    labels = ["Đã chấp hành xong", "Đang thi hành", "Có quyết định hoãn thi hành"]
    fig = bar_simple(labels, [2, 0, 1], "#000", horizontal=True, keep_order=True,
                     hints=["a", "b", "c"])
    bar = fig.data[0]
    assert bar.orientation == "h"
    # Index i is still label i (the click links use it); the axis runs
    # top-down, so the first label is at the top.
    assert list(bar.y) == labels and list(bar.x) == [2, 0, 1]
    assert list(bar.customdata) == ["a", "b", "c"]
    assert fig.layout.yaxis.autorange == "reversed"
    assert fig.layout.yaxis.automargin is True


def test_dashboard_uses_the_sideways_execution_chart(people):
    from tests.services.test_procedure import decided_case
    from xlvphc.state.dashboard import _summary_and_figures

    # A decision to count: an empty chart draws no bars at all.
    decided_case(people["canbo.a"], days_ago=2)
    result = _summary_and_figures(people["giamsat"], {})
    (bar,) = result["figures"]["status"]["data"]
    assert bar["orientation"] == "h"
    # In the service's order, as the click links are (not reversed).
    assert bar["y"] == [s["label"] for s in result["enforcement"]]


def test_field_chart_wraps_its_labels_and_makes_room():
    from xlvphc.state.dashboard import wrapped

    assert wrapped("Xây dựng (trật tự xây dựng)") == "Xây dựng<br>(trật tự xây<br>dựng)"
    assert wrapped("Đất đai") == "Đất đai"
    rows = [
        {"name": "An ninh, trật tự, an toàn xã hội", "cases": 2, "fines": 1,
         "collected": 0},
        {"name": "Đất đai", "cases": 1, "fines": 0, "collected": 0},
    ]
    layout = bars_with_money(rows, "name", "Lĩnh vực").layout
    # The legend above the plot, clear of the labels and axis title below.
    assert layout.legend.y > 1 and layout.legend.yanchor == "bottom"
    axis = layout.xaxis
    assert axis.automargin is True
    assert list(axis.tickvals) == [r["name"] for r in rows]
    assert list(axis.ticktext) == [wrapped(r["name"]) for r in rows]
    assert all(len(line) <= 12 for t in axis.ticktext for line in t.split("<br>")
               if " " in line)


def test_report_pdf_has_its_issuing_body_and_signatures(people):
    import io

    from pypdf import PdfReader

    from xlvphc.services.reports.export import export_report

    actor = people["giamsat"]
    _, payload, _ = export_report(actor, {"period": "year"}, "pdf")
    pages = PdfReader(io.BytesIO(payload)).pages
    first = pages[0].extract_text().replace("\n", " ")
    last = pages[-1].extract_text().replace("\n", " ")
    # The body that issues it, under its superior (Decree 30/2020).
    assert "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK SỞ TƯ PHÁP" in first
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first
    assert "Đắk Lắk, ngày" in first
    for words in ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)",
                  actor.full_name):
        assert words in last, words


def test_report_pdf_dates_itself_once_in_its_heading(people):
    """User trial: the date stood in the heading's place-and-date line and
    again under the title. The heading keeps it; the period stays."""
    import io

    from pypdf import PdfReader

    from xlvphc.services.reports.export import export_report
    from xlvphc.services.reports.pdf import render_pdf
    from xlvphc.services.reports.queries import build_report

    def dates_in(payload: bytes) -> tuple[str, list[str]]:
        pages = PdfReader(io.BytesIO(payload)).pages
        text = " ".join(p.extract_text() for p in pages).replace("\n", " ")
        return text, re.findall(r"ngày \d{2} tháng \d{1,2} năm \d{4}", text)

    actor = people["giamsat"]
    text, dates = dates_in(export_report(actor, {"period": "year"}, "pdf")[1])
    assert len(dates) == 1, dates
    assert f"Đắk Lắk, {dates[0]}" in text
    assert "Kỳ báo cáo: Năm" in text

    # Without a heading (no issuing body), the date goes under the period.
    report = build_report(actor, {"period": "year"})
    text, dates = dates_in(render_pdf(report))
    assert len(dates) == 1, dates
    assert f"Lập {dates[0]}" in text
