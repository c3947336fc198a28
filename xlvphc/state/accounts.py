"""Account administration: list, filter, create, edit, disable, enable,
unlock, reset password, bulk create from a list and hand out the passwords."""

import hashlib
import json
import time
from datetime import timedelta
from typing import ClassVar

import reflex as rx

from xlvphc.models.base import local_now
from xlvphc.services import account_import, accounts, signer_fit
from xlvphc.services.access import ALL_UNITS_ROLES, Role
from xlvphc.settings import SETTINGS
from xlvphc.state.session import SessionState
from xlvphc.state.unit_finder import UnitFinderMixin
from xlvphc.upload_guard import UPLOAD_REFUSED

FILTER_KEYS = ("q", "unit_id", "role", "status")
UPLOAD_ID = "danh-sach-tai-khoan"
MAX_UPLOAD = account_import.MAX_BYTES
SHOWN_ISSUED = 100


# The edit panel takes the create form's place at the top of the page.
EDIT_FORM_ID = "sua-tai-khoan"


def show_edit_form(user_id: object) -> str:
    """The script that brings the edit panel of `user_id` into sight and
    puts the cursor in its first box: "Sửa" is clicked far down the list,
    and the panel opening at the top went unseen (user trial, 1366×900).
    It waits, a frame at a time, for the panel of that very account: the
    one of an account edited before is still drawn when the script runs."""
    selector = json.dumps(f'#{EDIT_FORM_ID}[data-account="{int(user_id or 0)}"]')
    return (
        "(function show(tries) {"
        f"const form = document.querySelector({selector});"
        "if (!form) { if (tries > 0) requestAnimationFrame(() => show(tries - 1));"
        " return; }"
        "form.scrollIntoView({block: 'start'});"
        "const first = form.querySelector('input:not([type=hidden]), select');"
        "if (first) first.focus({preventScroll: true});"
        "})(60)"
    )


def _user_id(value: object) -> int:
    """An id the browser sent back; anything odd becomes 0 (refused later)."""
    if isinstance(value, str) and value.isdigit() and len(value) < 12:
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


class AccountsState(UnitFinderMixin, SessionState):
    # The three Đơn vị selects (create form, edit panel, list filter) and
    # their «Tìm đơn vị» boxes (state/unit_finder.py).
    UNIT_PICKERS: ClassVar[dict[str, str]] = {
        "unit_id": "units",
        "edit_unit_id": "units",
        "loc_unit_id": "units",
    }
    rows: list[dict] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    units: list[dict] = []
    # The signer titles of the unit picked in the create and the edit form
    # (services.signer_fit): only titles of that unit are offered.
    create_signers: list[dict] = []
    edit_signers: list[dict] = []
    # Bumped at each unit picked: the signer select is drawn again with no
    # title chosen. Otherwise the browser kept the place of the old choice
    # and showed the new unit's title there (user trial: Chủ tịch UBND xã
    # became "Trưởng Công an cấp xã" when Công an xã was picked, and was
    # saved without being chosen).
    create_unit_picks: int = 0
    edit_unit_picks: int = 0
    # The title the edit panel's select starts from: the saved one, none
    # once another unit is picked.
    edit_signer_default: str = ""
    roles: list[dict] = []
    # Whether the roles offered include one that reaches every unit: the
    # form then says those go to province-level accounts only.
    wide_roles_offered: bool = False
    filters: dict[str, str] = {}
    # The account open in the edit panel (a public row, never the hash).
    editing: dict = {}
    # One-time passwords issued since this page was opened, newest first,
    # shown to the administrator to hand over: every account created or reset
    # stays listed until "Xóa danh sách" or leaving the page. They live in
    # this page's state only: never in the database, a file or the log.
    issued: list[dict] = []
    issued_count: int = 0
    uploading: bool = False
    # Changed after each account made: the create form is drawn again empty,
    # so a second click cannot submit the same person twice.
    create_form_key: int = 0
    _issued: list[accounts.IssuedPassword] = []
    # A digest of the last form that created an account, and when: a double
    # click sends it twice before the form is drawn again, and the second
    # copy must not come back as "Tên đăng nhập này đã có người dùng."
    _created_form: str = ""
    _created_at: float = 0.0
    # The account whose reset or lock awaits confirmation in the dialog (a
    # row listed on this screen), and what is asked: "reset" or "disable".
    # The dialog's button acts on this server-side copy, once: a success
    # clears it, so the second click of a double click finds nothing to do
    # (Reflex runs one browser's events one after another).
    confirm_id: int = 0
    confirm_kind: str = ""
    confirm_username: str = ""
    confirm_full_name: str = ""
    # True while the confirmed action runs: the button cannot be pressed.
    acting: bool = False

    async def _load(self):
        await self._prune_issued()
        ok, result = await self._call_in_thread(
            accounts.list_users, self.filters, self.page
        )
        if not ok:
            return result
        self.rows = result["rows"]
        self.total = result["total"]
        self.page = result["page"]
        self.pages = result["pages"]

    def _add_issued(self, new: list[accounts.IssuedPassword], kind: str) -> None:
        """Put the passwords just issued on top of those issued earlier in
        this page session: making five accounts in a row must not hide the
        first four passwords before they are written down."""
        expires = (
            local_now() + timedelta(hours=SETTINGS.issued_password_hours)
        ).strftime("%H:%M ngày %d/%m/%Y")
        rows = [
            {
                "user_id": i.user_id,
                "username": i.username,
                "full_name": i.full_name,
                "unit_name": i.unit_name,
                "password": i.password,
                "expires": expires,
                "kind": kind,
            }
            for i in reversed(new)
        ]
        # A reset supersedes the account's earlier password: only the live
        # one stays listed (and printed), never the dead one beside it.
        fresh = {i.user_id for i in new}
        self._issued = [
            *reversed(new),
            *(i for i in self._issued if i.user_id not in fresh),
        ]
        self.issued_count = len(self._issued)
        self.issued = [
            *rows,
            *(r for r in self.issued if r.get("user_id") not in fresh),
        ][:SHOWN_ISSUED]

    async def _prune_issued(self) -> None:
        """Drop the passwords that no longer work (reset again, or changed by
        their owner) whenever the list is read again, as the slips leave
        them out (account_import.live_issued)."""
        if not self._issued:
            return
        ok, live = await self._call_in_thread(
            account_import.live_issued, list(self._issued)
        )
        if not ok:
            return
        kept = {(i.user_id, i.password) for i in live}
        if len(kept) == len(self._issued):
            return
        self._issued = [i for i in self._issued if (i.user_id, i.password) in kept]
        self.issued_count = len(self._issued)
        self.issued = [
            r for r in self.issued if (r.get("user_id"), r.get("password")) in kept
        ]

    def _clear_issued(self) -> None:
        self._issued = []
        self.issued_count = 0
        self.issued = []

    @rx.event
    async def open(self):
        self.editing = {}
        self.confirm_id, self.confirm_kind = 0, ""
        self.rows, self.units, self.roles = [], [], []
        self._clear_issued()
        ok, result = await self._call_in_thread(accounts.unit_choices)
        if not ok:
            return result
        self.units = result
        self._refind_units()
        ok, result = await self._call_in_thread(accounts.role_choices)
        if not ok:
            return result
        self.roles = result
        self.wide_roles_offered = any(
            r.get("id") in ALL_UNITS_ROLES for r in result if isinstance(r, dict)
        )
        self.page = 1
        return await self._load()

    @rx.event
    async def search(self, form: dict):
        form = form if isinstance(form, dict) else {}
        self.filters = {
            k: str(form.get(k if k == "q" else f"loc_{k}") or "")[:100]
            for k in FILTER_KEYS
        }
        self.page = 1
        return await self._load()

    @rx.event
    async def next_page(self):
        if self.page < self.pages:
            self.page += 1
        return await self._load()

    @rx.event
    async def previous_page(self):
        if self.page > 1:
            self.page -= 1
        return await self._load()

    @rx.event
    async def create(self, form: dict):
        """bcrypt runs in a thread."""
        digest = hashlib.sha256(
            json.dumps(form, sort_keys=True, default=str).encode()
        ).hexdigest()
        if digest == self._created_form and time.monotonic() - self._created_at < 10:
            return None
        ok, result = await self._call_in_thread(accounts.create_user, form)
        if not ok:
            return result
        self._created_form, self._created_at = digest, time.monotonic()
        self._add_issued([result], "Tạo mới")
        self.create_form_key += 1
        self.create_signers = []
        self._keep_unit("unit_id", "")
        self._forget_search("unit_id")
        await self._load()
        return rx.toast.success(f"Đã tạo tài khoản {result.username}.")

    @rx.event
    async def start_edit(self, user_id: int):
        self.editing = {}
        ok, result = await self._call_in_thread(accounts.get_user, _user_id(user_id))
        if not ok:
            return result
        # The titles first: the panel is drawn with its choices in place.
        ok, options = await self._call_in_thread(
            signer_fit.account_choices, result.get("unit_id")
        )
        self.edit_signers = options if ok else []
        self.edit_signer_default = str(result.get("signer_title") or "")
        self._keep_unit("edit_unit_id", str(result.get("unit_id") or ""))
        self.editing = result
        return rx.call_script(show_edit_form(result.get("id")))

    async def _signers_of(self, unit_id: object) -> list[dict]:
        """The titles of a unit picked in a form. The messages of the last
        save stay: picking a unit is no new attempt."""
        value = unit_id if isinstance(unit_id, str) else ""
        if not value:
            return []
        held = (self.errors, self.message)
        ok, options = await self._call_in_thread(signer_fit.account_choices, value)
        if not ok or not isinstance(options, list):
            return []
        if any(held):
            self.errors, self.message = held
        return options

    @rx.event
    async def pick_create_unit(self, unit_id: str):
        """The create form's unit changed: offer that unit's titles, none
        of them chosen."""
        self.create_signers = await self._signers_of(unit_id)
        self.create_unit_picks += 1
        self._keep_unit("unit_id", unit_id)

    @rx.event
    async def pick_edit_unit(self, unit_id: str):
        """The edit panel's unit changed: offer that unit's titles, none
        of them chosen (not even the saved one, if the new unit has it)."""
        self.edit_signers = await self._signers_of(unit_id)
        self.edit_signer_default = ""
        self.edit_unit_picks += 1
        self._keep_unit("edit_unit_id", unit_id)

    @rx.event
    def cancel_edit(self):
        self.editing = {}
        self.errors = {}

    @rx.event
    async def save_edit(self, form: dict):
        """The id comes from the server-side copy of the row being edited,
        never from the form."""
        user_id = self.editing.get("id", 0)
        ok, result = await self._call_in_thread(accounts.update_user, user_id, form)
        if not ok:
            return result
        self.editing = {}
        await self._load()
        return rx.toast.success("Đã lưu tài khoản.")

    async def _act(self, fn, user_id, *args, done: str):
        ok, result = await self._call_in_thread(fn, _user_id(user_id), *args)
        if not ok:
            return result
        await self._load()
        return rx.toast.success(done)

    @rx.event
    async def disable(self, user_id: int):
        return await self._act(
            accounts.set_active,
            user_id,
            False,
            done="Đã khóa tài khoản; mọi phiên làm việc đã kết thúc.",
        )

    @rx.event
    async def enable(self, user_id: int):
        return await self._act(
            accounts.set_active, user_id, True, done="Đã mở lại tài khoản."
        )

    @rx.event
    async def unlock(self, user_id: int):
        return await self._act(accounts.unlock, user_id, done="Đã mở khóa đăng nhập.")

    @rx.event
    async def reset_password(self, user_id: int):
        ok, result = await self._call_in_thread(
            accounts.reset_password, _user_id(user_id)
        )
        if not ok:
            return result
        self._add_issued([result], "Cấp lại")
        await self._load()

    def _ask(self, user_id: object, kind: str) -> None:
        """Open the confirmation for an account listed on this screen."""
        uid = _user_id(user_id)
        row = next((r for r in self.rows if r.get("id") == uid), None) if uid else None
        self.confirm_id = row["id"] if row else 0
        self.confirm_kind = kind if row else ""
        self.confirm_username = row["username"] if row else ""
        self.confirm_full_name = row["full_name"] if row else ""
        self.errors = {}
        self.message = ""

    @rx.event
    def ask_reset(self, user_id: int):
        """«Cấp lại mật khẩu» asks first: the old password stops working."""
        self._ask(user_id, "reset")

    @rx.event
    def ask_disable(self, user_id: int):
        """«Khóa tài khoản» asks first: the person is logged out at once."""
        self._ask(user_id, "disable")

    @rx.event
    def confirm_dialog(self, value: bool):
        """Escape, a click outside or «Không» closes the dialog."""
        if not value and not self.acting:
            self.confirm_id = 0
            self.confirm_kind = ""

    @rx.event
    async def confirm_action(self):
        """The dialog's button: acts once on the account asked about. The
        button is disabled while the service runs, and a success closes the
        request, so a second click finds nothing to do. A refusal keeps the
        dialog open with its reason."""
        uid, kind = self.confirm_id, self.confirm_kind
        if self.acting or not uid or kind not in ("reset", "disable"):
            return
        self.acting = True
        yield
        try:
            if kind == "reset":
                ok, result = await self._call_in_thread(accounts.reset_password, uid)
            else:
                ok, result = await self._call_in_thread(accounts.set_active, uid, False)
        finally:
            self.acting = False
        if not ok:
            yield result
            return
        self.confirm_id, self.confirm_kind = 0, ""
        if kind == "reset":
            self._add_issued([result], "Cấp lại")
            done = (
                f"Đã cấp lại mật khẩu cho {result.username}; mật khẩu cũ hết hiệu lực."
            )
        else:
            done = "Đã khóa tài khoản; mọi phiên làm việc đã kết thúc."
        await self._load()
        yield rx.toast.success(done)

    def _forget_list(self) -> None:
        self.errors = {k: v for k, v in self.errors.items() if k != "file"}
        self.message = ""

    @rx.event
    def upload_starting(self):
        """Sent just before a list goes up: the rows the previous list was
        refused for leave the page, so that an upload the guard refuses
        (403, upload_list never runs) does not show them as the new list's."""
        self._forget_list()

    @rx.event
    def upload_refused(self):
        """The upload guard refused the list (upload_guard.refusal_trigger):
        said where the list's problems are shown."""
        self._forget_list()
        self.errors = {**self.errors, "file": UPLOAD_REFUSED}

    @rx.event
    async def upload_list(self, files: list[rx.UploadFile]):
        """The list is read into memory and parsed; nothing is written to the
        (public) upload directory."""
        upload = files[0] if isinstance(files, list) and len(files) == 1 else None
        if not isinstance(upload, rx.UploadFile):
            self.message = "Vui lòng chọn đúng một tệp danh sách."
            return
        data = await upload.read(MAX_UPLOAD + 1)
        self.uploading = True
        yield
        ok, result = await self._call_in_thread(
            account_import.bulk_create, str(upload.name or "")[:200], data
        )
        self.uploading = False
        if not ok:
            yield result
            return
        self._add_issued(result, "Tạo mới")
        await self._load()
        yield rx.toast.success(f"Đã tạo {len(result)} tài khoản.")

    @rx.event
    async def download_passwords(self, kind: str):
        """The passwords just issued, as XLSX or as printable PDF slips."""
        if not self._issued:
            return
        fn = (
            account_import.passwords_pdf
            if kind == "pdf"
            else account_import.passwords_xlsx
        )
        ok, result = await self._call_in_thread(fn, list(self._issued))
        if not ok:
            return result
        filename, data = result
        mime = (
            "application/pdf"
            if kind == "pdf"
            else ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        )
        return rx.download(data=data, filename=filename, mime_type=mime)

    @rx.event
    def forget_passwords(self):
        """Clear the issued passwords from the screen once written down or
        handed over."""
        self._clear_issued()

    @rx.event
    async def download_template(self):
        ok, result = await self._call_in_thread(accounts.role_choices)
        if not ok:
            return result
        return rx.download(
            data=account_import.template_csv(),
            filename="mau-danh-sach-tai-khoan.csv",
            mime_type="text/csv",
        )


ROLE_OPTIONS = list(Role.LABELS.items())
STATUS_OPTIONS = [
    ("active", "Đang hoạt động"),
    ("disabled", "Đã khóa"),
    ("locked", "Bị khóa do nhập sai"),
    ("pending", "Chờ đổi mật khẩu"),
]
