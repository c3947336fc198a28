"""A small fixed data set for the report and dashboard tests, with every figure
worked out by hand in the tests that use it.

Units: Tuy Hòa's committee (A), Bình Kiến's committee (B), Tuy Hòa's police
(P, a vertical agency). Dates are in 2026, except a case detected in 2025 and
decided in 2026, one detected in 2027 and a deleted one. Compliance deadlines
are set relative to today so that "overdue" does not age.
"""

from datetime import date, timedelta

from sqlmodel import select

from xlvphc.models import Case, Decision, ProcedureStep, Unit
from xlvphc.models.base import local_now, utcnow
from xlvphc.models.cases import CaseStatus, CloseReason
from xlvphc.services.db import session_scope

TRAFFIC = "Trật tự, an toàn giao thông đường bộ"
LAND = "Đất đai"
UNITS = {"A": "UBND-22015", "B": "UBND-22045", "P": "CA-22015"}

D = date
# (unit, field, kind, violation, decided, fine, paid, reduced, status,
#  close_reason, closed_on, complained, due_in_days, additional, remedial,
#  deleted)
CASES = [
    (
        "A",
        TRAFFIC,
        "individual",
        D(2026, 2, 10),
        D(2026, 2, 12),
        1_000_000,
        1_000_000,
        0,
        CaseStatus.CLOSED,
        CloseReason.EXECUTED,
        D(2026, 2, 20),
        False,
        None,
        "",
        "Buộc khôi phục lại tình trạng ban đầu",
        False,
    ),
    (
        "A",
        LAND,
        "organisation",
        D(2026, 3, 5),
        D(2026, 3, 7),
        4_000_000,
        0,
        0,
        CaseStatus.POSTPONED,
        "",
        None,
        False,
        -3,
        "Tịch thu tang vật",
        "",
        False,
    ),
    (
        "A",
        TRAFFIC,
        "individual",
        D(2026, 3, 10),
        D(2026, 3, 11),
        0,
        0,
        0,
        CaseStatus.CLOSED,
        CloseReason.EXECUTED,
        D(2026, 3, 11),
        False,
        None,
        "",
        "",
        False,
    ),
    (
        "A",
        TRAFFIC,
        "individual",
        D(2025, 12, 20),
        D(2026, 1, 5),
        2_000_000,
        1_000_000,
        1_000_000,
        CaseStatus.CLOSED,
        CloseReason.EXECUTED,
        D(2026, 1, 20),
        False,
        None,
        "",
        "",
        False,
    ),
    (
        "A",
        TRAFFIC,
        "individual",
        D(2026, 4, 1),
        None,
        0,
        0,
        0,
        CaseStatus.RECORDED,
        "",
        None,
        False,
        None,
        "",
        "",
        False,
    ),
    (
        "A",
        LAND,
        "individual",
        D(2026, 5, 1),
        None,
        0,
        0,
        0,
        CaseStatus.TRANSFERRED,
        CloseReason.TRANSFERRED,
        D(2026, 5, 10),
        False,
        None,
        "",
        "",
        False,
    ),
    (
        "A",
        TRAFFIC,
        "individual",
        D(2026, 4, 1),
        D(2026, 4, 2),
        9_000_000,
        0,
        0,
        CaseStatus.DECIDED,
        "",
        None,
        False,
        -1,
        "",
        "",
        True,
    ),
    (
        "A",
        TRAFFIC,
        "individual",
        D(2027, 1, 2),
        D(2027, 1, 3),
        700_000,
        0,
        0,
        CaseStatus.DECIDED,
        "",
        None,
        False,
        5,
        "",
        "",
        False,
    ),
    (
        "B",
        LAND,
        "organisation",
        D(2026, 6, 1),
        D(2026, 6, 3),
        10_000_000,
        0,
        0,
        CaseStatus.COERCING,
        "",
        None,
        True,
        -40,
        "",
        "",
        False,
    ),
    (
        "B",
        TRAFFIC,
        "individual",
        D(2026, 6, 15),
        D(2026, 6, 16),
        500_000,
        0,
        0,
        CaseStatus.DECIDED,
        "",
        None,
        False,
        -2,
        "",
        "",
        False,
    ),
    (
        "B",
        TRAFFIC,
        "individual",
        D(2026, 8, 1),
        D(2026, 8, 2),
        500_000,
        100_000,
        0,
        CaseStatus.EXECUTING,
        "",
        None,
        False,
        5,
        "",
        "",
        False,
    ),
    (
        "P",
        TRAFFIC,
        "individual",
        D(2026, 7, 1),
        D(2026, 7, 1),
        300_000,
        300_000,
        0,
        CaseStatus.CLOSED,
        CloseReason.EXECUTED,
        D(2026, 7, 1),
        False,
        None,
        "",
        "",
        False,
    ),
    # 13, 14: minors reminded instead of a warning (no decision); case 14
    # was detected in 2025 and reminded in 2026.
    (
        "A",
        TRAFFIC,
        "individual",
        D(2026, 9, 10),
        None,
        0,
        0,
        0,
        CaseStatus.CLOSED,
        CloseReason.REMINDED,
        D(2026, 9, 10),
        False,
        None,
        "",
        "",
        False,
    ),
    (
        "B",
        TRAFFIC,
        "individual",
        D(2025, 12, 28),
        None,
        0,
        0,
        0,
        CaseStatus.CLOSED,
        CloseReason.REMINDED,
        D(2026, 1, 3),
        False,
        None,
        "",
        "",
        False,
    ),
]

# Additional sanctions ticked on the decision (case number -> Decision
# columns): case 2 suspended (and confiscated), cases 8 (2027) and 9 lose a
# licence; case 9 has no wording, only the choice.
SANCTIONS = {
    2: ("sanction_confiscation", "sanction_suspension"),
    8: ("sanction_licence",),
    9: ("sanction_licence",),
}

# Procedure steps (case number, step code, day): case 1 was postponed before
# it was paid; case 9's coercion; case 6 transferred for prosecution and
# received back; case 5 received back only in 2027.
STEPS = [
    (1, "postpone", D(2026, 2, 14)),
    (9, "coerce", D(2026, 7, 1)),
    (6, "transfer_criminal", D(2026, 5, 10)),
    (6, "received_back", D(2026, 6, 1)),
    (5, "received_back", D(2027, 2, 1)),
]


def unit_ids() -> dict[str, int]:
    with session_scope() as session:
        return {
            key: session.exec(select(Unit.id).where(Unit.code == code)).one()
            for key, code in UNITS.items()
        }


def load_cases() -> dict[str, int]:
    """Insert the cases straight into the database (the procedure that fills
    these columns is another service's job); returns the unit ids."""
    ids = unit_ids()
    today = local_now().date()
    case_ids = {}
    with session_scope() as session:
        for n, (
            unit,
            field,
            kind,
            violated,
            decided,
            fine,
            paid,
            reduced,
            status,
            reason,
            closed,
            complained,
            due,
            additional,
            remedial,
            deleted,
        ) in enumerate(CASES, 1):
            case = Case(
                unit_id=ids[unit],
                field=field,
                status=status,
                violation_date=violated,
                violator_kind=kind,
                violator_name=f"Người vi phạm {n}",
                record_number=f"{n}/BB-VPHC",
                decision_number=f"{n}/QĐ-XPHC" if decided else "",
                decided_on=decided,
                fine_total=fine,
                paid_total=paid,
                reduced_total=reduced,
                close_reason=reason,
                closed_on=closed,
                complained=complained,
                compliance_due=None if due is None else today + timedelta(days=due),
                # No plan, no measure pending: what makes a decision late is
                # its compliance deadline (deadlines.refresh_deadlines).
                late_after=None if due is None else today + timedelta(days=due),
                deleted_at=utcnow() if deleted else None,
            )
            session.add(case)
            session.flush()
            case_ids[n] = case.id
            if decided:
                session.add(
                    Decision(
                        case_id=case.id,
                        number=case.decision_number,
                        decided_on=decided,
                        signer_name="Chủ tịch",
                        signer_title="Chủ tịch",
                        fine_total=fine,
                        additional_sanctions=additional,
                        remedial_measures=remedial,
                        **dict.fromkeys(SANCTIONS.get(n, ()), True),
                    )
                )
        for n, step, on in STEPS:
            session.add(ProcedureStep(case_id=case_ids[n], step=step, on=on))
    return ids
