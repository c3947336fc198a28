"""The month chart over a long period (user trial: "Toàn bộ thời gian"
placed 03/2024, 10/2025 and 12/2026 side by side and joined them with a
line, as if consecutive). Months without cases between the first and the
last are shown as zeros; a span too long to draw keeps the months with
cases, as markers without a line."""

from datetime import timedelta

from tests.services.test_procedure import TODAY, new_case
from xlvphc.services import dashboard
from xlvphc.services.dashboard import MAX_MONTHS_SHOWN, _every_month
from xlvphc.state.dashboard import _consecutive, bars_with_money


def test_gaps_between_months_are_filled_with_zeros():
    months = [(202511, [1, 10, 5]), (202602, [2, 20, 0])]
    assert _every_month(months) == [
        (202511, [1, 10, 5]), (202512, [0, 0, 0]), (202601, [0, 0, 0]),
        (202602, [2, 20, 0]),
    ]
    assert _every_month(months[:1]) == months[:1]
    far = [(202001, [1, 0, 0]), (202001 + 100 * (MAX_MONTHS_SHOWN // 12), [1, 0, 0])]
    assert _every_month(far) == far  # 61 months: too long, kept as they are


def test_the_chart_joins_consecutive_months_only():
    assert _consecutive(["2025-12", "2026-01", "2026-02"])
    assert not _consecutive(["2024-03", "2025-10"])
    rows = [{"label": "03/2024", "month": "2024-03", "cases": 1, "fines": 0,
             "collected": 0}, {"label": "10/2025", "month": "2025-10", "cases": 1,
                               "fines": 0, "collected": 0}]
    apart = bars_with_money(rows, "label", "Tháng", joined=False)
    assert {t.mode for t in apart.data if t.type == "scatter"} == {"markers"}
    joined = bars_with_money(rows, "label", "Tháng", joined=True)
    assert {t.mode for t in joined.data if t.type == "scatter"} == {"lines+markers"}


def test_the_dashboard_lists_every_month_of_its_span(people):
    officer, sup = people["canbo.a"], people["giamsat"]
    new_case(officer, days_ago=0)
    new_case(officer, days_ago=100)
    start = TODAY - timedelta(days=100)
    view = {"period": "custom", "date_from": f"{start:%d/%m/%Y}",
            "date_to": f"{TODAY:%d/%m/%Y}"}
    months = dashboard.summary(sup, view)["months"]
    texts = [m["month"] for m in months]
    assert texts[0] == f"{start:%Y-%m}" and texts[-1] == f"{TODAY:%Y-%m}"
    assert _consecutive(texts) and len(texts) >= 4
    assert sum(m["cases"] for m in months) == 2
    assert all(m["link"] for m in months)  # an empty month opens its empty list
