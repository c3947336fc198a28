"""Acts typed outside the catalogue on the on-the-spot form (MQĐ01): the
form offers the same «Hành vi không có trong danh mục» block as the case
form, each act's fine box is named after its row id
(services.typed_acts.box_id), and decide_without_record checks the typed
list again as create_case does: a browser may send anything.

The citations and frames below are test data, not a statement of the
decree's content."""

import json

import pytest
from sqlmodel import select

from tests.documents.pdf_probe import all_text
from tests.security.conftest import _drive, new_state, run_coroutine
from tests.services.conftest import PASSWORD, catalogue_id
from tests.services.test_procedure import TRAFFIC
from tests.services.test_procedure_on_the_spot import spot_form
from tests.services.test_typed_acts import SECURITY, typed_form, typed_row
from xlvphc.models import AuditEvent, Case, CaseAct, CatalogueEntry
from xlvphc.services import auth, printing, typed_acts
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied, ValidationFailed
from xlvphc.services.procedure import decide_without_record
from xlvphc.state.case_form import CaseFormState
from xlvphc.state.on_the_spot import OnTheSpotState

# Small enough to be decided on the spot (Law Art. 56: up to 500.000 đồng
# for an individual).
SMALL = {
    "typed_article": "15",
    "typed_clause": "1",
    "typed_point": "b",
    "typed_act": "Gây mất trật tự nơi công cộng bằng lời nói",
    "typed_frame_min": "200.000",
    "typed_frame_max": "400.000",
}


def typed_spot_form(rows: list[dict], act_ids: str = "", **extra) -> dict:
    """The on-the-spot form with typed acts and, unless given, no catalogue
    act."""
    form = spot_form(**extra)
    form.update(act_ids=act_ids, typed_acts=rows)
    return form


def refused(officer, form: dict) -> dict:
    with pytest.raises(ValidationFailed) as caught:
        decide_without_record(officer, form)
    return caught.value.errors


def _acts(case_id: int) -> list[CaseAct]:
    with session_scope() as session:
        return list(
            session.exec(
                select(CaseAct)
                .where(CaseAct.case_id == case_id)
                .order_by(CaseAct.position)
            )
        )


def test_a_typed_act_is_decided_on_the_spot_with_its_own_fine_box(people):
    officer = people["canbo.a"]
    row = typed_row(officer, **SMALL)
    # The box is named after the row id, computed again from the act.
    act = typed_acts.TypedAct(
        "282/2025/NĐ-CP", SECURITY, 15, 1, "b", SMALL["typed_act"], 200_000, 400_000
    )
    assert typed_acts.box_id(act) == row["id"] != ""
    listed = catalogue_id(*TRAFFIC)
    with session_scope() as session:
        entry = session.get(CatalogueEntry, listed)
        assert typed_acts.box_id(entry) == str(listed)
    form = typed_spot_form([row], **{f"fine_{row['id']}": "350.000"})
    case_id = decide_without_record(officer, form, "khoa-ngoai-danh-muc-01")
    # A second click with the same request key saves nothing more.
    assert decide_without_record(officer, form, "khoa-ngoai-danh-muc-01") == case_id

    [act] = _acts(case_id)
    assert (act.catalogue_id, act.decree, act.article, act.clause, act.point) == (
        None,
        "282/2025/NĐ-CP",
        15,
        1,
        "b",
    )
    assert (act.frame_min, act.frame_max, act.fine) == (200_000, 400_000, 350_000)
    with session_scope() as session:
        case = session.get(Case, case_id)
        assert (case.without_record, case.field, case.fine_total) == (
            True,
            SECURITY,
            350_000,
        )
        audit = session.exec(
            select(AuditEvent).where(
                AuditEvent.action == "decision.without_record",
                AuditEvent.entity_id == case_id,
            )
        ).one()
    after = json.loads(audit.after)
    assert after["acts"] == []
    assert after["typed_acts"] == [row["citation"]]
    text = all_text(printing.print_form(officer, case_id, "MQĐ01")[1])
    assert "điểm b khoản 1 Điều 15 Nghị định số 282/2025/NĐ-CP" in text


def test_an_empty_box_takes_the_middle_of_the_typed_frame(people):
    officer = people["canbo.a"]
    row = typed_row(officer, **SMALL)
    # A box named after no act (renamed in the browser) is read by no one.
    form = typed_spot_form([row], **{"fine_ngoai-gia-mao": "100"})
    [act] = _acts(decide_without_record(officer, form))
    assert act.fine == 300_000


def test_a_typed_and_a_catalogue_act_of_one_field_are_decided_together(people):
    officer = people["canbo.a"]
    # A warning-only typed act next to a catalogue act of the same field.
    warning = typed_row(
        officer,
        typed_article="12",
        typed_point="",
        typed_frame_min="",
        typed_frame_max="",
        typed_act="Hành vi chỉ bị cảnh cáo",
    )
    # Điểm a khoản 1 Điều 8: 500.000 to 1.000.000 đồng in the catalogue; its
    # lowest fine is within the on-the-spot ceiling.
    listed = catalogue_id(8, 1, "a", "282/2025/NĐ-CP")
    form = typed_spot_form([warning], act_ids=str(listed))
    form[f"fine_{listed}"] = "500.000"
    # A fine in the warning-only act's box is refused at that box.
    errors = refused(officer, {**form, f"fine_{warning['id']}": "100.000"})
    assert errors == {f"fine_{warning['id']}": "Hành vi này chỉ bị phạt cảnh cáo."}
    acts = _acts(decide_without_record(officer, form))
    assert [(a.catalogue_id, a.fine) for a in acts] == [(listed, 500_000), (None, 0)]
    # Each says where it came from (CaseAct.origin, migration 0023).
    assert [a.origin for a in acts] == ["catalogue", "typed"]


def test_the_ceiling_and_the_frame_are_checked_at_the_typed_box(people):
    officer = people["canbo.a"]
    row = typed_row(officer, **{**SMALL, "typed_frame_max": "800.000"})
    box = f"fine_{row['id']}"
    # Above the Art. 56 ceiling: this case needs a record.
    assert "phải lập biên bản" in refused(officer, typed_spot_form(
        [row], **{box: "600.000"}))[box]
    # Outside the typed frame.
    assert "Mức phạt phải trong khung" in refused(officer, typed_spot_form(
        [row], **{box: "100.000"}))[box]
    # The violation wrong too: the typed box is still judged in the same
    # refusal (no case exists yet, so it stands in with its row id).
    errors = refused(officer, typed_spot_form([row], name="", **{box: "600.000"}))
    assert "name" in errors and "phải lập biên bản" in errors[box]
    with session_scope() as session:
        assert session.exec(select(Case)).all() == []


def test_forged_typed_lists_are_refused_on_the_spot(people):
    officer = people["canbo.a"]
    good = typed_row(officer, **SMALL)
    forged = [
        "not a list",
        [good, "x"],
        [good, good],
        [{**good, "frame_min": "900000"}],  # frame reversed after the check
        [{**good, "point": "a", "article": "8"}],  # a point the catalogue has
        [{**good, "field": "Thuế"}],  # a field the catalogue does not know
        [{**good, "decree": ["282/2025/NĐ-CP"]}],
    ]
    for rows in forged:
        errors = refused(officer, typed_spot_form(rows))
        assert "typed_acts" in errors, rows
    # Nothing chosen at all.
    assert "act_ids" in refused(officer, typed_spot_form([]))
    # All acts of one field: a typed security act with a traffic act.
    traffic = str(catalogue_id(*TRAFFIC))
    errors = refused(officer, typed_spot_form([good], act_ids=traffic))
    assert "cùng một lĩnh vực" in errors["act_ids"]
    with pytest.raises(PermissionDenied):
        decide_without_record(people["giamsat"], typed_spot_form([good]))
    with session_scope() as session:
        assert session.exec(select(Case)).all() == []


def _spot_state():
    """The on-the-spot page: opened and picked through CaseFormState, saved
    by its substate OnTheSpotState."""
    _root, state = new_state(CaseFormState, auth.login("canbo.a", PASSWORD).token)

    def run(target, handler: str, *args) -> list:
        fn = type(target).event_handlers[handler].fn
        return run_coroutine(_drive(fn(target, *args)))

    run(state, "open")
    return state, state.get_substate([OnTheSpotState.get_name()]), run


def test_the_page_sends_the_typed_acts_the_server_holds(people):
    """decide sends the typed acts of `selected`, never what the browser put
    in the form under those names."""
    form_state, spot, run = _spot_state()
    run(form_state, "add_typed_act", typed_form(**SMALL))
    [row] = form_state.selected
    assert row["typed"] == typed_acts.MARK
    form = spot_form(fine=None)
    # Forged in the browser: another typed act and a catalogue id.
    form.update(
        typed_acts=[typed_row(people["canbo.a"], **{**SMALL, "typed_article": "16"})],
        act_ids=str(catalogue_id(*TRAFFIC)),
        **{f"fine_{row['id']}": "250.000"},
    )
    returned = repr(run(spot, "decide", form))
    assert spot.errors == {}, spot.errors
    assert "Đã ra quyết định xử phạt không lập biên bản." in returned
    with session_scope() as session:
        case_id = session.exec(select(Case.id)).one()
    [act] = _acts(case_id)
    assert (act.catalogue_id, act.article, act.fine) == (None, 15, 250_000)
