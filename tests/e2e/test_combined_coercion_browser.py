"""The combined coercion decision (MQĐ12a-c) on a phone (390x844): the
measure select offers it, in Vietnamese with its one line of explanation,
when the case owes both money and a remedial measure; choosing it shows the
boxes of its money measure and of its remedial part, and MQĐ11 alone does
not show the remedial part's boxes ("remedial" is a word of
"distraint_remedial", matched whole). The result then asks which part it
records, the money boxes shown for the money part only. Users belong to
Xã Tuy An Nam (UBND-22147), which no other browser test uses."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.e2e.test_journey import _first_login
from tests.e2e.test_procedure_browser import (
    FAMILY_SMALL,
    _actor,
    _make_authority,
    _open_case,
)
from tests.services.conftest import case_form, catalogue_id, decision_form
from xlvphc.models.base import local_now

UNIT = "UBND-22147"
PHONE = {"width": 390, "height": 844}
ARTIFACTS_PREFIX = "test-artifacts/combined-coercion"
MEASURE = "Buộc tháo dỡ phần công trình xây dựng không phép"


def _case_owing_both(app_server, username: str) -> int:
    """Decided with a remedial measure and received 30 days ago: overdue."""
    from xlvphc.services import cases, procedure

    day = (local_now() - timedelta(days=30)).strftime("%d/%m/%Y")
    with app_server.database():
        actor = _actor(username)
        case_id = cases.create_case(
            actor,
            case_form(
                name="Y Hời Niê",
                violation_date=day,
                violation_time="07:00",
                record_date=day,
                record_time="08:00",
                act_ids=str(catalogue_id(*FAMILY_SMALL)),
            ),
        )
        cases.issue_decision(
            actor,
            case_id,
            decision_form(decided_on=day, version=1, remedial_measures=MEASURE),
        )
        procedure.perform(actor, case_id, "receipt", {"version": 2, "on": day})
    return case_id


def _within_phone(locator) -> None:
    box = locator.bounding_box()
    assert box is not None and box["x"] >= 0, box
    assert box["x"] + box["width"] <= PHONE["width"], box


def test_combined_coercion_choice_and_its_result_on_a_phone(
    page, wait_hydrated, seed_user, app_server
):
    issued = seed_user("chutich.tuyannam", "officer", UNIT, "Trần Văn Hậu")
    _make_authority(app_server, "chutich.tuyannam")
    case_id = _case_owing_both(app_server, "chutich.tuyannam")
    page.set_viewport_size(PHONE)
    _first_login(page, wait_hydrated, "chutich.tuyannam", issued.password)
    expect(page.get_by_role("heading", name="Hồ sơ vi phạm hành chính")).to_be_visible()
    _open_case(page, wait_hydrated, case_id)

    page.click("#buoc-coerce")
    form = page.locator("form:has(#ghi-nhan-buoc)")
    select = form.locator("#truong-code")
    expect(select.locator('option[value="distraint_remedial"]')).to_have_text(
        "Kê biên tài sản có giá trị để bán đấu giá và buộc thực hiện biện pháp "
        "khắc phục hậu quả (MQĐ12b)"
    )
    expect(form.get_by_text("quyết định kết hợp (MQĐ12a, 12b, 12c)")).to_be_visible()
    _within_phone(select)

    own_period = form.locator("#truong-remedial_period")
    own_place = form.locator("#truong-remedial_place")
    expect(own_period).to_be_hidden()
    # MQĐ11 alone: its own period box, not the combined decision's.
    page.select_option("#truong-code", "remedial")
    expect(form.locator("#truong-period")).to_be_visible()
    expect(own_period).to_be_hidden()
    expect(own_place).to_be_hidden()

    page.select_option("#truong-code", "distraint_remedial")
    expect(own_period).to_be_visible()
    expect(own_place).to_be_visible()
    expect(form.locator("#truong-action_place")).to_be_visible()
    expect(form.locator("#truong-account_number")).to_be_hidden()
    _within_phone(own_place)
    form.screenshot(path=f"{ARTIFACTS_PREFIX}-decision.png")
    form.locator("#truong-action_place").fill("Số 5 Lê Duẩn, xã Tuy An Nam")
    form.locator("#truong-period").fill("10")
    own_period.fill("30")
    own_place.fill("Thửa đất số 12, thôn 3")
    # No MBB09 in the system: the signer confirms it was made on paper.
    form.locator("#truong-verified_outside").check()
    page.click("#ghi-nhan-buoc")
    expect(page.get_by_text("Đang cưỡng chế").first).to_be_visible()

    # The result: which part it records; the money boxes for the money part.
    page.click("#buoc-coercion_done")
    part = form.locator("#truong-code")
    expect(part).to_be_visible()
    amount = form.locator("#truong-amount")
    expect(amount).to_be_hidden()
    page.select_option("#truong-code", "distraint")
    expect(amount).to_be_visible()
    page.select_option("#truong-code", "remedial")
    expect(amount).to_be_hidden()
    _within_phone(part)
    form.screenshot(path=f"{ARTIFACTS_PREFIX}-result.png")
    form.locator("#truong-note").fill("Đã tháo dỡ phần công trình không phép")
    page.click("#ghi-nhan-buoc")
    expect(page.get_by_text("Kết quả cưỡng chế (Buộc thực hiện").first).to_be_visible()
