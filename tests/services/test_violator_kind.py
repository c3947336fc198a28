"""Switching the violator between "Cá nhân" and "Tổ chức" (user trial): the
forms keep both kinds' boxes, the organisation's name and address in boxes
of their own, and only the chosen kind's fields are saved, on creation and
on edit."""

import pytest
from sqlmodel import select

from tests.security.conftest import new_state
from tests.services.conftest import case_form
from tests.services.test_edit import _form
from xlvphc.models import Case, Violator
from xlvphc.services import case_edit, cases
from xlvphc.services.db import session_scope
from xlvphc.state.case_edit import CaseEditState
from xlvphc.state.case_form import CaseFormState
from xlvphc.state.on_the_spot import OnTheSpotState
from xlvphc.state.violator_form import form_errors, service_form

ORGANISATION = {
    "org_name": "Công ty TNHH Cà phê Ea Tam",
    "org_address": "Số 5 Nguyễn Tất Thành, phường Buôn Ma Thuột",
    "tax_code": "6001234567",
    "registration_number": "6001234567",
    "registration_issued_on": "02/03/2015",
    "registration_issued_by": "Sở Kế hoạch và Đầu tư tỉnh Đắk Lắk",
    "representative_name": "Y Niê Mlô",
    "representative_gender": "Nam",
    "representative_title": "Giám đốc",
}
PERSON_KEYS = ("gender", "birth_date", "occupation", "id_number", "id_issued_on",
               "id_issued_by")


def _violator(case_id: int) -> Violator:
    with session_scope() as session:
        return session.exec(select(Violator).where(Violator.case_id == case_id)).one()


@pytest.mark.parametrize("cls", [CaseFormState, OnTheSpotState, CaseEditState])
def test_states_send_the_chosen_kinds_name_and_show_its_errors(cls):
    _, state = new_state(cls)
    state.set_kind("organisation")
    sent = state._violator_form({"name": "Phạm Văn Sáu", **ORGANISATION})
    assert (sent["kind"], sent["name"]) == ("organisation", ORGANISATION["org_name"])
    assert sent["address"] == ORGANISATION["org_address"]
    assert "org_name" not in sent and "org_address" not in sent
    state.errors = {"name": "Vui lòng nhập tên.", "tax_code": "10 chữ số"}
    state._show_violator_errors()
    assert state.errors == {"org_name": "Vui lòng nhập tên.", "tax_code": "10 chữ số"}

    state.set_kind("anything else")  # a forged value: a person
    sent = state._violator_form({"name": "Phạm Văn Sáu", **ORGANISATION})
    assert (sent["kind"], sent["name"]) == ("individual", "Phạm Văn Sáu")
    assert form_errors({"name": "x"}, "individual") == {"name": "x"}


def test_an_organisation_keeps_nothing_typed_for_a_person(people):
    """The person's boxes are still on the page (hidden) and still sent."""
    form = service_form(case_form(**ORGANISATION), "organisation")
    case_id = cases.create_case(people["canbo.a"], form)
    org = _violator(case_id)
    assert (org.kind, org.name) == ("organisation", ORGANISATION["org_name"])
    assert org.address == ORGANISATION["org_address"]
    assert org.representative_title == "Giám đốc"
    assert all(getattr(org, key) in ("", None) for key in PERSON_KEYS)
    assert org.nationality == "Việt Nam"  # the column's default, not asked


def test_a_person_keeps_nothing_typed_for_an_organisation(people):
    form = service_form(case_form(**ORGANISATION), "individual")
    case_id = cases.create_case(people["canbo.a"], form)
    person = _violator(case_id)
    assert (person.kind, person.name) == ("individual", "Nguyễn Văn An")
    assert person.id_number == "066090001234"
    assert person.tax_code == person.representative_name == ""
    assert person.registration_issued_on is None


def test_edit_switches_a_person_to_an_organisation_and_back(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    loaded = case_edit.edit_form(a, case_id)
    assert loaded["kind"] == "individual"

    # The edit form sends the person's boxes (hidden) along with the
    # organisation's: only the organisation is saved.
    form = service_form(_form(a, case_id, **ORGANISATION), "organisation")
    case_edit.edit_case(a, case_id, form)
    org = _violator(case_id)
    assert (org.kind, org.name, org.tax_code) == (
        "organisation", ORGANISATION["org_name"], "6001234567")
    assert all(getattr(org, key) in ("", None) for key in PERSON_KEYS)
    with session_scope() as session:
        case = session.get(Case, case_id)
    assert (case.violator_kind, case.violator_name) == (
        "organisation", ORGANISATION["org_name"])
    changes = {c["field"]: c for c in case_edit.case_history(a, case_id)[0]["changes"]}
    assert changes["Loại đối tượng"]["after"] == "Tổ chức"
    assert changes["Ngày sinh"]["after"] == "—"

    # Back to a person: the organisation's fields are cleared in turn.
    loaded = case_edit.edit_form(a, case_id)
    assert loaded["kind"] == "organisation"
    assert loaded["values"]["name"] == ORGANISATION["org_name"]
    form = service_form(_form(a, case_id, kind="individual", name="Phạm Văn Sáu",
                              id_number="066090000001"), "individual")
    case_edit.edit_case(a, case_id, form)
    person = _violator(case_id)
    assert (person.kind, person.name, person.id_number) == (
        "individual", "Phạm Văn Sáu", "066090000001")
    assert person.tax_code == person.representative_name == ""
    assert person.registration_issued_on is None
