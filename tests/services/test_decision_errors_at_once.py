"""The sanction decision (MQĐ02) reports every field's problem in one submit,
the decision date's included (errors came in rounds: the signer's authority
was judged only once the date was right). Without a usable date, only what
depends on it waits: the limitation, whether a delegation is in force, the
title's ceiling; they are never judged on a wrong day."""

from datetime import timedelta

import pytest

from tests.services.conftest import decision_form
from tests.services.test_procedure import TODAY, case_row, d, new_case, version
from xlvphc.models import Delegation
from xlvphc.services import cases
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed

RECORDED = 5  # days ago: a decision dated before that is refused
BAD_DATES = [
    pytest.param("", "Vui lòng nhập ngày ra quyết định", id="no-date"),
    pytest.param("31/02/2025", "không phải ngày hợp lệ", id="no-such-date"),
    pytest.param(
        (TODAY + timedelta(days=1)).strftime("%d/%m/%Y"),
        "không được sau ngày hôm nay",
        id="tomorrow",
    ),
    pytest.param(
        d(RECORDED + 3), "không thể trước ngày lập biên bản", id="before-the-record"
    ),
]
NOT_REGISTERED = (
    "Không có quyết định giao quyền số «77/QĐ-GQXP» của đơn vị trong sổ giao "
    "quyền (Điều 54 Luật XLVPHC; Điều 10 Nghị định 118/2021)."
)


def _refusal(actor, case_id: int, form: dict) -> dict:
    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(actor, case_id, form)
    return caught.value.errors


def _register(officer, number: str, head: str, days: int) -> None:
    """A delegation in the unit's register, in force from today for `days`
    days."""
    with session_scope() as session:
        session.add(
            Delegation(
                unit_id=officer.unit_id,
                created_by=officer.user_id,
                number=number,
                signed_on=TODAY,
                scope="sanction",
                head_title_code=head,
                deputy_name="Lê Văn Phó",
                deputy_title="Phó Chủ tịch",
                valid_from=TODAY,
                valid_to=TODAY + timedelta(days=days),
            )
        )


@pytest.mark.parametrize(("on", "date_message"), BAD_DATES)
def test_the_signers_problems_come_with_the_dates(people, on, date_message):
    officer = people["canbo.a"]
    case_id = new_case(officer, days_ago=RECORDED)
    form = decision_form(
        version=version(case_id),
        decided_on=on,
        signer_name="",
        signer_title="",
        signer_title_code="truong_cong_an_xa",  # a commune police's title
        treasury="",
        delegation="77/QĐ-GQXP",
    )

    errors = _refusal(officer, case_id, form)

    assert date_message in errors["decided_on"]
    assert errors["signer_name"] == "Vui lòng nhập họ tên người ký."
    assert "không phải chức danh của" in errors["signer_title_code"]
    assert errors["treasury"] == "Vui lòng nhập nơi nộp tiền phạt."
    # Not in the register at all: told whatever the date will be.
    assert errors["delegation"] == NOT_REGISTERED
    assert case_row(case_id).status == "recorded"


def test_a_delegation_of_another_body_is_told_without_a_date(people):
    """No sanctioning title chosen: the delegating head's title is the
    signer's, and it is not one of the unit's (registered before titles were
    tied to the unit)."""
    officer = people["canbo.a"]
    _register(officer, "9/QĐ-GQXP", "giam_doc_so", 30)
    case_id = new_case(officer)
    form = decision_form(
        version=version(case_id), decided_on="", delegation="9/QĐ-GQXP"
    )

    errors = _refusal(officer, case_id, form)

    assert set(errors) == {"decided_on", "delegation"}
    assert "không phải chức danh" in errors["delegation"]


@pytest.mark.parametrize(("on", "date_message"), BAD_DATES)
def test_a_registered_delegation_waits_for_a_usable_date(people, on, date_message):
    """A delegation in force today but not on a wrong date is not refused for
    that date; once the date is right the decision is made: one correction,
    the date's."""
    officer = people["canbo.a"]
    _register(officer, "8/QĐ-GQXP", "chu_tich_ubnd_xa", 0)
    case_id = new_case(officer, days_ago=RECORDED)
    form = decision_form(
        version=version(case_id), decided_on=on, delegation="8/QĐ-GQXP"
    )

    errors = _refusal(officer, case_id, form)

    assert set(errors) == {"decided_on"} and date_message in errors["decided_on"]
    cases.issue_decision(officer, case_id, {**form, "decided_on": d(0)})
    assert case_row(case_id).status == "decided"
