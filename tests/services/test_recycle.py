"""Delete into the recycle bin, restore with everything, purge by an
administrator only (issue 6)."""

import pytest
from sqlalchemy import func
from sqlmodel import SQLModel, select

from tests.services.conftest import case_form, decision_form
from xlvphc.models import AuditEvent, Case
from xlvphc.services import case_queries, cases, dashboard, export, recycle_bin
from xlvphc.services.db import session_scope
from xlvphc.services.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from xlvphc.services.recycle_bin import _child_tables


def _child_counts(case_id: int) -> dict[str, int]:
    """Rows in every table that belongs to the case."""
    counts = {}
    with session_scope() as session:
        for table, column in _child_tables():
            counts[table.name] = session.exec(
                select(func.count()).select_from(table).where(column == case_id)
            ).one()
    return counts


def test_delete_needs_a_reason(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    for reason in (None, "", "   ", "abc", {"x": 1}, "x" * 501):
        with pytest.raises(ValidationFailed):
            recycle_bin.delete_case(a, case_id, reason)
    assert case_queries.get_case(a, case_id)["id"] == case_id


def test_delete_then_restore_keeps_every_child_row(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    before = _child_counts(case_id)
    assert before["violator"] == before["violationrecord"] == 1
    assert before["caseact"] == 1 and before["casetoken"] > 5
    recycle_bin.delete_case(a, case_id, "Trùng với hồ sơ khác")

    # Gone from the case page, the list, the dashboard and the export.
    with pytest.raises(NotFound):
        case_queries.get_case(a, case_id)
    assert case_queries.list_cases(a)["total"] == 0
    assert dashboard.summary(people["giamsat"])["cases"] == 0
    _, data = export.export_cases(a, {})
    assert b"Nguy" not in data  # sharedStrings has no violator name
    binned = recycle_bin.list_bin(a)
    assert [r["id"] for r in binned["rows"]] == [case_id]
    assert binned["rows"][0]["reason"] == "Trùng với hồ sơ khác"

    recycle_bin.restore_case(a, case_id)
    after = _child_counts(case_id)
    # Restoring adds timeline entries; nothing the case had is lost.
    assert {k: v for k, v in after.items() if k != "caseevent"} == \
        {k: v for k, v in before.items() if k != "caseevent"}
    assert after["caseevent"] == before["caseevent"] + 2
    detail = case_queries.get_case(a, case_id)
    assert detail["violator_name"] == "Nguyễn Văn An"
    assert case_queries.list_cases(a, {"q": "nguyen"})["total"] == 1
    assert recycle_bin.list_bin(a)["total"] == 0


def test_a_case_with_a_decision_cannot_be_deleted(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    cases.issue_decision(a, case_id, decision_form(version=1))
    with pytest.raises(Conflict) as err:
        recycle_bin.delete_case(a, case_id, "Muốn xóa quyết định")
    assert "hủy bỏ" in err.value.message
    assert case_queries.list_cases(a)["total"] == 1


def test_other_unit_and_supervisor_cannot_delete_or_restore(people):
    a, b, sup = people["canbo.a"], people["canbo.b"], people["giamsat"]
    case_id = cases.create_case(a, case_form())
    with pytest.raises(PermissionDenied):
        recycle_bin.delete_case(b, case_id, "Không phải của tôi")
    with pytest.raises(PermissionDenied):
        recycle_bin.delete_case(sup, case_id, "Giám sát xóa")
    recycle_bin.delete_case(a, case_id, "Nhập nhầm")
    with pytest.raises(PermissionDenied):
        recycle_bin.restore_case(b, case_id)
    assert recycle_bin.list_bin(b)["total"] == 0
    with pytest.raises(NotFound):
        recycle_bin.restore_case(a, case_id + 1)
    with pytest.raises(NotFound):
        recycle_bin.restore_case(a, str(case_id))


def test_purge_is_for_administrators_only_and_audited(people):
    a, admin = people["canbo.a"], people["quantri"]
    case_id = cases.create_case(a, case_form())
    keep = cases.create_case(a, case_form(name="Đỗ Thị Hạnh"))
    # Not in the bin yet: even the administrator cannot purge it.
    with pytest.raises(NotFound):
        recycle_bin.purge_case(admin, case_id, "Hết thời hạn lưu")
    recycle_bin.delete_case(a, case_id, "Nhập nhầm")
    for who in (a, people["canbo.b"], people["giamsat"]):
        with pytest.raises(PermissionDenied):
            recycle_bin.purge_case(who, case_id, "Hết thời hạn lưu")
    # The administrator sees the bin without the violator's name.
    row = recycle_bin.list_bin(admin)["rows"][0]
    assert row["violator_name"] == "(ẩn)" and row["record_number"] == "01/BB-VPHC"

    recycle_bin.purge_case(admin, case_id, "Hết thời hạn lưu")
    assert set(_child_counts(case_id).values()) == {0}
    with session_scope() as session:
        assert session.get(Case, case_id) is None
        assert session.get(Case, keep) is not None
        purge = session.exec(select(AuditEvent).where(
            AuditEvent.action == "case.purged")).one()
    assert purge.entity_id == case_id and purge.actor_id == admin.user_id
    assert purge.reason == "Hết thời hạn lưu"
    assert "Nguyễn" not in purge.before
    assert _child_counts(keep)["violator"] == 1
    assert SQLModel.metadata.tables["case"] is not None


def test_every_row_below_a_case_points_at_the_case_itself():
    """A purge deletes by `case_id` (`_child_tables`): a table that hangs only
    under another child (say a detail of a step) would be left behind, or
    block the purge by its foreign key. So every such table must carry its
    own foreign key to the case."""
    case_children = {table.name for table, _ in _child_tables()}
    for table in SQLModel.metadata.sorted_tables:
        parents = {fk.column.table.name for fk in table.foreign_keys}
        if parents & case_children:
            assert "case" in parents, f"{table.name} has no foreign key to case"
