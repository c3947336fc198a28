"""Text cleaning and folding (input hygiene for names, addresses, search)."""

import random
import unicodedata

import pytest

from xlvphc.domain.text import (
    cite_in_full,
    clean,
    fold,
    tidy_joins,
    tokens,
    too_long,
)


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        pytest.param(None, {}, "", id="none-is-empty"),
        pytest.param({"a": 1}, {}, "", id="dict-is-empty"),
        pytest.param(["a"], {}, "", id="list-is-empty"),
        pytest.param(12, {}, "12", id="int-to-text"),
        pytest.param(b"Nguy\xe1\xbb\x85n", {}, "Nguyễn", id="utf8-bytes"),
        pytest.param("  Nguyễn   Văn  An ", {}, "Nguyễn Văn An", id="collapse-spaces"),
        pytest.param(
            unicodedata.normalize("NFD", "Đắk Lắk"), {}, "Đắk Lắk", id="nfd-to-nfc"
        ),
        pytest.param("a\u200bb\ufeffc", {}, "abc", id="zero-width-removed"),
        pytest.param(
            "evil\u202etxt.exe", {}, "eviltxt.exe", id="bidi-override-removed"
        ),
        pytest.param("a\u2066b\u2069", {}, "ab", id="bidi-isolate-removed"),
        pytest.param("a\x00b\x07c", {}, "abc", id="control-chars-removed"),
        pytest.param("a\tb\nc", {}, "a b c", id="tab-newline-to-space"),
        pytest.param("a\u00a0b", {}, "a b", id="nbsp-to-space"),
        pytest.param(
            " dòng 1  \r\n\r\n dòng\t2 ",
            {"multiline": True},
            "dòng 1\n\ndòng 2",
            id="multiline-keeps-newlines",
        ),
        pytest.param("x" * 10, {"max_len": 3}, "x" * 10, id="never-truncates"),
    ],
)
def test_clean(value, kwargs, expected):
    assert clean(value, **kwargs) == expected


class _Broken:
    def __str__(self) -> str:
        raise RuntimeError("boom")


def test_clean_never_raises_on_broken_str():
    assert clean(_Broken()) == ""


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param("abc", 3, False, id="at-limit"),
        pytest.param("abcd", 3, True, id="over-limit"),
    ],
)
def test_too_long(text, limit, expected):
    assert too_long(text, limit) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Nguyễn  Văn An", "nguyen van an", id="accents-and-spaces"),
        pytest.param("ĐẮK LẮK", "dak lak", id="d-stroke-upper"),
        pytest.param("đường", "duong", id="d-stroke-lower"),
        pytest.param(
            unicodedata.normalize("NFD", "Buôn Ma Thuột"),
            "buon ma thuot",
            id="already-decomposed",
        ),
        pytest.param("Ea H’Leo", "ea h'leo", id="curly-apostrophe"),
        pytest.param("Ea H'Leo", "ea h'leo", id="straight-apostrophe"),
        pytest.param(None, "", id="none"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def _fold_by_cleaning(text: str) -> str:
    """fold as it reads text outside its printable-ASCII shortcut."""
    text = clean(text).replace("`", "'").replace("đ", "d").replace("Đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def test_fold_shortcut_for_plain_text_gives_the_same_words():
    """The shortcut for printable ASCII (document numbers, folded text)
    must fold exactly as cleaning does, on every printable character."""
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(32, 127)] + ["đ", "Đ"]
    samples = ["01/QĐ-XPHC", "  47B1-123.45  ", "Ea H`Leo", "a  b", "", " "]
    samples += ["".join(rng.choices(alphabet, k=rng.randint(0, 30)))
                for _ in range(2000)]
    for text in samples:
        assert fold(text) == _fold_by_cleaning(text), repr(text)
    assert fold("01/QĐ-XPHC") == "01/qd-xphc"


def test_tokens():
    assert tokens(" Trần  Thị Bích ") == ["tran", "thi", "bich"]


ART_16 = "Điều 16 Nghị định 16/2022/NĐ-CP"


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("Buộc phá dỡ (khoản 15 điểm c)", f"Buộc phá dỡ (điểm c khoản 15 {ART_16})"),
        ("Buộc phá dỡ (điểm c khoản 15)", f"Buộc phá dỡ (điểm c khoản 15 {ART_16})"),
        ("Buộc đo đạc (khoản 12)", f"Buộc đo đạc (khoản 12 {ART_16})"),
        (
            "Buộc xin lỗi (khoản 4, theo diễn giải của nguồn)",
            f"Buộc xin lỗi (khoản 4 {ART_16}, theo diễn giải của nguồn)",
        ),
        ("Buộc tháo dỡ (nếu có)", "Buộc tháo dỡ (nếu có)"),
        ("", ""),
    ],
)
def test_cite_in_full_spells_out_the_catalogue_bracket(measure, expected):
    """User trial: MQĐ02 printed "(khoản 15 điểm c)"; the legal order is
    point, clause, article, decree, whichever order the catalogue holds."""
    assert cite_in_full(measure, 16, "16/2022/NĐ-CP") == expected


@pytest.mark.parametrize(
    ("joined", "expected"),
    [
        (
            "Kết quả cưỡng chế: đã chuyển vào tài khoản Kho bạc.; đã thu tiền phạt",
            "Kết quả cưỡng chế: đã chuyển vào tài khoản Kho bạc; đã thu tiền phạt",
        ),
        ("theo Điều 78 (năm 2020).; còn nộp", "theo Điều 78 (năm 2020); còn nộp"),
        ("đã tháo dỡ xong. , đã nộp đủ", "đã tháo dỡ xong, đã nộp đủ"),
        ("a;; b", "a; b"),
        # Numbers and a decimal comma are left alone.
        ("phạt 1.500.000 đồng; lãi 0,05%/ngày", "phạt 1.500.000 đồng; lãi 0,05%/ngày"),
        ("", ""),
    ],
)
def test_tidy_joins_leaves_no_doubled_punctuation(joined, expected):
    """User trial: a step's summary read "…Kho bạc.; đã thu tiền phạt…"."""
    assert tidy_joins(joined) == expected
