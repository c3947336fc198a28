"""«Hành vi không có trong danh mục» in the browser (user trial: "đánh bạc"
of Nghị định 282/2025/NĐ-CP could not be recorded): the officer opens the
small form under the catalogue search, a wrong box is refused at that box,
the act once right is listed «ngoài danh mục», Enter in a box adds the act
rather than saving the case, the case is saved with it, decided within the
typed frame, and an edit keeps it.

Unit UBND-22090 (Xã Xuân Lãnh): no other browser test uses it. The
citation and frame are test data."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.harness import first_sign_in
from xlvphc.models.base import local_now

# The fine box, not the hidden "typed" flag beside it (fine_typed_<id>).
FINE_BOX = "input[name^='fine_']:not([type=hidden])"

UNIT = "UBND-22090"
PASSWORD = "Nắng sớm trên đồi chè Xuân Lãnh"
VIOLATOR = "Ksor Y Thành"
ACT = "Đánh bạc trái phép dưới hình thức được thua bằng tiền"
CITATION = "Điểm a khoản 1 Điều 9 Nghị định 282/2025/NĐ-CP"


def test_officer_records_decides_and_edits_a_typed_act(page, wait_hydrated, seed_user):
    officer = seed_user("canbo.xuanlanh", "officer", UNIT, "Hà Văn Sơn")
    first_sign_in(page, "canbo.xuanlanh", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.goto("/ho-so/moi")
    wait_hydrated(page)

    page.fill("#name", VIOLATOR)
    yesterday = local_now().date() - timedelta(days=1)
    page.fill("#violation_date", yesterday.strftime("%d/%m/%Y"))
    page.fill("#violation_time", "21:10")
    page.fill("#violation_place", "Quán nước thôn 2, xã Xuân Lãnh")
    page.fill("#description", "Đánh bạc được thua bằng tiền tại quán nước.")
    page.fill("#record_place", "Trụ sở UBND xã Xuân Lãnh")
    page.fill("#maker_title", "Công chức Văn phòng – Thống kê")

    page.click("#mo-hanh-vi-ngoai-danh-muc")
    box = page.locator("#khung-hanh-vi-ngoai-danh-muc")
    expect(box).to_be_visible()
    expect(box).to_contain_text("ngoài danh mục")
    page.fill("#typed_decree", "282/2025/NĐ-CP")
    page.fill("#typed_article", "9")
    page.fill("#typed_clause", "1")
    page.fill("#typed_point", "f")
    page.fill("#typed_act", ACT)
    page.fill("#typed_frame_min", "1.000.000")
    page.fill("#typed_frame_max", "2.000.000")
    page.select_option("#typed_field", "An ninh, trật tự, an toàn xã hội")
    page.click("#them-hanh-vi-ngoai-danh-muc")
    expect(page.locator("#loi-typed_point")).to_contain_text("Điểm là một chữ cái")
    expect(page.get_by_text("Chưa chọn hành vi nào.")).to_be_visible()

    # Enter in a box of the small form adds the act; the case is not saved.
    page.fill("#typed_point", "a")
    page.press("#typed_point", "Enter")
    expect(page.get_by_text(CITATION)).to_be_visible()
    expect(page.locator(".ngoai-danh-muc")).to_have_text("ngoài danh mục")
    expect(page.locator("#loi-typed_point")).to_have_count(0)
    expect(page.locator("#typed_decree")).to_have_value("")
    expect(page.locator("#luu-ho-so")).to_be_visible()

    page.click("#luu-ho-so")
    expect(page.get_by_role("heading", name="Biên bản số 01/BB-VPHC")).to_be_visible()
    expect(page.get_by_text(CITATION).first).to_be_visible()
    # Marked on the case page, with why.
    expect(page.locator(".ngoai-danh-muc")).to_have_text("ngoài danh mục")
    expect(page.locator(".goi-y-ngoai-danh-muc")).to_contain_text("cán bộ nhập tay")
    case_url = page.url

    # An edit lists the typed act, marked, and keeps it.
    page.click("#sua-ho-so")
    wait_hydrated(page)
    expect(page.get_by_text(CITATION)).to_be_visible()
    expect(page.locator(".ngoai-danh-muc")).to_have_text("ngoài danh mục")
    page.fill("#violation_place", "Quán nước thôn 3, xã Xuân Lãnh")
    page.click("#luu-sua-doi")
    expect(page.get_by_text("Quán nước thôn 3, xã Xuân Lãnh").first).to_be_visible()
    expect(page.get_by_text(CITATION).first).to_be_visible()

    # The decision: the fine defaults to the middle of the typed frame.
    page.click("#ra-quyet-dinh")
    expect(page.locator(FINE_BOX)).to_have_value("1.500.000")
    page.fill(FINE_BOX, "2.500.000")
    page.fill("#signer_name", "Y Khuê Niê")
    page.fill("#signer_title", "Chủ tịch Ủy ban nhân dân xã Xuân Lãnh")
    page.fill("#treasury", "Kho bạc Nhà nước khu vực XIII")
    page.click("#luu-quyet-dinh")
    expect(
        page.get_by_text("Mức phạt phải trong khung từ 1.000.000").first
    ).to_be_visible()
    page.fill(FINE_BOX, "2.000.000")
    page.click("#luu-quyet-dinh")
    expect(page.get_by_text("01/QĐ-XPHC").first).to_be_visible()
    assert page.url.split("?")[0] == case_url.split("?")[0]
