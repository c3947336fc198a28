"""Which paper a list row links its case by, and what it says when the case
has no record number.

The case list («Hồ sơ») and «Việc cần làm» link each row by the number the
officer knows from the paper: the record's (MBB01). An on-the-spot decision
(MQĐ01, Law Art. 56) has no record, and a register imported from Excel may
not have written the record's number down: such a row is linked by its
decision number instead, and only a case with neither number by the words
OPEN (user trial: the link used to be a one-character "—" or the words
"Không có biên bản", hard to find and to tap on a phone). The record column
then says why it is empty, as the case page does: no record made, or none
written in the register (which is not the same thing).
"""

# Where the row's one link sits (pages/cases.py, pages/todo.py).
ON_RECORD, ON_DECISION, ON_CASE = "record", "decision", "case"
OPEN = "Mở hồ sơ"
# The record column of a case without a record number.
NO_RECORD = "Không có biên bản"  # decided on the spot (MQĐ01)
NOT_IN_REGISTER = "Sổ Excel không ghi số BB"  # imported, number not written


def record_note(without_record: bool, imported: bool) -> str:
    """Why a case shows no record number: an on-the-spot decision made none
    (it wins: the importer marks such register rows without_record too);
    an imported register row only did not write it down."""
    if without_record or not imported:
        return NO_RECORD
    return NOT_IN_REGISTER


def link_fields(
    record_number: str | None,
    decision_number: str | None,
    without_record: bool,
    imported: bool,
) -> dict:
    """The fields a list row needs to place its one link: the record
    number ("" when none), the note shown instead of it, and which cell
    carries the link (ON_RECORD, ON_DECISION or ON_CASE)."""
    record = (record_number or "").strip()
    decision = (decision_number or "").strip()
    if record:
        link_on = ON_RECORD
    elif decision:
        link_on = ON_DECISION
    else:
        link_on = ON_CASE
    return {
        "record_number": record,
        "record_note": "" if record else record_note(without_record, imported),
        "link_on": link_on,
    }
