"""A refused access to a case is in the audit log (security.md: failed
authorisation is logged; services/case_refusals.py).

User trial: an officer of one commune opened /ho-so/chi-tiet, /ho-so/sua and
/ho-so/quyet-dinh of another commune's case; each was refused, but only
successful «Xem hồ sơ» reads reached the log. Now each refusal writes one
«Bị từ chối truy cập hồ sơ» row: who, their unit, the case's internal id and
the attempted action, nothing of the case, and at most one row per user,
case and action a minute.
"""

import io
import logging
from datetime import timedelta

import pytest
import time_machine
from openpyxl import load_workbook
from sqlmodel import select

from tests.security.conftest import _drive, at_page, new_state, run_coroutine
from tests.services.conftest import PASSWORD, case_form
from xlvphc.models import AuditEvent, Case, Unit
from xlvphc.models.base import utcnow
from xlvphc.services import (
    audit_log,
    auth,
    case_edit,
    case_queries,
    case_refusals,
    cases,
    printing,
    recycle_bin,
)
from xlvphc.services.db import session_scope
from xlvphc.services.errors import NotFound, PermissionDenied
from xlvphc.services.procedure import perform

NAME_B, ID_B = "Phạm Thị Bích Ngọc", "066187007777"
MISSING = 987_654


@pytest.fixture
def world(people):
    """People of conftest, and a case of unit B (commune UBND-22045)."""
    case_b = cases.create_case(
        people["canbo.b"], case_form(name=NAME_B, id_number=ID_B)
    )
    with session_scope() as session:
        number = session.get(Case, case_b).record_number
    return {"people": people, "case_b": case_b, "number_b": number}


def refusals(user_id: int | None = None) -> list[AuditEvent]:
    """The «Bị từ chối truy cập hồ sơ» rows, oldest first."""
    with session_scope() as session:
        stmt = select(AuditEvent).where(AuditEvent.action == "case.refused")
        if user_id is not None:
            stmt = stmt.where(AuditEvent.actor_id == user_id)
        return list(session.exec(stmt.order_by(AuditEvent.id)).all())


def told(user_id: int) -> set[tuple[int, str]]:
    return {(e.entity_id, e.reason) for e in refusals(user_id)}


def _open_each_page(actor, case_id) -> None:
    """What /ho-so/chi-tiet, /ho-so/sua, /ho-so/quyet-dinh, printing and a
    procedure step ask the services, each refused."""
    calls = [
        lambda: case_queries.get_case(actor, case_id),
        lambda: case_edit.edit_form(actor, case_id),
        lambda: case_queries.case_to_decide(actor, case_id),
        lambda: case_edit.case_history_folded(actor, case_id),
        lambda: printing.menu_forms(actor, case_id),
        lambda: printing.print_form(actor, case_id, "MBB01", "final"),
        lambda: perform(actor, case_id, "receipt", {"version": 1}),
    ]
    for call_ in calls:
        with pytest.raises(PermissionDenied) as refused:
            call_()
        assert refused.value.message == NotFound().message


def test_another_units_case_is_refused_and_audited_per_action(world, caplog):
    caplog.set_level(logging.WARNING)
    officer = world["people"]["canbo.a"]
    case_b = world["case_b"]

    _open_each_page(officer, case_b)

    rows = refusals()
    assert {(e.entity_id, e.reason) for e in rows} == {
        (case_b, "case.read"),
        (case_b, "case.write"),
        (case_b, "case.print"),
    }
    for row in rows:
        assert row.actor_id == officer.user_id
        assert row.unit_id == officer.unit_id
        assert row.entity == "refused_case"
        assert row.before == row.after == ""
    # The text log has the ids, no names.
    warned = [r.getMessage() for r in caplog.records if "case=" in r.getMessage()]
    assert f"user={officer.user_id} on case={case_b}" in " ".join(warned)
    for text in (officer.username, officer.full_name, NAME_B, ID_B):
        assert text not in caplog.text


def test_a_missing_id_is_refused_and_audited_the_same_way(world):
    officer = world["people"]["canbo.a"]
    with pytest.raises(PermissionDenied) as missing:
        case_queries.get_case(officer, MISSING)
    with pytest.raises(PermissionDenied) as other:
        case_queries.get_case(officer, world["case_b"])
    assert type(missing.value) is type(other.value)
    assert missing.value.message == other.value.message
    assert told(officer.user_id) == {
        (MISSING, "case.read"),
        (world["case_b"], "case.read"),
    }
    # Nor can the log itself tell the two apart.
    admin = world["people"]["quantri"]
    shown = {
        r["entity"]
        for r in audit_log.search(admin)["rows"]
        if r["action"] == "Bị từ chối truy cập hồ sơ"
    }
    assert shown == {
        f"Hồ sơ mã số {MISSING} trong hệ thống",
        f"Hồ sơ mã số {world['case_b']} trong hệ thống",
    }


def test_one_row_per_user_case_and_action_a_minute(world):
    officer = world["people"]["canbo.a"]
    other = world["people"]["canbo.b"]
    case_b = world["case_b"]
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            case_queries.get_case(officer, case_b)
    assert len(refusals(officer.user_id)) == 1

    # Another user, case or action is another row.
    with pytest.raises(PermissionDenied):
        case_queries.get_case(other, MISSING)
    with pytest.raises(PermissionDenied):
        case_edit.edit_form(officer, case_b)
    assert len(refusals()) == 3

    # A minute later the same refusal is told again.
    later = utcnow() + timedelta(seconds=61)
    with time_machine.travel(later, tick=False), pytest.raises(PermissionDenied):
        case_queries.get_case(officer, case_b)
    assert len(refusals(officer.user_id)) == 3


def test_an_enumeration_of_ids_writes_a_bounded_number_of_rows(world):
    officer = world["people"]["canbo.a"]
    for case_id in range(MISSING, MISSING + case_refusals.PER_USER + 10):
        with pytest.raises(PermissionDenied):
            case_queries.get_case(officer, case_id)
    assert len(refusals(officer.user_id)) == case_refusals.PER_USER


def test_the_log_shows_the_refusal_and_nothing_of_the_case(world):
    officer = world["people"]["canbo.a"]
    _open_each_page(officer, world["case_b"])
    with session_scope() as session:
        unit_b = session.get(Unit, world["people"]["canbo.b"].unit_id).name
    secrets = (NAME_B, ID_B, world["number_b"], unit_b)

    # Everyone who reads the log: the province's administrator and
    # supervisor (every unit), and they alone (AUDIT_READ).
    for reader in ("quantri", "giamsat"):
        rows = [
            r
            for r in audit_log.search(world["people"][reader])["rows"]
            if r["action"] == "Bị từ chối truy cập hồ sơ"
        ]
        assert len(rows) == 3
        for row in rows:
            assert row["user"] == "canbo.a"
            assert row["entity"] == (f"Hồ sơ mã số {world['case_b']} trong hệ thống")
            # The attempt alone: the page and the export label it «Lý do»
            # (user trial: «Lý do: Thao tác: xem hồ sơ»).
            assert row["reason"] in {
                "xem hồ sơ",
                "nhập, sửa hồ sơ hoặc ghi bước xử lý",
                "in biểu mẫu",
            }
            for secret in secrets:
                assert secret not in " ".join(map(str, row.values()))
        _name, data = audit_log.export_xlsx(world["people"][reader])
        sheet = load_workbook(io.BytesIO(data)).active
        told_rows = [
            row
            for row in sheet.iter_rows(values_only=True)
            if row[4] == "Bị từ chối truy cập hồ sơ"
        ]
        assert len(told_rows) == 3
        assert {row[8] for row in told_rows} == {
            "xem hồ sơ",
            "nhập, sửa hồ sơ hoặc ghi bước xử lý",
            "in biểu mẫu",
        }
        cells = " ".join(str(c) for row in told_rows for c in row)
        for secret in secrets:
            assert secret not in cells

    # Nor does unit B's case history name unit A's officer.
    history = case_edit.case_history(world["people"]["canbo.b"], world["case_b"])
    assert all(h["action"] != "Bị từ chối truy cập hồ sơ" for h in history)
    assert all(h["who"] != officer.full_name for h in history)


def test_no_row_for_a_refusal_by_role_or_an_own_case_in_the_bin(world):
    people = world["people"]
    # A supervisor reads every unit's case but may not edit it: refused by
    # role, which `require` logs; no intrusion to audit.
    with pytest.raises(PermissionDenied):
        case_edit.edit_form(people["giamsat"], world["case_b"])
    # Officer B's own case, in the bin: the page tells them where it is.
    recycle_bin.delete_case(people["canbo.b"], world["case_b"], "Nhập trùng hồ sơ")
    with pytest.raises(PermissionDenied):
        case_queries.get_case(people["canbo.b"], world["case_b"])
    assert refusals() == []
    # Officer A asking for it, or restoring it, is refused and recorded.
    with pytest.raises(PermissionDenied):
        case_queries.get_case(people["canbo.a"], world["case_b"])
    with pytest.raises(PermissionDenied):
        recycle_bin.restore_case(people["canbo.a"], world["case_b"])
    assert told(people["canbo.a"].user_id) == {
        (world["case_b"], "case.read"),
        (world["case_b"], "case.delete"),
    }
    assert refusals(people["canbo.b"].user_id) == []


def test_the_row_waits_for_the_callers_transaction_and_survives_it(world):
    """Written after the caller's transaction, committed or rolled back: in
    it, the refusal's rollback took the row along."""
    officer = world["people"]["canbo.a"]
    with session_scope() as session:
        with pytest.raises(NotFound):
            cases.load_case(session, officer, world["case_b"], "case.read")
        assert refusals() == []  # still pending
    assert told(officer.user_id) == {(world["case_b"], "case.read")}

    with pytest.raises(NotFound), session_scope() as session:
        cases.load_case(session, officer, MISSING, "case.print")
    assert (MISSING, "case.print") in told(officer.user_id)


def _token(username: str) -> str:
    return auth.login(username, PASSWORD).token


def test_the_state_handlers_record_the_refusal(world):
    from xlvphc.state.cases import CaseDetailState
    from xlvphc.state.printing import PrintMenuState
    from xlvphc.state.procedure import ProcedureState

    officer = world["people"]["canbo.a"]
    case_b = world["case_b"]
    query = {"id": str(case_b)}

    # /ho-so/chi-tiet?id=…: the page's refusal panel, and a row.
    root, state = new_state(CaseDetailState, _token("canbo.a"))
    at_page(root, "/ho-so/chi-tiet", query)
    run_coroutine(CaseDetailState.event_handlers["open"].fn(state))
    assert state.refused and not state.in_bin and state.case == {}
    assert told(officer.user_id) == {(case_b, "case.read")}

    # A procedure step sent for the other unit's case.
    root, state = new_state(ProcedureState, _token("canbo.a"))
    state._case_id = case_b
    state.selected = "receipt"
    _submit(state)
    assert (case_b, "case.write") in told(officer.user_id)

    # A print of it.
    root, state = new_state(PrintMenuState, _token("canbo.a"))
    at_page(root, "/ho-so/chi-tiet", query)
    _download(state)
    assert (case_b, "case.print") in told(officer.user_id)
    assert len(refusals()) == 3


def _submit(state):
    from xlvphc.state.procedure import ProcedureState

    fn = ProcedureState.event_handlers["submit"].fn
    return run_coroutine(_drive(fn(state, {"on": "01/12/2026"})))


def _download(state):
    from xlvphc.state.printing import PrintMenuState

    fn = PrintMenuState.event_handlers["download"].fn
    return run_coroutine(_drive(fn(state, "MBB01", "final")))
