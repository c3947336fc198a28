"""Sanction decisions on minors (Luật XLVPHC Điều 5 k1 điểm a, Điều 134;
wording not in ../shared/legal, see domain/minors.py), through both doors:
the MQĐ02 decision on a record and the MQĐ01 decision on the spot. Each
test names the article it checks."""

from datetime import timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlmodel import select

from tests.services.conftest import decision_form
from tests.services.test_procedure import (
    FAMILY_SMALL,
    TODAY,
    case_row,
    d,
    new_case,
    step,
    version,
)
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.models import Case, CaseEvent
from xlvphc.services import case_queries, cases, printing
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.procedure import allowed_steps, decide_without_record


def born(age: int, days_ago: int = 0) -> str:
    """A birthday making the violator `age` on the day `days_ago` days ago."""
    day = TODAY - timedelta(days=days_ago)
    return (day.replace(year=day.year - age) - timedelta(days=3)).strftime("%d/%m/%Y")


def minor_case(officer, age: int, days_ago: int = 1) -> int:
    return new_case(officer, FAMILY_SMALL, days_ago, birth_date=born(age, days_ago))


def decide(officer, case_id: int, days_ago: int = 1, **form) -> str:
    return cases.issue_decision(
        officer,
        case_id,
        decision_form(decided_on=d(days_ago), version=version(case_id), **form),
    )


def timeline(case_id: int) -> list[str]:
    with session_scope() as session:
        return list(
            session.exec(
                select(CaseEvent.summary)
                .where(CaseEvent.case_id == case_id)
                .order_by(CaseEvent.id)
            )
        )


# ------------------------------------------------------------ under 14


def test_art5_six_year_old_gets_no_decision_and_closes_without_one(people):
    """Art. 5 k1 a: the tester's case, born 01/01/2020, violating 01/12/2026
    (3 days ago): no decision is accepted; the case closes without one."""
    officer = people["canbo.a"]
    violated = TODAY - timedelta(days=3)
    case_id = new_case(
        officer,
        FAMILY_SMALL,
        (TODAY - violated).days,
        birth_date=(violated.replace(year=violated.year - 6)).strftime("%d/%m/%Y"),
    )
    shown = case_queries.get_case(officer, case_id)
    assert "chưa đủ 14 tuổi" in shown["minor_warning"]
    before = version(case_id)
    with pytest.raises(Conflict) as refused:
        decide(officer, case_id, days_ago=0)
    assert "không ra quyết định xử phạt" in refused.value.message
    case = case_row(case_id)
    assert (case.status, case.decision_number, case.version) == (
        "recorded",
        "",
        before,
    )

    # Art. 65: closing without a decision is offered at once, not only
    # after the deadline for a decision has passed.
    assert "close_no_decision" in {s["code"] for s in allowed_steps(officer, case_id)}
    step(
        officer,
        case_id,
        "close_no_decision",
        on=d(0),
        note="Người vi phạm chưa đủ 14 tuổi",
    )
    case = case_row(case_id)
    assert (case.status, case.close_reason) == ("closed", "no_decision")


def test_art5_adult_case_still_waits_for_the_decision_deadline(people):
    """Art. 66: an adult's case is not closed without a decision early."""
    officer = people["canbo.a"]
    case_id = minor_case(officer, 30)
    assert "close_no_decision" not in {
        s["code"] for s in allowed_steps(officer, case_id)
    }


def test_art5_under_14_on_the_spot_is_refused_and_nothing_created(people):
    """Art. 5 k1 a with MQĐ01: refused at the date of birth."""
    officer = people["canbo.a"]
    with session_scope() as session:
        count = len(session.exec(select(Case.id)).all())
    with pytest.raises(ValidationFailed) as refused:
        decide_without_record(officer, spot_form(birth_date=born(13)))
    assert "chưa đủ 14 tuổi" in refused.value.errors["birth_date"]
    with session_scope() as session:
        assert len(session.exec(select(Case.id)).all()) == count


# -------------------------------------------------------- 14 to under 16


def test_art134_14_to_16_is_never_fined(people):
    """Art. 134: from 14 to under 16 only a warning."""
    officer = people["canbo.a"]
    case_id = minor_case(officer, 15)
    shown = case_queries.get_case(officer, case_id)
    assert shown["acts"][0]["frame"] == "Cảnh cáo"
    assert shown["acts"][0]["default_fine"] == ""
    key = f"fine_{shown['acts'][0]['id']}"
    with pytest.raises(ValidationFailed) as refused:
        decide(officer, case_id, intent_confirmed="1", **{key: "1.000.000"})
    assert "không bị phạt tiền" in refused.value.errors[key]
    assert case_row(case_id).status == "recorded"


def test_art5_14_to_16_needs_the_intent_confirmed_and_records_it(people):
    """Art. 5 k1 a: sanctioned only for an intentional violation; the
    signer's confirmation is on the timeline; the decision is a warning."""
    officer = people["canbo.a"]
    case_id = minor_case(officer, 14)
    with pytest.raises(ValidationFailed) as refused:
        decide(officer, case_id)
    assert "cố ý" in refused.value.errors["intent_confirmed"]

    decide(officer, case_id, intent_confirmed="1")
    case = case_row(case_id)
    assert (case.status, case.fine_total) == ("decided", 0)
    assert "xác nhận vi phạm do cố ý" in timeline(case_id)[-1]

    # The decision prints as the warning it is (user trial: "Phạt tiền 0 đồng").
    _name, pdf = printing.print_form(officer, case_id, "MQĐ02")
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages
    )
    assert "Hình thức xử phạt chính: Cảnh cáo." in text
    assert "Phạt tiền 0" not in text and "0 đồng" not in text


def test_art5_art134_14_to_16_on_the_spot(people):
    """MQĐ01: the same two rules on the spot."""
    officer = people["canbo.a"]
    with pytest.raises(ValidationFailed) as refused:
        decide_without_record(officer, spot_form(birth_date=born(15), fine="400.000"))
    errors = refused.value.errors
    assert "intent_confirmed" in errors
    assert any("không bị phạt tiền" in v for v in errors.values())
    case_id = decide_without_record(
        officer, spot_form(birth_date=born(15), intent_confirmed="1")
    )
    assert case_row(case_id).fine_total == 0
    assert "cố ý" in timeline(case_id)[-1]


# -------------------------------------------------------- 16 to under 18


@pytest.mark.parametrize(
    ("fine", "ok"),
    [
        pytest.param(None, True, id="Art134-default-is-average-of-half-frame"),
        pytest.param("2.500.000", True, id="Art134-half-of-adult-maximum"),
        pytest.param("1.000.000", True, id="Art134-half-of-adult-minimum"),
        pytest.param("2.500.001", False, id="Art134-above-half-maximum"),
        pytest.param("3.500.000", False, id="Art134-adult-average-refused"),
        pytest.param("999.999", False, id="Art134-below-half-minimum"),
    ],
)
def test_art134_16_to_18_fined_at_most_half(people, fine, ok):
    """Art. 134: FAMILY_SMALL is 2.000.000–5.000.000 for an adult, so
    1.000.000–2.500.000 for a 17-year-old, 1.750.000 by default."""
    officer = people["canbo.a"]
    case_id = minor_case(officer, 17)
    shown = case_queries.get_case(officer, case_id)
    assert shown["acts"][0]["frame"] == "Từ 1.000.000 đồng đến 2.500.000 đồng"
    assert shown["acts"][0]["default_fine"] == "1.750.000"
    assert "1/2" in shown["minor_warning"]
    key = f"fine_{shown['acts'][0]['id']}"
    form = {key: fine} if fine else {}
    if not ok:
        with pytest.raises(ValidationFailed) as refused:
            decide(officer, case_id, **form)
        assert "1/2" in refused.value.errors[key]
        return
    decide(officer, case_id, **form)
    expected = 1_750_000 if fine is None else int(fine.replace(".", ""))
    assert case_row(case_id).fine_total == expected
    assert "1/2 mức phạt" in timeline(case_id)[-1]


def test_art134_16_to_18_on_the_spot_uses_half_the_frame(people):
    """MQĐ01: the traffic act is 400.000–600.000 for an adult."""
    officer = people["canbo.a"]
    with pytest.raises(ValidationFailed):
        decide_without_record(officer, spot_form(birth_date=born(16), fine="400.000"))
    case_id = decide_without_record(officer, spot_form(birth_date=born(16)))
    assert case_row(case_id).fine_total == 250_000


def test_art134_adult_and_organisation_keep_the_whole_frame(people):
    """Art. 134 concerns individuals under 18 only."""
    officer = people["canbo.a"]
    case_id = minor_case(officer, 18)
    shown = case_queries.get_case(officer, case_id)
    assert shown["minor_warning"] == ""
    assert shown["acts"][0]["default_fine"] == "3.500.000"
