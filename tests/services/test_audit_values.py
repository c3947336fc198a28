"""The audit page shows before/after in Vietnamese, not the stored JSON."""

import pytest

from tests.services.conftest import make_user
from xlvphc.services import accounts, audit_log
from xlvphc.services.audit_values import changed_only, entity_label, readable


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (
            '{"fine_total": 1500000, "status": "recorded"}',
            "Tổng tiền phạt: 1.500.000 đồng; Trạng thái: Đã lập biên bản",
        ),
        ('{"active": false}', "Đang hoạt động: Không"),
        (
            '{"roles": "officer,authority"}',
            "Vai trò: Cán bộ nhập liệu, Người có thẩm quyền xử phạt",
        ),
        ('{"compliance_due": "2026-12-15"}', "Hạn chấp hành: 15/12/2026"),
        (
            '{"rows": 3, "filters": {"action": "login"}}',
            "Số dòng: 3; Bộ lọc: Thao tác: login",
        ),
        ('{"unknown_key": null}', "unknown_key: —"),
        ("not json", "not json"),
        ("", ""),
    ],
)
def test_stored_values_read_as_vietnamese(stored, shown):
    assert readable(stored) == shown


def test_the_audit_page_rows_are_readable(people):
    admin = people["quantri"]
    user_id = make_user("canbo.khoa", "UBND-22015", "officer")
    accounts.set_active(admin, user_id, False)

    [row] = audit_log.search(admin, {"action": "account.disabled"})["rows"]

    assert row["before"] == "Đang hoạt động: Có"
    assert row["after"] == "Đang hoạt động: Không"


def test_a_step_shows_only_what_it_changed():
    """A procedure step stores the whole case summary before and after."""
    before = '{"status": "decided", "paid_total": 0, "fine_total": 3500000}'
    after = '{"status": "executing", "paid_total": 1000000, "fine_total": 3500000}'

    shown = changed_only(before, after)

    assert shown == (
        "Trạng thái: Đã ra quyết định; Đã nộp: 0 đồng",
        "Trạng thái: Đang thi hành; Đã nộp: 1.000.000 đồng",
    )
    assert changed_only("not json", "") == ("not json", "")


def test_ids_are_named_not_numbered():
    assert readable('{"acts": [136, 140]}') == "Hành vi vi phạm: 2 mục"
    assert entity_label("case", 7) == "Hồ sơ số 7"
    assert entity_label("user", None) == "Tài khoản"
