"""The case page of an imported case shows only what its register said: no
"–" after a signer without title, no "Nộp phạt … tại" without a place, no
empty place or record maker; a row citing several acts lists each."""

from playwright.sync_api import expect
from sqlmodel import select

from tests.harness import first_sign_in
from tests.services.test_import_checks import workbook

PASSWORD = "Mùa cà phê chín ở Krông Pắc"
CITE = "Căn cứ (điều, khoản, nghị định)"


def _imported(app_server, username: str) -> list[int]:
    from xlvphc.models import Case
    from xlvphc.services import auth, importer
    from xlvphc.services.db import session_scope

    with app_server.database():
        actor = auth.resolve(auth.login(username, PASSWORD).token)
        # The server is shared: other tests may have cases in this unit.
        with session_scope() as session:
            before = max(session.exec(select(Case.id)).all(), default=0)
        report = importer.import_rows(actor, workbook(
            {CITE: "", "Nơi vi phạm": "", "Số tiền đã nộp": ""},
            {CITE: "điểm h khoản 2 Điều 7; điểm i khoản 2 Điều 7 Nghị định "
             "168/2024/NĐ-CP", "Số tiền phạt": "1.000.000", "Số tiền đã nộp": ""},
        ))
        assert report["created"] == 2, report
        with session_scope() as session:
            return list(session.exec(select(Case.id).where(
                Case.unit_id == actor.unit_id, Case.id > before
            ).order_by(Case.id)).all())


def test_imported_case_page_leaves_unknown_lines_out(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("canbo.nhapso", "officer", "UBND-22015", "Lê Thị Mai")
    first_sign_in(page, "canbo.nhapso", issued.password, PASSWORD)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    plain, several = _imported(app_server, "canbo.nhapso")

    page.goto(f"/ho-so/chi-tiet?id={plain}")
    wait_hydrated(page)
    decision = page.locator(".rt-Card", has=page.get_by_role(
        "heading", name="Quyết định xử phạt"))
    expect(decision.get_by_text("Phạm Văn Dũng", exact=True)).to_be_visible()
    expect(decision).not_to_contain_text("–")
    expect(decision).not_to_contain_text("Nộp phạt")
    expect(decision).not_to_contain_text("Hình thức bổ sung")
    record = page.locator(".rt-Card", has=page.get_by_role(
        "heading", name="Biên bản vi phạm hành chính"))
    expect(record.get_by_text("12/BB-VPHC")).to_be_visible()
    expect(record).not_to_contain_text("Người lập")
    expect(record).not_to_contain_text("Nơi lập")
    expect(page.locator("body")).not_to_contain_text("Địa điểm vi phạm")

    page.goto(f"/ho-so/chi-tiet?id={several}")
    wait_hydrated(page)
    acts = page.locator(".rt-Card", has=page.get_by_role(
        "heading", name="Hành vi vi phạm"))
    expect(acts.get_by_text("Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP",
                            exact=True)).to_be_visible()
    expect(acts.get_by_text("Điểm i khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP",
                            exact=True)).to_be_visible()
    expect(acts.get_by_text("Sổ Excel không ghi riêng", exact=False)).to_have_count(2)
