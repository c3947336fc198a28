"""The before/after of an audit event as an administrator reads it.

Events store their before/after as JSON with the code's field names
(`{"fine_total": 0, "status": "recorded"}`); the audit page and its export
show "Tổng tiền phạt: 0 đồng; Trạng thái: Đã lập biên bản" instead. Case
fields share their labels with the case history (services.case_edit), so a
field reads the same on both pages.
"""

import json
import re
from datetime import date, datetime

from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.dates import fmt_date
from xlvphc.models.base import to_local
from xlvphc.models.feedback import FeedbackCategory, FeedbackStatus
from xlvphc.models.units import UnitKind
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
    "duplicate_of": "Có thể trùng với hồ sơ",
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


# Keys whose label depends on what the event is about (user trial: a unit's
# "name" read «Họ tên / tên tổ chức», the violator's label; a merge showed
# `cases:`, a purge `delete_reason`, a delegation `deputy_name`).
ENTITY_LABELS = {
    "unit": {
        "name": "Tên đơn vị",
        "kind": "Loại đơn vị",
        "code": "Mã đơn vị",
        "into": "Sáp nhập vào đơn vị (mã số trong hệ thống)",
        "cases": "Số hồ sơ chuyển sang",
        "users": "Số tài khoản chuyển sang",
        "units": "Số đơn vị trực thuộc chuyển sang",
    },
    "case": {
        "deleted_at": "Thời điểm xóa vào thùng rác",
        "deleted_by": "Người xóa",
        "delete_reason": "Lý do xóa",
    },
    "delegation": {
        "number": "Số quyết định giao quyền",
        "signed_on": "Ngày ký",
        "scope": "Phạm vi giao quyền",
        "head_title_code": "Chức danh cấp trưởng",
        "deputy_name": "Họ tên cấp phó",
        "deputy_title": "Chức vụ cấp phó",
        "valid_from": "Giao quyền từ ngày",
        "valid_to": "Giao quyền đến ngày",
        "ended_on": "Ngày chấm dứt giao quyền",
    },
    "feedback": {"status": "Trạng thái phản ánh"},
}
# Coded values whose codes depend on the entity. The delegation scopes are
# services/procedure/delegation.SCOPES, named here without the form code
# (importing the procedure package from here would be circular).
ENTITY_CODED = {
    "unit": {"kind": UnitKind.LABELS},
    "delegation": {
        "head_title_code": dict(SIGNER_TITLES),
        "scope": {"sanction": "Giao quyền xử phạt", "coercion": "Giao quyền cưỡng chế"},
    },
    "feedback": {
        "status": FeedbackStatus.LABELS,
        "category": FeedbackCategory.LABELS,
    },
}
# Keys holding an account id: named as the log names accounts.
USER_KEYS = {"deleted_by", "created_by"}
# Keys holding a case's id: shown by the number users know (case_number),
# which the caller looks up when the page is shown (audit_log).
CASE_KEYS = {"duplicate_of"}
# ISO dates and times as stored (json default=str): "2026-12-05",
# "2026-12-06 03:58:34.149310+00:00". Shown dd/mm/yyyy (HH:MM local).
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
                          r"([+-]\d{2}:\d{2}|Z)?")


def label(key: str, entity: str = "") -> str:
    """The label of a stored key for an event about `entity`."""
    return ENTITY_LABELS.get(entity, {}).get(key) or LABELS.get(key, key)


def _iso(value: str) -> str:
    """An ISO date or time as officers read it; "" when it is not one."""
    try:
        if ISO_DATE.fullmatch(value):
            return fmt_date(date.fromisoformat(value))
        if ISO_DATETIME.fullmatch(value):
            moment = to_local(datetime.fromisoformat(value))
            return moment.strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return ""
    return ""


def account_name(user_id: object, names: dict[int, str] | None) -> str:
    """ "canbo.a (tài khoản số 2)", or "tài khoản số 2" when the account is
    gone: as the Đối tượng column names an account."""
    name = (names or {}).get(user_id) if isinstance(user_id, int) else None
    return f"{name} (tài khoản số {user_id})" if name else f"tài khoản số {user_id}"


def case_number(case_id: object, cases: dict[int, str] | None) -> str:
    """A case a value names, as `cases` (looked up by the caller for this
    viewer) shows it; never the internal id the event stores, which nobody
    knows the case by (trial finding). Not looked up: the id, labelled."""
    if cases is None:
        return f"mã số {case_id} trong hệ thống"
    return cases.get(case_id, "") or PURGED_CASE


# A case an event names that no longer exists.
PURGED_CASE = "hồ sơ đã xóa vĩnh viễn"


def user_refs(*texts: str) -> set[int]:
    """The account ids stored under USER_KEYS in before/after texts, for the
    caller to look up their names."""
    return _refs(USER_KEYS, texts)


def case_refs(*texts: str) -> set[int]:
    """The case ids stored under CASE_KEYS in before/after texts, for the
    caller to look up their numbers."""
    return _refs(CASE_KEYS, texts)


def _refs(keys: set[str], texts: tuple[str, ...]) -> set[int]:
    """The integer values stored under `keys` in JSON object texts."""
    found: set[int] = set()
    for text in texts:
        if not text or not any(f'"{k}"' in text for k in keys):
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if isinstance(data, dict):
            found |= {
                v for k, v in data.items()
                if k in keys and isinstance(v, int) and not isinstance(v, bool)
            }
    return found


# What an event is about, as the Đối tượng column names it.
ENTITIES = {
    "case": "Hồ sơ",
    # A refused access (services.case_refusals): the id alone, never looked up.
    "refused_case": "Hồ sơ",
    "user": "Tài khoản",
    "unit": "Đơn vị",
    "feedback": "Phản ánh",
    "delegation": "Giao quyền",
    "report": "Báo cáo",
    "auditevent": "Nhật ký",
}
# Lists of internal ids: an administrator reads how many, not the numbers.
ID_LISTS = {"acts", "ids", "item_ids"}


def entity_label(
    entity: str,
    entity_id: int | None,
    names: dict[int, str] | None = None,
    cases: dict[int, str] | None = None,
) -> str:
    """The Đối tượng column: a case by the number users know it by and an
    account by its login, as the caller looked them up for this viewer
    (trial finding: «Hồ sơ số 812» named the internal id, which no officer
    knows). Without a lookup, the kind and the id. A refused case is never
    looked up: it may be another unit's, and its number is that unit's."""
    name = ENTITIES.get(entity, entity)
    if not entity_id:
        return name
    if entity == "refused_case":
        return f"{name} {case_number(entity_id, None)}"
    if entity == "case" and cases is not None:
        return f"{name}: {case_number(entity_id, cases)}"
    if entity == "user" and (names or {}).get(entity_id):
        return f"{name} {names[entity_id]}"
    return f"{name} số {entity_id}"


def _value(
    key: str, value: object, entity: str = "", names: dict | None = None,
    cases: dict | None = None,
) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if value is None or value == "":
        return "—"
    if key in USER_KEYS and isinstance(value, int):
        return account_name(value, names)
    if key in CASE_KEYS and isinstance(value, int):
        return case_number(value, cases)
    if key == "roles" and isinstance(value, str):
        return ", ".join(Role.LABELS.get(r, r) for r in value.split(",") if r)
    if key == "action" and isinstance(value, str):
        return action_label(value)
    coded = ENTITY_CODED.get(entity, {}).get(key) or CODED.get(key)
    if coded and isinstance(value, str):
        return coded.get(value, value)
    if isinstance(value, list):
        if key in ID_LISTS:
            return f"{len(value)} mục"
        return ", ".join(
            _value(key, v, entity, names, cases) for v in value
        ) or "—"
    if isinstance(value, dict):
        return f"({readable_dict(value, entity, names, cases)})"
    if isinstance(value, str):
        shown = _iso(value)
        if shown:
            return shown
    return shown_value(key, value) or str(value)


def readable_dict(data: dict, entity: str = "", names: dict | None = None,
                  cases: dict | None = None) -> str:
    """ "Nhãn: giá trị" pairs. An empty object (an export without filters)
    says nothing and is left out, not shown as "Bộ lọc: {}" (user trial); a
    nested object is bracketed so that its pairs stay apart from the outer
    ones. `entity` picks the labels of keys that differ by entity (a unit's
    name is not a violator's); `names` maps account ids to usernames,
    `cases` case ids to what the viewer may read of them (case_number)."""
    return "; ".join(
        f"{label(k, entity)}: {_value(k, v, entity, names, cases)}"
        for k, v in data.items()
        if v != {}
    )


def changed_only(
    before: str, after: str, entity: str = "", names: dict | None = None,
    drop: dict | None = None, cases: dict | None = None,
) -> tuple[str, str]:
    """Before and after, each readable, keeping only the fields that differ
    when both are objects: a procedure step stores the whole case summary on
    both sides, and the one changed figure must not drown in the rest.
    `drop`: key/value pairs shown elsewhere (the event's reason, which a
    deletion also stores in its after: it was printed twice)."""
    try:
        old, new = json.loads(before or "null"), json.loads(after or "null")
    except ValueError:
        return (
            readable(before, entity, names, cases),
            readable(after, entity, names, cases),
        )
    for data in (old, new):
        if isinstance(data, dict):
            for k, v in (drop or {}).items():
                if data.get(k) == v:
                    del data[k]
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return (
            _shown(old, before, entity, names, cases),
            _shown(new, after, entity, names, cases),
        )
    keys = [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]
    return (
        readable_dict({k: old.get(k) for k in keys if k in old}, entity, names,
                      cases),
        readable_dict({k: new.get(k) for k in keys if k in new}, entity, names,
                      cases),
    )


def _shown(data: object, text: str, entity: str, names: dict | None,
           cases: dict | None = None) -> str:
    if not text:
        return ""
    if isinstance(data, dict):
        return readable_dict(data, entity, names, cases)
    return _value("", data, entity, names, cases)


def readable(text: str, entity: str = "", names: dict | None = None,
             cases: dict | None = None) -> str:
    """The stored JSON text as "Nhãn: giá trị; …"; other text unchanged."""
    if not text:
        return ""
    try:
        data = json.loads(text)
    except ValueError:
        return text
    return _shown(data, text, entity, names, cases)
