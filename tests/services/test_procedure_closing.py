"""Closing a case as fully executed (Luật XLVPHC Điều 73 k2): the fine paid,
the remedial measures carried out (Điều 28, 85; by coercion, Điều 86) and
every seized item returned or confiscated (Điều 126); and each step that
changes the stage shown in the change history ("Lịch sử thay đổi") with the
stage before and after, in Vietnamese."""

import pytest
from sqlmodel import select

from tests.services.test_procedure import (
    FAMILY_SMALL,
    TRAFFIC,
    case_row,
    d,
    decided_case,
    lead,  # noqa: F401 (fixture)
    new_case,
    step,
)
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.models import SeizedItem
from xlvphc.services import case_edit
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict
from xlvphc.services.procedure import (
    allowed_steps,
    case_procedure,
    decide_without_record,
)

MEASURE = "Buộc tháo dỡ công trình xây dựng không phép"


def paid_case(officer, days_ago: int = 2, **decision) -> int:
    """Decided and received `days_ago` days ago, the fine paid today, with
    its late-payment interest past the 10 days (Art. 78 k1: 0,05 % a day)."""
    case_id = decided_case(officer, FAMILY_SMALL, days_ago, **decision)
    step(officer, case_id, "receipt", on=d(days_ago))
    late = max(days_ago - 10, 0) * 3_500_000 // 2000
    interest = {"surcharge": str(late)} if late else {}
    step(officer, case_id, "payment", on=d(0), amount="3.500.000", **interest)
    return case_id


def offered(actor, case_id: int) -> set[str]:
    return {s["code"] for s in allowed_steps(actor, case_id)}


def close_refusal(officer, case_id: int) -> str:
    with pytest.raises(Conflict) as refused:
        step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).status != "closed"
    return refused.value.message


def test_art73_remedial_measure_not_done_refuses_closing(people):
    """Art. 73 k2, Art. 85: paid but the building not yet pulled down."""
    officer = people["canbo.a"]
    case_id = paid_case(officer, remedial_measures=MEASURE)
    assert "close_executed" not in offered(officer, case_id)
    assert "remedial_done" in offered(officer, case_id)
    message = close_refusal(officer, case_id)
    assert "biện pháp khắc phục hậu quả" in message and MEASURE in message
    assert "Ghi nhận đã thực hiện biện pháp khắc phục" in message

    # The case page says why the closing step is not there yet.
    [held] = case_procedure(officer, case_id)["held"]
    assert held["label"].startswith("Kết thúc") and MEASURE in held["reason"]

    step(officer, case_id, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    assert "close_executed" in offered(officer, case_id)
    assert case_procedure(officer, case_id)["held"] == []
    # Recorded once: the step is no longer offered (user trial: it was).
    assert "remedial_done" not in offered(officer, case_id)


def test_art28_no_remedial_step_when_the_decision_names_none(people):
    officer = people["canbo.a"]
    case_id = paid_case(officer)

    assert "remedial_done" not in offered(officer, case_id)
    with pytest.raises(Conflict):
        step(officer, case_id, "remedial_done", on=d(0), note="Không có gì")
    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).close_reason == "executed"


def test_art86_coerced_remedial_measure_counts_once_its_result_is_recorded(
    people,
    lead,  # noqa: F811
):
    """Art. 86 k1: the result of a coercion to carry out the remedial
    measure (MQĐ11) records it done; a coercion to collect money does not."""
    officer = people["canbo.a"]
    case_id = paid_case(officer, days_ago=30, remedial_measures=MEASURE)
    step(lead, case_id, "coerce", code="remedial", on=d(0), document="1/QĐ-CC")
    assert "biện pháp khắc phục" in close_refusal(officer, case_id)
    step(officer, case_id, "coercion_done", on=d(0), note="Đã cưỡng chế tháo dỡ")
    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).close_reason == "executed"


def test_art86_money_coercion_result_is_not_the_remedial_measure(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, 30, remedial_measures=MEASURE)
    step(officer, case_id, "receipt", on=d(30))
    step(lead, case_id, "coerce", code="account", on=d(0), document="2/QĐ-CC")
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        amount="3.500.000",
        surcharge="35.000",  # Art. 78 k1: 20 days late
        note="Ngân hàng đã trích chuyển",
    )
    message = close_refusal(officer, case_id)
    assert "chưa nộp" not in message and MEASURE in message


def test_art126_held_item_refuses_closing_and_the_message_lists_everything(
    people,
):
    """Art. 126: a seized item must be returned or confiscated first; the
    refusal names every missing piece (fine, remedial measure, item)."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, 2, remedial_measures=MEASURE)
    step(officer, case_id, "seize", days="7", description="Xe mô tô 47B1-123.45",
         on=d(2))
    message = close_refusal(officer, case_id)
    assert "3.500.000 đồng tiền phạt chưa nộp" in message
    assert MEASURE in message
    assert "chưa trả lại hoặc tịch thu (Xe mô tô 47B1-123.45" in message

    step(officer, case_id, "receipt", on=d(2))
    step(officer, case_id, "payment", on=d(0), amount="3.500.000")
    step(officer, case_id, "remedial_done", on=d(0), note="Đã tháo dỡ")
    assert "Xe mô tô" in close_refusal(officer, case_id)
    with session_scope() as session:
        item = session.exec(
            select(SeizedItem.id).where(SeizedItem.case_id == case_id)
        ).one()
    step(officer, case_id, "return_item", item=str(item), on=d(0), document="1/BB")
    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).status == "closed"


def test_art73_without_remedial_measure_or_items_closes_once_paid(people):
    officer = people["canbo.a"]
    case_id = paid_case(officer)
    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).close_reason == "executed"


# ------------------------------------------------------------- history


def changes(officer, case_id: int) -> tuple[str, dict]:
    entry = case_edit.case_history(officer, case_id)[0]
    return entry["action"], {
        c["field"]: (c["before"], c["after"]) for c in entry["changes"]
    }


def test_art73_closing_is_in_the_change_history(people):
    officer = people["canbo.a"]
    case_id = paid_case(officer)
    step(officer, case_id, "close_executed", on=d(0))
    action, changed = changes(officer, case_id)
    assert action == "Kết thúc: đã chấp hành xong"
    assert changed["Trạng thái"] == ("Đang thi hành", "Đã kết thúc")
    assert changed["Lý do kết thúc"] == ("—", "Đã chấp hành xong")
    assert changed["Ngày kết thúc"][0] == "—"


def test_art18_cancellation_is_in_the_change_history(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=5)
    step(lead, case_id, "cancel", on=d(0), document="1/QĐ-HB", note="Sai đối tượng")
    action, changed = changes(officer, case_id)
    assert action == "Hủy bỏ quyết định"
    assert changed["Trạng thái"] == ("Đã ra quyết định", "Đã kết thúc")
    assert changed["Lý do kết thúc"][1] == "Quyết định bị hủy bỏ"


def test_art62_transfer_and_decisions_are_in_the_change_history(people):
    """Art. 62 (transfer for prosecution), Art. 68 (MQĐ02), Art. 56 (MQĐ01)."""
    officer = people["canbo.a"]
    sent = new_case(officer, TRAFFIC)
    step(officer, sent, "transfer_criminal", on=d(0), document="1", note="Công an")
    action, changed = changes(officer, sent)
    assert action == "Chuyển hồ sơ để truy cứu trách nhiệm hình sự"
    assert changed["Trạng thái"][0] == "Đã lập biên bản"

    decided = decided_case(officer, days_ago=1)
    action, changed = changes(officer, decided)
    assert action == "Ra quyết định xử phạt"
    assert changed["Trạng thái"] == ("Đã lập biên bản", "Đã ra quyết định")

    spot = decide_without_record(officer, spot_form())
    action, changed = changes(officer, spot)
    assert action.startswith("Xử phạt không lập biên bản")
    assert changed["Trạng thái"] == ("—", "Đã ra quyết định")
