"""The reason a violation record was made at the office or another place
rather than where the violation happened (MBB01 note (3), Phụ lục Nghị định
118/2021/NĐ-CP): typed on the case form, corrected on the edit form with
its history, shown on the case page and printed in MBB01 under the place."""

import pytest
from sqlmodel import select

from tests.documents.pdf_probe import all_text
from tests.services.conftest import case_form
from xlvphc.models import ViolationRecord
from xlvphc.services import case_edit, case_queries, cases, printing
from xlvphc.services.case_input import OFFICE_REASON_HINT
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed

REASON = "Người vi phạm không xuất trình được giấy tờ tại chỗ, phải về trụ sở"
LINE = (
    "Lý do lập biên bản tại trụ sở cơ quan của người có thẩm quyền lập biên "
    "bản/địa điểm khác:"
)


def stored_reason(case_id: int) -> str:
    with session_scope() as session:
        return session.exec(
            select(ViolationRecord.office_reason).where(
                ViolationRecord.case_id == case_id
            )
        ).one()


def printed(actor, case_id: int) -> str:
    """MBB01 as printed, on one line (the PDF breaks lines anywhere)."""
    _name, pdf = printing.print_form(actor, case_id, "MBB01", "draft")
    return " ".join(all_text(pdf).split())


def test_reason_is_kept_shown_and_printed(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form(office_reason=REASON))
    assert stored_reason(case_id) == REASON
    assert case_queries.get_case(officer, case_id)["office_reason"] == REASON
    assert case_edit.edit_form(officer, case_id)["values"]["office_reason"] == REASON
    text = printed(officer, case_id)
    assert f"{LINE} {REASON}" in text
    # Under the place, before the grounds (the form's order).
    assert text.index("tại Trụ sở UBND phường Tuy Hòa") < text.index(REASON)
    assert text.index(REASON) < text.index("Căn cứ:")


def test_reason_is_optional_and_left_for_the_pen(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    assert stored_reason(case_id) == ""
    assert case_queries.get_case(officer, case_id)["office_reason"] == ""
    # The record was made away from the scene: the line stays, dotted.
    assert f"{LINE} …" in printed(officer, case_id)
    # The hint says when to fill it.
    assert "không lập tại nơi xảy ra vi phạm" in OFFICE_REASON_HINT


def test_reason_is_corrected_with_its_history(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    loaded = case_edit.edit_form(officer, case_id)
    form = {
        **loaded["values"],
        "kind": loaded["kind"],
        "act_ids": ",".join(a["id"] for a in loaded["acts"]),
        "version": loaded["version"],
        "office_reason": REASON,
    }
    case_edit.edit_case(officer, case_id, form)
    assert stored_reason(case_id) == REASON
    changes = case_edit.case_history(officer, case_id)[0]["changes"]
    assert {
        "field": "Lý do lập biên bản tại nơi khác",
        "before": "—",  # the history shows an empty value as a dash
        "after": REASON,
    } in changes


def test_reason_longer_than_the_column_is_refused_at_its_field(people):
    officer = people["canbo.a"]
    with pytest.raises(ValidationFailed) as refused:
        cases.create_case(officer, case_form(office_reason="x" * 501))
    assert "500" in refused.value.errors["office_reason"]
