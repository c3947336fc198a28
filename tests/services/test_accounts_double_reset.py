"""User trial: a unit administrator double-clicked «Cấp lại mật khẩu». Two
passwords were issued, the list showed both and the slip PDF printed both,
the older one already dead. «Khóa tài khoản» locked at once, and the locked
officer's open tab was told only that the session had ended.

Checked here: the service refuses a second reset within RESET_GUARD; the
slips and the spreadsheet carry only each account's live password; the page
asks before a reset or a lock and acts once however often the button is
clicked; a locked officer is told the account is locked.
"""

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from tests.security.conftest import _drive, at_page, new_state, run_coroutine
from tests.services.conftest import PASSWORD
from xlvphc.models import AuditEvent, User
from xlvphc.services import account_import, accounts, auth
from xlvphc.services.db import session_scope
from xlvphc.services.errors import AccountDisabled, NotAuthenticated, ServiceError
from xlvphc.state.accounts import AccountsState
from xlvphc.state.cases import CaseListState

LOCKED = "Tài khoản của bạn đã bị khóa. Liên hệ quản trị đơn vị."


def _uid(username: str) -> int:
    with session_scope() as session:
        return session.exec(select(User.id).where(User.username == username)).one()


def _resets(user_id: int) -> int:
    with session_scope() as session:
        return len(
            session.exec(
                select(AuditEvent.id).where(
                    AuditEvent.action == "account.password_reset",
                    AuditEvent.entity_id == user_id,
                )
            ).all()
        )


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _run(state, handler: str, *args) -> list:
    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_drive(fn(state, *args)))


def _opened(cls, username: str, path: str):
    root, state = new_state(cls, auth.login(username, PASSWORD).token)
    at_page(root, path)
    return state


def test_second_reset_within_the_guard_is_refused(people):
    admin, uid = people["quantri"], _uid("canbo.a")
    first = accounts.reset_password(admin, uid)

    with pytest.raises(ServiceError) as refused:
        accounts.reset_password(admin, uid)

    assert "canbo.a" in refused.value.message
    assert "vừa được cấp lại" in refused.value.message
    assert _resets(uid) == 1
    # The password handed out first still works: nothing was issued again.
    assert auth.login("canbo.a", first.password).must_change_password
    # Another account is not held up by it.
    assert accounts.reset_password(admin, _uid("canbo.b")).password


def test_reset_is_allowed_again_after_the_guard(people, monkeypatch):
    admin, uid = people["quantri"], _uid("canbo.a")
    first = accounts.reset_password(admin, uid)
    monkeypatch.setattr(accounts, "RESET_GUARD", timedelta(0))

    second = accounts.reset_password(admin, uid)

    assert second.password != first.password and _resets(uid) == 2
    with pytest.raises(ServiceError):
        auth.login("canbo.a", first.password)
    assert auth.login("canbo.a", second.password).token


def test_slips_print_only_the_live_password(people, monkeypatch):
    admin = people["quantri"]
    made = accounts.create_user(
        admin,
        {
            "username": "moi.vao",
            "full_name": "Người Mới Vào",
            "unit_id": str(people["canbo.a"].unit_id),
            "role_officer": "on",
        },
    )
    other = accounts.reset_password(admin, _uid("canbo.b"))
    monkeypatch.setattr(accounts, "RESET_GUARD", timedelta(0))
    first = accounts.reset_password(admin, made.user_id)
    second = accounts.reset_password(admin, made.user_id)
    # Newest first, as the page keeps them, with the superseded ones too.
    issued = [second, other, first, made]

    _, pdf = account_import.passwords_pdf(admin, issued)
    text = _pdf_text(pdf)
    assert second.password in text and other.password in text
    assert first.password not in text and made.password not in text
    assert text.count("moi.vao") == 1

    _, body = account_import.passwords_xlsx(admin, issued)
    sheet = load_workbook(io.BytesIO(body)).active
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert second.password in values and other.password in values
    assert first.password not in values and made.password not in values

    # Listed in the wrong order, the dead one is still left out: the time
    # stored with the live password decides, not the place in the list.
    assert account_import.live_only([first, second]) == [second]

    # Only dead passwords: a refusal, not a slip nobody can use.
    with pytest.raises(ServiceError):
        account_import.passwords_pdf(admin, [first, made])


def test_a_changed_password_is_not_printed(people):
    admin = people["quantri"]
    issued = accounts.reset_password(admin, _uid("canbo.a"))
    token = auth.login("canbo.a", issued.password).token
    auth.change_password(
        token, issued.password, "Hoa cà phê nở trắng", "Hoa cà phê nở trắng"
    )
    assert account_import.live_only([issued]) == []
    with pytest.raises(ServiceError):
        account_import.passwords_pdf(admin, [issued])


def test_page_drops_a_password_its_owner_changed(people):
    """The list on the page agrees with the slips: once the owner changed
    the password, reading the list again drops it (user trial)."""
    state = _opened(AccountsState, "quantri", "/tai-khoan")
    _run(state, "open")
    first, second = _uid("canbo.a"), _uid("canbo.b")
    for uid in (first, second):
        _run(state, "ask_reset", uid)
        _run(state, "confirm_action")
    assert state.issued_count == 2
    changed = next(i for i in state.issued if i["username"] == "canbo.a")

    token = auth.login("canbo.a", changed["password"]).token
    auth.change_password(
        token, changed["password"], "Hoa cà phê nở trắng", "Hoa cà phê nở trắng"
    )
    _run(state, "search", {})  # «Lọc»: the list is read again

    assert state.issued_count == 1
    assert [i["username"] for i in state.issued] == ["canbo.b"]
    assert auth.login("canbo.b", state.issued[0]["password"]).token


def test_page_asks_before_a_reset_and_resets_once(people):
    state = _opened(AccountsState, "quantri", "/tai-khoan")
    _run(state, "open")
    uid = _uid("canbo.a")

    # Nothing asked: the dialog's button does nothing.
    _run(state, "confirm_action")
    assert _resets(uid) == 0 and state.issued_count == 0

    _run(state, "ask_reset", str(uid))
    assert (state.confirm_id, state.confirm_kind) == (uid, "reset")
    assert state.confirm_username == "canbo.a"
    assert _resets(uid) == 0  # asking resets nothing

    # A double click: the second click finds the request done.
    _run(state, "confirm_action")
    _run(state, "confirm_action")
    assert _resets(uid) == 1
    assert state.confirm_id == 0 and not state.acting
    assert state.issued_count == 1
    assert [i["username"] for i in state.issued] == ["canbo.a"]
    assert auth.login("canbo.a", state.issued[0]["password"]).token

    # A second request at once is refused by the service, with its reason.
    _run(state, "ask_reset", uid)
    _run(state, "confirm_action")
    assert _resets(uid) == 1 and state.issued_count == 1
    assert "vừa được cấp lại" in state.message
    assert state.confirm_id == uid  # the dialog stays open with it
    _run(state, "confirm_dialog", False)
    assert state.confirm_id == 0


def test_page_asks_before_locking_and_ignores_unlisted_accounts(people):
    state = _opened(AccountsState, "quantri", "/tai-khoan")
    _run(state, "open")
    uid = _uid("canbo.b")

    _run(state, "ask_disable", 999_999)
    assert state.confirm_id == 0
    _run(state, "ask_disable", uid)
    assert (state.confirm_id, state.confirm_kind) == (uid, "disable")
    with session_scope() as session:
        assert session.get(User, uid).active  # not locked by the question

    _run(state, "confirm_action")
    with session_scope() as session:
        assert not session.get(User, uid).active
    assert state.confirm_id == 0


def test_locked_officers_open_tab_is_told_the_account_is_locked(people):
    officer = _opened(CaseListState, "canbo.a", "/ho-so")
    token = officer._secret()
    _run(officer, "search", {"q": ""})
    assert officer.user_login == "canbo.a"
    accounts.set_active(people["quantri"], _uid("canbo.a"), False)

    with pytest.raises(AccountDisabled) as ended:
        auth.resolve(token)
    assert ended.value.message == LOCKED

    _run(officer, "search", {"q": ""})
    assert officer.message == LOCKED
    assert officer.user_login == ""


def test_a_session_ended_otherwise_keeps_its_message(people):
    token = auth.login("canbo.a", PASSWORD).token
    auth.logout(token)
    with pytest.raises(NotAuthenticated) as ended:
        auth.resolve(token)
    assert not isinstance(ended.value, AccountDisabled)

    state = _opened(CaseListState, "canbo.b", "/ho-so")
    auth.logout(state._secret())
    _run(state, "search", {"q": ""})
    assert state.message.startswith("Phiên làm việc đã kết thúc")
