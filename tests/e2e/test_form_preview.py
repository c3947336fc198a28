"""A seizure recorded on the case page with its details, shown on the page,
previewed as its record MBB15 inside the page on a phone-sized screen
(issue 4). Phones' browsers draw no PDF inside a page, so the preview is
pictures of the pages: the test checks, as the user sees it, that they are
drawn (loaded, white pages with text) and labelled "Trang 1/N". The case
has a second seizure: the first one is picked on the menu, and the PDF
downloaded from the preview holds the first seizure's number, goods and
witness."""

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.test_journey import _first_login
from tests.e2e.test_procedure_browser import _actor
from tests.services.conftest import case_form
from xlvphc.services import cases

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WITNESS = "Lê Văn Cường – tổ trưởng tổ dân phố – Tổ 5, phường Buôn Hồ"
PHONE = {"width": 390, "height": 844}


def _shares(png: bytes) -> tuple[float, float]:
    """Shares of white (a page) and of dark (text) pixels in a screenshot."""
    counts = Image.open(io.BytesIO(png)).convert("L").histogram()
    total = sum(counts)
    return sum(counts[241:]) / total, sum(counts[:100]) / total


def _pdf(download) -> tuple[str, int]:
    """The downloaded PDF's text and page count."""
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(p.extract_text() for p in reader.pages), len(reader.pages)


def _second_seizure(app_server, case_id: int) -> None:
    """Another seizure on the case, taken through the services."""
    from xlvphc.models import Case
    from xlvphc.models.base import local_now
    from xlvphc.services.db import session_scope
    from xlvphc.services.procedure import perform

    with app_server.database():
        with session_scope() as session:
            version = session.get(Case, case_id).version
        perform(
            _actor("canbo.xemtruoc"),
            case_id,
            "seize",
            {
                "version": version,
                "description": "Giấy phép lái xe hạng A1",
                "on": local_now().strftime("%d/%m/%Y"),
                "days": "7",
                "decider_title": "Chủ tịch",
            },
        )


def test_seizure_details_are_shown_and_previewed(
    page, wait_hydrated, seed_user, app_server
):
    page.set_viewport_size(PHONE)
    issued = seed_user("canbo.xemtruoc", "officer", "UBND-22045", "Đinh Thị Hạnh")
    _first_login(page, wait_hydrated, "canbo.xemtruoc", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    with app_server.database():
        case_id = cases.create_case(_actor("canbo.xemtruoc"), case_form())
    page.goto(f"/ho-so/chi-tiet?id={case_id}")
    wait_hydrated(page)

    # The seizure with what its record prints; a wrong time is refused at
    # its field, in Vietnamese.
    page.click("#buoc-seize")
    expect(page.locator("#ghi-nhan-buoc")).to_be_visible()
    page.fill("#truong-description", "Xe mô tô Honda Wave biển số 47B1-123.45")
    page.fill("#truong-start_time", "25:30")
    page.fill("#truong-place", "Đường Lê Duẩn, phường Buôn Hồ")
    page.fill("#truong-witnesses", WITNESS)
    page.fill("#truong-reason", "Để bảo đảm thi hành quyết định xử phạt")
    page.fill("#truong-days", "7")
    # Nothing else tells who decides: an officer without a signer title,
    # no sanction decision yet (procedure/deciders.py).
    page.fill("#truong-decider_title", "Chủ tịch")
    page.click("#ghi-nhan-buoc")
    expect(page.locator("#loi-start_time")).to_contain_text("không phải giờ hợp lệ")
    # Today's seizure: a time that is never later than now (the server
    # refuses one that is, services.inputs.after_now).
    page.fill("#truong-start_time", "00:00")
    page.click("#ghi-nhan-buoc")
    details = page.locator("#chi-tiet-mau-bieu")
    expect(details).to_contain_text("01/BB-TG")
    expect(details).to_contain_text("01/QĐ-TG")
    expect(details).to_contain_text("Lê Văn Cường (tổ trưởng tổ dân phố")
    _second_seizure(app_server, case_id)

    # The menu lists each seizure's record; the first one is previewed.
    page.click("#in-mau-bieu")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("Số 02/BB-TG", exact=False)).to_be_visible()
    row = dialog.locator("div", has=page.get_by_text("Số 01/BB-TG")).last
    expect(row).to_contain_text("MBB15")
    row.get_by_role("button", name="Xem trước").click()
    pictures = dialog.locator("#xem-truoc img")
    expect(pictures.first).to_be_visible(timeout=20_000)
    count = pictures.count()
    assert 1 <= count <= 3
    expect(dialog.get_by_text("Trang 1/", exact=False).first).to_be_visible()

    # What the user sees on the phone: each picture has loaded, fits the
    # screen's width, and shows a white page with text.
    pictures.first.scroll_into_view_if_needed()
    for index in range(count):
        picture = pictures.nth(index)
        loaded = picture.evaluate("img => img.complete && img.naturalWidth")
        assert loaded == 794, loaded
        box = picture.bounding_box()
        assert box and 200 < box["width"] <= PHONE["width"], box
    white, dark = _shares(pictures.first.screenshot())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "form-preview-phone.png"))
    assert white > 0.5 and dark > 0.002, (white, dark)

    # The whole PDF, from the preview: the first seizure's paper.
    with page.expect_download() as downloaded:
        dialog.locator("#tai-ve-xem-truoc").click()
    text, pages = _pdf(downloaded.value)
    assert "Số: 01/BB-TG" in text and "Lê Văn Cường" in text
    assert "Xe mô tô Honda Wave biển số 47B1-123.45" in text
    assert "Giấy phép lái xe hạng A1" not in text
    assert dialog.get_by_text(f"Trang 1/{pages}").is_visible()

    # The dialog is taller than the phone's screen: its close button stays
    # in sight while the pages are scrolled through.
    pictures.nth(count - 1).scroll_into_view_if_needed()
    expect(dialog.locator("#dong-in-mau-bieu")).to_be_in_viewport()

    # Closing the preview drops the pictures from the page (and the state).
    dialog.get_by_role("button", name="Ẩn xem trước").click()
    expect(dialog.locator("#xem-truoc")).to_have_count(0)
