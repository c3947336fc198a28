"""Amounts in figures and words, as on forms MBB01/MQĐ02 (NĐ 118/2021 Phụ lục)."""

import pytest

from xlvphc.domain.money import (
    amount_in_words,
    format_number,
    format_vnd,
    parse_amount,
)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        pytest.param(0, "Không đồng", id="MQD02-words-0"),
        pytest.param(5, "Năm đồng", id="MQD02-words-5"),
        pytest.param(10, "Mười đồng", id="MQD02-words-10"),
        pytest.param(15, "Mười lăm đồng", id="MQD02-words-15-lam"),
        pytest.param(21, "Hai mươi mốt đồng", id="MQD02-words-21-mot"),
        pytest.param(24, "Hai mươi bốn đồng", id="MQD02-words-24"),
        pytest.param(25, "Hai mươi lăm đồng", id="MQD02-words-25-lam"),
        pytest.param(105, "Một trăm linh năm đồng", id="MQD02-words-105-linh"),
        pytest.param(111, "Một trăm mười một đồng", id="MQD02-words-111"),
        pytest.param(1000, "Một nghìn đồng", id="MQD02-words-1000"),
        pytest.param(1005, "Một nghìn không trăm linh năm đồng", id="MQD02-words-1005"),
        pytest.param(1010, "Một nghìn không trăm mười đồng", id="MQD02-words-1010"),
        pytest.param(
            1_000_005, "Một triệu không trăm linh năm đồng", id="MQD02-words-1000005"
        ),
        pytest.param(
            1_500_000, "Một triệu năm trăm nghìn đồng", id="MQD02-words-1500000"
        ),
        pytest.param(
            7_250_000,
            "Bảy triệu hai trăm năm mươi nghìn đồng",
            id="MQD02-words-7250000",
        ),
        pytest.param(2_000_000_000, "Hai tỷ đồng", id="MQD02-words-2-ty"),
        pytest.param(
            2_000_000_005, "Hai tỷ không trăm linh năm đồng", id="MQD02-words-ty-padded"
        ),
        pytest.param(1_000_000_000_000, "Một nghìn tỷ đồng", id="MQD02-words-nghin-ty"),
    ],
)
def test_amount_in_words(amount, expected):
    assert amount_in_words(amount) == expected


def test_amount_in_words_rejects_negative():
    with pytest.raises(ValueError):
        amount_in_words(-1)


@pytest.mark.parametrize(
    ("amount", "figures", "with_unit"),
    [
        pytest.param(0, "0", "0 đồng", id="MQD02-figures-0"),
        pytest.param(500, "500", "500 đồng", id="MQD02-figures-500"),
        pytest.param(
            1_500_000, "1.500.000", "1.500.000 đồng", id="MQD02-figures-1500000"
        ),
        pytest.param(
            2_000_000_000,
            "2.000.000.000",
            "2.000.000.000 đồng",
            id="MQD02-figures-2-ty",
        ),
    ],
)
def test_format(amount, figures, with_unit):
    assert format_number(amount) == figures
    assert format_vnd(amount) == with_unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1.500.000", 1_500_000, id="dots"),
        pytest.param("1,500,000", 1_500_000, id="commas"),
        pytest.param("1500000 đ", 1_500_000, id="plain-with-d"),
        pytest.param("1.500.000 đồng", 1_500_000, id="with-dong"),
        pytest.param("1.500.000đ", 1_500_000, id="unit-attached"),
        pytest.param(" 1 500 000 ", 1_500_000, id="spaces"),
        pytest.param("1500000 VNĐ", 1_500_000, id="vnd"),
        pytest.param(1_500_000, 1_500_000, id="int-passthrough"),
        pytest.param("0", 0, id="zero"),
        pytest.param("", None, id="empty"),
        pytest.param("abc", None, id="garbage"),
        pytest.param("-5", None, id="negative"),
        pytest.param(-5, None, id="negative-int"),
        pytest.param("1.50.000", None, id="bad-grouping"),
        pytest.param("1.500,000", None, id="mixed-separators"),
        pytest.param(None, None, id="none"),
        pytest.param(True, None, id="bool"),
    ],
)
def test_parse_amount(text, expected):
    assert parse_amount(text) == expected
