"""The case page of a violator under 14 (user trial: born 2018, «Ra quyết
định xử phạt» was offered and refused only on submit). The page shows why no
decision may be made, offers no decision button or step, and offers closing
without a decision; an adult's case still has its decision button."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.e2e.test_journey import _first_login
from tests.e2e.test_procedure_browser import FAMILY_SMALL, _actor, _open_case
from tests.services.conftest import case_form, catalogue_id
from xlvphc.models.base import local_now

ARTIFACTS_PREFIX = "test-artifacts/decision-barred"


def _recorded(app_server, username: str, name: str, birth: str) -> int:
    from xlvphc.services import cases

    day = (local_now() - timedelta(days=3)).strftime("%d/%m/%Y")
    with app_server.database():
        return cases.create_case(
            _actor(username),
            case_form(
                name=name,
                birth_date=birth,
                violation_date=day,
                violation_time="07:00",
                record_date=day,
                record_time="08:00",
                act_ids=str(catalogue_id(*FAMILY_SMALL)),
            ),
        )


def test_under_14_has_no_decision_to_press(page, wait_hydrated, seed_user, app_server):
    issued = seed_user("canbo.duoi14", "officer", "UBND-22015", "Trần Thị Bình")
    child = _recorded(app_server, "canbo.duoi14", "Y Ngọc Niê", "01/03/2018")
    adult = _recorded(app_server, "canbo.duoi14", "Nguyễn Văn Hùng", "15/04/1990")
    _first_login(page, wait_hydrated, "canbo.duoi14", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    _open_case(page, wait_hydrated, child)
    alert = page.get_by_role("alert").filter(has_text="chưa đủ 14 tuổi").first
    expect(alert).to_contain_text("không bị xử phạt vi phạm hành chính")
    held = page.locator(".buoc-chua-duoc").filter(has_text="Ra quyết định xử phạt")
    expect(held).to_contain_text("chưa đủ 14 tuổi")
    steps = page.locator("#cac-buoc")
    expect(steps.locator("#buoc-close_no_decision")).to_be_visible()
    expect(steps.locator("#buoc-decide")).to_have_count(0)
    expect(page.locator("#ra-quyet-dinh")).to_have_count(0)
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-child.png", full_page=True)

    _open_case(page, wait_hydrated, adult)
    expect(page.locator("#ra-quyet-dinh")).to_be_visible()
    expect(page.locator("#cac-buoc").locator("#buoc-decide")).to_be_visible()
    expect(page.locator(".buoc-chua-duoc")).to_have_count(0)
