"""An act typed outside the catalogue on the on-the-spot form (MQĐ01), in
the browser: the form offers «Hành vi không có trong danh mục» as the case
form does, the act's fine box appears, a reload gives back the act and its
fine from the tab's draft (checked again by the server), the decision is
saved, and the case page marks the act «ngoài danh mục» and says why.

Unit UBND-22250 (Xã Sơn Thành): no other browser test uses it. The
citation and frame are test data."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.harness import first_sign_in
from xlvphc.models.base import local_now

UNIT = "UBND-22250"
PASSWORD = "Mưa chiều trên cánh đồng Sơn Thành"
CITATION = "Điểm b khoản 1 Điều 15 Nghị định 282/2025/NĐ-CP"
ACT = "Gây mất trật tự nơi công cộng bằng lời nói"


def _type_act(page) -> None:
    page.click("#mo-hanh-vi-ngoai-danh-muc")
    box = page.locator("#khung-hanh-vi-ngoai-danh-muc")
    expect(box).to_be_visible()
    # The draft keeps typed acts now: no hint to add them again.
    expect(box).not_to_contain_text("bản nháp")
    page.fill("#typed_decree", "282/2025/NĐ-CP")
    page.fill("#typed_article", "15")
    page.fill("#typed_clause", "1")
    page.fill("#typed_point", "b")
    page.fill("#typed_act", ACT)
    page.fill("#typed_frame_min", "200.000")
    page.fill("#typed_frame_max", "400.000")
    page.select_option("#typed_field", "An ninh, trật tự, an toàn xã hội")
    page.click("#them-hanh-vi-ngoai-danh-muc")
    expect(page.get_by_text(CITATION).first).to_be_visible()


def test_typed_act_on_the_spot_survives_a_reload_and_is_marked(
    page, wait_hydrated, seed_user
):
    officer = seed_user("canbo.sonthanh", "officer", UNIT, "Lê Thị Hạnh")
    first_sign_in(page, "canbo.sonthanh", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/ho-so/xu-phat-tai-cho")
    wait_hydrated(page)

    page.fill("#name", "Nay Y Blim")
    _type_act(page)
    # Its frame cannot be held against the field's maximum: said so.
    expect(page.locator(".ghi-chu-khung").first).to_contain_text(
        "chưa có mức phạt tối đa"
    )
    fine = page.locator("input[name^='fine_']:not([type=hidden])")
    expect(fine).to_have_count(1)
    fine.fill("350.000")
    page.wait_for_timeout(800)  # the draft is written 500 ms after typing

    page.reload()
    wait_hydrated(page)
    expect(page.locator("#ban-nhap-khoi-phuc")).to_be_visible()
    expect(page.locator("#name")).to_have_value("Nay Y Blim")
    expect(page.get_by_role("button", name="Bỏ")).to_have_count(1)
    expect(page.get_by_text(CITATION).first).to_be_visible()
    expect(fine).to_have_count(1)
    expect(fine).to_have_value("350.000")

    yesterday = local_now().date() - timedelta(days=1)
    page.fill("#violation_date", yesterday.strftime("%d/%m/%Y"))
    page.fill("#violation_time", "19:40")
    page.fill("#violation_place", "Chợ thôn 4, xã Sơn Thành")
    page.fill("#description", "La hét, chửi bới gây mất trật tự tại chợ.")
    page.fill("#signer_name", "Ksor Y Phăng")
    page.select_option("#signer_title_code", "chu_tich_ubnd_xa")
    page.check("#authority_confirmed")
    page.fill("#treasury", "Kho bạc Nhà nước khu vực XIII")
    page.click("#luu-xu-phat-tai-cho")
    expect(page.get_by_text("01/QĐ-XPHC").first).to_be_visible()
    assert "/ho-so/chi-tiet?id=" in page.url

    # The case page marks the act and says why.
    expect(page.get_by_text(CITATION).first).to_be_visible()
    expect(page.locator(".ngoai-danh-muc")).to_have_text("ngoài danh mục")
    expect(page.locator(".goi-y-ngoai-danh-muc")).to_contain_text(
        "do cán bộ nhập tay, không lấy từ danh mục"
    )
    expect(page.get_by_text("350.000 đồng").first).to_be_visible()
