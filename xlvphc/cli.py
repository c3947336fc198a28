"""Command-line set-up and upkeep: `python -m xlvphc.cli setup | load-reference |
reset-admin | disable-inactive`.

`setup` is what the run script calls on every start: it creates the schema,
loads the reference data (idempotent) and, on a new installation only, the
first administrator with a one-time password printed once.
"""

import argparse
import logging
import sys

from sqlmodel import select

from xlvphc.models import User
from xlvphc.models.base import utcnow
from xlvphc.services import inactivity, reference
from xlvphc.services.accounts import bootstrap_admin
from xlvphc.services.db import migrate, session_scope
from xlvphc.services.passwords import hash_password, issue_password

ADMIN_USERNAME = "quantri"
ADMIN_UNIT = "SO-TU-PHAP"


def _print_password(username: str, password: str) -> None:
    print(
        "\n"
        "==============================================================\n"
        " Tài khoản quản trị đầu tiên / first administrator\n"
        f"   Tên đăng nhập: {username}\n"
        f"   Mật khẩu dùng một lần: {password}\n"
        " Đổi mật khẩu ngay ở lần đăng nhập đầu tiên (hết hạn sau 72 giờ).\n"
        "==============================================================\n",
        flush=True,
    )


def setup() -> None:
    migrate()
    with session_scope() as session:
        units = reference.load_units(session)
        catalogue = reference.load_catalogue(session)
        password = bootstrap_admin(session, ADMIN_USERNAME, ADMIN_UNIT)
    print(
        f"Đơn vị: thêm {units.created}, cập nhật {units.updated}, "
        f"giữ nguyên {units.unchanged}. Danh mục hành vi: thêm {catalogue.created}, "
        f"cập nhật {catalogue.updated}, giữ nguyên {catalogue.unchanged}."
    )
    if password:
        _print_password(ADMIN_USERNAME, password)


def load_reference() -> None:
    migrate()
    with session_scope() as session:
        units = reference.load_units(session)
        catalogue = reference.load_catalogue(session)
    print(f"units: {units}\ncatalogue: {catalogue}")


def reset_admin() -> None:
    """For a lost or expired first password, run on the server itself."""
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == ADMIN_USERNAME)).first()
        if user is None:
            print("Chưa có tài khoản quản trị; hãy chạy `setup`.")
            sys.exit(1)
        password = issue_password()
        user.password_hash = hash_password(password)
        user.must_change_password = True
        user.password_issued_at = utcnow()
        user.failed_attempts = 0
        user.locked_until = None
        user.active = True
        session.add(user)
    _print_password(ADMIN_USERNAME, password)


def disable_inactive() -> None:
    """Daily upkeep (a systemd timer in docs/deploy.md): disable accounts
    unused longer than XLVPHC_INACTIVE_DAYS."""
    with session_scope() as session:
        count = inactivity.sweep(session)
    print(f"Đã vô hiệu hóa {count} tài khoản lâu không sử dụng.")


COMMANDS = {
    "setup": setup,
    "load-reference": load_reference,
    "reset-admin": reset_admin,
    "disable-inactive": disable_inactive,
}


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.WARNING)
    parser = argparse.ArgumentParser(prog="python -m xlvphc.cli")
    parser.add_argument("command", choices=list(COMMANDS))
    args = parser.parse_args(argv)
    COMMANDS[args.command]()


if __name__ == "__main__":
    main()
