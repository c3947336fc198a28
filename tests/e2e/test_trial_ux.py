"""Findings of a fresh user trial, in the browser:

- a page whose action the role does not allow shows "Bạn không có quyền xem
  trang này" with the way back, not the form (a supervisor on the decision
  form, leadership on a case); a supervisor reads a case without its write
  buttons;
- labels name their inputs: get_by_label works on the login page, the
  account form and the new case form;
- the accounts page lists every one-time password issued while it is open,
  and shows each account as a card on a phone; an administrator refused the
  statistics is told to use another kind of account;
- the Năm box shows the year in use, the pie has no "0%" slice, and the
  sidebar's background reaches the end of a long page;
- another unit's case (or a missing one) opened by its address shows the
  refusal panel with "Về danh sách hồ sơ", the same for both; the new case
  form warns of a violator under 14 while the birth date is typed.

Unit UBND-22285 (Xã Hòa Mỹ): no other browser test uses it. Screenshots go
to test-artifacts/trial-*.png (375 px and 1280 px)."""

import re

from playwright.sync_api import expect

from tests.harness import first_sign_in
from xlvphc.models.base import local_now

UNIT = "UBND-22285"
UNIT_NAME = "Ủy ban nhân dân xã Hòa Mỹ"
PASSWORD = "Nắng sớm trên đồi chè Hòa Mỹ"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def _shots(page, name: str) -> None:
    """The page at both widths, full height; back to the desktop width."""
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        page.wait_for_timeout(200)
        page.screenshot(
            path=f"test-artifacts/trial-{name}-{size['width']}.png", full_page=True
        )


def _sidebar_reaches_the_end(page) -> None:
    """The sidebar column is as tall as the page's content beside it."""
    sidebar, content = page.locator("#menu-ben").evaluate(
        "m => [m.getBoundingClientRect().bottom,"
        " m.nextElementSibling.getBoundingClientRect().bottom]"
    )
    assert sidebar >= content - 1 and content > 1000


def _seed_case(app_server, officer: str) -> int:
    from tests.services.conftest import case_form
    from xlvphc.services import auth, cases

    with app_server.database():
        actor = auth.resolve(auth.login(officer, PASSWORD).token)
        return cases.create_case(actor, case_form(name="Y Blông Niê"))


def _expect_refusal(page) -> None:
    panel = page.locator("#khong-co-quyen")
    expect(panel).to_contain_text("Bạn không có quyền xem trang này")
    expect(panel.locator("#ve-trang-chinh")).to_be_visible()


def test_pages_a_role_may_not_use_show_the_refusal_with_the_way_back(
    page, wait_hydrated, seed_user, app_server
):
    officer = seed_user("canbo.hoamy", "officer", UNIT, "Nay Thị Hằng")
    supervisor = seed_user("giamsat.hoamy", "supervisor", "SO-TU-PHAP", "Đỗ Văn Sở")
    viewer = seed_user("lanhdao.hoamy", "viewer", "SO-TU-PHAP", "Lê Thị Lãnh")
    page.set_viewport_size(DESKTOP)
    first_sign_in(page, "canbo.hoamy", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    case_id = _seed_case(app_server, "canbo.hoamy")
    page.locator("#dang-xuat").click()
    page.wait_for_url("**/dang-nhap")

    # The supervisor reads the case, without the buttons that write it...
    first_sign_in(page, "giamsat.hoamy", supervisor.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    page.goto(f"/ho-so/chi-tiet?id={case_id}")
    wait_hydrated(page)
    expect(page.get_by_text("Y Blông Niê").first).to_be_visible()
    expect(page.locator("#chi-xem")).to_be_visible()
    for button in ("#ra-quyet-dinh", "#sua-ho-so", "#xoa-ho-so", "#khong-co-quyen"):
        expect(page.locator(button)).to_have_count(0)
    # ...and the decision, new-case, edit and import pages refuse him.
    for address in (
        f"/ho-so/quyet-dinh?id={case_id}",
        "/ho-so/moi",
        f"/ho-so/sua?id={case_id}",
        "/ho-so/xu-phat-tai-cho",
        "/nhap-excel",
    ):
        page.goto(address)
        wait_hydrated(page)
        _expect_refusal(page)
        expect(page.locator("form")).to_have_count(0)
        expect(page.get_by_text("Bạn không có quyền thực hiện")).to_have_count(0)
    page.goto(f"/ho-so/quyet-dinh?id={case_id}")
    wait_hydrated(page)
    _expect_refusal(page)
    _shots(page, "decision-refused")
    page.click("#khong-co-quyen #ve-trang-chinh")
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    page.locator("#dang-xuat").click()
    page.wait_for_url("**/dang-nhap")

    # Leadership does not read case files: the refusal, with the way back.
    first_sign_in(page, "lanhdao.hoamy", viewer.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    page.goto(f"/ho-so/chi-tiet?id={case_id}")
    wait_hydrated(page)
    _expect_refusal(page)
    expect(page.get_by_text("Y Blông Niê")).to_have_count(0)
    _shots(page, "case-refused")


def _own_password(app_server, username: str, issued: str) -> None:
    """The issued password changed to PASSWORD (so _seed_case can log in)."""
    with app_server.database():
        from xlvphc.services import auth

        auth.change_password(
            auth.login(username, issued).token, issued, PASSWORD, PASSWORD
        )


def test_another_units_case_shows_the_refusal_and_minors_are_warned(
    page, wait_hydrated, seed_user, app_server
):
    owner = seed_user("canbo.hoamy5", "officer", UNIT, "Nay Y Khoa")
    other = seed_user("canbo.eakao5", "officer", "UBND-22015", "H'Yên Niê")
    _own_password(app_server, "canbo.hoamy5", owner.password)
    case_id = _seed_case(app_server, "canbo.hoamy5")
    page.set_viewport_size(DESKTOP)
    first_sign_in(page, "canbo.eakao5", other.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    # Another unit's case and a case that does not exist: the same panel.
    texts = []
    for address in (f"/ho-so/chi-tiet?id={case_id}", "/ho-so/chi-tiet?id=99999999"):
        page.goto(address)
        wait_hydrated(page)
        panel = page.locator("#khong-co-quyen")
        expect(panel).to_contain_text("Không tìm thấy hồ sơ hoặc bạn không có quyền")
        expect(panel.locator("#ve-danh-sach-ho-so")).to_be_visible()
        expect(page.locator("#thong-bao-loi")).to_have_count(0)
        expect(page.get_by_text("Y Blông Niê")).to_have_count(0)
        texts.append(panel.inner_text())
    assert texts[0] == texts[1]
    _shots(page, "case-other-unit")
    page.locator("#ve-danh-sach-ho-so").click()
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    assert page.url.rstrip("/").endswith("/ho-so")

    # The new case form: born 2018, violating today, is under 14 (Art. 5);
    # the warning shows under Ngày sinh while typing, and goes for an adult.
    page.goto("/ho-so/moi")
    wait_hydrated(page)
    page.locator("#birth_date").press_sequentially("01/03/2018", delay=30)
    warning = page.locator("#canh-bao-duoi-14-tuoi")
    expect(warning).to_contain_text("chưa đủ 14 tuổi")
    expect(warning).to_contain_text("điểm a khoản 1 Điều 5 Luật XLVPHC")
    assert warning.evaluate(
        "w => w.closest('div').parentElement.querySelector('#birth_date') !== null"
    )
    _shots(page, "case-new-minor")
    page.fill("#violation_date", "01/03/2032")  # 14 then: no warning
    expect(warning).to_have_count(0)
    page.fill("#violation_date", local_now().strftime("%d/%m/%Y"))
    expect(warning).to_be_visible()
    page.fill("#birth_date", "15/04/1990")
    expect(warning).to_have_count(0)


def test_labels_name_their_inputs(page, wait_hydrated, seed_user):
    admin = seed_user("quantri.hoamy", "admin", "SO-TU-PHAP", "Phan Văn Trị")
    officer = seed_user("canbo.hoamy2", "officer", UNIT, "H'Linh Êban")
    page.set_viewport_size(DESKTOP)

    # Login page: typed through the labels, as a screen reader names them.
    page.goto("/dang-nhap")
    wait_hydrated(page)
    page.get_by_text("Tên đăng nhập", exact=True).click()
    expect(page.locator("#username")).to_be_focused()
    page.get_by_label("Tên đăng nhập").fill("quantri.hoamy")
    page.get_by_label("Mật khẩu", exact=True).fill(admin.password)
    page.click("#nut-dang-nhap")
    expect(page.get_by_role("heading", name="Đổi mật khẩu")).to_be_visible()
    page.get_by_label("Mật khẩu mới", exact=True).fill(PASSWORD)
    page.fill("#current", admin.password)
    page.fill("#confirm", PASSWORD)
    page.click("#nut-doi-mk")
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()

    # The account form.
    page.goto("/tai-khoan")
    wait_hydrated(page)
    form = page.locator("form").filter(has=page.locator("#nut-tao-tai-khoan"))
    form.get_by_label("Tên đăng nhập").fill("canbo.hoamy3")
    form.get_by_label("Họ và tên").fill("Ksor Y Phun")
    form.get_by_label("Chức danh", exact=False).first.fill("Công chức")
    form.get_by_label(re.compile("^Đơn vị")).select_option(label=UNIT_NAME)
    form.get_by_label("Cán bộ nhập liệu").check()
    expect(page.locator("#full_name")).to_have_value("Ksor Y Phun")
    page.click("#nut-tao-tai-khoan")
    expect(page.locator(".mat-khau-cap")).to_have_count(1)
    page.locator("#dang-xuat").click()
    page.wait_for_url("**/dang-nhap")

    # The new case form.
    first_sign_in(page, "canbo.hoamy2", officer.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    page.goto("/ho-so/moi")
    wait_hydrated(page)
    page.get_by_label("Họ và tên").fill("Y Blông Niê")
    expect(page.locator("#name")).to_have_value("Y Blông Niê")
    page.get_by_label("Địa điểm vi phạm").fill("Thôn 1, xã Hòa Mỹ")
    page.get_by_label("Mô tả hành vi vi phạm").fill("Đổ rác không đúng nơi quy định.")
    page.get_by_label("Nơi lập biên bản").fill("Trụ sở UBND xã Hòa Mỹ")
    page.get_by_label("Hành vi theo danh mục").fill("rác")
    page.get_by_text("Nơi ở hiện tại", exact=True).click()
    expect(page.locator("#address")).to_be_focused()

    # The sidebar's white column reaches the end of this long page.
    _sidebar_reaches_the_end(page)
    _shots(page, "case-new")


def test_accounts_page_lists_every_password_issued(page, wait_hydrated, seed_user):
    admin = seed_user("quantri.hoamy2", "admin", "SO-TU-PHAP", "Trần Quản Trị")
    page.set_viewport_size(DESKTOP)
    first_sign_in(page, "quantri.hoamy2", admin.password, PASSWORD)
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    page.goto("/tai-khoan")
    wait_hydrated(page)

    names = [f"canbo.hoamy.{n}" for n in range(1, 6)]
    for n, name in enumerate(names, start=1):
        page.fill("#username", name)
        page.fill("#full_name", f"Cán bộ số {n}")
        page.select_option("#unit_id", label=UNIT_NAME)
        page.check("input[name='role_officer']")
        page.click("#nut-tao-tai-khoan")
        expect(page.locator(".mat-khau-cap")).to_have_count(n)
        expect(page.locator("#username")).to_have_value("")

    rows = page.locator(".dong-mat-khau-cap")
    expect(rows.first).to_contain_text(names[-1])
    expect(rows.last).to_contain_text(names[0])
    expect(rows.first).to_contain_text("Tạo mới")
    _shots(page, "accounts-issued")

    # On a phone each account is a card: its state and actions in sight, not
    # off the screen to the right.
    page.set_viewport_size(PHONE)
    card = page.locator("#bang-tai-khoan tbody tr").first
    expect(card.locator("td[data-label='Trạng thái']")).to_be_visible()
    for cell in ("Trạng thái", "Thao tác"):
        box = card.locator(f"td[data-label='{cell}']").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    reset = card.get_by_role("button", name="Cấp lại mật khẩu").bounding_box()
    assert reset and reset["x"] + reset["width"] <= PHONE["width"]
    page.set_viewport_size(DESKTOP)

    page.click("#xoa-mat-khau-cap")
    expect(page.locator(".mat-khau-cap")).to_have_count(0)

    # An administrator is told which account reads the statistics, and where
    # to make it, not to ask for another role.
    page.goto("/thong-ke")
    wait_hydrated(page)
    panel = page.locator("#khong-co-quyen")
    expect(panel).to_contain_text("Tài khoản quản trị chỉ dùng để quản lý đơn vị")
    expect(panel).not_to_contain_text("cấp thêm vai trò")
    expect(panel.locator("#den-tai-khoan")).to_be_visible()


def test_dashboard_shows_the_year_and_no_empty_slice(
    page, wait_hydrated, seed_user, app_server
):
    officer = seed_user("canbo.hoamy4", "officer", UNIT, "Hồ Thị Hoa")
    supervisor = seed_user("giamsat.hoamy2", "supervisor", "SO-TU-PHAP")
    with app_server.database():
        from xlvphc.services import auth

        auth.change_password(
            auth.login("canbo.hoamy4", officer.password).token,
            officer.password,
            PASSWORD,
            PASSWORD,
        )
    _seed_case(app_server, "canbo.hoamy4")
    year = str(local_now().year)
    page.set_viewport_size(DESKTOP)
    first_sign_in(page, "giamsat.hoamy2", supervisor.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    page.goto("/thong-ke")
    wait_hydrated(page)
    expect(page.locator("#ky-thong-ke")).to_have_text(f"Năm {year}")
    expect(page.locator("#year")).to_have_value(year)
    slices = page.locator(".slicetext")
    expect(slices.first).to_be_visible()
    texts = slices.evaluate_all("els => els.map(e => e.textContent.trim())")
    assert texts and "0%" not in texts
    _sidebar_reaches_the_end(page)
    _shots(page, "dashboard")

    page.goto("/bao-cao")
    wait_hydrated(page)
    expect(page.locator("#year")).to_have_value(year)
    page.fill("#year", "2025")
    page.click("#nut-lap-bao-cao")
    expect(page.get_by_text("Năm 2025").first).to_be_visible()
    expect(page.locator("#year")).to_have_value("2025")
    _shots(page, "reports")
