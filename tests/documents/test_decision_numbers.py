"""Numbers of the decisions the procedure steps issue (issue 4): each unit
has its own series per symbol and year. Left empty, "Số quyết định" takes
the series' next number; typed, it is a number already given on paper:
kept, moving the series past it, and refused at the field when it has no
digit or the unit already gave it to such a decision that year
(services/procedure/decision_numbers.py)."""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlmodel import select
from test_form_details import d, new_case, step, text_of, version

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    decision_form,
    make_user,
    people,
    ref,
)
from xlvphc.domain.calendar import add_months
from xlvphc.models import DocumentSequence, ProcedureStep, Unit
from xlvphc.models.base import local_now
from xlvphc.services import cases
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure import allowed_steps

TODAY = local_now().date()
YEAR = TODAY.year
FAMILY_SMALL = (37, 1, "", "282/2025/NĐ-CP")  # 2.000.000–5.000.000 đồng
RELIEF = {"hardship": "1", "certifier": "UBND phường Tuy Hòa"}
UNIT_A, UNIT_B = "UBND-22015", "UBND-22045"


@pytest.fixture
def actors(people):  # noqa: F811 - fixture from the services conftest
    """Officer and chairperson of unit A, and of unit B."""
    make_user("chutich.a", UNIT_A, Role.AUTHORITY, "Chủ tịch UBND")
    make_user("chutich.b", UNIT_B, Role.AUTHORITY, "Chủ tịch UBND")
    return {
        "a": (people["canbo.a"], actor_for("chutich.a")),
        "b": (people["canbo.b"], actor_for("chutich.b")),
    }


def decided(officer) -> int:
    """A case decided yesterday: 3.500.000 đồng, no explanation needed."""
    case_id = new_case(officer, act=FAMILY_SMALL, days_ago=1)
    cases.issue_decision(
        officer,
        case_id,
        decision_form(decided_on=d(1), version=version(case_id)),
    )
    return case_id


def postponed(officer) -> int:
    """Decided, then postponed (a reduction needs it, Law Art. 77 k1)."""
    case_id = decided(officer)
    step(officer, case_id, "postpone", **POSTPONE)
    return case_id


POSTPONE = {
    "on": d(0),
    "until": add_months(TODAY, 3).strftime("%d/%m/%Y"),
    **RELIEF,
}
INSTALMENTS = {
    "on": d(0),
    **RELIEF,
    "conditions_checked": "1",  # 3.500.000 đồng: under the Art. 79 floor
    "amount_1": "1.400.000",
    "due_1": (TODAY + timedelta(days=10)).strftime("%d/%m/%Y"),
    "amount_2": "2.100.000",
    "due_2": add_months(TODAY, 2).strftime("%d/%m/%Y"),
}


@dataclass(frozen=True)
class Row:
    """One step issuing a decision, as the table below tries it."""

    step: str
    symbol: str  # the series its number belongs to
    data: dict
    by_lead: bool = False  # taken by the chairperson (Action.DECISION_SIGN)
    setup: Callable[[object], int] = decided


ROWS = [
    Row("postpone", "QĐ-HQĐPT", POSTPONE),
    Row("instalments", "QĐ-NPNL", INSTALMENTS),
    Row(
        "reduce",
        "QĐ-GTP",
        {"code": "reduce", "amount": "1.000.000", "on": d(0), **RELIEF},
        setup=postponed,
    ),
    Row("reduce", "QĐ-MTP", {"code": "exempt_all", "on": d(0), **RELIEF}),
    Row("transfer_criminal", "QĐ-CHS", {"on": d(0), "note": "Cơ quan CSĐT"}),
    Row("amend", "QĐ-SĐBSHB", {"on": d(0), "note": "Sửa địa chỉ"}),
    Row("correct", "QĐ-ĐC", {"on": d(0), "note": "Sửa năm sinh"}),
    Row("cancel", "QĐ-HB", {"on": d(0), "note": "Sai đối tượng"}, by_lead=True),
    Row("close_partly", "QĐ-THMP", {"on": d(0), "note": "Người vi phạm đã chết"}),
]


def _number(case_id: int, code: str) -> str:
    with session_scope() as session:
        return session.exec(
            select(ProcedureStep.document)
            .where(ProcedureStep.case_id == case_id, ProcedureStep.step == code)
            .order_by(ProcedureStep.id.desc())
        ).first()


def _last(unit_code: str, symbol: str) -> int | None:
    with session_scope() as session:
        unit = session.exec(select(Unit.id).where(Unit.code == unit_code)).one()
        return session.exec(
            select(DocumentSequence.last).where(
                DocumentSequence.unit_id == unit,
                DocumentSequence.doc_type == symbol,
                DocumentSequence.year == YEAR,
            )
        ).first()


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.step}-{r.symbol}" for r in ROWS])
def test_decision_numbers_come_from_the_unit_series(actors, row):
    def take(unit: str, number: str = "", case_id: int | None = None) -> int:
        officer, lead = actors[unit]
        case_id = case_id or row.setup(officer)
        data = {**row.data, **({"document": number} if number else {})}
        step(lead if row.by_lead else officer, case_id, row.step, **data)
        return case_id

    # The step's form says the number is optional and what an empty one does.
    officer, lead = actors["a"]
    first = row.setup(officer)
    offered = {
        s["code"]: s for s in allowed_steps(lead if row.by_lead else officer, first)
    }
    number_field = next(
        f for f in offered[row.step]["fields"] if f["name"] == "document"
    )
    assert not number_field["required"]
    assert number_field["hint"].startswith("Để trống để hệ thống cấp số tiếp theo")
    assert f"…/{row.symbol}" in number_field["hint"]

    # Empty: the unit's next number of that symbol this year, under 10 with
    # a leading zero (Nghị định 30/2020/NĐ-CP).
    take("a", case_id=first)
    assert _number(first, row.step) == f"01/{row.symbol}"
    assert _number(take("a"), row.step) == f"02/{row.symbol}"

    # Typed from a paper decision: kept with its digits as written (the
    # symbol as printed), and the series moves past it so the system never
    # issues it again.
    paper = take("a", f"07 / {row.symbol.lower()}")
    assert _number(paper, row.step) == f"07/{row.symbol}"
    assert _last(UNIT_A, row.symbol) == 7
    assert _number(take("a"), row.step) == f"08/{row.symbol}"

    # Used already by the unit that year, with or without the leading zero,
    # or without a digit: refused at the field in Vietnamese, nothing written.
    refused_case = row.setup(officer)
    for typed, message in (
        (f"7/{row.symbol}", f"Số 7/{row.symbol} đã được dùng cho một quyết định"),
        (f"0007/{row.symbol}", f"Số 0007/{row.symbol} đã được dùng cho một"),
        ("2", f"Số 2/{row.symbol} đã được dùng cho một quyết định"),
        ("08", f"Số 08/{row.symbol} đã được dùng cho một quyết định"),
        ("số mới", f"Số quyết định phải có chữ số, ví dụ 05/{row.symbol}."),
    ):
        with pytest.raises(ValidationFailed) as refused:
            take("a", typed, refused_case)
        assert refused.value.errors["document"].startswith(message)
    assert _number(refused_case, row.step) is None
    assert _last(UNIT_A, row.symbol) == 8

    # Another unit has its own series.
    assert _number(take("b"), row.step) == f"01/{row.symbol}"
    assert _last(UNIT_A, row.symbol) == 8


def test_printed_decision_carries_the_issued_number(actors):
    officer = actors["a"][0]
    case_id = decided(officer)
    step(officer, case_id, "reduce", code="exempt_all", on=d(0), **RELIEF)
    assert "Số: 01/QĐ-MTP" in text_of(officer, case_id, "MQĐ04")
    again = decided(officer)
    step(officer, again, "postpone", document="12/QĐ-HQĐPT", **POSTPONE)
    assert "Số: 12/QĐ-HQĐPT" in text_of(officer, again, "MQĐ03")


def test_concurrent_issuers_never_share_a_number(actors):
    """Eight officers at once, four typing the same paper number and four
    leaving it empty: every decision saved has its own number, and each
    refusal is the Vietnamese one at the field."""
    officer = actors["a"][0]
    case_ids = [decided(officer) for _ in range(8)]
    refusals: list[dict] = []
    failures: list[Exception] = []
    lock = threading.Lock()

    def correct(n: int, case_id: int) -> None:
        paper = {"document": "3/QĐ-ĐC"} if n < 4 else {}
        try:
            step(officer, case_id, "correct", on=d(0), note="Sửa năm sinh", **paper)
        except ValidationFailed as exc:
            with lock:
                refusals.append(exc.errors)
        except Exception as exc:  # noqa: BLE001 - reported below
            with lock:
                failures.append(exc)

    threads = [
        threading.Thread(target=correct, args=(n, case_id))
        for n, case_id in enumerate(case_ids)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not failures, failures
    saved = [n for n in (_number(c, "correct") for c in case_ids) if n]
    assert len(saved) == len(set(saved)) == 8 - len(refusals)
    # "3/QĐ-ĐC" typed and "03/QĐ-ĐC" issued are one number: at most once.
    assert sum(int(n.split("/")[0]) == 3 for n in saved) <= 1
    assert all("đã được dùng" in r["document"] for r in refusals)
    assert len(saved) >= 5  # the empty ones always get a number
