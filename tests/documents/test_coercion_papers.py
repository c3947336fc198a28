"""Coercion papers (issue 4): decisions MQĐ07-MQĐ12c take their number from
the unit's "QĐ-CCXP" series unless they were signed on paper first, and the
records MBB10-MBB12 are made and signed by the person who organised the
coercion."""

import pytest
from sqlmodel import select
from test_form_details import d, overdue, step, text_of

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    make_user,
    people,
    ref,
)
from xlvphc.models import DocumentSequence, ProcedureStep, Unit
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure.details import case_details

# A deduction from salary names the employer and what it deducts from
# (both required for MQĐ07).
SALARY = {
    "code": "salary",
    "holder": "Công ty TNHH Cà phê Buôn Ma Thuột",
    "deduct_from": "salary",
}
YEAR = int(d(0)[-4:])


@pytest.fixture
def leads(people):  # noqa: F811 - fixture from the services conftest
    """The chairpersons of unit A and of unit B."""
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    make_user("chutich.b", "UBND-22045", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a"), actor_for("chutich.b")


def _numbers(case_id: int) -> list[str]:
    with session_scope() as session:
        return list(
            session.exec(
                select(ProcedureStep.document)
                .where(ProcedureStep.case_id == case_id, ProcedureStep.step == "coerce")
                .order_by(ProcedureStep.id)
            ).all()
        )


def _last(unit_code: str) -> int:
    """The last number of the unit's coercion series this year."""
    with session_scope() as session:
        unit = session.exec(select(Unit.id).where(Unit.code == unit_code)).one()
        return session.exec(
            select(DocumentSequence.last).where(
                DocumentSequence.unit_id == unit,
                DocumentSequence.doc_type == "QĐ-CCXP",
                DocumentSequence.year == YEAR,
            )
        ).one()


def test_decisions_numbered_from_the_unit_series(people, leads):  # noqa: F811
    officer, other = people["canbo.a"], people["canbo.b"]
    lead, other_lead = leads
    first, second = overdue(officer), overdue(officer)

    # Left empty, the number is the unit's next one, whatever the measure.
    summary = step(lead, first, "coerce", code="distraint", on=d(0))
    assert summary.startswith("Quyết định cưỡng chế số 01/QĐ-CCXP")
    step(lead, second, "coerce", code="account", on=d(0))
    assert _numbers(first) == ["01/QĐ-CCXP"] and _numbers(second) == ["02/QĐ-CCXP"]
    assert "Số: 01/QĐ-CCXP" in text_of(lead, first, "MQĐ09")
    assert "Số: 02/QĐ-CCXP" in text_of(lead, second, "MQĐ08")
    shown = {r["label"]: r["value"] for r in case_details(officer, first)[0]["rows"]}
    assert shown["Số quyết định"] == "01/QĐ-CCXP"

    # A decision signed on paper keeps its number, and the series moves past
    # it so the system never issues it again.
    third = overdue(officer)
    summary = step(lead, third, "coerce", **SALARY, on=d(0), document="7/QĐ-CCXP")
    assert "7/QĐ-CCXP (đã ban hành trên giấy)" in summary
    assert _last("UBND-22015") == 7
    fourth = overdue(officer)
    step(lead, fourth, "coerce", **SALARY, on=d(0))
    assert _numbers(fourth) == ["08/QĐ-CCXP"]

    # An older paper number below the series, not yet used: kept, series
    # unchanged. A number already given, or one without digits: refused at
    # the field, nothing written.
    fifth = overdue(officer)
    step(lead, fifth, "coerce", **SALARY, on=d(0), document="5/QĐ-CCXP")
    assert _last("UBND-22015") == 8
    sixth = overdue(officer)
    for taken in ("7/QĐ-CCXP", "1/QĐ-CCXP", "5/QĐ-CCXP"):
        with pytest.raises(ValidationFailed) as refused:
            step(lead, sixth, "coerce", **SALARY, on=d(0), document=taken)
        assert (
            "đã được dùng cho một quyết định cưỡng chế khác"
            in (refused.value.errors["document"])
        )
    with pytest.raises(ValidationFailed) as refused:
        step(lead, sixth, "coerce", **SALARY, on=d(0), document="QĐ-CCXP")
    assert refused.value.errors["document"].startswith("Số quyết định phải có chữ số")
    assert _numbers(sixth) == [] and _last("UBND-22015") == 8

    # A paper number of another symbol is the unit's own business: kept,
    # the series untouched.
    step(lead, sixth, "coerce", **SALARY, on=d(0), document="12/QĐ-CC")
    assert _numbers(sixth) == ["12/QĐ-CC"] and _last("UBND-22015") == 8

    # Another unit has its own series: its first number is 1, and unit A's
    # paper number 7 is free for it.
    theirs = overdue(other)
    step(other_lead, theirs, "coerce", **SALARY, on=d(0))
    assert _numbers(theirs) == ["01/QĐ-CCXP"]
    again = overdue(other)
    step(other_lead, again, "coerce", **SALARY, on=d(0), document="7/QĐ-CCXP")
    assert _numbers(again) == ["7/QĐ-CCXP"]


def _distraint_done(officer, lead, **extra) -> int:
    case_id = overdue(officer)
    step(lead, case_id, "coerce", code="distraint", on=d(1), action_place="Thôn 3")
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        note="Đã kê biên 01 xe mô tô",
        start_time="08:00",
        end_time="09:45",
        place="Thôn 3, xã Ea Kao",
        witnesses="H'Hen Niê – Nông dân – Thôn 3, xã Ea Kao\n"
        "Nguyễn Thị Lan – Nông dân – Thôn 4, xã Ea Kao\n"
        "Lý Văn Sáu – Phó Chủ tịch – UBND xã Ea Kao",
        **extra,
    )
    return case_id


def test_coercion_record_is_made_by_its_organiser(people, leads):  # noqa: F811
    officer, lead = people["canbo.a"], leads[0]
    case_id = _distraint_done(
        officer,
        lead,
        leader_name="Y Bhăm Êban",
        leader_title="Phó Chủ tịch Ủy ban nhân dân phường",
    )
    text = text_of(officer, case_id, "MBB12")
    part_1 = text.split("2. Cơ quan phối hợp")[0]
    assert "Họ và tên: Y Bhăm Êban" in part_1
    assert "Chức vụ: Phó Chủ tịch Ủy ban nhân dân phường" in part_1
    # The violation record's maker neither leads the team nor signs.
    assert "Trần Thị Bình" not in text
    signatures = text.split("NGƯỜI LẬP BIÊN BẢN")[1]
    assert "Y Bhăm Êban" in signatures
    # The local authority's witness signs under its own heading, not the
    # person coerced.
    assert "Lý Văn Sáu" in text.split("CỦA CÁ NHÂN BỊ CƯỠNG CHẾ")[-1]
    shown = {r["label"]: r["value"] for r in case_details(officer, case_id)[0]["rows"]}
    assert shown["Người tổ chức cưỡng chế: họ và tên"] == "Y Bhăm Êban"


def test_without_an_organiser_the_record_maker_signs(people, leads):  # noqa: F811
    officer, lead = people["canbo.a"], leads[0]
    case_id = _distraint_done(officer, lead)
    text = text_of(officer, case_id, "MBB12")
    assert "Họ và tên: Trần Thị Bình" in text.split("2. Cơ quan phối hợp")[0]
    assert "Trần Thị Bình" in text.split("NGƯỜI LẬP BIÊN BẢN")[1]


@pytest.mark.parametrize(
    ("fields", "key", "message"),
    [
        ({"leader_name": "Nguyễn Văn 2"}, "leader_name", "không có chữ số"),
        ({"leader_title": "Chủ tịch"}, "leader_name", "Ghi họ và tên người tổ chức"),
    ],
)
def test_organiser_refused(people, leads, fields, key, message):  # noqa: F811
    officer, lead = people["canbo.a"], leads[0]
    with pytest.raises(ValidationFailed) as refused:
        _distraint_done(officer, lead, **fields)
    assert message in refused.value.errors[key]
