"""Issue 3 follow-ups in the browser: the MQĐ02 form suggests the signer of
a signer account (an uncontrolled select must start on the account's
title), the red alert of an expired limitation on the case page, and the
"Việc cần làm" page on a phone (cards, no sideways scrolling). Screenshots
go to test-artifacts/hc-*.png."""

import re
from datetime import timedelta

from playwright.sync_api import expect

from tests.e2e.test_journey import _first_login
from tests.e2e.test_procedure_browser import FAMILY_SMALL, _actor
from tests.services.conftest import case_form, catalogue_id, decision_form
from xlvphc.models.base import local_now

ARTIFACTS_PREFIX = "test-artifacts/hc"
TRAFFIC = (7, 2, "h", "168/2024/NĐ-CP")  # 400.000–600.000 đồng
SIGNER_TITLE = "Chủ tịch Ủy ban nhân dân phường Tuy Hòa"


def _make_signer(app_server, username: str) -> None:
    """Give the seeded officer the authority role and a signer title, as an
    administrator would on the accounts page."""
    from sqlmodel import select

    from xlvphc.models import User
    from xlvphc.services.db import session_scope

    with app_server.database(), session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        user.roles = "authority"
        user.signer_title = "chu_tich_ubnd_xa"
        user.title = SIGNER_TITLE
        session.add(user)


def _cases(app_server, username: str, rows: list[tuple]) -> list[int]:
    """Cases (name, act, days ago, decided, received) made through the
    services on the app's database."""
    from xlvphc.services import cases, procedure

    made = []
    with app_server.database():
        actor = _actor(username)
        for name, act, days_ago, decided, received in rows:
            day = (local_now() - timedelta(days=days_ago)).strftime("%d/%m/%Y")
            case_id = cases.create_case(
                actor,
                case_form(
                    name=name,
                    violation_date=day,
                    violation_time="07:00",
                    record_date=day,
                    record_time="08:00",
                    act_ids=str(catalogue_id(*act)),
                ),
            )
            if decided:
                cases.issue_decision(
                    actor, case_id, decision_form(decided_on=day, version=1)
                )
            if received:
                procedure.perform(actor, case_id, "receipt", {"version": 2, "on": day})
            made.append(case_id)
    return made


def test_signer_prefilled_and_expired_limitation_alert(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("chutich.hc", "officer", "UBND-22015", "Phạm Văn Dũng")
    _make_signer(app_server, "chutich.hc")
    fresh, old, late = _cases(
        app_server,
        "chutich.hc",
        [
            ("Y Khoa Niê", FAMILY_SMALL, 0, False, False),
            ("H'Hen Mlô", TRAFFIC, 400, False, False),
            ("Ksor H'Mai", FAMILY_SMALL, 30, False, False),
        ],
    )
    _first_login(page, wait_hydrated, "chutich.hc", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    # MQĐ02: the signer comes from the account and stays editable.
    page.goto(f"/ho-so/quyet-dinh?id={fresh}")
    wait_hydrated(page)
    expect(page.locator("#signer_name")).to_have_value("Phạm Văn Dũng")
    expect(page.locator("#signer_title")).to_have_value(SIGNER_TITLE)
    expect(page.locator("#signer_title_code")).to_have_value("chu_tich_ubnd_xa")
    # The act's remedial measure in the catalogue starts its box, cited.
    expect(page.locator("#remedial_measures")).to_have_value(
        re.compile(r"^Buộc xin lỗi công khai .* khoản 1 Điều 37 Nghị định 282/2025")
    )
    expect(page.locator("#qua-han-ra-quyet-dinh")).to_have_count(0)
    page.fill("#treasury", "Kho bạc Nhà nước khu vực XIII")
    page.click("#luu-quyet-dinh")
    expect(page.locator("#cac-buoc")).to_be_visible()
    expect(page.get_by_text(f"Phạm Văn Dũng – {SIGNER_TITLE}").first).to_be_visible()

    # A case past the sanctioning limitation (Art. 6): a red alert on top.
    page.goto(f"/ho-so/chi-tiet?id={old}")
    wait_hydrated(page)
    alert = page.locator(".het-thoi-hieu")
    expect(alert).to_contain_text("Đã hết thời hiệu xử phạt")
    expect(alert).to_contain_text("Kết thúc: không ra quyết định xử phạt")
    # ...and no decision button to press in vain (Law Art. 65 k1 c).
    expect(page.locator("#ra-quyet-dinh")).to_have_count(0)
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-alert.png")

    # Recorded 30 days ago, no decision: past Art. 66 k1, told on the case
    # page and before the decision form is filled.
    page.goto(f"/ho-so/chi-tiet?id={late}")
    wait_hydrated(page)
    expect(page.locator(".het-thoi-hieu")).to_contain_text(
        "Đã quá thời hạn ra quyết định xử phạt"
    )
    page.goto(f"/ho-so/quyet-dinh?id={late}")
    wait_hydrated(page)
    expect(page.locator("#qua-han-ra-quyet-dinh")).to_contain_text("Điều 66")
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-overdue.png", full_page=True)


def test_todo_page_reads_on_a_phone(page, wait_hydrated, seed_user, app_server):
    issued = seed_user("canbo.hc", "officer", "UBND-22015", "Trần Thị Bình")
    _cases(
        app_server,
        "canbo.hc",
        [
            ("Nguyễn Thị Hồng Nhung", FAMILY_SMALL, 2, False, False),
            ("Hoàng Văn Sáng", FAMILY_SMALL, 30, True, True),
            ("Y Bhin Niê", FAMILY_SMALL, 1, True, False),
            ("Lê Văn Tâm", TRAFFIC, 350, False, False),
        ],
    )
    _first_login(page, wait_hydrated, "canbo.hc", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    # Wide screen: a table, one task per row.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/viec-can-lam")
    wait_hydrated(page)
    table = page.locator("#bang-viec")
    expect(table.get_by_role("row").filter(has_text="Hoàng Văn Sáng")).to_have_count(1)
    expect(table.locator("thead")).to_be_visible()
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-todo-1280.png", full_page=True)

    # Phone: one card per task, each value under its label, nothing wider
    # than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    expect(table.locator("thead")).to_be_hidden()
    card = table.locator("tbody tr").filter(has_text="Hoàng Văn Sáng")
    expect(card).to_contain_text("xem xét cưỡng chế")
    box = card.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    label = (
        card.locator("td")
        .nth(2)
        .evaluate("td => getComputedStyle(td, '::before').content")
    )
    assert label == '"Việc"'
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-todo-390.png", full_page=True)

    # The card's one link is a finger's height, and a tap anywhere on the
    # card opens the case (user trial: the link was one character).
    link_box = card.get_by_role("link").bounding_box()
    assert link_box is not None and link_box["height"] >= 44
    card.locator("td").nth(2).click()
    expect(page.locator("#cac-buoc")).to_be_visible()
    assert "/ho-so/chi-tiet?id=" in page.url
