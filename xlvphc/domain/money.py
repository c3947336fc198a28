"""Amounts of money as written in sanction records and decisions.

Forms MBB01 and MQĐ02 of the Phụ lục to Nghị định 118/2021/NĐ-CP write a fine
in figures and in words ("Bằng chữ: ..."). Administrative documents group
digits with dots, read a zero tens digit as "linh", and read a zero-padded
group in full ("một nghìn không trăm linh năm").
"""

import re

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUP_UNITS = ("", " nghìn", " triệu")
_BILLION = 1_000_000_000


def format_number(n: int) -> str:
    """Write an integer with dots between thousands ("1.500.000").

    Args:
        n: The amount; negatives keep their sign.

    Returns:
        The figure in Vietnamese notation.
    """
    return f"{int(n):,}".replace(",", ".")


def format_vnd(n: int) -> str:
    """Write an amount as in forms: "1.500.000 đồng".

    Args:
        n: The amount in đồng.

    Returns:
        The figure followed by " đồng".
    """
    return f"{format_number(n)} đồng"


def _read_group(n: int, full: bool) -> str:
    """Read a group of three digits (0-999).

    Args:
        n: The group's value.
        full: Read the hundreds even when zero ("không trăm"), as required
            for a group that follows a higher non-zero group.

    Returns:
        The group in words, lower case.
    """
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 5 and tens:
            words.append("lăm")
        elif units == 1 and tens > 1:
            words.append("mốt")
        else:
            words.append(_DIGITS[units])
    return " ".join(words)


def _read(n: int, full: bool = False) -> str:
    """Read a positive integer, splitting off billions recursively."""
    parts: list[str] = []
    high, low = divmod(n, _BILLION)
    if high:
        parts.append(_read(high, full) + " tỷ")
        full = True
    groups = [low // 1_000_000, low // 1000 % 1000, low % 1000]
    for index, group in enumerate(groups):
        if group:
            parts.append(_read_group(group, full) + _GROUP_UNITS[2 - index])
            full = True
    return " ".join(parts)


def amount_in_words(n: int) -> str:
    """Write an amount in Vietnamese words for the "Bằng chữ" line of a form.

    Follows the convention of administrative and accounting documents:
    "linh" for a zero tens digit, "không trăm" inside a zero-padded group,
    "mốt"/"lăm" after a tens digit, and "tỷ" for 10^9.

    Args:
        n: A non-negative amount in đồng.

    Returns:
        The words with a capital first letter and " đồng" at the end, e.g.
        "Một triệu không trăm linh năm đồng".

    Raises:
        ValueError: If `n` is negative.
    """
    n = int(n)
    if n < 0:
        raise ValueError("amount must not be negative")
    words = _read(n) if n else "không"
    return f"{words[0].upper()}{words[1:]} đồng"


_CURRENCY = re.compile(r"(đồng|đ|vnđ|vnd|dong|d)\.?$", re.IGNORECASE)


def parse_amount(text: object) -> int | None:
    """Read an amount typed by a user.

    Accepts "1.500.000", "1,500,000", "1500000 đ", "1.500.000 đồng" and
    " 1 500 000 ". Dots, commas and spaces are all treated as thousands
    separators because đồng amounts have no decimals.

    Args:
        text: The typed value (an int is returned unchanged if >= 0).

    Returns:
        The amount in đồng, or None for empty, malformed or negative input.
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text if text >= 0 else None
    if not isinstance(text, str):
        return None
    value = " ".join(text.replace("\u00a0", " ").split()).strip()
    value = _CURRENCY.sub("", value).strip()
    if not value:
        return None
    if re.fullmatch(r"\d{1,3}([.,  ]\d{3})+|\d+", value) is None:
        return None
    separators = set(re.findall(r"[.,  ]", value))
    if len(separators) > 1:
        return None
    return int(re.sub(r"\D", "", value))
