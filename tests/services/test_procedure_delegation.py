"""The delegation register (NĐ 118/2021 Điều 10; Law Art. 54, 87; MQĐ34/35)
and its use when a deputy signs the decision."""

import pytest

from tests.services.conftest import actor_for, decision_form, make_user
from tests.services.test_procedure import (
    FAMILY_BIG,
    FAMILY_MID,
    case_row,
    d,
    new_case,
    version,
)
from xlvphc.services import cases
from xlvphc.services.access import Role
from xlvphc.services.errors import NotFound, PermissionDenied, ValidationFailed
from xlvphc.services.procedure.delegation import (
    end_delegation,
    list_delegations,
    register_delegation,
)


@pytest.fixture
def head(people):
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


def register(head, **extra) -> int:
    form = {
        "number": "12/QĐ-GQXP",
        "signed_on": d(30),
        "scope": "sanction",
        "head_title_code": "chu_tich_ubnd_xa",
        "deputy_name": "Lê Văn Phó",
        "deputy_title": "Phó Chủ tịch UBND phường",
        "valid_from": d(30),
        "valid_to": d(-30),
    }
    form.update(extra)
    return register_delegation(head, form)


def test_register_list_and_end(people, head):
    delegation_id = register(head)
    rows = list_delegations(people["canbo.a"])
    assert [r["number"] for r in rows] == ["12/QĐ-GQXP"]
    assert list_delegations(people["canbo.b"]) == []
    end_delegation(head, delegation_id, {"ended_on": d(0)})
    assert list_delegations(head)[0]["period"].endswith(d(0))


def test_refusals(people, head):
    with pytest.raises(PermissionDenied):  # an officer does not delegate
        register(people["canbo.a"])
    with pytest.raises(ValidationFailed) as caught:
        register(head, valid_to=d(40), head_title_code="vua")
    assert {"valid_to", "head_title_code"} <= set(caught.value.errors)
    make_user("chutich.b", "UBND-22045", Role.AUTHORITY)
    delegation_id = register(head)
    with pytest.raises(NotFound):
        end_delegation(actor_for("chutich.b"), delegation_id, {"ended_on": d(0)})


def test_deputy_decision_must_cite_a_delegation_in_force(people, head):
    """NĐ 118 Điều 10: every decision of the deputy cites the delegation."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_MID)
    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(
            officer,
            case_id,
            decision_form(version=version(case_id), delegation="12/QĐ-GQXP"),
        )
    assert "sổ giao quyền" in caught.value.errors["delegation"]
    register(head)
    cases.issue_decision(
        officer,
        case_id,
        decision_form(version=version(case_id), delegation="12/QĐ-GQXP"),
    )
    assert case_row(case_id).status == "decided"


def test_ended_delegation_no_longer_covers_and_head_ceiling_applies(people, head):
    officer = people["canbo.a"]
    delegation_id = register(head)
    # The head is the commune chairman: 15.000.000 đ in a 30-million field.
    big = new_case(officer, FAMILY_BIG)
    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(
            officer, big, decision_form(version=version(big), delegation="12/QĐ-GQXP")
        )
    assert "Vượt thẩm quyền" in caught.value.errors["signer_title_code"]
    end_delegation(head, delegation_id, {"ended_on": d(1)})
    case_id = new_case(officer, FAMILY_MID)
    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(
            officer,
            case_id,
            decision_form(version=version(case_id), delegation="12/QĐ-GQXP"),
        )
    assert "delegation" in caught.value.errors


@pytest.mark.parametrize(
    ("title", "refused"),
    [
        ("Phó Chủ tịch UBND phường Tuy Hòa", True),
        ("PHÓ CHỦ TỊCH UBND PHƯỜNG", True),
        ("Phó Chủ tịch phụ trách UBND phường", False),  # acting head
        ("Chủ tịch UBND phường Tuy Hòa", False),
    ],
)
def test_a_deputy_without_a_delegation_is_refused(people, head, title, refused):
    """User trial: a deputy signed with no delegation cited, and the paper
    printed the deputy as the sanctioning authority without "KT." (Law
    Art. 54 k1; NĐ 118 Art. 10). The same title with a delegation is the
    test above."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_MID)
    form = decision_form(version=version(case_id), signer_title=title)
    if refused:
        with pytest.raises(ValidationFailed) as caught:
            cases.issue_decision(officer, case_id, form)
        assert "cấp phó chỉ ra quyết định xử phạt khi được giao quyền" in (
            caught.value.errors["delegation"]
        )
        assert case_row(case_id).status != "decided"
        register(head)
        cases.issue_decision(
            officer,
            case_id,
            decision_form(
                version=version(case_id), signer_title=title,
                delegation="12/QĐ-GQXP",
            ),
        )
    else:
        cases.issue_decision(officer, case_id, form)
    assert case_row(case_id).status == "decided"
