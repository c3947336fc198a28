"""«Hành vi không có trong danh mục» (user trial: "đánh bạc", "trộm cắp tài
sản" of Nghị định 282/2025/NĐ-CP could not be recorded at all): an act typed
by the officer is checked box by box by the service, stored as a CaseAct
without catalogue id, decided within its typed frame, printed with its
citation, summed on the dashboard and kept by an edit. Anything else the
browser sends is refused at its field.

The citations and frames below are test data, not a statement of the
decree's content."""

import pytest
from sqlmodel import select

from tests.documents.pdf_probe import all_text
from tests.security.conftest import _drive, new_state, run_coroutine
from tests.services.conftest import (
    PASSWORD,
    case_form,
    catalogue_id,
    decision_form,
)
from xlvphc.models import Case, CaseAct
from xlvphc.services import (
    auth,
    case_edit,
    case_queries,
    cases,
    dashboard,
    printing,
    typed_acts,
)
from xlvphc.services.case_input import MAX_ACTS
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied, ValidationFailed
from xlvphc.state.case_form import CaseFormState

SECURITY = "An ninh, trật tự, an toàn xã hội"
GAMBLING = "Đánh bạc trái phép dưới hình thức được thua bằng tiền"


def typed_form(**overrides) -> dict:
    """The small form as the browser sends it (all strings)."""
    form = {
        "typed_decree": "282/2025/NĐ-CP",
        "typed_article": "9",
        "typed_clause": "1",
        "typed_point": "a",
        "typed_act": GAMBLING,
        "typed_frame_min": "1.000.000",
        "typed_frame_max": "2.000.000",
        "typed_field": SECURITY,
    }
    form.update(overrides)
    return form


def typed_row(officer, **overrides) -> dict:
    return typed_acts.check(officer, typed_form(**overrides))


def new_case(officer, rows: list[dict], act_ids: str = "", **overrides) -> int:
    return cases.create_case(
        officer,
        case_form(
            act_ids=act_ids,
            typed_acts=rows,
            description="Đánh bạc được thua bằng tiền tại quán nước.",
            **overrides,
        ),
    )


def refusal(officer, rows: object, act_ids: str = "") -> dict:
    with pytest.raises(ValidationFailed) as refused:
        cases.create_case(officer, case_form(act_ids=act_ids, typed_acts=rows))
    return refused.value.errors


def test_typed_act_is_stored_decided_printed_and_summed(people):
    officer = people["canbo.a"]
    row = typed_row(officer)
    assert row["typed"] == "ngoài danh mục"
    assert row["citation"] == "Điểm a khoản 1 Điều 9 Nghị định 282/2025/NĐ-CP"
    assert row["frame"] == "Từ 1.000.000 đồng đến 2.000.000 đồng"
    case_id = new_case(officer, [row])
    with session_scope() as session:
        act = session.exec(select(CaseAct).where(CaseAct.case_id == case_id)).one()
        case = session.get(Case, case_id)
        assert (act.catalogue_id, act.decree, act.article, act.clause, act.point) == (
            None,
            "282/2025/NĐ-CP",
            9,
            1,
            "a",
        )
        assert (act.act, act.frame_min, act.frame_max) == (
            GAMBLING,
            1_000_000,
            2_000_000,
        )
        assert case.field == SECURITY

    shown = case_queries.get_case(officer, case_id)["acts"]
    assert shown[0]["citation"] == row["citation"]
    assert shown[0]["frame"] == row["frame"]

    # The fine must stay inside the typed frame.
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(
            officer,
            case_id,
            decision_form(version=1, **{f"fine_{act.id}": "3.000.000"}),
        )
    assert f"fine_{act.id}" in refused.value.errors
    cases.issue_decision(
        officer, case_id, decision_form(version=1, **{f"fine_{act.id}": "1.500.000"})
    )
    with session_scope() as session:
        assert session.get(Case, case_id).fine_total == 1_500_000

    for code in ("MBB01", "MQĐ02"):
        text = all_text(printing.print_form(officer, case_id, code)[1])
        assert "điểm a khoản 1 Điều 9 Nghị định số 282/2025/NĐ-CP" in text, code

    top = dashboard.summary(people["giamsat"], {})["top_acts"]
    assert {
        "citation": "Điểm a khoản 1 Điều 9 Nghị định 282/2025/NĐ-CP",
        "act": GAMBLING,
        "cases": 1,
    } in top


def test_warning_only_act_and_catalogue_act_together(people):
    officer = people["canbo.a"]
    row = typed_row(
        officer,
        typed_point="",
        typed_frame_min="",
        typed_frame_max="",
        typed_article="12",
        typed_act="Hành vi chỉ bị cảnh cáo",
    )
    assert row["frame"] == "Cảnh cáo"
    # A catalogue act of the same field comes first, the typed one after.
    listed = catalogue_id(8, 1, "a", "282/2025/NĐ-CP")
    case_id = new_case(officer, [row], act_ids=str(listed))
    with session_scope() as session:
        acts = session.exec(
            select(CaseAct).where(CaseAct.case_id == case_id).order_by(CaseAct.position)
        ).all()
    assert [a.catalogue_id for a in acts] == [listed, None]
    # Each says where it came from (CaseAct.origin, migration 0023).
    assert [a.origin for a in acts] == ["catalogue", "typed"]
    assert (acts[1].frame_min, acts[1].frame_max, acts[1].point) == (None, None, "")
    # A warning-only act takes no fine.
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(
            officer,
            case_id,
            decision_form(version=1, **{f"fine_{acts[1].id}": "500.000"}),
        )
    assert refused.value.errors[f"fine_{acts[1].id}"] == (
        "Hành vi này chỉ bị phạt cảnh cáo."
    )


def test_authority_ceiling_uses_the_typed_frame_max(people):
    officer = people["canbo.a"]
    # Đất đai: maximum 500.000.000 đồng (Law Art. 24 k1 i); a commune chair
    # may fine up to 50% of it (domain/authority.py).
    row = typed_row(
        officer,
        typed_decree="123/2024/NĐ-CP",
        typed_article="99",
        typed_field="Đất đai",
        typed_frame_min="200.000.000",
        typed_frame_max="300.000.000",
        typed_act="Hành vi đất đai",
    )
    case_id = new_case(officer, [row])
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(
            officer,
            case_id,
            decision_form(version=1, signer_title_code="chu_tich_ubnd_xa"),
        )
    assert "signer_title_code" in refused.value.errors


INVALID = [
    ("typed_decree", "", "Vui lòng nhập số nghị định"),
    ("typed_decree", "282", "Vui lòng nhập số nghị định"),
    ("typed_decree", "282/2025/QĐ-UBND", "không phải số nghị định hợp lệ"),
    ("typed_decree", "282/2999/NĐ-CP", "không phải số nghị định hợp lệ"),
    ("typed_article", "", "Vui lòng nhập điều"),
    ("typed_article", "0", "Điều là số từ 1 đến 999"),
    ("typed_article", "9a", "Điều là số từ 1 đến 999"),
    ("typed_clause", "100", "Khoản là số từ 1 đến 99"),
    ("typed_clause", "-1", "Khoản là số từ 1 đến 99"),
    ("typed_point", "f", "Điểm là một chữ cái"),
    ("typed_point", "ab", "Điểm là một chữ cái"),
    ("typed_act", "", "Vui lòng nhập nội dung hành vi"),
    ("typed_act", "x", "Vui lòng nhập nội dung hành vi"),
    ("typed_act", "x" * 1001, "tối đa 1000 ký tự"),
    ("typed_frame_min", "0", "lớn hơn 0"),
    ("typed_frame_min", "abc", "lớn hơn 0"),
    ("typed_frame_min", "", "Vui lòng nhập mức phạt tối thiểu"),
    ("typed_frame_max", "", "Vui lòng nhập mức phạt tối đa"),
    ("typed_frame_max", "500.000", "nhỏ hơn mức tối thiểu"),
    ("typed_frame_max", "99.999.999.999.999", "quá lớn"),
    ("typed_field", "", "Vui lòng chọn lĩnh vực"),
    ("typed_field", "Thuế", "Vui lòng chọn lĩnh vực"),
]


@pytest.mark.parametrize(("key", "value", "message"), INVALID)
def test_each_invalid_box_is_refused_at_its_field(people, key, value, message):
    officer = people["canbo.a"]
    with pytest.raises(ValidationFailed) as refused:
        typed_row(officer, **{key: value})
    assert message in refused.value.errors[key], refused.value.errors
    # The same act sent with the case form is refused too, naming it.
    row = {name: typed_form()[box] for box, name in typed_acts._ROW_KEYS.items()}
    row[typed_acts._ROW_KEYS[key]] = value
    errors = refusal(officer, [row])
    assert errors["typed_acts"].startswith("Hành vi ngoài danh mục thứ 1: ")
    assert message in errors["typed_acts"]


def test_frame_above_the_field_maximum_and_catalogue_points_are_refused(people):
    officer = people["canbo.a"]
    with pytest.raises(ValidationFailed) as refused:
        # Phòng, chống bạo lực gia đình: 30.000.000 đồng (Law Art. 24 k1 a).
        typed_row(
            officer,
            typed_field="Phòng, chống bạo lực gia đình",
            typed_article="45",
            typed_frame_max="40.000.000",
        )
    assert "30.000.000 đồng" in refused.value.errors["typed_frame_max"]
    with pytest.raises(ValidationFailed) as refused:
        typed_row(officer, typed_article="8", typed_clause="1", typed_point="a")
    assert "đã có trong danh mục" in refused.value.errors["typed_act"]


def test_spellings_are_normalised(people):
    row = typed_row(
        people["canbo.a"],
        typed_decree=" 282/2025/nd-cp ",
        typed_point="Đ",
        typed_frame_min="1000000",
    )
    assert (row["decree"], row["point"], row["frame_min"]) == (
        "282/2025/NĐ-CP",
        "đ",
        "1000000",
    )


def test_forged_lists_from_the_browser_are_refused(people):
    officer = people["canbo.a"]
    good = typed_row(officer)
    assert "typed_acts" in refusal(officer, "not a list")
    assert "typed_acts" in refusal(officer, [good, "x"])
    assert "typed_acts" in refusal(officer, [good] * (MAX_ACTS + 1))
    # Twice the same act, or the same citation with other words (one act,
    # one fine: verification trial).
    assert "đã có" in refusal(officer, [good, good])["typed_acts"]
    reworded = typed_row(officer, typed_act="Đánh bạc được thua bằng hiện vật")
    assert "đã có" in refusal(officer, [good, reworded])["typed_acts"]
    # A row edited in the browser after the check (frame reversed).
    assert (
        "nhỏ hơn" in refusal(officer, [{**good, "frame_min": "9000000"}])["typed_acts"]
    )
    assert "typed_acts" in refusal(officer, [{**good, "article": ["9"]}])
    # Twenty acts in all, catalogue and typed together.
    many = [typed_row(officer, typed_article=str(50 + i)) for i in range(MAX_ACTS)]
    listed = str(catalogue_id(8, 1, "a", "282/2025/NĐ-CP"))
    assert "tối đa" in refusal(officer, many, act_ids=listed)["act_ids"]
    # All acts of one field.
    traffic = str(catalogue_id(7, 2, "h", "168/2024/NĐ-CP"))
    assert "cùng một lĩnh vực" in refusal(officer, [good], act_ids=traffic)["act_ids"]
    # Someone who may not write cases cannot even check one.
    with pytest.raises(PermissionDenied):
        typed_acts.check(people["giamsat"], typed_form())
    with session_scope() as session:
        assert session.exec(select(Case)).all() == []


def test_an_edit_keeps_or_changes_the_typed_acts(people):
    officer = people["canbo.a"]
    case_id = new_case(officer, [typed_row(officer)])
    loaded = case_edit.edit_form(officer, case_id)
    assert [a["typed"] for a in loaded["acts"]] == ["ngoài danh mục"]

    def save(acts: list[dict], **changes) -> int:
        form = dict(case_edit.edit_form(officer, case_id)["values"])
        form.update(
            kind="individual",
            version=case_edit.edit_form(officer, case_id)["version"],
            **changes,
        )
        form["act_ids"] = ",".join(a["id"] for a in acts if not a.get("typed"))
        form["typed_acts"] = [a for a in acts if a.get("typed")]
        return case_edit.edit_case(officer, case_id, form)

    # Another field changed: the typed act stays as it was.
    assert save(loaded["acts"], violation_place="Chợ xã Ea Kao") == 2
    with session_scope() as session:
        act = session.exec(select(CaseAct).where(CaseAct.case_id == case_id)).one()
    assert (act.catalogue_id, act.act, act.frame_max) == (None, GAMBLING, 2_000_000)
    # Its frame corrected: stored anew.
    fixed = typed_row(officer, typed_frame_max="3.000.000")
    assert save([fixed]) == 3
    with session_scope() as session:
        act = session.exec(select(CaseAct).where(CaseAct.case_id == case_id)).one()
    assert act.frame_max == 3_000_000
    # Forged on the way back: refused, nothing changed.
    with pytest.raises(ValidationFailed) as refused:
        save([{**fixed, "point": "z"}])
    assert "typed_acts" in refused.value.errors


def test_an_edit_keeps_a_stored_act_the_small_form_would_refuse(people):
    """An act imported from an old register (no citation) or one the
    catalogue has since gained is kept as stored when sent back unchanged,
    so that it does not block the correction of another part."""
    officer = people["canbo.a"]
    case_id = new_case(officer, [typed_row(officer)])
    with session_scope() as session:
        act = session.exec(select(CaseAct).where(CaseAct.case_id == case_id)).one()
        act.decree, act.article, act.clause, act.point = "Quyết định cũ", 0, 0, ""
        session.add(act)
    loaded = case_edit.edit_form(officer, case_id)
    form = dict(loaded["values"], kind="individual", version=loaded["version"])
    form.update(act_ids="", typed_acts=loaded["acts"], violation_place="Chợ")
    assert case_edit.edit_case(officer, case_id, form) == 2
    with session_scope() as session:
        act = session.exec(select(CaseAct).where(CaseAct.case_id == case_id)).one()
    assert (act.decree, act.article, act.act) == ("Quyết định cũ", 0, GAMBLING)
    # Changed in the browser, it is no longer the stored act: checked, refused.
    form.update(version=2, typed_acts=[{**loaded["acts"][0], "act": "Khác"}])
    with pytest.raises(ValidationFailed) as refused:
        case_edit.edit_case(officer, case_id, form)
    assert (
        "«Quyết định cũ» không phải số nghị định" in refused.value.errors["typed_acts"]
    )


def test_an_edit_keeps_each_acts_origin(people):
    """Changed acts are stored anew; each keeps where it came from
    (CaseAct.origin): an act sent back as stored stays the register's or
    the officer's, an act added is the officer's. (An imported case cannot
    be edited once decided; its act is made here by hand.)"""
    officer = people["canbo.a"]
    listed = catalogue_id(8, 1, "a", "282/2025/NĐ-CP")
    case_id = new_case(officer, [typed_row(officer)], act_ids=str(listed))
    with session_scope() as session:
        act = session.exec(select(CaseAct).where(
            CaseAct.case_id == case_id, CaseAct.catalogue_id.is_(None))).one()
        act.origin = "import"
        session.add(act)
    loaded = case_edit.edit_form(officer, case_id)
    # The edit form marks the register's act as the case page does.
    assert [a.get("typed") for a in loaded["acts"]] == [None, "theo sổ Excel"]

    added = typed_row(officer, typed_article="99", typed_act="Trộm cắp tài sản")
    acts = [*loaded["acts"], added]
    form = dict(loaded["values"], kind="individual", version=loaded["version"])
    form.update(
        act_ids=",".join(a["id"] for a in acts if not a.get("typed")),
        typed_acts=[a for a in acts if a.get("typed")],
    )
    assert case_edit.edit_case(officer, case_id, form) == 2
    with session_scope() as session:
        stored = session.exec(select(CaseAct).where(CaseAct.case_id == case_id)
                              .order_by(CaseAct.position)).all()
    assert [(a.catalogue_id, a.act, a.origin) for a in stored] == [
        (listed, stored[0].act, "catalogue"),
        (None, GAMBLING, "import"),
        (None, "Trộm cắp tài sản", "typed"),
    ]
    shown = case_queries.get_case(officer, case_id)["acts"]
    assert [a["outside"] for a in shown] == ["", "theo sổ Excel", "ngoài danh mục"]


def test_the_picker_adds_checked_acts_and_sends_them_apart(people):
    """The page's «Thêm hành vi»: only what the service gave back is added,
    each once, within MAX_ACTS; the case form's own errors stay shown; the
    save sends typed acts apart from the catalogue ids."""
    _root, state = new_state(CaseFormState, auth.login("canbo.a", PASSWORD).token)

    def run(handler: str, *args) -> list:
        fn = CaseFormState.event_handlers[handler].fn
        return run_coroutine(_drive(fn(state, *args)))

    run("open")
    run("open_typed")
    assert state.typed_open and SECURITY in state.typed_fields
    state.errors = {"name": "Vui lòng nhập họ và tên / tên tổ chức."}
    run("add_typed_act", typed_form(typed_point="z"))
    assert state.selected == [] and "typed_point" in state.errors
    assert "name" in state.errors
    run("add_typed_act", typed_form())
    run("add_typed_act", typed_form())  # the same act again
    run("add_typed_act", typed_form(typed_act="Đánh bạc bằng hiện vật"))  # reworded
    assert [s["typed"] for s in state.selected] == ["ngoài danh mục"]
    assert "đã có" in state.errors["typed_act"] and "name" in state.errors
    assert state._act_ids() == "" and state._typed_acts() == state.selected
    run("add_typed_act", "not a form")
    assert len(state.selected) == 1 and "typed_decree" in state.errors
    for i in range(MAX_ACTS):
        run("add_typed_act", typed_form(typed_article=str(50 + i)))
    assert len(state.selected) == MAX_ACTS
    assert "tối đa" in state.errors["typed_act"]
