"""Official copies only of papers the case issued (user trial: a fully paid
case offered coercion decisions "Không tự nguyện chấp hành", and official
copies of MQĐ40 and MQĐ33 that never happened, each logged as an official
print).

Rules (services/printing_modes.py): the official ("final") copy of a paper
a procedure step issues needs that step; before it, a draft while the law
still allows the step, and the blank copy. Coercion papers are drafted only
while the decision is overdue and money (fine or late-payment interest) or
a remedial measure is still owed; a paid or closed case keeps only the
coercion papers it really issued. The seized-goods papers (MBB15, MQĐ20,
MBB17, MQĐ24, MBB20, MQĐ14) follow the same rule. The menu says which
copies each form has, and the service refuses any other, whatever the
browser sends.
"""

from datetime import timedelta

import pytest
from sqlmodel import select

from tests.security.conftest import at_page, new_state, run_coroutine
from tests.services.conftest import (  # noqa: F401 - fixtures
    PASSWORD,
    actor_for,
    case_form,
    catalogue_id,
    decision_form,
    make_user,
    people,
    ref,
)
from xlvphc.documents.registry import codes
from xlvphc.models import AuditEvent, Case, SeizedItem
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus
from xlvphc.models.procedure import ItemStatus
from xlvphc.services import auth, cases, printing
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict
from xlvphc.services.printing_modes import COERCION_PAPERS, ISSUED_BY
from xlvphc.services.printing_steps import FORM_STEPS
from xlvphc.services.procedure import perform
from xlvphc.services.procedure.late_interest import owed
from xlvphc.services.procedure.transitions import RULES
from xlvphc.state.cases import CaseDetailState
from xlvphc.state.printing import PrintMenuState

# A deduction from salary names the employer and what it deducts from
# (both required for MQĐ07).
SALARY = {
    "code": "salary",
    "holder": "Công ty TNHH Cà phê Buôn Ma Thuột",
    "deduct_from": "salary",
}
TODAY = local_now().date()
FAMILY_SMALL = (37, 1, "", "282/2025/NĐ-CP")  # 2.000.000–5.000.000


def d(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).strftime("%d/%m/%Y")


def money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def version(case_id: int) -> int:
    with session_scope() as session:
        return session.get(Case, case_id).version


def step(actor, case_id: int, code: str, /, **data) -> str:
    if code == "coerce":
        # The cases here skip the asset verification (MBB09): as if made on
        # paper (procedure/coercion_verified.py has its own tests).
        data = {"verified_outside": "1", **data}
    return perform(actor, case_id, code, {"version": version(case_id), **data})


@pytest.fixture
def lead(people):  # noqa: F811
    """The commune chairman of canbo.a's unit: decides coercion, cancels."""
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


def decided(actor, days_ago: int = 0, **decision) -> int:
    case_id = cases.create_case(
        actor,
        case_form(
            violation_date=d(days_ago),
            violation_time="07:00",
            record_date=d(days_ago),
            record_time="08:00",
            act_ids=str(catalogue_id(*FAMILY_SMALL)),
        ),
    )
    cases.issue_decision(
        actor,
        case_id,
        decision_form(decided_on=d(days_ago), version=version(case_id), **decision),
    )
    return case_id


def overdue(actor, **decision) -> int:
    """Decided and received 20 days ago: 10 days past its deadline."""
    case_id = decided(actor, 20, **decision)
    step(actor, case_id, "receipt", on=d(20))
    return case_id


def still_owed(case_id: int):
    with session_scope() as session:
        return owed(session, session.get(Case, case_id), TODAY)


def pay_everything(actor, case_id: int) -> None:
    left = still_owed(case_id)
    data = {"on": d(0), "amount": money(left.fine)}
    if left.interest:
        data["surcharge"] = money(left.interest)
    step(actor, case_id, "payment", **data)
    assert still_owed(case_id).total == 0


def menu(actor, case_id: int) -> dict[str, dict]:
    return {row["code"]: row for row in printing.menu_forms(actor, case_id)}


def refused(actor, case_id: int, code: str, mode: str = "final") -> str:
    with pytest.raises(Conflict) as caught:
        printing.form_data(actor, case_id, code, mode)
    return caught.value.message


def assert_menu_is_honest(actor, case_id: int) -> None:
    """Every copy the menu offers prints; every other one is refused."""
    for code, row in menu(actor, case_id).items():
        if code not in ISSUED_BY:
            continue
        for mode in ("final", "draft"):
            try:
                printing.form_data(actor, case_id, code, mode)
                printed = True
            except Conflict:
                printed = False
            assert printed == row[mode], (code, mode)
        assert row["filled"] == (row["final"] or row["draft"]), code
        assert row["preview"] == ("final" if row["final"] else "draft"), code


def printed(case_id: int) -> list[str]:
    """Every print of the case the audit log holds ("MQĐ02 draft" …)."""
    with session_scope() as session:
        return [
            e.reason
            for e in session.exec(
                select(AuditEvent).where(
                    AuditEvent.action == "case.printed",
                    AuditEvent.entity_id == case_id,
                )
            )
        ]


def official_prints(case_id: int) -> list[str]:
    return [reason for reason in printed(case_id) if reason.endswith(" final")]


# ------------------------------------------------------------ the table


def test_form_step_table_follows_the_procedure_table():
    """Each paper names a step of transitions.TABLE and has its form module;
    the steps that fill a form's number (printing_steps) agree."""
    assert set(ISSUED_BY) <= set(codes())
    assert set(ISSUED_BY.values()) <= set(RULES)
    for code, steps in FORM_STEPS.items():
        assert ISSUED_BY[code] in steps, code
    expected = {
        "MQĐ03": "postpone", "MQĐ04": "reduce", "MQĐ05": "instalments",
        "MBB09": "verify_assets", "MBB10": "coercion_done",
        "MBB11": "coercion_done", "MBB12": "coercion_done",
        "MQĐ33": "transfer_criminal", "MQĐ38": "amend", "MQĐ39": "correct",
        "MQĐ40": "cancel", "MBB05": "verify", "MBB03": "explanation_done",
    } | dict.fromkeys(("MQĐ07", "MQĐ08", "MQĐ09", "MQĐ10", "MQĐ11"), "coerce")
    assert expected.items() <= ISSUED_BY.items()
    assert {"MQĐ12a", "MQĐ12b", "MQĐ12c"} <= COERCION_PAPERS


# ------------------------------------------- rule 1: official needs the step


def test_official_copy_waits_for_its_step_a_draft_does_not(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = decided(officer)
    for code, step_name in (
        ("MQĐ03", "Hoãn thi hành quyết định phạt tiền"),
        ("MQĐ05", "Cho nộp tiền phạt nhiều lần"),
        ("MQĐ33", "Chuyển hồ sơ để truy cứu trách nhiệm hình sự"),
        ("MQĐ38", "Sửa đổi, bổ sung quyết định"),
        ("MQĐ39", "Đính chính quyết định"),
        ("MQĐ40", "Hủy bỏ quyết định"),
    ):
        message = refused(officer, case_id, code)
        assert f"chưa có bước «{step_name}»" in message, code
        assert f"bản chính thức mẫu {code}" in message and "dự thảo" in message
        data = printing.form_data(officer, case_id, code, "draft")[0]
        assert data.draft, code
        assert printing.form_data(officer, case_id, code, "blank")[0].blank
        row = menu(officer, case_id)[code]
        assert (row["final"], row["draft"]) == (False, True), code
        assert row["hint"] == f"Bản chính thức sau khi ghi nhận bước «{step_name}».", (
            code
        )
    assert official_prints(case_id) == []
    assert_menu_is_honest(officer, case_id)


def test_each_step_opens_its_official_copy(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = decided(officer)
    step(officer, case_id, "correct", on=d(0), document="1/QĐ-ĐC",
         note="Sửa năm sinh")
    step(officer, case_id, "amend", on=d(0), document="2/QĐ-SĐ",
         amount="2.500.000", note="Sửa mức phạt")
    rows = menu(officer, case_id)
    assert rows["MQĐ39"]["final"] and rows["MQĐ38"]["final"]
    assert rows["MQĐ40"]["final"] is False
    assert printing.form_data(officer, case_id, "MQĐ39")[0].number == "1/QĐ-ĐC"
    step(lead, case_id, "cancel", on=d(0), document="1/QĐ-HB", note="Sai thẩm quyền")
    assert printing.form_data(officer, case_id, "MQĐ40")[0].number == "1/QĐ-HB"
    # Closed by the cancellation: its real papers stay printable, nothing new.
    rows = menu(officer, case_id)
    assert rows["MQĐ40"]["final"] and rows["MQĐ38"]["final"]
    assert (rows["MQĐ33"]["final"], rows["MQĐ33"]["draft"]) == (False, False)
    assert "chưa có bước «Chuyển hồ sơ" in refused(officer, case_id, "MQĐ33", "draft")

    criminal = decided(officer)
    step(officer, criminal, "transfer_criminal", on=d(0), note="Cơ quan CSĐT",
         document="1/QĐ-CHS")
    assert menu(officer, criminal)["MQĐ33"]["final"]
    assert printing.form_data(officer, criminal, "MQĐ33")[0].number == "1/QĐ-CHS"


def test_verification_record_needs_its_verification(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    assert "«Xác minh tình tiết của vụ việc»" in refused(officer, case_id, "MBB05")
    assert printing.form_data(officer, case_id, "MBB05", "draft")[0].draft
    step(officer, case_id, "verify", on=d(0), start_time="14:00",
         place="Tổ 5", findings="Xe thuộc sở hữu của người vi phạm.")
    assert printing.form_data(officer, case_id, "MBB05")[0].number
    # No hearing was asked for: its minutes are a blank copy only.
    assert menu(officer, case_id)["MBB03"]["filled"] is False
    assert_menu_is_honest(officer, case_id)


# ------------------------------------- rule 2: coercion only when possible


def test_coercion_is_drafted_only_while_overdue_and_owed(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    fresh = decided(officer)  # within its deadline: no coercion yet
    rows = menu(officer, fresh)
    assert not any(rows[c]["filled"] for c in COERCION_PAPERS)
    assert rows["MQĐ07"]["hint"].startswith("Chỉ in mẫu trắng: chưa xác định")
    assert "chỉ in được mẫu trắng" in refused(officer, fresh, "MQĐ07", "draft")

    case_id = overdue(officer)
    rows = menu(officer, case_id)
    combined = {"MQĐ12a", "MQĐ12b", "MQĐ12c"}
    money_papers = COERCION_PAPERS - {"MQĐ11", "MBB11"} - combined
    assert all(rows[c]["draft"] and not rows[c]["final"] for c in money_papers)
    # The decision names no remedial measure: nothing to coerce there, nor
    # a combined decision, which forces one too.
    for code in ("MQĐ11", "MBB11", *combined):
        assert rows[code]["filled"] is False, code
    assert "không áp dụng biện pháp khắc phục" in rows["MQĐ12a"]["hint"]
    assert_menu_is_honest(officer, case_id)

    step(lead, case_id, "coerce", **SALARY, on=d(0))
    rows = menu(officer, case_id)
    assert rows["MQĐ07"]["final"]
    # The combined form is another decision's: never this one's.
    assert rows["MQĐ12a"]["final"] is False
    assert rows["MQĐ08"]["final"] is False and rows["MQĐ08"]["draft"]
    assert "«Quyết định cưỡng chế» (khấu trừ tiền từ tài khoản)" in refused(
        officer, case_id, "MQĐ08"
    )
    assert_menu_is_honest(officer, case_id)


def test_a_coercion_decision_is_official_only_on_its_measures_form(
    people, lead  # noqa: F811
):
    """User trial: one decision by deduction from an account (MQĐ08) was
    offered as official MQĐ08 and MQĐ12a under the same number, the MQĐ12a
    also ordering the case's remedial measure, which the signer never chose
    in that step. The other coercion forms stay drafts, as for steps not
    taken, the combined ones (MQĐ12a-c) too: they are the form of a
    decision the signer chose with its remedial part
    (test_coercion_combined.py)."""
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures="Buộc tháo dỡ công trình")
    step(lead, case_id, "coerce", code="account", on=d(0), period="10",
         holder="Ngân hàng TMCP Công Thương Việt Nam – Chi nhánh Đắk Lắk")
    number = printing.form_data(officer, case_id, "MQĐ08")[0].number
    assert number.endswith("/QĐ-CCXP")

    rows = menu(officer, case_id)
    assert rows["MQĐ08"]["final"]
    others = ("MQĐ07", "MQĐ09", "MQĐ10", "MQĐ11", "MQĐ12a", "MQĐ12b", "MQĐ12c")
    for code in others:
        assert (rows[code]["final"], rows[code]["draft"]) == (False, True), code
        draft = printing.form_data(officer, case_id, code, "draft")[0]
        # Not this decision: neither its number nor what it recorded.
        assert draft.number == "", code
        assert "holder" not in draft.values and "period" not in draft.values, code
    for code in ("MQĐ12a", "MQĐ12b", "MQĐ12c"):
        message = refused(officer, case_id, code)
        assert "chưa có bước «Quyết định cưỡng chế» (" in message, code
        assert "và buộc khắc phục hậu quả)" in message, code
        assert rows[code]["hint"].startswith("Bản chính thức sau khi"), code
    assert_menu_is_honest(officer, case_id)
    assert set(official_prints(case_id)) == {"MQĐ08 final"}


def test_interest_alone_still_owed_keeps_coercion_possible(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(officer, case_id, "payment", on=d(0), amount=money(still_owed(case_id).fine))
    left = still_owed(case_id)
    assert left.fine == 0 and left.interest > 0
    assert menu(officer, case_id)["MQĐ08"]["draft"]
    data = printing.form_data(officer, case_id, "MQĐ08", "draft")[0]
    assert data.draft


def test_remedial_measure_left_undone_can_still_be_coerced(people):  # noqa: F811
    """Law Art. 86 k1: the fine paid, a remedial measure not carried out is
    still coerced (MQĐ11, its record MBB11); once done, blank only."""
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures="Buộc tháo dỡ công trình")
    pay_everything(officer, case_id)
    rows = menu(officer, case_id)
    assert rows["MQĐ11"]["draft"] and rows["MBB11"]["draft"]
    assert rows["MQĐ07"]["filled"] is False
    step(officer, case_id, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    rows = menu(officer, case_id)
    assert rows["MQĐ11"]["filled"] is False
    assert "đã được thực hiện" in rows["MQĐ11"]["hint"]
    assert_menu_is_honest(officer, case_id)


def test_paid_case_offers_no_coercion_and_no_papers_never_issued(
    people,  # noqa: F811
):
    """The user trial's case: overdue, then paid in full (stage still
    «Đang thi hành»), then closed."""
    officer = people["canbo.a"]
    case_id = overdue(officer)
    pay_everything(officer, case_id)
    with session_scope() as session:
        assert session.get(Case, case_id).status == CaseStatus.EXECUTING
    for closed in (False, True):
        if closed:
            step(officer, case_id, "close_executed", on=d(0))
        rows = menu(officer, case_id)
        for code in COERCION_PAPERS:
            assert rows[code]["filled"] is False, code
            assert rows[code]["hint"].startswith("Chỉ in mẫu trắng"), code
            assert printing.form_data(officer, case_id, code, "blank")[0].blank
        for code in ("MQĐ33", "MQĐ40"):
            assert rows[code]["final"] is False, code
            refused(officer, case_id, code)
        message = refused(officer, case_id, "MQĐ07", "draft")
        assert "chỉ in được mẫu trắng" in message
        if not closed:
            assert "tiền phạt và tiền chậm nộp đã nộp đủ" in message
            assert "đã nộp đủ" in rows["MQĐ07"]["hint"]
        # Nothing is ever filled "Không tự nguyện chấp hành" here.
        assert not any(
            r["filled"] for c, r in rows.items() if c in COERCION_PAPERS
        )
        assert_menu_is_honest(officer, case_id)
    assert official_prints(case_id) == []


def test_coerced_then_paid_case_keeps_its_real_coercion_papers(
    people, lead  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(lead, case_id, "coerce", code="collection", on=d(0),
         holder="Công ty TNHH Cà phê", action_place="Thôn 3")
    left = still_owed(case_id)
    step(officer, case_id, "coercion_done", on=d(0), amount=money(left.fine),
         surcharge=money(left.interest), note="Đã thu đủ", place="Thôn 3")
    assert still_owed(case_id).total == 0
    step(officer, case_id, "close_executed", on=d(0))
    rows = menu(officer, case_id)
    for code in ("MQĐ10", "MBB10"):
        assert rows[code]["final"], code
        assert printing.form_data(officer, case_id, code)[0].values["amount"]
    # MQĐ12c (collection with a remedial measure) was never decided.
    for code in ("MQĐ07", "MQĐ09", "MQĐ12c", "MBB09", "MBB12"):
        assert rows[code]["filled"] is False, code
    assert_menu_is_honest(officer, case_id)


# ---------------------------- rule 3: what the browser sends is checked again


def _opened(cls, case_id: int):
    root, state = new_state(cls, auth.login("canbo.a", PASSWORD).token)
    path, query = "/ho-so/chi-tiet", {"id": str(case_id)}
    at_page(root, path, query)
    return state


async def _drive(result) -> list:
    """What a handler yields (async generator) or returns (coroutine)."""
    if hasattr(result, "__aiter__"):
        return [item async for item in result]
    return [await result]


def test_browser_sending_final_without_the_step_is_refused(people):  # noqa: F811
    """The print menu's own handlers, called as a crafted event would call
    them: "Tải về" and "Xem trước" in mode "final" for papers the paid case
    never issued download nothing and log no print."""
    officer = people["canbo.a"]
    case_id = overdue(officer)
    pay_everything(officer, case_id)
    state = _opened(PrintMenuState, case_id)
    for code in ("MQĐ40", "MQĐ33", "MQĐ07", "MBB10", "MQĐ20"):
        for handler in ("download", "preview"):
            fn = PrintMenuState.event_handlers[handler].fn
            sent = run_coroutine(_drive(fn(state, code, "final", "0")))
            assert all(item is None for item in sent), (code, handler)
            assert "chưa có bước" in state.message, (code, handler)
            assert not state.preview_pages
    assert official_prints(case_id) == []
    # The menu the same state loads offers none of those buttons.
    run_coroutine(PrintMenuState.event_handlers["load_forms"].fn(state))
    offered = {r["code"]: r for r in state.forms}
    assert not any(
        offered[c]["final"] for c in ("MQĐ40", "MQĐ33", "MQĐ07", "MQĐ20")
    )
    assert offered["MQĐ02"]["final"]

    # The case page's own print handler (MBB01, MQĐ02 buttons) sends "final"
    # for any form it is given: checked the same.
    page = _opened(CaseDetailState, case_id)
    run_coroutine(_drive(CaseDetailState.event_handlers["open"].fn(page)))
    fn = CaseDetailState.event_handlers["print_form"].fn
    sent = run_coroutine(_drive(fn(page, "MQĐ40")))
    assert all(item is None for item in sent[1:])
    assert "«Hủy bỏ quyết định»" in page.message
    assert official_prints(case_id) == []


# ------------- rule 4: the seized-goods papers follow the same rule (trial)

SEIZED_PAPERS = ("MBB15", "MQĐ20", "MBB17", "MQĐ24", "MBB20", "MQĐ14")


def test_seized_goods_papers_are_official_only_after_their_step(
    people,  # noqa: F811
):
    """User trial: a case that never seized anything offered "Tải về" (an
    official copy, logged as such) of MQĐ20, which printed "Số: /QĐ-TG"."""
    officer = people["canbo.a"]
    case_id = decided(officer)
    rows = menu(officer, case_id)
    for code in SEIZED_PAPERS:
        assert rows[code]["final"] is False, code
        assert "chưa có bước" in refused(officer, case_id, code), code
    # A seizure can still be made: its papers can be drafted.
    for code in ("MBB15", "MQĐ20"):
        assert rows[code]["draft"], code
        assert rows[code]["hint"] == (
            "Bản chính thức sau khi ghi nhận bước «Ghi nhận tang vật, phương "
            "tiện tạm giữ»."
        )
        assert printing.form_data(officer, case_id, code, "draft")[0].draft
    # Nothing is held, so nothing can be returned or confiscated yet.
    for code in ("MBB17", "MQĐ24", "MBB20", "MQĐ14"):
        assert rows[code]["filled"] is False, code
        assert "không có tang vật đang tạm giữ" in rows[code]["hint"], code
        assert "chỉ in được mẫu trắng" in refused(officer, case_id, code, "draft")
        assert printing.form_data(officer, case_id, code, "blank")[0].blank
    assert_menu_is_honest(officer, case_id)
    assert official_prints(case_id) == []

    step(officer, case_id, "seize", description="Xe mô tô 47B1-123.45",
         on=d(0), days="7", decider_title="Chủ tịch")
    rows = menu(officer, case_id)
    assert rows["MBB15"]["final"] and rows["MQĐ20"]["final"]
    data = printing.form_data(officer, case_id, "MQĐ20")[0]
    assert data.number == "01/QĐ-TG"
    # Held now: a return or a confiscation can be drafted, not issued.
    for code in ("MBB17", "MQĐ24", "MBB20", "MQĐ14"):
        assert (rows[code]["final"], rows[code]["draft"]) == (False, True), code
    assert_menu_is_honest(officer, case_id)

    [item] = _held(case_id)
    step(officer, case_id, "return_item", item=str(item), on=d(0),
         reason="Không phải tang vật")
    rows = menu(officer, case_id)
    assert rows["MBB17"]["final"] and rows["MQĐ24"]["final"]
    assert printing.form_data(officer, case_id, "MBB17")[0].number == "01/BB-TL"
    # Nothing held any more, nothing confiscated: blank only.
    assert rows["MBB20"]["filled"] is False and rows["MQĐ14"]["filled"] is False
    assert_menu_is_honest(officer, case_id)


def test_closed_case_without_seizure_offers_its_seized_papers_blank(
    people,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue(officer)
    pay_everything(officer, case_id)
    step(officer, case_id, "close_executed", on=d(0))
    rows = menu(officer, case_id)
    for code in SEIZED_PAPERS:
        assert rows[code]["filled"] is False, code
        assert rows[code]["hint"].startswith("Chỉ in mẫu trắng"), code
        for mode in ("final", "draft"):
            assert "chỉ in được mẫu trắng" in refused(officer, case_id, code, mode)
    assert "giai đoạn «Đã kết thúc»" in rows["MQĐ20"]["hint"]
    assert_menu_is_honest(officer, case_id)
    assert official_prints(case_id) == []


def test_closed_case_keeps_the_seized_papers_it_issued(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    step(officer, case_id, "seize", description="Máy cưa xích", on=d(0),
         days="7", decider_title="Chủ tịch")
    [item] = _held(case_id)
    step(officer, case_id, "confiscate_item", item=str(item), on=d(0),
         reason="Tịch thu theo quyết định xử phạt")
    pay_everything(officer, case_id)
    step(officer, case_id, "close_executed", on=d(0))
    rows = menu(officer, case_id)
    for code in ("MBB15", "MQĐ20", "MBB20"):
        assert rows[code]["final"], code
    assert printing.form_data(officer, case_id, "MQĐ20")[0].number == "01/QĐ-TG"
    # Confiscated by the sanction decision: MQĐ14 (unclaimed goods) was never
    # issued, and nothing is returned.
    for code in ("MQĐ14", "MBB17", "MQĐ24"):
        assert rows[code]["filled"] is False, code
    assert_menu_is_honest(officer, case_id)


def _held(case_id: int) -> list[int]:
    """The ids of the goods the case still holds."""
    with session_scope() as session:
        return list(
            session.exec(
                select(SeizedItem.id).where(
                    SeizedItem.case_id == case_id,
                    SeizedItem.status == ItemStatus.HELD,
                )
            )
        )


# ------------------------- MBB06 / MBB29: official only after their steps


def test_decision_handed_over_offers_no_refusal_or_transfer_record(
    people,  # noqa: F811
):
    """User trial: a closed case whose decision was handed over directly
    offered an official MBB06 (the violator refused the decision) and MBB29
    (the case handed on to execute it, Art. 71): neither happened."""
    officer = people["canbo.a"]
    case_id = decided(officer)
    rows = menu(officer, case_id)
    # Before the sending, the refusal's record can be prepared for signature.
    assert (rows["MBB06"]["final"], rows["MBB06"]["draft"]) == (False, True)
    assert (rows["MBB29"]["final"], rows["MBB29"]["draft"]) == (False, True)
    step(officer, case_id, "send", on=d(0), code="direct")
    pay_everything(officer, case_id)
    step(officer, case_id, "close_executed", on=d(0))
    rows = menu(officer, case_id)
    for code in ("MBB06", "MBB29"):
        assert rows[code]["filled"] is False, code
        assert rows[code]["hint"].startswith("Chỉ in mẫu trắng"), code
        assert "chỉ in được mẫu trắng" in refused(officer, case_id, code)
        assert printing.form_data(officer, case_id, code, "blank")[0].blank
    assert "không nhận quyết định" in refused(officer, case_id, "MBB06")
    assert_menu_is_honest(officer, case_id)
    assert official_prints(case_id) == []


def test_a_refused_decision_and_a_transfer_to_execute_open_their_records(
    people,  # noqa: F811
):
    """Art. 70: handed over and refused, the decision counts as delivered
    and MBB06 records it; Art. 71: a decided case handed to another unit to
    execute it has its MBB29 (for the receiving unit's officer)."""
    officer, other = people["canbo.a"], people["canbo.b"]
    case_id = decided(officer)
    text = step(officer, case_id, "send", on=d(0), code="refused")
    assert "không nhận" in text and "người vi phạm nhận ngày" in text
    with session_scope() as session:
        assert session.get(Case, case_id).received_on == TODAY
    assert menu(officer, case_id)["MBB06"]["final"]
    assert menu(officer, case_id)["MBB29"]["final"] is False
    step(officer, case_id, "transfer_unit", unit=str(other.unit_id), on=d(0),
         note="Thi hành tại địa phương khác (Điều 71)")
    rows = menu(other, case_id)
    assert rows["MBB29"]["final"] and rows["MBB06"]["final"]
    assert_menu_is_honest(other, case_id)
