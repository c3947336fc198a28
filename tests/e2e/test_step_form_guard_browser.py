"""The step forms of the case page («Xử lý tiếp») lost what was typed on a
reload or a menu click, without a word (user trial), unlike the case form:

- a step form with something typed asks before a menu link or a reload
  leaves it (the same script as the case form's, which tests Back too);
  untouched, it does not ask;
- what is typed is kept in the tab's sessionStorage per case and step, and
  comes back, with the notice, when the same step is opened again;
- recorded or cancelled, the step leaves no draft and nothing to ask about.

Unit UBND-22171 (Xã Tây Sơn): no other browser test uses it."""

import re

from playwright.sync_api import expect

from tests.e2e.test_procedure_browser import _decided_case, _open_case
from tests.harness import first_sign_in
from xlvphc.components.form_guard import LEAVE_TEXT

UNIT = "UBND-22171"
PASSWORD = "Nắng sớm trên đồi chè Tây Sơn"
STEP_DRAFTS = (
    "Object.keys(sessionStorage).filter(k => k.startsWith('xlvphc-draft:buoc-'))"
)


def _type(page, box: str, text: str) -> None:
    """Typed as a person types (a reload asks only after a real gesture)."""
    page.locator(f"#truong-{box}").click()
    page.keyboard.type(text, delay=10)


def test_a_step_form_asks_before_it_is_left_and_keeps_a_draft(
    page, wait_hydrated, seed_user, app_server
):
    officer = seed_user("canbo.tayson", "officer", UNIT, "Đinh Văn Hùng")
    case_id = _decided_case(app_server, "canbo.tayson", "Y Phăng Mlô", 2, True)
    first_sign_in(page, "canbo.tayson", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    _open_case(page, wait_hydrated, case_id)
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
    url = page.url

    # Opened and untouched: the menu leaves without a question.
    page.click("#buoc-payment")
    expect(page.locator("#ghi-nhan-buoc")).to_be_visible()
    menu.get_by_role("link", name="Hồ sơ", exact=True).click()
    expect(page).to_have_url(re.compile(r"/ho-so/?$"))
    assert dialogs == []

    # Typed: the menu asks; "Cancel" keeps the page and the boxes.
    _open_case(page, wait_hydrated, case_id)
    page.click("#buoc-payment")
    _type(page, "amount", "1.000.000")
    _type(page, "document", "BL-7701")
    page.wait_for_timeout(800)  # the draft is written 500 ms after typing
    menu.get_by_role("link", name="Hồ sơ", exact=True).click()
    page.wait_for_timeout(300)
    assert dialogs == [("confirm", LEAVE_TEXT)]
    assert page.url == url
    expect(page.locator("#truong-document")).to_have_value("BL-7701")

    # A reload asks the browser's own question; the form opens again with
    # what was typed, and says so.
    page.reload()
    wait_hydrated(page)
    assert dialogs[-1][0] == "beforeunload"
    expect(page.locator("#cac-buoc")).to_be_visible()
    expect(page.locator("#ghi-nhan-buoc")).to_have_count(0)
    assert len(page.evaluate(STEP_DRAFTS)) == 1
    page.click("#buoc-payment")
    expect(page.locator("#truong-document")).to_have_value("BL-7701")
    expect(page.locator("#truong-amount")).to_have_value("1.000.000")
    expect(page.locator("#form-buoc #ban-nhap-khoi-phuc")).to_be_visible()
    # Another step's form does not get this one's draft.
    page.click("#buoc-instalments")
    expect(page.locator("#truong-amount")).to_have_count(0)
    expect(page.locator("#form-buoc #ban-nhap-khoi-phuc")).to_be_hidden()
    page.click("#buoc-payment")
    expect(page.locator("#truong-document")).to_have_value("BL-7701")

    # Recorded: no draft is left, and the menu leaves without a question.
    page.click("#ghi-nhan-buoc")
    expect(page.locator("#ghi-nhan-buoc")).to_have_count(0)
    expect(page.locator("#tom-tat-thi-hanh")).to_contain_text("Đã nộp1.000.000 đồng")
    page.wait_for_timeout(800)
    assert page.evaluate(STEP_DRAFTS) == []
    page.click("#buoc-payment")
    expect(page.locator("#truong-document")).to_have_value("")
    expect(page.locator("#form-buoc #ban-nhap-khoi-phuc")).to_be_hidden()

    # Typed then cancelled ("Hủy"): given up, draft and question alike.
    _type(page, "document", "BL-7702")
    page.wait_for_timeout(800)
    assert len(page.evaluate(STEP_DRAFTS)) == 1
    page.get_by_role("button", name="Hủy").click()
    expect(page.locator("#ghi-nhan-buoc")).to_have_count(0)
    page.wait_for_timeout(300)
    assert page.evaluate(STEP_DRAFTS) == []
    asked = len(dialogs)
    menu.get_by_role("link", name="Hồ sơ", exact=True).click()
    expect(page).to_have_url(re.compile(r"/ho-so/?$"))
    assert len(dialogs) == asked
