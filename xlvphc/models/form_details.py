"""Details of a procedure step that only its official forms print: who took
part in a hearing, what a verification found, who holds the coerced
person's money, witnesses, the numbers of the seizure records (issue 4).

One row per step that has any, as JSON text: each step has its own set of
fields (services/procedure/details.py reads and validates them, and
services/printing_details.py turns them into form values), so a new field
needs no schema change."""

from sqlmodel import Field, SQLModel


class StepDetail(SQLModel, table=True):
    """The structured details of one `ProcedureStep`."""

    id: int | None = Field(default=None, primary_key=True)
    step_id: int = Field(foreign_key="procedurestep.id", index=True, unique=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    data: str = Field(default="{}")  # JSON object, keys per step (details.py)
