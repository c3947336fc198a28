"""Reading untrusted form data field by field. Each reader records a Vietnamese
message against the field's name, so the page can show it next to the field."""

import datetime as dt  # annotations inside FormReader: it has date() and time()
import unicodedata
from datetime import date, datetime, time, timedelta

from xlvphc.domain.dates import parse_date, parse_time
from xlvphc.domain.money import format_vnd, parse_amount
from xlvphc.domain.text import clean, unprintable, unprintable_message
from xlvphc.models.base import VN_TZ, local_now

# Clock-skew tolerance: the officer types the time from a phone or watch that
# may run a few minutes ahead of the server, and a record is often dated "now"
# as it is signed. A time up to this much after the server's clock is taken as
# now; later than that it is in the future and refused (user trial: 21:00 was
# accepted at 08:58 because only the date was compared with today).
CLOCK_SKEW = timedelta(minutes=5)
# The largest amount in đồng an input takes (ten thousand billion; the
# import and the list filters use the same, list_filters.AMOUNT_CAP).
MAX_AMOUNT = 10**13


def after_now(day: date, clock: time, now: datetime | None = None) -> bool:
    """Whether a local (Vietnam) day and time lies in the future, beyond the
    CLOCK_SKEW tolerance. `now` defaults to the server's clock."""
    moment = datetime.combine(day, clock, tzinfo=VN_TZ)
    return moment > (now or local_now()) + CLOCK_SKEW


# Characters refused in a name (a unit's, a person's). "<" and ">" are
# markup, never part of a name: a user trial saved "<script>…</script>" as a
# unit name; it showed as plain text, but it is no name, and a unit's name
# heads its papers. Control characters and bidi overrides come only from a
# paste or a forged request and can disguise what the name reads as;
# clean() drops them, but silently: the name is refused so the person sees.
_MARKUP = frozenset("<>")
_BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_KEPT_CONTROLS = frozenset("\t\n\r")


def _hidden_controls(raw: object) -> str:
    """The distinct control and bidi characters of raw text, as U+ codes."""
    if not isinstance(raw, str):
        return ""
    found = dict.fromkeys(
        ch
        for ch in raw
        if ch in _BIDI
        or (unicodedata.category(ch) == "Cc" and ch not in _KEPT_CONTROLS)
    )
    return ", ".join(f"U+{ord(ch):04X}" for ch in list(found)[:3])


def read_name(raw: object, label: str, low: int, high: int) -> tuple[str, str]:
    """A name typed into a form (a unit's, an account's full name), cleaned,
    and the message refusing it ("" when it is accepted). The same rules for
    every name: the unit tree, the account form and the account import.

    "Vui lòng nhập …" only asks for what is missing or too short; a name too
    long says its limit (user trial: 250 characters were asked to "enter a
    name (2–120 characters)")."""
    value = clean(raw)
    name = f"{label[:1].upper()}{label[1:]}"
    if not value:
        return value, f"Vui lòng nhập {label}."
    if len(value) < low:
        return value, f"Vui lòng nhập {label} (ít nhất {low} ký tự)."
    if len(value) > high:
        return value, f"{name} tối đa {high} ký tự."
    if markup := "".join(dict.fromkeys(ch for ch in value if ch in _MARKUP)):
        shown = " và ".join(f"«{ch}»" for ch in markup)
        return value, f"{name} không được chứa ký tự {shown}."
    if controls := _hidden_controls(raw):
        return value, (
            f"{name} có ký tự điều khiển không nhìn thấy ({controls}): vui lòng "
            "xóa và gõ lại."
        )
    if found := unprintable(value):
        return value, unprintable_message(label, found)
    return value, ""


class FormReader:
    """Collects cleaned values and errors from one submitted form."""

    def __init__(self, data: object) -> None:
        self.data = data if isinstance(data, dict) else {}
        self.errors: dict[str, str] = {}

    def _raw(self, key: str) -> object:
        return self.data.get(key)

    def text(
        self,
        key: str,
        label: str,
        max_len: int,
        required: bool = False,
        multiline: bool = False,
        printed: bool = True,
    ) -> str:
        """Cleaned text of one field. `printed` text (the default: nearly
        every field ends up on a paper) may hold only characters the print
        fonts draw; a feedback message, never printed, may hold any."""
        value = clean(self._raw(key), multiline=multiline)
        if required and not value:
            self.errors[key] = f"Vui lòng nhập {label}."
        elif len(value) > max_len:
            self.errors[key] = f"{label[:1].upper()}{label[1:]} tối đa {max_len} ký tự."
        elif printed and (found := unprintable(value)):
            # Every free-text field of the case, step, on-the-spot and
            # decision forms passes here: what cannot be printed is refused
            # rather than saved and dropped from the paper.
            self.errors[key] = unprintable_message(label, found)
        return value

    def choice(
        self,
        key: str,
        label: str,
        allowed: dict[str, str] | set[str],
        required: bool = True,
        default: str = "",
    ) -> str:
        value = clean(self._raw(key)) or default
        if not value and not required:
            return ""
        if value not in allowed:
            self.errors[key] = f"Vui lòng chọn {label}."
        return value

    def date(
        self,
        key: str,
        label: str,
        required: bool = False,
        not_after: date | None = None,
        not_before: date | None = None,
    ) -> date | None:
        raw = clean(self._raw(key))
        if not raw:
            if required:
                self.errors[key] = f"Vui lòng nhập {label} (ngày/tháng/năm)."
            return None
        value = parse_date(raw)
        if value is None:
            self.errors[key] = f"{raw} không phải ngày hợp lệ (ngày/tháng/năm)."
        elif value.year < 1900:
            self.errors[key] = f"{label[:1].upper()}{label[1:]} không hợp lệ."
            return None
        elif not_after and value > not_after:
            self.errors[key] = (
                f"{label[:1].upper()}{label[1:]} không được sau ngày hôm nay."
            )
        elif not_before and value < not_before:
            self.errors[key] = f"{label[:1].upper()}{label[1:]} không hợp lệ."
        return value

    def time(self, key: str, label: str, required: bool = False) -> time | None:
        raw = clean(self._raw(key)).replace(" ", "")
        if not raw:
            if required:
                self.errors[key] = f"Vui lòng nhập {label} (giờ:phút)."
            return None
        value = parse_time(raw)
        if value is None:
            self.errors[key] = f"{raw} không phải giờ hợp lệ (ví dụ 14:30)."
        return value

    def not_future(
        self, key: str, label: str, day: dt.date | None, clock: dt.time | None
    ) -> None:
        """Refuse at `key` a day and time later than now (CLOCK_SKEW allowed):
        comparing the date with today alone lets a time later today through.
        Nothing is said when either is missing or the field already has its
        error (a future date has its own message)."""
        if day is None or clock is None or key in self.errors:
            return
        if after_now(day, clock):
            self.errors[key] = (
                f"{label[:1].upper()}{label[1:]} không được sau thời điểm hiện tại."
            )

    def local_datetime(
        self, date_key: str, time_key: str, label: str, today: date
    ) -> datetime | None:
        """A date and time pair as one Vietnam-time moment, neither in the
        future: the date against `today`, the time against the clock."""
        day = self.date(date_key, f"ngày {label}", required=True, not_after=today)
        clock = self.time(time_key, f"giờ {label}", required=True)
        if day is None or clock is None:
            return None
        if date_key not in self.errors:
            self.not_future(time_key, f"giờ {label}", day, clock)
        return datetime.combine(day, clock, tzinfo=VN_TZ)

    def amount(self, key: str, label: str, bounded: bool = False) -> int | None:
        """A whole amount in đồng. A well-formed amount above MAX_AMOUNT is
        out of range, not malformed (user trial: 99.999.999.999.999 as a fine
        was "not a valid amount" while 999.999.999.999 got the frame):
        `bounded` callers check the range themselves and get it back, so
        that every amount too large gets their one message; the others get
        the ceiling's."""
        raw = self._raw(key)
        if raw in (None, ""):
            return None
        value = (
            raw
            if isinstance(raw, int) and not isinstance(raw, bool)
            else (parse_amount(raw) if isinstance(raw, str) else None)
        )
        name = f"{label[:1].upper()}{label[1:]}"
        if value is None or value < 0:
            # Worded as the date, time and import messages: what was typed,
            # then why it is refused ("abc không phải số tiền hợp lệ.").
            typed = clean(raw)[:40] if isinstance(raw, str) else ""
            self.errors[key] = f"{typed or name} không phải số tiền hợp lệ."
            return None
        if value > MAX_AMOUNT and not bounded:
            self.errors[key] = (
                f"{name} quá lớn: không được vượt quá {format_vnd(MAX_AMOUNT)}."
            )
            return None
        return value

    def integer(
        self, key: str, label: str, low: int, high: int, default: int | None = None
    ) -> int | None:
        raw = self._raw(key)
        if raw in (None, "") and default is not None:
            return default
        try:
            value = int(str(raw).strip())
        except (TypeError, ValueError):
            value = None
        if value is None or not low <= value <= high:
            self.errors[key] = (
                f"{label[:1].upper()}{label[1:]} phải từ {low} đến {high}."
            )
            return None
        return value


MAX_ID = 2**31 - 1  # PostgreSQL INTEGER; larger values cannot be real ids


def valid_id(value: object) -> int | None:
    """An id sent by the browser, if it is a plausible one; else None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 < value <= MAX_ID else None
