"""What the case page and the picker say of acts typed outside the
catalogue: the case page marks each «ngoài danh mục», with why (typed by
the officer), an act an imported register wrote without catalogue row
with a quieter mark of its own, while catalogue acts carry no mark; and a
typed frame that could not be held against the field's Art. 24 maximum,
which the system does not know for every field
(domain.authority.field_maximum), says so instead of passing in silence or
being held against an invented amount.

The citations and frames below are test data, not a statement of the
decree's content."""

import pytest
from sqlmodel import select

from tests.services.conftest import catalogue_id
from tests.services.test_import_checks import HELMET, workbook
from tests.services.test_typed_acts import SECURITY, new_case, typed_row
from xlvphc.domain.authority import field_maximum
from xlvphc.models import Case, CaseAct, CatalogueEntry
from xlvphc.models.base import local_now
from xlvphc.services import case_queries, importer, typed_acts
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed

FAMILY = "Phòng, chống bạo lực gia đình"
CITE = "Căn cứ (điều, khoản, nghị định)"


def test_the_case_page_marks_typed_acts_and_says_why(people):
    officer = people["canbo.a"]
    listed = catalogue_id(8, 1, "a", "282/2025/NĐ-CP")
    row = typed_row(officer)
    case_id = new_case(officer, [row], act_ids=str(listed))
    listed_row, typed = case_queries.get_case(officer, case_id)["acts"]
    assert (listed_row["outside"], listed_row["outside_hint"]) == ("", "")
    assert (listed_row["origin"], typed["origin"]) == ("catalogue", "typed")
    assert typed["citation"] == row["citation"]
    assert typed["outside"] == "ngoài danh mục"
    assert typed["outside_hint"] == typed_acts.TYPED_HINT
    assert "cán bộ nhập tay" in typed["outside_hint"]
    assert "không lấy từ danh mục" in typed["outside_hint"]
    # The decision form reads the same rows: its own "typed" flag (a fine
    # the user typed) is not set by the mark.
    assert "typed" not in typed
    assert case_queries.case_to_decide(officer, case_id)["acts"][1]["outside"] == (
        "ngoài danh mục"
    )


def test_an_act_typed_in_an_imported_case_keeps_the_officers_mark(people):
    """The case being imported does not make its typed act the register's:
    the act says where it came from (CaseAct.origin), not the case."""
    officer = people["canbo.a"]
    row = typed_row(officer)
    case_id = new_case(officer, [row])
    with session_scope() as session:
        case = session.get(Case, case_id)
        case.imported = True
        session.add(case)
    [act] = case_queries.get_case(officer, case_id)["acts"]
    assert (act["origin"], act["outside"]) == ("typed", "ngoài danh mục")
    assert act["outside_hint"] == typed_acts.TYPED_HINT
    # Its typed frame is shown: only the register's acts lack one.
    assert act["frame"] == row["frame"] != ""


def test_imported_acts_have_their_own_quiet_mark(people):
    """An act the register wrote without catalogue row is not marked as
    typed by an officer: «theo sổ Excel», with the register as the reason;
    an imported act the catalogue holds is a catalogue act, unmarked."""
    officer = people["canbo.a"]
    rows = [
        {CITE: "khoản 2 Điều 6 Nghị định 100/2019/NĐ-CP"},  # 1/QĐ-XPHC
        {CITE: HELMET},  # 2/QĐ-XPHC, in the catalogue
        {CITE: "", "Số tiền đã nộp": ""},  # 3/QĐ-XPHC, no citation
    ]
    found = importer.import_rows(officer, workbook(*rows))
    assert found["problems"] == []
    with session_scope() as session:
        stored = {
            number: (catalogue is None, origin)
            for number, catalogue, origin in session.exec(
                select(Case.decision_number, CaseAct.catalogue_id, CaseAct.origin)
                .join(CaseAct, CaseAct.case_id == Case.id)
            )
        }
        outside, listed = (
            session.exec(select(Case.id).where(Case.decision_number == n)).one()
            for n in ("1/QĐ-XPHC", "2/QĐ-XPHC")
        )
    assert stored == {
        "1/QĐ-XPHC": (True, "import"),
        "2/QĐ-XPHC": (False, "catalogue"),
        "3/QĐ-XPHC": (True, "import"),
    }

    [act] = case_queries.get_case(officer, outside)["acts"]
    assert (act["origin"], act["outside"]) == ("import", typed_acts.IMPORT_MARK)
    assert act["outside"] == "theo sổ Excel"
    assert act["outside_hint"] == typed_acts.IMPORTED_HINT
    assert "nhập từ Excel" in act["outside_hint"]
    assert "cán bộ nhập tay" not in act["outside_hint"]
    # The register gave no frame for it, and none is made up.
    assert act["frame"] == ""
    [act] = case_queries.get_case(officer, listed)["acts"]
    assert (act["origin"], act["outside"], act["outside_hint"]) == (
        "catalogue", "", ""
    )
    assert act["frame"] != ""


def _catalogue_fields() -> list[str]:
    with session_scope() as session:
        return list(session.exec(select(CatalogueEntry.field).distinct()))


def test_a_frame_the_system_cannot_check_says_so(people):
    """Road traffic, public order and the other fields whose Art. 24 maximum
    is not in the material: the frame is taken as typed (no amount is
    invented) and the row says it was not checked."""
    officer = people["canbo.a"]
    row = typed_row(officer)  # public order: its maximum is unknown here
    assert field_maximum(SECURITY, local_now().date()) is None
    assert row["note"] == typed_acts.unchecked_frame_note(SECURITY, 2_000_000)
    assert f"chưa có mức phạt tối đa của lĩnh vực «{SECURITY}»" in row["note"]
    assert "Điều 24" in row["note"]
    # A warning only: no frame to check, nothing to say.
    warning = typed_row(
        officer, typed_frame_min="", typed_frame_max="", typed_article="12",
        typed_point="",
    )
    assert warning["note"] == ""


def test_a_frame_the_system_checks_has_no_note_and_is_refused_above(people):
    officer = people["canbo.a"]
    row = typed_row(officer, typed_field=FAMILY, typed_article="45")
    assert row["note"] == ""
    with pytest.raises(ValidationFailed) as refused:
        typed_row(
            officer,
            typed_field=FAMILY,
            typed_article="45",
            typed_frame_max="30.000.001",
        )
    message = refused.value.errors["typed_frame_max"]
    assert "30.000.000 đồng" in message
    assert "điểm a khoản 1 Điều 24" in message


def test_each_catalogue_field_is_either_checked_or_said_unchecked(people):
    """No field of the picker falls between: a field with a known maximum
    gives no note, one without says so."""
    fields = _catalogue_fields()
    assert SECURITY in fields and FAMILY in fields
    today = local_now().date()
    for field in fields:
        note = typed_acts.unchecked_frame_note(field, 1_000_000, today)
        assert (note == "") == (field_maximum(field, today) is not None), field
