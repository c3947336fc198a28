"""Two officers on one tab (user trial): the first logs out, the second
logs in and opens «Lập biên bản». The boxes are uncontrolled and were drawn
with the tab's last values before the page's on_load ran, so the second
officer's record showed the first as its maker ("Người lập biên bản"), and
was saved so. Each opening of the form now draws fresh boxes.

Unit UBND-22060 (Xã Xuân Cảnh): no other browser test uses it."""

from playwright.sync_api import expect

from tests.harness import first_sign_in

UNIT = "UBND-22060"
FIRST, SECOND = "Y Kông Niê", "Nguyễn Thị Hoa"


def _open_new_case(page, wait_hydrated) -> None:
    page.goto("/ho-so/moi")
    wait_hydrated(page)
    expect(page.locator("#maker_name")).to_be_visible()


def test_the_next_user_is_not_the_maker_of_the_record(
    page, wait_hydrated, seed_user
):
    one = seed_user("canbo.xuancanh1", "officer", UNIT, FIRST)
    two = seed_user("canbo.xuancanh2", "officer", UNIT, SECOND)

    first_sign_in(page, "canbo.xuancanh1", one.password,
                  "Nắng sớm trên đồi Xuân Cảnh 1")
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    _open_new_case(page, wait_hydrated)
    expect(page.locator("#maker_name")).to_have_value(FIRST)
    page.click("#dang-xuat")
    expect(page.locator("#username")).to_be_visible()

    first_sign_in(page, "canbo.xuancanh2", two.password,
                  "Mưa chiều trên đồi Xuân Cảnh 2")
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    # Through the menu, as the trial did (no reload in between).
    page.get_by_role("link", name="Lập biên bản").first.click()
    expect(page.locator("#maker_name")).to_be_visible()
    expect(page.locator("#maker_name")).to_have_value(SECOND)
