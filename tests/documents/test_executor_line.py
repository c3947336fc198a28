"""The unit an issued decision sends itself to "để tổ chức thực hiện" is the
one it named when signed, like its header (services/issuer.py): a reprint
after a rename or a merge says what the original said. A paper no step or
decision issued yet (MQĐ15, official only before a sanction decision and
numbered by hand) is issued by the unit as it is now, header and line
alike. The decision keeps the unit's own name for the line (migration
0029): a provincial body's header lacks "tỉnh Đắk Lắk"."""

from types import SimpleNamespace

import pytest
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
from tests.services.test_import_batches import register
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.models import Case, Decision, Unit
from xlvphc.services import cases, importer, printing, units
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.issuer import agency_of, decision_columns, issued_unit_name
from xlvphc.services.procedure import decide_without_record

CHAIR = "chu_tich_ubnd_xa"
OLD = "Ủy ban nhân dân phường Tuy Hòa"
NEW = "Ủy ban nhân dân phường Tuy Hòa Mới"


def _sent_to(text: str) -> str:
    """Who the paper's "Gửi cho … để tổ chức thực hiện" names."""
    head, _, _ = text.partition(" để tổ chức thực hiện")
    return head.rsplit("Gửi cho ", 1)[-1]


def _spot(officer, title_code: str = CHAIR) -> int:
    form = spot_form(
        fine="500.000",
        authority_confirmed="1",
        signer_name="Y Kông Niê",
        signer_title="",
        signer_title_code=title_code,
    )
    return decide_without_record(officer, form)


def _kept_name(case_id: int) -> str | None:
    """The unit's own name the case's decision kept when issued."""
    with session_scope() as session:
        return session.exec(
            select(Decision.agency_unit_name).where(Decision.case_id == case_id)
        ).one()


def _forget_name(case_id: int) -> None:
    """As a decision issued before migration 0029: no name kept."""
    with session_scope() as session:
        decision = session.exec(
            select(Decision).where(Decision.case_id == case_id)
        ).one()
        decision.agency_unit_name = None
        session.add(decision)


def _mqd01(actor, case_id: int) -> str:
    return all_text(printing.print_form(actor, case_id, "MQĐ01", "final")[1])


def test_mqd01_reprinted_after_a_rename_names_the_unit_it_named(
    people,  # noqa: F811
):
    officer, admin = people["canbo.a"], people["quantri"]
    case_id = _spot(officer)
    assert _sent_to(_mqd01(officer, case_id)) == OLD

    assert _kept_name(case_id) == OLD

    units.rename_unit(admin, _unit_id("UBND-22015"), {"name": NEW})
    text = _mqd01(officer, case_id)
    assert _sent_to(text) == OLD
    assert "Tuy Hòa Mới" not in text
    assert _kept_name(case_id) == OLD
    # A decision made after the rename names the unit as it is called now.
    later = _spot(officer)
    assert _sent_to(_mqd01(officer, later)) == NEW


def test_mqd01_reprinted_after_a_merge_names_the_merged_unit(
    people,  # noqa: F811
):
    officer, admin = people["canbo.a"], people["quantri"]
    case_id = _spot(officer)
    target = _unit_id("UBND-22045")
    units.merge_units(admin, _unit_id("UBND-22015"), target, "Nghị quyết 1/2026")
    with session_scope() as session:
        receiving = session.get(Unit, target).name
    text = _mqd01(actor_for("canbo.a"), case_id)
    assert _sent_to(text) == OLD
    assert receiving not in text


# (unit code, its signer's title code, the name it is renamed to)
BODIES = [
    pytest.param(
        "SO-Y-TE", "giam_doc_so", "Sở Y tế và An sinh tỉnh Đắk Lắk", id="department"
    ),
    pytest.param(
        "CA-22015",
        "truong_cong_an_xa",
        "Công an phường Tuy Hòa Mới",
        id="commune-police",
    ),
]


@pytest.mark.parametrize(("code", "title_code", "renamed"), BODIES)
def test_reprint_after_a_rename_names_the_unit_exactly_as_at_issue(
    people,  # noqa: F811
    code,
    title_code,
    renamed,
):
    """A provincial body's header is "Sở Y tế" under the province's
    committee; its MQĐ01 sent itself to "Sở Y tế tỉnh Đắk Lắk", and so
    does the reprint after a rename, not the header's shorter name."""
    make_user("canbo.body", code, Role.OFFICER)
    officer, admin = actor_for("canbo.body"), people["quantri"]
    with session_scope() as session:
        unit = session.get(Unit, _unit_id(code))
        issued, header = unit.name, agency_of(session, unit).name
    case_id = _spot(officer, title_code)
    assert _sent_to(_mqd01(officer, case_id)) == issued
    assert _kept_name(case_id) == issued

    units.rename_unit(admin, _unit_id(code), {"name": renamed})
    text = _mqd01(officer, case_id)
    assert _sent_to(text) == issued
    assert renamed not in text
    # Issued before decisions kept the name (migration 0029 left NULL): the
    # kept header stands for it, which for a department lacks the province.
    _forget_name(case_id)
    assert _sent_to(_mqd01(officer, case_id)) == header


def test_sanction_and_imported_decisions_keep_the_units_name(
    people,  # noqa: F811
):
    """MQĐ02 on a record and a decision of the imported register keep the
    unit's own name with their header, as MQĐ01 on the spot does; a unit
    not found keeps none."""
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    cases.issue_decision(officer, case_id, decision_form(version=1))
    assert _kept_name(case_id) == OLD
    report = importer.import_rows(people["canbo.b"], register(rows=3))
    assert report["created"] == 3
    with session_scope() as session:
        names = session.exec(
            select(Decision.agency_unit_name)
            .join(Case, Case.id == Decision.case_id)
            .where(Case.unit_id == _unit_id("UBND-22045"))
        ).all()
        own = session.get(Unit, _unit_id("UBND-22045")).name
        assert decision_columns(session, 0)["agency_unit_name"] is None
    assert names == [own] * 3


def test_an_unchanged_unit_keeps_its_full_name(ref):  # noqa: F811
    """A provincial body's header drops "tỉnh Đắk Lắk" (the superior line
    says it); while the header is unchanged the line names the unit in full,
    as before; changed, the kept header name; no copy: the unit now."""
    with session_scope() as session:
        unit = session.get(Unit, _unit_id("SO-TU-PHAP"))
        header = agency_of(session, unit).name
        assert header != unit.name  # "Sở Tư pháp" under the province
        same = SimpleNamespace(agency_name=header)
        assert issued_unit_name(session, same, unit) == unit.name
        renamed = SimpleNamespace(agency_name="Sở Tư pháp cũ")
        assert issued_unit_name(session, renamed, unit) == "Sở Tư pháp cũ"
        # A kept name of its own is the one printed, header or not.
        kept = SimpleNamespace(
            agency_name="Sở Tư pháp cũ", agency_unit_name="Sở Tư pháp cũ tỉnh"
        )
        assert issued_unit_name(session, kept, unit) == "Sở Tư pháp cũ tỉnh"
        for unknown in (None, SimpleNamespace(agency_name=""), object()):
            assert issued_unit_name(session, unknown, unit) == unit.name


def test_mqd15_before_a_decision_is_the_unit_as_it_is_now(
    people,  # noqa: F811
):
    officer, admin = people["canbo.a"], people["quantri"]
    case_id = cases.create_case(officer, case_form())
    units.rename_unit(admin, _unit_id("UBND-22015"), {"name": NEW})
    data, _ = printing.form_data(officer, case_id, "MQĐ15", "final")
    text = all_text(printing.print_form(officer, case_id, "MQĐ15", "final")[1])
    # Header and line agree: no paper was issued before the rename.
    assert data.agency.name == NEW
    assert _sent_to(text) == NEW
