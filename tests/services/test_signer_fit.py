"""A signer title may only be one of the unit's (services.signer_fit): the
accounts, the sanction decisions (MQĐ02, MQĐ01 on the spot) and the
delegation register refuse a title of another body, a step's decider does
not take it from the account, and the dropdowns offer only the unit's
titles. User trial: the account truongca.eakar of "Công an xã Ea Kar" was
saved as "Chủ tịch Ủy ban nhân dân tỉnh", and a decision of that commune
police signed with that title was accepted and printed under the police's
header."""

import pytest
from sqlmodel import select

from tests.services.conftest import (
    _unit_id,
    actor_for,
    case_form,
    decision_form,
    make_user,
)
from tests.services.test_procedure import (
    FAMILY_SMALL,
    TODAY,
    case_row,
    d,
    new_case,
    version,
)
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.domain.authority import ND311_IN_FORCE
from xlvphc.models import Delegation, User
from xlvphc.services import accounts, cases, signer_fit, units
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure import decide_without_record
from xlvphc.services.procedure.deciders import account_signer
from xlvphc.services.procedure.delegation import register_delegation

EA_KAR_POLICE = "CA-24373"
EA_KAR_COMMITTEE = "UBND-24373"
# Bodies the reference data does not hold, made by the administrator:
# (code, name, parent code).
MADE = {
    "CHI-CUC-KIEM-LAM": ("Chi cục Kiểm lâm", "SO-NONG-NGHIEP-VA-MOI-TRUONG"),
    "PHONG-CSGT": ("Phòng Cảnh sát giao thông", "CONG-AN"),
    "DOI-QLTT-1": ("Đội Quản lý thị trường số 1", "SO-CONG-THUONG"),
}
# (unit code, a title of the unit, a title of another body)
KINDS = [
    pytest.param(
        EA_KAR_POLICE, "truong_cong_an_xa", "chu_tich_ubnd_tinh", id="commune-police"
    ),
    pytest.param(
        EA_KAR_COMMITTEE, "chu_tich_ubnd_xa", "truong_cong_an_xa", id="commune-ubnd"
    ),
    pytest.param("66", "chu_tich_ubnd_tinh", "chu_tich_ubnd_xa", id="province"),
    pytest.param("SO-TU-PHAP", "giam_doc_so", "chu_tich_ubnd_tinh", id="so"),
    pytest.param("THUE", "truong_thue_tinh", "truong_thue_co_so", id="thue-tinh"),
    pytest.param(
        "CONG-AN", "giam_doc_cong_an_tinh", "truong_cong_an_xa", id="provincial-police"
    ),
    pytest.param(
        "CHI-CUC-KIEM-LAM", "chi_cuc_truong_kiem_lam", "giam_doc_so", id="chi-cuc"
    ),
    pytest.param(
        "PHONG-CSGT",
        "truong_phong_cong_an_tinh",
        "giam_doc_cong_an_tinh",
        id="police-phong",
    ),
    pytest.param("DOI-QLTT-1", "doi_truong_qltt", "kiem_lam_vien", id="doi-qltt"),
    pytest.param(
        "THANH-TRA",
        "chanh_thanh_tra_tinh",
        "giam_doc_so",
        id="thanh-tra",
        # NĐ 311/2026 gives the inspectorate its titles from 26/9/2026.
        marks=pytest.mark.skipif(
            TODAY < ND311_IN_FORCE, reason="NĐ 311/2026 not in force"
        ),
    ),
]
# The dropdown of each kind of unit, most senior first.
CHOICES = {
    EA_KAR_POLICE: ["truong_cong_an_xa", "chien_si_cand"],
    EA_KAR_COMMITTEE: ["chu_tich_ubnd_xa"],
    "66": ["chu_tich_ubnd_tinh"],
    "SO-TU-PHAP": ["giam_doc_so"],
    "THANH-TRA": [
        "chanh_thanh_tra_tinh",
        "truong_doan_thanh_tra_tinh",
        "thanh_tra_vien_tinh",
    ],
    "THUE": ["truong_thue_tinh", "cong_chuc_thue"],
    "CONG-AN": ["giam_doc_cong_an_tinh", "chien_si_cand"],
    "CHI-CUC-KIEM-LAM": ["chi_cuc_truong_kiem_lam", "kiem_lam_vien"],
    "PHONG-CSGT": ["truong_phong_cong_an_tinh", "chien_si_cand"],
    "DOI-QLTT-1": ["doi_truong_qltt", "kiem_soat_vien_thi_truong"],
    "VAN-PHONG-UY-BAN-NHAN-DAN": [],
}


@pytest.fixture
def bodies(people):
    for code, (name, parent) in MADE.items():
        units.create_unit(
            people["quantri"],
            {
                "name": name,
                "kind": "department",
                "parent_id": str(_unit_id(parent)),
                "code": code,
            },
        )
    return people


def _account(unit_code: str, roles: str = "authority", **extra) -> dict:
    return {
        "username": "truongca.eakar",
        "full_name": "Y Điêng Niê",
        "title": "",
        "unit_id": str(_unit_id(unit_code)),
        "roles": roles,
        **extra,
    }


def _officer(unit_code: str):
    username = f"canbo.{unit_code.lower()}"
    make_user(username, unit_code, Role.OFFICER)
    return actor_for(username)


def _unit_name(unit_code: str) -> str:
    from xlvphc.models import Unit

    with session_scope() as session:
        return session.exec(select(Unit.name).where(Unit.code == unit_code)).one()


# ---------------------------------------------------------------- accounts


@pytest.mark.parametrize(("unit", "fitting", "misfit"), KINDS)
def test_account_takes_only_a_title_of_its_unit(bodies, unit, fitting, misfit):
    admin = bodies["quantri"]
    with pytest.raises(ValidationFailed) as refused:
        accounts.create_user(admin, _account(unit, signer_title=misfit))
    message = refused.value.errors["signer_title"]
    assert f"không phải chức danh của {_unit_name(unit)}" in message
    assert signer_fit.LABELS[fitting] in message

    issued = accounts.create_user(admin, _account(unit, signer_title=fitting))
    row = accounts.get_user(admin, issued.user_id)
    assert (row["signer_title"], row["signer_note"]) == (fitting, "")


def test_unit_without_any_title_has_no_authority_account(people):
    """The provincial office signs nothing itself (NĐ 189/2025)."""
    with pytest.raises(ValidationFailed) as refused:
        accounts.create_user(
            people["quantri"],
            _account("VAN-PHONG-UY-BAN-NHAN-DAN", signer_title="chu_tich_ubnd_tinh"),
        )
    assert "không có chức danh có thẩm quyền" in refused.value.errors["signer_title"]
    # An officer there is no signer: no title needed, none kept.
    issued = accounts.create_user(
        people["quantri"], _account("VAN-PHONG-UY-BAN-NHAN-DAN", "officer")
    )
    assert accounts.get_user(people["quantri"], issued.user_id)["signer_title"] == ""


@pytest.fixture
def stored_misfit(people):
    """The trial's account, saved before titles were tied to the unit."""
    user_id = make_user("truongca.eakar", EA_KAR_POLICE, Role.AUTHORITY)
    with session_scope() as session:
        user = session.get(User, user_id)
        user.signer_title = "chu_tich_ubnd_tinh"
        session.add(user)
    return user_id


def test_stored_misfit_is_shown_and_asked_again_at_the_next_edit(people, stored_misfit):
    admin = people["quantri"]
    row = accounts.get_user(admin, stored_misfit)
    assert row["signer_title"] == "chu_tich_ubnd_tinh"
    assert "không thuộc đơn vị" in row["signer_note"]
    listed = accounts.list_users(admin, {"q": "truongca"})["rows"]
    assert [r["signer_note"] for r in listed] == [row["signer_note"]]

    # Saving the account unchanged asks for a fitting title.
    form = _account(EA_KAR_POLICE, signer_title="chu_tich_ubnd_tinh")
    form["full_name"] = "Y Điêng Niê Mới"
    with pytest.raises(ValidationFailed) as refused:
        accounts.update_user(admin, stored_misfit, form)
    assert "Công an xã Ea Kar" in refused.value.errors["signer_title"]
    accounts.update_user(
        admin, stored_misfit, {**form, "signer_title": "truong_cong_an_xa"}
    )
    row = accounts.get_user(admin, stored_misfit)
    assert (row["signer_title"], row["signer_note"]) == ("truong_cong_an_xa", "")


def test_stored_misfit_is_not_suggested_as_signer(people, stored_misfit):
    """Nothing breaks: the account logs in and decides, but its title is
    not taken for the forms or a step's decider."""
    chief = actor_for("truongca.eakar")
    assert accounts.signer_defaults(chief) == {"name": "", "title": "", "code": ""}
    with session_scope() as session:
        unit_id = session.get(User, stored_misfit).unit_id
        assert account_signer(session, stored_misfit, unit_id) == ("", "")
    case_id = new_case(chief)
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(
            chief,
            case_id,
            decision_form(
                version=version(case_id),
                signer_title="",
                signer_title_code="chu_tich_ubnd_tinh",
            ),
        )
    assert "không phải chức danh" in refused.value.errors["signer_title_code"]


# ------------------------------------------------------------------ choices


@pytest.mark.parametrize("unit", sorted(CHOICES))
def test_dropdowns_offer_the_titles_of_the_unit(bodies, unit):
    admin = bodies["quantri"]
    expected = [{"id": code, "name": signer_fit.LABELS[code]} for code in CHOICES[unit]]
    # The accounts form, for the unit picked.
    assert signer_fit.account_choices(admin, str(_unit_id(unit))) == expected
    # The decision forms: the actor's unit (on the spot), the case's unit.
    officer = _officer(unit)
    assert signer_fit.decision_choices(officer) == expected
    case_id = cases.create_case(officer, case_form())
    assert signer_fit.decision_choices(officer, case_id) == expected


def test_account_choices_stay_within_the_managed_units(people):
    make_user("qtdv.eakar", EA_KAR_POLICE, Role.UNIT_ADMIN)
    unit_admin = actor_for("qtdv.eakar")
    assert [
        c["id"]
        for c in signer_fit.account_choices(unit_admin, str(_unit_id(EA_KAR_POLICE)))
    ] == CHOICES[EA_KAR_POLICE]
    assert signer_fit.account_choices(unit_admin, str(_unit_id("66"))) == []
    assert signer_fit.account_choices(unit_admin, "x") == []


# ---------------------------------------------------------------- decisions


@pytest.mark.parametrize(("unit", "fitting", "misfit"), KINDS)
def test_decision_takes_only_a_title_of_its_unit(bodies, unit, fitting, misfit):
    officer = _officer(unit)
    case_id = new_case(officer, FAMILY_SMALL)
    form = decision_form(
        version=version(case_id),
        signer_title="",
        signer_title_code=misfit,
        authority_confirmed="1",
    )
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(officer, case_id, form)
    message = refused.value.errors["signer_title_code"]
    assert f"không phải chức danh của {_unit_name(unit)}" in message
    assert case_row(case_id).status == "recorded"

    cases.issue_decision(officer, case_id, {**form, "signer_title_code": fitting})
    assert case_row(case_id).status == "decided"


def test_on_the_spot_decision_takes_only_a_title_of_its_unit(people):
    officer = _officer(EA_KAR_POLICE)
    form = spot_form(
        signer_title="", signer_title_code="chu_tich_ubnd_tinh", authority_confirmed="1"
    )
    with pytest.raises(ValidationFailed) as refused:
        decide_without_record(officer, form)
    assert "Công an xã Ea Kar" in refused.value.errors["signer_title_code"]
    case_id = decide_without_record(
        officer, {**form, "signer_title_code": "truong_cong_an_xa"}
    )
    assert case_row(case_id).status == "decided"


def test_a_title_typed_for_another_body_is_refused(people):
    """The trial's MQĐ02 read "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK CÔNG AN
    XÃ EA KAR": the province chairman typed under the commune police."""
    officer = _officer(EA_KAR_POLICE)
    case_id = new_case(officer)
    form = decision_form(
        version=version(case_id),
        signer_title="Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk",
        authority_confirmed="1",
    )
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(officer, case_id, form)
    assert "cơ quan khác" in refused.value.errors["signer_title"]
    cases.issue_decision(
        officer,
        case_id,
        {
            **form,
            "signer_title": "Trưởng Công an xã Ea Kar",
            "signer_title_code": "truong_cong_an_xa",
        },
    )
    assert case_row(case_id).status == "decided"


# ------------------------------------------------------------- delegation


def _delegation(head_title_code: str) -> dict:
    return {
        "number": "12/QĐ-GQXP",
        "signed_on": d(30),
        "scope": "sanction",
        "head_title_code": head_title_code,
        "deputy_name": "Lê Văn Phó",
        "deputy_title": "Phó Trưởng Công an xã Ea Kar",
        "valid_from": d(30),
        "valid_to": d(-30),
    }


def test_delegation_head_is_a_head_of_the_unit(people):
    make_user("truong.eakar", EA_KAR_POLICE, Role.AUTHORITY)
    head = actor_for("truong.eakar")
    assert [c["id"] for c in signer_fit.delegation_choices(head)] == CHOICES[
        EA_KAR_POLICE
    ]
    with pytest.raises(ValidationFailed) as refused:
        register_delegation(head, _delegation("chu_tich_ubnd_tinh"))
    assert "Công an xã Ea Kar" in refused.value.errors["head_title_code"]
    assert register_delegation(head, _delegation("truong_cong_an_xa"))


def test_decision_under_a_delegation_of_another_body_is_refused(people):
    """A head's title registered before titles were tied to the unit."""
    officer = people["canbo.a"]
    with session_scope() as session:
        session.add(
            Delegation(
                unit_id=officer.unit_id,
                created_by=officer.user_id,
                number="9/QĐ-GQXP",
                signed_on=TODAY,
                scope="sanction",
                head_title_code="giam_doc_so",
                deputy_name="Lê Văn Phó",
                deputy_title="Phó Chủ tịch",
                valid_from=TODAY,
            )
        )
    case_id = new_case(officer)
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(
            officer,
            case_id,
            decision_form(version=version(case_id), delegation="9/QĐ-GQXP"),
        )
    assert "không phải chức danh" in refused.value.errors["delegation"]
