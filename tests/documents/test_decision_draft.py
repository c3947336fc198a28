"""A filled-in draft of the sanction decision (MQĐ02) before it is recorded
(user trial: the print menu offered MQĐ02 as "Chỉ in mẫu trắng" while the
officer had to prepare the decision for the chairman to sign).

Rules (services/printing_modes.py): while the case can still be decided on
its record, the menu offers a DỰ THẢO filled from the case, each act at the
fine the decision form starts from (case_input.read_decision) with the
remedial measures it suggests (procedure/decision_hints.py); the official
copy waits for the decision; other units see nothing of it."""

import pytest
from pdf_probe import all_text

from tests.services.conftest import (  # noqa: F401 - fixtures
    case_form,
    catalogue_id,
    decision_form,
    people,
    ref,
)
from tests.services.test_print_official_copies import printed
from tests.services.test_procedure import FAMILY_SMALL, d, new_case
from tests.services.test_procedure_minors import born, minor_case
from xlvphc.domain.money import amount_in_words, format_vnd, parse_amount
from xlvphc.models import Case
from xlvphc.services import case_queries, cases, printing
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, PermissionDenied
from xlvphc.services.printing_modes import DECISION_HINT
from xlvphc.services.procedure.decision_hints import decision_hints

ENV = "45/2022/NĐ-CP"
WARNED = (22, 1, "", ENV)  # a warning only
NOISE = (22, 2, "", ENV)  # 1.000.000–5.000.000, with a remedial measure
WASTE = (25, 2, "c", ENV)


def _recorded(officer) -> int:
    """A case recorded with three acts, a warning and two fines, each with
    its remedial measure in the catalogue."""
    ids = ",".join(str(catalogue_id(*act)) for act in (WARNED, NOISE, WASTE))
    return cases.create_case(
        officer,
        case_form(
            act_ids=ids,
            description="Gây tiếng ồn và đổ rác thải không đúng nơi quy định.",
        ),
    )


def _menu_row(actor, case_id: int) -> dict:
    return next(
        r for r in printing.menu_forms(actor, case_id) if r["code"] == "MQĐ02"
    )


def _suggested(officer, case_id: int) -> list[int]:
    """Each act's fine as the decision form shows it before anything is
    typed (case_queries.get_case, its «default_fine»; None: a warning)."""
    acts = case_queries.get_case(officer, case_id)["acts"]
    return [parse_amount(a["default_fine"]) for a in acts]




def test_draft_before_the_decision_is_filled_from_the_case(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = _recorded(officer)

    row = _menu_row(officer, case_id)
    assert (row["final"], row["draft"], row["filled"]) == (False, True, True)
    assert row["preview"] == "draft" and row["hint"] == DECISION_HINT

    name, pdf = printing.print_form(officer, case_id, "MQĐ02", "draft")
    text = all_text(pdf)
    assert name.endswith("-du-thao.pdf")
    assert "DỰ THẢO" in text and "Nguyễn Văn An" in text
    # Each act at the form's default fine with its citation, and their
    # total in figures and words; the remedial measures suggested.
    fines = _suggested(officer, case_id)
    assert fines[0] is None and fines[1] and fines[2]
    assert (
        "Cảnh cáo đối với hành vi quy định tại khoản 1 Điều 22 Nghị định số "
        "45/2022/NĐ-CP" in text
    )
    for fine, place in zip(
        fines[1:], ("khoản 2 Điều 22", "điểm c khoản 2 Điều 25"), strict=True
    ):
        assert (
            f"Phạt tiền {format_vnd(fine)} ({amount_in_words(fine)}) đối với "
            f"hành vi quy định tại {place} Nghị định số 45/2022/NĐ-CP" in text
        )
    total = fines[1] + fines[2]
    assert f"Tổng số tiền phạt là: {format_vnd(total)}" in text
    assert f"(Bằng chữ: {amount_in_words(total)})" in text
    suggestion = decision_hints(officer, case_id)["remedial_suggestion"]
    assert suggestion and suggestion.splitlines()[0][:60] in text
    # The record it rests on; number, date and signer left for the pen.
    with session_scope() as session:
        record_no = session.get(Case, case_id).record_number
    assert f"Biên bản vi phạm hành chính số: {record_no} lập ngày {d(0)}" in text
    assert "Số: /QĐ-XPHC" in text and "Phạm Văn Dũng" not in text
    assert printed(case_id) == ["MQĐ02 draft"]


def test_the_official_copy_waits_for_the_decision(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = _recorded(officer)
    with pytest.raises(Conflict) as caught:
        printing.form_data(officer, case_id, "MQĐ02", "final")
    assert "chưa in được bản chính thức mẫu MQĐ02" in caught.value.message
    assert "«Ra quyết định xử phạt»" in caught.value.message
    assert printing.form_data(officer, case_id, "MQĐ02", "blank")[0].blank
    assert not any(r.endswith(" final") for r in printed(case_id))

    # The decision left at the form's defaults fines what the draft said.
    drafted = printing.form_data(officer, case_id, "MQĐ02", "draft")[0]
    cases.issue_decision(officer, case_id, decision_form(version=1))
    with session_scope() as session:
        assert session.get(Case, case_id).fine_total == drafted.fine_total
    row = _menu_row(officer, case_id)
    assert row["final"] and row["draft"]
    decided = printing.form_data(officer, case_id, "MQĐ02", "final")[0]
    assert decided.number and decided.signer_name == "Phạm Văn Dũng"


def test_other_units_cannot_print_the_draft(people):  # noqa: F811
    case_id = _recorded(people["canbo.a"])
    for actor in (people["canbo.b"], people["quantri"]):
        with pytest.raises(PermissionDenied):
            printing.form_data(actor, case_id, "MQĐ02", "draft")
        with pytest.raises(PermissionDenied):
            printing.menu_forms(actor, case_id)
    assert printed(case_id) == []


def test_no_draft_when_no_decision_can_be_made(people):  # noqa: F811
    """Under 14 (Law Art. 5 k1 a) or past the decision deadline (Art. 66
    k1): the blank copy only, with why."""
    officer = people["canbo.a"]
    for case_id in (minor_case(officer, 13), new_case(officer, FAMILY_SMALL, 30)):
        row = _menu_row(officer, case_id)
        assert (row["final"], row["draft"], row["filled"]) == (False, False, False)
        assert row["hint"] == "Chỉ in mẫu trắng: không ra được quyết định xử phạt."
        with pytest.raises(Conflict) as caught:
            printing.form_data(officer, case_id, "MQĐ02", "draft")
        assert "không ra được quyết định" in caught.value.message
        assert printing.form_data(officer, case_id, "MQĐ02", "blank")[0].blank


ORGANISATION = {
    "kind": "organisation",
    "name": "Công ty TNHH Ea Kao",
    "representative_name": "Lê Văn Cường",
    "tax_code": "6000123456",
}


@pytest.mark.parametrize(
    "violator",
    [
        pytest.param({}, id="adult"),
        pytest.param(ORGANISATION, id="organisation-doubled"),
        pytest.param({"birth_date": born(17, 1)}, id="17-half-frame"),
        pytest.param({"birth_date": born(15, 1)}, id="15-warning-only"),
    ],
)
def test_draft_fines_are_those_the_decision_form_starts_from(
    people, violator  # noqa: F811
):
    """The draft's fine is the form's default for every kind of violator
    (Law Art. 23 k4 average, Art. 24 doubled, Art. 134 halved or a warning):
    the one shown on the decision form, and the one the decision saves when
    the officer changes nothing."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 1, **violator)
    drafted = printing.form_data(officer, case_id, "MQĐ02", "draft")[0]
    shown = _suggested(officer, case_id)
    assert [a.fine for a in drafted.acts] == [fine or None for fine in shown]
    assert drafted.fine_total == sum(fine or 0 for fine in shown)
    with session_scope() as session:
        before = session.get(Case, case_id).version
    cases.issue_decision(
        officer, case_id, decision_form(version=before, intent_confirmed="1")
    )
    with session_scope() as session:
        assert session.get(Case, case_id).fine_total == drafted.fine_total


# MQĐ02's items that only the decision settles: items 4 and 5 of Điều 1 and
# item 6 b), then 6 c) (remedial measures), which the catalogue may suggest.
UNSETTLED = (
    "4. Các tình tiết tăng nặng (nếu có):",
    "5. Các tình tiết giảm nhẹ (nếu có):",
    "b) Hình thức xử phạt bổ sung (nếu có):",
)
REMEDIAL = "c) Biện pháp khắc phục hậu quả (nếu có):"
NO_REMEDY = (25, 2, "a", ENV)  # a cigarette end: no measure in the catalogue


def _item(text: str, label: str) -> str:
    """What the print says after an item's label, up to the next item."""
    after = text.split(label, 1)[1].strip()
    return after[:40]


def test_draft_leaves_what_only_the_decision_settles_dotted(people):  # noqa: F811
    """User trial: a draft printed «Không.» for the circumstances and the
    additional sanctions, as if the decision had none, before anyone had
    decided. The draft leaves them dotted for the pen; an issued decision
    that has none (its draft copy included) still says «Không.»."""
    officer = people["canbo.a"]
    case_id = _recorded(officer)

    text = all_text(printing.print_form(officer, case_id, "MQĐ02", "draft")[1])
    for label in UNSETTLED:
        assert _item(text, label).startswith("……"), _item(text, label)
    suggestion = decision_hints(officer, case_id)["remedial_suggestion"]
    assert _item(text, REMEDIAL).startswith(suggestion[:30])
    assert "Không." not in text
    # So does the blank copy.
    text = all_text(printing.print_form(officer, case_id, "MQĐ02", "blank")[1])
    for label in (*UNSETTLED, REMEDIAL):
        assert _item(text, label).startswith("……"), label

    cases.issue_decision(officer, case_id, decision_form(version=1))
    for mode in ("final", "draft"):
        text = all_text(printing.print_form(officer, case_id, "MQĐ02", mode)[1])
        for label in (*UNSETTLED, REMEDIAL):
            assert _item(text, label).startswith("Không."), (mode, label)


def test_draft_without_a_suggested_measure_leaves_it_dotted(people):  # noqa: F811
    """The catalogue gives no remedial measure for the act: that is no
    decision that none applies, so the draft dots the line too."""
    officer = people["canbo.a"]
    case_id = cases.create_case(
        officer, case_form(act_ids=str(catalogue_id(*NO_REMEDY)))
    )
    assert decision_hints(officer, case_id)["remedial_suggestion"] == ""

    text = all_text(printing.print_form(officer, case_id, "MQĐ02", "draft")[1])
    for label in (*UNSETTLED, REMEDIAL):
        assert _item(text, label).startswith("……"), label
    assert "Không." not in text


def test_issued_decision_prints_what_it_settled(people):  # noqa: F811
    """Circumstances and sanctions the decision records replace the dots."""
    officer = people["canbo.a"]
    case_id = _recorded(officer)
    cases.issue_decision(
        officer,
        case_id,
        decision_form(
            version=1,
            mitigating="Đã tự nguyện khắc phục hậu quả",
            additional_sanctions="Tịch thu tang vật vi phạm hành chính",
        ),
    )
    text = all_text(printing.print_form(officer, case_id, "MQĐ02", "final")[1])
    assert _item(text, UNSETTLED[0]).startswith("Không.")
    assert _item(text, UNSETTLED[1]).startswith("Đã tự nguyện khắc phục hậu quả.")
    assert _item(text, UNSETTLED[2]).startswith("Tịch thu tang vật")
    assert "……………" not in text.split(UNSETTLED[0], 1)[1].split("Điều 2.")[0]
