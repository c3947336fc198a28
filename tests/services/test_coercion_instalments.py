"""Coercion of a decision paid by instalments (Luật XLVPHC Điều 79, MQĐ05;
Điều 86 k1), from the user trial: a distraint (MQĐ09) was accepted for an
amount that included an instalment not yet due. The decision allowing the
plan tells the violator that coercion follows once the whole period has
ended (MQĐ05 Điều 3 k1 a): until the last instalment's date nothing is
coerced; then all that is left, with the late-payment interest run on each
instalment (Điều 78 k1). The case page and the to-do list do not present an
instalment not yet due as overdue."""

from datetime import timedelta
from itertools import count

import pytest
from sqlmodel import select

from tests.services.test_late_payment_interest import fined_case, refused, summary
from tests.services.test_procedure import (
    RELIEF,
    TODAY,
    case_row,
    d,
    lead,  # noqa: F401 (fixture)
    step,
)
from xlvphc.models import ProcedureStep
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict
from xlvphc.services.procedure import allowed_steps
from xlvphc.services.procedure.todo import todo_list
from xlvphc.services.procedure.transitions import held_steps

DISTRAINT = {"code": "distraint", "assets": "Xe ô tô biển số 47A-123.45"}
ARTICLES = "(Điều 79, khoản 1 Điều 86 Luật XLVPHC)"
NUMBERS = count(1)  # each MQĐ05 its own number


def later(days: int) -> str:
    return (TODAY + timedelta(days=days)).strftime("%d/%m/%Y")


def planned_case(officer, due_1: str, due_2: str) -> int:
    """A fine of 3.500.000 đồng decided 40 days ago, paid in two instalments
    of 1.400.000 (40 %) and 2.100.000 đồng."""
    case_id = fined_case(officer, "3.500.000", days_ago=40)
    step(
        officer,
        case_id,
        "instalments",
        on=d(39),
        document=f"{next(NUMBERS)}/QĐ-NTPNL",
        conditions_checked="1",
        amount_1="1.400.000",
        due_1=due_1,
        amount_2="2.100.000",
        due_2=due_2,
        **RELIEF,
    )
    return case_id


def half_due(officer) -> int:
    """Instalment 1 due 20 days ago (14.000 đồng of interest: 1.400.000 ×
    0,05 % × 20), instalment 2 due in 30 days."""
    return planned_case(officer, d(20), later(30))


def coerced_amount(case_id: int) -> int:
    with session_scope() as session:
        return session.exec(
            select(ProcedureStep.amount).where(
                ProcedureStep.case_id == case_id, ProcedureStep.step == "coerce"
            )
        ).one()


def plan_refusal(not_due: str, missed: str = "") -> str:
    """The refusal while a plan's period runs (MQĐ05 Điều 3 k1 a), as the
    step's guard words it."""
    tail = (
        f" Số tiền đã quá hạn nộp theo từng lần ({missed}) được nhắc nộp; tiền "
        "chậm nộp vẫn tính (Điều 78)" if missed else ""
    )
    return (
        f"Chưa hết thời hạn nộp tiền phạt nhiều lần: {not_due} chưa đến hạn nộp. "
        "Chỉ cưỡng chế khi hết thời hạn đó mà người bị phạt chưa nộp đủ (Điều 3 "
        f"mẫu MQĐ05).{tail}"
    ).rstrip(".")


def test_no_coercion_while_an_instalment_is_still_to_come(people, lead):  # noqa: F811
    """The trial's case: the first instalment missed, the second not yet
    due. The decision allowing the plan tells the violator coercion follows
    once its whole period has ended (MQĐ05 Điều 3 k1 a); a distraint for
    everything, or for the missed instalment alone, is refused."""
    officer = people["canbo.a"]
    case_id = half_due(officer)
    reason = plan_refusal(
        f"lần 2 (2.100.000 đồng, hạn nộp {later(30)})", "1.414.000 đồng"
    )
    for amount in ("3.514.000", "1.414.000", ""):
        with pytest.raises(Conflict) as caught:
            step(lead, case_id, "coerce", **DISTRAINT, on=d(0), amount=amount)
        assert caught.value.message.startswith(reason), amount
    # Nothing was decided, no number used; the step is not offered, and the
    # officer is not told that the signer has one to take.
    assert case_row(case_id).status == "executing"
    assert "coerce" not in {s["code"] for s in allowed_steps(lead, case_id)}
    held = {h["label"] for h in held_steps(officer, case_id)}
    assert "Quyết định cưỡng chế" not in held


def test_no_instalment_overdue_is_refused(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    # The first instalment not yet due: the deadline runs (as before).
    fresh = planned_case(officer, later(10), later(40))
    with pytest.raises(Conflict) as caught:
        step(lead, fresh, "coerce", **DISTRAINT, on=d(0))
    assert "Chưa hết thời hạn chấp hành" in caught.value.message

    # An amendment resets the compliance deadline to its 10 days (NĐ 118
    # Điều 16), already past here, while no instalment is due: still nothing
    # to coerce, and the officer is told why.
    amended = planned_case(officer, later(10), later(40))
    step(officer, amended, "amend", on=d(20), document="1/QĐ-SĐBS", note="Sửa địa chỉ")
    reason = plan_refusal(
        f"lần 1 (1.400.000 đồng, hạn nộp {later(10)}) và lần 2 (2.100.000 đồng, "
        f"hạn nộp {later(40)})"
    )
    with pytest.raises(Conflict) as caught:
        step(lead, amended, "coerce", **DISTRAINT, on=d(0))
    assert caught.value.message.startswith(reason)
    assert "coerce" not in {s["code"] for s in allowed_steps(lead, amended)}


def test_a_plan_fully_overdue_is_coerced_as_before(people, lead):  # noqa: F811
    """Both instalments past due: all the fine and its interest, 1.400.000 ×
    30 days + 2.100.000 × 10 days at 0,05 % = 31.500 đồng."""
    officer = people["canbo.a"]
    case_id = planned_case(officer, d(30), d(10))
    errors = refused(lead, case_id, "coerce", **DISTRAINT, on=d(0), amount="3.531.501")
    assert errors == {
        "amount": f"Không quá số tiền còn phải nộp tính đến ngày {d(0)} "
        "(3.531.500 đồng: tiền phạt 3.500.000 đồng, tiền chậm nộp 31.500 đồng)."
    }
    text = step(lead, case_id, "coerce", **DISTRAINT, on=d(0))
    assert "số tiền 3.531.500 đồng" in text and "chưa đến hạn" not in text
    assert coerced_amount(case_id) == 3_531_500
    assert "Đã đến hạn, chưa nộp" not in summary(officer, case_id)


def test_case_page_and_todo_keep_the_instalment_not_yet_due_apart(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = planned_case(officer, d(20), later(5))
    shown = summary(officer, case_id)
    assert shown["Còn phải nộp"].startswith("3.514.000 đồng")
    assert shown["Đã đến hạn, chưa nộp"] == (
        "1.414.000 đồng (tiền phạt 1.400.000 đồng, tiền chậm nộp 14.000 đồng); "
        f"lần 2 (2.100.000 đồng, hạn nộp {later(5)}) chưa đến hạn nộp (Điều 79)"
    )
    # The to-do list follows the missed instalment (a reminder: late
    # interest runs), and no coercion.
    rows = {r["kind"]: r for r in todo_list(officer) if r["case_id"] == case_id}
    assert "coercing" not in rows
    assert (rows["instalment"]["when"], rows["instalment"]["tone"]) == (
        "Quá hạn 20 ngày",
        "red",
    )
    assert "– lần 1" in rows["instalment"]["label"]
    # Paid late, the second is followed by its own date, not as overdue.
    step(officer, case_id, "payment", on=d(0), amount="1.400.000",
         surcharge="14.000")
    rows = {r["kind"]: r for r in todo_list(officer) if r["case_id"] == case_id}
    assert (rows["instalment"]["when"], rows["instalment"]["tone"]) == (
        "Còn 5 ngày",
        "gray",
    )
    assert "– lần 2" in rows["instalment"]["label"]
    assert "Đã đến hạn, chưa nộp" not in summary(officer, case_id)

    # Once the period has ended, everything left is coerced: the missed
    # first instalment's row no longer reads "đã đến hạn" apart.
    late = planned_case(officer, d(20), d(5))
    assert "Đã đến hạn, chưa nộp" not in summary(officer, late)
    step(lead, late, "coerce", **DISTRAINT, on=d(0))
    rows = {r["kind"]: r for r in todo_list(officer) if r["case_id"] == late}
    assert rows["coercing"]["label"].endswith(
        "– còn tiền phạt 3.500.000 đồng, tiền chậm nộp 19.250 đồng"
    )
