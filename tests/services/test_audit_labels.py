"""Every audit code the services write reads in Vietnamese (audit_labels):
the case history and the audit log page never show "case.printed" or
"procedure.instalments" to an officer."""

import ast
from pathlib import Path

import pytest

from tests.services.conftest import case_form, decision_form
from xlvphc.models import Case
from xlvphc.services import audit_labels, audit_log, case_edit, cases, printing
from xlvphc.services.audit_labels import action_label, all_labels, describe
from xlvphc.services.db import session_scope
from xlvphc.services.procedure import perform
from xlvphc.services.procedure.transitions import REGISTRY, RULES

SOURCE = Path(__file__).resolve().parents[2] / "xlvphc"
WRITER = SOURCE / "services" / "audit.py"


def _strings(node: ast.AST) -> list[str]:
    """The literal codes an expression can give ("a" if x else "b" too)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def _written_codes() -> tuple[set[str], set[str]]:
    """(literal codes, f-string prefixes) of every `audit.record(...)` call
    and every `action="…"` keyword (bulk inserts) under xlvphc/."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        if path == WRITER:
            continue  # passes its caller's code through
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            args: list[ast.AST] = []
            if isinstance(func, ast.Attribute) and func.attr == "record" and (
                isinstance(func.value, ast.Name) and func.value.id == "audit"
            ):
                args = node.args[2:3]
            args += [k.value for k in node.keywords if k.arg == "action"]
            for arg in args:
                found = _strings(arg)
                literal.update(found)
                if isinstance(arg, ast.JoinedStr):
                    head = arg.values[0]
                    assert isinstance(head, ast.Constant), f"{path}: {ast.dump(arg)}"
                    prefixes.add(head.value)
                elif not found:
                    pytest.fail(f"{path}:{node.lineno}: audit code not literal")
    return literal, prefixes


def test_every_code_written_anywhere_has_a_vietnamese_label():
    literal, prefixes = _written_codes()
    # The scan finds the writers it must (a scan finding nothing passes).
    assert {"case.printed", "login.failed", "case.imported"} <= literal
    assert prefixes == {"procedure."}

    codes = literal | {f"procedure.{code}" for code in REGISTRY}
    labels = all_labels()
    missing = sorted(code for code in codes if code not in labels)
    assert not missing, f"audit codes without a label: {missing}"
    for code in codes:
        label = labels[code]
        assert label != code and "." not in label and "_" not in label, code
        assert label[0].isupper(), code
    # Nothing dead in the table either: each label belongs to a written code.
    assert set(audit_labels.ACTION_LABELS) <= codes


def test_labels_of_the_steps_the_tester_saw():
    assert action_label("procedure.instalments") == "Cho nộp tiền phạt nhiều lần"
    assert action_label("procedure.payment") == "Ghi nhận nộp tiền phạt"
    assert action_label("procedure.close_executed") == "Kết thúc: đã chấp hành xong"
    assert describe("case.printed", "MBB01 final") == (
        "In biểu mẫu MBB01 (bản chính thức)", ""
    )
    assert describe("case.printed", "MQĐ02 draft") == (
        "In biểu mẫu MQĐ02 (bản dự thảo)", ""
    )
    assert describe("login.failed", "wrong password") == (
        "Đăng nhập không thành công", "sai mật khẩu"
    )
    # A reason a person typed is theirs, unchanged.
    assert describe("case.deleted", "Nhập trùng") == (
        "Xóa hồ sơ vào thùng rác", "Nhập trùng"
    )


def _version(case_id: int) -> int:
    with session_scope() as session:
        return session.get(Case, case_id).version


def test_case_history_and_audit_log_show_labels_not_codes(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    cases.issue_decision(officer, case_id, decision_form(version=_version(case_id)))
    perform(officer, case_id, "send", {
        "version": _version(case_id), "on": decision_form()["decided_on"],
        "code": "direct"})
    perform(officer, case_id, "payment", {
        "version": _version(case_id), "on": decision_form()["decided_on"],
        "amount": "200000"})
    printing.print_form(officer, case_id, "MQĐ02", "final")

    history = case_edit.case_history(officer, case_id)
    headings = [entry["action"] for entry in history]
    assert headings[:4] == [
        "In biểu mẫu MQĐ02 (bản chính thức)",
        "Ghi nhận nộp tiền phạt",
        "Gửi quyết định",
        "Ra quyết định xử phạt",
    ]
    # A step's changes read as values, not stored codes or ISO dates.
    paid = {c["field"]: (c["before"], c["after"]) for c in history[1]["changes"]}
    assert paid["Đã nộp"] == ("0 đồng", "200.000 đồng")
    sent = {c["field"]: c["after"] for c in history[2]["changes"]}
    assert sent["Ngày nhận quyết định"] == decision_form()["decided_on"]
    assert headings[-1] == "Lập hồ sơ và biên bản"
    assert all(entry["reason"] != "MQĐ02 final" for entry in history)

    rows = audit_log.search(people["giamsat"], {"action": "procedure.send"})["rows"]
    assert [r["action"] for r in rows] == ["Gửi quyết định"]
    choices = {c["id"]: c["name"] for c in audit_log.action_choices()}
    assert choices["procedure.instalments"] == "Cho nộp tiền phạt nhiều lần"


def test_the_action_filter_names_each_action_once():
    """Trial: «Ra quyết định xử phạt» twice in the filter ("decision.issued"
    and the "decide" step, which perform never records)."""
    names = [c["name"] for c in audit_log.action_choices()]
    assert len(names) == len(set(names))
    ids = {c["id"] for c in audit_log.action_choices()}
    assert "decision.issued" in ids and "procedure.decide" not in ids
    assert "procedure.payment" in ids
    # A stray row of the unrecorded step still reads in Vietnamese.
    assert RULES["decide"].label == action_label("procedure.decide")
