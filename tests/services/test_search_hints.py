"""A search that finds nothing says why and what to try: the catalogue box
(catalogue.find) and a case search made of a number's symbol alone
(search_hints.number_hint)."""

import re

from sqlmodel import select

from xlvphc.domain.text import fold
from xlvphc.models import CatalogueEntry
from xlvphc.services import catalogue
from xlvphc.services.db import session_scope
from xlvphc.services.search_hints import number_hint


def test_catalogue_match_has_no_message(people):
    found = catalogue.find(people["canbo.a"], "nồng độ cồn")
    assert found["rows"] and found["message"] == "" and found["tips"] == []
    assert catalogue.find(people["canbo.a"], "   ") == {
        "rows": [], "message": "", "tips": []
    }


def test_no_match_lists_the_acts_of_the_shorter_search_at_once(people):
    officer = people["canbo.a"]
    found = catalogue.find(officer, "gây rối karaoke")
    # Not a hint to act on ("Bỏ chữ ... thì có 1 hành vi"): the acts
    # themselves, ready to be chosen, and the message says what they match.
    assert found["rows"] == catalogue.search(officer, "gây rối") != []
    count = len(found["rows"])
    assert found["message"] == (
        "Không có hành vi nào khớp đủ \u201cgây rối karaoke\u201d. Bỏ chữ "
        f"\u201ckaraoke\u201d thì có {count} hành vi khớp \u201cgây rối\u201d: "
        "đã liệt kê để chọn."
    )
    # What the catalogue holds, counted from the catalogue itself.
    assert "Danh mục có 143 hành vi" in found["tips"][-1]
    assert "An ninh, trật tự, an toàn xã hội" in found["tips"][-1]


def test_a_long_shorter_search_lists_its_first_acts(people):
    officer = people["canbo.a"]
    found = catalogue.find(officer, "xe karaoke")
    # Acts with a word "xe...", counted from the catalogue the app loads.
    with session_scope() as session:
        count = sum(
            1 for entry in session.exec(select(CatalogueEntry))
            if re.search(r"\bxe", fold(f"{entry.field} {entry.act}"))
        )
    assert count > catalogue.MAX_RESULTS
    assert found["rows"] == catalogue.search(officer, "xe")
    assert len(found["rows"]) == catalogue.MAX_RESULTS
    assert found["message"] == (
        "Không có hành vi nào khớp đủ \u201cxe karaoke\u201d. Bỏ chữ "
        f"\u201ckaraoke\u201d thì có {count} hành vi khớp \u201cxe\u201d: "
        f"đã liệt kê {catalogue.MAX_RESULTS} hành vi đầu để chọn."
    )


def test_no_shorter_search_and_nothing_found(people):
    found = catalogue.find(people["canbo.a"], "karaoke quá khuya")
    assert found["rows"] == []
    assert found["message"] == (
        "Không tìm thấy hành vi phù hợp với \u201ckaraoke quá khuya\u201d."
    )
    assert "Phản ánh" in found["tips"][-1]


def test_no_match_for_symbols_and_unknown_citations(people):
    found = catalogue.find(people["canbo.a"], "%")
    assert found["message"] == "Không tìm thấy hành vi phù hợp với \u201c%\u201d."
    assert "không dùng để tìm" in found["tips"][0]

    found = catalogue.find(people["canbo.a"], "điểm z khoản 9 Điều 99")
    assert any("không có điều khoản này" in tip for tip in found["tips"])


def test_a_bare_number_symbol_is_explained_not_searched():
    for query in ("QĐ-XPHC", "qd-xphc", "/QĐ-XPHC", "ông A QĐ-XPHC"):
        hint = number_hint(query)
        assert "\u201c2/QĐ-XPHC\u201d" in hint and "quyết định xử phạt" in hint
    assert "\u201c2/BB-VPHC\u201d" in number_hint("BB-VPHC")
    assert "biên bản vi phạm hành chính" in number_hint("bb-vphc")
    # A whole number, a name or nothing is an ordinary search.
    for query in ("2/QĐ-XPHC", "Nguyễn Văn An", "", None, {"q": 1}):
        assert number_hint(query) == ""
