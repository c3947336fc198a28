"""An administrator opening a case or statistics page is told that such data
is read with another kind of account, not to ask for more roles (trial
defect: the first administrator on /thong-ke, /bao-cao, /theo-doi, /ho-so)."""

import json

from xlvphc.components.guard import (
    ADMIN_ONLY_TEXT,
    ROLE_MISSING_TEXT,
    admin_only,
    forbidden_panel,
)
from xlvphc.services.access import Action


def _rendered(component) -> str:
    return str(component.render())


def _texts(tree) -> list[str]:
    """The text contents of a rendered component, decoded."""
    if isinstance(tree, dict):
        found = [json.loads(tree["contents"])] if tree.get("contents") else []
        return found + [t for v in tree.values() for t in _texts(v)]
    if isinstance(tree, list):
        return [t for v in tree for t in _texts(v)]
    return []


def test_only_administration_roles_count_as_admin_only(people):
    assert admin_only(people["quantri"].permissions())
    assert admin_only([Action.ACCOUNT_MANAGE, Action.FEEDBACK_SEND])  # unit admin
    for name in ("canbo.a", "giamsat"):
        assert not admin_only(people[name].permissions())
    # An administrator who also leads sees statistics: the usual panel.
    assert not admin_only([Action.ACCOUNT_MANAGE, Action.DASHBOARD_READ])
    assert not admin_only([Action.ACCOUNT_MANAGE, Action.CASE_READ])


def test_admin_panel_names_the_accounts_to_use_and_where_to_make_them():
    assert "quản lý đơn vị và tài khoản" in ADMIN_ONLY_TEXT
    assert "cán bộ nhập liệu, giám sát hoặc lãnh đạo" in ADMIN_ONLY_TEXT
    assert "«Tài khoản»" in ADMIN_ONLY_TEXT
    assert "cấp thêm vai trò" not in ADMIN_ONLY_TEXT
    page = _rendered(forbidden_panel())
    # Both texts are in the page; the browser shows one by the permissions.
    texts = _texts(forbidden_panel().render())
    assert ADMIN_ONLY_TEXT in texts and ROLE_MISSING_TEXT in texts
    assert 'includes("account.manage")' in page
    assert 'id:"den-tai-khoan"' in page
    assert 'id:"ve-trang-chinh"' in page
