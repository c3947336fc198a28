"""Sorting on a phone, where the lists are cards without their headings:
the «Sắp xếp theo» select and the reverse button of the case list and the
monitoring page, and the guide's «Mục lục» button, which leaves the text
readable. Screenshots at 390x844, 820x1180 and 1280x800 go to
test-artifacts/phone-sort-*.png."""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.harness import first_sign_in
from tests.services.test_reports_data import load_cases

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "Mùa cà phê chín ở Krông Pắc"
PHONE, TABLET, DESKTOP = (390, 844), (820, 1180), (1280, 800)


def _at(page, wait_hydrated, path: str, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(path)
    wait_hydrated(page)


def _shot(page, name: str, size: tuple[int, int]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"phone-sort-{name}-{size[0]}.png"))


def _column(page, label: str) -> list[str]:
    """The value under `label` on every card, top to bottom: its first line
    (a case imported from a register carries an «nhập Excel» badge below
    the name, in a run that shares the app with the import tests)."""
    cells = page.locator(f".xl-card-table td[data-label='{label}']")
    return [(text.splitlines() or [""])[0] for text in cells.all_inner_texts()]


def _wait_for(page, label: str, check) -> list[str]:
    """The column's values once `check` holds for them (the list comes back
    from the server after the choice)."""
    for _ in range(100):
        values = _column(page, label)
        if values and check(values):
            return values
        page.wait_for_timeout(100)
    raise AssertionError(f"{label}: {_column(page, label)}")


def _number(text: str) -> int:
    return int(text.replace(".", ""))


def test_a_phone_sorts_the_cards_with_the_select_and_reverses_them(
    page, wait_hydrated, seed_user, app_server
):
    supervisor = seed_user("giamsat.sapxep", "supervisor", "SO-TU-PHAP")
    with app_server.database():
        load_cases()
    first_sign_in(page, "giamsat.sapxep", supervisor.password, PASSWORD)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()

    # The case list on a phone: no headings, the select instead; newest
    # case first until a column is chosen.
    _at(page, wait_hydrated, "/ho-so", PHONE)
    picker, reverse = page.locator("#chon-sap-xep"), page.locator("#dao-thu-tu")
    expect(page.locator(".xl-card-table thead")).to_be_hidden()
    expect(picker).to_be_visible()
    expect(reverse).to_have_count(0)
    _shot(page, "ho-so", PHONE)
    newest_first = _column(page, "Người vi phạm")
    assert len(newest_first) > 2

    picker.select_option(label="Người vi phạm")
    ascending = _wait_for(page, "Người vi phạm", lambda v: v != newest_first)
    assert ascending == sorted(ascending)
    # In the address bar, as a heading's order is.
    expect(page).to_have_url(re.compile(r"^(?=.*sort=violator_name)(?=.*dir=asc)"))
    expect(reverse).to_have_text("↑ Tăng dần")
    expect(reverse).to_have_accessible_name(re.compile("^Đang xếp tăng dần"))
    page.wait_for_timeout(300)
    _shot(page, "ho-so-chon", PHONE)

    reverse.click()
    expect(reverse).to_have_text("↓ Giảm dần")
    descending = _wait_for(page, "Người vi phạm", lambda v: v != ascending)
    assert descending == sorted(descending, reverse=True)
    expect(picker).to_have_value("violator_name")

    # Another column starts ascending again.
    picker.select_option(label="Tiền phạt")
    expect(reverse).to_have_text("↑ Tăng dần")
    amounts = [_number(f.split()[0]) for f in _column(page, "Tiền phạt") if f != "—"]
    assert amounts == sorted(amounts) and len(set(amounts)) > 2

    # An upright tablet shows the case list as cards too, so the select;
    # a desktop sorts by its headings and has none.
    _at(page, wait_hydrated, "/ho-so", TABLET)
    expect(picker).to_be_visible()
    _shot(page, "ho-so", TABLET)
    _at(page, wait_hydrated, "/ho-so", DESKTOP)
    expect(page.locator(".xl-card-table thead")).to_be_visible()
    expect(picker).to_be_hidden()
    _shot(page, "ho-so", DESKTOP)

    # The monitoring list sorts the same way on a phone.
    _at(page, wait_hydrated, "/theo-doi", PHONE)
    expect(page.locator("#bang-theo-doi thead")).to_be_hidden()
    picker.select_option(label="Tổng số hồ sơ")
    expect(reverse).to_have_text("↑ Tăng dần")
    ascending = [_number(t) for t in _column(page, "Tổng số hồ sơ")]
    assert ascending == sorted(ascending)
    # The units with cases come first once reversed.
    reverse.click()
    expect(reverse).to_have_text("↓ Giảm dần")
    totals = _wait_for(page, "Tổng số hồ sơ", lambda v: _number(v[0]) > 0)
    descending = [_number(t) for t in totals]
    assert descending == sorted(descending, reverse=True)
    assert descending != ascending
    picker.scroll_into_view_if_needed()
    _shot(page, "theo-doi", PHONE)
    # From a tablet up it is a table, sorted by its headings.
    for size in (TABLET, DESKTOP):
        _at(page, wait_hydrated, "/theo-doi", size)
        expect(page.locator("#bang-theo-doi thead")).to_be_visible()
        expect(picker).to_be_hidden()
        _shot(page, "theo-doi", size)


def test_the_guide_button_leaves_the_last_lines_clear_on_a_phone(
    page, wait_hydrated, seed_user
):
    issued = seed_user("canbo.docmucluc", "officer", "UBND-22015")
    first_sign_in(page, "canbo.docmucluc", issued.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    for size in (PHONE, TABLET, DESKTOP):
        _at(page, wait_hydrated, "/huong-dan", size)
        button = page.locator("#ve-muc-luc")
        expect(button).to_be_visible()
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(300)
        _shot(page, "huong-dan-cuoi", size)
        # Scrolled to the end, the guide's last lines lie above the button.
        last = page.locator("section").last.locator("p").last.bounding_box()
        box = button.bounding_box()
        assert last and box and last["y"] + last["height"] <= box["y"], (last, box)
        if size == PHONE:
            # Only the arrow on a phone, a finger's size, named for a
            # screen reader.
            assert box["width"] <= 48 and box["height"] >= 44, box
            expect(button).to_have_accessible_name("Về mục lục")
        else:
            expect(button).to_contain_text("Mục lục")
    button.click()
    expect(page.locator("#muc-luc")).to_be_in_viewport()
