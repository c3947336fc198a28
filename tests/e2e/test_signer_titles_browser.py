"""The accounts form offers only the signer titles of the unit picked
(services.signer_fit). User trial: the account truongca.eakar of "Công an xã
Ea Kar" was saved as "Chủ tịch Ủy ban nhân dân tỉnh". Units of Xã Ea Kar
(CA-24373, UBND-24373): no other browser test uses them."""

from playwright.sync_api import expect

from tests.harness import first_sign_in

PASSWORD = "Cà phê Ea Kar thơm lừng buổi sớm"
POLICE = "Công an xã Ea Kar"
COMMITTEE = "Ủy ban nhân dân xã Ea Kar"


def _offered(page) -> list[str]:
    """The values of the create form's signer titles, without "— Chọn —"."""
    values = page.locator("#signer_title option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    return [v for v in values if v]


def test_accounts_form_offers_the_titles_of_the_unit(page, wait_hydrated, seed_user):
    admin = seed_user("quantri.eakar", "admin", "SO-TU-PHAP", "Trần Quản Trị")
    first_sign_in(page, "quantri.eakar", admin.password, PASSWORD)
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    page.goto("/tai-khoan")
    wait_hydrated(page)

    # No unit picked yet: no title to offer.
    assert _offered(page) == []
    page.select_option("#unit_id", label=POLICE)
    expect(page.locator("#signer_title option[value='chien_si_cand']")).to_have_count(1)
    assert _offered(page) == ["truong_cong_an_xa", "chien_si_cand"]
    page.select_option("#unit_id", label=COMMITTEE)
    expect(page.locator("#signer_title option[value='chien_si_cand']")).to_have_count(0)
    assert _offered(page) == ["chu_tich_ubnd_xa"]

    # The trial's account, now with its own unit's title.
    page.select_option("#unit_id", label=POLICE)
    expect(
        page.locator("#signer_title option[value='truong_cong_an_xa']")
    ).to_have_count(1)
    page.fill("#username", "truongca.eakar")
    page.fill("#full_name", "Y Điêng Niê")
    page.select_option("#signer_title", "truong_cong_an_xa")
    page.check("input[name='role_authority']")
    page.click("#nut-tao-tai-khoan")
    expect(page.locator(".mat-khau-cap")).to_have_count(1)
    expect(page.get_by_text("Trưởng Công an cấp xã").first).to_be_visible()
