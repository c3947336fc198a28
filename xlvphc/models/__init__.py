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
from xlvphc.models.form_details import StepDetail
from xlvphc.models.procedure import (
    Delegation,
    Instalment,
    ProcedureStep,
    SeizedItem,
)
from xlvphc.models.summary import ActSummary, CaseSummary
from xlvphc.models.units import Unit
from xlvphc.models.users import User, UserSession

__all__ = [
    "ActSummary",
    "AuditEvent",
    "Case",
    "CaseAct",
    "CaseEvent",
    "CaseSummary",
    "CaseToken",
    "CatalogueEntry",
    "Decision",
    "Delegation",
    "Feedback",
    "DocumentSequence",
    "Instalment",
    "ProcedureStep",
    "SeizedItem",
    "StepDetail",
    "Unit",
    "User",
    "UserSession",
    "ViolationRecord",
    "Violator",
]
