"""A step's summary joins its parts with "; " and one of them is often typed
by the officer with its own full stop (user trial: "…vào tài khoản Kho
bạc.; đã thu tiền phạt…" on the case page). The timeline reads without the
doubled punctuation, for new steps and for rows written before."""

from sqlmodel import select

from tests.services.test_procedure import (  # noqa: F401  (lead: fixture)
    d,
    decided_case,
    lead,
    received_case,
    step,
)
from xlvphc.models import CaseEvent
from xlvphc.services.case_queries import get_case
from xlvphc.services.db import session_scope


def test_a_typed_full_stop_is_not_doubled_by_the_join(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", code="account", on=d(0), document="1/QĐ-CC")
    summary = step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        amount="3.500.000",
        surcharge="35.000",
        note="Ngân hàng đã trích chuyển vào tài khoản Kho bạc.",
    )
    assert summary.startswith(
        "Kết quả cưỡng chế: Ngân hàng đã trích chuyển vào tài khoản Kho bạc; "
        "đã thu tiền phạt 3.500.000 đồng"
    )
    assert ".;" not in summary
    timeline = [e["summary"] for e in get_case(officer, case_id)["timeline"]]
    assert summary in timeline


def test_an_earlier_row_reads_tidied_on_the_case_page(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=1)
    with session_scope() as session:
        session.add(
            CaseEvent(
                case_id=case_id,
                kind="coercion_done",
                actor_id=officer.user_id,
                summary="Kết quả cưỡng chế: vào tài khoản Kho bạc.; đã thu tiền",
            )
        )
    timeline = [e["summary"] for e in get_case(officer, case_id)["timeline"]]
    assert "Kết quả cưỡng chế: vào tài khoản Kho bạc; đã thu tiền" in timeline
    with session_scope() as session:
        stored = session.exec(
            select(CaseEvent.summary).where(CaseEvent.kind == "coercion_done")
        ).all()
    assert stored == ["Kết quả cưỡng chế: vào tài khoản Kho bạc.; đã thu tiền"]
