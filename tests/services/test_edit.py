"""Editing a case (issue 6): every part before the decision, locked after,
optimistic locking between two officers, and the history tab."""

import pytest
from sqlmodel import select

from tests.services.conftest import (
    actor_for,
    case_form,
    catalogue_id,
    decision_form,
    make_user,
)
from xlvphc.models import AuditEvent, Case, CaseAct, ViolationRecord, Violator
from xlvphc.services import case_edit, case_queries, cases, printing
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)


def _form(actor, case_id, **changes) -> dict:
    """The edit form as the browser sends it back, with some fields changed."""
    loaded = case_edit.edit_form(actor, case_id)
    form = dict(loaded["values"])
    form["kind"] = loaded["kind"]
    form["act_ids"] = ",".join(a["id"] for a in loaded["acts"])
    form["version"] = loaded["version"]
    form.update(changes)
    return form


def test_every_part_can_be_corrected_before_the_decision(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    other_act = catalogue_id(6, 2, "a", "168/2024/NĐ-CP")
    version = case_edit.edit_case(a, case_id, _form(
        a, case_id, name="Nguyễn Văn Ân", id_number="066090005678",
        violation_place="Đường Hùng Vương", record_place="Trụ sở Công an phường",
        witness="", act_ids=str(other_act)))
    assert version == 2
    with session_scope() as session:
        case = session.get(Case, case_id)
        violator = session.exec(select(Violator).where(
            Violator.case_id == case_id)).one()
        record = session.exec(select(ViolationRecord).where(
            ViolationRecord.case_id == case_id)).one()
        acts = session.exec(select(CaseAct).where(CaseAct.case_id == case_id)).all()
    assert (case.violator_name, case.violation_place) == \
        ("Nguyễn Văn Ân", "Đường Hùng Vương")
    assert violator.id_number == "066090005678"
    assert (record.place, record.witness) == ("Trụ sở Công an phường", "")
    assert [a.catalogue_id for a in acts] == [other_act]
    # The search follows the new name.
    found = case_queries.list_cases(a, {"q": "nguyen van an"})["rows"]
    assert [r["id"] for r in found] == [case_id]
    assert case_queries.list_cases(a, {"q": "066090005678"})["total"] == 1


def test_second_save_with_an_old_version_is_refused(people):
    a = people["canbo.a"]
    make_user("canbo.a2", "UBND-22015", Role.OFFICER)
    colleague = actor_for("canbo.a2")
    case_id = cases.create_case(a, case_form())
    mine = _form(a, case_id, violation_place="Chợ Tuy Hòa")
    theirs = _form(colleague, case_id, violation_place="Bến xe phía Nam")
    case_edit.edit_case(colleague, case_id, theirs)
    with pytest.raises(Conflict) as err:
        case_edit.edit_case(a, case_id, mine)
    assert "Cán bộ canbo.a2" in err.value.message
    assert "Lịch sử thay đổi" in err.value.message
    with session_scope() as session:
        assert session.get(Case, case_id).violation_place == "Bến xe phía Nam"
    # The other's change is visible in the history, before and after.
    history = case_edit.case_history(a, case_id)
    assert history[0]["who"] == "Cán bộ canbo.a2"
    assert {"field": "Địa điểm vi phạm", "before": "Đường Lê Duẩn, phường Tuy Hòa",
            "after": "Bến xe phía Nam"} in history[0]["changes"]


def test_missing_or_forged_version_is_refused(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    for version in (None, "", 0, 99, "1; --"):
        with pytest.raises(Conflict):
            case_edit.edit_case(a, case_id, _form(a, case_id, version=version))


def test_legal_fields_are_locked_after_the_decision(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    cases.issue_decision(a, case_id, decision_form(version=1))
    form = _form(a, case_id, name="Người Khác")
    assert case_edit.edit_form(a, case_id)["locked"].startswith(
        "Hồ sơ đã có quyết định xử phạt")
    with pytest.raises(Conflict) as err:
        case_edit.edit_case(a, case_id, form)
    assert "Nghị định 118/2021/NĐ-CP" in err.value.message
    with session_scope() as session:
        assert session.get(Case, case_id).violator_name == "Nguyễn Văn An"


def test_invalid_edit_reports_fields_and_changes_nothing(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    with pytest.raises(ValidationFailed) as err:
        case_edit.edit_case(a, case_id, _form(a, case_id, birth_date="31/02/1990",
                                              name=""))
    assert set(err.value.errors) >= {"birth_date", "name"}
    with session_scope() as session:
        assert session.get(Case, case_id).version == 1


def test_unchanged_save_writes_nothing(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    assert case_edit.edit_case(a, case_id, _form(a, case_id)) == 1
    with session_scope() as session:
        edits = session.exec(select(AuditEvent).where(
            AuditEvent.action == "case.edited")).all()
    assert edits == []


def test_other_unit_supervisor_and_bad_ids_are_refused(people):
    a, b, sup = people["canbo.a"], people["canbo.b"], people["giamsat"]
    case_id = cases.create_case(a, case_form())
    form = _form(a, case_id, name="Kẻ Gian")
    with pytest.raises(PermissionDenied) as other:
        case_edit.edit_form(b, case_id)
    with pytest.raises(NotFound) as missing:
        case_edit.edit_form(b, case_id + 100)
    assert other.value.message == missing.value.message
    with pytest.raises(PermissionDenied):
        case_edit.edit_case(b, case_id, form)
    with pytest.raises(PermissionDenied):
        case_edit.edit_case(sup, case_id, form)
    for bad in ("1", None, -1, 2**40, [case_id]):
        with pytest.raises(NotFound):
            case_edit.edit_case(a, bad, form)
    with pytest.raises(PermissionDenied):
        case_edit.case_history(b, case_id)
    with session_scope() as session:
        assert session.get(Case, case_id).violator_name == "Nguyễn Văn An"


def test_history_lists_creation_decision_and_edits(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    case_edit.edit_case(a, case_id, _form(a, case_id, occupation="Nông dân"))
    cases.issue_decision(a, case_id, decision_form(version=2))
    case_queries.get_case(a, case_id)  # reads are not changes
    actions = [h["action"] for h in case_edit.case_history(a, case_id)]
    assert actions == ["Ra quyết định xử phạt", "Sửa hồ sơ", "Lập hồ sơ và biên bản"]
    edit = case_edit.case_history(a, case_id)[1]
    assert edit["changes"] == [{"field": "Nghề nghiệp", "before": "Lái xe",
                                "after": "Nông dân"}]


def test_case_page_folds_the_prints_apart_from_the_changes(people):
    """User trial (5 Dec 2026): every preview, draft and download added an
    "In biểu mẫu …" entry, and 25 of them buried 6 changes. The case page
    reads the changes alone and the prints apart, counted, newest first;
    the full history (the audit log) still has every print."""
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    case_edit.edit_case(a, case_id, _form(a, case_id, occupation="Nông dân"))
    for form, mode in [("MBB01", "final"), ("MBB01", "draft"), ("MBB02", "final")]:
        printing.print_form(a, case_id, form, mode)
    cases.issue_decision(a, case_id, decision_form(version=2))

    folded = case_edit.case_history_folded(a, case_id)

    assert [h["action"] for h in folded["changes"]] == [
        "Ra quyết định xử phạt", "Sửa hồ sơ", "Lập hồ sơ và biên bản"]
    assert folded["print_count"] == 3
    assert [h["action"] for h in folded["prints"]] == [
        "In biểu mẫu MBB02 (bản chính thức)",
        "In biểu mẫu MBB01 (bản dự thảo)",
        "In biểu mẫu MBB01 (bản chính thức)",
    ]
    everything = [h["action"] for h in case_edit.case_history(a, case_id)]
    assert len(everything) == 6 and everything[1].startswith("In biểu mẫu MBB02")


def test_prints_never_push_a_change_out_of_the_page(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    for _ in range(4):
        printing.print_form(a, case_id, "MBB01", "draft")
    folded = case_edit.case_history_folded(a, case_id, limit=2)
    assert [h["action"] for h in folded["changes"]] == ["Lập hồ sơ và biên bản"]
    assert (folded["print_count"], len(folded["prints"])) == (4, 2)


def test_folded_history_checks_the_scope(people):
    case_id = cases.create_case(people["canbo.a"], case_form())
    with pytest.raises(PermissionDenied):
        case_edit.case_history_folded(people["canbo.b"], case_id)
    for bad in ("1; --", None, -1, [case_id]):
        with pytest.raises(NotFound):
            case_edit.case_history_folded(people["canbo.a"], bad)
