"""The signer line of MQĐ02 never glues a title of another body to the
issuing one. User trial: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK CÔNG AN XÃ EA
KAR" under the header "CÔNG AN XÃ EA KAR". The services now refuse such a
title (tests/services/test_signer_fit.py); a decision saved before is still
printed, without the glue."""

from dataclasses import replace

import pytest
from form_samples import minimal_decision
from pdf_probe import all_text
from sqlmodel import select

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    decision_form,
    make_user,
    people,
    ref,
)
from tests.services.test_procedure import new_case, version
from xlvphc.documents.data import Agency
from xlvphc.documents.mqd02 import render_decision
from xlvphc.models import Decision
from xlvphc.services import cases, printing
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope

POLICE = Agency(name="Công an xã Ea Kar", parent="Công an tỉnh Đắk Lắk")
PROVINCE_TITLES = [
    pytest.param("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", id="typed-in-full"),
    pytest.param("Chủ tịch Ủy ban nhân dân tỉnh", id="code-label"),
]


def _glued(text: str, title: str) -> bool:
    """The title followed by the commune police's name (the header above,
    "CÔNG AN TỈNH ĐẮK LẮK CÔNG AN XÃ EA KAR", is the superior body's)."""
    return f"{title.upper()} CÔNG AN XÃ" in text


@pytest.mark.parametrize("title", PROVINCE_TITLES)
def test_a_title_of_another_body_is_printed_as_it_is(title):
    text = all_text(
        render_decision(
            replace(
                minimal_decision(),
                agency=POLICE,
                signer_title=title,
                signer_name="Hồ Văn Đức",
            )
        )
    )
    assert not _glued(text, title), text[:600]
    # The issuer (note 3) and the signature print the title as it is.
    assert f"Xử phạt vi phạm hành chính {title.upper()} Căn cứ" in text
    assert f"{title.upper()} Hồ Văn Đức" in text


@pytest.fixture
def chief(ref):  # noqa: F811 - fixture from the services conftest
    make_user("truongca.eakar", "CA-24373", Role.AUTHORITY, "Trưởng Công an xã")
    return actor_for("truongca.eakar")


def _decided(chief) -> int:
    case_id = new_case(chief)
    cases.issue_decision(
        chief,
        case_id,
        decision_form(
            version=version(case_id),
            signer_name="Y Điêng Niê",
            signer_title="",
            signer_title_code="truong_cong_an_xa",
            authority_confirmed="1",
        ),
    )
    return case_id


def test_the_unit_s_own_title_names_the_body_once(chief):
    case_id = _decided(chief)
    text = all_text(printing.print_form(chief, case_id, "MQĐ02")[1])
    assert text.count("TRƯỞNG CÔNG AN XÃ EA KAR Căn cứ") == 1
    assert "TRƯỞNG Y Điêng Niê" in text
    assert "CÔNG AN XÃ EA KAR CÔNG AN XÃ" not in text


@pytest.mark.parametrize("title", PROVINCE_TITLES)
def test_a_decision_saved_before_the_check_prints_without_the_glue(chief, title):
    case_id = _decided(chief)
    with session_scope() as session:
        decision = session.exec(
            select(Decision).where(Decision.case_id == case_id)
        ).one()
        decision.signer_title = title
        decision.signer_title_code = "chu_tich_ubnd_tinh"
        session.add(decision)
    text = all_text(printing.print_form(chief, case_id, "MQĐ02")[1])
    assert not _glued(text, title), text[:600]
    assert f"Xử phạt vi phạm hành chính {title.upper()} Căn cứ" in text
