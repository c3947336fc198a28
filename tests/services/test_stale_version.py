"""A save refused because the case moved on names who moved it: a colleague,
or the officer themself in another tab or on another device (user check:
"người khác" sent officers looking for a colleague who did not exist)."""

import pytest

from tests.services.conftest import actor_for, decision_form, make_user
from tests.services.test_edit import _form
from tests.services.test_procedure import d, decided_case, new_case, step, version
from xlvphc.services import case_edit, cases
from xlvphc.services.access import Role
from xlvphc.services.errors import Conflict
from xlvphc.services.procedure import perform

OWN = "Bạn vừa cập nhật hồ sơ này ở một thẻ hoặc thiết bị khác (lúc "
OTHERS = "Hồ sơ vừa được người khác cập nhật"


@pytest.fixture
def colleague(people):
    """An officer of the same commune as canbo.a, so both may save its cases."""
    make_user("canbo.a2", "UBND-22015", Role.OFFICER)
    return actor_for("canbo.a2")


def _refusal(call, *args) -> str:
    with pytest.raises(Conflict) as err:
        call(*args)
    return err.value.message


def _assert_own(message: str) -> None:
    assert message.startswith(OWN)
    assert "người khác" not in message
    assert "họ đã sửa gì" not in message


def test_edit_saved_in_another_tab_says_it_was_you(people):
    a = people["canbo.a"]
    case_id = new_case(a)
    first_tab = _form(a, case_id, violation_place="Chợ Tuy Hòa")
    case_edit.edit_case(a, case_id, _form(a, case_id, violation_place="Bến xe"))

    message = _refusal(case_edit.edit_case, a, case_id, first_tab)

    _assert_own(message)
    assert "Thay đổi ở trang này chưa được lưu. Vui lòng mở lại trang sửa." \
        in message


def test_edit_saved_by_a_colleague_names_them(people, colleague):
    a = people["canbo.a"]
    case_id = new_case(a)
    mine = _form(a, case_id, violation_place="Chợ Tuy Hòa")
    case_edit.edit_case(colleague, case_id, _form(colleague, case_id,
                                                  violation_place="Bến xe"))

    message = _refusal(case_edit.edit_case, a, case_id, mine)

    assert message.startswith(f"{OTHERS} (Cán bộ canbo.a2, lúc ")
    assert "họ đã sửa gì, rồi mở lại trang sửa." in message


def test_a_colleague_among_several_changes_is_the_one_named(people, colleague):
    """Loaded at v1; the colleague saved v2, then the officer v3 in a second
    tab: the first tab's refusal must not hide the colleague's change."""
    a = people["canbo.a"]
    case_id = new_case(a)
    first_tab = _form(a, case_id, violation_place="Chợ Tuy Hòa")
    case_edit.edit_case(colleague, case_id, _form(colleague, case_id,
                                                  violation_place="Bến xe"))
    case_edit.edit_case(a, case_id, _form(a, case_id, witness="Y Điêng"))

    message = _refusal(case_edit.edit_case, a, case_id, first_tab)

    assert message.startswith(f"{OTHERS} (Cán bộ canbo.a2, lúc ")

    # Once the officer reloads (v3) and saves in another tab again, only their
    # own change lies between: it is theirs again.
    second_tab = _form(a, case_id, violation_place="Chợ Tuy Hòa")
    case_edit.edit_case(a, case_id, _form(a, case_id, witness="Y Moan"))
    _assert_own(_refusal(case_edit.edit_case, a, case_id, second_tab))


def test_decision_after_own_edit_elsewhere_says_it_was_you(people, colleague):
    a = people["canbo.a"]
    case_id = new_case(a)
    loaded = version(case_id)
    case_edit.edit_case(a, case_id, _form(a, case_id, violation_place="Bến xe"))

    message = _refusal(cases.issue_decision, a, case_id,
                       decision_form(version=loaded))

    _assert_own(message)
    assert "Quyết định chưa được lưu. Vui lòng tải lại trang trước khi ra quyết " \
        "định." in message

    # The same stale form after a colleague's edit names the colleague.
    case_edit.edit_case(colleague, case_id, _form(colleague, case_id,
                                                  violation_place="Chợ"))
    message = _refusal(cases.issue_decision, a, case_id,
                       decision_form(version=version(case_id) - 1))
    assert message.startswith(f"{OTHERS} (Cán bộ canbo.a2, lúc ")


def test_procedure_step_after_own_step_elsewhere_says_it_was_you(people,
                                                                 colleague):
    a = people["canbo.a"]
    case_id = decided_case(a, days_ago=1)
    stale = {"version": version(case_id), "on": d(0), "amount": "1"}
    step(a, case_id, "complaint", code="complaint", on=d(0), note="x")

    message = _refusal(perform, a, case_id, "payment", stale)

    _assert_own(message)
    assert "Bước này chưa được ghi nhận." in message

    # A colleague's step in between is named, with the advice for others.
    stale["version"] = version(case_id)
    step(colleague, case_id, "send", on=d(0), code="direct")
    message = _refusal(perform, a, case_id, "payment", stale)
    assert message.startswith(f"{OTHERS} (Cán bộ canbo.a2, lúc ")
    assert message.endswith(
        "họ đã sửa gì, rồi tải lại trang trước khi thực hiện bước này."
    )
