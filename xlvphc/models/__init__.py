"""SQLModel tables. Importing this package registers every table."""

from xlvphc.models.audit import AuditEvent
from xlvphc.models.cases import (
    Case,
    CaseAct,
    CaseEvent,
    Decision,
    DocumentSequence,
    ViolationRecord,
    Violator,
)
from xlvphc.models.catalogue import CatalogueEntry
from xlvphc.models.units import Unit
from xlvphc.models.users import User, UserSession

__all__ = [
    "AuditEvent",
    "Case",
    "CaseAct",
    "CaseEvent",
    "CatalogueEntry",
    "Decision",
    "DocumentSequence",
    "Unit",
    "User",
    "UserSession",
    "ViolationRecord",
    "Violator",
]
