"""Account administration."""

import reflex as rx

from xlvphc.services import accounts
from xlvphc.services.access import Role
from xlvphc.state.session import SessionState


class AccountsState(SessionState):
    rows: list[dict] = []
    total: int = 0
    units: list[dict] = []
    query: str = ""
    issued_username: str = ""
    issued_password: str = ""

    def _load(self):
        ok, result = self._call(accounts.list_users, self.query, 1)
        if not ok:
            return result
        self.rows = result["rows"]
        self.total = result["total"]

    @rx.event
    def open(self):
        self.issued_username = self.issued_password = ""
        ok, result = self._call(accounts.unit_choices)
        if not ok:
            return result
        self.units = result
        return self._load()

    @rx.event
    def search(self, form: dict):
        self.query = str((form or {}).get("q") or "")[:100] \
            if isinstance(form, dict) else ""
        return self._load()

    @rx.event
    def create(self, form: dict):
        self.issued_username = self.issued_password = ""
        ok, result = self._call(accounts.create_user, form)
        if not ok:
            return result
        self.issued_username = result.username
        self.issued_password = result.password
        self._load()
        return rx.toast.success(f"Đã tạo tài khoản {result.username}.")

    @rx.event
    def reset_password(self, user_id: int):
        self.issued_username = self.issued_password = ""
        ok, result = self._call(accounts.reset_password, user_id)
        if not ok:
            return result
        self.issued_username = result.username
        self.issued_password = result.password
        self._load()


ROLE_OPTIONS = list(Role.LABELS.items())
