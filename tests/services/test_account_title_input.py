"""The account's job title (chức danh), printed under the signature, took
markup and hidden control characters that its full name refuses. It is read
by a name's rules now (inputs.read_name), though it may stay empty, in the
account form, its edit and the bulk import's title column."""

import io

import pytest
from openpyxl import Workbook
from sqlmodel import func, select

from tests.security.conftest import at_page, new_state, run_coroutine
from tests.services.conftest import PASSWORD, _unit_id
from xlvphc.models import User
from xlvphc.services import account_import, accounts, auth
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.state.accounts import AccountsState

HOSTILE = [
    ("<b>Công chức</b>", "Chức danh không được chứa ký tự «<» và «>»"),
    ("Chủ tịch > Phó", "Chức danh không được chứa ký tự «>»"),
    ("Công\x07 chức", "Chức danh có ký tự điều khiển không nhìn thấy (U+0007)"),
    ("Công \u202echức", "Chức danh có ký tự điều khiển không nhìn thấy (U+202E)"),
    ("Công chức 😀", "không in được"),
]


def _account(**extra) -> dict:
    return {
        "username": "hoa.le",
        "full_name": "Lê Thị Hoa",
        "title": "Công chức",
        "unit_id": str(_unit_id("UBND-22015")),
        "roles": "officer",
        **extra,
    }


def _titles() -> dict[str, str]:
    with session_scope() as session:
        return dict(session.exec(select(User.username, User.title)).all())


@pytest.mark.parametrize(("typed", "says"), HOSTILE)
def test_the_form_refuses_them_at_the_title(people, typed, says):
    admin = people["quantri"]
    with pytest.raises(ValidationFailed) as err:
        accounts.create_user(admin, _account(title=typed))
    assert says in err.value.errors["title"]
    assert set(err.value.errors) == {"title"}
    assert "hoa.le" not in _titles()

    # The edit of an existing account alike: its title stays as it was.
    user_id = accounts.create_user(admin, _account()).user_id
    with pytest.raises(ValidationFailed) as err:
        accounts.update_user(admin, user_id, _account(title=typed))
    assert says in err.value.errors["title"]
    assert _titles()["hoa.le"] == "Công chức"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("", ""),
        ("   ", ""),
        (None, ""),
        ("Công chức Tư pháp – Hộ tịch (kiêm Văn phòng)", None),
        ("Phó Chủ tịch\tUBND", "Phó Chủ tịch UBND"),
    ],
)
def test_an_empty_or_plain_title_is_kept(people, typed, kept):
    accounts.create_user(people["quantri"], _account(title=typed))
    assert _titles()["hoa.le"] == (typed if kept is None else kept)


def test_the_length_rule_keeps_its_message(people):
    with pytest.raises(ValidationFailed) as err:
        accounts.create_user(people["quantri"], _account(title="Tổ " * 41))
    assert err.value.errors["title"] == "Chức danh tối đa 120 ký tự."
    accounts.create_user(people["quantri"], _account(title="T" * 120))
    assert _titles()["hoa.le"] == "T" * 120


def _run(state, handler: str, *args):
    async def drive():
        result = AccountsState.event_handlers[handler].fn(state, *args)
        return await result if hasattr(result, "__await__") else result

    return run_coroutine(drive())


def test_the_create_handler_shows_it_at_the_field(people):
    root, state = new_state(AccountsState, auth.login("quantri", PASSWORD).token)
    at_page(root, "/tai-khoan")
    _run(state, "open")
    _run(state, "create", _account(title="Cán bộ\x00<i>"))
    assert state.errors["title"].startswith("Chức danh không được chứa ký tự «<»")
    assert "hoa.le" not in _titles()


HEADER = "Tên đăng nhập,Họ và tên,Chức danh,Mã đơn vị,Vai trò,Mã chức danh ký"


def _users() -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(User)).one()


def test_the_import_reads_the_title_column_alike(people):
    """A control character in the name or the title was dropped silently
    by the import (its cells were cleaned before the form's rules read
    them): refused now, as in the form, naming the row."""
    before = _users()
    lines = [
        HEADER,
        "an.xl,Nguyễn Văn An,<b>Công chức</b>,UBND-22015,officer,",
        "binh.xl,Trần Thị Bình,Công\x07 chức,UBND-22015,officer,",
        "cuong.xl,Lê\x07 Văn Cường,Công chức,UBND-22015,officer,",
        "dung.xl,Phạm Dũng,,UBND-22015,officer,",
    ]
    data = ("\ufeff" + "\n".join(lines) + "\n").encode()
    with pytest.raises(ValidationFailed) as err:
        account_import.bulk_create(people["quantri"], "ds.csv", data)
    text = err.value.errors["file"]
    assert "Dòng 2: Chức danh không được chứa ký tự «<» và «>»" in text
    assert "Dòng 3: Chức danh có ký tự điều khiển không nhìn thấy (U+0007)" in text
    assert "Dòng 4: Họ và tên có ký tự điều khiển không nhìn thấy (U+0007)" in text
    assert "Dòng 5" not in text
    assert _users() == before

    # The same from a workbook, and a plain title is kept as typed.
    book = Workbook()
    book.active.append(["Tên đăng nhập", "Họ và tên", "Chức danh", "Mã đơn vị",
                        "Vai trò"])
    book.active.append(["em.xl", "Võ Em", "Cán bộ > Tổ", "UBND-22045", "officer"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(ValidationFailed) as err:
        account_import.bulk_create(people["quantri"], "x.xlsx", buffer.getvalue())
    assert "Dòng 2: Chức danh không được chứa ký tự «>»" in err.value.errors["file"]
    book.active["C2"] = "  Công chức   Tư pháp "
    buffer = io.BytesIO()
    book.save(buffer)
    account_import.bulk_create(people["quantri"], "x.xlsx", buffer.getvalue())
    assert _titles()["em.xl"] == "Công chức Tư pháp"
