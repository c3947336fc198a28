"""The official copies of MQĐ20 (seizure) and MQĐ21 (its extension) never
print "THẨM QUYỀN BAN HÀNH ………" or "CHỨC VỤ CỦA NGƯỜI KÝ" (user trial): a
decider's title left empty is settled when the step is recorded
(services/procedure/deciders.py) from the person named, the sanction
decision's signer when no one is named, else the acting account's signer
title; when nothing tells it, the step is refused at the field. The blank
form keeps its dotted placeholders. PDFs read back with pypdf."""

import json
from datetime import timedelta

import pytest
from pdf_probe import all_text
from sqlmodel import select
from test_form_details import TODAY, d, new_case, step, version
from test_issuer_titles import chief  # noqa: F401 - fixture

from tests.services.conftest import (  # noqa: F401 - fixtures
    decision_form,
    people,
    ref,
)
from xlvphc.domain.calendar import add_working_days
from xlvphc.domain.dates import fmt_date
from xlvphc.models import SeizedItem
from xlvphc.models.form_details import StepDetail
from xlvphc.models.procedure import ProcedureStep
from xlvphc.services import cases, printing
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed

DOTTED = ("THẨM QUYỀN BAN HÀNH", "CHỨC VỤ CỦA NGƯỜI KÝ")
REASON = "Cần giám định số khung, số máy của phương tiện"
SEIZURE_REFUSAL = (
    "Vui lòng ghi chức vụ của người ra quyết định tạm giữ (ví dụ: Trưởng Công "
    "an xã Ea Kao) để in thẩm quyền ban hành và chức vụ người ký trên Quyết "
    "định tạm giữ (MQĐ20): không lấy được chức vụ này từ quyết định xử phạt "
    "của hồ sơ hay từ chức danh người ký của tài khoản đang dùng."
)


def _text(actor, case_id: int, code: str, mode: str = "final") -> str:
    return all_text(printing.print_form(actor, case_id, code, mode)[1])


def _seize(actor, case_id: int, **decider) -> int:
    """A motorbike seized 2 days ago for 7 working days; its item id."""
    step(
        actor,
        case_id,
        "seize",
        description="Xe mô tô 47B1-123.45",
        on=d(2),
        days="7",
        **decider,
    )
    with session_scope() as session:
        return session.exec(
            select(SeizedItem.id).where(SeizedItem.case_id == case_id)
        ).first()


def _extend(actor, case_id: int, item: int, **extender) -> None:
    end = add_working_days(TODAY - timedelta(days=2), 7)
    step(
        actor,
        case_id,
        "extend_seizure",
        item=str(item),
        on=d(0),
        new_end=fmt_date(add_working_days(end, 3)),
        extend_reason=REASON,
        **extender,
    )


def _decided(actor, **signer) -> int:
    """A case decided 3 days ago by the sanction decision's signer."""
    case_id = new_case(actor, days_ago=3)
    cases.issue_decision(
        actor,
        case_id,
        decision_form(decided_on=d(3), version=version(case_id), **signer),
    )
    return case_id


def test_before_a_decision_the_acting_authority_issues_both(chief):  # noqa: F811
    """The trial: the commune police head records the seizure and its
    extension, leaving who decides empty."""
    case_id = new_case(chief, days_ago=2)
    item = _seize(chief, case_id)
    _extend(chief, case_id, item)
    for code in ("MQĐ20", "MQĐ21"):
        text = _text(chief, case_id, code)
        assert "TRƯỞNG CÔNG AN XÃ CƯ M’GAR Căn cứ" in text, code
        assert "TRƯỞNG Cán bộ truong.ca" in text, code
        assert not any(dots in text for dots in DOTTED), code


def test_the_decision_signer_s_told_title_when_named_or_none(people):  # noqa: F811
    """The decision's title left empty too: its told title
    ("Chủ tịch Ủy ban nhân dân phường Tuy Hòa"), as MQĐ02 prints it."""
    officer = people["canbo.a"]  # no signer title of its own
    for decider in ({}, {"decider_name": "Phạm Văn Dũng"}):
        case_id = _decided(
            officer,
            signer_title="",
            signer_title_code="chu_tich_ubnd_xa",
            authority_confirmed="1",
        )
        item = _seize(officer, case_id, **decider)
        _extend(officer, case_id, item)
        for code in ("MQĐ20", "MQĐ21"):
            text = _text(officer, case_id, code)
            assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA Căn cứ" in text
            assert "CHỦ TỊCH Phạm Văn Dũng" in text
            assert not any(dots in text for dots in DOTTED), (code, decider)


def test_without_any_known_title_the_step_is_refused_at_the_field(people):  # noqa: F811
    officer = people["canbo.a"]
    # No decision, an account without a signer title, a name alone.
    case_id = new_case(officer, days_ago=2)
    for decider in ({}, {"decider_name": "Trần Văn Bình"}):
        before = version(case_id)
        with pytest.raises(ValidationFailed) as refused:
            _seize(officer, case_id, **decider)
        assert refused.value.errors == {"decider_title": SEIZURE_REFUSAL}
        assert version(case_id) == before
    # Someone other than the decision's signer, named without a title.
    decided = _decided(officer)
    with pytest.raises(ValidationFailed) as refused:
        _seize(officer, decided, decider_name="Lê Văn Tám")
    assert set(refused.value.errors) == {"decider_title"}

    # The extension: an extender named without a title who is neither the
    # decision's signer nor the seizure's decider is refused; left empty,
    # the seizure's decider extends it.
    item = _seize(
        officer, case_id, decider_name="Trần Văn Bình", decider_title="Chủ tịch"
    )
    with pytest.raises(ValidationFailed) as refused:
        _extend(officer, case_id, item, extender_name="Lê Văn Tám")
    assert set(refused.value.errors) == {"extender_title"}
    assert (
        "Quyết định kéo dài thời hạn tạm giữ (MQĐ21)"
        in (refused.value.errors["extender_title"])
    )
    _extend(officer, case_id, item, extender_name="Trần Văn Bình")
    text = _text(officer, case_id, "MQĐ21")
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA Căn cứ" in text
    assert "CHỦ TỊCH Trần Văn Bình" in text


def test_an_older_seizure_prints_the_decision_signer(people):  # noqa: F811
    """A step recorded while the title could stay empty prints the sanction
    decision's signer (services.printing), not dots."""
    officer = people["canbo.a"]
    case_id = _decided(officer)
    _seize(officer, case_id)
    with session_scope() as session:
        detail = session.exec(
            select(StepDetail)
            .join(ProcedureStep, ProcedureStep.id == StepDetail.step_id)
            .where(ProcedureStep.case_id == case_id, ProcedureStep.step == "seize")
        ).one()
        data = json.loads(detail.data)
        assert data["decider_name"] == "Phạm Văn Dũng"  # settled from the decision
        data["decider_title"] = ""
        detail.data = json.dumps(data, ensure_ascii=False)
        session.add(detail)
    text = _text(officer, case_id, "MQĐ20")
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA Căn cứ" in text
    assert "CHỦ TỊCH Phạm Văn Dũng" in text
    assert not any(dots in text for dots in DOTTED)


def test_the_blank_forms_keep_their_placeholders(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = new_case(officer)
    for code in ("MQĐ20", "MQĐ21"):
        text = _text(officer, case_id, code, "blank")
        assert all(dots in text for dots in DOTTED), code
