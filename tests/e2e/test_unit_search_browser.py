"""In a browser: the «Tìm đơn vị» box above a Đơn vị select narrows its
options as words are typed (no diacritics needed), keeps the unit chosen
and sends nothing of its own (fresh-user trial: about 225 units to scroll
on a phone)."""

from playwright.sync_api import expect
from sqlmodel import select

from tests.harness import first_sign_in
from xlvphc.models import Unit, User
from xlvphc.services.db import session_scope

PASSWORD = "Mùa cà phê chín ở Krông Pắc"
COMMITTEE = "Ủy ban nhân dân phường Tuy Hòa"
POLICE = "Công an phường Tuy Hòa"


def test_unit_search_narrows_the_select_and_keeps_the_choice(
    page, wait_hydrated, seed_user
):
    supervisor = seed_user("giamsat.timdonvi", "supervisor", "SO-TU-PHAP")
    first_sign_in(page, "giamsat.timdonvi", supervisor.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()

    # Thống kê: a few letters leave «Tất cả đơn vị» and the two units.
    select = page.locator("#unit")
    page.wait_for_function("document.querySelectorAll('#unit option').length > 200")
    every_unit = select.locator("option").count()
    page.locator('[data-unit-search="unit"]').press_sequentially(
        "tuy hoa", delay=40
    )
    expect(select.locator("option")).to_have_count(3)
    expect(page.locator('[data-unit-found="unit"]')).to_contain_text(
        "2 đơn vị khớp"
    )
    page.locator('[data-unit-search="unit"]').fill("")
    expect(select.locator("option")).to_have_count(every_unit)

    # Nhật ký: the unit chosen stays chosen and listed when the words
    # leave it out; Enter in the box does not send the form.
    page.goto("/nhat-ky")
    wait_hydrated(page)
    select = page.locator("#unit_id")
    page.wait_for_function(
        "document.querySelectorAll('#unit_id option').length > 200"
    )
    every_unit = select.locator("option").count()
    page.select_option("#unit_id", label=COMMITTEE)
    chosen = select.input_value()
    box = page.locator('[data-unit-search="unit_id"]')
    box.press_sequentially("ca tuy hoa", delay=40)
    expect(page.locator('[data-unit-found="unit_id"]')).to_contain_text(
        "1 đơn vị khớp"
    )
    expect(select.locator("option")).to_have_count(3)
    expect(select.locator("option", has_text=POLICE)).to_have_count(1)
    expect(select).to_have_value(chosen)
    box.press("Enter")
    box.fill("khong co")
    expect(page.locator('[data-unit-found="unit_id"]')).to_contain_text(
        "Không có đơn vị nào khớp"
    )
    expect(select).to_have_value(chosen)

    # The police unit picked from the short list is what the form sends.
    box.fill("cong an tuy")
    expect(select.locator("option", has_text=POLICE)).to_have_count(1)
    page.select_option("#unit_id", label=POLICE)
    police = select.input_value()
    assert police not in ("", chosen)
    page.click("#nut-loc-nhat-ky")
    expect(select).to_have_value(police)
    box.fill("")
    expect(select.locator("option")).to_have_count(every_unit)
    expect(select.locator("option:checked")).to_have_text(POLICE)


def test_an_account_is_created_with_a_unit_found_on_a_phone(
    page, wait_hydrated, seed_user, app_server
):
    admin = seed_user("quantri.timdonvi", "admin", "SO-TU-PHAP", "Trần Quản Trị")
    first_sign_in(page, "quantri.timdonvi", admin.password, PASSWORD)
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/tai-khoan")
    wait_hydrated(page)
    page.wait_for_function(
        "document.querySelectorAll('#unit_id option').length > 200"
    )

    page.fill("#username", "hotich.timdonvi")
    page.fill("#full_name", "Nguyễn Thị Hoa")
    # Typed with diacritics, as a phone keyboard does: the committee alone.
    page.locator('[data-unit-search="unit_id"]').press_sequentially(
        "UBND Tuy Hòa", delay=40
    )
    expect(page.locator("#unit_id option")).to_have_count(2)
    page.select_option("#unit_id", label=COMMITTEE)
    page.check("input[name='role_officer']")
    page.click("#nut-tao-tai-khoan")
    expect(page.locator(".mat-khau-cap")).to_have_count(1)
    expect(page.locator("#thong-bao-loi")).to_have_count(0)

    with app_server.database(), session_scope() as session:
        user = session.exec(
            select(User).where(User.username == "hotich.timdonvi")
        ).one()
        assert session.get(Unit, user.unit_id).name == COMMITTEE
