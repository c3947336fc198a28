"""What is wrong with the filters typed above the case list.

The list never widens its result because of a bad value: a filter that
cannot be read is left out (case_queries.case_conditions). Left out
silently, an officer who typed 32/13/2026 reads the whole list as the answer
to their question. A range whose 'to' lies before its 'from' is left out
too, rather than matching nothing. These messages go next to the boxes, and
the page says that those filters were not applied."""

from datetime import date

from xlvphc.domain.dates import parse_date
from xlvphc.domain.money import parse_amount
from xlvphc.domain.text import clean

# Above this no fine exists; the box says so instead of matching nothing.
AMOUNT_CAP = 10**13

BAD_DATE = "Ngày không hợp lệ: nhập ngày/tháng/năm, ví dụ 05/12/2026."
DATE_ORDER = "«Đến ngày» phải bằng hoặc sau «từ ngày»."
BAD_AMOUNT = "Số tiền không hợp lệ: nhập số đồng, ví dụ 1.500.000."
AMOUNT_ORDER = "Số tiền «đến» phải lớn hơn hoặc bằng số tiền «từ»."
BAD_ARTICLE = "Điều phải là một số từ 1 đến 999, ví dụ 7."
NOT_APPLIED = (
    "Một số điều kiện lọc chưa hợp lệ nên chưa được áp dụng: xem thông báo "
    "dưới các ô trong «Lọc thêm»."
)

DATE_PREFIXES = ("v", "r", "d")


def amount(raw: object) -> int | None:
    """An amount box as the list filters by it; None when unreadable."""
    value = parse_amount(clean(raw))
    return value if value is not None and value <= AMOUNT_CAP else None


def date_range(filters: dict, prefix: str) -> tuple[date | None, date | None]:
    """The dates a pair of boxes bounds the list by. A 'to' before its
    'from' asks for nothing: both are left out (and `problems` says so)."""
    low = parse_date(clean(filters.get(f"{prefix}_from")))
    high = parse_date(clean(filters.get(f"{prefix}_to")))
    return (None, None) if low and high and low > high else (low, high)


def amount_range(filters: dict) -> tuple[int | None, int | None]:
    """The fine's bounds; contradictory bounds are left out like dates."""
    low, high = amount(filters.get("amount_min")), amount(filters.get("amount_max"))
    crossed = low is not None and high is not None and low > high
    return (None, None) if crossed else (low, high)


def problems(filters: object) -> dict[str, str]:
    """Field name → message, for each typed filter the list cannot use as
    typed. Empty when every filter is fine."""
    f = filters if isinstance(filters, dict) else {}
    found: dict[str, str] = {}

    for prefix in DATE_PREFIXES:
        low_name, high_name = f"{prefix}_from", f"{prefix}_to"
        low_text, high_text = clean(f.get(low_name)), clean(f.get(high_name))
        low, high = parse_date(low_text), parse_date(high_text)
        if low_text and low is None:
            found[low_name] = BAD_DATE
        if high_text and high is None:
            found[high_name] = BAD_DATE
        if low and high and low > high:
            found[high_name] = DATE_ORDER

    low_text, high_text = clean(f.get("amount_min")), clean(f.get("amount_max"))
    low, high = amount(low_text), amount(high_text)
    if low_text and low is None:
        found["amount_min"] = BAD_AMOUNT
    if high_text and high is None:
        found["amount_max"] = BAD_AMOUNT
    if low is not None and high is not None and low > high:
        found["amount_max"] = AMOUNT_ORDER

    article = clean(f.get("article"))
    if article and not (article.isdigit() and 0 < int(article) < 1000):
        found["article"] = BAD_ARTICLE
    return found
