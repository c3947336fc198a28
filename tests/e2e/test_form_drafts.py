"""Unsaved changes on the case forms (user trial: an officer filled the whole
new-case form at the scene, reloaded, and every box was empty):

- what is typed on /ho-so/moi is kept in the tab's sessionStorage and put
  back after a reload, with the notice, and so are the acts chosen from the
  catalogue (the server re-adds them); the live under-14 warning follows the
  restored dates; after a successful save the draft is gone and the form
  opens empty;
- on /ho-so/xu-phat-tai-cho the chosen act and the fine typed for it come
  back after a reload and after leaving the page and coming Back;
- a dirty form asks before a menu link, Back or a reload leaves it, and
  before logout; a clean one does not; logout removes the tab's drafts.

Unit UBND-22240 (Phường Phú Yên): no other browser test uses it."""

import re
from datetime import timedelta

from playwright.sync_api import expect

from tests.harness import first_sign_in
from xlvphc.components.form_guard import LEAVE_TEXT
from xlvphc.models.base import local_now

UNIT = "UBND-22240"
PASSWORD = "Gió chiều thổi qua phố núi Phú Yên"
NAME = "Ksor H'Bia"
DRAFTS = (
    "Object.keys(sessionStorage).filter(k => k.startsWith('xlvphc-draft:'))"
)


ACT_CITATION = "Điểm h khoản 2 Điều 7"


def _pick_act(page) -> None:
    page.fill("#tim-hanh-vi", "điểm h khoản 2 Điều 7")
    page.get_by_role("button", name="Chọn").first.click()
    expect(page.get_by_role("button", name="Bỏ")).to_be_visible()


def test_new_case_draft_is_restored_after_reload_and_gone_after_save(
    page, wait_hydrated, seed_user
):
    officer = seed_user("canbo.phuyen1", "officer", UNIT, "Lương Thị Mai")
    first_sign_in(page, "canbo.phuyen1", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.goto("/ho-so/moi")
    wait_hydrated(page)
    notice = page.locator("#ban-nhap-khoi-phuc")
    expect(notice).to_be_hidden()

    page.fill("#name", NAME)
    page.select_option("#gender", "Nữ")
    page.locator("#birth_date").press_sequentially("01/03/2018", delay=20)
    page.fill("#violation_place", "Đường Trần Hưng Đạo, phường Phú Yên")
    page.fill("#description", "Đổ rác thải sinh hoạt ra lòng đường.")
    page.check("#continuing")
    _pick_act(page)
    page.wait_for_timeout(800)  # the draft is written 500 ms after typing

    page.reload()
    wait_hydrated(page)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Đã khôi phục dữ liệu đang nhập dở.")
    expect(notice).not_to_contain_text("hãy chọn lại")
    expect(notice.get_by_role("button", name="Xóa bản nháp")).to_be_visible()
    expect(page.locator("#name")).to_have_value(NAME)
    expect(page.locator("#gender")).to_have_value("Nữ")
    expect(page.locator("#birth_date")).to_have_value("01/03/2018")
    expect(page.locator("#description")).to_have_value(
        "Đổ rác thải sinh hoạt ra lòng đường."
    )
    expect(page.locator("#continuing")).to_be_checked()
    # The act chosen from the catalogue is back, once.
    expect(page.get_by_role("button", name="Bỏ")).to_have_count(1)
    expect(page.get_by_text("Chưa chọn hành vi nào.")).to_be_hidden()
    expect(page.get_by_text(ACT_CITATION)).to_be_visible()
    # The live warning reads the restored dates.
    expect(page.locator("#canh-bao-duoi-14-tuoi")).to_be_visible()
    # In this tab only, never in localStorage.
    assert len(page.evaluate(DRAFTS)) == 1
    assert page.evaluate(
        "Object.keys(localStorage).filter(k => k.includes('draft'))"
    ) == []

    # Finish the form and save: the draft goes with the save.
    page.fill("#birth_date", "15/04/1990")
    yesterday = local_now().date() - timedelta(days=1)
    page.fill("#violation_date", yesterday.strftime("%d/%m/%Y"))
    page.fill("#violation_time", "08:20")
    page.uncheck("#continuing")
    page.fill("#record_place", "Trụ sở UBND phường Phú Yên")
    page.fill("#maker_title", "Công chức Văn hóa – Xã hội")
    page.click("#luu-ho-so")  # with the act the draft gave back
    # "01/…" once numbers under 10 take their leading zero (numbering.issued).
    saved = re.compile(r"Biên bản số 0?1\/BB-VPHC")
    expect(page.get_by_role("heading", name=saved)).to_be_visible()
    assert page.evaluate(DRAFTS) == []

    page.goto("/ho-so/moi")
    wait_hydrated(page)
    page.reload()
    wait_hydrated(page)
    expect(page.locator("#luu-ho-so")).to_be_visible()
    expect(page.locator("#name")).to_have_value("")
    expect(page.locator("#description")).to_have_value("")
    expect(notice).to_be_hidden()


def test_a_dirty_form_asks_before_it_is_left(page, wait_hydrated, seed_user):
    officer = seed_user("canbo.phuyen2", "officer", UNIT, "Y Ngông Niê")
    first_sign_in(page, "canbo.phuyen2", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.goto("/ho-so/xu-phat-tai-cho")
    wait_hydrated(page)
    expect(page.locator("#luu-xu-phat-tai-cho")).to_be_visible()

    dialogs: list[tuple[str, str]] = []
    answer = {"confirm": False}

    def on_dialog(dialog) -> None:
        dialogs.append((dialog.type, dialog.message))
        if dialog.type == "beforeunload" or answer["confirm"]:
            dialog.accept()
        else:
            dialog.dismiss()

    page.on("dialog", on_dialog)
    menu = page.locator("#menu-ben")

    # Nothing typed: the menu leaves without a question.
    menu.get_by_role("link", name="Lập biên bản").click()
    expect(page.locator("#luu-ho-so")).to_be_visible()
    assert dialogs == []

    # Typed: the menu, Back and logout ask; "Cancel" keeps the page.
    page.locator("#name").click()
    page.keyboard.type("Y Ngông")
    menu.get_by_role("link", name="Hồ sơ", exact=True).click()
    page.wait_for_timeout(300)
    assert dialogs == [("confirm", LEAVE_TEXT)]
    assert page.url.endswith("/ho-so/moi")
    expect(page.locator("#name")).to_have_value("Y Ngông")

    page.evaluate("history.back()")
    page.wait_for_timeout(600)
    assert dialogs[-1] == ("confirm", LEAVE_TEXT) and len(dialogs) == 2
    assert page.url.endswith("/ho-so/moi")
    expect(page.locator("#name")).to_have_value("Y Ngông")

    # A reload asks the browser's own question, and the draft comes back.
    page.reload()
    wait_hydrated(page)
    assert dialogs[-1][0] == "beforeunload"
    expect(page.locator("#name")).to_have_value("Y Ngông")
    assert len(page.evaluate(DRAFTS)) == 1

    # Logout asks too; accepted, it removes the tab's drafts.
    answer["confirm"] = True
    page.locator("#dang-xuat").click()
    page.wait_for_url("**/dang-nhap")
    assert dialogs[-1] == ("confirm", LEAVE_TEXT)
    assert page.evaluate(DRAFTS) == []


def test_on_the_spot_draft_keeps_the_act_and_its_fine(page, wait_hydrated, seed_user):
    officer = seed_user("canbo.phuyen3", "officer", UNIT, "H'Hen Niê")
    first_sign_in(page, "canbo.phuyen3", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/ho-so/xu-phat-tai-cho")
    wait_hydrated(page)
    page.fill("#name", NAME)
    _pick_act(page)
    fine = page.locator("input[name^='fine_']:not([type=hidden])")
    expect(fine).to_have_count(1)
    fine.fill("300.000")
    page.wait_for_timeout(800)  # the draft is written 500 ms after typing

    page.reload()
    wait_hydrated(page)
    expect(page.locator("#ban-nhap-khoi-phuc")).to_be_visible()
    expect(page.locator("#name")).to_have_value(NAME)
    expect(page.get_by_role("button", name="Bỏ")).to_have_count(1)
    expect(fine).to_have_count(1)
    expect(fine).to_have_value("300.000")

    # Left by the menu (the question accepted) and come back with Back: the
    # page's on_load resets the form first, then the draft's act returns.
    page.locator("#menu-ben").get_by_role("link", name="Hồ sơ", exact=True).click()
    expect(page).to_have_url(re.compile(r"/ho-so/?$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/ho-so/xu-phat-tai-cho/?$"))
    expect(page.locator("#name")).to_have_value(NAME)
    expect(page.get_by_role("button", name="Bỏ")).to_have_count(1)
    expect(fine).to_have_value("300.000")

    # Removed, the act stays removed after a reload.
    page.get_by_role("button", name="Bỏ").click()
    expect(page.get_by_text("Chọn hành vi ở mục 2 để nhập mức phạt.")).to_be_visible()
    page.wait_for_timeout(800)
    page.reload()
    wait_hydrated(page)
    expect(page.locator("#name")).to_have_value(NAME)
    page.wait_for_timeout(1000)  # time for an act to come back, if it would
    expect(page.get_by_role("button", name="Bỏ")).to_have_count(0)
