"""Tài khoản after "Sửa" (user trial): once the edit panel had been opened
and closed ("Hủy" or "Lưu thay đổi"), "Tạo tài khoản" always failed with
"Vui lòng nhập họ và tên" although the box was filled, and lost the
"Chức danh" typed; only a reload helped. The panel's boxes shared their ids
with the create form's, and Reflex reads a form's boxes by id from one
page-wide table of refs: the panel's, emptied when it closed, were read.

And a unit changed in either form clears the signer title picked for the
unit before: it was silently replaced by the first title of the new unit.

Units of Xã Ea Súp (UBND-24211, CA-24211): no other browser test uses them.
"""

import re

from playwright.sync_api import expect
from sqlmodel import select

from tests.harness import first_sign_in

PASSWORD = "Sông Sêrêpốk chảy qua Ea Súp"
COMMITTEE = "Ủy ban nhân dân xã Ea Súp"
POLICE = "Công an xã Ea Súp"
CREATE = "#nut-tao-tai-khoan"


def _user(app_server, username: str) -> dict:
    """The saved account's name, title and signer title."""
    from xlvphc.models import User
    from xlvphc.services.db import session_scope

    with app_server.database(), session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        return {
            "full_name": user.full_name,
            "title": user.title,
            "signer_title": user.signer_title,
        }


def _sign_in(page, wait_hydrated, seed_user, username: str) -> None:
    admin = seed_user(username, "admin", "SO-TU-PHAP", "Trần Quản Trị")
    first_sign_in(page, username, admin.password, PASSWORD)
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    page.goto("/tai-khoan")
    wait_hydrated(page)


def _edit(page, username: str):
    """Open the edit panel of `username` from the filtered list."""
    page.fill("#q", username)
    page.click("#nut-loc-tai-khoan")
    row = page.locator("#bang-tai-khoan tbody tr").filter(has_text=username)
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Sửa").click()
    panel = page.locator("#sua-tai-khoan")
    expect(panel).to_contain_text(username)
    return panel


def _pick_unit(page, form, unit: str, title: str) -> None:
    """Pick a unit and wait for its signer titles to be offered."""
    form.get_by_label(re.compile("^Đơn vị")).select_option(label=unit)
    expect(
        form.get_by_label("Chức danh ký").locator(f"option[value='{title}']")
    ).to_have_count(1)


def _fill_create(page, username: str, name: str, title: str) -> None:
    page.fill("#username", username)
    page.fill("#full_name", name)
    page.fill("#title", title)


def test_create_after_the_edit_panel_reads_the_create_form(
    page, wait_hydrated, seed_user, app_server
):
    _sign_in(page, wait_hydrated, seed_user, "quantri.easup")
    seed_user("canbo.easup", "officer", "UBND-24211", "H'Nga Ayun")
    create = page.locator("form").filter(has=page.locator(CREATE))

    # "Sửa", then "Hủy": the create form comes back and creates.
    _edit(page, "canbo.easup")
    page.get_by_role("button", name="Hủy").click()
    expect(page.locator(CREATE)).to_be_visible()
    _fill_create(page, "hotich.easup", "Y Bhin Niê", "Công chức Tư pháp – Hộ tịch")
    _pick_unit(page, create, COMMITTEE, "chu_tich_ubnd_xa")
    page.check("input[name='role_officer']")
    page.click(CREATE)
    expect(page.locator(".mat-khau-cap")).to_have_count(1)
    expect(page.locator("#loi-full_name")).to_have_count(0)
    assert _user(app_server, "hotich.easup") == {
        "full_name": "Y Bhin Niê",
        "title": "Công chức Tư pháp – Hộ tịch",
        "signer_title": "",
    }

    # "Sửa", then "Lưu thay đổi": the edit is saved from the panel, and the
    # next account, a signer, from the create form with its signer title.
    panel = _edit(page, "canbo.easup")
    panel.get_by_label("Họ và tên").fill("H'Nga Ayun Mới")
    panel.get_by_label("Chức danh", exact=True).fill("Công chức Văn phòng")
    page.click("#nut-luu-tai-khoan")
    expect(page.locator(CREATE)).to_be_visible()
    assert _user(app_server, "canbo.easup")["full_name"] == "H'Nga Ayun Mới"
    assert _user(app_server, "canbo.easup")["title"] == "Công chức Văn phòng"

    _fill_create(page, "truongca.easup", "Rơ Châm Thương", "Trưởng Công an xã")
    _pick_unit(page, create, POLICE, "truong_cong_an_xa")
    page.select_option("#signer_title", "truong_cong_an_xa")
    page.check("input[name='role_authority']")
    page.click(CREATE)
    expect(page.locator(".mat-khau-cap")).to_have_count(2)
    expect(page.locator("#thong-bao-loi")).to_have_count(0)
    assert _user(app_server, "truongca.easup") == {
        "full_name": "Rơ Châm Thương",
        "title": "Trưởng Công an xã",
        "signer_title": "truong_cong_an_xa",
    }


def test_a_new_unit_clears_the_signer_title(page, wait_hydrated, seed_user, app_server):
    _sign_in(page, wait_hydrated, seed_user, "quantri2.easup")
    create = page.locator("form").filter(has=page.locator(CREATE))

    # The create form: the committee's chairman, then the police picked.
    _pick_unit(page, create, COMMITTEE, "chu_tich_ubnd_xa")
    page.select_option("#signer_title", "chu_tich_ubnd_xa")
    _pick_unit(page, create, POLICE, "truong_cong_an_xa")
    expect(page.locator("#signer_title")).to_have_value("")
    _fill_create(page, "chutich.easup", "Nay Y Blang", "")
    page.check("input[name='role_authority']")
    page.click(CREATE)
    expect(page.locator("#loi-signer_title")).to_contain_text("cần chức danh")
    expect(page.locator(".mat-khau-cap")).to_have_count(0)

    _pick_unit(page, create, COMMITTEE, "chu_tich_ubnd_xa")
    expect(page.locator("#signer_title")).to_have_value("")
    page.select_option("#signer_title", "chu_tich_ubnd_xa")
    page.click(CREATE)
    expect(page.locator(".mat-khau-cap")).to_have_count(1)
    assert _user(app_server, "chutich.easup")["signer_title"] == "chu_tich_ubnd_xa"

    # The edit panel: its saved title is shown, and cleared by a new unit.
    panel = _edit(page, "chutich.easup")
    signer = panel.get_by_label("Chức danh ký")
    expect(signer).to_have_value("chu_tich_ubnd_xa")
    _pick_unit(page, panel, POLICE, "chien_si_cand")
    expect(signer).to_have_value("")
    page.click("#nut-luu-tai-khoan")
    expect(panel.locator("#loi-signer_title")).to_contain_text("cần chức danh")
    assert _user(app_server, "chutich.easup")["signer_title"] == "chu_tich_ubnd_xa"
    signer.select_option("chien_si_cand")
    page.click("#nut-luu-tai-khoan")
    expect(page.locator(CREATE)).to_be_visible()
    assert _user(app_server, "chutich.easup")["signer_title"] == "chien_si_cand"
