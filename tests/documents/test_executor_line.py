"""The unit an issued decision sends itself to "để tổ chức thực hiện" is the
one it named when signed, like its header (services/issuer.py): a reprint
after a rename or a merge says what the original said. A paper no step or
decision issued yet (MQĐ15, official only before a sanction decision and
numbered by hand) is issued by the unit as it is now, header and line
alike."""

from types import SimpleNamespace

from pdf_probe import all_text

from tests.services.conftest import (  # noqa: F401 - fixtures
    _unit_id,
    actor_for,
    case_form,
    people,
    ref,
)
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.models import Unit
from xlvphc.services import cases, printing, units
from xlvphc.services.db import session_scope
from xlvphc.services.issuer import agency_of, issued_unit_name
from xlvphc.services.procedure import decide_without_record

CHAIR = "chu_tich_ubnd_xa"
OLD = "Ủy ban nhân dân phường Tuy Hòa"
NEW = "Ủy ban nhân dân phường Tuy Hòa Mới"


def _sent_to(text: str) -> str:
    """Who the paper's "Gửi cho … để tổ chức thực hiện" names."""
    head, _, _ = text.partition(" để tổ chức thực hiện")
    return head.rsplit("Gửi cho ", 1)[-1]


def _spot(officer) -> int:
    form = spot_form(
        fine="500.000",
        authority_confirmed="1",
        signer_name="Y Kông Niê",
        signer_title="",
        signer_title_code=CHAIR,
    )
    return decide_without_record(officer, form)


def _mqd01(actor, case_id: int) -> str:
    return all_text(printing.print_form(actor, case_id, "MQĐ01", "final")[1])


def test_mqd01_reprinted_after_a_rename_names_the_unit_it_named(
    people,  # noqa: F811
):
    officer, admin = people["canbo.a"], people["quantri"]
    case_id = _spot(officer)
    assert _sent_to(_mqd01(officer, case_id)) == OLD

    units.rename_unit(admin, _unit_id("UBND-22015"), {"name": NEW})
    text = _mqd01(officer, case_id)
    assert _sent_to(text) == OLD
    assert "Tuy Hòa Mới" not in text
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
