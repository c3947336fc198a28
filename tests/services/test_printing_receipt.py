"""The receipt block of MBB01 and MQĐ02 ("<In ở mặt sau>", on the back of the
paper) printed from a whole case: no page holding the receipt alone after a
half-empty page, and MQĐ02's delivery day taken from the send step."""

import io
import os

from pypdf import PdfReader

from tests.services.conftest import case_form, decision_form
from xlvphc.models import Case
from xlvphc.services import cases, printing
from xlvphc.services.db import session_scope
from xlvphc.services.procedure import perform

OUT = os.environ.get("XLVPHC_KEEP_PDF", "")  # a folder to look at the files


def _version(case_id: int) -> int:
    with session_scope() as session:
        return session.get(Case, case_id).version


def _pages(actor, case_id: int, form: str) -> list[str]:
    name, pdf = printing.print_form(actor, case_id, form, "final")
    if OUT:
        with open(os.path.join(OUT, name), "wb") as file:
            file.write(pdf)
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _decided_case(actor, **record) -> int:
    case_id = cases.create_case(actor, case_form(**record))
    cases.issue_decision(actor, case_id, decision_form(version=_version(case_id)))
    return case_id


def test_record_and_decision_of_a_whole_case_waste_no_page(people):
    officer = people["canbo.a"]
    case_id = _decided_case(officer)
    day = decision_form()["decided_on"]
    perform(officer, case_id, "send",
            {"version": _version(case_id), "on": day, "code": "direct"})

    for form, signer, receipt in (
        ("MBB01", "NGƯỜI LẬP BIÊN BẢN", "NGƯỜI NHẬN BIÊN BẢN"),
        ("MQĐ02", "Nơi nhận", "NGƯỜI NHẬN QUYẾT ĐỊNH"),
    ):
        pages = _pages(officer, case_id, form)
        signed = max(i for i, text in enumerate(pages) if signer in text)
        assert receipt in pages[-1] and receipt not in " ".join(pages[:-1])
        if signed == len(pages) - 1:
            # Shares the last page of the text: page 2, 4 … (a sheet's back).
            assert len(pages) % 2 == 0, form
        else:
            # A page of its own right after a front page (1, 3 …): its back.
            assert signed == len(pages) - 2 and signed % 2 == 0, form
        assert len(pages) <= 2, (form, len(pages))

    decision = " ".join(_pages(officer, case_id, "MQĐ02")).replace("\n", " ")
    assert f"bị xử phạt vào hồi …… giờ …… phút, ngày {day}" in decision


def test_decision_sent_by_post_leaves_the_handing_over_blank(people):
    officer = people["canbo.a"]
    case_id = _decided_case(officer)
    perform(officer, case_id, "send", {
        "version": _version(case_id), "on": decision_form()["decided_on"],
        "code": "post"})

    decision = " ".join(_pages(officer, case_id, "MQĐ02")).replace("\n", " ")
    assert "bị xử phạt vào hồi …… giờ …… phút, ngày ……/……/………" in decision
