"""Blank ("Mẫu trắng") copies of MBB01 and MQĐ02 for field use.

Those two forms have their own renderers (documents/mbb01.py, mqd02.py);
a blank copy is the same layout with only the agency filled, so every
value prints as a dotted blank and the choices stay for the pen.
"""

from xlvphc.documents.data import DecisionData, FormData, RecordData, ViolatorData
from xlvphc.documents.mbb01 import render_record
from xlvphc.documents.mqd02 import render_decision

_NOBODY = ViolatorData(kind="individual", name="", nationality="")


def render_blank_main(code: str, data: FormData) -> bytes:
    """Render a blank MBB01 or MQĐ02 headed with `data.agency`."""
    if code == "MBB01":
        return render_record(
            RecordData(
                agency=data.agency,
                number="",
                made_at=None,
                place="",
                field="",
                maker_name="",
                maker_title="",
                witness="",
                violator=_NOBODY,
                violation_at=None,
                violation_place="",
                description="",
                explanation_allowed=True,
                draft=data.draft,
            )
        )
    return render_decision(
        DecisionData(
            agency=data.agency,
            number="",
            decided_on=None,
            signer_name="",
            signer_title="",
            field="",
            decrees=[],
            record_number="",
            record_date=None,
            violator=_NOBODY,
            description="",
            # Left for the pen, not "Không."
            aggravating=None,
            mitigating=None,
            additional_sanctions=None,
            remedial_measures=None,
            draft=data.draft,
        )
    )
