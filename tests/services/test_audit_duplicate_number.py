"""Trial finding: the log line of a possible duplicate ("Có thể trùng với
hồ sơ") showed the case's internal id, a number nobody knows the case by.
It now shows the number users know, looked up when the log is read; a
purged case says so; and a reader whose log covers some units only never
learns the number of a case of another unit."""

import io
from datetime import datetime, timedelta

from openpyxl import load_workbook
from sqlmodel import select

from tests.services.conftest import _unit_id, actor_for, case_form, make_user
from xlvphc.models import Case
from xlvphc.services import accounts, audit_log, cases, recycle_bin
from xlvphc.services.access import Role
from xlvphc.services.audit_values import PURGED_CASE
from xlvphc.services.db import session_scope


def _twins(officer) -> tuple[int, int]:
    """A case, then a second of the same violator on the same day: its
    creation is logged with the first as a possible duplicate."""
    first = cases.create_case(officer, case_form())
    second = cases.create_case(officer, case_form())
    return first, second


def _created_line(actor, case_id: int) -> str:
    rows = audit_log.search(actor, {"action": "case.created"})["rows"]
    [row] = [
        r for r in rows if r["entity"] == f"Hồ sơ: biên bản số {_number(case_id)}"
    ]
    return row["after"]


def _exported(actor) -> str:
    """Every cell of the log's export of case creations, as one text."""
    _name, body = audit_log.export_xlsx(actor, {"action": "case.created"})
    sheet = load_workbook(io.BytesIO(body)).active
    return "\n".join(
        str(cell) for row in sheet.iter_rows(values_only=True) for cell in row
    )


def _number(case_id: int) -> str:
    with session_scope() as session:
        return session.get(Case, case_id).record_number


def test_the_duplicate_is_named_by_its_record_number(people):
    officer, admin = people["canbo.a"], people["quantri"]
    first, second = _twins(officer)
    line = _created_line(admin, second)
    assert f"Có thể trùng với hồ sơ: biên bản số {_number(first)}" in line
    assert f"hồ sơ: {first}" not in line  # not the internal id

    # In the bin, it says so; purged, it says that, and no number.
    recycle_bin.delete_case(officer, first, "Nhập nhầm hồ sơ")
    line = _created_line(admin, second)
    assert f"biên bản số {_number(first)} (trong thùng rác)" in line
    recycle_bin.purge_case(admin, first, "Xóa hẳn hồ sơ nhập nhầm")
    line = _created_line(admin, second)
    assert f"Có thể trùng với hồ sơ: {PURGED_CASE}" in line
    # The export reads the same.
    assert f"Có thể trùng với hồ sơ: {PURGED_CASE}" in _exported(admin)


def test_a_reader_of_some_units_never_learns_another_units_number(people):
    """An audit reader scoped to unit A (a supervisor's role held on a
    commune's unit reads its own units only, services.access) reads A's
    log line; the duplicate has since moved to unit B (a transfer, a
    merge): its number is not shown to that reader, while the province's
    administrator, who reads every unit, sees it."""
    officer, admin = people["canbo.a"], people["quantri"]
    make_user("giamsat.xa", "UBND-22015", Role.SUPERVISOR)
    scoped = actor_for("giamsat.xa")
    first, second = _twins(officer)
    with session_scope() as session:
        case = session.get(Case, first)
        case.unit_id = _unit_id("UBND-22045")
        case.record_number = "77/BB-DONVIKHAC"
        session.add(case)

    line = _created_line(scoped, second)
    assert "77/BB-DONVIKHAC" not in line and f"hồ sơ: {first}" not in line
    assert "Có thể trùng với hồ sơ: hồ sơ ngoài phạm vi bạn được xem" in line
    exported = _exported(scoped)
    assert "77/BB-DONVIKHAC" not in exported
    assert "hồ sơ ngoài phạm vi bạn được xem" in exported
    assert "biên bản số 77/BB-DONVIKHAC" in _created_line(admin, second)


def test_a_case_created_after_the_event_is_not_the_one_it_named():
    """SQLite gives the highest id again once its case is purged: a case
    newer than the event under that id is another case."""
    from xlvphc.services.audit_log import _case_texts

    at = datetime(2026, 5, 1, 3, 0)
    before, after = at - timedelta(days=1), at + timedelta(minutes=1)
    shown = _case_texts({7: (before, "biên bản số 01/BB"),
                         8: (after, "biên bản số 09/BB")}, at)
    assert shown == {7: "biên bản số 01/BB", 8: PURGED_CASE}


def test_the_first_case_names_no_duplicate(people):
    officer, admin = people["canbo.a"], people["quantri"]
    first = cases.create_case(officer, case_form())
    assert "Có thể trùng" not in _created_line(admin, first)
    with session_scope() as session:
        assert session.exec(select(Case.id)).all() == [first]


def test_the_object_column_names_cases_and_accounts_as_users_know_them(people):
    """The Đối tượng column named «Hồ sơ số 812», the internal id."""
    officer, admin = people["canbo.a"], people["quantri"]
    case_id = cases.create_case(officer, case_form())
    user_id = make_user("canbo.moi", "UBND-22015", Role.OFFICER)
    accounts.reset_password(admin, user_id)

    case_rows = audit_log.search(admin, {"action": "case.created"})["rows"]
    user_rows = audit_log.search(admin, {"action": "account.password_reset"})

    entities = {r["entity"] for r in case_rows}
    assert f"Hồ sơ: biên bản số {_number(case_id)}" in entities
    assert f"Hồ sơ số {case_id}" not in entities
    assert "Tài khoản canbo.moi" in {r["entity"] for r in user_rows["rows"]}
