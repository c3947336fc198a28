"""Tài khoản, second user trial:

- after "Sửa", "Tạo tài khoản" read the edit panel's emptied boxes (the
  forms shared their ids; Reflex reads a form's boxes by id from one table
  for the page): the two forms' boxes have ids of their own;
- a unit picked keeps no signer title chosen for the unit before (the
  browser showed the new unit's first title in its place, and it was
  saved): the select is drawn again, empty, and the service asks for one;
- the account's own "Chức danh", typed freely and suggested as the signer's
  title by the decision forms, may not name another body or level, and one
  saved before is not suggested; a catalogue label of another body typed in
  the decision's title box is refused, not silently replaced (guide.md).

Units of Xã Ea Kar (CA-24373, UBND-24373), as in test_signer_fit."""

import pytest
from sqlmodel import select

from tests.security.conftest import at_page, new_state, run_coroutine
from tests.services.conftest import (
    PASSWORD,
    _unit_id,
    actor_for,
    decision_form,
    make_user,
)
from tests.services.test_procedure import case_row, new_case, version
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.models import Decision, User
from xlvphc.services import accounts, auth, cases, signer_fit
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure import decide_without_record
from xlvphc.services.procedure.deciders import account_signer
from xlvphc.state.accounts import AccountsState

POLICE = "CA-24373"
COMMITTEE = "UBND-24373"
PROVINCE_CHAIR = "Chủ tịch Ủy ban nhân dân tỉnh"  # the trial's wording


def _account(unit_code: str, **extra) -> dict:
    return {
        "username": "truongca.eakar",
        "full_name": "Y Điêng Niê",
        "title": "",
        "unit_id": str(_unit_id(unit_code)),
        "roles": "authority",
        "signer_title": "truong_cong_an_xa",
        **extra,
    }


# ------------------------------------------------------- the two forms


def test_the_edit_panel_and_the_create_form_share_no_box_id():
    """Reflex reads each box by id (refs) and overrides the browser's form
    data with it: a shared id made the create form read the closed panel's
    empty box as the name (None), after "Sửa" then "Hủy" or "Lưu"."""
    from xlvphc.pages.accounts import _create_form, _edit_form

    create = set(_create_form()._get_form_refs())
    edit = set(_edit_form()._get_form_refs())
    assert {"full_name", "title", "unit_id", "signer_title"} <= create
    assert len(edit) == 4
    assert not create & edit
    # Both still send the names the service reads.
    text = str(_edit_form().render())
    for name in ("full_name", "title", "unit_id", "signer_title"):
        assert f'name:"{name}"' in text


def _opened(username: str) -> AccountsState:
    root, state = new_state(AccountsState, auth.login(username, PASSWORD).token)
    at_page(root, "/tai-khoan")
    return state


def _run(state, handler: str, *args):
    async def drive():
        result = AccountsState.event_handlers[handler].fn(state, *args)
        return await result if hasattr(result, "__await__") else result

    return run_coroutine(drive())


def test_a_unit_picked_draws_the_signer_select_again(people):
    from xlvphc.pages.accounts import _create_form, _edit_form

    state = _opened("quantri")
    _run(state, "open")
    picks = state.create_unit_picks
    _run(state, "pick_create_unit", str(_unit_id(COMMITTEE)))
    assert [o["id"] for o in state.create_signers] == ["chu_tich_ubnd_xa"]
    _run(state, "pick_create_unit", str(_unit_id(POLICE)))
    assert [o["id"] for o in state.create_signers] == [
        "truong_cong_an_xa",
        "chien_si_cand",
    ]
    assert state.create_unit_picks == picks + 2
    # The count keys the select: a new count, a new select with no choice.
    assert "create_unit_picks" in str(_create_form().render())
    assert "edit_unit_picks" in str(_edit_form().render())


def test_a_unit_picked_in_the_panel_drops_the_saved_title(people):
    admin = people["quantri"]
    issued = accounts.create_user(admin, _account(POLICE))
    state = _opened("quantri")
    _run(state, "open")
    _run(state, "start_edit", issued.user_id)
    assert state.edit_signer_default == "truong_cong_an_xa"
    picks = state.edit_unit_picks

    # Another commune police has the same title: it is still not chosen.
    _run(state, "pick_edit_unit", str(_unit_id("CA-24211")))
    assert "truong_cong_an_xa" in [o["id"] for o in state.edit_signers]
    assert state.edit_signer_default == ""
    assert state.edit_unit_picks == picks + 1


def test_a_new_unit_without_a_title_chosen_is_asked_for_one(people):
    """What the cleared select sends: the service asks at the field and
    keeps the saved title (the trial saved the police's first title)."""
    admin = people["quantri"]
    issued = accounts.create_user(
        admin, _account(COMMITTEE, signer_title="chu_tich_ubnd_xa")
    )
    with pytest.raises(ValidationFailed) as refused:
        accounts.update_user(admin, issued.user_id, _account(POLICE, signer_title=""))
    assert "cần chức danh ký" in refused.value.errors["signer_title"]
    assert accounts.get_user(admin, issued.user_id)["signer_title"] == (
        "chu_tich_ubnd_xa"
    )
    with pytest.raises(ValidationFailed) as refused:
        accounts.create_user(
            admin, _account(POLICE, username="moi.eakar", signer_title="")
        )
    assert "cần chức danh ký" in refused.value.errors["signer_title"]


# ------------------------------------------- the account's own title


@pytest.mark.parametrize(
    "title",
    [PROVINCE_CHAIR, "Chủ tịch UBND xã Ea Kar", "Giám đốc Công an cấp tỉnh"],
)
def test_a_signers_title_of_another_body_is_refused(people, title):
    with pytest.raises(ValidationFailed) as refused:
        accounts.create_user(people["quantri"], _account(POLICE, title=title))
    message = refused.value.errors["title"]
    assert f"«{title}» là chức vụ của một cơ quan khác" in message
    assert "Công an xã Ea Kar" in message
    with session_scope() as session:
        assert (
            session.exec(select(User).where(User.username == "truongca.eakar")).first()
            is None
        )


def test_a_signers_title_of_the_unit_is_kept(people):
    admin = people["quantri"]
    issued = accounts.create_user(
        admin, _account(POLICE, title="Phó Trưởng Công an xã")
    )
    assert accounts.get_user(admin, issued.user_id)["title"] == "Phó Trưởng Công an xã"
    chief = actor_for_issued(issued)
    assert accounts.signer_defaults(chief)["title"] == "Phó Trưởng Công an xã"
    # The next edit checks it too.
    with pytest.raises(ValidationFailed) as refused:
        accounts.update_user(
            admin, issued.user_id, _account(POLICE, title=PROVINCE_CHAIR)
        )
    assert "cơ quan khác" in refused.value.errors["title"]


def actor_for_issued(issued):
    """The new account, its one-time password changed as at a first login."""
    with session_scope() as session:
        user = session.get(User, issued.user_id)
        user.must_change_password = False
        session.add(user)
    return auth.resolve(auth.login(issued.username, issued.password).token)


@pytest.fixture
def stored_misfit_title(people):
    """A commune police chief saved with the province chairman as his own
    "Chức danh" before it was checked (user trial)."""
    make_user("truongca.eakar", POLICE, Role.AUTHORITY, title=PROVINCE_CHAIR)
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == "truongca.eakar")).one()
        user.signer_title = "truong_cong_an_xa"
        session.add(user)
        return user.id, user.unit_id


def test_a_stored_misfit_title_is_not_suggested(stored_misfit_title):
    user_id, unit_id = stored_misfit_title
    chief = actor_for("truongca.eakar")
    suggested = accounts.signer_defaults(chief)
    assert suggested["code"] == "truong_cong_an_xa"
    assert suggested["title"] == signer_fit.LABELS["truong_cong_an_xa"]
    # The decider of a step: the title told from the code and the unit.
    with session_scope() as session:
        assert account_signer(session, user_id, unit_id) == (
            "Cán bộ truongca.eakar",
            "Trưởng Công an xã Ea Kar",
        )


# ------------------------------------------------- the decision form


def _officer():
    make_user("canbo.eakar", POLICE, Role.OFFICER)
    return actor_for("canbo.eakar")


@pytest.mark.parametrize("typed", [PROVINCE_CHAIR, "Giám đốc Công an cấp tỉnh"])
def test_a_label_of_another_body_typed_is_refused(people, typed):
    """The guide says such a title is refused; a catalogue label was read
    as a suggestion left in the box and replaced without a word."""
    officer = _officer()
    case_id = new_case(officer)
    form = decision_form(
        version=version(case_id),
        signer_title=typed,
        signer_title_code="truong_cong_an_xa",
        authority_confirmed="1",
    )
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(officer, case_id, form)
    message = refused.value.errors["signer_title"]
    assert f"«{typed}» là chức vụ của một cơ quan khác" in message
    assert case_row(case_id).status == "recorded"

    with pytest.raises(ValidationFailed) as refused:
        decide_without_record(
            officer,
            spot_form(
                signer_title=typed,
                signer_title_code="truong_cong_an_xa",
                authority_confirmed="1",
            ),
        )
    assert "cơ quan khác" in refused.value.errors["signer_title"]


def test_a_label_of_the_unit_left_in_the_box_is_still_replaced(people):
    """The suggestion of the unit's other title, left when the officer
    chose the chief's: printed as the chief's title with the unit."""
    officer = _officer()
    case_id = new_case(officer)
    cases.issue_decision(
        officer,
        case_id,
        decision_form(
            version=version(case_id),
            signer_title=signer_fit.LABELS["chien_si_cand"],
            signer_title_code="truong_cong_an_xa",
            authority_confirmed="1",
        ),
    )
    assert case_row(case_id).status == "decided"
    with session_scope() as session:
        decision = session.exec(
            select(Decision).where(Decision.case_id == case_id)
        ).one()
        assert decision.signer_title == signer_fit.LABELS["truong_cong_an_xa"]
    shown = cases.shown_signer_title(decision, "Công an xã Ea Kar", "police")
    assert shown == "Trưởng Công an xã Ea Kar"
