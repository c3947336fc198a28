"""User trial on Nhật ký: «Xuất Excel» exported the filter last applied by
«Lọc», whatever the boxes showed, and a bad date typed in the boxes was not
refused. The button now sends the form (its hidden «intent» box set): the
file holds what the boxes ask for, the list shows the same, and a bad date
is refused at its box, as Lọc refuses it, with nothing exported."""

import base64
import io

import pytest
from openpyxl import load_workbook
from sqlmodel import func, select

from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.models import AuditEvent
from xlvphc.pages import audit as audit_page
from xlvphc.services import audit_log
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.state.audit import EXPORT, AuditState

BAD_DAY = "Ngày không hợp lệ (ngày/tháng/năm)."


def _opened():
    state = _opened_on(AuditState, _token("quantri"), "/nhat-ky", {})
    _run(state, "open")
    return state


def _exports() -> int:
    """How many exports of the log were made (each is audited)."""
    with session_scope() as session:
        return session.exec(
            select(func.count()).where(AuditEvent.action == "audit.exported")
        ).one()


def _file_rows(download) -> list[tuple]:
    """The data rows of the spreadsheet a download event carries."""
    url = {str(k): v._var_value for k, v in download.args}["url"]
    body = base64.b64decode(url.split(",", 1)[1])
    sheet = load_workbook(io.BytesIO(body)).active
    return list(sheet.iter_rows(min_row=2, values_only=True))


def test_the_export_takes_the_boxes_not_the_last_filter(people):
    state = _opened()
    _run(state, "search", {"user": "khong-co-ai"})
    assert state.total == 0

    download = _run(state, "search", {"user": "quantri", "intent": EXPORT})

    rows = _file_rows(download)
    assert rows and {r[2] for r in rows} == {"quantri"}
    # The list shown is what was exported.
    assert state.filters["user"] == "quantri" and "intent" not in state.filters
    assert len(rows) == state.total and state.kept_previous is False
    assert [r[0] for r in rows[: len(state.rows)]] == [r["id"] for r in state.rows]


def test_filtering_alone_exports_nothing(people):
    state = _opened()
    before = _exports()
    assert _run(state, "search", {"user": "quantri"}) is None
    assert _run(state, "search", {"user": "quantri", "intent": "xyz"}) is None
    assert _exports() == before


@pytest.mark.parametrize(
    ("boxes", "errors"),
    [
        ({"date_from": "31/02/2026"}, {"date_from": BAD_DAY}),
        ({"date_to": "abc"}, {"date_to": BAD_DAY}),
        (
            {"date_from": "05/12/2026", "date_to": "01/12/2026"},
            {"date_to": "Ngày kết thúc phải sau ngày bắt đầu."},
        ),
    ],
)
def test_a_bad_date_in_the_boxes_refuses_the_export_at_its_box(
    people, boxes, errors
):
    state = _opened()
    _run(state, "search", {"user": "quantri"})
    rows, total = list(state.rows), state.total
    # Lọc with the same boxes: the message the export must give.
    _run(state, "search", {"user": "quantri", **boxes})
    assert state.errors == errors
    before = _exports()

    result = _run(state, "search", {"user": "quantri", **boxes, "intent": EXPORT})

    assert result is None  # no download
    assert _exports() == before
    assert state.errors == errors
    # The list stays that of the last valid filters, marked as such.
    assert (state.rows, state.total, state.kept_previous) == (rows, total, True)
    assert state.filters["date_from"] == "" and state.filters["date_to"] == ""


def test_the_export_handler_checks_the_boxes_it_is_sent(people):
    """Called by a crafted browser: the same path as the button."""
    state = _opened()
    before = _exports()
    assert _run(state, "export", {"user": "quantri", "date_from": "32/01/2026"}) is None
    assert state.errors == {"date_from": BAD_DAY} and _exports() == before

    rows = _file_rows(_run(state, "export", {"user": "quantri"}))
    assert {r[2] for r in rows} == {"quantri"} and _exports() == before + 1


def test_the_service_refuses_a_bad_date_and_records_no_export(people):
    before = _exports()
    with pytest.raises(ValidationFailed) as refused:
        audit_log.export_xlsx(people["quantri"], {"date_to": "30/02/2026"})
    assert refused.value.errors == {"date_to": BAD_DAY}
    assert _exports() == before


def test_the_button_sends_the_form_with_the_export_intent():
    """What the browser runs: the form found by its id, the hidden box set
    to the intent the state reads, then cleared for the next «Lọc»."""
    script = audit_page.EXPORT_SCRIPT
    assert f"getElementById('{audit_page.FORM_ID}')" in script
    assert f"intent.value = '{EXPORT}'" in script
    assert "requestSubmit()" in script and "intent.value = ''" in script
