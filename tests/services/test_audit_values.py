"""The audit page shows before/after in Vietnamese, not the stored JSON."""

import ast
from pathlib import Path

import pytest

from tests.services.conftest import make_user
from xlvphc.services import accounts, audit_log
from xlvphc.services.audit_values import LABELS, changed_only, entity_label, readable

SOURCE = Path(__file__).resolve().parents[2] / "xlvphc"


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
            "Số dòng: 3; Bộ lọc: (Thao tác: Đăng nhập)",
        ),
        # User trial: "existing: 1; invalid: 4", "duplicate_of: 1", "Bộ lọc: {}".
        (
            '{"created": 4, "existing": 1, "invalid": 4, "rows": 9}',
            (
                "Đã tạo: 4; Đã có từ trước (bỏ qua): 1; Có vấn đề (không nhập): 4; "
                "Số dòng: 9"
            ),
        ),
        # The page looks the case's number up (audit_log._cases_named,
        # tests/services/test_audit_duplicate_number.py); unlooked-up, the
        # id says what it is.
        ('{"duplicate_of": 1}', "Có thể trùng với hồ sơ: mã số 1 trong hệ thống"),
        (
            '{"signer_title": "chu_tich_ubnd_xa"}',
            "Chức danh người ký: Chủ tịch Ủy ban nhân dân xã, phường, đặc khu",
        ),
        ('{"filters": {}, "rows": 4}', "Số dòng: 4"),
        (
            (
                '{"filters": {"q": "an", "group": "ubnd", "overdue": "1", '
                '"sort": "fine_total", "dir": "asc"}, "rows": 2}'
            ),
            (
                "Bộ lọc: (Tìm kiếm: an; Nhóm đơn vị: UBND xã, phường; Chỉ hồ sơ quá "
                "hạn chấp hành: Có; Sắp xếp theo: Tiền phạt; Thứ tự: tăng dần); "
                "Số dòng: 2"
            ),
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
    assert entity_label("case", 7) == "Hồ sơ số 7"  # nothing looked up
    assert entity_label("case", 7, {}, {7: "biên bản số 3/BB-VPHC"}) == (
        "Hồ sơ: biên bản số 3/BB-VPHC"
    )
    assert entity_label("user", 2, {2: "canbo.a"}) == "Tài khoản canbo.a"
    assert entity_label("user", 9, {}) == "Tài khoản số 9"  # account gone
    assert entity_label("user", None) == "Tài khoản"


def _written_keys() -> set[str]:
    """The literal keys of the objects every `audit.record(...)` call under
    xlvphc/ stores as before/after."""
    keys: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            if not (isinstance(func, ast.Attribute) and func.attr == "record"):
                continue
            for kw in node.keywords:
                if kw.arg in ("before", "after"):
                    keys.update(
                        k.value
                        for d in ast.walk(kw.value)
                        if isinstance(d, ast.Dict)
                        for k in d.keys
                        if isinstance(k, ast.Constant)
                    )
    return keys


def test_every_key_the_services_write_has_a_label():
    keys = _written_keys()
    assert {"existing", "invalid", "duplicate_of", "filters"} <= keys  # found
    assert sorted(keys - set(LABELS)) == []


def test_case_list_filters_have_labels():
    from xlvphc.state.cases import FILTER_KEYS

    assert sorted(set(FILTER_KEYS) - set(LABELS)) == []
