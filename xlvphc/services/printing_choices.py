"""Which step's papers to print, when a case holds several (issue 4).

A case can seize goods more than once, extend a seizure, and return or
confiscate them one item at a time; each such step has its own record and
decision with their own numbers (services/procedure/seized.py,
seizure_extension.py). The print menu lists every step of those kinds with
its number and date, and the forms are printed for the step the officer
picks (services/printing_details.py fills them).
"""

from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date
from xlvphc.models.procedure import ProcedureStep
from xlvphc.services.errors import Conflict
from xlvphc.services.procedure.details import steps_with_details

# Papers of which a case can hold several, one per step: the print menu
# lists each step so the officer chooses which one to print.
PER_STEP = {
    "MBB15": "seize",
    "MQĐ20": "seize",
    "MQĐ21": "extend_seizure",
    "MBB17": "return_item",
    "MQĐ24": "return_item",
    "MBB20": "confiscate_item",
    "MQĐ14": "confiscate_item",
}
_OWN_NUMBER = {"MBB15": "record_no", "MBB17": "record_no", "MBB20": "record_no"}
# Papers only a step of theirs fills: offered filled once the case has one
# (the extension of a seizure, MQĐ21), as a blank copy before.
NEEDS_STEP = {
    "MQĐ21": "Hồ sơ chưa có quyết định kéo dài thời hạn tạm giữ (MQĐ21) để in; "
    "hãy in mẫu trắng.",
}


def checked_step(session: Session, case_id: int, code: str, raw: object) -> int:
    """The step chosen on the print menu, as sent by the browser: 0 for
    none, else the id of one of this case's steps that issues form `code`.

    Raises:
        Conflict: Any other value (another case's step, another kind).
    """
    if raw in (None, "", 0, "0"):
        return 0
    text = str(raw)
    kind = PER_STEP.get(code)
    if kind and not isinstance(raw, bool) and text.isdigit() and len(text) < 12:
        found = session.exec(
            select(ProcedureStep.id).where(
                ProcedureStep.id == int(text),
                ProcedureStep.case_id == case_id,
                ProcedureStep.step == kind,
            )
        ).first()
        if found is not None:
            return found
    raise Conflict(
        "Không tìm thấy lần tạm giữ, kéo dài, trả lại hoặc tịch thu đã chọn."
    )


def step_choices(session: Session, case_id: int, code: str) -> list[dict]:
    """The steps form `code` can be printed for, latest first: [{step,
    label}], the label naming the paper's own number, its date and the
    goods ("Số 2/BB-TG ngày 05/03/2026 – Xe mô tô …")."""
    kind = PER_STEP.get(code)
    if kind is None:
        return []
    out = []
    for step, data in steps_with_details(session, case_id, (kind,)):
        number = data.get(_OWN_NUMBER.get(code, "decision_no"), "")
        if code == "MQĐ14" and data.get("basis") != "unclaimed":
            continue  # confiscated by the sanction decision: no MQĐ14
        head = f"Số {number} ngày {fmt_date(step.on)}" if number else fmt_date(step.on)
        goods = step.note[:80] + ("…" if len(step.note) > 80 else "")
        out.append({"step": step.id, "label": f"{head} – {goods}" if goods else head})
    return out
