"""Printing the delegation register's decisions: MQĐ34 (sanctioning),
MQĐ35 (coercion) and MQĐ37 (ending a delegation), filled from the register
kept by services/procedure/delegation.py. Audited like every print."""

import logging

from xlvphc.documents.data import FormData
from xlvphc.documents.registry import normalise, render
from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.dates import fmt_date
from xlvphc.models import Unit
from xlvphc.models.procedure import Delegation
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, NotFound
from xlvphc.services.inputs import valid_id
from xlvphc.services.printing import MODES, agency_of

log = logging.getLogger(__name__)

DELEGATION_FORMS = {"sanction": "MQĐ34", "coercion": "MQĐ35"}


def print_delegation(
    actor: Actor, delegation_id: object, form: object, mode: object = "final"
) -> tuple[str, bytes]:
    """Print a registered delegation (MQĐ34/MQĐ35) or its ending (MQĐ37).

    Luật XLVPHC Điều 54 khoản 1, Điều 87 khoản 2; Nghị định 118/2021 Điều
    10. Scope: the delegation's unit must be one the actor may print for.

    Returns:
        (file name, PDF bytes). Slow: call it off the event loop.
    """
    code = normalise(form) if isinstance(form, str) else ""
    row_id = valid_id(delegation_id)
    if code not in ("MQĐ34", "MQĐ35", "MQĐ37") or mode not in MODES:
        raise Conflict("Mẫu biểu không hợp lệ.")
    with session_scope() as session:
        row = session.get(Delegation, row_id) if row_id else None
        if row is None:
            raise NotFound()
        require(actor, Action.CASE_PRINT, row.unit_id)
        if code != "MQĐ37" and DELEGATION_FORMS.get(row.scope) != code:
            raise Conflict("Mẫu này không dùng cho loại giao quyền đã đăng ký.")
        if code == "MQĐ37" and mode != "blank" and row.ended_on is None:
            # The ending decision carries the day recorded by end_delegation.
            raise Conflict(
                "Chưa ghi nhận chấm dứt giao quyền này: bấm «Chấm dứt» trước "
                "khi in quyết định chấm dứt (MQĐ37)."
            )
        unit = session.get(Unit, row.unit_id)
        agency = agency_of(session, unit)
        head = dict(SIGNER_TITLES).get(row.head_title_code, "")
        values: dict[str, object] = {
            "deputy_name": row.deputy_name,
            "deputy_title": row.deputy_title,
            "head_title": head,
            "from_date": row.valid_from,
            "term": (
                f"từ ngày {fmt_date(row.valid_from)} đến ngày {fmt_date(row.valid_to)}"
                if row.valid_to
                else f"từ ngày {fmt_date(row.valid_from)}, không thời hạn"
            ),
            "delegation": f"{row.number} ngày {fmt_date(row.signed_on)}",
            "delegated": (
                "xử phạt vi phạm hành chính"
                if row.scope == "sanction"
                else "cưỡng chế thi hành quyết định xử phạt vi phạm hành chính"
            ),
        }
        ending = code == "MQĐ37"
        data = FormData(
            agency=agency,
            number="" if ending else row.number,
            issued_on=row.ended_on if ending else row.signed_on,
            signer_title=head,
            values={k: v for k, v in values.items() if v},
            draft=mode == "draft",
            blank=mode == "blank",
        )
        audit.record(
            session,
            actor,
            "delegation.printed",
            entity="delegation",
            entity_id=row.id,
            reason=f"{code} {mode}",
        )
        log.info("user=%s printed %s of delegation=%s", actor.user_id, code, row.id)
    slug = code.replace("Đ", "D").lower()
    return f"{slug}-giao-quyen-{row_id}.pdf", render(code, data)
