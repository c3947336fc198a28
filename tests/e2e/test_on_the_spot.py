"""Issue 3 screens in the browser: a decision without a record (MQĐ01, Law
Art. 56) made on its own page, and the delegation register (Law Art. 54,
NĐ 118/2021 Điều 10). Users belong to Xã Phú Hòa 2 (UBND-22303), which no
other browser test uses, so numbers and counts elsewhere are undisturbed."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.e2e.test_journey import _first_login
from tests.harness import downloaded_pdf_text
from xlvphc.models.base import local_now

UNIT = "UBND-22303"
ARTIFACTS_PREFIX = "test-artifacts/on-the-spot"


def _make_authority(app_server, username: str, title_code: str) -> None:
    """An authority needs a signer title (services.accounts); set both straight
    in the database, as an administrator would on the accounts page."""
    from sqlmodel import select

    from xlvphc.models import User
    from xlvphc.services.db import session_scope

    with app_server.database(), session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        user.roles = "authority"
        user.signer_title = title_code
        session.add(user)


def test_officer_decides_on_the_spot(page, wait_hydrated, seed_user):
    officer = seed_user("canbo.phuhoa2", "officer", UNIT, "Đinh Văn Khoa")
    _first_login(page, wait_hydrated, "canbo.phuhoa2", officer.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    page.get_by_role("link", name="Xử phạt tại chỗ").click()
    expect(
        page.get_by_role("heading", name="Quyết định xử phạt không lập biên bản")
    ).to_be_visible()
    expect(page.get_by_text("đến 500.000 đồng đối với cá nhân")).to_be_visible()
    wait_hydrated(page)
    fine = _fill_spot_form(page)

    # Above the Art. 56 ceiling: refused at the fine, nothing else is lost.
    fine.fill("600.000")
    page.click("#luu-xu-phat-tai-cho")
    expect(page.get_by_text("vụ việc này phải lập biên bản")).to_be_visible()
    expect(page.locator("#name")).to_have_value("Y Khuê Niê")
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-refused.png", full_page=True)

    fine.fill("500.000")
    page.click("#luu-xu-phat-tai-cho")
    expect(page.get_by_text("01/QĐ-XPHC").first).to_be_visible()
    assert "/ho-so/chi-tiet?id=" in page.url
    expect(page.get_by_text("không lập biên bản").first).to_be_visible()
    expect(page.get_by_text("500.000 đồng").first).to_be_visible()
    # No empty record: the case says it was decided without one (Art. 56),
    # shows the title the paper prints and prints its decision as MQĐ01.
    expect(page.locator("#khong-lap-bien-ban")).to_be_visible()
    heading = page.get_by_role("heading")
    expect(heading.filter(has_text="Quyết định số 01/QĐ-XPHC")).to_be_visible()
    expect(heading.filter(has_text="Biên bản vi phạm hành chính")).to_have_count(0)
    title = "Y Kông Niê – Chủ tịch Ủy ban nhân dân xã Phú Hòa 2"
    expect(page.get_by_text(title)).to_be_visible()
    expect(page.locator("#in-bien-ban")).to_have_count(0)
    with page.expect_download() as printed:
        page.get_by_role("button", name="In quyết định (MQĐ01)").click()
    text = " ".join(downloaded_pdf_text(printed.value).split())
    assert "không lập biên bản" in text and "Y Khuê Niê" in text
    assert "500.000 đồng" in text and "Y Kông Niê" in text
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-case.png", full_page=True)

    # The same person fined again for the same day: refused until the
    # officer confirms, naming the first decision (there is no record).
    page.get_by_role("link", name="Xử phạt tại chỗ").click()
    wait_hydrated(page)
    fine = _fill_spot_form(page)
    fine.fill("500.000")
    page.click("#luu-xu-phat-tai-cho")
    notice = page.locator("#ho-so-co-the-trung")
    expect(notice).to_contain_text(
        "quyết định số 01/QĐ-XPHC (xử phạt không lập biên bản)"
    )
    expect(notice.locator("#mo-ho-so-trung")).to_be_visible()
    page.check("#duplicate_confirmed")
    page.click("#luu-xu-phat-tai-cho")
    expect(page.get_by_text("02/QĐ-XPHC").first).to_be_visible()


def _fill_spot_form(page):
    """Y Khuê Niê's helmet violation of yesterday and its signer; returns
    the one fine input (left empty)."""
    page.fill("#name", "Y Khuê Niê")
    yesterday = local_now().date() - timedelta(days=1)
    page.fill("#violation_date", yesterday.strftime("%d/%m/%Y"))
    page.fill("#violation_time", "08:20")
    page.fill("#violation_place", "Tỉnh lộ 7, thôn Phú Hòa, xã Phú Hòa 2")
    page.fill("#description", "Điều khiển xe mô tô không đội mũ bảo hiểm.")
    page.fill("#tim-hanh-vi", "điểm h khoản 2 Điều 7")
    page.get_by_role("button", name="Chọn").first.click()
    fine = page.locator("input[name^='fine_']:not([type=hidden])")
    expect(fine).to_have_count(1)
    # Like the decision form: no signer suggested for a data-entry officer,
    # never the officer's own name or job title; the title left empty is
    # printed from the sanctioning title chosen and the unit.
    expect(page.locator("#signer_name")).to_have_value("")
    expect(page.locator("#signer_title")).to_have_value("")
    page.fill("#signer_name", "Y Kông Niê")
    page.select_option("#signer_title_code", "chu_tich_ubnd_xa")
    page.check("#authority_confirmed")
    page.fill("#treasury", "Kho bạc Nhà nước khu vực XIII")
    return fine


def test_authority_registers_and_ends_a_delegation(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("chutich.phuhoa2", "officer", UNIT, "Lò Văn Hùng")
    _make_authority(app_server, "chutich.phuhoa2", "chu_tich_ubnd_xa")
    _first_login(page, wait_hydrated, "chutich.phuhoa2", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    page.get_by_role("link", name="Giao quyền").click()
    expect(page.get_by_text("Chưa có quyết định giao quyền nào.")).to_be_visible()
    wait_hydrated(page)

    # A delegation starting before it was signed is refused at that field.
    today = local_now().date()
    page.fill("#number", "7/QĐ-GQXP")
    page.select_option("#head_title_code", "chu_tich_ubnd_xa")
    page.fill("#deputy_name", "Hà Thị Mai")
    page.fill("#deputy_title", "Phó Chủ tịch Ủy ban nhân dân xã Phú Hòa 2")
    page.fill("#valid_from", (today - timedelta(days=3)).strftime("%d/%m/%Y"))
    page.fill("#signed_on", (today - timedelta(days=2)).strftime("%d/%m/%Y"))
    page.click("#luu-giao-quyen")
    expect(page.locator("#loi-valid_from")).to_contain_text("trước ngày ký")

    page.fill("#valid_from", (today - timedelta(days=2)).strftime("%d/%m/%Y"))
    page.click("#luu-giao-quyen")
    register = page.locator("#so-giao-quyen")
    row = register.get_by_role("row").filter(has_text="7/QĐ-GQXP")
    expect(row).to_contain_text("Hà Thị Mai")
    expect(row).to_contain_text("Giao quyền xử phạt (MQĐ34)")
    expect(row).to_contain_text("không thời hạn")
    expect(page.locator("#number")).to_have_value("")
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-delegations.png", full_page=True)

    with page.expect_download() as printed:
        row.get_by_role("button", name="In MQĐ34").click()
    text = downloaded_pdf_text(printed.value)
    assert "Hà Thị Mai" in text and "7/QĐ-GQXP" in text

    # Ending it early (MQĐ37): the period now stops on that day.
    row.get_by_role("button", name="Chấm dứt").click()
    page.click("#luu-cham-dut")
    expect(row).to_contain_text(f"– {today.strftime('%d/%m/%Y')}")
    expect(row).not_to_contain_text("không thời hạn")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=f"{ARTIFACTS_PREFIX}-delegations-phone.png", full_page=True)

    # A supervisor reads and prints the register but cannot write in it.
    supervisor = seed_user("giamsat.giaoquyen", "supervisor", "SO-TU-PHAP")
    page.click("#dang-xuat")
    _first_login(page, wait_hydrated, "giamsat.giaoquyen", supervisor.password)
    expect(
        page.get_by_role("heading", name="Thống kê xử lý vi phạm hành chính")
    ).to_be_visible()
    page.goto("/giao-quyen")
    wait_hydrated(page)
    row = page.locator("#so-giao-quyen").get_by_role("row").filter(has_text="7/QĐ-GQXP")
    expect(row).to_contain_text("Hà Thị Mai")
    expect(row.get_by_role("button", name="In MQĐ37")).to_be_visible()
    expect(row.get_by_role("button", name="Chấm dứt")).to_have_count(0)
    expect(page.locator("#luu-giao-quyen")).to_have_count(0)


def _switch_to_organisation_after_typing(page) -> None:
    """Type the individual's fields, then choose "Tổ chức": the organisation's
    inputs must start empty (tester's report: they showed the birth date,
    nationality, occupation, ID number) and the person's are hidden; back on
    "Cá nhân" what was typed is there again (user trial)."""
    page.fill("#name", "Phạm Văn Sáu")
    page.fill("#birth_date", "01/01/1990")
    page.fill("#occupation", "Nông dân")
    page.fill("#id_number", "066090000001")
    page.get_by_role("radio", name="Tổ chức").click()
    expect(page.locator("#tax_code")).to_be_visible()
    for name in (
        "tax_code",
        "registration_number",
        "registration_issued_on",
        "registration_issued_by",
        "representative_name",
        "representative_title",
        "org_name",
        "org_address",
    ):
        expect(page.locator(f"#{name}")).to_have_value("")
    expect(page.locator("#birth_date")).to_be_hidden()
    expect(page.locator("#name")).to_be_hidden()
    page.get_by_role("radio", name="Cá nhân").click()
    expect(page.locator("#name")).to_have_value("Phạm Văn Sáu")
    expect(page.locator("#id_number")).to_have_value("066090000001")
    expect(page.locator("#tax_code")).to_be_hidden()
    page.get_by_role("radio", name="Tổ chức").click()
    expect(page.locator("#org_name")).to_be_visible()


def test_organisation_fields_start_empty_after_individual_ones(
    page, wait_hydrated, seed_user, app_server
):
    """New case and on-the-spot pages: nothing typed for an individual is
    shown in, or saved as, the organisation's fields. Xã Phú Hòa 1
    (UBND-22319) is used by no other browser test."""
    from sqlmodel import select

    from xlvphc.models import Violator
    from xlvphc.services.db import session_scope

    officer = seed_user("canbo.phuhoa1", "officer", "UBND-22319", "Mai Văn Lộc")
    _first_login(page, wait_hydrated, "canbo.phuhoa1", officer.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()

    page.goto("/ho-so/xu-phat-tai-cho")
    wait_hydrated(page)
    _switch_to_organisation_after_typing(page)

    page.goto("/ho-so/moi")
    wait_hydrated(page)
    _switch_to_organisation_after_typing(page)
    page.fill("#org_name", "Công ty TNHH Cà phê Phú Hòa")
    page.fill("#org_address", "Thôn 3, xã Phú Hòa 1, tỉnh Đắk Lắk")
    page.fill("#representative_name", "Trần Quốc Bảo")
    yesterday = local_now().date() - timedelta(days=1)
    page.fill("#violation_date", yesterday.strftime("%d/%m/%Y"))
    page.fill("#violation_time", "09:10")
    page.fill("#violation_place", "Thôn 3, xã Phú Hòa 1")
    page.fill("#description", "Xây dựng nhà kho không có giấy phép xây dựng.")
    page.fill("#record_place", "Trụ sở UBND xã Phú Hòa 1")
    page.fill("#maker_title", "Công chức Địa chính – Xây dựng")
    page.fill("#tim-hanh-vi", "điểm h khoản 2 Điều 7")
    page.get_by_role("button", name="Chọn").first.click()
    expect(page.get_by_role("button", name="Bỏ")).to_be_visible()
    page.click("#luu-ho-so")
    expect(page.get_by_role("heading", name="Biên bản số 01/BB-VPHC")).to_be_visible()

    with app_server.database(), session_scope() as session:
        org = session.exec(
            select(Violator).where(Violator.name == "Công ty TNHH Cà phê Phú Hòa")
        ).one()
    assert org.kind == "organisation"
    assert org.tax_code == "" and org.registration_number == ""
    assert org.registration_issued_on is None
    assert org.registration_issued_by == "" and org.representative_title == ""
    assert org.representative_name == "Trần Quốc Bảo"
    assert org.birth_date is None and org.id_number == "" and org.occupation == ""
    assert org.address == "Thôn 3, xã Phú Hòa 1, tỉnh Đắk Lắk"
