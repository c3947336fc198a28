"""Bulk creation of accounts from CSV/XLSX and the password hand-outs
(issue 5 "bulk create … print or export the issued one-time passwords")."""

import io
from dataclasses import replace
from datetime import timedelta

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader
from sqlmodel import func, select

from tests.services.conftest import make_user
from xlvphc.models import AuditEvent, User
from xlvphc.models.base import to_local
from xlvphc.services import account_import, auth
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied, ValidationFailed

HEADER = "Tên đăng nhập,Họ và tên,Chức danh,Mã đơn vị,Vai trò,Mã chức danh ký"


def _csv(*lines: str) -> bytes:
    return ("\ufeff" + "\n".join([HEADER, *lines]) + "\n").encode()


def _users() -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(User)).one()


def test_csv_list_creates_accounts_with_one_time_passwords(people):
    data = _csv(
        "an.xl,Nguyễn Văn An,Công chức,UBND-22015,Cán bộ nhập liệu,",
        "",
        "binh.xl,Trần Thị Bình,Chủ tịch,ubnd-22015,officer;authority,chu_tich_ubnd_xa",
    )
    issued = account_import.bulk_create(people["quantri"], "ds.csv", data)
    assert [i.username for i in issued] == ["an.xl", "binh.xl"]
    assert issued[0].unit_name == "Ủy ban nhân dân phường Tuy Hòa"
    result = auth.login("binh.xl", issued[1].password)
    assert result.must_change_password
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == "binh.xl")).one()
        assert (user.roles, user.signer_title) == (
            "officer,authority",
            "chu_tich_ubnd_xa",
        )


def test_xlsx_list_is_read_from_memory(people):
    book = Workbook()
    book.active.append(["Tên đăng nhập", "Họ và tên", "Mã đơn vị", "Vai trò"])
    book.active.append(["cuong.xl", "Lê Văn Cường", "UBND-22045", "officer"])
    buffer = io.BytesIO()
    book.save(buffer)
    issued = account_import.bulk_create(people["quantri"], "x.csv", buffer.getvalue())
    assert [i.username for i in issued] == ["cuong.xl"]


def test_one_bad_row_creates_nothing_and_names_the_rows(people):
    before = _users()
    data = _csv(
        "dung.xl,Phạm Dũng,,UBND-22015,officer,",
        "canbo.a,Trùng tên,,UBND-22015,officer,",
        "em.xl,Em,,KHONG-CO,officer,",
        "dung.xl,Phạm Dũng lần hai,,UBND-22015,officer,",
    )
    with pytest.raises(ValidationFailed) as err:
        account_import.bulk_create(people["quantri"], "ds.csv", data)
    text = err.value.errors["file"]
    assert "Dòng 3" in text and "Dòng 4" in text and "Dòng 5" in text
    assert "Dòng 2" not in text
    assert _users() == before


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"PK\x03\x04broken",
        b"a,b\n1,2\n",
        b"x" * (3 * 1024 * 1024),
        "str",
    ],
)
def test_unreadable_files_are_refused_with_a_message(people, data):
    with pytest.raises(ValidationFailed) as err:
        account_import.bulk_create(people["quantri"], "../../etc/passwd", data)
    assert err.value.errors["file"]


def test_unit_admin_list_stays_inside_their_scope(people):
    make_user("qtdv.a", "UBND-22015", Role.UNIT_ADMIN)
    from tests.services.conftest import actor_for

    qtdv = actor_for("qtdv.a")
    with pytest.raises(ValidationFailed):
        account_import.bulk_create(
            qtdv, "ds.csv", _csv("x.xl,Người Xa,,UBND-22045,officer,")
        )
    with pytest.raises(ValidationFailed):
        account_import.bulk_create(
            qtdv, "ds.csv", _csv("y.xl,Người Cao,,UBND-22015,supervisor,")
        )
    with pytest.raises(PermissionDenied):
        account_import.bulk_create(
            people["canbo.a"], "ds.csv", _csv("z.xl,Người Z,,UBND-22015,officer,")
        )


def test_exports_escape_formulas_and_are_audited(people):
    admin = people["quantri"]
    issued = account_import.bulk_create(
        admin,
        "ds.csv",
        _csv(
            'hack.xl,"=HYPERLINK(""http://x"",""bấm"")",,UBND-22015,officer,',
            "an.xl,@SUM(1+1),,UBND-22015,officer,",
        ),
    )
    _, body = account_import.passwords_xlsx(admin, issued)
    sheet = load_workbook(io.BytesIO(body)).active
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(not str(v).startswith(("=", "@", "+", "-")) for v in values)
    assert any(str(v).startswith("'=HYPERLINK") for v in values)
    assert issued[0].password in values

    name, pdf = account_import.passwords_pdf(admin, issued)
    assert name.endswith(".pdf") and pdf.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert issued[1].password in text and "Ủy ban nhân dân phường Tuy Hòa" in text

    with session_scope() as session:
        exports = session.exec(
            select(AuditEvent).where(AuditEvent.action == "account.passwords_exported")
        ).all()
    assert len(exports) == 2
    assert all(issued[0].password not in e.after for e in exports)


def test_slip_names_the_hour_the_password_expires_and_the_address(
    people, monkeypatch
):
    """User trial: the slip said only "hết hạn sau 72 giờ" while the screen
    named the hour, and no address to log in at."""
    admin = people["quantri"]
    issued = account_import.bulk_create(
        admin, "ds.csv", _csv("hoa.xl,Lê Thị Hoa,,UBND-22015,officer,")
    )
    with session_scope() as session:
        stored = session.exec(
            select(User.password_issued_at).where(User.username == "hoa.xl")
        ).one()
    expires = to_local(stored) + timedelta(hours=72)
    monkeypatch.setattr(
        account_import,
        "SETTINGS",
        replace(account_import.SETTINGS, public_url="https://xlvphc.daklak.gov.vn"),
    )

    _, pdf = account_import.passwords_pdf(admin, issued)

    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )
    assert f"hết hạn lúc {expires:%H:%M} ngày {expires:%d/%m/%Y}" in text
    assert "(72 giờ sau khi cấp)" in text
    assert "Địa chỉ đăng nhập: https://xlvphc.daklak.gov.vn" in text


def test_slip_without_an_address_leaves_it_out(people):
    admin = people["quantri"]
    issued = account_import.bulk_create(
        admin, "ds.csv", _csv("lan.xl,Hà Thị Lan,,UBND-22015,officer,")
    )

    _, pdf = account_import.passwords_pdf(admin, issued)

    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Địa chỉ đăng nhập" not in text
    assert "hết hạn lúc" in " ".join(text.split())


def test_exports_need_the_account_right(people):
    with pytest.raises(PermissionDenied):
        account_import.passwords_xlsx(people["giamsat"], [])
