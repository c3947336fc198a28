"""SQLModel tables. Importing this package registers every table."""

from xlvphc.models.audit import AuditEvent
from xlvphc.models.cases import (
    Case,
    CaseAct,
    CaseEvent,
    CaseToken,
    Decision,
    DocumentSequence,
    ViolationRecord,
    Violator,
)
from xlvphc.models.catalogue import CatalogueEntry
from xlvphc.models.feedback import Feedback
from xlvphc.models.procedure import (
    Delegation,
    Instalment,
    ProcedureStep,
    SeizedItem,
)
from xlvphc.models.units import Unit
from xlvphc.models.users import User, UserSession

__all__ = [
    "AuditEvent",
    "Case",
    "CaseAct",
    "CaseEvent",
    "CaseToken",
    "CatalogueEntry",
    "Decision",
    "Delegation",
    "Feedback",
    "DocumentSequence",
    "Instalment",
    "ProcedureStep",
    "SeizedItem",
    "Unit",
    "User",
    "UserSession",
    "ViolationRecord",
    "Violator",
]
