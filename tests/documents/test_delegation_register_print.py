"""The delegation register tells ended delegations from those in force, so
that only an active one can be ended and only one ended early prints its
ending decision MQĐ37 (NĐ 118/2021 Điều 10; Law Art. 54 k1)."""

from datetime import timedelta

import pytest
from pdf_probe import all_text

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    make_user,
    people,
    ref,
)
from xlvphc.models.base import local_now
from xlvphc.services import printing_delegations
from xlvphc.services.access import Role
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.procedure.delegation import (
    end_delegation,
    list_delegations,
    register_delegation,
)

TODAY = local_now().date()


def d(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).strftime("%d/%m/%Y")


@pytest.fixture
def head(people):  # noqa: F811 - fixture from the services conftest
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    return actor_for("chutich.a")


def register(head, number: str, valid_to: str) -> int:
    return register_delegation(
        head,
        {
            "number": number,
            "signed_on": d(60),
            "scope": "sanction",
            "head_title_code": "chu_tich_ubnd_xa",
            "deputy_name": "Lê Văn Phó",
            "deputy_title": "Phó Chủ tịch UBND phường",
            "valid_from": d(60),
            "valid_to": valid_to,
        },
    )


def test_register_flags_ended_delegations(people, head):  # noqa: F811
    active = register(head, "1/QĐ-GQXP", d(-30))
    revoked = register(head, "2/QĐ-GQXP", "")
    register(head, "3/QĐ-GQXP", d(5))  # its term ran out five days ago
    end_delegation(head, revoked, {"ended_on": d(1)})

    rows = {r["number"]: r for r in list_delegations(people["canbo.a"])}
    assert (rows["1/QĐ-GQXP"]["ended"], rows["1/QĐ-GQXP"]["state"]) == (
        False,
        "Đang hiệu lực",
    )
    assert rows["2/QĐ-GQXP"]["ended"] and rows["2/QĐ-GQXP"]["revoked"]
    assert rows["2/QĐ-GQXP"]["state"] == "Đã chấm dứt"
    assert rows["3/QĐ-GQXP"]["ended"] and not rows["3/QĐ-GQXP"]["revoked"]
    assert rows["3/QĐ-GQXP"]["state"] == "Hết thời hạn"

    # An ended delegation cannot be ended again, nor after its term.
    with pytest.raises(ValidationFailed) as caught:
        end_delegation(head, revoked, {"ended_on": d(0)})
    assert caught.value.errors["ended_on"].startswith("Giao quyền này đã chấm dứt")
    end_delegation(head, active, {"ended_on": d(0)})
    with pytest.raises(ValidationFailed) as caught:
        end_delegation(head, active, {"ended_on": d(0)})
    assert "đã chấm dứt" in caught.value.errors["ended_on"]


def test_end_after_the_term_is_refused(people, head):  # noqa: F811
    short = register(head, "4/QĐ-GQXP", d(10))
    with pytest.raises(ValidationFailed) as caught:
        end_delegation(head, short, {"ended_on": d(0)})
    assert "hết thời hạn" in caught.value.errors["ended_on"]


def test_mqd37_prints_only_for_a_delegation_ended_early(people, head):  # noqa: F811
    officer = people["canbo.a"]
    row = register(head, "5/QĐ-GQXP", "")
    with pytest.raises(Conflict) as caught:
        printing_delegations.print_delegation(officer, row, "MQĐ37")
    assert "Chưa ghi nhận chấm dứt" in str(caught.value)
    blank = printing_delegations.print_delegation(officer, row, "MQĐ37", "blank")[1]
    assert "Lê Văn Phó" not in all_text(blank)

    end_delegation(head, row, {"ended_on": d(2)})
    text = all_text(printing_delegations.print_delegation(officer, row, "MQĐ37")[1])
    assert "5/QĐ-GQXP" in text and "Lê Văn Phó" in text
