"""Creating many accounts from a list (CSV or XLSX) before the training
conference, and handing out the one-time passwords as a spreadsheet or as
printable slips.

The upload is read from memory and never written to disk (files in Reflex's
upload directory are public, security.md 2.6). The whole list is created in
one transaction or not at all, so a mistake on row 37 does not leave half a
unit with accounts.
"""

import csv
import io
import logging
from datetime import datetime, timedelta
from pathlib import Path

from fpdf import FPDF
from openpyxl import load_workbook
from sqlmodel import select

from xlvphc.domain.text import clean, fold
from xlvphc.models import Unit, User
from xlvphc.models.base import local_now, to_local, utcnow
from xlvphc.models.units import UnitKind
from xlvphc.services import audit
from xlvphc.services.access import (
    POLICY,
    Action,
    Actor,
    Role,
    require,
    visible_units,
)
from xlvphc.services.accounts import IssuedPassword, _read
from xlvphc.services.audit_log import xlsx_bytes
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ServiceError, ValidationFailed
from xlvphc.services.passwords import hash_password, issue_password
from xlvphc.settings import SETTINGS

log = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"

# Column titles accepted (folded), English or Vietnamese.
HEADERS = {
    "username": "username",
    "ten dang nhap": "username",
    "full_name": "full_name",
    "ho va ten": "full_name",
    "ho ten": "full_name",
    "title": "title",
    "chuc danh": "title",
    "unit_code": "unit_code",
    "ma don vi": "unit_code",
    "roles": "roles",
    "vai tro": "roles",
    "signer_title": "signer_title",
    "chuc danh ky": "signer_title",
    "ma chuc danh ky": "signer_title",
}
_ROLE_BY_LABEL = {fold(label): code for code, label in Role.LABELS.items()}
# Columns passed to accounts._read uncleaned (read_rows).
_AS_TYPED = frozenset({"full_name", "title"})


def _refuse(message: str) -> ValidationFailed:
    return ValidationFailed({"file": message})


def _table(filename: object, data: object) -> list[list[str]]:
    """Rows of text cells; the format is judged by the bytes, not the name."""
    if not isinstance(data, bytes | bytearray) or not data:
        raise _refuse("Vui lòng chọn tệp danh sách (CSV hoặc XLSX).")
    if len(data) > MAX_BYTES:
        raise _refuse("Tệp quá lớn (tối đa 2 MB).")
    if bytes(data[:4]) == b"PK\x03\x04":
        try:
            book = load_workbook(
                io.BytesIO(bytes(data)), read_only=True, data_only=True
            )
            sheet = book.worksheets[0]
            rows = [
                ["" if v is None else str(v) for v in row]
                for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)
            ]
            book.close()
            return rows
        except Exception:  # a broken or hostile workbook
            log.info("bulk import: unreadable workbook")
            raise _refuse("Không đọc được tệp XLSX.") from None
    try:
        text = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse("Tệp CSV phải lưu với bảng mã UTF-8.") from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))[: MAX_ROWS + 2]


def _roles(text: str) -> str:
    codes = []
    for part in text.replace(";", ",").split(","):
        key = fold(clean(part, 60))
        code = key if key in POLICY else _ROLE_BY_LABEL.get(key, key)
        if code:
            codes.append(code)
    return ",".join(codes)


def read_rows(filename: object, data: object) -> list[dict]:
    """The list as dicts keyed by field name; blank lines dropped."""
    table = [r for r in _table(filename, data) if any(clean(c) for c in r)]
    if not table:
        raise _refuse("Tệp không có dòng nào.")
    header = [HEADERS.get(fold(clean(h, 40)), "") for h in table[0]]
    missing = {"username", "full_name", "unit_code", "roles"} - set(header)
    if missing:
        raise _refuse(
            "Thiếu cột: Tên đăng nhập, Họ và tên, Mã đơn vị, Vai trò (xem tệp mẫu)."
        )
    if len(table) - 1 > MAX_ROWS:
        raise _refuse(f"Tối đa {MAX_ROWS} tài khoản mỗi lần.")
    rows = []
    for line in table[1:]:
        # The name and the title are read as typed, by the form's rules
        # (accounts._read, inputs.read_name): cleaned here, a hidden control
        # character in them was dropped silently instead of refused.
        row = {
            key: line[i] if key in _AS_TYPED else clean(line[i], 200)
            for i, key in enumerate(header)
            if key and i < len(line)
        }
        row["roles"] = _roles(row.get("roles", ""))
        rows.append(row)
    return rows


def _repeats(rows: list[dict]) -> dict[str, list[int]]:
    """The file's lines of each user name written more than once (line 2 =
    first data row), compared as the form stores it (lower case)."""
    lines: dict[str, list[int]] = {}
    for line, row in enumerate(rows, start=2):
        username = clean(row.get("username"), 70).lower()
        if username:
            lines.setdefault(username, []).append(line)
    return {name: found for name, found in lines.items() if len(found) > 1}


def _repeat_message(username: str, lines: list[int]) -> str:
    """ "Tên đăng nhập an.nv có 2 lần trong tệp (dòng 2 và 5)." The second
    row got "already in use" (the first was just created), which sent the
    administrator looking for an account that did not exist (user trial)."""
    shown = ", ".join(str(n) for n in lines[:-1]) + f" và {lines[-1]}"
    return (
        f"Tên đăng nhập {username} có {len(lines)} lần trong tệp (dòng {shown}): "
        "mỗi tài khoản một tên đăng nhập."
    )


def _unit_problem(
    code: str, unit: Unit | None, scope: frozenset[int] | None
) -> str:
    """Why a row's unit code is refused, said of the code typed; "" when
    `_read` may judge it. A unit outside the administrator's scope reads
    as one that does not exist: a unit administrator learns nothing of the
    codes beyond their own branch."""
    if not code:
        return "Vui lòng nhập mã đơn vị."
    code = code[:40]  # the longest a unit's code is
    if unit is None or (scope is not None and unit.id not in scope):
        return f"Mã đơn vị {code} không có trong các đơn vị bạn quản lý."
    if not unit.active:
        return f"Đơn vị mã {code} ({unit.name}) đã ngừng hoạt động."
    if unit.kind == UnitKind.COMMUNE:
        return (
            f"Mã {code} là của {unit.name}, một địa bàn: tài khoản thuộc Ủy ban "
            "nhân dân hoặc Công an của xã, phường (mã của đơn vị đó)."
        )
    return ""


def bulk_create(actor: Actor, filename: object, data: object) -> list[IssuedPassword]:
    """Every row checked with the same rules as the single form; on any error
    nothing is created and the errors name the rows (line 2 = first data row)."""
    require(actor, Action.ACCOUNT_MANAGE)
    rows = read_rows(filename, data)
    issued: list[IssuedPassword] = []
    with session_scope() as session:
        units = {unit.code: unit for unit in session.exec(select(Unit))}
        scope = visible_units(actor, Action.ACCOUNT_MANAGE)
        repeats = _repeats(rows)
        problems: list[str] = []
        for line, row in enumerate(rows, start=2):
            code = row.get("unit_code", "").upper()
            unit = units.get(code)
            form = dict(row, unit_id=unit.id if unit else None)
            try:
                values = _read(session, actor, form, None)
                errors: dict[str, str] = {}
            except ValidationFailed as exc:
                errors = dict(exc.errors)
            # The import's own words for what `_read` says as of the form.
            if "unit_id" in errors and (said := _unit_problem(code, unit, scope)):
                errors["unit_id"] = said
            username = clean(row.get("username"), 70).lower()
            lines = repeats.get(username, [])
            if lines and line != lines[0]:
                errors["username"] = _repeat_message(username, lines)
            if errors:
                problems.append(f"Dòng {line}: " + " ".join(errors.values()))
                continue
            password = issue_password()
            user = User(
                **values,
                password_hash=hash_password(password),
                must_change_password=True,
                password_issued_at=utcnow(),
            )
            session.add(user)
            session.flush()
            issued.append(
                IssuedPassword(
                    user.id,
                    user.username,
                    password,
                    user.full_name,
                    unit.name,
                    user.password_issued_at,
                )
            )
        if problems:
            session.rollback()
            raise ValidationFailed({"file": "\n".join(problems[:50])})
        audit.record(
            session,
            actor,
            "account.bulk_created",
            entity="user",
            after={"count": len(issued), "ids": [i.user_id for i in issued]},
        )
    log.info("user=%s bulk-created %s accounts", actor.user_id, len(issued))
    return issued


def _same_time(a: datetime | None, b: datetime | None) -> bool:
    """Two stored times as equal, whether the database gave them back with
    or without a zone (SQLite drops it)."""
    if a is None or b is None:
        return False
    return abs(to_local(a) - to_local(b)) < timedelta(milliseconds=1)


def live_only(issued: list[IssuedPassword]) -> list[IssuedPassword]:
    """The passwords still to hand out: one per account, the one the account
    holds now. `issued` is newest first (state/accounts.py). A password
    superseded by a later reset, or already changed by its owner, is left
    out: the slips printed a dead password beside the live one (user trial).
    An item without `issued_at` (issued before it was kept) stands for its
    account if it comes first and the account still waits for a change."""
    ids = {i.user_id for i in issued}
    stored: dict[int, datetime | None] = {}
    if ids:
        with session_scope() as session:
            stored = dict(
                session.exec(
                    select(User.id, User.password_issued_at).where(User.id.in_(ids))
                ).all()
            )
    kept: list[IssuedPassword] = []
    seen: set[int] = set()
    for item in issued:
        at = stored.get(item.user_id)
        if item.user_id in seen or at is None:
            continue
        if item.issued_at is not None and not _same_time(item.issued_at, at):
            continue
        seen.add(item.user_id)
        kept.append(item)
    return kept


def live_issued(actor: Actor, issued: object) -> list[IssuedPassword]:
    """`live_only` for the accounts page's list of issued passwords, so that
    the screen drops what the slips would not print (user trial: a password
    its owner had already changed stayed listed beside the slips without
    it)."""
    require(actor, Action.ACCOUNT_MANAGE)
    if not isinstance(issued, list) or not all(
        isinstance(i, IssuedPassword) for i in issued
    ):
        return []
    return live_only(issued)


def _current(issued: list[IssuedPassword]) -> list[IssuedPassword]:
    """live_only, or a refusal when nothing in a non-empty list is live."""
    kept = live_only(issued)
    if issued and not kept:
        raise ServiceError(
            "Không còn mật khẩu nào trong danh sách dùng được: các mật khẩu đã "
            "được cấp lại sau đó hoặc người dùng đã đổi mật khẩu."
        )
    return kept


def _audit_export(actor: Actor, issued: list[IssuedPassword], kind: str) -> None:
    with session_scope() as session:
        audit.record(
            session,
            actor,
            "account.passwords_exported",
            entity="user",
            after={"format": kind, "ids": [i.user_id for i in issued]},
        )


def passwords_xlsx(actor: Actor, issued: list[IssuedPassword]) -> tuple[str, bytes]:
    """The issued one-time passwords as a spreadsheet (cells escaped); only
    each account's live one (live_only)."""
    require(actor, Action.ACCOUNT_MANAGE)
    issued = _current(issued)
    _audit_export(actor, issued, "xlsx")
    body = xlsx_bytes(
        "Mật khẩu cấp",
        ["Đơn vị", "Họ và tên", "Tên đăng nhập", "Mật khẩu dùng một lần"],
        [[i.unit_name, i.full_name, i.username, i.password] for i in issued],
    )
    return f"mat-khau-cap-{local_now():%Y%m%d-%H%M}.xlsx", body


def _expiries(issued: list[IssuedPassword]) -> dict[int, datetime]:
    """When each issued password stops working: `services.auth` refuses it
    `issued_password_hours` after the time stored at issue (user trial: the
    slip said only "72 giờ" while the screen named the hour)."""
    ids = [i.user_id for i in issued]
    with session_scope() as session:
        rows = session.exec(
            select(User.id, User.password_issued_at).where(User.id.in_(ids))
        ).all()
    hours = timedelta(hours=SETTINGS.issued_password_hours)
    return {uid: to_local(at) + hours for uid, at in rows if at is not None}


def _slip_note(expires: datetime | None) -> str:
    when = (
        f"hết hạn lúc {expires:%H:%M} ngày {expires:%d/%m/%Y} "
        f"({SETTINGS.issued_password_hours} giờ sau khi cấp)"
        if expires
        else f"hết hạn sau {SETTINGS.issued_password_hours} giờ"
    )
    return (
        f"Mật khẩu chỉ dùng một lần, {when}. Đăng nhập và đổi mật khẩu "
        "ngay lần đầu; không đưa phiếu này cho người khác."
    )


def passwords_pdf(actor: Actor, issued: list[IssuedPassword]) -> tuple[str, bytes]:
    """One slip per account, to cut and hand out at the training conference:
    only each account's live password (live_only), never a superseded one."""
    require(actor, Action.ACCOUNT_MANAGE)
    issued = _current(issued)
    _audit_export(actor, issued, "pdf")
    expiries = _expiries(issued)
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_title("Mật khẩu dùng một lần")
    pdf.add_font("Serif", "", str(FONT_DIR / "LiberationSerif-Regular.ttf"))
    pdf.add_font("Serif", "B", str(FONT_DIR / "LiberationSerif-Bold.ttf"))
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(False)
    slip_h, per_page = 55.0, 5
    for index, item in enumerate(issued):
        if index % per_page == 0:
            pdf.add_page()
        top = 15 + (index % per_page) * slip_h
        pdf.set_draw_color(150)
        pdf.set_dash_pattern(dash=2, gap=2)
        pdf.line(15, top + slip_h - 2, 195, top + slip_h - 2)
        pdf.set_dash_pattern()
        pdf.set_xy(15, top)
        pdf.set_font("Serif", "B", 13)
        pdf.cell(
            180,
            7,
            "HỆ THỐNG XỬ LÝ VI PHẠM HÀNH CHÍNH – TỈNH "
            + SETTINGS.province_name.upper(),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("Serif", "", 12)
        rows = [
            ("Họ và tên", item.full_name),
            ("Đơn vị", item.unit_name),
            ("Địa chỉ đăng nhập", SETTINGS.public_url),
            ("Tên đăng nhập", item.username),
        ]
        for label, value in (row for row in rows if row[1]):
            pdf.cell(40, 6, f"{label}:")
            pdf.cell(140, 6, value[:90], new_x="LMARGIN", new_y="NEXT")
        pdf.cell(40, 8, "Mật khẩu:")
        pdf.set_font("Courier", "B", 15)
        pdf.cell(140, 8, item.password, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Serif", "", 10)
        pdf.multi_cell(180, 5, _slip_note(expiries.get(item.user_id)))
    return f"phieu-mat-khau-{local_now():%Y%m%d-%H%M}.pdf", bytes(pdf.output())


def template_csv() -> bytes:
    """A sample list the administrator fills in."""
    lines = [
        "Tên đăng nhập,Họ và tên,Chức danh,Mã đơn vị,Vai trò,Mã chức danh ký",
        "nguyenvanan.xl,Nguyễn Văn An,Công chức Tư pháp – Hộ tịch,UBND-22057,officer,",
        "tranthibinh.xl,Trần Thị Bình,Chủ tịch UBND xã,UBND-22057,"
        "officer;authority,chu_tich_ubnd_xa",
    ]
    return ("\ufeff" + "\n".join(lines) + "\n").encode()
