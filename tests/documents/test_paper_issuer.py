"""Issued papers keep the issuing unit as it was when they were issued
(services/issuer.py; user trial): a rename does not reprint an old decision
under the new name, a merge does not put the receiving unit's header above
the old unit's heading; drafts and blanks print the unit as it is now. A
merge also carries the number series on (no new number repeats a moved
one) and names the moved accounts whose title names the old unit."""

from pdf_probe import all_text
from sqlmodel import select

from tests.services.conftest import (  # noqa: F401 - fixtures
    _unit_id,
    actor_for,
    case_form,
    decision_form,
    make_user,
    people,
    ref,
)
from xlvphc.models import Case, Decision, Unit, ViolationRecord
from xlvphc.services import cases, printing, units
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope

OLD = "Ủy ban nhân dân phường Tuy Hòa"
NEW = "Ủy ban nhân dân phường Tuy Hòa Mới"


def _decided(officer) -> int:
    case_id = cases.create_case(officer, case_form())
    cases.issue_decision(officer, case_id, decision_form(version=1))
    return case_id


def _name(unit_code: str) -> str:
    with session_scope() as session:
        return session.get(Unit, _unit_id(unit_code)).name


def test_papers_store_the_header_they_print(people):  # noqa: F811
    case_id = _decided(people["canbo.a"])
    with session_scope() as session:
        record = session.exec(
            select(ViolationRecord).where(ViolationRecord.case_id == case_id)
        ).one()
        decision = session.exec(
            select(Decision).where(Decision.case_id == case_id)
        ).one()
        stored = [
            (p.agency_name, p.agency_parent, p.agency_place)
            for p in (record, decision)
        ]
    assert _name("UBND-22015") == OLD
    assert stored == [(OLD, "", "Tuy Hòa")] * 2


def test_rename_keeps_issued_papers_drafts_take_the_new_name(people):  # noqa: F811
    officer, admin = people["canbo.a"], people["quantri"]
    decided = _decided(officer)
    recorded = cases.create_case(officer, case_form())
    units.rename_unit(admin, _unit_id("UBND-22015"), {"name": NEW})

    decision, _ = printing.form_data(officer, decided, "MQĐ02", "final")
    record, _ = printing.form_data(officer, decided, "MBB01", "final")
    assert decision.agency.name == OLD and record.agency.name == OLD
    text = all_text(printing.print_form(officer, decided, "MQĐ02", "final")[1])
    assert "PHƯỜNG TUY HÒA MỚI" not in text.upper()
    assert "ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA" in text

    # Not yet signed: the unit as it is called now.
    draft, _ = printing.form_data(officer, recorded, "MQĐ02", "draft")
    blank, _ = printing.form_data(officer, decided, "MQĐ02", "blank")
    assert draft.agency.name == NEW and blank.agency.name == NEW
    # A record made after the rename names the new unit.
    later = cases.create_case(officer, case_form())
    assert printing.form_data(officer, later, "MBB01")[0].agency.name == NEW


def test_merge_reprints_the_old_units_header_and_heading(people):  # noqa: F811
    officer, admin = people["canbo.a"], people["quantri"]
    source, target = _unit_id("UBND-22015"), _unit_id("UBND-22045")
    case_id = _decided(officer)
    # The signer's title left to the code: told from the unit the decision
    # named (domain.signer_titles), so heading and header stay one unit.
    untold = cases.create_case(officer, case_form())
    cases.issue_decision(
        officer,
        untold,
        decision_form(
            version=1,
            signer_title="",
            signer_title_code="chu_tich_ubnd_xa",
            authority_confirmed="1",
        ),
    )
    units.merge_units(admin, source, target, "Nghị quyết 1/2026")
    moved = actor_for("canbo.a")
    with session_scope() as session:
        assert session.get(Case, case_id).unit_id == target

    for case in (case_id, untold):
        data, _ = printing.form_data(moved, case, "MQĐ02", "final")
        assert data.agency.name == OLD and data.agency.place == "Tuy Hòa"
        assert "Tuy Hòa" in data.signer_title and "Bình Kiến" not in data.signer_title
        text = all_text(printing.print_form(moved, case, "MQĐ02", "final")[1])
        assert "BÌNH KIẾN" not in text.upper() and "Bình Kiến" not in text
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA" in text.upper()
    # A new record of the receiving unit names it, not the merged one.
    new = cases.create_case(moved, case_form())
    assert printing.form_data(moved, new, "MBB01")[0].agency.name == _name(
        "UBND-22045"
    )


def test_merge_numbers_follow_the_moved_ones(people):  # noqa: F811
    officer_a, officer_b, admin = (
        people["canbo.a"], people["canbo.b"], people["quantri"]
    )
    numbers = [
        cases.create_case(officer_a, case_form()) for _ in range(3)
    ] + [cases.create_case(officer_b, case_form())]
    with session_scope() as session:
        issued = [session.get(Case, i).record_number for i in numbers]
    assert issued == ["01/BB-VPHC", "02/BB-VPHC", "03/BB-VPHC", "01/BB-VPHC"]
    units.merge_units(
        admin, _unit_id("UBND-22015"), _unit_id("UBND-22045"), "Nghị quyết 1/2026"
    )
    after = cases.create_case(officer_b, case_form())
    with session_scope() as session:
        assert session.get(Case, after).record_number == "04/BB-VPHC"


def test_merge_names_accounts_whose_title_names_the_old_unit(people):  # noqa: F811
    make_user(
        "chutich.a", "UBND-22015", Role.OFFICER, "Chủ tịch UBND phường Tuy Hòa"
    )
    make_user("chutich.b", "UBND-22045", Role.OFFICER, "Chủ tịch UBND phường Bình Kiến")
    result = units.merge_units(
        people["quantri"],
        _unit_id("UBND-22015"),
        _unit_id("UBND-22045"),
        "Nghị quyết 1/2026",
    )
    # canbo.a ("Công chức") moved too, but its title names no unit.
    assert result["users"] == 2
    assert result["titles"] == ["Cán bộ chutich.a (chutich.a)"]
