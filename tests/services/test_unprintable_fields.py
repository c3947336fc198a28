"""Every free-text field that ends up on a paper refuses characters the
print fonts cannot draw, at the field (user trial: "Y Bih Niê 😀" was saved
and MQĐ01 printed "Y Bih Niê"), in the case, on-the-spot, step, typed-act
and account forms and in the Excel import; a feedback message, never
printed, keeps them."""

import pytest
from sqlmodel import select

from tests.services.conftest import case_form
from tests.services.test_accounts import _form as account_form
from tests.services.test_import_checks import problems
from tests.services.test_procedure import d, decided_case, step
from tests.services.test_procedure_on_the_spot import spot_form
from tests.services.test_typed_acts import typed_form
from xlvphc.models import Case, Unit
from xlvphc.services import accounts, case_queries, cases, typed_acts
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.inputs import FormReader
from xlvphc.services.procedure import decide_without_record

UNPRINTABLE = "không in được trên giấy tờ"


def refused(call, *args) -> dict:
    with pytest.raises(ValidationFailed) as caught:
        call(*args)
    return caught.value.errors


def test_the_case_form_refuses_an_emoji_in_the_name_and_saves_nothing(people):
    officer = people["canbo.a"]
    with session_scope() as session:
        before = len(session.exec(select(Case.id)).all())
    errors = refused(
        cases.create_case,
        officer,
        case_form(name="Y Bih Niê 😀", witness="Ông A 👍"),
    )
    assert UNPRINTABLE in errors["name"] and "«😀»" in errors["name"]
    assert errors["name"].startswith("Họ và tên")
    assert UNPRINTABLE in errors["witness"] and "«👍»" in errors["witness"]
    with session_scope() as session:
        assert len(session.exec(select(Case.id)).all()) == before


def test_the_case_form_keeps_vietnamese_and_paper_symbols(people):
    officer = people["canbo.a"]
    place = "Km 12 – QL 14, thôn Ea Kao — cách cầu 30 m (nhà № 5, 30°C)"
    case_id = cases.create_case(
        officer, case_form(name="Y Bih Niê", violation_place=place)
    )
    detail = case_queries.get_case(officer, case_id)
    assert detail["violator_name"] == "Y Bih Niê"
    with session_scope() as session:
        assert session.get(Case, case_id).violation_place == place


def test_the_on_the_spot_form_refuses_it_at_the_field(people):
    errors = refused(
        decide_without_record,
        people["canbo.a"],
        spot_form(violation_place="Chợ Ea Kao 🏪", signer_name="Phạm Văn Dũng"),
    )
    assert UNPRINTABLE in errors["violation_place"]


def test_the_decision_form_refuses_it_at_the_field(people):
    officer = people["canbo.a"]
    with pytest.raises(ValidationFailed) as caught:
        decided_case(officer, treasury="Kho bạc Nhà nước 🏦")
    assert UNPRINTABLE in caught.value.errors["treasury"]


def test_a_step_form_refuses_it_at_the_field(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    step(officer, case_id, "receipt", on=d(1))
    with pytest.raises(ValidationFailed) as caught:
        step(officer, case_id, "payment", on=d(0), amount="3.500.000",
             document="BL 0012 ✅")
    assert UNPRINTABLE in caught.value.errors["document"]
    with session_scope() as session:
        assert session.get(Case, case_id).paid_total == 0


def test_a_typed_act_refuses_it(people):
    with pytest.raises(ValidationFailed) as caught:
        typed_acts.check(
            people["canbo.a"], typed_form(typed_act="Đánh bạc trái phép 🎲")
        )
    assert UNPRINTABLE in caught.value.errors["typed_act"]


def test_the_account_form_refuses_it_in_the_name_and_title(people):
    admin = people["quantri"]
    with session_scope() as session:
        unit_id = session.exec(select(Unit.id).where(Unit.code == "UBND-22015")).one()
    errors = refused(
        accounts.create_user,
        admin,
        account_form("moi.emoji", unit_id, full_name="Lê Thị Hoa 🌸",
                     title="Công chức ⭐"),
    )
    assert UNPRINTABLE in errors["full_name"] and UNPRINTABLE in errors["title"]


def test_the_import_names_the_row_and_column(people):
    found = problems(
        people,
        {"Họ tên/Tên tổ chức": "Y Bih Niê 😀"},
        {"Ghi chú": "Đã nộp ✓"},
        {"Địa chỉ": "Thôn 3 – xã Ea Kao, nhà № 5"},
    )
    advice = (
        "biểu tượng cảm xúc hoặc ký hiệu ngoài phông chữ in. Vui lòng xóa "
        "hoặc thay bằng chữ."
    )
    assert found == [
        f"Dòng 2, cột Họ tên/Tên tổ chức: có ký tự {UNPRINTABLE} («😀»): {advice}",
        f"Dòng 3, cột Ghi chú: có ký tự {UNPRINTABLE} («✓»): {advice}",
    ]


def test_only_printed_text_is_checked():
    form = FormReader({"a": "Cảm ơn 👍", "b": "Cảm ơn 👍"})
    assert form.text("a", "nội dung phản ánh", 100, printed=False) == "Cảm ơn 👍"
    assert "a" not in form.errors
    form.text("b", "ghi chú", 100)
    assert UNPRINTABLE in form.errors["b"]
