"""A sanction decision cancelled in full (MQĐ40, NĐ 118/2021 Điều 13)
sanctions nobody: the report's 1.2 / 3.1 / 4.1 and the dashboard's
"Đã ra quyết định" and fines leave it out, and the report counts it apart
in 3.9 (earlier sessions' note: a cancelled decision was counted as
sanctioned). Money collected before the cancellation stays collected."""

from tests.services.conftest import actor_for, make_user
from tests.services.test_dashboard_report_agree import _period
from tests.services.test_procedure import case_row, d, decided_case, step
from xlvphc.services import dashboard
from xlvphc.services.access import Role
from xlvphc.services.reports.queries import build_report


def _figures(sup, view) -> tuple:
    r = dashboard.summary(sup, view)
    total = build_report(sup, view).provincial_total.values
    return (r["decided"], r["fines"], r["collected"],
            total["1.2"], total["3.1"], total["4.1"], total["4.2"], total["3.9"])


def test_a_cancelled_decision_is_counted_apart(people):
    officer, sup = people["canbo.a"], people["giamsat"]
    make_user("chutich.huy", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    lead = actor_for("chutich.huy")
    view = _period()

    kept = decided_case(officer, days_ago=4)
    doomed = decided_case(officer, days_ago=3)
    step(officer, doomed, "payment", on=d(2), amount="100.000")
    before = _figures(sup, view)
    decided, fines, collected, d12, d31, d41, d42, d39 = before
    assert (decided, d12, d31, d39) == (2, 2, 2, 0)
    kept_fine = case_row(kept).fine_total
    assert fines == d41 == kept_fine + case_row(doomed).fine_total
    assert collected == d42 == 100_000

    step(lead, doomed, "cancel", on=d(0), document="1/QĐ-HB",
         note="Ra quyết định không đúng thẩm quyền")

    after = _figures(sup, view)
    # One decision stands; its fine alone is imposed; the cancelled one is
    # in 3.9; what was paid before the cancellation is still counted.
    assert after == (1, kept_fine, 100_000, 1, 1, kept_fine, 100_000, 1)
