"""Combined coercion decisions MQĐ12a, 12b, 12c (Phụ lục, Nghị định
118/2021/NĐ-CP): one decision, one number of the QĐ-CCXP series, taking a
money measure (Article 1) and forcing the remedial measures (Article 2).

Offered, and accepted by the service, only while the case both owes money
and has a remedial measure not carried out (services/enforcement `owes`,
Case.remedial_pending). The rest of the flow treats it as both measures:
its money part counts in what the coercion decisions collect, and each part
has its own result, with its own record (MBB12 for distraint, MBB11 for the
remedial measure). Chosen reading of the law (Art. 73 k2, 86): the decision
is executed once the money is paid and the remedial measures are carried
out, so a result of the money part does not carry the remedial one out,
and the remedial part is done only by its own result (or «Ghi nhận đã thực
hiện biện pháp khắc phục»)."""

import pytest
from sqlmodel import select

from tests.services.test_coercion_remedial_owed import (
    MEASURE,
    MONEY,
    coercion_numbers_used,
    measures_offered,
)
from tests.services.test_print_official_copies import (
    d,
    lead,  # noqa: F401 (fixture)
    menu,
    money,
    overdue,
    pay_everything,
    step,
    still_owed,
)
from xlvphc.models import Case, ProcedureStep
from xlvphc.services import printing
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, PermissionDenied, ValidationFailed
from xlvphc.services.procedure import allowed_steps
from xlvphc.services.procedure.closing import remedial_carried_out
from xlvphc.services.procedure.coercion_measures import COMBINED, FORM_OF

DISTRAINT = {
    "code": "distraint_remedial",
    "action_place": "Thôn 3, xã Ea Kao",
    "period": "10",
    "remedial_period": "30",
    "remedial_place": "Thửa đất số 12, thôn 3, xã Ea Kao",
}


def fields_of(actor, case_id: int, code: str) -> dict[str, dict]:
    [row] = [s for s in allowed_steps(actor, case_id) if s["code"] == code]
    return {f["name"]: f for f in row["fields"]}


def state_of(case_id: int) -> tuple[str, bool, bool]:
    """(status, remedial_pending, remedial carried out) of the case."""
    with session_scope() as session:
        case = session.get(Case, case_id)
        return case.status, case.remedial_pending, remedial_carried_out(
            session, case
        )


def results(case_id: int) -> list[tuple[str, int]]:
    with session_scope() as session:
        return list(
            session.exec(
                select(ProcedureStep.code, ProcedureStep.amount).where(
                    ProcedureStep.case_id == case_id,
                    ProcedureStep.step == "coercion_done",
                )
            ).all()
        )


def refused_at(actor, case_id: int, kind: str, field: str, /, **data) -> str:
    with pytest.raises(ValidationFailed) as caught:
        step(actor, case_id, kind, **data)
    return caught.value.errors[field]


# ------------------------------------------------------ offered / refused


def test_combined_is_offered_with_its_line_only_while_both_are_owed(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    both = overdue(officer, remedial_measures=MEASURE)
    assert set(COMBINED) <= measures_offered(lead, both)
    field = fields_of(lead, both, "coerce")["code"]
    names = {o["id"]: o["name"] for o in field["options"]}
    assert names["distraint_remedial"] == (
        "Kê biên tài sản có giá trị để bán đấu giá và buộc thực hiện biện pháp "
        "khắc phục hậu quả (MQĐ12b)"
    )
    assert names["account_remedial"].endswith("khắc phục hậu quả (MQĐ12a)")
    assert "quyết định kết hợp (MQĐ12a, 12b, 12c)" in field["hint"]

    fine_only = overdue(officer)
    assert measures_offered(lead, fine_only) == MONEY
    assert fields_of(lead, fine_only, "coerce")["code"]["hint"] == ""

    done = overdue(officer, remedial_measures=MEASURE)
    step(officer, done, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    assert measures_offered(lead, done) == MONEY

    paid = overdue(officer, remedial_measures=MEASURE)
    pay_everything(officer, paid)
    assert measures_offered(lead, paid) == {"remedial"}


def test_service_refuses_combined_when_a_part_is_not_owed(
    people,
    lead,  # noqa: F811
):
    """Sent anyway (any browser can send any code), it is refused at its
    field with what is missing and what is left; no number, no stage."""
    officer = people["canbo.a"]
    fine_only = overdue(officer)
    message = refused_at(lead, fine_only, "coerce", "code", on=d(0), **DISTRAINT)
    assert message.startswith("Quyết định kết hợp (MQĐ12b) chỉ ra được khi còn cả")
    assert "không áp dụng biện pháp khắc phục hậu quả" in message
    assert "không kèm khắc phục (MQĐ09)" in message

    paid = overdue(officer, remedial_measures=MEASURE)
    pay_everything(officer, paid)
    message = refused_at(
        lead, paid, "coerce", "code", on=d(0), code="account_remedial"
    )
    assert "(MQĐ12a)" in message and "đã nộp đủ" in message
    assert "chỉ còn có thể cưỡng chế buộc thực hiện" in message

    # The remedial part's boxes belong to a combined decision only.
    both = overdue(officer, remedial_measures=MEASURE)
    message = refused_at(
        lead, both, "coerce", "remedial_period", on=d(0), code="distraint",
        remedial_period="30",
    )
    assert "quyết định kết hợp" in message
    # Its money measure's rules still hold: a salary deduction names who pays.
    with pytest.raises(ValidationFailed) as caught:
        step(lead, both, "coerce", code="salary_remedial", on=d(0))
    assert {"holder", "deduct_from"} <= set(caught.value.errors)

    for case_id in (fine_only, paid, both):
        status, steps, _ = coercion_numbers_used(case_id)
        assert steps == [] and status != "coercing"
    assert coercion_numbers_used(both)[2] == 0  # no QĐ-CCXP number taken


def test_an_officer_cannot_decide_a_combined_coercion(people):
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    with pytest.raises(PermissionDenied):
        step(officer, case_id, "coerce", on=d(0), **DISTRAINT)
    assert coercion_numbers_used(case_id)[1:] == ([], 0)


# ------------------------------------------------------------ the number


def test_one_decision_one_number_of_the_coercion_series(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    owed = still_owed(case_id).total
    summary = step(lead, case_id, "coerce", on=d(0), **DISTRAINT)
    assert summary.startswith(
        "Quyết định cưỡng chế số 01/QĐ-CCXP: Kê biên tài sản có giá trị để bán "
        "đấu giá và buộc thực hiện biện pháp khắc phục hậu quả (MQĐ12b), số "
        f"tiền {money(owed)} đồng"
    )
    assert coercion_numbers_used(case_id) == ("coercing", ["distraint_remedial"], 1)

    # The series is shared with the single measures (services/numbering.py).
    other = overdue(officer)
    assert step(lead, other, "coerce", code="account", on=d(0)).startswith(
        "Quyết định cưỡng chế số 02/QĐ-CCXP"
    )

    # Its official copy is MQĐ12b, with that number; not MQĐ09 nor MQĐ11.
    rows = menu(officer, case_id)
    assert rows["MQĐ12b"]["final"]
    for code in ("MQĐ09", "MQĐ11", "MQĐ12a", "MQĐ12c"):
        assert rows[code]["final"] is False, code
    data = printing.form_data(officer, case_id, "MQĐ12b")[0]
    assert data.number == "01/QĐ-CCXP"
    assert data.values["remedial_measures"] == MEASURE
    assert data.values["remedial_period"] == 30
    assert data.values["amount"] == owed
    draft_09 = printing.form_data(officer, case_id, "MQĐ09", "draft")[0]
    assert draft_09.number == "" and "remedial_period" not in draft_09.values
    assert FORM_OF["collection_remedial"] == "MQĐ12c"


# --------------------------------------------------- both parts, both results


def test_each_part_is_done_by_its_own_result(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    step(lead, case_id, "coerce", on=d(0), **DISTRAINT)
    assert state_of(case_id) == ("coercing", True, False)

    # The result asks which part it is for; the money boxes are the money
    # part's (shown for it only).
    fields = fields_of(officer, case_id, "coercion_done")
    assert [o["id"] for o in fields["code"]["options"]] == ["distraint", "remedial"]
    assert fields["code"]["required"]
    assert fields["amount"]["only"] == fields["surcharge"]["only"] == "distraint"
    assert "MBB12" in fields["code"]["options"][0]["name"]

    # The part is required, and the remedial part collects no money.
    assert "Vui lòng chọn" in refused_at(
        officer, case_id, "coercion_done", "code", on=d(0), note="Đã kê biên"
    )
    message = refused_at(
        officer, case_id, "coercion_done", "amount", on=d(0), code="remedial",
        note="Đã tháo dỡ", amount="1.000.000",
    )
    assert "không thu tiền" in message

    # The money part: everything paid, the remedial measure still owed.
    left = still_owed(case_id)
    step(officer, case_id, "coercion_done", on=d(0), code="distraint",
         note="Đã kê biên và bán đấu giá 01 xe mô tô", amount=money(left.fine),
         surcharge=money(left.interest) if left.interest else "")
    assert still_owed(case_id).total == 0
    assert state_of(case_id) == ("coercing", True, False)
    with pytest.raises(Conflict) as caught:
        step(officer, case_id, "close_executed", on=d(0))
    assert "chưa ghi nhận đã thực hiện biện pháp khắc phục hậu quả" in (
        caught.value.message
    )
    rows = menu(officer, case_id)
    assert rows["MBB12"]["final"] and not rows["MBB11"]["final"]

    # The remedial part: now the decision is carried out in full.
    step(officer, case_id, "coercion_done", on=d(0), code="remedial",
         note="Đã tháo dỡ phần công trình không phép")
    assert state_of(case_id) == ("coercing", False, True)
    assert [code for code, _ in results(case_id)] == ["distraint", "remedial"]
    rows = menu(officer, case_id)
    assert rows["MBB11"]["final"]
    record = printing.form_data(officer, case_id, "MBB11")[0]
    assert record.values["no:QĐ-CCXP"] == "01/QĐ-CCXP"
    step(officer, case_id, "close_executed", on=d(0))


def test_the_remedial_part_first_leaves_the_money_owed(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    step(lead, case_id, "coerce", on=d(0), **DISTRAINT)
    step(officer, case_id, "coercion_done", on=d(0), code="remedial",
         note="Đã tháo dỡ")
    status, pending, done = state_of(case_id)
    assert (status, pending, done) == ("coercing", False, True)
    assert still_owed(case_id).fine > 0
    # Only the money part is left to choose; the remedial one is refused.
    fields = fields_of(officer, case_id, "coercion_done")
    assert [o["id"] for o in fields["code"]["options"]] == ["distraint"]
    message = refused_at(
        officer, case_id, "coercion_done", "code", on=d(0), code="remedial",
        note="Lần nữa",
    )
    assert "đã được thực hiện" in message
    with session_scope() as session:
        assert session.get(Case, case_id).coerced_on is not None  # still followed


def test_a_money_decisions_result_never_carries_the_remedy_out(
    people,
    lead,  # noqa: F811
):
    """A single money decision's result, even sent with code «remedial» by a
    hostile browser, is the money measure's: the remedial measure stays
    owed, as before combined decisions existed."""
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    step(lead, case_id, "coerce", code="distraint", on=d(0))
    step(officer, case_id, "coercion_done", on=d(0), code="remedial",
         note="Đã kê biên")
    assert results(case_id) == [("distraint", 0)]
    assert state_of(case_id)[1:] == (True, False)
