"""Acts whose frame doubles in a ward (phường): the rule read from the
catalogue's source note, the ward's frame and the words the act then uses."""

import csv

import pytest

from xlvphc.domain.ward_fines import WardRule, ward_rule, ward_wording
from xlvphc.services.reference import DATA_DIR


def _rows() -> list[dict[str, str]]:
    with open(DATA_DIR / "violations_catalogue.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_catalogue_rows_that_say_so_double_with_their_clause():
    rules = {
        (r["decree"], r["article"], r["clause"], r["point"]): ward_rule(r["source"])
        for r in _rows()
    }
    doubled = {key: rule for key, rule in rules.items() if rule is not None}
    assert doubled == {
        ("123/2024/NĐ-CP", "10", "1", "a"): WardRule(2, 3),
        ("123/2024/NĐ-CP", "10", "2", "a"): WardRule(2, 3),
        ("123/2024/NĐ-CP", "13", "4", "a"): WardRule(2, 6),
    }


@pytest.mark.parametrize(
    "source",
    [
        "",
        None,
        "github:x/y@1 a.md",
        "github:x/y@1 a.md [tại phường: gấp 01 lần (khoản 3)]",
        "github:x/y@1 a.md tại phường gấp đôi",
    ],
)
def test_a_row_without_a_readable_rule_keeps_its_frame(source):
    assert ward_rule(source) is None


def test_the_wards_frame_is_the_communes_times_the_factor():
    rule = ward_rule("src.md [tại phường: gấp 02 lần (khoản 3)]")
    assert rule.frame(3_000_000, 5_000_000) == (6_000_000, 10_000_000)
    # A warning-only act stays a warning.
    assert rule.frame(None, None) == (None, None)


def test_the_note_names_the_clause_and_article_as_the_decree_does():
    assert WardRule(2, 3).note(10) == "tại phường: gấp 02 lần (khoản 3 Điều 10)"
    assert WardRule(2, 6).note(13) == "tại phường: gấp 02 lần (khoản 6 Điều 13)"


def test_the_act_reads_tai_phuong_in_a_ward():
    act = "Lấn, chiếm đất phi nông nghiệp tại xã, diện tích dưới 0,02 ha"
    assert ward_wording(act) == (
        "Lấn, chiếm đất phi nông nghiệp tại phường, diện tích dưới 0,02 ha"
    )
    # Nothing to change, or not one place to change: left as it is.
    assert ward_wording("Chiếm đất") == "Chiếm đất"
    twice = "Chiếm đất tại xã A và tại xã B"
    assert ward_wording(twice) == twice
    assert ward_wording("đất tại xãx") == "đất tại xãx"
