"""The step «Ghi nhận đã thực hiện biện pháp khắc phục» starts with the
decision's remedial measures in «Biện pháp đã thực hiện» (user trial: it was
empty and the officer typed the decision again)."""

from tests.services.test_procedure import d, step
from tests.services.test_procedure_closing import MEASURE, paid_case
from xlvphc.services.procedure import allowed_steps


def _remedial_fields(actor, case_id: int) -> dict:
    row = next(s for s in allowed_steps(actor, case_id)
               if s["code"] == "remedial_done")
    return {f["name"]: f for f in row["fields"]}


def test_measure_done_starts_as_the_decisions_measure(people):
    officer = people["canbo.a"]
    case_id = paid_case(officer, remedial_measures=MEASURE)
    fields = _remedial_fields(officer, case_id)
    assert fields["note"]["default"] == MEASURE
    assert fields["note"]["kind"] == "textarea" and fields["note"]["required"]
    assert fields["on"]["default"] == d(0)  # a required date starts today
    # What the officer sends (here the text left as it was) is recorded.
    step(officer, case_id, "remedial_done", on=d(0), note=fields["note"]["default"])
    assert "remedial_done" not in {s["code"] for s in allowed_steps(officer, case_id)}
