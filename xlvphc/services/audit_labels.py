"""What the audit trail's codes read as, in Vietnamese.

Services write short English codes into AuditEvent.action ("case.printed",
"procedure.payment") and sometimes a machine reason ("MBB01 final", "wrong
password"): stable keys for filtering and for tools. Officers never read
those: the case history ("Lịch sử thay đổi") and the audit log page show
`describe(action, reason)`. Every code a service writes must have a label
here; tests/services/test_audit_labels.py finds every `audit.record` call
and the procedure table and checks it.
"""

from functools import cache

ACTION_LABELS = {
    # Sign-in and sessions.
    "login": "Đăng nhập",
    "login.failed": "Đăng nhập không thành công",
    "logout": "Đăng xuất",
    "session.expired": "Phiên làm việc hết hạn",
    "password.changed": "Đổi mật khẩu",
    # Accounts.
    "account.locked": "Khóa tài khoản (nhập sai mật khẩu nhiều lần)",
    "account.unlocked": "Mở khóa tài khoản",
    "account.created": "Tạo tài khoản",
    "account.bulk_created": "Tạo tài khoản hàng loạt",
    "account.updated": "Sửa tài khoản",
    "account.disabled": "Khóa tài khoản (quản trị khóa)",
    "account.enabled": "Mở lại tài khoản",
    "account.disabled_inactive": "Tự động vô hiệu hóa (lâu không sử dụng)",
    "account.password_reset": "Cấp lại mật khẩu",
    "account.passwords_exported": "Xuất danh sách mật khẩu cấp",
    "account.bootstrap": "Tạo quản trị viên đầu tiên",
    # Units.
    "unit.created": "Tạo đơn vị",
    "unit.renamed": "Đổi tên đơn vị",
    "unit.merged": "Sáp nhập đơn vị",
    "unit.deactivated": "Ngừng hoạt động đơn vị",
    "unit.activated": "Hoạt động lại đơn vị",
    # Cases.
    "case.created": "Lập hồ sơ và biên bản",
    "case.read": "Xem hồ sơ",
    "case.refused": "Bị từ chối truy cập hồ sơ",
    "case.edited": "Sửa hồ sơ",
    "case.deleted": "Xóa hồ sơ vào thùng rác",
    "case.restored": "Khôi phục hồ sơ từ thùng rác",
    "case.purged": "Hủy hồ sơ vĩnh viễn",
    "case.printed": "In biểu mẫu",
    "case.exported": "Xuất danh sách hồ sơ ra Excel",
    "case.imported": "Nhập hồ sơ từ sổ Excel",
    "case.import_run": "Nhập sổ Excel",
    "decision.issued": "Ra quyết định xử phạt",
    "decision.without_record": "Xử phạt không lập biên bản (mẫu MQĐ01)",
    # Delegation register (Law Art. 54).
    "delegation.registered": "Vào sổ giao quyền xử phạt",
    "delegation.ended": "Chấm dứt giao quyền xử phạt",
    "delegation.printed": "In quyết định giao quyền",
    # Feedback, reports, the log itself.
    "feedback.sent": "Gửi phản ánh",
    "feedback.answered": "Trả lời phản ánh",
    "feedback.screenshot": "Xem ảnh chụp kèm phản ánh",
    "feedback.exported": "Xuất danh sách phản ánh",
    "report.exported": "Xuất báo cáo thống kê",
    "audit.exported": "Xuất nhật ký",
}

# The print mode written after the form code ("MBB01 final").
PRINT_MODES = {
    "final": "bản chính thức",
    "draft": "bản dự thảo",
    "blank": "mẫu trắng",
}
# Print events: the heading names the form ("In biểu mẫu MBB01 (…)").
PRINT_ACTIONS = {
    "case.printed": "In biểu mẫu",
    "delegation.printed": "In quyết định giao quyền, mẫu",
}

# What a refused access to a case attempted (services/case_refusals.py
# stores the access action as its reason).
REFUSED_ATTEMPTS = {
    "case.read": "xem hồ sơ",
    "case.write": "nhập, sửa hồ sơ hoặc ghi bước xử lý",
    "case.delete": "xóa hồ sơ hoặc khôi phục từ thùng rác",
    "case.purge": "hủy hồ sơ vĩnh viễn",
    "case.print": "in biểu mẫu",
    "case.export": "xuất hồ sơ",
    "decision.sign": "ký quyết định",
}

# Machine reasons of sign-in and session events (services/auth.py).
REASON_LABELS = {
    "unknown user": "tên đăng nhập không tồn tại",
    "wrong password": "sai mật khẩu",
    "locked": "tài khoản đang bị khóa",
    "disabled": "tài khoản đã bị vô hiệu hóa",
    "issued password expired": "mật khẩu cấp một lần đã hết hạn",
    "idle": "không thao tác quá thời gian cho phép",
    "absolute lifetime": "hết thời gian tối đa của một phiên",
}


@cache
def all_labels() -> dict[str, str]:
    """Every action code the application writes, with its label: the table
    above, and one code per procedure step that `perform` records
    ("procedure.<step>", services/procedure/transitions.py), read by the
    label the officer clicked. A step without a handler is a door to
    another service and writes that service's code: "decide" is recorded
    as "decision.issued", and listing both gave the log's action filter
    «Ra quyết định xử phạt» twice (user trial)."""
    # Imported here: the procedure package imports the services that record
    # audit events, which must not import it back at load time. Importing
    # the package registers every step's handler.
    import xlvphc.services.procedure  # noqa: F401
    from xlvphc.services.procedure.transitions import REGISTRY, RULES

    steps = {
        f"procedure.{code}": rule.label
        for code, rule in RULES.items()
        if code in REGISTRY
    }
    return {**ACTION_LABELS, **steps}


def action_label(action: str) -> str:
    """The label of a code; an unknown code (an older release's) as is."""
    label = all_labels().get(action)
    if label is None and action.startswith("procedure."):
        from xlvphc.services.procedure.transitions import RULES

        rule = RULES.get(action.removeprefix("procedure."))
        label = rule.label if rule else None
    return label or action


def describe(action: str, reason: str) -> tuple[str, str]:
    """(heading, reason) of an event as an officer reads them.

    A print names its form and mode in the heading ("In biểu mẫu MBB01
    (bản chính thức)") and keeps no reason; a sign-in reason and a refused
    case access's attempt are translated; any other reason is the text a
    person typed and is shown unchanged.
    """
    label = action_label(action)
    if action in PRINT_ACTIONS:
        form, _, mode = (reason or "").partition(" ")
        if form:
            shown = PRINT_MODES.get(mode, mode)
            label = f"{PRINT_ACTIONS[action]} {form}"
            label += f" ({shown})" if shown else ""
            return label, ""
    if action == "case.refused":
        # The attempt alone: the log page and its export label the reason
        # «Lý do» as for every row ("Thao tác: …" read «Lý do: Thao tác: …»).
        return label, REFUSED_ATTEMPTS.get(reason, reason)
    return label, REASON_LABELS.get(reason, reason)
