"""The "In mẫu biểu" menu in the browser (issue 4, official forms): the forms
of the case's stage are listed, a form is previewed inside the page (as
pictures of its pages) before download, drafts and blank forms download as
PDFs."""

import io
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.services.conftest import case_form, decision_form

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "Mùa cà phê chín ở Krông Pắc"


def _decided_case(app_server, username: str) -> int:
    """A decided case of the officer, made through the services."""
    from xlvphc.services import auth, cases

    with app_server.database():
        actor = auth.resolve(auth.login(username, PASSWORD).token)
        case_id = cases.create_case(actor, case_form())
        cases.issue_decision(actor, case_id, decision_form(version=1))
        return case_id


def _pdf_text(download) -> str:
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_print_menu_lists_previews_and_downloads(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("canbo.inmau", "officer", "UBND-22015", "Lê Thị Mai")
    page.goto("/dang-nhap")
    wait_hydrated(page)
    page.fill("#username", "canbo.inmau")
    page.fill("#password", issued.password)
    page.click("#nut-dang-nhap")
    expect(page.get_by_role("heading", name="Đổi mật khẩu")).to_be_visible()
    page.fill("#current", issued.password)
    page.fill("#new", PASSWORD)
    page.fill("#confirm", PASSWORD)
    page.click("#nut-doi-mk")
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    case_id = _decided_case(app_server, "canbo.inmau")
    page.goto(f"/ho-so/chi-tiet?id={case_id}")
    wait_hydrated(page)
    page.click("#in-mau-bieu")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("MQĐ03")).to_be_visible()
    expect(
        dialog.get_by_text("Quyết định hoãn thi hành quyết định phạt tiền")
    ).to_be_visible()

    # Preview: pictures of the pages inside the page, from memory, not a
    # file URL.
    row = dialog.locator("div", has=page.get_by_text("MQĐ03")).last
    # No postponement recorded: no official copy, and the row says why
    # (services/printing_modes.py); the MQĐ02 the case issued has one.
    expect(row.get_by_text("Bản chính thức sau khi ghi nhận bước")).to_be_visible()
    expect(row.get_by_role("button", name="Tải về")).to_have_count(0)
    issued = dialog.locator("div", has=page.get_by_text("MQĐ02")).last
    expect(issued.get_by_role("button", name="Tải về")).to_have_count(1)
    row.get_by_role("button", name="Xem trước").click()
    picture = dialog.locator("#xem-truoc img").first
    expect(picture).to_be_visible(timeout=20_000)
    assert picture.get_attribute("src").startswith("data:image/png;base64,")
    expect(dialog.get_by_text("Trang 1/", exact=False).first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "print-menu-preview.png"))

    with page.expect_download() as draft:
        row.get_by_role("button", name="Dự thảo").click()
    text = _pdf_text(draft.value)
    assert "DỰ THẢO" in text and "Hoãn thi hành quyết định phạt tiền" in text
    assert "Nguyễn Văn An" in text

    with page.expect_download() as blank:
        row.get_by_role("button", name="Mẫu trắng").click()
    text = _pdf_text(blank.value)
    assert "Nguyễn Văn An" not in text and "CHỨC VỤ CỦA NGƯỜI KÝ" in text
    page.get_by_role("button", name="Đóng", exact=True).click()

    # The two direct buttons of the case page still print the record and
    # the decision.
    for button, title in (
        ("#in-bien-ban", "BIÊN BẢN VI PHẠM HÀNH CHÍNH"),
        ("#in-quyet-dinh", "Xử phạt vi phạm hành chính"),
    ):
        with page.expect_download() as printed:
            page.click(button)
        assert title in _pdf_text(printed.value)
