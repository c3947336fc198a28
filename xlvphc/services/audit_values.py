"""The before/after of an audit event as an administrator reads it.

Events store their before/after as JSON with the code's field names
(`{"fine_total": 0, "status": "recorded"}`); the audit page and its export
show "Tổng tiền phạt: 0 đồng; Trạng thái: Đã lập biên bản" instead. Case
fields share their labels with the case history (services.case_edit), so a
field reads the same on both pages.
"""

import json

from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.services import enforcement
from xlvphc.services.access import Role
from xlvphc.services.audit_labels import action_label
from xlvphc.services.case_edit import LABELS as CASE_LABELS
from xlvphc.services.case_edit import shown_value
from xlvphc.services.reports.scope import GROUPS

# Fields of the other records the log writes about (accounts, units,
# feedback, exports, delegations).
LABELS = {
    **CASE_LABELS,
    "active": "Đang hoạt động",
    "username": "Tên đăng nhập",
    "full_name": "Họ tên",
    "title": "Chức vụ",
    "unit_id": "Đơn vị (mã số trong hệ thống)",
    "complained": "Đang khiếu nại, khởi kiện",
    "item_ids": "Tang vật, phương tiện",
    "roles": "Vai trò",
    "signer_title": "Chức danh người ký",
    "rows": "Số dòng",
    "count": "Số lượng",
    "created": "Đã tạo",
    "ids": "Các mã số",
    "into": "Gộp vào đơn vị (số)",
    "format": "Định dạng",
    "filters": "Bộ lọc",
    "user": "Người dùng",
    "action": "Thao tác",
    "date_from": "Từ ngày",
    "date_to": "Đến ngày",
    "category": "Loại phản ánh",
    "answer": "Trả lời",
    "screenshot": "Ảnh chụp màn hình",
    "ended_on": "Ngày kết thúc",
    "number": "Số",
    "code": "Mã",
    # A case import run (services/importer/run.py) and a new case's record.
    "existing": "Đã có từ trước (bỏ qua)",
    "invalid": "Có vấn đề (không nhập)",
    "duplicate_of": "Có thể trùng với hồ sơ số",
    "typed_acts": "Hành vi ghi ngoài danh mục",
    "parent_id": "Đơn vị cấp trên (mã số trong hệ thống)",
    # A report export (services/reports/export.py).
    "period": "Kỳ báo cáo",
    "scope": "Phạm vi",
    "units": "Số đơn vị",
    # The case list's filters in an export (state/cases.FILTER_KEYS), as the
    # list's boxes name them.
    "q": "Tìm kiếm",
    "unit": "Đơn vị (mã số trong hệ thống)",
    "enforcement": "Tình hình thi hành",
    "group": "Nhóm đơn vị",
    "v_from": "Vi phạm từ ngày",
    "v_to": "Vi phạm đến ngày",
    "r_from": "Lập biên bản từ ngày",
    "r_to": "Lập biên bản đến ngày",
    "d_from": "Ra quyết định từ ngày",
    "d_to": "Ra quyết định đến ngày",
    "amount_min": "Tiền phạt từ (đồng)",
    "amount_max": "Tiền phạt đến (đồng)",
    "overdue": "Chỉ hồ sơ quá hạn chấp hành",
    "decree": "Nghị định",
    "article": "Điều",
    "sort": "Sắp xếp theo",
    "dir": "Thứ tự",
}
# The case list's sortable columns (services/case_queries.SORTS), as the
# list's headings name them.
SORT_LABELS = {
    "record_number": "Số biên bản",
    "violator_name": "Người vi phạm",
    "violation_date": "Ngày vi phạm",
    "unit_name": "Đơn vị",
    "status": "Trạng thái",
    "decision_number": "Số quyết định",
    "decided_on": "Ngày quyết định",
    "fine_total": "Tiền phạt",
    "created": "Thứ tự nhập",
}
# Coded values of the filters, read as their boxes offer them.
CODED = {
    "enforcement": enforcement.LABELS,
    "group": GROUPS,
    "sort": SORT_LABELS,
    "dir": {"asc": "tăng dần", "desc": "giảm dần"},
    "overdue": {"1": "Có"},
    # An account's signer title is stored as its code (user trial: the log
    # showed "chu_tich_ubnd_xa").
    "signer_title": dict(SIGNER_TITLES),
}


# What an event is about, as the Đối tượng column names it.
ENTITIES = {
    "case": "Hồ sơ",
    "user": "Tài khoản",
    "unit": "Đơn vị",
    "feedback": "Phản ánh",
    "delegation": "Giao quyền",
    "report": "Báo cáo",
    "auditevent": "Nhật ký",
}
# Lists of internal ids: an administrator reads how many, not the numbers.
ID_LISTS = {"acts", "ids", "item_ids"}


def entity_label(entity: str, entity_id: int | None) -> str:
    name = ENTITIES.get(entity, entity)
    return f"{name} số {entity_id}" if entity_id else name


def _value(key: str, value: object) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if value is None or value == "":
        return "—"
    if key == "roles" and isinstance(value, str):
        return ", ".join(Role.LABELS.get(r, r) for r in value.split(",") if r)
    if key == "action" and isinstance(value, str):
        return action_label(value)
    if key in CODED and isinstance(value, str):
        return CODED[key].get(value, value)
    if isinstance(value, list):
        if key in ID_LISTS:
            return f"{len(value)} mục"
        return ", ".join(_value(key, v) for v in value) or "—"
    if isinstance(value, dict):
        return f"({readable_dict(value)})"
    return shown_value(key, value) or str(value)


def readable_dict(data: dict) -> str:
    """ "Nhãn: giá trị" pairs. An empty object (an export without filters)
    says nothing and is left out, not shown as "Bộ lọc: {}" (user trial); a
    nested object is bracketed so that its pairs stay apart from the outer
    ones."""
    return "; ".join(
        f"{LABELS.get(k, k)}: {_value(k, v)}" for k, v in data.items() if v != {}
    )


def changed_only(before: str, after: str) -> tuple[str, str]:
    """Before and after, each readable, keeping only the fields that differ
    when both are objects: a procedure step stores the whole case summary on
    both sides, and the one changed figure must not drown in the rest."""
    try:
        old, new = json.loads(before or "null"), json.loads(after or "null")
    except ValueError:
        return readable(before), readable(after)
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return readable(before), readable(after)
    keys = [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]
    return (
        readable_dict({k: old.get(k) for k in keys if k in old}),
        readable_dict({k: new.get(k) for k in keys if k in new}),
    )


def readable(text: str) -> str:
    """The stored JSON text as "Nhãn: giá trị; …"; other text unchanged."""
    if not text:
        return ""
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if isinstance(data, dict):
        return readable_dict(data)
    return _value("", data)
