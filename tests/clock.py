"""Keeps a test run on one Vietnamese day.

Test modules read "today" once, at import, while the app reads the clock at
every call. A run that crossed midnight in Vietnam (17:00 UTC) compared two
days and failed by the dozen. A run that starts late in the Vietnamese evening
therefore moves its clock back to 22:00 of that day and lets it tick from
there: a pass takes well under the two hours that leaves.

Only this process's clock moves. The browser tests' app servers run in their
own processes on the real clock, so they can still meet midnight.
"""

from datetime import datetime, time

from xlvphc.models.base import VN_TZ

LATE_EVENING = time(22, 0)


def run_start(now: datetime) -> datetime | None:
    """Where the run's clock should start, or None to leave it alone."""
    local = now.astimezone(VN_TZ)
    if local.time() < LATE_EVENING:
        return None
    return datetime.combine(local.date(), LATE_EVENING, tzinfo=VN_TZ)
