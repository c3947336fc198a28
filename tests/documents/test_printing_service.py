"""Printing any form from a case made through the services: the stage decides
which forms are offered, every print is audited, scope is enforced."""

import pytest
from pdf_probe import all_text, has_poppler, to_png
from sqlmodel import select

from tests.services.conftest import (  # noqa: F401 - fixtures
    case_form,
    decision_form,
    people,
    ref,
)
from xlvphc.models import AuditEvent
from xlvphc.services import cases, printing, printing_delegations
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, NotFound, PermissionDenied


@pytest.fixture
def decided(people):  # noqa: F811 - fixture from the services conftest
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    cases.issue_decision(officer, case_id, decision_form(version=1))
    return officer, case_id


def test_menu_follows_the_stage(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    before = {
        row["code"]: row["filled"] for row in printing.menu_forms(officer, case_id)
    }
    assert before["MBB01"] and before["MQĐ15"]
    # The minutes of a hearing no one asked for: blank (printing_modes).
    assert before["MBB03"] is False
    # MQĐ02 before its decision: a draft to sign (test_decision_draft.py).
    assert before["MQĐ02"] is True and before["MQĐ07"] is False
    assert before["MQĐ34"] is False  # delegation: blank only

    cases.issue_decision(officer, case_id, decision_form(version=1))
    after = {row["code"]: row for row in printing.menu_forms(officer, case_id)}
    assert after["MQĐ02"]["final"] and after["MQĐ03"]["draft"]
    # No postponement yet: MQĐ03 as a draft; not overdue: no coercion.
    assert after["MQĐ03"]["final"] is False
    assert after["MQĐ07"]["filled"] is False
    assert after["MBB03"]["filled"] is False


def test_every_form_prints_from_a_decided_case(decided):
    officer, case_id = decided
    for row in printing.menu_forms(officer, case_id):
        code = row["code"]
        mode = "final" if row["final"] else "draft" if row["draft"] else "blank"
        filename, pdf = printing.print_form(officer, case_id, code, mode)
        text = all_text(pdf)
        assert pdf.startswith(b"%PDF") and filename.endswith(".pdf")
        assert "ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA" in text, code
        if mode != "blank" and code not in ("MQĐ34", "MQĐ35", "MQĐ36", "MQĐ37"):
            assert "Nguyễn Văn An" in text, code


def test_filled_forms_cite_the_case_documents(decided):
    officer, case_id = decided
    text = all_text(printing.print_form(officer, case_id, "MQĐ03", "draft")[1])
    assert "Căn cứ Quyết định số: 01/QĐ-XPHC ngày" in text
    assert "theo Quyết định số: 01/QĐ-XPHC đối với ông có tên sau đây" in text
    assert "Phạm Văn Dũng" in text
    # A coercion decision is drafted once the decision is overdue.
    import tests.services.test_procedure as proc

    overdue = proc.decided_case(officer, days_ago=20)
    proc.step(officer, overdue, "receipt", on=proc.d(20))
    coercion = all_text(printing.print_form(officer, overdue, "MQĐ09", "draft")[1])
    # It enforces the sanction decision: the form's "phạt/phải hoàn trả" is made.
    assert "Số tiền phạt:" in coercion and "phải hoàn trả" not in coercion
    assert "(Bằng chữ:" in coercion


def test_draft_and_blank_modes(decided):
    officer, case_id = decided
    name, draft = printing.print_form(officer, case_id, "MQĐ02", "draft")
    assert "DỰ THẢO" in all_text(draft) and name.endswith("-du-thao.pdf")
    name, blank = printing.print_form(officer, case_id, "MBB01", "blank")
    text = all_text(blank)
    assert "Nguyễn Văn An" not in text and "BIÊN BẢN VI PHẠM HÀNH CHÍNH" in text
    assert name.endswith("-mau-trang.pdf")


def test_every_print_is_audited_with_form_and_mode(decided):
    officer, case_id = decided
    printing.print_form(officer, case_id, "MQĐ05", "draft")
    with session_scope() as session:
        events = session.exec(
            select(AuditEvent).where(AuditEvent.action == "case.printed")
        ).all()
        assert any(e.reason == "MQĐ05 draft" for e in events)


def test_refusals(decided, people):  # noqa: F811
    officer, case_id = decided
    other = people["canbo.b"]
    with pytest.raises(PermissionDenied):
        printing.print_form(other, case_id, "MQĐ03")
    with pytest.raises(PermissionDenied):
        printing.menu_forms(other, case_id)
    for form, mode in (
        ("MQĐ99", "final"),
        ("MQĐ03", "signed"),
        (None, "final"),
        (["MQĐ03"], "final"),
        ("MQĐ03", ["final"]),
    ):
        with pytest.raises(Conflict):
            printing.print_form(officer, case_id, form, mode)
    with pytest.raises(NotFound):
        printing.print_form(officer, "1; drop", "MQĐ03")


def test_form_not_yet_applicable_is_refused_but_blank_is_allowed(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    with pytest.raises(Conflict):
        printing.print_form(officer, case_id, "MQĐ07")
    assert printing.print_form(officer, case_id, "MQĐ07", "blank")[1]


def _register_delegation(number: str = "12/QĐ-GQXP", **extra) -> int:
    """The commune chairman of canbo.a's unit registers a delegation."""
    from tests.services.conftest import actor_for, make_user
    from xlvphc.services.access import Role
    from xlvphc.services.procedure.delegation import register_delegation

    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    form = {
        "number": number,
        "signed_on": "01/07/2025",
        "scope": "sanction",
        "head_title_code": "chu_tich_ubnd_xa",
        "deputy_name": "Lê Văn Phó",
        "deputy_title": "Phó Chủ tịch UBND phường",
        "valid_from": "01/07/2025",
        "valid_to": "",
    } | extra
    return register_delegation(actor_for("chutich.a"), form)


def test_deputy_signs_kt_citing_the_delegation(people):  # noqa: F811
    officer = people["canbo.a"]
    _register_delegation()
    case_id = cases.create_case(officer, case_form())
    cases.issue_decision(
        officer,
        case_id,
        decision_form(
            version=1,
            signer_title="Phó Chủ tịch Ủy ban nhân dân phường Tuy Hòa",
            delegation="12/QĐ-GQXP",
            # Traffic: the ceiling is not known to the system (a hand check).
            authority_confirmed="1",
        ),
    )
    for code, mode in (("MQĐ02", "final"), ("MQĐ05", "draft")):
        text = all_text(printing.print_form(officer, case_id, code, mode)[1])
        assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text, code
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA" in text, code
        assert "12/QĐ-GQXP ngày 01/07/2025 về việc giao quyền xử phạt" in text, code


@pytest.mark.skipif(not has_poppler(), reason="poppler-utils missing")
def test_case_forms_rendered_for_review(decided):
    officer, case_id = decided
    # Before their steps (printing_modes): MQĐ03, MBB06 (a refused delivery)
    # and MBB29 (a transfer to execute) as drafts, MQĐ09 blank.
    for code, mode in (
        ("MQĐ03", "draft"), ("MQĐ09", "blank"), ("MBB06", "draft"), ("MBB29", "draft")
    ):
        pdf = printing.print_form(officer, case_id, code, mode)[1]
        slug = code.replace("Đ", "D").lower()
        assert to_png(pdf, f"case-{slug}")


def test_forms_of_procedure_steps_carry_the_step(people):  # noqa: F811
    # The helpers of the procedure tests make a decided case whose fine
    # allows postponement (Art. 76) and reduction (Art. 77).
    import tests.services.test_procedure as proc

    officer = people["canbo.a"]
    case_id = proc.decided_case(officer, days_ago=1)
    until = proc.add_months(proc.TODAY, 3)
    proc.step(
        officer,
        case_id,
        "postpone",
        on=proc.d(0),
        until=until.strftime("%d/%m/%Y"),
        certifier="UBND phường Tuy Hòa",
        document="7/QĐ-HQĐPT",
        hardship="1",
        application_on=proc.d(1),
    )
    proc.step(
        officer,
        case_id,
        "reduce",
        code="reduce",
        amount="1.000.000",
        on=proc.d(0),
        certifier="UBND phường Tuy Hòa",
        document="3/QĐ-GTP",
    )

    postponed = all_text(printing.print_form(officer, case_id, "MQĐ03")[1])
    assert "Số: 7/QĐ-HQĐPT" in postponed
    assert f"đến ngày {until:%d/%m/%Y}" in postponed
    assert "được UBND phường Tuy Hòa xác nhận" in postponed
    assert proc.d(1) in postponed  # the application's date (Art. 76)
    reduced = all_text(printing.print_form(officer, case_id, "MQĐ04")[1])
    assert "Số: 3/QĐ-GTP" in reduced
    assert "Giảm tiền phạt vi phạm hành chính theo Quyết định số" in reduced
    assert "được giảm là: 1.000.000 đồng (Bằng chữ: Một triệu đồng)" in reduced


def test_delegation_prints_mqd34_and_its_ending_mqd37(people):  # noqa: F811
    from tests.services.conftest import actor_for
    from xlvphc.services.procedure.delegation import end_delegation

    row_id = _register_delegation()
    head = actor_for("chutich.a")
    name, pdf = printing_delegations.print_delegation(
        people["canbo.a"], row_id, "MQĐ34"
    )
    text = all_text(pdf)
    assert name.endswith(".pdf")
    assert "Số: 12/QĐ-GQXP" in text
    assert "ngày 01 tháng 7 năm 2025" in text
    assert "Về việc giao quyền xử phạt vi phạm hành chính" in text
    assert "Họ và tên: Lê Văn Phó" in text
    assert "Chức vụ: Phó Chủ tịch UBND phường" in text
    assert "không thời hạn" in text

    with pytest.raises(Conflict):  # a sanction delegation is not MQĐ35
        printing_delegations.print_delegation(people["canbo.a"], row_id, "MQĐ35")
    with pytest.raises(PermissionDenied):  # another commune
        printing_delegations.print_delegation(people["canbo.b"], row_id, "MQĐ34")
    with pytest.raises(NotFound):
        printing_delegations.print_delegation(people["canbo.a"], 10_000, "MQĐ34")
    with pytest.raises(NotFound):
        printing_delegations.print_delegation(people["canbo.a"], "1", "MQĐ34")

    end_delegation(head, row_id, {"ended_on": "01/12/2025"})
    ended = all_text(
        printing_delegations.print_delegation(people["canbo.a"], row_id, "MQĐ37")[1]
    )
    assert "Chấm dứt việc giao quyền xử phạt vi phạm hành chính" in ended
    assert "12/QĐ-GQXP ngày 01/07/2025" in ended
    assert "ông (bà): Lê Văn Phó chức vụ: Phó Chủ tịch UBND phường" in ended


def test_seized_goods_fill_the_tables_of_their_forms(people):  # noqa: F811
    import tests.services.test_procedure as proc
    from xlvphc.models import SeizedItem

    officer = people["canbo.a"]
    case_id = proc.decided_case(officer, days_ago=1)
    for name in ("Xe mô tô Honda Wave 47B1-123.45", "Giấy phép lái xe hạng A1"):
        proc.step(officer, case_id, "seize", days="7", description=name, on=proc.d(1))
    with session_scope() as session:
        ids = [
            i.id
            for i in session.exec(
                select(SeizedItem)
                .where(SeizedItem.case_id == case_id)
                .order_by(SeizedItem.id)
            )
        ]
    proc.step(
        officer,
        case_id,
        "return_item",
        item=str(ids[0]),
        on=proc.d(0),
        document="1/BB-TL",
    )

    # Each seizure has its own numbered record: MBB15 prints the latest one,
    # with the item it took (tests/documents/test_form_details.py).
    seized = all_text(printing.print_form(officer, case_id, "MBB15")[1])
    assert "Giấy phép lái xe hạng A1" in seized
    assert "Số: 02/BB-TG" in seized
    returned = all_text(printing.print_form(officer, case_id, "MBB17")[1])
    assert "Xe mô tô Honda Wave" in returned
    assert "Giấy phép lái xe hạng A1" not in returned
