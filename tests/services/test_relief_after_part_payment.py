"""User trial: after a part payment on a decided case, «Cho nộp tiền phạt
nhiều lần» (MQĐ05) and «Hoãn thi hành» (MQĐ03) vanished without a word.

The law as the project holds it (Law Art. 76, 79; docs domain.md §1.7)
grants both on the fine the decision imposes and is silent on granting them
on what is left after a part payment, so the rule stays (the table offers
them only while the case is "decided"), and the panel says why."""

import pytest

from tests.services.test_procedure import d, received_case, step
from xlvphc.services.errors import Conflict
from xlvphc.services.procedure.transitions import allowed_steps, held_steps

INSTALMENTS = "Cho nộp tiền phạt nhiều lần"
POSTPONE = "Hoãn thi hành quyết định phạt tiền"


def reasons(actor, case_id: int) -> dict[str, str]:
    return {h["label"]: h["reason"] for h in held_steps(actor, case_id)}


def test_part_payment_explains_the_reliefs_it_ends(people):
    officer = people["canbo.a"]
    case_id = received_case(officer, 2)  # 3.500.000 đồng
    offered = {s["code"] for s in allowed_steps(officer, case_id)}
    assert {"instalments", "postpone"} <= offered
    assert not {INSTALMENTS, POSTPONE} & set(reasons(officer, case_id))

    step(officer, case_id, "payment", on=d(0), amount="1.000.000")
    offered = {s["code"] for s in allowed_steps(officer, case_id)}
    assert not {"instalments", "postpone"} & offered
    held = reasons(officer, case_id)
    for label, article in ((INSTALMENTS, "Điều 79"), (POSTPONE, "Điều 76")):
        assert held[label].startswith(
            "đã nộp 1.000.000 đồng tiền phạt, còn phải nộp 2.500.000 đồng."
        )
        assert article in held[label]
        assert "trước lần nộp tiền phạt đầu tiên" in held[label]
    # The rule itself stands: the step is refused with its stage.
    with pytest.raises(Conflict) as refused:
        step(officer, case_id, "postpone", on=d(0), until=d(-30), hardship="1")
    assert "Hoãn thi hành" in refused.value.message

    # A reader of the case is offered no step, nor told about one.
    assert not {INSTALMENTS, POSTPONE} & set(reasons(people["giamsat"], case_id))

    # Paid in full: nothing is left to relieve, nothing to explain.
    step(officer, case_id, "payment", on=d(0), amount="2.500.000")
    assert not {INSTALMENTS, POSTPONE} & set(reasons(officer, case_id))
