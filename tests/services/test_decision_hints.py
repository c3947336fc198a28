"""What the case tells its decision form (user trial):

- the remedial measures the violation catalogue gives for the case's acts
  were not suggested: the decision form now starts «Biện pháp khắc phục hậu
  quả» with them, each citing the acts it is for, computed by the service
  from the acts recorded with the case;
- a case past its decision deadline (Law Art. 66 k1) gave no warning: the
  case page and the decision form now say that it has passed, until the
  decision is entered or the case closed."""

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from tests.security.conftest import new_state
from tests.services.conftest import case_form, catalogue_id, decision_form
from tests.services.test_procedure import (
    FAMILY_HUGE,
    FAMILY_SMALL,
    TODAY,
    TRAFFIC,
    case_row,
    d,
    new_case,
    step,
    version,
)
from xlvphc.domain.calendar import add_months, add_working_days
from xlvphc.domain.dates import fmt_date
from xlvphc.domain.text import cite_in_full
from xlvphc.models import Case, CatalogueEntry
from xlvphc.services import case_queries, cases
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied, ValidationFailed
from xlvphc.services.procedure import case_procedure
from xlvphc.services.procedure.decision_hints import (
    OVERDUE_TITLE,
    decision_hints,
    decision_overdue,
)
from xlvphc.state.case_form import DecisionFormState, _case_and_hints

ENV = "45/2022/NĐ-CP"
LITTER = (25, 2, "a", ENV)  # no remedial measure in the catalogue
NOISE_1 = (22, 1, "", ENV)
WASTE = (25, 2, "c", ENV)
NOISE_2 = (22, 2, "", ENV)
NOISE_LINE = (
    "Buộc thực hiện biện pháp giảm thiểu tiếng ồn; buộc chi trả kinh phí đo "
    "đạc, phân tích (khoản 12 Điều 22 Nghị định 45/2022/NĐ-CP) – đối với hành "
    "vi tại khoản 1, khoản 2 Điều 22 Nghị định 45/2022/NĐ-CP."
)
WASTE_LINE = (
    "Buộc khôi phục lại tình trạng ban đầu; khắc phục ô nhiễm nếu có (điểm a "
    "khoản 7 Điều 25 Nghị định 45/2022/NĐ-CP) – đối với hành vi tại điểm c "
    "khoản 2 Điều 25 Nghị định 45/2022/NĐ-CP."
)
# User trial (5 Dec 2026): MQĐ02 printed "(khoản 15 điểm c)".
BUILDING = (16, 7, "a", "16/2022/NĐ-CP")
BUILDING_LINE = (
    "Buộc phá dỡ công trình, phần công trình vi phạm (điểm c khoản 15 Điều 16 "
    "Nghị định 16/2022/NĐ-CP) – đối với hành vi tại điểm a khoản 7 Điều 16 "
    "Nghị định 16/2022/NĐ-CP."
)


def case_with(officer, *acts) -> int:
    ids = ",".join(str(catalogue_id(*act)) for act in acts)
    return cases.create_case(
        officer,
        case_form(
            act_ids=ids,
            description="Gây tiếng ồn và đổ rác thải không đúng nơi quy định.",
        ),
    )


# ------------------------------------------------------- remedial measures


def test_the_measures_of_the_case_acts_are_suggested_with_their_citation(people):
    """One line per measure in the order of the acts; two acts of one
    article with the same measure share it; an act without one adds none."""
    officer = people["canbo.a"]
    case_id = case_with(officer, LITTER, NOISE_1, WASTE, NOISE_2)

    found = decision_hints(officer, case_id)

    assert found["remedial_suggestion"] == f"{NOISE_LINE}\n{WASTE_LINE}"


def test_the_measure_cites_point_clause_article_and_decree_in_order(people):
    officer = people["canbo.a"]
    case_id = case_with(officer, BUILDING)
    assert decision_hints(officer, case_id)["remedial_suggestion"] == BUILDING_LINE


def test_every_catalogue_measure_is_cited_in_the_legal_order(people):
    """Each bracketed clause of every catalogue row's measures (remedial and
    additional) reads "điểm x khoản N Điều A Nghị định D", never "khoản N
    điểm x", and names the row's own article and decree."""
    with session_scope() as session:
        entries = session.exec(select(CatalogueEntry)).all()
    assert len(entries) == 143
    cited = 0
    for e in entries:
        for text in (e.remedial_measure, e.additional_sanction):
            full = cite_in_full(text, e.article, e.decree)
            assert not re.search(r"khoản \d+ điểm", full), full
            for bracket in re.findall(r"\((?:điểm [a-zđ] )?khoản \d+[^)]*\)", full):
                assert f" Điều {e.article} Nghị định {e.decree}" in bracket, full
                cited += 1
    assert cited >= 40  # the brackets were found, not skipped


def test_acts_without_a_measure_suggest_nothing(people):
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC)
    assert decision_hints(officer, case_id)["remedial_suggestion"] == ""


def test_the_form_loads_the_case_with_its_hints(people):
    officer = people["canbo.a"]
    case_id = case_with(officer, WASTE)
    loaded = _case_and_hints(officer, case_id)
    assert loaded["id"] == case_id and len(loaded["acts"]) == 1
    assert loaded["remedial_suggestion"] == WASTE_LINE
    assert loaded["overdue"] == {"title": "", "text": ""}


@pytest.mark.parametrize("who", ["canbo.b", "giamsat"])
def test_the_hints_are_only_for_who_may_write_the_case(people, who):
    """Read through the case's scope check: another unit's officer is
    refused, as for the form itself, and so is a supervisor who may read
    the case but not decide it."""
    case_id = case_with(people["canbo.a"], WASTE)
    with pytest.raises(PermissionDenied):
        decision_hints(people[who], case_id)


def test_the_form_starts_with_the_suggestion_and_keeps_a_typed_text():
    """As the fines: the box starts with the suggestion; a text typed over it
    is kept (the suggestion is shown beside it) until «Dùng gợi ý» is
    pressed, which puts back the service's text, not one from the browser."""
    _root, state = new_state(DecisionFormState)
    state.remedial_suggested = state.remedial_default = WASTE_LINE
    handlers = DecisionFormState.event_handlers

    handlers["remedial_left"].fn(state, f"  {WASTE_LINE}\n")
    assert state.remedial_typed is False  # left as suggested

    handlers["remedial_left"].fn(state, "Buộc thu gom rác thải trong 02 ngày.")
    assert state.remedial_typed is True
    assert state.remedial_default == WASTE_LINE  # the box is not redrawn
    box = state.remedial_box

    handlers["use_remedial_suggestion"].fn(state)
    assert (state.remedial_default, state.remedial_typed) == (WASTE_LINE, False)
    assert state.remedial_box == box + 1  # drawn again with it

    handlers["remedial_left"].fn(state, None)  # malformed: nothing changes
    assert state.remedial_typed is False


def test_the_decision_records_the_text_sent_not_the_suggestion(people):
    """The suggestion only fills the box: what the officer left in it is
    what the decision says (here, nothing: the measure did not apply)."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL)
    assert decision_hints(officer, case_id)["remedial_suggestion"]

    cases.issue_decision(
        officer,
        case_id,
        decision_form(version=version(case_id), remedial_measures=""),
    )

    assert case_queries.get_case(officer, case_id)["remedial_measures"] == "—"


# ------------------------------------------------ the decision deadline


def alert_titles(officer, case_id: int) -> list[str]:
    return [a["title"] for a in case_procedure(officer, case_id)["alerts"]]


def due_row(officer, case_id: int) -> str:
    summary = case_procedure(officer, case_id)["summary"]
    return {p["label"]: p["value"] for p in summary}["Hạn ra quyết định (Điều 66)"]


def test_warning_after_the_deadline_on_the_page_and_the_form(people):
    """07 working days from the record (Art. 66 k1): past them with no
    decision, both the case page and the decision form say so, with the
    last day, and what may still be done."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 30)
    due = fmt_date(add_working_days(TODAY - timedelta(days=30), 7))

    alerts = case_procedure(officer, case_id)["alerts"]
    assert [a["title"] for a in alerts] == [OVERDUE_TITLE]
    text = alerts[0]["text"]
    assert f"Hạn cuối ra quyết định xử phạt là ngày {due}" in text
    assert "07 ngày làm việc" in text and "Điều 66" in text
    assert "biện pháp khắc phục hậu quả (mẫu MQĐ15)" in text
    assert "Kết thúc: không ra quyết định xử phạt" in text
    assert due_row(officer, case_id) == f"{due} – đã quá hạn, chưa có quyết định"

    form = decision_hints(officer, case_id)["overdue"]
    assert form == alerts[0]


def test_no_warning_before_the_deadline(people):
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 1)
    assert alert_titles(officer, case_id) == []
    assert "quá hạn" not in due_row(officer, case_id)
    overdue = decision_hints(officer, case_id)["overdue"]
    assert overdue == {"title": "", "text": ""}


def test_the_last_day_itself_is_not_overdue(people):
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 30)
    last = add_working_days(TODAY - timedelta(days=30), 7)
    with session_scope() as session:
        case = session.get(Case, case_id)
        assert decision_overdue(session, case, last) is None
        assert decision_overdue(session, case, last + timedelta(days=1))


def test_no_warning_once_decided(people):
    """A decision signed in time and entered late: the warning goes."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 30)
    assert alert_titles(officer, case_id) == [OVERDUE_TITLE]

    cases.issue_decision(
        officer, case_id, decision_form(decided_on=d(29), version=version(case_id))
    )

    assert alert_titles(officer, case_id) == []


def test_a_decision_dated_after_the_deadline_is_refused(people):
    """Art. 66 k1, Art. 65 (domain.md §1.4): past the deadline no sanction
    decision is made. Refused at its date, with the last day; nothing is
    written; the last day itself is taken."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 30)
    last = add_working_days(TODAY - timedelta(days=30), 7)
    with pytest.raises(ValidationFailed) as caught:
        cases.issue_decision(
            officer, case_id, decision_form(decided_on=d(0), version=version(case_id))
        )
    message = caught.value.errors["decided_on"]
    assert message.startswith(
        f"Đã quá thời hạn ra quyết định xử phạt: hạn cuối ngày {fmt_date(last)}"
    )
    assert "ghi đúng ngày ký" in message
    assert case_row(case_id).status == "recorded"

    cases.issue_decision(
        officer, case_id,
        decision_form(decided_on=fmt_date(last), version=version(case_id)),
    )
    assert case_row(case_id).decided_on == last


def test_no_warning_once_closed_without_a_decision(people):
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 30)
    step(officer, case_id, "close_no_decision", on=d(0), note="Quá thời hạn")
    assert case_row(case_id).status == "closed"
    assert alert_titles(officer, case_id) == []


def test_explanation_gives_one_month_and_the_warning_says_so(people):
    """Art. 66 k1 with explanation (Art. 61): 01 month from the record."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_HUGE, 40)
    step(officer, case_id, "request_explanation", on=d(39), code="written")

    alerts = case_procedure(officer, case_id)["alerts"]
    assert [a["title"] for a in alerts] == [OVERDUE_TITLE]
    due = fmt_date(add_months(TODAY - timedelta(days=40), 1))
    assert f"ngày {due} (01 tháng" in alerts[0]["text"]


def test_past_the_limitation_only_the_limitation_is_told(people):
    """No decision may be made anyway (Art. 6, Art. 65 k1 c): one alert."""
    officer = people["canbo.a"]
    case_id = new_case(officer, TRAFFIC, 400)
    assert alert_titles(officer, case_id) == ["Đã hết thời hiệu xử phạt"]
    overdue = decision_hints(officer, case_id)["overdue"]
    assert overdue["title"] == ""
