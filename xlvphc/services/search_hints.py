"""What the case list says when a search is only a number's symbol.

Every record number ends in "/BB-VPHC" and every sanction decision number in
"/QĐ-XPHC" (services/numbering.py). Typed alone, a symbol matches no case:
the search finds a number by the number. Reading it as "every case with a
decision" would be a guess: the filters ("Trạng thái", "Tình hình thi
hành") say that precisely. So the list says how to type a number instead.
"""

from functools import cache

from xlvphc.domain.text import clean, fold
from xlvphc.services.numbering import SUFFIX

# What each symbol numbers, as the hint names it; other symbols read
# "văn bản" (document).
KINDS = {
    "BB-VPHC": "biên bản vi phạm hành chính",
    "QĐ-XPHC": "quyết định xử phạt",
}


@cache
def _symbols() -> dict[str, str]:
    """Folded symbol -> symbol as printed, for every form the app numbers.
    Built once: the list page asks on every search (a computed var)."""
    return {fold(symbol): symbol for symbol in {*SUFFIX.values(), *KINDS}}


def number_hint(query: object) -> str:
    """A sentence for a search whose words include a bare symbol ("QĐ-XPHC",
    "/BB-VPHC"), or "" when the search is something else."""
    typed = clean(query)[:200] if isinstance(query, str) else ""
    if not typed:
        return ""
    symbols = _symbols()
    for word in typed.split():
        symbol = symbols.get(fold(word).strip("/"))
        if symbol:
            kind = KINDS.get(symbol, "văn bản")
            return (
                f"\u201c{symbol}\u201d là ký hiệu chung của mọi {kind}, nên "
                "không dùng riêng để tìm. Hãy gõ cả số và ký hiệu, ví dụ "
                f"\u201c2/{symbol}\u201d; muốn xem các hồ sơ theo giai đoạn, "
                "dùng ô \u201cTrạng thái\u201d trong phần Lọc thêm."
            )
    return ""
