"""A time later today is the future (user trial: at 08:58 a violation at 21:00
and a record made at 23:30 the same day were accepted, only the date being
compared with today). Every date and time pair the forms accept is checked
against the clock, with a few minutes' tolerance (inputs.CLOCK_SKEW): the
new case, its edit, the decision on the spot, and the steps' hours."""

from datetime import datetime, time, timedelta

import pytest

from tests.services.conftest import case_form, catalogue_id, decision_form
from tests.services.test_procedure import (
    FAMILY_SMALL,
    TODAY,
    case_row,
    d,
    decided_case,
    step,
    version,
)
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.models.base import VN_TZ, local_now
from xlvphc.services import case_edit, cases, inputs
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.inputs import CLOCK_SKEW, FormReader, after_now
from xlvphc.services.procedure import decide_without_record

TODAY_TEXT = TODAY.strftime("%d/%m/%Y")
VIOLATION_LATER = "Giờ vi phạm không được sau thời điểm hiện tại."
RECORD_LATER = "Giờ lập biên bản không được sau thời điểm hiện tại."


@pytest.fixture
def at_0858(monkeypatch):
    """The trial's clock: 08:58 today, Vietnam time."""
    now = local_now().replace(hour=8, minute=58, second=0, microsecond=0)
    monkeypatch.setattr(inputs, "local_now", lambda: now)
    return now


def recorded_form(**overrides) -> dict:
    """A new-case form of this morning: violation 07:00, record 08:30."""
    values = {
        "violation_date": TODAY_TEXT,
        "violation_time": "07:00",
        "record_date": TODAY_TEXT,
        "record_time": "08:30",
        "act_ids": str(catalogue_id(*FAMILY_SMALL)),
    }
    return case_form(**{**values, **overrides})


# ------------------------------------------------------------- the rule


def test_after_now_allows_the_clock_skew_and_no_more():
    now = datetime(2026, 12, 5, 8, 58, tzinfo=VN_TZ)
    day = now.date()
    assert not after_now(day, time(8, 58), now)
    assert not after_now(day, time(9, 3), now)  # 5 minutes: a fast watch
    assert after_now(day, time(9, 4), now)
    assert after_now(day, time(21, 0), now)
    assert not after_now(day - timedelta(days=1), time(23, 59), now)
    assert CLOCK_SKEW == timedelta(minutes=5)


def test_the_time_field_gets_the_message_not_the_date(at_0858):
    form = FormReader({"day": TODAY_TEXT, "clock": "21:00"})
    form.local_datetime("day", "clock", "vi phạm", TODAY)
    assert form.errors == {"clock": VIOLATION_LATER}


def test_a_future_day_keeps_its_own_message_only(at_0858):
    tomorrow = (TODAY + timedelta(days=1)).strftime("%d/%m/%Y")
    form = FormReader({"day": tomorrow, "clock": "21:00"})
    form.local_datetime("day", "clock", "vi phạm", TODAY)
    assert form.errors == {"day": "Ngày vi phạm không được sau ngày hôm nay."}


# ------------------------------------------------------- the case forms


def test_trial_violation_at_21_and_record_at_2330_are_refused(people, at_0858):
    officer = people["canbo.a"]
    with pytest.raises(ValidationFailed) as refused:
        cases.create_case(
            officer, recorded_form(violation_time="21:00", record_time="23:30")
        )
    errors = refused.value.errors
    assert errors["violation_time"] == VIOLATION_LATER
    assert errors["record_time"] == RECORD_LATER
    assert "violation_date" not in errors and "record_date" not in errors


def test_a_record_made_a_few_minutes_ahead_of_the_clock_is_accepted(people, at_0858):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, recorded_form(record_time="09:02"))
    assert case_row(case_id).status == "recorded"


def test_yesterday_evening_is_not_the_future(people, at_0858):
    officer = people["canbo.a"]
    case_id = cases.create_case(
        officer,
        recorded_form(violation_date=d(1), violation_time="21:00"),
    )
    assert case_row(case_id).status == "recorded"


def test_editing_to_a_later_hour_today_is_refused(people, at_0858):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, recorded_form())
    loaded = case_edit.edit_form(officer, case_id)
    form = {
        **loaded["values"],
        "kind": loaded["kind"],
        "act_ids": ",".join(a["id"] for a in loaded["acts"]),
        "version": loaded["version"],
        "violation_time": "21:00",
        "record_time": "23:30",
    }
    with pytest.raises(ValidationFailed) as refused:
        case_edit.edit_case(officer, case_id, form)
    assert refused.value.errors["violation_time"] == VIOLATION_LATER
    assert refused.value.errors["record_time"] == RECORD_LATER
    assert case_row(case_id).version == 1


def test_on_the_spot_decision_at_a_later_hour_is_refused(people, at_0858):
    officer = people["canbo.a"]
    with pytest.raises(ValidationFailed) as refused:
        decide_without_record(officer, spot_form(violation_time="21:00"))
    assert refused.value.errors["violation_time"] == VIOLATION_LATER
    # Earlier this morning it goes through.
    assert decide_without_record(officer, spot_form(violation_time="07:00"))


# ------------------------------------------------------------- the steps


def test_seizure_hour_later_today_is_refused(people, at_0858):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, recorded_form())
    with pytest.raises(ValidationFailed) as refused:
        step(officer, case_id, "seize", days="7", description="Xe đạp", on=d(0),
             start_time="21:00", decider_title="Chủ tịch")
    assert refused.value.errors == {
        "start_time": "Giờ bắt đầu không được sau thời điểm hiện tại."
    }
    step(officer, case_id, "seize", days="7", description="Xe đạp", on=d(0),
         start_time="08:45", decider_title="Chủ tịch")


def test_a_seizure_of_an_earlier_day_may_be_in_the_evening(people, at_0858):
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, 2)
    step(officer, case_id, "seize", days="7", description="Xe đạp", on=d(1),
         start_time="21:00")


def test_verification_end_later_today_is_refused(people, at_0858):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, recorded_form())
    with pytest.raises(ValidationFailed) as refused:
        step(
            officer,
            case_id,
            "verify",
            on=d(0),
            start_time="08:40",
            end_time="10:00",
            place="Tổ 5",
            findings="Đúng như biên bản",
        )
    assert refused.value.errors == {
        "end_time": "Giờ kết thúc không được sau thời điểm hiện tại."
    }


def test_a_future_step_day_is_refused_once(people, at_0858):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, recorded_form())
    tomorrow = (TODAY + timedelta(days=1)).strftime("%d/%m/%Y")
    with pytest.raises(ValidationFailed) as refused:
        step(
            officer,
            case_id,
            "seize",
            description="Xe đạp",
            days="7",
            on=tomorrow,
            start_time="21:00",
            decider_title="Chủ tịch",
        )
    assert set(refused.value.errors) == {"on"}


def test_the_decision_day_alone_is_still_checked(people, at_0858):
    """MQĐ02 asks a date only: today is accepted, tomorrow refused."""
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, recorded_form())
    tomorrow = (TODAY + timedelta(days=1)).strftime("%d/%m/%Y")
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(
            officer,
            case_id,
            decision_form(decided_on=tomorrow, version=version(case_id)),
        )
    assert "decided_on" in refused.value.errors
