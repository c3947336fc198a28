"""Password hashing and policy (security.md: bcrypt cost 12, 12–64 characters,
at most 72 UTF-8 bytes, no composition rules, common and context words refused)."""

import secrets
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import bcrypt

from xlvphc.domain.text import fold
from xlvphc.settings import SETTINGS

MIN_LENGTH = 12
MAX_LENGTH = 64
MAX_BYTES = 72  # bcrypt 5 refuses longer input instead of truncating it

# Words an official is likely to build a password from (security.md 1.10).
CONTEXT_WORDS = (
    "daklak",
    "dak lak",
    "sotuphap",
    "so tu phap",
    "congan",
    "cong an",
    "ubnd",
    "xlvphc",
    "matkhau",
    "mat khau",
    "password",
    "123456",
    "qwerty",
    "abc123",
    "admin",
)

# The example passwords the user guide itself prints (guide.md, "Lần đầu đăng
# nhập"): every reader of the guide knows them (user trial: the example was
# accepted as a real password). Compared folded, without spaces, also with a
# few characters added.
GUIDE_EXAMPLES = ("Ca phe sang luc 7 gio ben cua so",)

COMMON_FILE = Path(__file__).resolve().parent.parent / "data" / "common_passwords.txt"


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The refused list (ASVS 6.2.4), folded; see the file's header for how it
    was generated. Read once, on first use."""
    with open(COMMON_FILE, encoding="utf-8") as handle:
        return frozenset(
            line.strip() for line in handle if line.strip() and line[0] != "#"
        )


ISSUED_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

# bcrypt releases the GIL, so a burst of logins runs as many hashes at once
# as there are worker threads (XLVPHC_THREADS, 16). On a small server that
# starves the event loop: every page of every user then waits for a core
# (bench/RESULTS.md, "open login page" 2.4 s at p50 during 100 logins). At
# most one hash per core runs; the other logins wait asleep, in turn.
_HASHING = threading.BoundedSemaphore(SETTINGS.hash_concurrency)


def _rounds() -> int:
    return max(4, min(SETTINGS.bcrypt_rounds, 16))


@lru_cache(maxsize=1)
def _dummy_hash() -> bytes:
    """A hash of the configured cost, checked when there is no real one: an
    unknown user costs the same time as a wrong password (security.md C7)."""
    return bcrypt.hashpw(b"dummy-password-for-timing", bcrypt.gensalt(_rounds()))


def hash_password(password: str) -> str:
    with _HASHING:
        return bcrypt.hashpw(password.encode(), bcrypt.gensalt(_rounds())).decode()


def verify_password(password: str, hashed: str | None) -> bool:
    """Constant work whether or not the user exists (security.md C7)."""
    data = password.encode() if isinstance(password, str) else b""
    if len(data) > MAX_BYTES or not hashed:
        dummy = _dummy_hash()
        with _HASHING:
            bcrypt.checkpw(b"x", dummy)
        return False
    try:
        with _HASHING:
            return bcrypt.checkpw(data, hashed.encode())
    except ValueError:
        return False


def verify_typed(password: object, hashed: str | None) -> bool:
    """`verify_password` for what a person typed or pasted into a form.

    A password copied from a slip or a message often carries a space or a line
    break at an end, and the person cannot see it. The text is tried as typed
    first (an older password may really end with a space), then trimmed. The
    second check runs for an unknown user too, so timing still does not tell
    whether the account exists (security.md C7)."""
    if verify_password(password, hashed):
        return True
    if not isinstance(password, str) or password == password.strip():
        return False
    return verify_password(password.strip(), hashed)


def issue_password() -> str:
    """A random one-time password an administrator hands over."""
    return "".join(secrets.choice(ISSUED_ALPHABET) for _ in range(14))


def policy_problem(
    password: object, username: str = "", context: Iterable[str] = ()
) -> str | None:
    """Why a new password is refused, in Vietnamese; None when it is acceptable.

    `context` adds words of the user's own world (their unit's name, their
    full name): ASVS 6.2.11 asks for a context-specific list."""
    if not isinstance(password, str) or not password:
        return "Vui lòng nhập mật khẩu mới."
    # Login forgives spaces at the ends (verify_typed), so such a password
    # could not be told from its trimmed self; refuse it while it is visible.
    if password != password.strip():
        return "Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách."
    if len(password) < MIN_LENGTH:
        return f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự."
    if len(password) > MAX_LENGTH:
        return f"Mật khẩu không được dài quá {MAX_LENGTH} ký tự."
    if len(password.encode()) > MAX_BYTES:
        return (
            "Mật khẩu quá dài khi tính theo byte (tối đa 72 byte; chữ có dấu "
            "chiếm 2–3 byte). Vui lòng dùng mật khẩu ngắn hơn."
        )
    folded = fold(password).replace(" ", "")
    if username and fold(username).replace(" ", "") in folded:
        # Said in full (user trial: «Quan tri he thong 2026» was refused for
        # «quantri» and the officer saw no username in it).
        return (
            f"Mật khẩu không được chứa tên đăng nhập «{username}» (không tính "
            "dấu cách, dấu tiếng Việt, chữ hoa/thường)."
        )
    for example in GUIDE_EXAMPLES:
        known = fold(example).replace(" ", "")
        if known in folded and len(folded) - len(known) < 8:
            return (
                "Đây là mật khẩu ví dụ trong Hướng dẫn sử dụng, ai cũng có thể "
                "biết; hãy tự đặt một câu khác."
            )
    if folded in common_passwords() or len(set(password)) < 5:
        return "Mật khẩu quá phổ biến hoặc quá đơn giản, hãy chọn mật khẩu khác."
    extra = (fold(c) for c in context if isinstance(c, str))
    for word in (*CONTEXT_WORDS, *extra):
        w = word.replace(" ", "")
        if len(w) < 4:
            continue
        if w in folded and len(folded) - len(w) < 8:
            return (
                "Mật khẩu không được dựa trên tên tỉnh, tên cơ quan hoặc từ dễ "
                "đoán; hãy thêm các từ khác."
            )
    return None
