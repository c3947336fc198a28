"""The sanction procedure after the violation record: the transitions table
(`transitions.TABLE`), one module per group of steps, and what the case page
and "Việc cần làm" read. Importing the package registers every step."""

from xlvphc.services.procedure import (  # noqa: F401  (registers the steps)
    amendment,
    closing,
    coercion,
    coercion_result,
    complaint,
    delivery,
    explanation,
    extension,
    minors,
    on_the_spot,
    payment,
    payment_relief,
    seized,
    seizure_extension,
    transfer,
    verification,
)
from xlvphc.services.procedure.on_the_spot import decide_without_record
from xlvphc.services.procedure.overview import case_procedure
from xlvphc.services.procedure.transitions import TABLE, allowed_steps, perform

__all__ = [
    "TABLE",
    "allowed_steps",
    "case_procedure",
    "decide_without_record",
    "perform",
]
