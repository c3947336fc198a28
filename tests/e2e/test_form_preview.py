"""A seizure recorded on the case page with its details, shown on the page,
previewed as its record MBB15 inside the page (issue 4): the preview is
checked as the user sees it — Chromium's PDF viewer has drawn a white page
with text in the dialog — and the PDF it shows holds the seizure's own
number and witness."""

import base64
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


def _shares(png: bytes) -> tuple[float, float]:
    """Shares of white (a page) and of dark (text) pixels in a screenshot."""
    counts = Image.open(io.BytesIO(png)).convert("L").histogram()
    total = sum(counts)
    return sum(counts[241:]) / total, sum(counts[:100]) / total


def _pdf_text(src: str) -> str:
    data = base64.b64decode(src.split(",", 1)[1])
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_seizure_details_are_shown_and_previewed(
    page, wait_hydrated, seed_user, app_server
):
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
    page.click("#ghi-nhan-buoc")
    expect(page.locator("#loi-start_time")).to_contain_text("không phải giờ hợp lệ")
    page.fill("#truong-start_time", "07:45")
    page.click("#ghi-nhan-buoc")
    details = page.locator("#chi-tiet-mau-bieu")
    expect(details).to_contain_text("1/BB-TG")
    expect(details).to_contain_text("1/QĐ-TG")
    expect(details).to_contain_text("Lê Văn Cường (tổ trưởng tổ dân phố")

    # Preview of the seizure record in the dialog.
    page.click("#in-mau-bieu")
    dialog = page.get_by_role("dialog")
    row = dialog.locator("div", has=page.get_by_text("MBB15")).last
    row.get_by_role("button", name="Xem trước").click()
    frame = dialog.locator("iframe")
    expect(frame).to_be_visible(timeout=20_000)
    text = _pdf_text(frame.get_attribute("src"))
    assert "Số: 1/BB-TG" in text and "Lê Văn Cường" in text
    assert "Xe mô tô Honda Wave biển số 47B1-123.45" in text

    # What the user sees: the viewer has drawn the page (white, with text),
    # not an empty grey box. It may take a moment after the frame appears.
    frame.scroll_into_view_if_needed()
    white, dark = 0.0, 0.0
    for _ in range(40):
        page.wait_for_timeout(250)
        white, dark = _shares(frame.screenshot())
        if white > 0.2 and dark > 0.002:
            break
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "form-preview.png"))
    assert white > 0.2 and dark > 0.002, (white, dark)
