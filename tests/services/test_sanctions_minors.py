"""The data behind the report's last "no data" columns: additional sanctions
ticked on the decision (Law Art. 21; report items licences deprived and
activities suspended, NĐ 118/2021 Art. 35 k2 c) and minors reminded instead
of a warning (NĐ 118/2021 Art. 25 k2, 26; Art. 35 k2 d)."""

from datetime import timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import actor_for, decision_form, make_user
from tests.services.test_procedure import (
    FAMILY_SMALL,
    TODAY,
    TRAFFIC,
    case_row,
    d,
    new_case,
    step,
    version,
)
from xlvphc.models import Decision
from xlvphc.services import cases, dashboard
from xlvphc.services.access import Role
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.procedure import allowed_steps
from xlvphc.services.reports.queries import build_report

DISORDER = (8, 1, "a", "282/2025/NĐ-CP")  # "có thể phạt cảnh cáo"
THIS_YEAR = {"period": "year"}


@pytest.fixture
def lead(people):
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


def _decision(case_id: int) -> Decision:
    from xlvphc.services.db import session_scope

    with session_scope() as session:
        return session.exec(select(Decision).where(Decision.case_id == case_id)).one()


def _values(actor, unit_id: int) -> dict:
    report = build_report(actor, THIS_YEAR)
    return next(r.values for r in report.provincial if r.unit_id == unit_id)


def test_ticked_sanctions_are_stored_printed_and_counted(people):
    a, sup = people["canbo.a"], people["giamsat"]
    licence = new_case(a, FAMILY_SMALL)
    cases.issue_decision(a, licence, decision_form(
        version=version(licence), sanction_licence="1", sanction_confiscation="on"))
    suspended = new_case(a, FAMILY_SMALL)
    cases.issue_decision(a, suspended, decision_form(
        version=version(suspended), sanction_suspension="1",
        additional_sanctions="Đình chỉ hoạt động kinh doanh 03 tháng"))
    plain = new_case(a, FAMILY_SMALL)
    cases.issue_decision(a, plain, decision_form(
        version=version(plain), sanction_licence="0"))

    first = _decision(licence)
    assert (first.sanction_licence, first.sanction_confiscation,
            first.sanction_suspension) == (True, True, False)
    # Nothing typed: the decision prints the ticked sanctions.
    assert first.additional_sanctions.startswith("Tước quyền sử dụng giấy phép")
    assert "Tịch thu tang vật" in first.additional_sanctions
    second = _decision(suspended)
    assert second.sanction_suspension and not second.sanction_licence
    assert second.additional_sanctions == "Đình chỉ hoạt động kinh doanh 03 tháng"
    third = _decision(plain)
    assert not (third.sanction_licence or third.additional_sanctions)

    # Hand count for this year: 3 decisions, 2 with an additional sanction,
    # 1 licence deprived, 1 activity suspended.
    values = _values(sup, a.unit_id)
    assert (values["3.1"], values["2.3"], values["3.2"], values["3.3"]) == (
        3, 2, 1, 1)


def test_expulsion_only_for_a_foreigner(people):
    a = people["canbo.a"]
    citizen = new_case(a, FAMILY_SMALL)
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(a, citizen, decision_form(
            version=version(citizen), sanction_expulsion="1"))
    assert "người nước ngoài" in refused.value.errors["sanction_expulsion"]
    foreigner = new_case(a, FAMILY_SMALL, nationality="Lào",
                         id_number="", name="Souk Vongsa")
    cases.issue_decision(a, foreigner, decision_form(
        version=version(foreigner), sanction_expulsion="1"))
    assert _decision(foreigner).sanction_expulsion


def _minor_case(actor, act, age: int) -> int:
    birth = TODAY.replace(year=TODAY.year - age) - timedelta(days=3)
    return new_case(actor, act, birth_date=birth.strftime("%d/%m/%Y"))


def test_a_minor_is_reminded_instead_of_a_warning(people, lead):
    a, sup = people["canbo.a"], people["giamsat"]
    case_id = _minor_case(a, TRAFFIC, 15)  # Art. 26 k2 a: any act at 14-16
    assert "remind_minor" not in {s["code"] for s in allowed_steps(a, case_id)}
    assert "remind_minor" in {s["code"] for s in allowed_steps(lead, case_id)}
    with pytest.raises(ValidationFailed) as refused:
        step(lead, case_id, "remind_minor", on=d(0))
    assert "admitted" in refused.value.errors

    summary = step(lead, case_id, "remind_minor", on=d(0), admitted="yes",
                   note="Có mẹ cháu chứng kiến")
    assert "Nhắc nhở người chưa thành niên" in summary
    case = case_row(case_id)
    assert (case.status, case.close_reason, case.closed_on) == (
        "closed", "reminded", TODAY)
    assert _values(sup, a.unit_id)["5.3"] == 1
    # Counted as a case detected, not as a decision.
    view = dashboard.summary(sup, THIS_YEAR)
    assert (view["cases"], view["decided"]) == (1, 0)


@pytest.mark.parametrize(
    ("act", "age", "offered"),
    [
        pytest.param(TRAFFIC, 16, False, id="Art26-k2b-16-fine-only-act"),
        pytest.param(DISORDER, 17, True, id="Art26-k2b-17-warning-act"),
        pytest.param(DISORDER, 19, False, id="Art26-adult"),
        pytest.param(DISORDER, 13, False, id="Art26-under-14"),
    ],
)
def test_the_reminder_follows_age_and_act(people, lead, act, age, offered):
    case_id = _minor_case(people["canbo.a"], act, age)
    codes = {s["code"] for s in allowed_steps(lead, case_id)}
    assert ("remind_minor" in codes) is offered
    if not offered:
        with pytest.raises(Conflict):
            step(lead, case_id, "remind_minor", on=d(0), admitted="yes")
