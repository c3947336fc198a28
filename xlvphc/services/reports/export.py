"""Exporting a report to a file. Every export is audited (security.md G2:
exports write an access-log entry)."""

import logging
from collections.abc import Callable

from xlvphc.documents.data import Agency
from xlvphc.models import Unit
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.printing import agency_of
from xlvphc.services.reports.pdf import render_pdf
from xlvphc.services.reports.queries import Report, build_report, report_filename
from xlvphc.services.reports.xlsx import render_xlsx

log = logging.getLogger(__name__)

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _issuing_body(actor: Actor) -> Agency:
    """The heading of the printed report: the unit of whoever makes it."""
    with session_scope() as session:
        return agency_of(session, session.get(Unit, actor.unit_id))


def export_report(
    actor: Actor,
    filters: object,
    fmt: object,
    progress: Callable[[float], None] | None = None,
) -> tuple[str, bytes, str]:
    """The report for the filters as (file name, bytes, MIME type)."""
    require(actor, Action.REPORT_READ)
    if fmt not in FORMATS:
        raise ValidationFailed({"format": "Định dạng tệp không hợp lệ."})
    report: Report = build_report(actor, filters)
    if progress:
        progress(0.3)
    data = (
        render_xlsx(report)
        if fmt == "xlsx"
        else render_pdf(
            report,
            lambda f: progress(0.3 + 0.65 * f) if progress else None,
            agency=_issuing_body(actor),
            made_by=actor.full_name,
        )
    )
    with session_scope() as session:
        audit.record(
            session,
            actor,
            "report.exported",
            entity="report",
            after={
                "format": fmt,
                "period": report.period,
                "scope": report.scope_label,
                "units": len(report.provincial) + len(report.vertical),
            },
        )
    log.info("user=%s exported report as %s", actor.user_id, fmt)
    if progress:
        progress(1.0)
    return report_filename(report, str(fmt)), data, FORMATS[fmt]
