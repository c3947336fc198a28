"""A new case that may repeat a case of the unit (same violator, same
violation date) is refused until the officer confirms it (trial defect: the
same person, act and date saved twice seconds apart became two cases)."""

from datetime import timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import case_form
from xlvphc.models import AuditEvent, Case
from xlvphc.models.base import local_now, utcnow
from xlvphc.services import cases
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed


def _unconfirmed(**overrides) -> dict:
    return case_form(**{"duplicate_confirmed": "", **overrides})


def _refusal(officer, form) -> dict:
    with pytest.raises(ValidationFailed) as caught:
        cases.create_case(officer, form)
    return caught.value.errors


def _record_number(case_id: int) -> str:
    with session_scope() as session:
        return session.get(Case, case_id).record_number


def _count(unit_id: int) -> int:
    with session_scope() as session:
        return len(session.exec(select(Case.id).where(Case.unit_id == unit_id)).all())


def test_same_id_number_same_day_is_refused_naming_the_case(people):
    officer = people["canbo.a"]
    first = cases.create_case(officer, _unconfirmed())
    # Another spelling of the name: the ID number tells the person.
    errors = _refusal(officer, _unconfirmed(name="NGUYEN VAN AN  "))
    message = errors[cases.DUPLICATE_CONFIRMED]
    day = _unconfirmed()["violation_date"]
    # Named by what the officer knows (trial: "hồ sơ mã 5" is an internal id).
    assert message.startswith(
        "Đã có hồ sơ của cùng người vi phạm, cùng ngày vi phạm: biên bản số "
        f"01/BB-VPHC, người vi phạm Nguyễn Văn An, ngày vi phạm {day} (bấm "
        f"«{cases.DUPLICATE_LINK}» để xem)."
    )
    assert f"mã {first}" not in message
    assert "«Vẫn lưu hồ sơ mới»" in message
    assert errors[cases.DUPLICATE_CASE] == str(first)
    assert _count(officer.unit_id) == 1


def test_same_folded_name_without_id_number_is_refused(people):
    officer = people["canbo.a"]
    first = cases.create_case(officer, _unconfirmed(id_number=""))
    errors = _refusal(officer, _unconfirmed(id_number="", name="nguyen  van an"))
    assert errors[cases.DUPLICATE_CASE] == str(first)
    assert _record_number(first) in errors[cases.DUPLICATE_CONFIRMED]


def test_same_name_with_different_id_numbers_is_two_people(people):
    officer = people["canbo.a"]
    cases.create_case(officer, _unconfirmed())
    cases.create_case(officer, _unconfirmed(id_number="066090009999"))
    assert _count(officer.unit_id) == 2


def test_another_day_is_no_duplicate(people):
    officer = people["canbo.a"]
    cases.create_case(officer, _unconfirmed())
    earlier = local_now() - timedelta(days=3)
    cases.create_case(officer, _unconfirmed(
        violation_date=earlier.strftime("%d/%m/%Y")))
    assert _count(officer.unit_id) == 2


def test_confirmed_saves_and_is_audited(people):
    officer = people["canbo.a"]
    first = cases.create_case(officer, _unconfirmed())
    second = cases.create_case(officer, _unconfirmed(duplicate_confirmed="1"))
    assert second != first
    with session_scope() as session:
        after = session.exec(
            select(AuditEvent.after).where(
                AuditEvent.action == "case.created",
                AuditEvent.entity_id == second,
            )
        ).one()
    assert str(first) in str(after)


def test_request_key_still_returns_the_first_case(people):
    """A double click is the same request, not a possible duplicate."""
    officer = people["canbo.a"]
    first = cases.create_case(officer, _unconfirmed(), "khoa-trung-lap-0001")
    again = cases.create_case(officer, _unconfirmed(), "khoa-trung-lap-0001")
    assert again == first


def test_case_in_the_recycle_bin_is_ignored(people):
    officer = people["canbo.a"]
    first = cases.create_case(officer, _unconfirmed())
    with session_scope() as session:
        case = session.get(Case, first)
        case.deleted_at = utcnow()
        session.add(case)
    cases.create_case(officer, _unconfirmed())
    assert _count(officer.unit_id) == 2


def test_another_units_case_is_ignored_and_never_named(people):
    a, b = people["canbo.a"], people["canbo.b"]
    # The same person (ID number), spelt apart so the message tells whose.
    cases.create_case(b, _unconfirmed(name="NGUYỄN VĂN AN"))
    mine = cases.create_case(a, _unconfirmed())  # not refused for theirs
    errors = _refusal(a, _unconfirmed())
    assert errors[cases.DUPLICATE_CASE] == str(mine)
    message = errors[cases.DUPLICATE_CONFIRMED]
    assert "người vi phạm Nguyễn Văn An," in message
    assert "NGUYỄN VĂN AN" not in message


def test_refused_with_the_other_problems_at_once(people):
    officer = people["canbo.a"]
    cases.create_case(officer, _unconfirmed())
    errors = _refusal(officer, _unconfirmed(violation_place=""))
    assert {"violation_place", cases.DUPLICATE_CONFIRMED} <= set(errors)


def _run(state, handler: str, *args) -> list:
    from tests.security.conftest import _drive, run_coroutine

    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_drive(fn(state, *args)))


def test_form_second_click_goes_to_the_case_with_one_toast(people):
    """Two clicks on «Lưu» save one case and say «Đã lưu» once; a refused
    possible duplicate keeps the named case's id for the form's link."""
    from tests.security.conftest import new_state
    from tests.services.conftest import PASSWORD
    from xlvphc.services import auth
    from xlvphc.state.case_form import CaseFormState

    _root, state = new_state(CaseFormState, auth.login("canbo.a", PASSWORD).token)
    _run(state, "open")
    form = _unconfirmed()
    state.selected = [{"id": form.pop("act_ids")}]
    first = str(_run(state, "submit", form))
    second = str(_run(state, "submit", form))
    assert first.count("Đã lưu hồ sơ và biên bản.") == 1
    assert "Đã lưu" not in second and "/ho-so/" in second
    assert _count(people["canbo.a"].unit_id) == 1

    _run(state, "open")  # the same form again, a new request
    state.selected = [{"id": case_form()["act_ids"]}]
    _run(state, "submit", form)
    assert state.duplicate_id and cases.DUPLICATE_CASE not in state.errors
    assert cases.DUPLICATE_CONFIRMED in state.errors
    assert _count(people["canbo.a"].unit_id) == 1


# ------------------------------------------------ decided on the spot (MQĐ01)


def _spot(**overrides) -> dict:
    """An on-the-spot decision violated when case_form's case was (two hours
    ago): the same day at every hour, also just after midnight, when
    spot_form's 07:00 today is another day than case_form's."""
    from tests.services.test_procedure_on_the_spot import spot_form

    base = case_form()
    return spot_form(
        day=base["violation_date"],
        **{"duplicate_confirmed": "", "violation_time": base["violation_time"],
           **overrides},
    )


def _decision_number(case_id: int) -> str:
    with session_scope() as session:
        return session.get(Case, case_id).decision_number


def test_on_the_spot_twice_is_refused_naming_the_decision(people):
    from xlvphc.services.procedure import decide_without_record

    officer = people["canbo.a"]
    first = decide_without_record(officer, _spot())
    with pytest.raises(ValidationFailed) as caught:
        decide_without_record(officer, _spot(name="NGUYEN VAN AN"))
    errors = caught.value.errors
    number = _decision_number(first)
    assert number.endswith("/QĐ-XPHC")
    assert errors[cases.DUPLICATE_CONFIRMED].startswith(
        "Đã có hồ sơ của cùng người vi phạm, cùng ngày vi phạm: "
        f"quyết định số {number} (xử phạt không lập biên bản), người vi phạm "
        "Nguyễn Văn An, ngày vi phạm "
    )
    assert "Nếu đây là vụ việc khác, đánh dấu «Vẫn lưu hồ sơ mới»" in errors[
        cases.DUPLICATE_CONFIRMED]
    assert errors[cases.DUPLICATE_CASE] == str(first)
    assert _count(officer.unit_id) == 1


def test_on_the_spot_confirmed_saves_and_is_audited(people):
    from xlvphc.services.procedure import decide_without_record

    officer = people["canbo.a"]
    first = decide_without_record(officer, _spot())
    second = decide_without_record(officer, _spot(duplicate_confirmed="1"))
    assert second != first and _count(officer.unit_id) == 2
    with session_scope() as session:
        after = session.exec(
            select(AuditEvent.after).where(
                AuditEvent.action == "decision.without_record",
                AuditEvent.entity_id == second,
            )
        ).one()
    assert str(first) in str(after)


def test_on_the_spot_after_a_recorded_case_names_the_record(people):
    from xlvphc.services.procedure import decide_without_record

    officer = people["canbo.a"]
    first = cases.create_case(officer, _unconfirmed())
    with pytest.raises(ValidationFailed) as caught:
        decide_without_record(officer, _spot())
    message = caught.value.errors[cases.DUPLICATE_CONFIRMED]
    assert f"biên bản số {_record_number(first)}, người vi phạm" in message


def test_new_case_after_on_the_spot_names_the_decision(people):
    from xlvphc.services.procedure import decide_without_record

    officer = people["canbo.a"]
    first = decide_without_record(officer, _spot())
    errors = _refusal(officer, _unconfirmed())
    message = errors[cases.DUPLICATE_CONFIRMED]
    assert f"quyết định số {_decision_number(first)} (xử phạt không lập biên " \
        "bản)," in message
    assert "biên bản số" not in message
    assert errors[cases.DUPLICATE_CASE] == str(first)


def test_on_the_spot_form_keeps_the_case_for_its_link(people):
    """The on-the-spot page shows the same box and link (OnTheSpotState is a
    substate of CaseFormState)."""
    from tests.security.conftest import new_state
    from tests.services.conftest import PASSWORD
    from xlvphc.services import auth
    from xlvphc.services.procedure import decide_without_record
    from xlvphc.state.case_form import CaseFormState
    from xlvphc.state.on_the_spot import OnTheSpotState

    officer = people["canbo.a"]
    first = decide_without_record(officer, _spot())
    _root, state = new_state(OnTheSpotState, auth.login("canbo.a", PASSWORD).token)
    parent = state.parent_state
    assert isinstance(parent, CaseFormState)
    _run(parent, "open")
    form = _spot()
    state.selected = [{"id": form.pop("act_ids")}]
    _run(state, "decide", form)
    assert parent.duplicate_id == str(first)
    assert cases.DUPLICATE_CASE not in state.errors
    assert cases.DUPLICATE_CONFIRMED in state.errors
    assert _count(officer.unit_id) == 1


def test_a_twin_without_numbers_is_said_to_have_none():
    """A case whose paper has no number yet says so, never "None"."""
    from datetime import date

    day = date(2026, 3, 5)
    recorded = cases._twin_message((7, None, "Lê Thị Hoa", "", False, None), day)
    assert "biên bản chưa có số, người vi phạm Lê Thị Hoa, ngày vi phạm " \
        "05/03/2026" in recorded
    spot = cases._twin_message((7, None, "Lê Thị Hoa", "", True, ""), day)
    assert "quyết định chưa có số (xử phạt không lập biên bản)," in spot
    assert "None" not in recorded + spot and "mã 7" not in recorded + spot


def test_a_duplicate_alone_is_not_called_invalid_input(people):
    """The banner above the confirm box says why the save waits, not that
    something typed is wrong (user trial); other errors keep the usual one."""
    officer = people["canbo.a"]
    cases.create_case(officer, _unconfirmed())
    with pytest.raises(ValidationFailed) as caught:
        cases.create_case(officer, _unconfirmed())
    assert caught.value.message.startswith("Có thể trùng với một hồ sơ đã có")
    with pytest.raises(ValidationFailed) as caught:
        cases.create_case(officer, _unconfirmed(violation_place=""))
    assert caught.value.message.startswith("Thông tin chưa hợp lệ")
