"""Đơn vị after a user trial:

- the first click on a unit's name did nothing but add "#" to the address
  (an rx.link without href: the page's on_load ran again and went back to
  the top); only a second click opened the sub-units;
- "Thêm" refused (a code in use, a name too short) emptied Tên, Loại and Mã;
- "Ngừng hoạt động" was refused with the generic "see the marked fields",
  no field marked, and was not asked for first;
- under a commune a «Sở, ban, ngành» or a «Xã, phường» could be added: only
  the kinds that fit a level are offered (services.units.CHILD_KINDS).

Units of Xã Hòa Phú (UBND-24175, CA-24175): no other browser test uses them.
"""

from playwright.sync_api import expect

from tests.harness import first_sign_in

PASSWORD = "Hòa Phú bên dòng Sêrêpốk 2026"
TABLE = "#bang-don-vi-cay"


def _open(page, name: str, adds: bool = True) -> None:
    """One click on a unit's name opens its sub-units. `adds`: the level
    takes new sub-units (a commune with both its bodies takes none)."""
    page.locator(TABLE).get_by_role("button", name=name, exact=True).click()
    if adds:
        expect(page.get_by_text(f"Thêm đơn vị trực thuộc {name}")).to_be_visible()
    else:
        expect(page.locator("#khong-them-don-vi")).to_contain_text(name)
    assert not page.url.endswith("#")


def test_units_screen_after_the_trial(page, wait_hydrated, seed_user):
    admin = seed_user("quantri.hoaphu", "admin", "SO-TU-PHAP", "Trần Quản Trị")
    seed_user("canbo.hoaphu", "officer", "CA-24175", "Y Khoa Niê")
    first_sign_in(page, "quantri.hoaphu", admin.password, PASSWORD)
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    page.goto("/don-vi")
    wait_hydrated(page)

    _open(page, "Tỉnh Đắk Lắk")
    kinds = page.locator("#kind option")
    expect(kinds).to_have_text(["— Chọn —", "Sở, ban, ngành", "Xã, phường"])
    # The commune has its committee and its police: nothing more to add.
    _open(page, "Xã Hòa Phú", adds=False)
    rows = page.locator(f"{TABLE} tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("#kind")).to_have_count(0)

    # "Ngừng hoạt động" asks first, naming the unit, and a refusal says why.
    police = rows.filter(has_text="Công an xã Hòa Phú")
    police.get_by_role("button", name="Ngừng hoạt động").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Ngừng hoạt động đơn vị Công an xã Hòa Phú?")
    dialog.get_by_role("button", name="Ngừng hoạt động").click()
    expect(dialog).to_contain_text("còn 1 tài khoản")
    expect(dialog).not_to_contain_text("Thông tin chưa hợp lệ")
    dialog.get_by_role("button", name="Không ngừng").click()
    expect(dialog).to_have_count(0)
    expect(police).to_contain_text("Hoạt động")

    # In the committee, a section only.
    _open(page, "Ủy ban nhân dân xã Hòa Phú")
    expect(rows).to_have_count(0)
    expect(kinds).to_have_text(["— Chọn —", "Phòng, ban, bộ phận trực thuộc"])

    # A refused "Thêm" keeps everything typed.
    page.fill("#new_name", "Tổ")
    page.select_option("#kind", "department")
    page.fill("#code", "CA-24175")
    page.click("#nut-them-don-vi")
    expect(page.locator("#loi-new_name")).to_contain_text("ít nhất 3 ký tự")
    expect(page.locator("#loi-code")).to_contain_text("đã có đơn vị dùng")
    expect(page.locator("#new_name")).to_have_value("Tổ")
    expect(page.locator("#kind")).to_have_value("department")
    expect(page.locator("#code")).to_have_value("CA-24175")

    # Corrected, it is created, and only then the form is emptied.
    page.fill("#new_name", "Tổ công tác Hòa Phú")
    page.fill("#code", "TO-CT-24175")
    page.click("#nut-them-don-vi")
    expect(rows).to_have_count(1)
    expect(page.locator(TABLE)).to_contain_text("Tổ công tác Hòa Phú")
    expect(page.locator(TABLE)).to_contain_text("Phòng, ban, bộ phận trực thuộc")
    expect(page.locator("#new_name")).to_have_value("")
    expect(page.locator("#code")).to_have_value("")

    # "Không ngừng" changes nothing; confirmed, the empty unit stops.
    team = rows.filter(has_text="Tổ công tác Hòa Phú")
    team.get_by_role("button", name="Ngừng hoạt động").click()
    expect(dialog).to_contain_text("Tổ công tác Hòa Phú")
    dialog.get_by_role("button", name="Ngừng hoạt động").click()
    expect(dialog).to_have_count(0)
    expect(team.get_by_role("button", name="Hoạt động lại")).to_be_visible()

    # The breadcrumb, too, answers the first click.
    page.get_by_role("button", name="Tỉnh Đắk Lắk", exact=True).click()
    expect(page.locator(TABLE)).to_contain_text("Xã Hòa Phú")
    page.get_by_role("button", name="Tất cả", exact=True).click()
    expect(rows).to_have_count(1)
    assert not page.url.endswith("#")
