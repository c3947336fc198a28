"""Document numbers: per unit, per series, per year; never reused, also when
several officers issue at the same moment."""

import threading

import pytest

from xlvphc.models import Unit
from xlvphc.services.db import session_scope
from xlvphc.services.numbering import SUFFIX, next_number, number_key, paper_form


def test_every_form_has_its_own_symbol():
    assert SUFFIX["MBB02"] == "BB-LV"
    assert SUFFIX["MBB03"] == "BB-GTTT"
    assert SUFFIX["MBB05"] == "BB-XM"
    assert SUFFIX["MBB06"] == "BB-KNQĐXP"
    assert SUFFIX["MBB09"] == "BB-XMCC"
    assert SUFFIX["MBB15"] == "BB-TG"
    assert SUFFIX["MQĐ03"] == "QĐ-HQĐPT"
    assert SUFFIX["MQĐ05"] == "QĐ-NPNL"
    assert SUFFIX["MQĐ20"] == "QĐ-TG"
    assert SUFFIX["MQĐ34"] == "QĐ-GQXP"
    assert SUFFIX["MQĐ35"] == "QĐ-GQCC"
    assert {
        SUFFIX[f"MQĐ{n}"] for n in ("07", "08", "09", "10", "11", "12a", "12b", "12c")
    } == {"QĐ-CCXP"}


@pytest.fixture
def units(db):
    """Units 1, 2 and 7: the sequence table refers to a unit."""
    with session_scope() as session:
        for unit_id in (1, 2, 7):
            session.add(
                Unit(
                    id=unit_id,
                    code=f"U{unit_id}",
                    name=f"Đơn vị {unit_id}",
                    kind="commune_committee",
                )
            )


def test_sequences_are_per_unit_series_and_year(units):
    with session_scope() as session:
        first = next_number(session, 1, "MQĐ03", 2026)
        second = next_number(session, 1, "MQĐ03", 2026)
        other_unit = next_number(session, 2, "MQĐ03", 2026)
        other_year = next_number(session, 1, "MQĐ03", 2027)
        other_form = next_number(session, 1, "MBB02", 2026)
        shared = [next_number(session, 1, code, 2026) for code in ("MQĐ07", "MQĐ11")]
        reduction = next_number(session, 1, "QĐ-MTP", 2026)

    # Under 10 with a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I).
    assert (first, second) == ("01/QĐ-HQĐPT", "02/QĐ-HQĐPT")
    assert other_unit == other_year == "01/QĐ-HQĐPT"
    assert other_form == "01/BB-LV"
    assert shared == ["01/QĐ-CCXP", "02/QĐ-CCXP"]  # one coercion series
    assert reduction == "01/QĐ-MTP"


def test_numbers_under_ten_get_a_leading_zero_and_no_more(units):
    with session_scope() as session:
        issued = [next_number(session, 1, "MBB01", 2026) for _ in range(101)]
    assert issued[:3] == ["01/BB-VPHC", "02/BB-VPHC", "03/BB-VPHC"]
    assert issued[8:11] == ["09/BB-VPHC", "10/BB-VPHC", "11/BB-VPHC"]
    assert issued[99:] == ["100/BB-VPHC", "101/BB-VPHC"]


def test_paper_numbers_keep_their_digits_and_match_any_writing():
    # Typed from paper: the digits as written, the symbol as printed.
    assert paper_form("07 / qđ-hb", "MQĐ40") == "07/QĐ-HB"
    assert paper_form("7/qd-hb", "MQĐ40") == "7/QĐ-HB"
    assert paper_form("7", "MQĐ40") == "7/QĐ-HB"
    assert paper_form("07", "QĐ-MTP") == "07/QĐ-MTP"
    assert paper_form("số 7 ngày 5/3", "MQĐ40") == "số 7 ngày 5/3"
    # One number however written: typed with or without the zero, or issued.
    keys = {number_key(n, "MQĐ40") for n in ("07 / qđ-hb", "7/QĐ-HB", "7", "007")}
    assert keys == {"7/QĐ-HB"}
    assert number_key("17/QĐ-HB", "MQĐ40") != number_key("7/QĐ-HB", "MQĐ40")
    assert number_key("70/QĐ-HB", "MQĐ40") == "70/QĐ-HB"


def test_concurrent_issuing_never_repeats_a_number(units):
    # SQLite serialises writers (database lock); on PostgreSQL the UPDATE's
    # row lock does the same. Each thread issues in its own transaction.
    issued: list[str] = []
    errors: list[Exception] = []
    lock = threading.Lock()

    def issue() -> None:
        for _ in range(5):
            try:
                with session_scope() as session:
                    number = next_number(session, 7, "MQĐ05", 2026)
                with lock:
                    issued.append(number)
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

    threads = [threading.Thread(target=issue) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert len(issued) == 40
    assert len(set(issued)) == 40
    assert sorted(int(n.split("/")[0]) for n in issued) == list(range(1, 41))
