"""Phones and tablets (user trial H8): the case list fits a tablet held
upright, the Thống kê counts are finger-sized, the user guide opens on a
table of contents, and the print menu puts the case's own papers first.
Screenshots at 390, 820 and 1280 px go to test-artifacts/touch-*.png."""

from pathlib import Path

from playwright.sync_api import expect

from tests.harness import first_sign_in
from tests.services.conftest import case_form, decision_form
from tests.services.test_reports_data import load_cases

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "Mùa cà phê chín ở Krông Pắc"
PHONE, TABLET, DESKTOP = 390, 820, 1280
SMALL_TARGETS = (
    "els => els.filter(e => e.offsetParent).map(e => {"
    " const r = e.getBoundingClientRect();"
    " return [Math.round(r.height), (e.textContent || '').trim().slice(0, 30)]})"
    ".filter(([h]) => h < 31.5)"
)


def _shot(page, name: str, width: int, full: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"touch-{name}-{width}.png"), full_page=full)


def _at(page, wait_hydrated, path: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(path)
    wait_hydrated(page)


def test_case_list_stats_and_guide_on_phone_tablet_and_desktop(
    page, wait_hydrated, seed_user, app_server
):
    supervisor = seed_user("giamsat.chamtay", "supervisor", "SO-TU-PHAP")
    with app_server.database():
        load_cases()
    first_sign_in(page, "giamsat.chamtay", supervisor.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()

    # The case list: cards on a phone and an upright tablet (two a row
    # there), so that the fine is on the screen; the table on a desktop.
    for width in (PHONE, TABLET, DESKTOP):
        _at(page, wait_hydrated, "/ho-so", width)
        cards = page.locator(".xl-card-table tbody tr")
        expect(cards.first).to_be_visible()
        _shot(page, "ho-so", width)
        header = page.locator(".xl-card-table thead")
        fine = cards.first.locator("td[data-label='Tiền phạt']")
        box = fine.bounding_box()
        assert box and box["x"] + box["width"] <= width, (width, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if width == DESKTOP:
            expect(header).to_be_visible()
            continue
        expect(header).to_be_hidden()
        if width == TABLET:
            tops = cards.evaluate_all(
                "rs => rs.slice(0, 2).map(r =>"
                " Math.round(r.getBoundingClientRect().top))"
            )
            assert tops[0] == tops[1], tops  # two cards side by side
        # The whole placeholder shows in the search box.
        box_fits = page.locator("input[name=q]").evaluate(
            "i => { const c = document.createElement('canvas').getContext('2d');"
            " c.font = getComputedStyle(i).font;"
            " const s = getComputedStyle(i), pad = parseFloat(s.paddingLeft)"
            " + parseFloat(s.paddingRight);"
            " return c.measureText(i.placeholder).width <= i.clientWidth - pad }"
        )
        assert box_fits, width

    # Thống kê: every link and button at least ~32 px tall on touch widths.
    for width in (PHONE, TABLET):
        _at(page, wait_hydrated, "/thong-ke", width)
        expect(page.locator("#tong-vu-viec")).not_to_have_text("")
        page.wait_for_timeout(500)  # plotly draws after hydration
        _shot(page, "thong-ke", width)
        small = page.locator("a, button").evaluate_all(SMALL_TARGETS)
        assert small == [], (width, small)
        # The counts (a "0" was 10 px wide) are as wide as they are tall; the
        # phone shows the units as a list, a tablet as a table.
        counts = page.locator("#don-vi-dien-thoai a.xl-tap, #bang-don-vi a.xl-tap")
        widths = counts.evaluate_all(
            "as => as.filter(a => a.offsetParent)"
            ".map(a => a.getBoundingClientRect().width)"
        )
        assert widths and min(widths) >= 31.5, widths

    # The guide: contents made from the headings, each a jump link, and a
    # way back from anywhere.
    for width in (PHONE, TABLET, DESKTOP):
        _at(page, wait_hydrated, "/huong-dan", width)
        contents = page.locator("#muc-luc")
        expect(contents).to_be_in_viewport()
        links = contents.get_by_role("link")
        assert links.count() >= 10
        _shot(page, "huong-dan", width, full=False)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    contents.get_by_role("link", name="In mẫu biểu").click()
    expect(page.locator("#muc-in-mau-bieu")).to_be_in_viewport()
    expect(contents).not_to_be_in_viewport()
    page.locator("#ve-muc-luc").click()
    expect(contents).to_be_in_viewport()


def test_print_menu_on_a_phone_shows_the_case_papers_first(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("canbo.inmaudt", "officer", "UBND-22015", "Lê Thị Mai")
    first_sign_in(page, "canbo.inmaudt", issued.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    from xlvphc.services import auth, cases

    with app_server.database():
        actor = auth.resolve(auth.login("canbo.inmaudt", PASSWORD).token)
        case_id = cases.create_case(actor, case_form())
        cases.issue_decision(actor, case_id, decision_form(version=1))

    _at(page, wait_hydrated, f"/ho-so/chi-tiet?id={case_id}", PHONE)
    page.click("#in-mau-bieu")
    dialog = page.get_by_role("dialog")
    signed = dialog.locator("#nhom-ban-de-ky")
    expect(signed).to_contain_text("MQĐ02")
    expect(signed.get_by_role("heading")).to_contain_text("có bản để ký")
    expect(dialog.locator("#nhom-du-thao")).to_contain_text("MQĐ03")
    # The blank-only forms wait behind one line that says how many.
    blank = dialog.locator("#nhom-mau-trang")
    summary = blank.locator("summary")
    expect(summary).to_contain_text("chỉ in mẫu trắng")
    expect(blank.get_by_text("MQĐ01", exact=True)).to_be_hidden()
    assert summary.evaluate("s => s.getBoundingClientRect().height") >= 39
    # No scroll box inside the dialog: the list goes on below, in the
    # dialog's own scroll.
    boxes = dialog.locator("div").evaluate_all(
        "ds => ds.filter(d => ['auto', 'scroll'].includes(getComputedStyle(d)"
        ".overflowY) && d.scrollHeight > d.clientHeight + 1"
        " && !d.matches('[role=dialog]')).length"
    )
    assert boxes == 0
    _shot(page, "print-menu", PHONE, full=False)
    # Far down the list the close button is still in sight.
    summary.click()
    dialog.locator("#nhom-mau-trang > div").last.scroll_into_view_if_needed()
    expect(dialog.locator("#dong-in-mau-bieu")).to_be_in_viewport()
    expect(blank.get_by_text("MQĐ01", exact=True)).to_be_visible()
