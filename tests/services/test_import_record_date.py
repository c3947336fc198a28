"""A register row with a record number but no record date: the record's
date stays unknown (NULL), never the violation's day in its place. The
case page, MBB01, MQĐ02, the list's record-date filter, the export and the
deadlines cope; an officer can later type the date from the paper record
(case_edit.fill_record_date). A row with its record date keeps it."""

from datetime import date, datetime, time
from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from tests.services.test_import_checks import workbook
from xlvphc.models import Case, CaseEvent, Unit, ViolationRecord, Violator
from xlvphc.models.base import VN_TZ, to_local
from xlvphc.services import (
    case_edit,
    case_queries,
    export,
    importer,
    printing,
)
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, PermissionDenied, ValidationFailed
from xlvphc.services.importer.shown import NO_RECORD_DATE
from xlvphc.services.procedure.limits import decision_due_rule

# Violation on the 15th, decision on the 20th: a record date shown as
# 15/03/2025 would be the violation's day passed off as the record's.
NO_DATE = {"Ngày vi phạm": "15/03/2025", "Ngày lập biên bản": "",
           "Ngày quyết định": "20/03/2025"}
DATED = NO_DATE | {"Ngày lập biên bản": "17/03/2025"}


def _import(people, **change) -> int:
    result = importer.import_rows(people["canbo.a"], workbook(change))
    assert result["created"] == 1, result
    with session_scope() as session:
        return session.exec(select(Case.id)).one()


def _record(case_id: int) -> ViolationRecord:
    with session_scope() as session:
        return session.exec(select(ViolationRecord).where(
            ViolationRecord.case_id == case_id)).one()


def _printed(people, case_id: int, code: str) -> str:
    pdf = printing.print_form(people["canbo.a"], case_id, code)[1]
    return " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(BytesIO(pdf)).pages)


def test_a_record_number_without_date_keeps_the_date_unknown(people):
    case_id = _import(people, **NO_DATE)
    record = _record(case_id)
    assert record.number == "12/BB-VPHC"
    assert record.made_at is None
    assert record.made_on() is None
    case = case_queries.get_case(people["canbo.a"], case_id)
    assert case["record_made_at"] == NO_RECORD_DATE
    assert "15/03/2025" not in case["record_made_at"]
    assert case["record_date"] == ""
    assert case["record_date_unknown"] is True


def test_a_record_date_given_is_stored(people):
    case_id = _import(people, **DATED)
    record = _record(case_id)
    assert to_local(record.made_at) == datetime(2025, 3, 17, tzinfo=VN_TZ)
    case = case_queries.get_case(people["canbo.a"], case_id)
    assert case["record_made_at"] == "Ngày 17/03/2025 (sổ Excel không ghi giờ)"
    assert case["record_date"] == "2025-03-17"
    assert case["record_date_unknown"] is False


def test_mqd02_dots_the_unknown_record_date(people):
    text = _printed(people, _import(people, **NO_DATE), "MQĐ02")
    ground = text.split("Căn cứ Biên bản vi phạm hành chính số:")[1][:60]
    assert ground.split()[0] == "12/BB-VPHC"
    assert "lập ngày ……/……/………" in ground
    assert "15/03/2025" not in ground
    dated = _printed(people, _import_second(people), "MQĐ02")
    assert "lập ngày 17/03/2025" in dated


def _import_second(people) -> int:
    """A second imported case (another decision number), dated."""
    importer.import_rows(people["canbo.a"], workbook(
        DATED | {"Số quyết định": "9/QĐ-XPHC", "Số biên bản": "9/BB-VPHC"}))
    with session_scope() as session:
        return session.exec(select(Case.id).where(
            Case.decision_number == "9/QĐ-XPHC")).one()


def test_mbb01_reprint_leaves_the_record_moment_for_the_pen(people):
    text = _printed(people, _import(people, **NO_DATE), "MBB01")
    opening = text.split("Hôm nay, hồi", 1)[1][:40]
    assert opening.startswith(" …… giờ …… phút, ngày ……/……/………")
    assert "ngày 15/03/2025" not in opening


def test_forms_citing_the_record_get_no_date_for_it(people):
    """Template forms cite the record by "{no:BB-VPHC} lập ngày
    {date:BB-VPHC}" (MBB03, MQĐ14, MQĐ15): an unknown date is None there,
    dotted by the template, not the violation's day."""
    case_id = _import(people, **NO_DATE)
    with session_scope() as session:
        case = session.get(Case, case_id)
        record = session.exec(select(ViolationRecord).where(
            ViolationRecord.case_id == case_id)).one()
        unit = session.get(Unit, case.unit_id)
        violator = session.exec(select(Violator).where(
            Violator.case_id == case_id)).one()
        data = printing._generic_data(session, case, unit, violator, [], record,
                                      None, "MBB03", "draft")
    assert data.values["no:BB-VPHC"] == "12/BB-VPHC"
    # Left out: the template prints what the case does not hold dotted.
    assert data.values.get("date:BB-VPHC") is None
    assert data.values["ref:BB-VPHC"] == "12/BB-VPHC"


def test_record_date_filter_leaves_an_unknown_date_out(people):
    a = people["canbo.a"]
    unknown = _import(people, **NO_DATE)
    dated = _import_second(people)

    def found(filters: dict) -> set[int]:
        return {row["id"] for row in case_queries.list_cases(a, filters)["rows"]}

    assert found({}) == {unknown, dated}
    # The violation's day: it would match had it been stored as the record's.
    assert found({"r_from": "15/03/2025", "r_to": "15/03/2025"}) == set()
    assert found({"r_from": "01/01/2000"}) == {dated}
    assert found({"r_to": "31/12/2025"}) == {dated}


def test_export_lists_the_case_without_a_record_date(people):
    """The list's Excel export has no record-date column: the case is
    there with its record number, and no cell carries a record date."""
    case_id = _import(people, **NO_DATE)
    assert case_id
    name, data = export.export_cases(people["canbo.a"], {})
    assert name.endswith(".xlsx")
    ws = load_workbook(BytesIO(data)).active
    cells = [c for row in ws.iter_rows(values_only=True) for c in row]
    assert "12/BB-VPHC" in cells
    heads = [str(c) for c in cells if isinstance(c, str)]
    assert not any("lập biên bản" in h.lower() for h in heads)


def test_no_decision_deadline_is_counted_from_an_unknown_date(people):
    case_id = _import(people, **NO_DATE)
    with session_scope() as session:
        case = session.get(Case, case_id)
        assert case.status in ("decided", "closed")
        assert decision_due_rule(session, case) is None


def test_the_edit_form_is_locked_and_shows_no_date(people):
    case_id = _import(people, **NO_DATE)
    form = case_edit.edit_form(people["canbo.a"], case_id)
    assert form["values"]["record_date"] == ""
    assert form["values"]["record_time"] == ""
    # Decided (or, paid in full, closed): the edit form never opens, the
    # case page's own box fills the date in (below).
    assert form["locked"] in (case_edit.LOCKED_MESSAGE, case_edit.CLOSED_MESSAGE)


def _fill(people, case_id: int, typed: str, who: str = "canbo.a") -> int:
    version = case_queries.get_case(people[who], case_id)["version"]
    return case_edit.fill_record_date(
        people[who], case_id, {"record_date": typed, "version": version})


def test_an_officer_fills_in_the_date_from_the_paper_record(people):
    a = people["canbo.a"]
    case_id = _import(people, **NO_DATE)
    before = case_queries.get_case(a, case_id)["version"]
    assert _fill(people, case_id, "16/03/2025") == before + 1
    assert to_local(_record(case_id).made_at) == datetime.combine(
        date(2025, 3, 16), time(), tzinfo=VN_TZ)
    case = case_queries.get_case(a, case_id)
    assert case["record_made_at"] == "Ngày 16/03/2025 (sổ Excel không ghi giờ)"
    assert case["record_date_unknown"] is False
    assert "lập ngày 16/03/2025" in _printed(people, case_id, "MQĐ02")
    with session_scope() as session:
        summaries = session.exec(select(CaseEvent.summary).where(
            CaseEvent.case_id == case_id)).all()
    assert ("Bổ sung ngày lập biên bản theo biên bản giấy: 16/03/2025"
            in summaries)
    history = case_edit.case_history(a, case_id)
    changes = [c for h in history for c in h.get("changes", [])]
    assert {"field": "Thời gian lập biên bản", "before": "—",
            "after": "16/03/2025"} in changes
    # Known now: not filled in twice.
    with pytest.raises(Conflict):
        _fill(people, case_id, "17/03/2025")


@pytest.mark.parametrize("typed", ["14/03/2025", "21/03/2025", "", "31/02/2025"])
def test_a_date_outside_violation_and_decision_is_refused(people, typed):
    case_id = _import(people, **NO_DATE)
    with pytest.raises(ValidationFailed) as refused:
        _fill(people, case_id, typed)
    assert "record_date" in refused.value.errors
    assert _record(case_id).made_at is None


def test_a_stale_version_or_another_unit_cannot_fill_it(people):
    case_id = _import(people, **NO_DATE)
    with pytest.raises(Conflict):
        case_edit.fill_record_date(people["canbo.a"], case_id,
                                   {"record_date": "16/03/2025", "version": 99})
    with pytest.raises(PermissionDenied):
        case_edit.fill_record_date(people["canbo.b"], case_id,
                                   {"record_date": "16/03/2025", "version": 1})
    assert _record(case_id).made_at is None


def test_a_record_with_a_date_cannot_be_filled(people):
    case_id = _import(people, **DATED)
    with pytest.raises(Conflict):
        _fill(people, case_id, "16/03/2025")
    assert to_local(_record(case_id).made_at).date() == date(2025, 3, 17)


def test_the_case_pages_box_fills_the_date_and_refreshes_the_history(people):
    """The box on the case page, as the browser sends it (Reflex keys a
    form's boxes by id): a bad date is refused at the field; a good one is
    saved, and the page and its change history are read again at once
    (user trial: the history showed the change only after a reload)."""
    from tests.security.conftest import _drive, new_state, run_coroutine
    from tests.services.conftest import PASSWORD
    from xlvphc.services import auth
    from xlvphc.state.case_edit import CaseHistoryState
    from xlvphc.state.cases import CaseDetailState

    case_id = _import(people, **NO_DATE)
    _root, state = new_state(CaseDetailState, auth.login("canbo.a", PASSWORD).token)
    state.case = case_queries.get_case(people["canbo.a"], case_id)
    handler = CaseDetailState.event_handlers["fill_record_date"].fn

    run_coroutine(_drive(handler(state, {"bo-sung-ngay-bb": "31/02/2025"})))
    assert "record_date" in state.errors
    assert _record(case_id).made_at is None

    out = run_coroutine(_drive(handler(state, {"bo-sung-ngay-bb": "16032025"})))
    assert to_local(_record(case_id).made_at).date() == date(2025, 3, 16)
    events = out[0]
    assert CaseDetailState.open in events
    assert CaseHistoryState.load in events
