"""User trial: unit names and account full names took `<script>…</script>`,
a name too long was asked to be "entered (2–120 characters)", and a
password change with nothing typed said the current password was wrong.
One reader for every name (services.inputs.read_name) refuses markup and
control characters as it refuses emoji, and each message says what is
wrong: missing, too short, too long."""

import pytest
from sqlmodel import select

from tests.services.conftest import _unit_id
from xlvphc.models import Unit, User
from xlvphc.services import accounts, auth, units
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ServiceError, ValidationFailed
from xlvphc.services.inputs import read_name

HOSTILE = [
    ("<script>alert(1)</script>", "không được chứa ký tự «<» và «>»"),
    ("Nguyễn Văn <b>An", "không được chứa ký tự «<» và «>»"),
    ("An > Bình", "không được chứa ký tự «>»"),
    ("Nguyễn\x07 Văn An", "ký tự điều khiển không nhìn thấy (U+0007)"),
    ("Nguyễn \u202eVăn An", "ký tự điều khiển không nhìn thấy (U+202E)"),
    ("Nguyễn Văn An 😀", "không in được"),
]


@pytest.mark.parametrize(("typed", "says"), HOSTILE)
def test_a_name_with_markup_or_hidden_characters_is_refused(typed, says):
    _value, problem = read_name(typed, "họ và tên", 2, 120)
    assert says in problem and problem.startswith("Họ và tên")


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Vui lòng nhập họ và tên."),
        ("   ", "Vui lòng nhập họ và tên."),
        (None, "Vui lòng nhập họ và tên."),
        ("A", "Vui lòng nhập họ và tên (ít nhất 2 ký tự)."),
        ("A" * 121, "Họ và tên tối đa 120 ký tự."),
        ("Y Điêng Niê", ""),
        ("Nguyễn Thị Hoa – Tổ 3 (dự phòng), số 1 & 2", ""),
        ("Nguyễn\tVăn\nAn", ""),
    ],
)
def test_each_name_message_says_what_is_wrong(typed, says):
    assert read_name(typed, "họ và tên", 2, 120)[1] == says


def _account(unit_id: int, **extra) -> dict:
    return {
        "username": "hoa.le",
        "full_name": "Lê Thị Hoa",
        "title": "Công chức",
        "unit_id": str(unit_id),
        "roles": "officer",
        **extra,
    }


@pytest.mark.parametrize(("typed", "says"), HOSTILE[:4])
def test_account_form_refuses_them_at_the_field(people, typed, says):
    admin = people["quantri"]
    unit_id = _unit_id("UBND-22015")
    with pytest.raises(ValidationFailed) as err:
        accounts.create_user(admin, _account(unit_id, full_name=typed))
    assert says in err.value.errors["full_name"]
    with session_scope() as session:
        assert not session.exec(select(User).where(User.username == "hoa.le")).all()


def test_account_messages_for_long_and_short_names(people):
    admin = people["quantri"]
    unit_id = _unit_id("UBND-22015")
    for typed, says in [
        ("Lê " * 60, "Họ và tên tối đa 120 ký tự."),
        ("", "Vui lòng nhập họ và tên."),
    ]:
        with pytest.raises(ValidationFailed) as err:
            accounts.create_user(admin, _account(unit_id, full_name=typed))
        assert err.value.errors["full_name"] == says
    user_id = accounts.create_user(admin, _account(unit_id)).user_id
    with pytest.raises(ValidationFailed) as err:
        accounts.update_user(admin, user_id, {
            **_account(unit_id), "full_name": "<i>Hoa</i>"
        })
    assert "«<» và «>»" in err.value.errors["full_name"]


@pytest.mark.parametrize(("typed", "says"), HOSTILE[:4])
def test_unit_names_are_read_alike(people, typed, says):
    admin = people["quantri"]
    committee = _unit_id("UBND-22015")
    with pytest.raises(ValidationFailed) as err:
        units.create_unit(
            admin, {"name": typed, "kind": "department", "parent_id": str(committee)}
        )
    assert says in err.value.errors["name"]
    assert err.value.errors["name"].startswith("Tên đơn vị")
    with pytest.raises(ValidationFailed) as err:
        units.rename_unit(admin, committee, {"name": typed})
    assert says in err.value.errors["name"]
    with session_scope() as session:
        assert session.get(Unit, committee).name == "Ủy ban nhân dân phường Tuy Hòa"


def test_unit_messages_for_long_and_short_names(people):
    admin = people["quantri"]
    committee = _unit_id("UBND-22015")
    for typed, says in [
        ("Tổ " * 70, "Tên đơn vị tối đa 200 ký tự."),
        ("Tổ", "Vui lòng nhập tên đơn vị (ít nhất 3 ký tự)."),
        ("", "Vui lòng nhập tên đơn vị."),
    ]:
        with pytest.raises(ValidationFailed) as err:
            units.rename_unit(admin, committee, {"name": typed})
        assert err.value.errors["name"] == says


def test_an_empty_password_change_asks_for_the_current_password(people):
    token = auth.login("canbo.a", "Mat khau du dai 2026!").token
    new = "Buổi sáng ở Buôn Đôn 7 giờ"
    for current in ("", None):
        with pytest.raises(ValidationFailed) as err:
            auth.change_password(token, current, "", "")
        assert err.value.errors["current"] == "Vui lòng nhập mật khẩu hiện tại."
    with pytest.raises(ValidationFailed) as err:
        auth.change_password(token, "sai mật khẩu", new, new)
    assert err.value.errors == {"current": "Mật khẩu hiện tại không đúng."}

    # The lockout still counts a wrong password at login, as before.
    with pytest.raises(ServiceError):
        auth.login("canbo.a", "sai mật khẩu")
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == "canbo.a")).one()
        assert user.failed_attempts == 1
