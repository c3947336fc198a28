"""Postponement (Law Art. 76) and instalments (Art. 79) on a case: the
hardship and the certified application, the manual check when the fine or
the period falls outside the known (unverified) figures, recorded on the
timeline; the suggested plan; the deadline after a plan or a postponement;
the limitation alerts of the case page; the signer suggested on MQĐ02."""

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import (
    actor_for,
    case_form,
    catalogue_id,
    decision_form,
    make_user,
)
from tests.services.test_procedure import (  # noqa: F401  (lead: fixture)
    FAMILY_SMALL,
    TODAY,
    TRAFFIC,
    case_row,
    d,
    decided_case,
    lead,
    new_case,
    received_case,
    step,
    version,
)
from xlvphc.domain.calendar import add_months
from xlvphc.models import CaseAct, CaseEvent, ProcedureStep
from xlvphc.models.form_details import StepDetail
from xlvphc.services import accounts, cases
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, PermissionDenied, ValidationFailed
from xlvphc.services.procedure import allowed_steps, case_procedure

LAND = (17, 3, "c", "123/2024/NĐ-CP")  # 30.000.000–50.000.000 đồng
APPLICATION = {"hardship": "1", "certifier": "UBND phường Tuy Hòa"}


def plan(first: int = 10, second: int = 60, **extra) -> dict:
    """A valid two-instalment plan of the 3.500.000 đồng fine (40 % first)."""
    return {
        "on": d(0),
        "document": "1/QĐ-NPNL",
        "amount_1": "1.400.000",
        "due_1": d(-first),
        "amount_2": "2.100.000",
        "due_2": d(-second),
        **extra,
    }


def offered(actor, case_id: int, code: str) -> dict:
    row = next(s for s in allowed_steps(actor, case_id) if s["code"] == code)
    return {f["name"]: f for f in row["fields"]}


def events(case_id: int) -> list[str]:
    with session_scope() as session:
        rows = session.exec(
            select(CaseEvent.summary).where(CaseEvent.case_id == case_id)
        ).all()
    return list(rows)


def details(case_id: int, code: str) -> dict:
    with session_scope() as session:
        row = session.exec(
            select(StepDetail)
            .join(ProcedureStep, ProcedureStep.id == StepDetail.step_id)
            .where(ProcedureStep.case_id == case_id, ProcedureStep.step == code)
        ).one()
        return json.loads(row.data)


def refused(actor, case_id: int, code: str, data: dict) -> dict:
    before = version(case_id)
    with pytest.raises(ValidationFailed) as caught:
        step(actor, case_id, code, **data)
    assert version(case_id) == before  # nothing written
    return caught.value.errors


# ------------------------------------------------------------ instalments


def test_instalments_under_the_floor_need_the_manual_check(people):
    """Art. 79 k1 (Law 67/2020, unverified here): a 3.500.000 đ fine is under
    50.000.000 đ, so the plan is refused until the signer confirms a check;
    the confirmation is on the timeline and in the step's details."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    fields = offered(officer, case_id, "instalments")
    assert fields["conditions_checked"]["kind"] == "checkbox"
    # The hint speaks to the officer: the floor and the article it comes from.
    assert fields["conditions_checked"]["hint"] == (
        "Cần đánh dấu: mức phạt dưới 50.000.000 đồng, mức tối thiểu theo khoản 1 "
        "Điều 79 Luật Xử lý vi phạm hành chính (sửa đổi, bổ sung năm 2020). Đối "
        "chiếu văn bản hiện hành trước khi đánh dấu."
    )
    assert "50.000.000" in fields["conditions_checked"]["hint"]

    errors = refused(officer, case_id, "instalments", plan(**APPLICATION))
    assert list(errors) == ["conditions_checked"]
    assert "Điều 79" in errors["conditions_checked"]
    assert (
        "Tôi đã kiểm tra điều kiện nộp tiền phạt nhiều lần"
        in errors["conditions_checked"]
    )

    step(
        officer,
        case_id,
        "instalments",
        **plan(**APPLICATION, conditions_checked="1", application_on=d(1)),
    )
    text = events(case_id)[-1]
    assert "xác nhận đã kiểm tra điều kiện Điều 79" in text
    # The case page showed "(…năm 2020)))": no bracket closes twice over.
    assert ")))" not in text and text.count("(") == text.count(")")
    assert "theo văn bản hiện hành: mức phạt 3.500.000 đồng thấp hơn" in text
    assert "được UBND phường Tuy Hòa xác nhận" in text
    kept = details(case_id, "instalments")
    assert kept["certifier"] == "UBND phường Tuy Hòa"
    assert kept["application_date"] == d(1)
    assert "50.000.000" in kept["conditions_checked"]


def test_every_instalment_refusal_in_one_submit_whatever_the_box(people):
    """Art. 79 k1 and MQĐ05: with the manual-check box unticked the plan's
    own rules (first ≥ 40 %, total = the fine) are reported in the same
    submit, each at its instalment, beside the box's refusal (user trial:
    the signer learned of them only after ticking the box)."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    data = plan(**APPLICATION, amount_1="100.000", amount_2="100.000")
    errors = refused(officer, case_id, "instalments", data)
    assert set(errors) == {"conditions_checked", "amount_1", "amount_2"}
    assert "40%" in errors["amount_1"]
    assert "phải bằng số tiền phạt (3.500.000 đồng)" in errors["amount_2"]
    ticked = refused(
        officer, case_id, "instalments", {**data, "conditions_checked": "1"}
    )
    assert set(ticked) == {"amount_1", "amount_2"}


def test_instalments_need_the_hardship_and_the_certifier(people):
    """Art. 79 k1: hardship and a certified application; MQĐ05 cites both."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    errors = refused(officer, case_id, "instalments", plan(conditions_checked="1"))
    assert set(errors) == {"hardship", "certifier"}
    assert "khoản 1 Điều 79" in errors["hardship"]


def test_application_after_the_decision_is_refused(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=3)
    data = plan(**APPLICATION, conditions_checked="1", on=d(2), application_on=d(1))
    errors = refused(officer, case_id, "instalments", data)
    assert list(errors) == ["application_on"]


def _land_case(actor, fine: str) -> int:
    case_id = cases.create_case(actor, case_form(act_ids=str(catalogue_id(*LAND))))
    with session_scope() as session:
        act_id = session.exec(
            select(CaseAct.id).where(CaseAct.case_id == case_id)
        ).one()
    cases.issue_decision(
        actor,
        case_id,
        decision_form(version=version(case_id), **{f"fine_{act_id}": fine}),
    )
    return case_id


def test_fine_exactly_at_the_floor_needs_no_manual_check(people):
    """Art. 79 k1: "từ 50.000.000 đồng trở lên" — the boundary is allowed."""
    officer = people["canbo.a"]
    case_id = _land_case(officer, "50.000.000")
    fields = offered(officer, case_id, "instalments")
    assert "conditions_checked" not in fields
    step(
        officer,
        case_id,
        "instalments",
        on=d(0),
        document="2/QĐ-NPNL",
        amount_1=fields["amount_1"]["default"],
        due_1=fields["due_1"]["default"],
        amount_2=fields["amount_2"]["default"],
        due_2=fields["due_2"]["default"],
        amount_3=fields["amount_3"]["default"],
        due_3=fields["due_3"]["default"],
        **APPLICATION,
    )
    assert "Điều 79 (" not in events(case_id)[-1]
    assert case_row(case_id).status == "executing"


def test_suggested_plan_spreads_over_the_six_months(people):
    """MQĐ05 note 8: ≤ 06 months from the decision; 40/30/30 suggested."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=0)
    fields = offered(officer, case_id, "instalments")
    last = add_months(TODAY, 6)
    assert [fields[f"amount_{n}"]["default"] for n in (1, 2, 3)] == [
        "1.400.000",
        "1.050.000",
        "1.050.000",
    ]
    assert fields["due_3"]["default"] == last.strftime("%d/%m/%Y")
    assert fields["due_1"]["default"] != fields["on"]["default"]  # not today
    assert fields["application_on"]["default"] == ""


def test_plan_faults_are_shown_at_their_instalment(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    late = (add_months(TODAY - timedelta(days=1), 6) + timedelta(days=1)).strftime(
        "%d/%m/%Y"
    )
    data = plan(**APPLICATION, conditions_checked="1", due_2=late)
    errors = refused(officer, case_id, "instalments", data)
    assert list(errors) == ["due_2"] and "06 tháng" in errors["due_2"]


def test_receipt_after_a_plan_keeps_the_next_instalment(people):
    """Art. 79: with a plan the next instalment is the deadline, even when
    the decision is received after the plan and before any payment; the
    case page and the "Việc cần làm" columns agree."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    step(
        officer,
        case_id,
        "instalments",
        **plan(**APPLICATION, conditions_checked="1"),
    )
    step(officer, case_id, "receipt", on=d(0))
    first = TODAY + timedelta(days=10)
    case = case_row(case_id)
    assert (case.compliance_due, case.instalment_due) == (first, first)
    assert case.payment_due is None
    summary = {
        r["label"]: r["value"] for r in case_procedure(officer, case_id)["summary"]
    }
    assert summary["Hạn chấp hành"].startswith(first.strftime("%d/%m/%Y"))
    assert "lần 1" in summary["Hạn chấp hành"]
    step(officer, case_id, "payment", on=d(0), amount="1.400.000")
    summary = {
        r["label"]: r["value"] for r in case_procedure(officer, case_id)["summary"]
    }
    second = TODAY + timedelta(days=60)
    assert summary["Hạn chấp hành"].startswith(second.strftime("%d/%m/%Y"))
    assert case_row(case_id).instalment_due == second


# ----------------------------------------------------------- postponement


def test_postponement_under_the_floor_needs_the_manual_check(people):
    """Art. 76 k1 (2.000.000 đ, secondary source): a 500.000 đ fine."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, TRAFFIC, 1)
    data = {
        "on": d(0),
        "until": d(-30),
        "document": "1/QĐ-HQĐPT",
        **APPLICATION,
    }
    errors = refused(officer, case_id, "postpone", data)
    assert list(errors) == ["conditions_checked"]
    assert "2.000.000" in errors["conditions_checked"]
    assert "mức phạt được hoãn" in errors["conditions_checked"]  # names its box
    step(officer, case_id, "postpone", **data, conditions_checked="1")
    assert case_row(case_id).status == "postponed"
    text = events(case_id)[-1]
    assert "xác nhận đã kiểm tra theo văn bản hiện hành điều kiện Điều 76" in text
    assert "về mức phạt: Mức phạt 500.000 đồng thấp hơn mức 2.000.000" in text
    assert "thời gian hoãn" not in text  # 30 days: no period was waived


def test_postponement_beyond_three_months_needs_the_manual_check(people):
    """Art. 76 (2012 wording, unchecked against 2020): 03 months; one day
    more is refused at the field unless the signer confirms a check."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 1)
    until = add_months(TODAY, 3) + timedelta(days=1)
    data = {
        "on": d(0),
        "until": until.strftime("%d/%m/%Y"),
        "document": "1/QĐ-HQĐPT",
        **APPLICATION,
    }
    errors = refused(officer, case_id, "postpone", data)
    assert list(errors) == ["until"]
    assert "03 tháng" in errors["until"]
    assert "«Tôi đã kiểm tra thời gian hoãn dài hơn 03 tháng" in errors["until"]
    step(officer, case_id, "postpone", **data, period_checked="1")
    case = case_row(case_id)
    assert (case.compliance_due, case.postponed_until) == (until, until)
    assert "về thời gian hoãn: Thời gian hoãn quá 03 tháng" in events(case_id)[-1]
    assert "03 tháng" in details(case_id, "postpone")["conditions_checked"]


def test_the_fine_box_does_not_waive_the_period(people):
    """Art. 76: a 500.000 đồng fine (under the 2.000.000 đồng floor) and an
    end past 03 months are two unverified rules, each with its own box: the
    fine's box alone leaves the period refused, naming the period's box;
    the timeline names both rules the signer confirmed (user trial)."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, TRAFFIC, 1)
    fields = offered(officer, case_id, "postpone")
    assert "mức phạt" in fields["conditions_checked"]["label"]
    assert "2.000.000" in fields["conditions_checked"]["hint"]
    assert "03 tháng" in fields["period_checked"]["label"]
    assert "03 tháng" in fields["period_checked"]["hint"]
    until = add_months(TODAY, 3) + timedelta(days=1)
    data = {
        "on": d(0),
        "until": until.strftime("%d/%m/%Y"),
        "document": "1/QĐ-HQĐPT",
        **APPLICATION,
    }
    errors = refused(officer, case_id, "postpone", data)
    assert set(errors) == {"conditions_checked", "until"}
    errors = refused(officer, case_id, "postpone", {**data, "conditions_checked": "1"})
    assert list(errors) == ["until"]
    assert "Tôi đã kiểm tra thời gian hoãn" in errors["until"]
    errors = refused(officer, case_id, "postpone", {**data, "period_checked": "1"})
    assert list(errors) == ["conditions_checked"]

    step(
        officer, case_id, "postpone", **data, conditions_checked="1", period_checked="1"
    )
    text = events(case_id)[-1]
    assert "về mức phạt: Mức phạt 500.000 đồng" in text
    assert "; về thời gian hoãn: Thời gian hoãn quá 03 tháng" in text


def test_no_fine_box_for_a_fine_at_the_floor(people):
    """A fine of 3.500.000 đồng is above the 2.000.000 đồng floor: only the
    period's box is offered, and ticking it for a short postponement
    records nothing as waived."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 1)
    fields = offered(officer, case_id, "postpone")
    assert "conditions_checked" not in fields and "period_checked" in fields
    data = {"on": d(0), "until": d(-30), "document": "1/QĐ-HQĐPT", **APPLICATION}
    step(officer, case_id, "postpone", **data, period_checked="1")
    assert "Điều 76 về" not in events(case_id)[-1]


def test_postponement_form_leaves_the_end_empty_with_a_hint(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    fields = offered(officer, case_id, "postpone")
    assert fields["until"]["default"] == ""
    assert add_months(TODAY, 3).strftime("%d/%m/%Y") in fields["until"]["hint"]
    # The 2012 period is named as such, not as the law applied today.
    assert (
        "chưa đối chiếu được với bản sửa đổi, bổ sung năm 2020"
        in (fields["until"]["hint"])
    )
    assert fields["on"]["default"] == TODAY.strftime("%d/%m/%Y")
    assert fields["hardship"]["required"] is True
    errors = refused(
        officer,
        case_id,
        "postpone",
        {"on": d(0), "until": "", "document": "1", **APPLICATION},
    )
    assert errors == {"until": "Vui lòng nhập ngày hết hoãn (ngày/tháng/năm)."}


def test_postponement_end_before_its_decision_cannot_be_confirmed(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    data = {
        "on": d(0),
        "until": d(0),
        "document": "1",
        "conditions_checked": "1",
        **APPLICATION,
    }
    assert "phải sau" in refused(officer, case_id, "postpone", data)["until"]


def test_receipt_after_a_postponement_keeps_its_end(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    until = TODAY + timedelta(days=40)
    step(
        officer,
        case_id,
        "postpone",
        on=d(0),
        until=until.strftime("%d/%m/%Y"),
        document="1/QĐ-HQĐPT",
        **APPLICATION,
    )
    step(officer, case_id, "receipt", on=d(0))
    case = case_row(case_id)
    assert (case.compliance_due, case.postponed_until) == (until, until)


# ------------------------------------------------------------- limitation


def test_alert_when_the_sanctioning_limitation_has_run_out(people):
    """Art. 6, 65: no decision any more; what is left is said."""
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC, 400)
    alerts = case_procedure(officer, case_id)["alerts"]
    assert [a["title"] for a in alerts] == ["Đã hết thời hiệu xử phạt"]
    assert "Kết thúc: không ra quyết định xử phạt" in alerts[0]["text"]
    assert case_procedure(officer, new_case(officer, TRAFFIC, 1))["alerts"] == []


def test_alert_and_no_fine_coercion_after_the_execution_limitation(people, lead):  # noqa: F811
    """Art. 74: 01 year from the decision; the fine is no longer coerced, and
    the alert points to closing for the expired limitation."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 370)
    cases.issue_decision(
        officer, case_id, decision_form(decided_on=d(368), version=version(case_id))
    )
    step(officer, case_id, "receipt", on=d(368))
    alerts = case_procedure(officer, case_id)["alerts"]
    assert [a["title"] for a in alerts] == [
        "Đã hết thời hiệu thi hành quyết định xử phạt"
    ]
    assert "Kết thúc: hết thời hiệu thi hành" in alerts[0]["text"]
    # The step is not offered, and refused whatever a browser sends
    # (test_coercion_limitation).
    assert "coerce" not in {s["code"] for s in allowed_steps(lead, case_id)}
    before = version(case_id)
    with pytest.raises(Conflict) as caught:
        step(lead, case_id, "coerce", code="account", on=d(0), document="1")
    assert "Điều 74" in caught.value.message
    assert version(case_id) == before
    step(officer, case_id, "close_limitation", on=d(0))
    assert case_procedure(officer, case_id)["alerts"] == []


# ------------------------------------------------------------------ signer


def test_signer_suggested_from_a_signer_account_only(people):
    """MQĐ02 prefill: an authority account's name, title and signer title;
    an officer without a signer title gets no suggestion."""
    user_id = make_user("chutich.b", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    from xlvphc.models import User

    with session_scope() as session:
        user = session.get(User, user_id)
        user.signer_title = "chu_tich_ubnd_xa"
        session.add(user)
    assert accounts.signer_defaults(actor_for("chutich.b")) == {
        "name": "Cán bộ chutich.b",
        "title": "Chủ tịch UBND",
        "code": "chu_tich_ubnd_xa",
    }
    assert accounts.signer_defaults(people["canbo.a"]) == {
        "name": "",
        "title": "",
        "code": "",
    }
    with pytest.raises(PermissionDenied):
        accounts.signer_defaults(people["quantri"])


def test_a_mistyped_date_hides_no_other_plan_fault(people):
    """User trial: a 31/02 in the second due date hid four faults the first
    submit already showed (first under 40 %, a due date before the decision,
    the sum, over 06 months); all come in one submit, each at its field."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    late = add_months(TODAY - timedelta(days=1), 6) + timedelta(days=1)
    data = plan(
        **APPLICATION,
        conditions_checked="1",
        amount_1="1.000.000",
        due_1=d(5),  # before the decision (taken yesterday)
        amount_2="1.000.000",
        due_2="31/02/2027",
        amount_3="1.000.000",
        due_3=late.strftime("%d/%m/%Y"),
    )
    errors = refused(officer, case_id, "instalments", data)
    assert set(errors) == {"amount_1", "due_1", "due_2", "amount_3", "due_3"}
    assert "40%" in errors["amount_1"]
    assert "không trước ngày quyết định" in errors["due_1"]
    assert "không phải ngày hợp lệ" in errors["due_2"]
    assert "(3.000.000 đồng) phải bằng số tiền phạt" in errors["amount_3"]
    assert "06 tháng" in errors["due_3"]


def test_a_mistyped_amount_keeps_the_first_instalment_check(people):
    """The 40 % rule reads only the first amount: judged though the second is
    mistyped; the sum waits for it, and no fault lands on the mistyped one
    beyond its own."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    data = plan(**APPLICATION, conditions_checked="1", amount_1="100.000")
    errors = refused(officer, case_id, "instalments", {**data, "amount_2": "abc"})
    assert set(errors) == {"amount_1", "amount_2"}
    assert "40%" in errors["amount_1"]
    assert "phải bằng" not in errors["amount_2"]
    assert "số tiền hợp lệ" in errors["amount_2"]
