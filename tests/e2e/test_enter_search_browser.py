"""Trial finding: on «Lập biên bản» an officer chose one act, typed a second
search and pressed Enter; the whole case was saved with one act and a record
number used up. Enter in the act search box (data-enter="search",
assets/input_format.js) must leave the form unsent, on the new-case form
and on the edit form; the search itself still runs.

Unit UBND-24310 (Xã Krông Búk): no other browser test uses it. The acts are
rows of the catalogue."""

from datetime import timedelta

from playwright.sync_api import expect
from sqlmodel import func, select

from tests.harness import first_sign_in
from xlvphc.models import Case, Unit
from xlvphc.models.base import local_now
from xlvphc.services.db import session_scope

UNIT = "UBND-24310"
PASSWORD = "Mưa rừng Krông Búk chiều tháng bảy"
FIRST = "Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP"
SECOND = "Điểm i khoản 1 Điều 7 Nghị định 168/2024/NĐ-CP"
# Long enough for a form sent by Enter to have come back as the case page.
SETTLE_MS = 2500


def _cases(app_server) -> int:
    with app_server.database(), session_scope() as session:
        unit_id = session.exec(select(Unit.id).where(Unit.code == UNIT)).one()
        return session.exec(
            select(func.count()).select_from(Case).where(Case.unit_id == unit_id)
        ).one()


def test_enter_in_the_act_search_saves_nothing(
    page, wait_hydrated, seed_user, app_server
):
    officer = seed_user("canbo.krongbuk", "officer", UNIT, "Lê Thị Mai")
    first_sign_in(page, "canbo.krongbuk", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.goto("/ho-so/moi")
    wait_hydrated(page)

    page.fill("#name", "Y Bhin Niê")
    yesterday = local_now().date() - timedelta(days=1)
    page.fill("#violation_date", yesterday.strftime("%d/%m/%Y"))
    page.fill("#violation_time", "22:40")
    page.fill("#violation_place", "Đường liên thôn, xã Krông Búk")
    page.fill("#description", "Điều khiển xe mô tô không đội mũ bảo hiểm.")
    page.fill("#record_place", "Trụ sở UBND xã Krông Búk")
    page.fill("#maker_title", "Công chức Tư pháp – Hộ tịch")
    page.fill("#tim-hanh-vi", "điểm h khoản 2 Điều 7")
    expect(page.get_by_text(FIRST).first).to_be_visible()
    page.get_by_role("button", name="Chọn").first.click()
    expect(page.get_by_role("button", name="Bỏ")).to_have_count(1)

    # A second search, then Enter, as in the trial: the form stays, the
    # search shows its act, and no case is created.
    page.fill("#tim-hanh-vi", "điểm i khoản 1 Điều 7")
    page.press("#tim-hanh-vi", "Enter")
    expect(page.get_by_text(SECOND).first).to_be_visible()
    page.wait_for_timeout(SETTLE_MS)
    assert page.url.split("?")[0].rstrip("/").endswith("/ho-so/moi")
    expect(page.locator("#luu-ho-so")).to_be_visible()
    expect(page.get_by_role("button", name="Bỏ")).to_have_count(1)
    assert _cases(app_server) == 0

    # The officer chooses the second act and saves: the record number is
    # the unit's first, none was used up.
    page.get_by_role("button", name="Chọn").first.click()
    expect(page.get_by_role("button", name="Bỏ")).to_have_count(2)
    page.click("#luu-ho-so")
    expect(page.get_by_role("heading", name="Biên bản số 01/BB-VPHC")).to_be_visible()
    assert _cases(app_server) == 1

    # The edit form's act search: Enter does not save the edit either.
    page.click("#sua-ho-so")
    expect(page.locator("#luu-sua-doi")).to_be_visible()
    wait_hydrated(page)
    edit_url = page.url
    assert "/ho-so/sua" in edit_url
    page.fill("#violation_place", "Đường liên thôn 2, xã Krông Búk")
    page.fill("#tim-hanh-vi", "điểm b khoản 2 Điều 7")
    page.press("#tim-hanh-vi", "Enter")
    page.wait_for_timeout(SETTLE_MS)
    assert page.url == edit_url
    expect(page.locator("#luu-sua-doi")).to_be_visible()
    with app_server.database(), session_scope() as session:
        places = session.exec(select(Case.violation_place)).all()
    assert "Đường liên thôn 2, xã Krông Búk" not in places
