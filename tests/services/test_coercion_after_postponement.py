"""Coercion of a postponed fine (Luật XLVPHC Điều 76, 86; form MQĐ03, whose
Điều 3 k1 a says that once the postponement ends the person goes on
complying, otherwise is coerced). User trial: «Việc cần làm» said «xem xét
cưỡng chế» for a postponed case and no step could be taken.

- the fine (MQĐ07-10) only after the «đến ngày» has passed unpaid; before,
  the panel says why, naming that day, and a crafted call is refused;
- a remedial measure past its own deadline (MQĐ11) even while the fine is
  postponed, which then stays postponed; a combined MQĐ12 only when both
  parts may;
- the print menu (printing_modes.coercion_blocker) agrees;
- a reduction (Điều 77, MQĐ04) of a postponed fine lowers what is coerced."""

from datetime import timedelta

import pytest

from tests.services.test_coercion_during_plan import blocker, refusals
from tests.services.test_coercion_limitation import held, offered
from tests.services.test_compliance_deadline_shown import deadline_shown
from tests.services.test_overdue_after_plan import MEASURE, rows_of
from tests.services.test_overdue_after_postponement import RELIEF, postponed
from tests.services.test_procedure import (
    TODAY,
    case_row,
    d,
    lead,  # noqa: F401 (fixture)
    step,
)
from xlvphc.models.cases import CaseStatus
from xlvphc.services.errors import Conflict
from xlvphc.services.procedure.todo import EXPIRED

COERCE = "Quyết định cưỡng chế"
VERIFY = "Xác minh thông tin về tiền, tài sản để cưỡng chế"
ASSETS = {
    "on": d(0),
    "place": "Trụ sở Ngân hàng Agribank chi nhánh Buôn Ma Thuột",
    "start_time": "08:30",
    "reason": "Hết thời gian hoãn nhưng chưa nộp tiền phạt",
    "account_info": "Tài khoản 0123456789, số dư 9.000.000 đồng",
}


def postponed_until(end: str) -> str:
    return f"Quyết định phạt tiền được hoãn thi hành đến hết ngày {end}"


def codes(actor, case_id: int) -> list[str]:
    [field] = [
        f for f in offered(actor, case_id)["coerce"]["fields"] if f["name"] == "code"
    ]
    return [o["id"] for o in field["options"]]


def test_the_fine_waits_for_the_end_of_the_postponement(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    ahead = postponed(officer, 30, on=25, until=-20)
    today = postponed(officer, 30, on=25, until=0)

    for case_id, end in ((ahead, d(-20)), (today, d(0))):
        # Neither step is offered; the panel says why, to the signer and to
        # the officer who cannot sign alike, naming the «đến ngày».
        steps = offered(lead, case_id)
        assert "coerce" not in steps and "verify_assets" not in steps
        for actor in (lead, officer):
            assert held(actor, case_id)[COERCE].startswith(postponed_until(end))
            assert "(Điều 3 mẫu MQĐ03)" in held(actor, case_id)[COERCE]
        # A crafted call is refused, in Vietnamese, for both steps.
        with pytest.raises(Conflict, match=f"hoãn thi hành đến hết ngày {end}"):
            step(lead, case_id, "coerce", code="account", on=d(0))
        with pytest.raises(Conflict, match=f"hoãn thi hành đến hết ngày {end}"):
            step(officer, case_id, "verify_assets", **ASSETS)
        # The print menu says the same of the money papers and MQĐ11.
        assert blocker(case_id, remedial=False).startswith(
            f"quyết định phạt tiền được hoãn thi hành đến hết ngày {end}"
        )
        assert blocker(case_id, remedial=True) != ""
        assert case_row(case_id).status == CaseStatus.POSTPONED


def test_the_fine_is_coerced_once_the_postponement_ended_unpaid(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = postponed(officer, 60, on=55, until=10)
    assert COERCE not in held(lead, case_id)
    assert rows_of(officer, case_id)["postponement"]["label"] == EXPIRED[
        "postponement"
    ]
    assert "cưỡng chế" in EXPIRED["postponement"]
    assert {"coerce", "verify_assets"} <= set(offered(lead, case_id))
    assert "account" in codes(lead, case_id)
    assert blocker(case_id, remedial=False) == ""

    # A decision dated on the «đến ngày» itself is still within it.
    errors = refusals(lead, case_id, code="account", on=d(10))
    assert f"({d(10)}, Điều 86 Luật XLVPHC)" in errors["on"]
    assert errors["code"].startswith(postponed_until(d(10)))

    step(officer, case_id, "verify_assets", **ASSETS)
    summary = step(lead, case_id, "coerce", code="account", on=d(0),
                   account_number="0123456789")
    # The fine and 10 days of interest from the day after the end (Điều 78).
    assert "3.517.500 đồng" in summary
    row = case_row(case_id)
    assert row.status == CaseStatus.COERCING
    assert (row.coerced_on, row.postponed_until) == (TODAY, None)


def test_a_late_measure_is_coerced_while_the_fine_stays_postponed(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    # The measure was due 10 days ago; the fine is postponed 30 days more.
    case_id = postponed(officer, 20, on=15, until=-30, measure=MEASURE)
    end = d(-30)
    assert rows_of(officer, case_id)["coercion"]["days_left"] == -10

    # Only MQĐ11 is offered, and the measure's box says why.
    assert codes(lead, case_id) == ["remedial"]
    [field] = [
        f for f in offered(lead, case_id)["coerce"]["fields"] if f["name"] == "code"
    ]
    assert field["hint"].startswith(postponed_until(end))
    assert "(MQĐ11)" in field["hint"]
    # The money, alone or with the measure, is refused.
    errors = refusals(lead, case_id, code="account", on=d(0))
    assert errors["code"].startswith(postponed_until(end))
    assert "(MQĐ11)" in errors["code"]
    assert f"({end}, Điều 86 Luật XLVPHC)" in errors["on"]
    errors = refusals(lead, case_id, code="account_remedial", on=d(0))
    assert "hoãn thi hành đến hết ngày" in errors["code"]
    assert blocker(case_id, remedial=True) == ""
    assert blocker(case_id, remedial=False).startswith("quyết định phạt tiền")

    step(lead, case_id, "coerce", code="remedial", on=d(0))
    row = case_row(case_id)
    assert row.status == CaseStatus.COERCING
    # The fine is still postponed: its end is still followed, shown on the
    # case page, and it still may not be coerced.
    assert row.postponed_until == TODAY + timedelta(days=30)
    assert row.coerced_on == TODAY
    assert row.late_after == TODAY - timedelta(days=10)
    assert deadline_shown(officer, case_id).startswith(
        f"{end} – hết thời gian hoãn (Điều 76)"
    )
    errors = refusals(lead, case_id, code="account", on=d(0))
    assert errors["code"].startswith(postponed_until(end))
    assert blocker(case_id, remedial=False).startswith("quyết định phạt tiền")

    # The measure carried out: nothing coerced is left to follow.
    step(officer, case_id, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    row = case_row(case_id)
    assert (row.coerced_on, row.postponed_until) == (
        None, TODAY + timedelta(days=30)
    )


def test_a_measure_not_yet_due_is_named_beside_the_postponement(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    # The measure is due in 5 days, the postponement ends in 6.
    case_id = postponed(officer, 5, on=4, until=-6, measure=MEASURE)
    assert "coerce" not in offered(lead, case_id)
    assert held(lead, case_id)[COERCE].startswith(
        f"Chưa hết thời hạn thực hiện biện pháp khắc phục hậu quả (đến hết "
        f"ngày {d(-5)}); quyết định phạt tiền được hoãn thi hành đến hết ngày "
        f"{d(-6)}"
    )


def test_a_reduction_of_a_postponed_fine_lowers_what_is_coerced(
    people,
    lead,  # noqa: F811
):
    """Điều 77 k1: reduction for a violator granted a postponement. The
    postponement's end stays the fine's deadline; the rest is coerced."""
    officer = people["canbo.a"]
    case_id = postponed(officer, 60, on=55, until=10)
    step(officer, case_id, "reduce", code="reduce", amount="1.000.000", on=d(0),
         certifier=RELIEF["certifier"], document=f"{case_id}/QĐ-GTP")
    row = case_row(case_id)
    assert (row.status, row.reduced_total) == (CaseStatus.POSTPONED, 1_000_000)
    assert row.late_after == TODAY - timedelta(days=10)
    summary = step(lead, case_id, "coerce", code="account", on=d(0),
                   account_number="0123456789")
    # 2.500.000 đồng left and 10 days of interest on it (Điều 78 k1).
    assert "2.512.500 đồng" in summary

    # Exempted in full while postponed: nothing left to coerce.
    other = postponed(officer, 30, on=25, until=-20)
    step(officer, other, "reduce", code="exempt_all", on=d(0),
         certifier=RELIEF["certifier"], document=f"{other}/QĐ-MTP")
    row = case_row(other)
    assert (row.status, row.late_after, row.postponed_until) == (
        CaseStatus.EXECUTING, None, None
    )
    assert "coerce" not in offered(lead, other)
    assert COERCE not in held(lead, other)
