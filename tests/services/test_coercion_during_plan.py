"""A remedial measure keeps the decision's own deadline while the fine is
paid by instalments (Luật XLVPHC Điều 73, 79, 85): once that deadline has
passed unmet, forcing the measure (MQĐ11) may be decided though the plan
still runs, as «Việc cần làm» says (user trial: the step refused it until
the plan's last date). The fine itself may still be coerced only after the
plan's dates (Điều 86 k1; form MQĐ05), nor a combined decision, which
coerces both."""

from datetime import date

import pytest

from tests.services.test_overdue_after_plan import planned
from tests.services.test_procedure import (
    TODAY,
    case_row,
    d,
    lead,  # noqa: F401 (fixture)
    step,
)
from xlvphc.models import Case
from xlvphc.models.cases import CaseStatus
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.printing_modes import coercion_blocker


def refusals(actor, case_id: int, **data) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        step(actor, case_id, "coerce", **data)
    return caught.value.errors


def blocker(case_id: int, remedial: bool) -> str:
    with session_scope() as session:
        case = session.get(Case, case_id)
        return coercion_blocker(session, case, TODAY, remedial)


def test_the_measure_may_be_coerced_while_instalments_run(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    # The measure was due 10 days ago; the 1st instalment was paid, the 2nd
    # is due in 5 days.
    case_id = planned(officer, 20, first=12, second=-5)
    step(officer, case_id, "payment", on=d(13), amount="1.400.000")
    plan_end = case_row(case_id).compliance_due
    assert plan_end > TODAY

    # The money may not be coerced yet: the plan runs.
    errors = refusals(lead, case_id, code="account", on=d(0))
    assert f"({plan_end:%d/%m/%Y}, Điều 86 Luật XLVPHC)" in errors["on"]
    errors = refusals(lead, case_id, code="account_remedial", on=d(0))
    assert f"({plan_end:%d/%m/%Y}, Điều 86 Luật XLVPHC)" in errors["on"]
    assert blocker(case_id, remedial=False).startswith("chưa hết thời hạn chấp hành")

    # The measure may: its paper is printable and the step is accepted.
    assert blocker(case_id, remedial=True) == ""
    step(lead, case_id, "coerce", code="remedial", on=d(0))
    row = case_row(case_id)
    assert row.status == CaseStatus.COERCING
    assert row.paid_total == 1_400_000


def test_the_measure_waits_for_its_own_deadline(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    # Received 4 days ago with 30 days for the measure; both instalments
    # were due in the past and are unpaid: the money is late, the measure
    # is not.
    case_id = planned(officer, 4, first=3, second=1, days=30)
    measure_due = case_row(case_id).late_after
    assert isinstance(measure_due, date) and measure_due < TODAY

    errors = refusals(lead, case_id, code="remedial", on=d(0))
    assert "Chỉ cưỡng chế sau khi hết thời hạn chấp hành (" + d(-26) in errors["on"]
    assert blocker(case_id, remedial=True).startswith("chưa hết thời hạn chấp hành")
    assert d(-26) in blocker(case_id, remedial=True)
    assert blocker(case_id, remedial=False) == ""
