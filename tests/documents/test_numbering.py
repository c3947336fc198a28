"""Document numbers: per unit, per series, per year; never reused, also when
several officers issue at the same moment."""

import threading

import pytest

from xlvphc.models import Unit
from xlvphc.services.db import session_scope
from xlvphc.services.numbering import SUFFIX, next_number


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

    assert (first, second) == ("1/QĐ-HQĐPT", "2/QĐ-HQĐPT")
    assert other_unit == other_year == "1/QĐ-HQĐPT"
    assert other_form == "1/BB-LV"
    assert shared == ["1/QĐ-CCXP", "2/QĐ-CCXP"]  # one coercion series
    assert reduction == "1/QĐ-MTP"


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
