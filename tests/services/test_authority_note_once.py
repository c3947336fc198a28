"""The ceiling of a field Điều 24 does not give is checked by hand, and the
case history says so (services/cases.py `_lawful_decision`). It is the
same for every act of the case (the field is the case's): the user trial
found the sentence repeated once per act in the decision's history entry;
it is said once."""

from tests.services.conftest import (  # noqa: F401 - fixtures
    case_form,
    catalogue_id,
    decision_form,
    people,
    ref,
)
from xlvphc.services import case_queries, cases

MANUAL = "cần kiểm tra thẩm quyền thủ công"


def test_manual_authority_check_is_noted_once_for_several_acts(people):  # noqa: F811
    officer = people["canbo.a"]
    acts = [
        catalogue_id(7, 2, "h", "168/2024/NĐ-CP"),
        catalogue_id(6, 2, "a", "168/2024/NĐ-CP"),
    ]
    assert all(acts)
    case_id = cases.create_case(
        officer, case_form(act_ids=",".join(str(a) for a in acts))
    )
    assert len(case_queries.get_case(officer, case_id)["acts"]) == 2

    cases.issue_decision(
        officer,
        case_id,
        decision_form(
            version=1, signer_title_code="chu_tich_ubnd_xa", authority_confirmed="1"
        ),
    )
    summary = case_queries.get_case(officer, case_id)["timeline"][-1]["summary"]

    assert summary.startswith("Ra quyết định xử phạt số")
    assert summary.count(MANUAL) == 1
    assert summary.count("người ký đã xác nhận đã kiểm tra") == 1
