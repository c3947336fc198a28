"""A case with several seizures prints the papers of the one the officer
picks (issue 4): the print menu lists each seizure with its number and
date, and the chosen step is checked to be one of this case's."""

import pytest
from pdf_probe import all_text
from sqlmodel import select
from test_form_details import d, new_case, step, text_of

from tests.services.conftest import people, ref  # noqa: F401 - fixtures
from xlvphc.models import ProcedureStep, SeizedItem
from xlvphc.services import printing
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict


def _seizures(case_id: int) -> list[int]:
    """The case's seizure steps, first first."""
    with session_scope() as session:
        return list(
            session.exec(
                select(ProcedureStep.id)
                .where(ProcedureStep.case_id == case_id, ProcedureStep.step == "seize")
                .order_by(ProcedureStep.id)
            ).all()
        )


def _print(actor, case_id: int, code: str, step_id: object, mode: str = "final"):
    return printing.print_form(actor, case_id, code, mode, step_id)


def test_printing_the_first_of_two_seizures_prints_its_own_items(people):  # noqa: F811
    officer, other = people["canbo.a"], people["canbo.b"]
    case_id = new_case(officer)
    step(
        officer,
        case_id,
        "seize",
        description="Xe mô tô 47B1-123.45",
        quantity="01 chiếc",
        on=d(0),
        start_time="07:30",
        place="Đường Lê Duẩn",
        witnesses="Lê Văn Cường – tổ trưởng tổ dân phố – Tổ 5",
        days="7",
        decider_title="Chủ tịch",
    )
    step(
        officer,
        case_id,
        "seize",
        description="Giấy phép lái xe hạng A1",
        days="7",
        on=d(0),
        start_time="10:00",
        place="Trụ sở Công an phường",
        decider_title="Chủ tịch",
    )
    first, second = _seizures(case_id)

    # The menu lists each seizure's record and decision with number and date.
    rows = printing.menu_forms(officer, case_id)
    records = [r for r in rows if r["code"] == "MBB15"]
    assert [r["step"] for r in records] == [second, first]  # latest first
    assert records[1]["note"] == f"Số 01/BB-TG ngày {d(0)} – Xe mô tô 47B1-123.45"
    assert records[0]["note"].startswith(f"Số 02/BB-TG ngày {d(0)}")
    decisions = [r["note"] for r in rows if r["code"] == "MQĐ20"]
    assert decisions[1].startswith(f"Số 01/QĐ-TG ngày {d(0)}")
    assert all(r["step"] == 0 for r in rows if r["code"] not in ("MBB15", "MQĐ20"))

    # The first seizure's papers: its number, its items, its witness.
    record = text_of_step(officer, case_id, "MBB15", first)
    assert "Số: 01/BB-TG" in record
    assert "Xe mô tô 47B1-123.45" in record and "Lê Văn Cường" in record
    assert "Giấy phép lái xe hạng A1" not in record
    decision = text_of_step(officer, case_id, "MQĐ20", first)
    assert "Số: 01/QĐ-TG" in decision
    assert f"Căn cứ Biên bản số: 01/BB-TG lập ngày {d(0)}" in decision
    # The period runs from the hour the seizure began (user trial: blank).
    assert f"từ 07 giờ 30 ngày {d(0)}" in decision

    # Without a choice, and for the second, the latest seizure as before.
    for chosen in (0, second, str(second)):
        record = text_of_step(officer, case_id, "MBB15", chosen)
        assert "Số: 02/BB-TG" in record and "Giấy phép lái xe hạng A1" in record
        assert "47B1-123.45" not in record
    assert "Số: 02/BB-TG" in text_of(officer, case_id, "MBB15")

    # A draft of the first seizure's record is the first's too.
    _, draft = _print(officer, case_id, "MBB15", first, "draft")
    assert "Số: 01/BB-TG" in all_text(draft) and "DỰ THẢO" in all_text(draft)

    # Another case's seizure, a step of another kind, garbage: refused.
    other_case = new_case(other)
    step(other, other_case, "seize", days="7", description="Điện thoại", on=d(0),
         decider_title="Chủ tịch")
    (foreign,) = _seizures(other_case)
    for bad in (foreign, -1, "1 OR 1=1", 10**15, True, [first], {"id": first}):
        with pytest.raises(Conflict):
            _print(officer, case_id, "MBB15", bad)
    with pytest.raises(Conflict):
        _print(officer, case_id, "MQĐ03", first)  # not a seizure paper
    with pytest.raises(Conflict):
        _print(other, other_case, "MBB15", first)  # unit B, unit A's step


def test_each_return_is_listed_and_printed_on_its_own(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer)
    step(officer, case_id, "seize", days="7", description="Xe đạp điện", on=d(0),
         decider_title="Chủ tịch")
    step(officer, case_id, "seize", days="7", description="Máy cắt cỏ", on=d(0),
         decider_title="Chủ tịch")
    bike, mower = _items(case_id)
    step(
        officer,
        case_id,
        "return_item",
        item=str(bike),
        on=d(0),
        reason="Không phải tang vật",
    )
    step(
        officer,
        case_id,
        "return_item",
        item=str(mower),
        on=d(0),
        reason="Đã nộp tiền phạt",
    )
    rows = [r for r in printing.menu_forms(officer, case_id) if r["code"] == "MBB17"]
    assert [r["note"].split(" – ")[0] for r in rows] == [
        f"Số 02/BB-TL ngày {d(0)}",
        f"Số 01/BB-TL ngày {d(0)}",
    ]
    first_return = rows[1]["step"]
    text = text_of_step(officer, case_id, "MBB17", first_return)
    assert "Số: 01/BB-TL" in text and "Xe đạp điện" in text
    assert "Máy cắt cỏ" not in text


def _items(case_id: int) -> list[int]:
    """The case's seized items, first first."""
    with session_scope() as session:
        return list(
            session.exec(
                select(SeizedItem.id)
                .where(SeizedItem.case_id == case_id)
                .order_by(SeizedItem.id)
            ).all()
        )


def text_of_step(actor, case_id: int, code: str, step_id: object) -> str:
    return all_text(_print(actor, case_id, code, step_id)[1])
