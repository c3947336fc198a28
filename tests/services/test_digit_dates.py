"""Dates and times typed as digits alone (user trial on a phone: the number
pad of many phones has no "/" or ":"). The date and time boxes open the
number pad and the page writes "05122026" as "05/12/2026" when the box is
left; a form sent before that, or without the script, must read the same.
Impossible values keep their messages."""

from datetime import timedelta

from sqlmodel import select

from tests.services.test_future_times import at_0858, recorded_form  # noqa: F401
from tests.services.test_procedure import TODAY, case_row
from xlvphc.models.base import VN_TZ
from xlvphc.models.cases import ViolationRecord, Violator
from xlvphc.services import cases
from xlvphc.services.db import session_scope
from xlvphc.services.inputs import FormReader


def test_the_reader_takes_eight_digits_for_a_date_and_four_for_a_time():
    form = FormReader({"day": "05122026", "clock": "1430", "short": "930"})
    day = form.date("day", "ngày vi phạm")
    assert (day.day, day.month, day.year) == (5, 12, 2026)
    assert form.time("clock", "giờ vi phạm").strftime("%H:%M") == "14:30"
    assert form.time("short", "giờ lập").strftime("%H:%M") == "09:30"
    assert form.errors == {}


def test_impossible_digits_keep_the_usual_messages():
    form = FormReader({"day": "31022026", "clock": "2460", "odd": "14305"})
    assert form.date("day", "ngày vi phạm") is None
    assert form.time("clock", "giờ vi phạm") is None
    assert form.time("odd", "giờ lập") is None
    assert form.errors == {
        "day": "31022026 không phải ngày hợp lệ (ngày/tháng/năm).",
        "clock": "2460 không phải giờ hợp lệ (ví dụ 14:30).",
        "odd": "14305 không phải giờ hợp lệ (ví dụ 14:30).",
    }


def test_a_case_typed_in_digits_alone_is_saved_as_typed(people, at_0858):  # noqa: F811
    """The new-case form as a phone sends it when the boxes were not left:
    violation at 07:00 and record at 08:30 this morning."""
    officer = people["canbo.a"]
    day = TODAY.strftime("%d%m%Y")
    born = TODAY - timedelta(days=365 * 30)
    case_id = cases.create_case(
        officer,
        recorded_form(
            violation_date=day,
            violation_time="700",
            record_date=day,
            record_time="0830",
            birth_date=born.strftime("%d%m%Y"),
        ),
    )

    violated = case_row(case_id).violation_at
    with session_scope() as session:
        record = session.exec(
            select(ViolationRecord).where(ViolationRecord.case_id == case_id)
        ).one()
        violator = session.exec(
            select(Violator).where(Violator.case_id == case_id)
        ).one()
        made, birth = record.made_at, violator.birth_date

    for moment, hour, minute in ((violated, 7, 0), (made, 8, 30)):
        local = moment.astimezone(VN_TZ) if moment.tzinfo else moment
        assert (local.date(), local.hour, local.minute) == (TODAY, hour, minute)
    assert birth == born
