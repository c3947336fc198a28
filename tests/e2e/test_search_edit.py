"""Search, open, edit, delete and restore a case in the browser (issue 6).

Two cases are made through the services; the officer then finds one by its
name typed without diacritics, reopens the shared link, corrects the case,
sees the change in its history, deletes it with a reason and restores it from
the recycle bin. Screenshots of each screen go to test-artifacts/."""

import re

from playwright.sync_api import expect

from tests.services.conftest import case_form

NEW_PASSWORD = "Mùa cà phê chín ở Krông Pắc"
ARTIFACTS = "test-artifacts"


def _shot(page, name: str) -> None:
    page.screenshot(path=f"{ARTIFACTS}/issue6-{name}.png", full_page=True)


def _seed_cases(app_server, username: str) -> None:
    from xlvphc.services import auth, cases

    with app_server.database():
        actor = auth.resolve(auth.login(username, NEW_PASSWORD).token)
        cases.create_case(actor, case_form())
        cases.create_case(actor, case_form(
            name="Đỗ Thị Đào", id_number="066190009999",
            description="Xe mô tô biển số 47C1-678.90 dừng sai quy định."))


def test_search_open_edit_delete_restore(page, wait_hydrated, seed_user, app_server):
    officer = seed_user("canbo.timkiem", "officer", "UBND-22051", "Trần Thị Bình")
    page.goto("/dang-nhap")
    wait_hydrated(page)
    page.fill("#username", "canbo.timkiem")
    page.fill("#password", officer.password)
    page.click("#nut-dang-nhap")
    page.fill("#current", officer.password)
    page.fill("#new", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    page.click("#nut-doi-mk")
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")) \
        .to_be_visible()
    _seed_cases(app_server, "canbo.timkiem")

    # Search without diacritics, in another word order; the URL keeps it.
    page.goto("/ho-so")
    wait_hydrated(page)
    expect(page.locator("#so-ket-qua")).to_have_text("Tìm thấy 2 hồ sơ")
    page.fill("#q", "dao  do")
    page.click("#nut-tim")
    expect(page.locator("#so-ket-qua")).to_have_text("Tìm thấy 1 hồ sơ")
    expect(page).to_have_url(re.compile(r"\?q=dao\+\+do$"))
    _shot(page, "1-tim-kiem")

    # The shared link opens the same list, with the box filled in.
    page.reload()
    wait_hydrated(page)
    expect(page.locator("#so-ket-qua")).to_have_text("Tìm thấy 1 hồ sơ")
    expect(page.locator("#q")).to_have_value("dao  do")

    # Open and edit it.
    page.get_by_role("link", name="2/BB-VPHC").click()
    expect(page.get_by_role("heading", name="Biên bản số 2/BB-VPHC")).to_be_visible()
    page.click("#sua-ho-so")
    expect(page.get_by_role("heading", name="Sửa hồ sơ")).to_be_visible()
    expect(page.locator("#name")).to_have_value("Đỗ Thị Đào")
    _shot(page, "2-sua-ho-so")
    page.fill("#violation_place", "Chợ Buôn Ma Thuột")
    page.click("#luu-sua-doi")
    expect(page.get_by_role("heading", name="Biên bản số 2/BB-VPHC")).to_be_visible()
    expect(page.get_by_text("Chợ Buôn Ma Thuột").first).to_be_visible()
    history = page.locator("#lich-su")
    expect(history.get_by_text("Sửa hồ sơ", exact=True)).to_be_visible()
    expect(history.get_by_text("Đường Lê Duẩn, phường Tuy Hòa")).to_be_visible()
    _shot(page, "3-lich-su")

    # Delete with a reason; it leaves the list.
    page.click("#xoa-ho-so")
    page.fill("#reason", "Nhập trùng với biên bản số 1")
    _shot(page, "4-xoa")
    page.click("#xac-nhan-xoa")
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")) \
        .to_be_visible()
    expect(page.locator("#so-ket-qua")).to_have_text("Tìm thấy 1 hồ sơ")

    # Restore from the recycle bin; it is back, whole.
    page.goto("/thung-rac")
    wait_hydrated(page)
    expect(page.get_by_text("Nhập trùng với biên bản số 1")).to_be_visible()
    _shot(page, "5-thung-rac")
    page.get_by_role("button", name="Khôi phục").click()
    expect(page.locator("#so-trong-thung-rac")).to_have_text(
        "Có 0 hồ sơ trong thùng rác.")
    page.goto("/ho-so?q=cho+buon+ma+thuot")
    wait_hydrated(page)
    expect(page.locator("#so-ket-qua")).to_have_text("Tìm thấy 1 hồ sơ")
    expect(page.get_by_text("Đỗ Thị Đào")).to_be_visible()
