"""One submit shows every field's problem (user trial: errors came in rounds;
an invalid CCCD "0661900123ab" showed only once the other boxes were right,
a repeated coercion number "1/QĐ-CCXP" only on the second submit, once the
date had been put right). The forms are validated whole, the problems
collected, and only then refused; the messages are those of each check."""

from datetime import date

import pytest
from sqlmodel import select

from tests.services.conftest import case_form
from tests.services.test_procedure import (
    TODAY,
    case_row,
    d,
    lead,  # noqa: F401 (fixture)
    received_case,
    step,
)
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.models import Case
from xlvphc.services import cases
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure import decide_without_record

BAD_ID = "0661900123ab"
ID_MESSAGE = "Số định danh cá nhân gồm 12 chữ số"


def _refusal(fn, *args, **kwargs) -> dict:
    with pytest.raises(ValidationFailed) as caught:
        fn(*args, **kwargs)
    return caught.value.errors


def _case_count() -> int:
    with session_scope() as session:
        return len(session.exec(select(Case.id)).all())


def test_the_new_case_form_reports_the_cccd_with_the_other_problems(people):
    form = case_form(
        id_number=BAD_ID,
        violation_place="",
        maker_name="",
        act_ids="",
        birth_date="31/02/1990",
    )
    errors = _refusal(cases.create_case, people["canbo.a"], form)

    assert ID_MESSAGE in errors["id_number"]
    assert errors["violation_place"] == "Vui lòng nhập địa điểm vi phạm."
    assert errors["maker_name"] == "Vui lòng nhập họ tên người lập biên bản."
    assert errors["act_ids"] == "Vui lòng chọn ít nhất một hành vi vi phạm."
    assert "không phải ngày hợp lệ" in errors["birth_date"]
    assert _case_count() == 0


def test_the_on_the_spot_form_reports_the_violation_and_the_decision_at_once(
    people,
):
    """The violation and violator boxes and the decision's boxes, in one
    refusal: before, the decision's were read only once the rest was right."""
    form = spot_form(
        fine="600.000", id_number=BAD_ID, violation_place="", treasury=""
    )
    act_key = next(k for k in form if k.startswith("fine_"))
    form["payment_days"] = "5"

    errors = _refusal(decide_without_record, people["canbo.a"], form)

    assert ID_MESSAGE in errors["id_number"]
    assert errors["violation_place"] == "Vui lòng nhập địa điểm vi phạm."
    assert errors["treasury"] == "Vui lòng nhập nơi nộp tiền phạt."
    assert errors["payment_days"] == "Số ngày nộp phạt phải từ 10 đến 365."
    # 600.000 is in the act's frame (400.000–600.000) but above the Art. 56
    # ceiling: told in the same refusal (second trial: it came fourth).
    assert "500.000 đồng đối với cá nhân" in errors[act_key]
    assert _case_count() == 0


def test_the_on_the_spot_ceiling_is_told_without_a_decision_date(people):
    """No decision date yet: the violation's day says which ceiling applies,
    so an officer learns at once that the case needs a record."""
    form = spot_form(fine="600.000", decided_on="")
    act_key = next(k for k in form if k.startswith("fine_"))

    errors = _refusal(decide_without_record, people["canbo.a"], form)

    assert "decided_on" in errors
    assert "phải lập biên bản" in errors[act_key]
    assert _case_count() == 0


def test_the_on_the_spot_ceiling_is_told_with_the_violators_problems(people):
    form = spot_form(fine="600.000", id_number=BAD_ID)
    act_key = next(k for k in form if k.startswith("fine_"))

    errors = _refusal(decide_without_record, people["canbo.a"], form)

    assert set(errors) == {"id_number", act_key}
    assert "500.000 đồng đối với cá nhân" in errors[act_key]


def test_the_on_the_spot_fine_outside_its_frame_is_told_with_the_violator(
    people,
):
    form = spot_form(fine="50.000", name="")
    act_key = next(k for k in form if k.startswith("fine_"))

    errors = _refusal(decide_without_record, people["canbo.a"], form)

    assert errors["name"] == "Vui lòng nhập họ và tên."
    assert errors[act_key] == (
        "Mức phạt phải trong khung từ 400.000 đồng đến 600.000 đồng."
    )


@pytest.mark.parametrize(
    ("on", "date_message"),
    [
        pytest.param("", "Vui lòng nhập ngày quyết định cưỡng chế", id="no-date"),
        pytest.param("31/02/2025", "không phải ngày hợp lệ", id="no-such-date"),
        # Next year's series has no such number: it is looked up in this
        # year's, where the decision is being entered.
        pytest.param(
            date(TODAY.year + 1, 1, 15).strftime("%d/%m/%Y"),
            "không được sau ngày hôm nay",
            id="date-next-year",
        ),
    ],
)
def test_a_repeated_coercion_number_is_told_with_the_date(
    people,
    lead,  # noqa: F811
    on,
    date_message,
):
    officer = people["canbo.a"]
    first = received_case(officer, 40)
    second = received_case(officer, 40)
    step(lead, first, "coerce", code="account", on=d(0), document="1/QĐ-CCXP")
    before = case_row(second).status

    errors = _refusal(
        step, lead, second, "coerce", code="account", on=on, document="1/QĐ-CCXP"
    )

    assert date_message in errors["on"]
    assert errors["document"] == (
        "Số 1/QĐ-CCXP đã được dùng cho một quyết định cưỡng chế khác của đơn "
        f"vị trong năm {TODAY.year}."
    )
    assert case_row(second).status == before != "coercing"


def test_a_new_coercion_number_with_a_bad_date_is_only_the_dates_problem(
    people,
    lead,  # noqa: F811
):
    """A number not yet given is not refused because the date is wrong."""
    officer = people["canbo.a"]
    first = received_case(officer, 40)
    second = received_case(officer, 40)
    step(lead, first, "coerce", code="account", on=d(0), document="1/QĐ-CCXP")

    errors = _refusal(
        step, lead, second, "coerce", code="account", on="", document="2/QĐ-CCXP"
    )

    assert set(errors) == {"on"}
