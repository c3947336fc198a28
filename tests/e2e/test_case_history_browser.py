"""The case page's «Lịch sử thay đổi» on a phone (user trial of 5 Dec 2026,
390x844): every preview, draft and download added an "In biểu mẫu …"
entry, and 25 of them buried 6 changes. The prints now fold into one line,
"Đã in biểu mẫu N lần", that opens and closes. Users belong to Xã
UBND-22132, which no other browser test uses."""

from playwright.sync_api import expect

from tests.e2e.test_journey import _first_login
from tests.e2e.test_procedure_browser import _actor, _decided_case, _open_case

UNIT = "UBND-22132"
PHONE = {"width": 390, "height": 844}
ARTIFACTS_PREFIX = "test-artifacts/phone-case-history"


def test_prints_fold_into_one_line_that_opens(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("canbo.lichsu", "officer", UNIT, "Hà Thị Lan")
    case_id = _decided_case(app_server, "canbo.lichsu", "Y Blih Niê", 1, True)
    from xlvphc.services import printing

    with app_server.database():
        actor = _actor("canbo.lichsu")
        for mode in ("draft", "final", "final"):
            printing.print_form(actor, case_id, "MQĐ02", mode)
    page.set_viewport_size(PHONE)
    _first_login(page, wait_hydrated, "canbo.lichsu", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    _open_case(page, wait_hydrated, case_id)

    history = page.locator("#lich-su")
    history.scroll_into_view_if_needed()
    expect(history.get_by_text("Ra quyết định xử phạt", exact=True)).to_be_visible()
    expect(history.get_by_text("Đã in biểu mẫu 3 lần")).to_be_visible()
    expect(history.get_by_text("In biểu mẫu MQĐ02 (bản dự thảo)")).to_have_count(0)
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-folded.png", full_page=True)

    history.get_by_role("button", name="Xem").click()
    expect(history.get_by_text("In biểu mẫu MQĐ02 (bản dự thảo)")).to_be_visible()
    expect(history.get_by_text("In biểu mẫu MQĐ02 (bản chính thức)")).to_have_count(2)
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-open.png", full_page=True)

    history.get_by_role("button", name="Ẩn").click()
    expect(history.get_by_text("In biểu mẫu MQĐ02 (bản dự thảo)")).to_have_count(0)
