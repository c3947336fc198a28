"""The unit tree (create, rename, merge, deactivate) and the audit log
(search scope, export, append-only) — issue 5 "Units and roles", "Audit"."""

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import event
from sqlmodel import select

from tests.services.conftest import PASSWORD, _unit_id, case_form, make_user
from xlvphc.models import AuditEvent, Case, Unit, User
from xlvphc.services import accounts, audit_log, auth, cases, units
from xlvphc.services.access import Role
from xlvphc.services.db import get_engine, session_scope
from xlvphc.services.errors import (
    NotAuthenticated,
    PermissionDenied,
    ValidationFailed,
)


def test_browse_shows_one_level_with_counts(people):
    admin = people["quantri"]
    roots = units.browse(admin)
    assert [r["name"] for r in roots["rows"]] == ["Tỉnh Đắk Lắk"]
    province = roots["rows"][0]["id"]
    level = units.browse(admin, province)
    assert level["path"] == [{"id": province, "name": "Tỉnh Đắk Lắk"}]
    by_name = {r["name"]: r for r in level["rows"]}
    assert by_name["Sở Tư pháp tỉnh Đắk Lắk"]["users"] == 2
    assert all(r["kind"] for r in level["rows"])


def test_only_system_administrators_keep_the_tree(people):
    make_user("qtdv.a", "UBND-22015", Role.UNIT_ADMIN)
    from tests.services.conftest import actor_for

    for actor in (people["canbo.a"], people["giamsat"], actor_for("qtdv.a")):
        with pytest.raises(PermissionDenied):
            units.browse(actor)
        with pytest.raises(PermissionDenied):
            units.rename_unit(actor, _unit_id("UBND-22015"), {"name": "Bị đổi"})
        with pytest.raises(PermissionDenied):
            units.merge_units(
                actor, _unit_id("UBND-22015"), _unit_id("UBND-22045"), "Nghị quyết 1"
            )


def test_create_and_rename_are_validated_and_audited(people):
    admin = people["quantri"]
    with pytest.raises(ValidationFailed) as err:
        units.create_unit(
            admin,
            {"name": "x", "kind": "province", "parent_id": "-1", "code": "bad code"},
        )
    assert set(err.value.errors) == {"name", "kind", "parent_id", "code"}
    unit_id = units.create_unit(
        admin,
        {
            "name": "Chi cục Kiểm lâm",
            "kind": "department",
            "parent_id": str(_unit_id("66")),
        },
    )
    units.rename_unit(admin, unit_id, {"name": "Chi cục Kiểm lâm vùng I"})
    with session_scope() as session:
        unit = session.get(Unit, unit_id)
        rows = session.exec(
            select(AuditEvent).where(
                AuditEvent.entity == "unit", AuditEvent.entity_id == unit_id
            )
        ).all()
    # No code typed: the parent's (the province, "66") and a number.
    assert unit.name == "Chi cục Kiểm lâm vùng I" and unit.code == "66-1"
    assert [r.action for r in rows] == ["unit.created", "unit.renamed"]
    assert 'Chi cục Kiểm lâm"' in rows[1].before


def test_merge_moves_cases_users_and_sub_units_and_ends_sessions(people):
    admin, officer = people["quantri"], people["canbo.a"]
    source, target = _unit_id("UBND-22015"), _unit_id("UBND-22045")
    case_id = cases.create_case(officer, case_form())
    sub = units.create_unit(
        admin, {"name": "Tổ một cửa", "kind": "department", "parent_id": str(source)}
    )
    token = auth.login("canbo.a", PASSWORD).token

    with pytest.raises(ValidationFailed):
        units.merge_units(admin, source, target, "")  # no legal basis given
    with pytest.raises(ValidationFailed):
        units.merge_units(admin, source, sub, "Nghị quyết 1")  # into its own child
    counts = units.merge_units(admin, source, target, "Nghị quyết 1/2026")
    assert counts == {"cases": 1, "users": 1, "units": 1, "titles": []}

    with session_scope() as session:
        assert session.get(Case, case_id).unit_id == target
        assert session.get(Unit, sub).parent_id == target
        assert not session.get(Unit, source).active
        moved = session.exec(select(User).where(User.username == "canbo.a")).one()
        merged = session.exec(
            select(AuditEvent).where(AuditEvent.action == "unit.merged")
        ).one()
    assert moved.unit_id == target
    assert merged.reason == "Nghị quyết 1/2026" and '"cases": 1' in merged.after
    with pytest.raises(NotAuthenticated):
        auth.resolve(token)
    # Logged in again, the officer works in the new unit and sees the case.
    actor = auth.resolve(auth.login("canbo.a", PASSWORD).token)
    assert actor.unit_id == target


def test_deactivate_only_an_empty_unit(people):
    admin = people["quantri"]
    busy = _unit_id("UBND-22015")
    with pytest.raises(ValidationFailed) as err:
        units.set_active(admin, busy, False)
    assert "1 tài khoản" in err.value.errors["active"]
    empty = units.create_unit(
        admin, {"name": "Tổ tạm", "kind": "department", "parent_id": str(busy)}
    )
    units.set_active(admin, empty, False)
    assert str(empty) not in {u["id"] for u in accounts.unit_choices(admin)}
    units.set_active(admin, empty, True)
    with pytest.raises(ValidationFailed):
        units.set_active(admin, empty, "false")  # only a real bool


def test_audit_search_filters_and_scope(people):
    admin, supervisor = people["quantri"], people["giamsat"]
    accounts.reset_password(admin, people["canbo.b"].user_id)
    rows = audit_log.search(supervisor, {"action": "account.password_reset"})["rows"]
    assert len(rows) == 1 and rows[0]["user"] == "quantri"
    assert rows[0]["action"] == "Cấp lại mật khẩu"
    logins = audit_log.search(admin, {"user": "canbo.a", "action": "login"})
    assert logins["total"] == 1
    today = logins["rows"][0]["at"][:10]
    assert audit_log.search(admin, {"date_from": today, "date_to": today})["total"]
    assert audit_log.search(admin, {"date_to": "01/01/2020"})["total"] == 0
    for actor in (people["canbo.a"],):
        with pytest.raises(PermissionDenied):
            audit_log.search(actor)
        with pytest.raises(PermissionDenied):
            audit_log.export_xlsx(actor)


def test_audit_export_is_escaped_and_itself_audited(people):
    admin = people["quantri"]
    with session_scope() as session:
        session.add(AuditEvent(action="login.failed", reason="=cmd|' /C calc'!A0"))
    name, body = audit_log.export_xlsx(admin, {"action": "login.failed"})
    sheet = load_workbook(io.BytesIO(body)).active
    reasons = [row[8].value for row in sheet.iter_rows(min_row=2)]
    assert "'=cmd|' /C calc'!A0" in reasons
    assert audit_log.search(admin, {"action": "audit.exported"})["total"] == 1


def test_the_app_never_updates_or_deletes_audit_rows(people):
    """Every service that writes runs with a hook on the engine; no statement
    may UPDATE or DELETE the audit table (security.md G4)."""
    statements: list[str] = []

    def watch(_conn, _cursor, statement, *_args):
        text = " ".join(statement.lower().split())
        if text.startswith(("update auditevent", "delete from auditevent")):
            statements.append(statement)

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", watch)
    try:
        admin = people["quantri"]
        issued = accounts.create_user(
            admin,
            {
                "username": "kiem.tra",
                "full_name": "Kiểm Tra",
                "unit_id": str(_unit_id("UBND-22015")),
                "roles": "officer",
            },
        )
        token = auth.login("kiem.tra", issued.password).token
        token = auth.change_password(
            token, issued.password, "Hoa cà phê nở trắng", "Hoa cà phê nở trắng"
        )
        auth.logout(token)
        accounts.set_active(admin, issued.user_id, False)
        accounts.reset_password(admin, issued.user_id)
        cases.create_case(people["canbo.a"], case_form())
        units.merge_units(
            admin, _unit_id("UBND-22015"), _unit_id("UBND-22045"), "Nghị quyết 2"
        )
        audit_log.export_xlsx(admin)
    finally:
        event.remove(engine, "before_cursor_execute", watch)
    assert statements == []
    with session_scope() as session:
        assert session.exec(select(AuditEvent)).all()


def test_an_orm_change_to_an_audit_row_is_refused(people):
    with pytest.raises(RuntimeError, match="append-only"):
        with session_scope() as session:
            row = session.exec(select(AuditEvent)).first()
            row.reason = "sửa lén"
            session.add(row)
    with pytest.raises(RuntimeError, match="append-only"):
        with session_scope() as session:
            session.delete(session.exec(select(AuditEvent)).first())
