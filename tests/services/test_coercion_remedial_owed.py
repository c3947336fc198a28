"""Coercion to carry out a remedial measure (MQĐ11, Luật XLVPHC Điều 86 k1 d)
only while the sanction decision imposed one that is still owed (user trial:
a fine-only case took an MQĐ11, used up a QĐ-CCXP number and printed the
fine as the cost of a remedial measure). The step offers only the measures
the case can still be coerced by."""

import pytest
from sqlmodel import select

from tests.services.test_print_official_copies import (
    d,
    lead,  # noqa: F401 (fixture)
    menu,
    overdue,
    pay_everything,
    step,
)
from xlvphc.models import Case, DocumentSequence, ProcedureStep
from xlvphc.services import printing
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure import allowed_steps
from xlvphc.services.procedure.coercion_measures import COMBINED

MEASURE = "Buộc tháo dỡ công trình xây dựng không phép"
MONEY = {"salary", "account", "distraint", "collection"}


def measures_offered(actor, case_id: int) -> set[str]:
    """The choices of «Biện pháp cưỡng chế» in the coercion step's form."""
    [row] = [s for s in allowed_steps(actor, case_id) if s["code"] == "coerce"]
    [field] = [f for f in row["fields"] if f["name"] == "code"]
    return {option["id"] for option in field["options"]}


def coercion_numbers_used(case_id: int) -> tuple[str, list[str], int]:
    """(case status, its coercion steps, QĐ-CCXP numbers issued in all)."""
    with session_scope() as session:
        status = session.get(Case, case_id).status
        steps = list(
            session.exec(
                select(ProcedureStep.code).where(
                    ProcedureStep.case_id == case_id, ProcedureStep.step == "coerce"
                )
            ).all()
        )
        issued = session.exec(
            select(DocumentSequence.last).where(
                DocumentSequence.doc_type == "QĐ-CCXP"
            )
        ).all()
    return status, steps, sum(issued)


def refused_measure(actor, case_id: int, measure: str) -> str:
    with pytest.raises(ValidationFailed) as caught:
        step(actor, case_id, "coerce", code=measure, on=d(0))
    return caught.value.errors["code"]


def test_fine_only_decision_is_not_coerced_by_mq11(people, lead):  # noqa: F811
    """The trial's case: a fine only, overdue. MQĐ11 is not offered, and
    sent anyway it is refused at its field; no number, no stage change."""
    officer = people["canbo.a"]
    case_id = overdue(officer)
    assert measures_offered(lead, case_id) == MONEY

    before = coercion_numbers_used(case_id)
    message = refused_measure(lead, case_id, "remedial")
    assert "không áp dụng biện pháp khắc phục hậu quả" in message
    assert "Điều 86" in message and "thu tiền phạt" in message
    assert coercion_numbers_used(case_id) == before == ("decided", [], 0)
    # Nor does the print menu draft an MQĐ11 for it.
    assert menu(officer, case_id)["MQĐ11"]["filled"] is False
    assert "không áp dụng biện pháp khắc phục" in menu(officer, case_id)["MQĐ11"][
        "hint"
    ]

    # A money measure is still decided, with the first number of the series.
    summary = step(lead, case_id, "coerce", code="account", on=d(0))
    assert summary.startswith("Quyết định cưỡng chế số 01/QĐ-CCXP")
    assert coercion_numbers_used(case_id) == ("coercing", ["account"], 1)


def test_remedial_measure_owed_is_coerced_and_not_billed_as_the_fine(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    # Both owed: the combined decisions (MQĐ12a-c) are offered too.
    assert measures_offered(lead, case_id) == MONEY | {"remedial"} | set(COMBINED)

    summary = step(lead, case_id, "coerce", code="remedial", on=d(0))
    assert summary.startswith("Quyết định cưỡng chế số 01/QĐ-CCXP")
    assert coercion_numbers_used(case_id) == ("coercing", ["remedial"], 1)
    data = printing.form_data(officer, case_id, "MQĐ11")[0]
    assert data.values["remedial_measures"] == MEASURE
    # Item 5 (the cost of a measure the State carried out) is not the fine.
    assert "amount" not in data.values


def test_remedial_measure_carried_out_is_not_coerced_again(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    step(officer, case_id, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    # The fine is still owed: only the money measures are left.
    assert measures_offered(lead, case_id) == MONEY
    before = coercion_numbers_used(case_id)
    assert "đã được thực hiện" in refused_measure(lead, case_id, "remedial")
    assert coercion_numbers_used(case_id) == before
    assert before[0] != "coercing" and before[1:] == ([], 0)


def test_fine_paid_leaves_only_the_remedial_measure(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    pay_everything(officer, case_id)
    assert measures_offered(lead, case_id) == {"remedial"}
    message = refused_measure(lead, case_id, "account")
    assert "đã nộp đủ" in message and "MQĐ11" in message
    step(lead, case_id, "coerce", code="remedial", on=d(0))
    assert coercion_numbers_used(case_id) == ("coercing", ["remedial"], 1)
