"""A procedure step's own paper keeps the unit that issued it (services/
issuer.py, as the records and decisions of 0026): a postponement (MQĐ03), a
coercion decision (MQĐ09) or record (MBB12) and a handing-over record
(MBB29) reprint under the unit's name of the day they were issued, after a
rename or a merge; steps recorded before the copy, drafts and blanks print
the unit as it is now."""

import json

from pdf_probe import all_text
from sqlmodel import select
from test_form_details import d, decided, overdue, step

from tests.services.conftest import (  # noqa: F401 - fixtures
    _unit_id,
    actor_for,
    make_user,
    people,
    ref,
)
from xlvphc.models import ProcedureStep, Unit
from xlvphc.models.form_details import StepDetail
from xlvphc.services import printing, units
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.printing_choices import PER_STEP
from xlvphc.services.printing_modes import ISSUED_BY
from xlvphc.services.procedure.details import case_details, details_of
from xlvphc.services.procedure.transitions import ISSUING_STEPS

OLD = "Ủy ban nhân dân phường Tuy Hòa"
NEW = "Ủy ban nhân dân phường Tuy Hòa Mới"
POSTPONE = {
    "on": d(0),
    "until": d(-30),
    "hardship": "1",
    "certifier": "Ủy ban nhân dân phường Tuy Hòa",
    "conditions_checked": "1",  # a 500.000 đồng fine, under Art. 76's floor
}
DISTRAINT_DONE = {
    "note": "Đã kê biên 01 xe mô tô",
    "start_time": "08:00",
    "place": "Thôn 3, xã Ea Kao",
    "assets": "Xe mô tô Honda Wave 47B1-123.45 – chiếc – 01 – đã qua sử dụng",
}


def _postponed(officer) -> int:
    case_id = decided(officer, 1)
    step(officer, case_id, "postpone", **POSTPONE)
    return case_id


def _stored(case_id: int, code: str) -> dict:
    """The JSON the step keeps, as written (issuer included)."""
    with session_scope() as session:
        row = session.exec(
            select(StepDetail)
            .join(ProcedureStep, ProcedureStep.id == StepDetail.step_id)
            .where(ProcedureStep.case_id == case_id, ProcedureStep.step == code)
        ).first()
        return json.loads(row.data) if row else {}


def _forget_issuer(case_id: int, code: str) -> None:
    """Make the step as one recorded before steps kept their issuer."""
    with session_scope() as session:
        row = session.exec(
            select(StepDetail)
            .join(ProcedureStep, ProcedureStep.id == StepDetail.step_id)
            .where(ProcedureStep.case_id == case_id, ProcedureStep.step == code)
        ).one()
        data = json.loads(row.data)
        data.pop("issuer")
        row.data = json.dumps(data, ensure_ascii=False)
        session.add(row)


def _header(actor, case_id: int, code: str, mode: str = "final") -> str:
    return printing.form_data(actor, case_id, code, mode)[0].agency.name


def _text(actor, case_id: int, code: str) -> str:
    return all_text(printing.print_form(actor, case_id, code, "final")[1]).upper()


def _name(unit_code: str) -> str:
    with session_scope() as session:
        return session.get(Unit, _unit_id(unit_code)).name


def test_every_paper_step_keeps_its_issuer():
    """Each step that issues a paper (printing_modes) is one that keeps its
    unit's header: a paper step left out would reprint under a new name."""
    assert set(ISSUED_BY.values()) | set(PER_STEP.values()) <= ISSUING_STEPS


def test_steps_store_the_header_their_papers_print(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = _postponed(officer)
    header = {"name": OLD, "parent": "", "place": "Tuy Hòa", "unit": OLD}
    assert _stored(case_id, "postpone")["issuer"] == header
    # Not one of the step's answers: its details and the case page leave
    # it out.
    with session_scope() as session:
        step_id = session.exec(
            select(ProcedureStep.id).where(
                ProcedureStep.case_id == case_id, ProcedureStep.step == "postpone"
            )
        ).one()
        assert "issuer" not in details_of(session, step_id)
    shown = [r["label"] for e in case_details(officer, case_id) for r in e["rows"]]
    assert shown and not any("issuer" in label for label in shown)

    # A sending by hand has no answers of its own: its header (MBB06, when
    # refused) is all it keeps, and the case page lists nothing for it. A
    # receipt issues no paper and keeps nothing.
    sent, received = decided(officer, 1), decided(officer, 1)
    step(officer, sent, "send", on=d(0), code="direct")
    step(officer, received, "receipt", on=d(0))
    assert _stored(sent, "send") == {"issuer": header}
    assert _stored(received, "receipt") == {}
    assert case_details(officer, sent) == case_details(officer, received) == []


def test_rename_keeps_step_papers_drafts_take_the_new_name(people):  # noqa: F811
    officer, admin = people["canbo.a"], people["quantri"]
    postponed = _postponed(officer)
    older = _postponed(officer)
    _forget_issuer(older, "postpone")
    units.rename_unit(admin, _unit_id("UBND-22015"), {"name": NEW})

    # Issued: the old name, in the header and as the unit to carry it out.
    assert _header(officer, postponed, "MQĐ03") == OLD
    text = _text(officer, postponed, "MQĐ03")
    assert "ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA" in text
    assert "TUY HÒA MỚI" not in text
    assert f"GỬI CHO {OLD.upper()} ĐỂ TỔ CHỨC THỰC HIỆN" in " ".join(text.split())
    # Recorded before steps kept their issuer: the unit as it is now.
    assert _header(officer, older, "MQĐ03") == NEW
    assert "TUY HÒA MỚI" in _text(officer, older, "MQĐ03")
    # Not yet signed: the unit as it is called now.
    assert _header(officer, postponed, "MQĐ03", "draft") == NEW
    assert _header(officer, postponed, "MQĐ03", "blank") == NEW


def test_merge_reprints_each_step_under_its_own_unit(people):  # noqa: F811
    officer, admin = people["canbo.a"], people["quantri"]
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    lead = actor_for("chutich.a")
    postponed = _postponed(officer)
    coerced = overdue(officer)
    step(lead, coerced, "coerce", code="distraint", on=d(0),
         action_place="Thôn 3, xã Ea Kao")
    units.merge_units(
        admin, _unit_id("UBND-22015"), _unit_id("UBND-22045"), "Nghị quyết 1/2026"
    )
    officer, lead, target = actor_for("canbo.a"), actor_for("chutich.a"), _name(
        "UBND-22045"
    )
    # The coercion is carried out by the unit holding the case now: its
    # record names that unit, the decision it carries out the merged one.
    step(officer, coerced, "coercion_done", on=d(0), **DISTRAINT_DONE)

    for case_id, code in ((postponed, "MQĐ03"), (coerced, "MQĐ09")):
        assert _header(lead, case_id, code) == OLD, code
        data = printing.form_data(lead, case_id, code, "final")[0]
        assert data.agency.place == "Tuy Hòa", code
        text = _text(lead, case_id, code)
        assert "BÌNH KIẾN" not in text, code
        assert "ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA" in text, code
    assert _header(officer, coerced, "MBB12") == target
    assert target.upper() in _text(officer, coerced, "MBB12")


def test_a_handing_over_prints_its_sender(people):  # noqa: F811
    """MBB29 is made by the unit handing the case on (Law Art. 71), though
    the case is the receiver's once the step is taken."""
    officer, other, admin = people["canbo.a"], people["canbo.b"], people["quantri"]
    receiver = _name("UBND-22045")
    kept, older = decided(officer, 1), decided(officer, 1)
    for case_id in (kept, older):
        step(officer, case_id, "transfer_unit", unit=str(other.unit_id), on=d(0),
             note="Thi hành tại địa phương khác (Điều 71)")
    _forget_issuer(older, "transfer_unit")

    for case_id in (kept, older):
        assert _header(other, case_id, "MBB29") == OLD
        text = _text(other, case_id, "MBB29")
        assert f"CƠ QUAN: {OLD.upper()}" in " ".join(text.split())
        assert f"CƠ QUAN: {receiver.upper()}" not in " ".join(text.split())
    # Renamed since: the copy keeps the old name; a step without one names
    # its sender as it is now.
    units.rename_unit(admin, _unit_id("UBND-22015"), {"name": NEW})
    assert _header(other, kept, "MBB29") == OLD
    assert _header(other, older, "MBB29") == NEW
