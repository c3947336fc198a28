"""The sanction procedure in the browser (issue 3): one case through
instalments to closing, one through coercion. Cases are started through the
services on the app's database (dated in the past where a deadline must have
run); every step after the decision is taken on the case page."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.e2e.test_journey import _first_login
from tests.services.conftest import case_form, catalogue_id, decision_form
from xlvphc.models.base import local_now

ARTIFACTS_PREFIX = "test-artifacts/procedure"
FAMILY_SMALL = (37, 1, "", "282/2025/NĐ-CP")  # 2.000.000–5.000.000 đồng


def _actor(username: str):
    from sqlmodel import select

    from xlvphc.models import Unit, User
    from xlvphc.services.access import Actor, parse_roles, unit_scope
    from xlvphc.services.db import session_scope

    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        unit = session.get(Unit, user.unit_id)
        return Actor(
            user_id=user.id,
            username=user.username,
            full_name=user.full_name,
            title=user.title,
            unit_id=user.unit_id,
            unit_name=unit.name,
            roles=parse_roles(user.roles),
            scope=unit_scope(session, user.unit_id),
        )


def _decided_case(
    app_server, username: str, name: str, days_ago: int, received: bool
) -> int:
    from xlvphc.services import cases, procedure

    day = (local_now() - timedelta(days=days_ago)).strftime("%d/%m/%Y")
    with app_server.database():
        actor = _actor(username)
        case_id = cases.create_case(
            actor,
            case_form(
                name=name,
                violation_date=day,
                violation_time="07:00",
                record_date=day,
                record_time="08:00",
                act_ids=str(catalogue_id(*FAMILY_SMALL)),
            ),
        )
        cases.issue_decision(actor, case_id, decision_form(decided_on=day, version=1))
        if received:
            procedure.perform(actor, case_id, "receipt", {"version": 2, "on": day})
    return case_id


def _open_case(page, wait_hydrated, case_id: int) -> None:
    page.goto(f"/ho-so/chi-tiet?id={case_id}")
    wait_hydrated(page)
    expect(page.locator("#cac-buoc")).to_be_visible()


def _take(page, code: str, fields: dict[str, str], selects: dict | None = None):
    page.click(f"#buoc-{code}")
    expect(page.locator("#ghi-nhan-buoc")).to_be_visible()
    for name, value in (selects or {}).items():
        page.select_option(f"#truong-{name}", value)
    for name, value in fields.items():
        page.fill(f"#truong-{name}", value)
    page.click("#ghi-nhan-buoc")


def test_instalments_to_closing(page, wait_hydrated, seed_user, app_server):
    issued = seed_user("canbo.tuyhoa", "officer", "UBND-22015", "Trần Thị Bình")
    case_id = _decided_case(app_server, "canbo.tuyhoa", "Y Khoa Niê", 1, False)
    _first_login(page, wait_hydrated, "canbo.tuyhoa", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    _open_case(page, wait_hydrated, case_id)

    # Only lawful steps: no coercion, no closing while the fine is unpaid.
    steps = page.locator("#cac-buoc")
    expect(steps.locator("#buoc-instalments")).to_be_visible()
    expect(steps.locator("#buoc-coerce")).to_have_count(0)
    expect(steps.locator("#buoc-close_executed")).to_have_count(0)

    # Send by hand: received today, compliance deadline set.
    _take(page, "send", {}, {"code": "direct"})
    expect(page.locator("#ghi-nhan-buoc")).to_have_count(0)
    expect(page.locator("#tom-tat-thi-hanh")).not_to_contain_text("Chưa ghi nhận")

    # A first instalment under 40 % is refused at the field (Art. 79); the
    # suggested third instalment is cleared for a plan in two.
    today = local_now().date()
    due_1 = (today + timedelta(days=10)).strftime("%d/%m/%Y")
    due_2 = (today + timedelta(days=60)).strftime("%d/%m/%Y")
    _take(
        page,
        "instalments",
        {
            "document": "1/QĐ-NTPNL",
            "certifier": "UBND phường Tuy Hòa",
            "amount_1": "1.000.000",
            "due_1": due_1,
            "amount_2": "2.500.000",
            "due_2": due_2,
            "amount_3": "",
            "due_3": "",
        },
    )
    expect(page.locator("#loi-amount_1")).to_contain_text("40%")
    # Art. 79 k1: hardship, and under the (unverified) floor a manual check.
    expect(page.locator("#loi-hardship")).to_be_visible()
    expect(page.locator("#loi-conditions_checked")).to_contain_text("Điều 79")
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-refused.png", full_page=True)
    page.fill("#truong-amount_1", "1.400.000")
    page.fill("#truong-amount_2", "2.100.000")
    page.check("#truong-hardship")
    page.check("#truong-conditions_checked")
    page.click("#ghi-nhan-buoc")
    expect(page.get_by_text("Nộp tiền phạt nhiều lần").first).to_be_visible()
    # "Hạn chấp hành" is the first instalment's, before any payment.
    expect(page.locator("#tom-tat-thi-hanh")).to_contain_text(
        f"{due_1} – hạn nộp lần 1"
    )
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-instalments.png", full_page=True)

    # Two payments, then the case closes as executed.
    # "Đã nộp" adds up; the first payment leaves 2.100.000 to pay, so the
    # second is checked by the total paid, not by its own amount (which the
    # summary showed as "Còn phải nộp" before the second payment landed).
    summary = page.locator("#tom-tat-thi-hanh")
    # One receipt per payment (the same number twice is refused).
    for amount, paid, left, receipt in (
        ("1.400.000", "1.400.000", "2.100.000", "BL-01"),
        ("2.100.000", "3.500.000", "0", "BL-02"),
    ):
        _take(page, "payment", {"amount": amount, "document": receipt})
        expect(summary).to_contain_text(f"Đã nộp{paid} đồng")
        expect(summary).to_contain_text(f"Còn phải nộp{left} đồng")
    _take(page, "close_executed", {})
    expect(page.get_by_text("Đã kết thúc").first).to_be_visible()
    expect(page.get_by_text("Không còn bước nào để thực hiện.")).to_be_visible()
    expect(page.get_by_text("Kết thúc hồ sơ: đã chấp hành xong").first).to_be_visible()
    # The change history lists the closing at once, stage before and after.
    history = page.locator("#lich-su")
    expect(history).to_contain_text("Kết thúc: đã chấp hành xong")
    expect(history).to_contain_text("Lý do kết thúc")
    expect(history).to_contain_text("Đã chấp hành xong")
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-closed.png", full_page=True)


def _make_authority(app_server, username: str) -> None:
    """Give the seeded officer the authority role (Art. 87: the head decides
    coercion) straight in the database, as an administrator would."""
    from sqlmodel import select

    from xlvphc.models import User
    from xlvphc.services.db import session_scope

    with app_server.database(), session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        user.roles = "authority"
        session.add(user)


def _interest_owed(app_server, case_id: int) -> str:
    """The late-payment interest owed today (Art. 78 k1), as the form takes it."""
    from xlvphc.domain.money import format_number
    from xlvphc.models import Case
    from xlvphc.services.db import session_scope
    from xlvphc.services.procedure.late_interest import owed

    with app_server.database(), session_scope() as session:
        case = session.get(Case, case_id)
        return format_number(owed(session, case, local_now().date()).interest)


def test_coercion_to_closing(page, wait_hydrated, seed_user, app_server):
    issued = seed_user("chutich.tuyhoa", "officer", "UBND-22015", "Phạm Văn Dũng")
    _make_authority(app_server, "chutich.tuyhoa")
    case_id = _decided_case(app_server, "chutich.tuyhoa", "Hoàng Văn Sơn", 30, True)
    _first_login(page, wait_hydrated, "chutich.tuyhoa", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    # "Việc cần làm" lists the overdue case, linked to it.
    page.goto("/viec-can-lam")
    wait_hydrated(page)
    rows = (
        page.locator("#bang-viec").get_by_role("row").filter(has_text="Hoàng Văn Sơn")
    )
    expect(rows).to_have_count(1)  # received: nothing left to send
    row = rows.filter(has_text="xem xét cưỡng chế")
    expect(row).to_contain_text("Quá hạn 20 ngày")
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-todo.png", full_page=True)
    row.get_by_role("link").click()
    expect(page.locator("#cac-buoc")).to_be_visible()
    assert page.url.endswith(f"?id={case_id}")

    # Coercion by account deduction, its result, then closing. No asset
    # verification (MBB09) in the system: the form warns beside the measure
    # and is refused until the signer confirms it was made on paper.
    page.click("#buoc-coerce")
    box = page.locator("#truong-verified_outside")
    expect(box).to_be_hidden()  # no measure chosen yet
    page.select_option("#truong-code", "account")
    expect(page.locator("#canh-bao-verified_outside")).to_contain_text(
        "chưa có Biên bản xác minh thông tin về tiền, tài sản (mẫu MBB09)"
    )
    page.fill("#truong-document", "1/QĐ-CCKT")
    page.click("#ghi-nhan-buoc")
    expect(page.locator("#loi-verified_outside")).to_contain_text("MBB09")
    # The record's number and date show only once the box is ticked.
    number = page.locator("#truong-verified_no")
    made = page.locator("#truong-verified_on")
    expect(number).to_be_hidden()
    expect(made).to_be_hidden()
    box.check()
    expect(number).to_be_visible()
    number.fill("05/BB-XMCC")
    made.fill((local_now() - timedelta(days=1)).strftime("%d/%m/%Y"))
    page.click("#ghi-nhan-buoc")
    expect(page.get_by_text("Đang cưỡng chế").first).to_be_visible()
    expect(page.locator("#chi-tiet-mau-bieu")).to_contain_text("05/BB-XMCC")
    # The bank transfers the fine and the interest run up since the deadline.
    interest = _interest_owed(app_server, case_id)
    assert interest != "0"
    _take(
        page,
        "coercion_done",
        {"amount": "3.500.000", "surcharge": interest,
         "note": "Ngân hàng đã trích chuyển"},
    )
    expect(page.locator("#tom-tat-thi-hanh")).to_contain_text("3.500.000 đồng")
    expect(page.locator("#tom-tat-thi-hanh")).to_contain_text(f"{interest} đồng")
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-coercion.png", full_page=True)
    _take(page, "close_executed", {})
    expect(page.get_by_text("Đã kết thúc").first).to_be_visible()
    expect(page.get_by_text("Quyết định cưỡng chế số 1/QĐ-CCKT").first).to_be_visible()


def test_decision_beyond_the_ceiling_is_refused_in_the_form(
    page, wait_hydrated, seed_user, app_server
):
    """NĐ 189/2025: the signer title's ceiling is shown at the field."""
    from xlvphc.services import cases

    issued = seed_user("canbo.ceiling", "officer", "UBND-22015", "Lê Thị Hoa")
    with app_server.database():
        case_id = cases.create_case(
            _actor("canbo.ceiling"),
            case_form(act_ids=str(catalogue_id(37, 3, "b", "282/2025/NĐ-CP"))),
        )
    _first_login(page, wait_hydrated, "canbo.ceiling", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.goto(f"/ho-so/quyet-dinh?id={case_id}")
    wait_hydrated(page)
    page.fill("#signer_name", "Phạm Văn Dũng")
    page.select_option("#signer_title_code", "chu_tich_ubnd_xa")
    page.fill("#treasury", "Kho bạc Nhà nước khu vực XIII")
    page.click("#luu-quyet-dinh")
    error = page.locator("#loi-signer_title_code")
    expect(error).to_contain_text("Vượt thẩm quyền")
    expect(error).to_contain_text("15.000.000 đồng")
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-ceiling.png", full_page=True)
    # Only the commune's own title is offered (services.signer_fit): a
    # department's director is neither in the list nor taken when typed.
    options = page.locator("#signer_title_code option")
    expect(options).to_have_count(2)  # "— Chọn —" and the commune chairman
    director = page.locator("#signer_title_code option[value='giam_doc_so']")
    expect(director).to_have_count(0)
    page.select_option("#signer_title_code", "")
    page.fill("#signer_title", "Giám đốc Sở Nông nghiệp và Môi trường")
    page.click("#luu-quyet-dinh")
    expect(page.locator("#loi-signer_title")).to_contain_text("cơ quan khác")
    expect(page.locator("#cac-buoc")).to_have_count(0)


def _recorded_with_act(app_server, username: str, name: str, id_number: str):
    """A recorded case of FAMILY_SMALL (2.000.000–5.000.000, average
    3.500.000) and its act's id."""
    from xlvphc.services import case_queries, cases

    with app_server.database():
        actor = _actor(username)
        case_id = cases.create_case(
            actor,
            case_form(name=name, id_number=id_number,
                      act_ids=str(catalogue_id(*FAMILY_SMALL))),
        )
        act_id = case_queries.get_case(actor, case_id)["acts"][0]["id"]
    return case_id, act_id


def _fine_total(app_server, case_id: int) -> int:
    from xlvphc.models import Case
    from xlvphc.services.db import session_scope

    with app_server.database(), session_scope() as session:
        return session.get(Case, case_id).fine_total


def test_a_click_right_after_a_circumstance_decides_at_its_suggestion(
    page, wait_hydrated, seed_user, app_server
):
    """User trial: a circumstance typed, then «Ra quyết định» at once. The
    click leaves the circumstance box, whose suggestion comes back from the
    server while the form is already sent with the box's old amount; it was
    refused ("Mức phạt phải cao hơn …") under a box showing the suggestion.
    The box was not typed in, so the decision takes the suggestion (one
    aggravating circumstance: 4.250.000) and says so. A fine typed equal to
    the average stays the officer's and is refused with the range; with no
    title chosen, the refusal is at «Chức danh có thẩm quyền xử phạt»."""
    issued = seed_user("canbo.goiy", "officer", "UBND-22015", "Lê Văn Tâm")
    raced, _act = _recorded_with_act(
        app_server, "canbo.goiy", "Y Bhim Mlô", "066090005678"
    )
    typed, typed_act = _recorded_with_act(
        app_server, "canbo.goiy", "H Hen Niê", "066090005679"
    )
    _first_login(page, wait_hydrated, "canbo.goiy", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    page.goto(f"/ho-so/quyet-dinh?id={raced}")
    wait_hydrated(page)
    expect(page.locator("input[id^='fine_']")).to_have_value("3.500.000")
    page.fill("#signer_name", "Phạm Văn Dũng")
    page.select_option("#signer_title_code", "chu_tich_ubnd_xa")
    page.fill("#treasury", "Kho bạc Nhà nước khu vực XIII")
    page.fill("#aggravating", "Tái phạm")
    page.click("#luu-quyet-dinh")
    expect(page.locator("#cac-buoc")).to_be_visible()
    expect(page.get_by_text("4.250.000 đồng, mức gợi ý").first).to_be_visible()
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-suggestion-race.png", full_page=True)
    assert _fine_total(app_server, raced) == 4_250_000

    page.goto(f"/ho-so/quyet-dinh?id={typed}")
    wait_hydrated(page)
    box = page.locator(f"#fine_{typed_act}")
    box.fill("3.500.000")  # typed, equal to the average
    page.fill("#signer_name", "Phạm Văn Dũng")
    page.select_option("#signer_title_code", "")
    page.fill("#signer_title", "")
    page.fill("#treasury", "Kho bạc Nhà nước khu vực XIII")
    page.fill("#aggravating", "Tái phạm")
    page.click("#luu-quyet-dinh")
    expect(page.locator("#loi-signer_title_code")).to_contain_text(
        "chọn chức danh có thẩm quyền"
    )
    expect(page.locator("#loi-signer_title")).to_have_count(0)
    refusal = page.get_by_text("cao hơn 3.500.000 đồng và thấp hơn 5.000.000")
    expect(refusal.first).to_be_visible()
    expect(box).to_have_value("3.500.000")
    expect(page.get_by_role("button", name="Dùng mức gợi ý")).to_be_visible()
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-typed-kept.png", full_page=True)
    assert _fine_total(app_server, typed) == 0
