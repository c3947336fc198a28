"""User trial on the account list (services.account_import): an unknown unit
code got "choose a unit you manage", and a user name written twice in the
file got "already in use" for an account that did not exist. Now each says
what is wrong with the row, without telling a unit administrator which
codes exist beyond their own branch."""

import pytest
from sqlmodel import func, select

from tests.services.conftest import actor_for, make_user
from xlvphc.models import User
from xlvphc.services import account_import
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed

HEADER = "Tên đăng nhập,Họ và tên,Chức danh,Mã đơn vị,Vai trò,Mã chức danh ký"


def _csv(*lines: str) -> bytes:
    return ("\ufeff" + "\n".join([HEADER, *lines]) + "\n").encode()


def _users() -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(User)).one()


def _problems(actor, *lines: str) -> list[str]:
    """The refusal of a list, one entry a row."""
    before = _users()
    with pytest.raises(ValidationFailed) as err:
        account_import.bulk_create(actor, "ds.csv", _csv(*lines))
    assert _users() == before
    return err.value.errors["file"].split("\n")


def test_an_unknown_unit_code_is_named(people):
    assert _problems(
        people["quantri"],
        "an.xl,Nguyễn Văn An,,UBND-22015,officer,",
        "binh.xl,Trần Thị Bình,,xxx-999,officer,",
        "cuong.xl,Lê Văn Cường,,,officer,",
    ) == [
        "Dòng 3: Mã đơn vị XXX-999 không có trong các đơn vị bạn quản lý.",
        "Dòng 4: Vui lòng nhập mã đơn vị.",
    ]


def test_a_unit_admin_cannot_tell_other_codes_exist(people):
    make_user("qtdv.a", "UBND-22015", Role.UNIT_ADMIN)
    qtdv = actor_for("qtdv.a")
    problems = _problems(
        qtdv,
        "an.xl,Nguyễn Văn An,,UBND-22045,officer,",
        "binh.xl,Trần Thị Bình,,XXX-999,officer,",
    )
    # An existing unit of another branch reads as a code that does not exist.
    assert problems == [
        "Dòng 2: Mã đơn vị UBND-22045 không có trong các đơn vị bạn quản lý.",
        "Dòng 3: Mã đơn vị XXX-999 không có trong các đơn vị bạn quản lý.",
    ]


def test_a_commune_code_says_which_body_to_use(people):
    (problem,) = _problems(
        people["quantri"], "an.xl,Nguyễn Văn An,,22015,officer,"
    )
    assert problem.startswith("Dòng 2: Mã 22015 là của Phường Tuy Hòa")
    assert "Ủy ban nhân dân hoặc Công an" in problem


def test_a_user_name_twice_in_the_file_names_both_rows(people):
    problems = _problems(
        people["quantri"],
        "an.xl,Nguyễn Văn An,,UBND-22015,officer,",
        "binh.xl,Trần Thị Bình,,UBND-22015,officer,",
        "AN.XL,Nguyễn Văn An,,UBND-22045,officer,",
        "binh.xl,Trần Thị Bình,,UBND-22015,officer,",
        "an.xl,Nguyễn Văn An,,UBND-22015,officer,",
    )
    end = ": mỗi tài khoản một tên đăng nhập."
    assert problems == [
        "Dòng 4: Tên đăng nhập an.xl có 3 lần trong tệp (dòng 2, 4 và 6)" + end,
        "Dòng 5: Tên đăng nhập binh.xl có 2 lần trong tệp (dòng 3 và 5)" + end,
        "Dòng 6: Tên đăng nhập an.xl có 3 lần trong tệp (dòng 2, 4 và 6)" + end,
    ]
    assert not any("đã có người dùng" in p for p in problems)


def test_a_repeated_row_keeps_its_other_problems_and_real_clashes_stay(people):
    problems = _problems(
        people["quantri"],
        "canbo.a,Cán bộ trùng,,UBND-22015,officer,",
        "an.xl,Nguyễn Văn An,,UBND-22015,officer,",
        "an.xl,<b>An</b>,,UBND-22015,officer,",
    )
    assert problems[0] == "Dòng 2: Tên đăng nhập này đã có người dùng."
    assert problems[1].startswith("Dòng 4: Tên đăng nhập an.xl có 2 lần")
    assert "Họ và tên không được chứa ký tự «<» và «>»." in problems[1]
