"""The audit log reads as Vietnamese for every entity (user trial: a purge
showed `delete_reason`, a UTC ISO time and `deleted_by: 2`; a merge named a
unit «Họ tên / tên tổ chức» and counted `cases:`; a delegation showed
`deputy_name` and `chu_tich_ubnd_xa`; a delete printed its reason twice; a
reversed date range gave «0 sự kiện»)."""

import re

import pytest

from tests.services.audit_keys import written_keys
from tests.services.conftest import _unit_id, case_form
from tests.services.test_procedure_delegation import head, register  # noqa: F401
from xlvphc.models.base import local_now
from xlvphc.services import audit_log, cases, recycle_bin, units
from xlvphc.services.audit_values import ENTITY_LABELS, LABELS, label, readable
from xlvphc.services.errors import ValidationFailed

# Keys of calls the scan cannot follow: the case edit's diff (the case
# history's own labels, case_edit.LABELS) and the case list's filters
# (checked against state/cases.FILTER_KEYS in test_audit_values).
NOT_FOLLOWED = {
    "services/case_edit.py before",
    "services/case_edit.py after",
    "services/export.py filters",
}
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
# A key printed as is ("deleted_by", "cases") or in English.
RAW_KEY = re.compile(r"(^|; |\()[a-z_]+:")


def test_every_key_of_every_entity_has_a_label():
    by_entity, lost = written_keys()
    # The scan follows names: it found the keys the trial saw.
    assert {"deleted_by", "delete_reason", "deleted_at"} <= by_entity["case"]
    assert {"cases", "users", "name"} <= by_entity["unit"]
    assert {"deputy_name", "head_title_code"} <= by_entity["delegation"]
    assert {"username", "signer_title"} <= by_entity["user"]
    assert {re.sub(r":\d+", "", place) for place in lost} == NOT_FOLLOWED
    unlabelled = sorted(
        f"{entity}.{key}"
        for entity, keys in by_entity.items()
        for key in keys
        if label(key, entity) == key
    )
    assert unlabelled == []
    # Labels are Vietnamese words, not codes.
    for entity, keys in by_entity.items():
        for key in keys:
            assert "_" not in label(key, entity), (entity, key)
    assert set(ENTITY_LABELS) <= set(by_entity)


def test_a_units_name_is_not_a_violators():
    assert label("name", "unit") == "Tên đơn vị"
    assert label("name", "case") == LABELS["name"] == "Họ tên / tên tổ chức"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ('{"valid_from": "2026-12-01"}', "Giao quyền từ ngày: 01/12/2026"),
        # UTC 03:58 is 10:58 in Vietnam; naive stored times are UTC too.
        (
            '{"deleted_at": "2026-12-06 03:58:34.149310+00:00"}',
            "Thời điểm xóa vào thùng rác: 06/12/2026 10:58",
        ),
        (
            '{"deleted_at": "2026-12-06T20:00:00"}',
            "Thời điểm xóa vào thùng rác: 07/12/2026 03:00",
        ),
        # Text that only looks like a date part stays as typed.
        ('{"number": "2026-12/QĐ"}', "Số quyết định giao quyền: 2026-12/QĐ"),
    ],
)
def test_dates_and_times_read_dd_mm_yyyy_local(stored, shown):
    entity = "delegation" if "number" in stored or "valid" in stored else "case"
    assert readable(stored, entity) == shown


def test_a_purge_names_the_deleter_and_its_time(people):
    officer, admin = people["canbo.a"], people["quantri"]
    case_id = cases.create_case(officer, case_form())
    recycle_bin.delete_case(officer, case_id, "Nhập trùng hồ sơ")
    recycle_bin.purge_case(admin, case_id, "Hết thời hạn lưu")

    [purge] = audit_log.search(admin, {"action": "case.purged"})["rows"]
    [delete] = audit_log.search(admin, {"action": "case.deleted"})["rows"]

    assert f"Người xóa: canbo.a (tài khoản số {officer.user_id})" in purge["before"]
    assert "Lý do xóa: Nhập trùng hồ sơ" in purge["before"]
    moment = re.search(r"Thời điểm xóa vào thùng rác: ([\d/: ]+)", purge["before"])
    assert moment and moment.group(1).strip() in delete["at"][:16] + " "
    assert not ISO.search(purge["before"]) and not RAW_KEY.search(purge["before"])
    assert purge["reason"] == "Hết thời hạn lưu"
    # The deletion's reason once, as its reason, not in "Sau" too.
    assert delete["reason"] == "Nhập trùng hồ sơ"
    assert "Nhập trùng" not in delete["after"]
    assert delete["after"] == "Đã xóa: có"


def test_a_merge_reads_by_unit_labels(people):
    admin = people["quantri"]
    source, target = _unit_id("UBND-22015"), _unit_id("UBND-22045")
    cases.create_case(people["canbo.a"], case_form())
    units.merge_units(admin, source, target, "Nghị quyết sáp nhập số 1")

    [row] = audit_log.search(admin, {"action": "unit.merged"})["rows"]

    assert "Tên đơn vị: " in row["before"] and "Tên đơn vị: " in row["after"]
    assert "Họ tên" not in row["before"] + row["after"]
    assert "Số hồ sơ chuyển sang: 1" in row["after"]
    assert "Số tài khoản chuyển sang: 1" in row["after"]
    assert not RAW_KEY.search(row["after"])


def test_a_delegation_reads_by_its_labels(people, head):  # noqa: F811
    register(head)
    [row] = audit_log.search(people["quantri"], {"action": "delegation.registered"})[
        "rows"
    ]
    after = row["after"]
    assert "Họ tên cấp phó: Lê Văn Phó" in after
    assert "Chức danh cấp trưởng: Chủ tịch Ủy ban nhân dân xã" in after
    assert "Phạm vi giao quyền: Giao quyền xử phạt" in after
    assert re.search(r"Giao quyền từ ngày: \d{2}/\d{2}/\d{4}", after)
    assert not ISO.search(after) and not RAW_KEY.search(after)


@pytest.mark.parametrize(
    ("filters", "box", "message"),
    [
        (
            {"date_from": "10/12/2026", "date_to": "01/12/2026"},
            "date_to",
            "Ngày kết thúc phải sau ngày bắt đầu.",
        ),
        ({"date_from": "31/02/2026"}, "date_from", "Ngày không hợp lệ"),
    ],
)
def test_a_reversed_or_bad_date_range_is_refused_at_its_box(
    people, filters, box, message
):
    for call in (audit_log.search, audit_log.export_xlsx):
        with pytest.raises(ValidationFailed) as refused:
            call(people["giamsat"], filters)
        assert refused.value.errors[box].startswith(message)
    # One day (from = to) is a range: today's sign-ins are in it.
    today = local_now().strftime("%d/%m/%Y")
    same = {"date_from": today, "date_to": today, "action": "login"}
    assert audit_log.search(people["quantri"], same)["total"] >= 4
