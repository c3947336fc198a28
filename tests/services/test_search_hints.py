"""A search that finds nothing says why and what to try: the catalogue box
(catalogue.find) and a case search made of a number's symbol alone
(search_hints.number_hint)."""

from xlvphc.services import catalogue
from xlvphc.services.search_hints import number_hint


def test_catalogue_match_has_no_message(people):
    found = catalogue.find(people["canbo.a"], "nồng độ cồn")
    assert found["rows"] and found["message"] == "" and found["tips"] == []
    assert catalogue.find(people["canbo.a"], "   ") == {
        "rows": [], "message": "", "tips": []
    }


def test_no_match_suggests_the_shorter_search_that_finds_acts(people):
    found = catalogue.find(people["canbo.a"], "gây rối trật tự")
    assert found["rows"] == []
    assert found["message"] == (
        "Không tìm thấy hành vi phù hợp với \u201cgây rối trật tự\u201d."
    )
    shorter = found["tips"][0]
    assert shorter.startswith("Bỏ chữ \u201crối\u201d thì có ")
    count = int(shorter.split(" thì có ")[1].split()[0])
    assert count == len(catalogue.search(people["canbo.a"], "gây trật tự")) > 0
    # What the catalogue holds, counted from the catalogue itself.
    assert "Danh mục có 143 hành vi" in found["tips"][-1]
    assert "An ninh, trật tự, an toàn xã hội" in found["tips"][-1]


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
