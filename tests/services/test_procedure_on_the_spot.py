"""Decisions without a record (MQĐ01; Law Art. 56 as amended by Law 88/2025):
the ceiling, its 01/7/2025 switch, and what the created case looks like."""

from datetime import timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import case_form, catalogue_id, decision_form
from tests.services.test_procedure import FAMILY_SMALL, TODAY, TRAFFIC, step
from xlvphc.models import Decision
from xlvphc.services import case_queries
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied, ValidationFailed
from xlvphc.services.procedure import allowed_steps, decide_without_record

ORG = {
    "kind": "organisation",
    "name": "Công ty TNHH Ea Kao",
    "representative_name": "Lê Văn Cường",
    "tax_code": "6000123456",
}


def spot_form(
    act=TRAFFIC, day: str | None = None, fine: str | None = None, **extra
) -> dict:
    day = day or TODAY.strftime("%d/%m/%Y")
    act_id = catalogue_id(*act)
    form = {
        **case_form(violation_date=day, violation_time="07:00", act_ids=str(act_id)),
        **decision_form(decided_on=day),
        **extra,
    }
    for key in [k for k in form if k.startswith("record_") or k.startswith("maker_")]:
        form.pop(key)
    if fine is not None:
        form[f"fine_{act_id}"] = fine
    return form


@pytest.mark.parametrize(
    ("day", "fine", "extra", "ok"),
    [
        pytest.param(None, "500.000", {}, True, id="L88-Art56-individual-at-500k"),
        pytest.param(None, "600.000", {}, False, id="L88-Art56-individual-600k"),
        pytest.param(None, None, ORG, True, id="L88-Art56-organisation-at-1m"),
        pytest.param(None, "1.200.000", ORG, False, id="L88-Art56-organisation-1.2m"),
        pytest.param(
            "01/07/2025", "500.000", {}, True, id="L88-Art56-first-day-of-new-ceiling"
        ),
        pytest.param(
            "30/06/2025", "500.000", {}, False, id="Art56-2020-last-day-of-250k"
        ),
        pytest.param(
            "30/06/2025", "400.000", {}, False, id="Art56-2020-400k-above-250k"
        ),
    ],
)
def test_no_record_ceiling(people, day, fine, extra, ok):
    officer = people["canbo.a"]
    form = spot_form(day=day, fine=fine, **extra)
    if ok:
        case_id = decide_without_record(officer, form)
        detail = case_queries.get_case(officer, case_id)
        assert detail["decision_number"].endswith("/QĐ-XPHC")
        assert detail["record_number"] == ""
        return
    with pytest.raises(ValidationFailed) as caught:
        decide_without_record(officer, form)
    message = caught.value.errors[f"fine_{catalogue_id(*TRAFFIC)}"]
    assert "phải lập biên bản" in message
    limit = "250.000" if day == "30/06/2025" else ("1.000.000" if extra else "500.000")
    assert f"{limit} đồng" in message


def test_case_decided_on_the_spot_goes_on_to_payment(people):
    """MQĐ01 is handed over on the spot: received the same day, 10 days."""
    officer = people["canbo.a"]
    case_id = decide_without_record(officer, spot_form(), "khoa-tai-cho-001")
    assert decide_without_record(officer, spot_form(), "khoa-tai-cho-001") == case_id
    offered = {s["code"] for s in allowed_steps(officer, case_id)}
    assert "payment" in offered and "receipt" not in offered
    step(officer, case_id, "payment", on=TODAY.strftime("%d/%m/%Y"), amount="500.000")
    step(officer, case_id, "close_executed", on=TODAY.strftime("%d/%m/%Y"))
    timeline = case_queries.get_case(officer, case_id)["timeline"]
    assert "không lập biên bản" in timeline[0]["summary"]
    assert timeline[-1]["summary"].startswith("Kết thúc hồ sơ")


def test_act_above_ceiling_cannot_go_without_record(people):
    officer = people["canbo.a"]
    with pytest.raises(ValidationFailed):
        decide_without_record(officer, spot_form(FAMILY_SMALL))


def test_refusals(people):
    with pytest.raises(PermissionDenied):
        decide_without_record(people["giamsat"], spot_form())
    with pytest.raises(ValidationFailed) as caught:
        decide_without_record(people["canbo.a"], spot_form(name=""))
    assert "name" in caught.value.errors
    late = (TODAY - timedelta(days=400)).strftime("%d/%m/%Y")
    with pytest.raises(ValidationFailed) as caught:
        decide_without_record(
            people["canbo.a"],
            {**spot_form(day=late), "decided_on": TODAY.strftime("%d/%m/%Y")},
        )
    assert "thời hiệu" in caught.value.errors["decided_on"]


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("", id="title-left-empty"),
        # The catalogue label of another title, left in the field when the
        # sanctioning title was changed: it follows the chosen one. (A label
        # naming another body, "Trưởng Công an cấp xã" here, is refused:
        # test_account_titles.py.)
        pytest.param("Kiểm soát viên thị trường", id="other-code-label"),
    ],
)
def test_signer_title_follows_the_chosen_sanctioning_title(people, typed):
    """The decision keeps the chosen title (never an officer's job title),
    and the case page shows it as the printed MQĐ01 does, with the unit."""
    officer = people["canbo.a"]
    form = spot_form(
        signer_name="Y Kông Niê",
        signer_title=typed,
        signer_title_code="chu_tich_ubnd_xa",
        authority_confirmed="1",
    )
    case_id = decide_without_record(officer, form)
    with session_scope() as session:
        decision = session.exec(
            select(Decision).where(Decision.case_id == case_id)
        ).one()
        assert decision.signer_title_code == "chu_tich_ubnd_xa"
        assert decision.signer_title == "Chủ tịch Ủy ban nhân dân xã, phường, đặc khu"
    detail = case_queries.get_case(officer, case_id)
    assert detail["without_record"] is True
    assert detail["signer"] == (
        "Y Kông Niê – Chủ tịch Ủy ban nhân dân phường Tuy Hòa"
    )


def test_a_written_signer_title_is_kept(people):
    # An acting head signs as the head, without a delegation (NĐ 118
    # Art. 10); a deputy would need one (test_procedure_delegation).
    officer = people["canbo.a"]
    form = spot_form(
        signer_name="Hà Thị Mai",
        signer_title="Quyền Chủ tịch Ủy ban nhân dân phường Tuy Hòa",
        signer_title_code="chu_tich_ubnd_xa",
        authority_confirmed="1",
    )
    case_id = decide_without_record(officer, form)
    detail = case_queries.get_case(officer, case_id)
    assert detail["signer"] == (
        "Hà Thị Mai – Quyền Chủ tịch Ủy ban nhân dân phường Tuy Hòa"
    )


def test_a_child_under_14_is_refused_with_the_way_to_a_record(people):
    """Nothing is saved on a refusal, so the message points to "Lập biên
    bản", not to closing a case that does not exist (user trial)."""
    born = (TODAY - timedelta(days=365 * 12)).strftime("%d/%m/%Y")
    with pytest.raises(ValidationFailed) as caught:
        decide_without_record(people["canbo.a"], spot_form(birth_date=born))
    message = caught.value.errors["birth_date"]
    assert "chưa đủ 14 tuổi" in message and "«Lập biên bản»" in message
    assert "Kết thúc" not in message
