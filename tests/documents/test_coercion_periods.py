"""What the coercion step records prints where the form has it (user trial):
the period "Thời gian thực hiện (ngày)" prints with the remedial measure it
belongs to (MQĐ11 item 4 a), not under the empty item 4 b)), and in MQĐ09
and MQĐ10 at their item on the period, in "ngày" (the step records days),
never "ngày/tháng". A deduction from salary (MQĐ07) names the employer and
what it deducts from, both required, and prints that choice made.

Steps are taken through the services, the forms printed through the
printing service and read back with pypdf; the pages are kept as PNGs in
test-artifacts/ for a human look."""

import pytest
from form_samples import AGENCY
from pdf_probe import all_text
from test_form_details import d, new_case, step, text_of, version

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    decision_form,
    make_user,
    people,
    ref,
)
from xlvphc.documents.data import FormData
from xlvphc.documents.registry import render
from xlvphc.services import cases
from xlvphc.services.access import Role
from xlvphc.services.errors import ValidationFailed

MEASURE = "Buộc tháo dỡ phần công trình xây dựng không phép"
FROM_RECEIPT = "kể từ ngày nhận được Quyết định này"


@pytest.fixture
def lead(people):  # noqa: F811 - fixture from the services conftest
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


def overdue(actor, **decision: str) -> int:
    """Decided and received 20 days ago: coercion may be decided."""
    case_id = new_case(actor, days_ago=20)
    cases.issue_decision(
        actor,
        case_id,
        decision_form(decided_on=d(20), version=version(case_id), **decision),
    )
    step(actor, case_id, "receipt", on=d(20))
    return case_id


def _item_4(text: str) -> tuple[str, str]:
    """MQĐ11's item 4 a) and b), as printed."""
    item = text.split("4. Biện pháp khắc phục hậu quả phải thực hiện")[1]
    item = item.split("5. ")[0]
    first, second = item.split("b) Biện pháp:")
    return first, second


def test_mqd11_prints_the_period_with_its_measure_in_days(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    step(lead, case_id, "coerce", code="remedial", on=d(0), period="15",
         action_place="Thôn 3, xã Ea Kao")
    text = text_of(lead, case_id, "MQĐ11")
    first, second = _item_4(text)

    assert f"a) Biện pháp: {MEASURE}" in first
    assert f"Thời gian thực hiện: 15 ngày, {FROM_RECEIPT}" in first
    # Item 4 b) has no measure of the case: left to the pen, period too.
    assert "15" not in second
    assert f"Thời gian thực hiện: …… ngày/tháng, {FROM_RECEIPT}" in second
    assert text.count("ngày/tháng") == 1


def test_mqd11_without_a_period_leaves_it_to_the_pen(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    step(lead, case_id, "coerce", code="remedial", on=d(0))
    first, second = _item_4(text_of(lead, case_id, "MQĐ11"))

    assert f"Thời gian thực hiện: …… ngày/tháng, {FROM_RECEIPT}" in first
    assert f"Thời gian thực hiện: …… ngày/tháng, {FROM_RECEIPT}" in second


@pytest.mark.parametrize(
    ("measure", "code", "item", "extra"),
    [
        ("distraint", "MQĐ09", "5", {"action_place": "Thôn 3, xã Ea Kao"}),
        ("collection", "MQĐ10", "6", {"holder": "Bà Lê Thị Hoa"}),
    ],
)
def test_money_coercion_prints_its_period(
    people, lead, measure, code, item, extra  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(lead, case_id, "coerce", code=measure, on=d(0), period="10", **extra)
    text = text_of(lead, case_id, code)

    assert f"{item}. Thời gian thực hiện: 10 ngày, {FROM_RECEIPT}" in text
    assert "ngày/tháng" not in text


@pytest.mark.parametrize("code", ["MQĐ09", "MQĐ10", "MQĐ11"])
def test_blank_forms_keep_the_choice_of_days_or_months(code):
    text = all_text(render(code, FormData(agency=AGENCY, blank=True)))

    expected = 2 if code == "MQĐ11" else 1
    assert text.count(f"ngày/tháng, {FROM_RECEIPT}") == expected


# ----------------------------------------------- MQĐ07: who and from what


def test_salary_deduction_needs_employer_and_what_it_deducts(
    people, lead  # noqa: F811
):
    """User trial: a second coercion, MQĐ07, was accepted with neither, and
    printed "khấu trừ lương/một phần thu nhập" unresolved. Both are asked at
    their field in one submit; nothing is recorded."""
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(lead, case_id, "coerce", code="account", on=d(1),
         holder="Ngân hàng Agribank chi nhánh Ea Kar")
    with pytest.raises(ValidationFailed) as refused:
        step(lead, case_id, "coerce", code="salary", on=d(0))
    errors = refused.value.errors
    assert errors["holder"].startswith("Ghi cơ quan, tổ chức hoặc người sử dụng")
    assert "mục 2 Mẫu MQĐ07" in errors["holder"]
    assert errors["deduct_from"] == (
        "Chọn khấu trừ vào một phần lương hay một phần thu nhập (Mẫu MQĐ07)."
    )
    with pytest.raises(ValidationFailed) as refused:
        step(lead, case_id, "coerce", code="salary", on=d(0), deduct_from="income")
    assert set(refused.value.errors) == {"holder"}
    # An account or a distraint names no such thing: not asked there.
    other = overdue(officer)
    step(lead, other, "coerce", code="distraint", on=d(0))


def test_mqd07_prints_the_deduction_chosen(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(lead, case_id, "coerce", code="salary", on=d(0), deduct_from="income",
         holder="Hợp tác xã Cà phê Ea Kao", holder_address="Thôn 2, xã Ea Kao",
         period="30", transfer_days="5")
    text = text_of(lead, case_id, "MQĐ07")

    assert "Cưỡng chế khấu trừ một phần thu nhập" in text
    assert "Cơ quan/tổ chức/người sử dụng lao động: Hợp tác xã Cà phê Ea Kao" in text
    assert "lương/một phần thu nhập" not in text
    assert "trong thời hạn 05 ngày" in text
    assert f"Thời gian thực hiện: 30 ngày, {FROM_RECEIPT}" in text
