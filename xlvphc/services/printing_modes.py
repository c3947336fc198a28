"""Which copies of a form a case can print: official, draft or blank.

A decision or record of Decree 118/2021 that a procedure step issues (the
postponement, MQĐ03; a coercion decision, on the form of the measure it
chose, MQĐ07-MQĐ12c; the cancellation, MQĐ40 …) exists only once the case has
that step: its number, date and contents come from it. Before, an official
copy would be a paper that was never issued, and printing it is logged as
one (user trial: a paid case offered MQĐ40, MQĐ33 and coercion decisions
"Không tự nguyện chấp hành"). So the official ("final") copy needs the step;
a draft (DỰ THẢO) prepares the paper for signature while the law still
allows the step; the blank copy is always there.

Coercion papers (Law Art. 86-88) are drafted only while coercion is
possible: the decision is past its compliance deadline and money (fine or
late-payment interest, Art. 78 k1) or a remedial measure is still owed;
a combined decision (MQĐ12a-c) only while both are.
A paid or closed case keeps only the coercion papers it really issued.

The seized-goods papers (MBB15/MQĐ20 of a seizure, MBB17/MQĐ24 of a
return, MBB20/MQĐ14 of a confiscation) follow the same rule (user trial: a
case that never seized anything, closed too, offered an official MQĐ20
with "Số: /QĐ-TG" blank): official once the case has the step, printed
per step (printing_choices), a draft while the step can still be taken
(the case open; for a return or a confiscation, goods still held).

The sanction decision (MQĐ02) is no procedure step but the case's Decision
row. Before it, while the case can still be decided on its record, a draft
filled from the case prepares it for the chairman's signature (user trial:
the menu offered it as "Chỉ in mẫu trắng"); once decided, its stage decides
as before (services/printing.py). A case decided without a record (MQĐ01)
and an imported case keep that rule.
"""

import logging
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from xlvphc.models import Case, Decision, ViolationRecord
from xlvphc.models.cases import CaseStatus
from xlvphc.models.procedure import ProcedureStep
from xlvphc.services.printing_choices import PER_STEP
from xlvphc.services.printing_details import MEASURES_OF, RECORD_OF
from xlvphc.services.procedure.closing import decision_barred
from xlvphc.services.procedure.coercion import (
    coercion_refusal,
    deadline_of,
    postponement_refusal,
    remedial_refusal,
)
from xlvphc.services.procedure.coercion_measures import REMEDIAL
from xlvphc.services.procedure.decision_hints import decision_overdue
from xlvphc.services.procedure.details import steps_with_details
from xlvphc.services.procedure.explanation import oral_requested
from xlvphc.services.procedure.late_interest import owed
from xlvphc.services.procedure.limits import execution_end
from xlvphc.services.procedure.transitions import REGISTRY, RULES

log = logging.getLogger(__name__)

# The step (services/procedure/transitions.py TABLE) that issues each form;
# its official copy is printed only once the case has that step. Of the
# papers one case holds several of (printing_choices.PER_STEP), the extension
# of a seizure (MQĐ21) keeps its own rule: blank until the case has one.
ISSUED_BY = {
    "MBB03": "explanation_done",  # the minutes of a hearing
    "MBB06": "send",  # handed over and refused (Art. 70)
    "MBB29": "transfer_unit",  # after the decision, to execute it (Art. 71)
    "MBB05": "verify",
    "MBB09": "verify_assets",
    "MQĐ03": "postpone",
    "MQĐ04": "reduce",
    "MQĐ05": "instalments",
    **dict.fromkeys(MEASURES_OF, "coerce"),  # MQĐ07-MQĐ12c
    **dict.fromkeys(RECORD_OF, "coercion_done"),  # MBB10-MBB12
    "MQĐ33": "transfer_criminal",
    "MQĐ38": "amend",
    "MQĐ39": "correct",
    "MQĐ40": "cancel",
    **{code: step for code, step in PER_STEP.items() if code != "MQĐ21"},
}
# What a coercion paper enforces: money (the fine and its interest), a
# remedial measure (MQĐ11 and its record MBB11), or both (MQĐ12a-c).
REMEDIAL_PAPERS = frozenset({"MQĐ11", "MBB11"})
COMBINED_PAPERS = frozenset({"MQĐ12a", "MQĐ12b", "MQĐ12c"})
COERCION_PAPERS = frozenset(
    code for code, step in ISSUED_BY.items()
    if step in ("coerce", "coercion_done", "verify_assets")
)
# The sanction decision, drafted from the case before it (CaseCopies._decision).
DECISION = "MQĐ02"
DECISION_REFUSAL = (
    "Hồ sơ chưa có quyết định xử phạt nên chưa in được bản chính thức mẫu "
    "MQĐ02; hãy in bản dự thảo để trình ký hoặc mẫu trắng, rồi ghi nhận bước "
    f"«{RULES['decide'].label}»."
)
DECISION_HINT = f"Bản chính thức sau khi ghi nhận bước «{RULES['decide'].label}»."
# Which of its step's kind issues the paper (`_issued`), in the refusal.
_STEP_KIND = {
    "MBB06": " mà người vi phạm không nhận quyết định",
    "MBB29": " sau khi ra quyết định, để thi hành (Điều 71)",
}
_MEASURE_WORDS = {
    "salary": "khấu trừ lương, thu nhập",
    "account": "khấu trừ tiền từ tài khoản",
    "distraint": "kê biên tài sản",
    "collection": "thu tiền, tài sản do người khác giữ",
    "remedial": "buộc khắc phục hậu quả",
    "salary_remedial": "khấu trừ lương, thu nhập và buộc khắc phục hậu quả",
    "account_remedial": "khấu trừ tiền từ tài khoản và buộc khắc phục hậu quả",
    "distraint_remedial": "kê biên tài sản và buộc khắc phục hậu quả",
    "collection_remedial": "thu tiền, tài sản và buộc khắc phục hậu quả",
}


@dataclass(frozen=True)
class Copies:
    """The copies of one form a case can print now."""

    final: bool
    draft: bool
    refusal: str = ""  # why the mode not offered is refused (full sentence)
    hint: str = ""  # the same, in a few words for the print menu


def _measures(code: str) -> set[str]:
    """The coercion measures whose step issues paper `code`."""
    if code in MEASURES_OF:
        return MEASURES_OF[code]
    return {RECORD_OF[code]} if code in RECORD_OF else set()


def _issued(rows: list[tuple], code: str, decided_on: date | None = None) -> bool:
    """Whether one of the case's steps (with details) issued paper `code`.
    A sending issues MBB06 only when the violator refused the decision, a
    transfer issues MBB29 only after the decision (`decided_on`): before it,
    the case is handed on for the other unit to decide (Art. 52 k4, 58 k5)
    (user trial: a closed case handed over directly offered both)."""
    kind = ISSUED_BY[code]
    for step, data in rows:
        if step.step != kind:
            continue
        if code == "MBB06" and step.code != "refused":
            continue
        if code == "MBB29" and (decided_on is None or step.on < decided_on):
            continue
        if kind == "coerce" and step.code not in MEASURES_OF[code]:
            continue
        if kind == "coercion_done" and data.get("measure") != RECORD_OF[code]:
            continue
        if kind == "explanation_done" and not data.get("record_no"):
            continue  # a written explanation: no hearing, no minutes
        if code == "MQĐ14" and data.get("basis") != "unclaimed":
            continue  # confiscated by the sanction decision: no MQĐ14
        return True
    return False


def issuing_step(
    session: Session,
    case_id: int,
    code: str,
    decided_on: date | None = None,
    step_id: int = 0,
) -> ProcedureStep | None:
    """The case's step that issued paper `code`: the one chosen on the print
    menu (`step_id`, printing_choices), else the latest that `_issued`
    counts, as the forms are filled from it (printing_steps). None for a
    paper no step of the case issued."""
    kind = ISSUED_BY.get(code) or PER_STEP.get(code)
    if kind is None:
        return None
    for step, data in steps_with_details(session, case_id, (kind,)):
        if step_id and step.id != step_id:
            continue
        # MQĐ21, not in ISSUED_BY, is issued by any extension of a seizure.
        if code not in ISSUED_BY or _issued([(step, data)], code, decided_on):
            return step
    return None


def _step_name(code: str) -> str:
    """ "«Quyết định cưỡng chế» (khấu trừ tiền từ tài khoản)"."""
    name = f"«{RULES[ISSUED_BY[code]].label}»"
    measures = sorted(_measures(code))
    if measures:
        name += f" ({' hoặc '.join(_MEASURE_WORDS[m] for m in measures)})"
    name += _STEP_KIND.get(code, "")
    return name


def _at_stage(case: Case) -> str:
    """Why a step is not open: the stage, which the officer knows by name."""
    return f"hồ sơ đang ở giai đoạn «{CaseStatus.LABELS.get(case.status, '')}»"


def coercion_blocker(
    session: Session, case: Case, today: date, remedial: bool
) -> str:
    """Why a coercion paper (of money, or of a remedial measure) cannot be
    prepared now; "" when it can (Law Art. 74, 78, 86)."""
    if case.status not in RULES["coerce"].stages:
        return _at_stage(case)
    # Each paper waits for its own deadline: MQĐ11 the remedial measure's,
    # which a plan for the fine does not move (procedure/coercion.py).
    code = REMEDIAL if remedial else None
    # The fine's postponement (Art. 76) first: it holds the money papers
    # even once a remedial measure was coerced meanwhile (MQĐ11).
    postponed = None if remedial else postponement_refusal(session, case, today)
    reason = postponed or coercion_refusal(
        case, today, deadline_of(session, case, code)
    )
    if reason:
        return reason[:1].lower() + reason[1:]
    if remedial:
        # The same rule as the coercion step (procedure/coercion.py): MQĐ11
        # only for a remedial measure the decision imposed and still owed.
        reason = remedial_refusal(session, case)
        return (reason[:1].lower() + reason[1:]) if reason else ""
    end = execution_end(case, session)
    if end and today > end:
        return f"đã hết thời hiệu thi hành ngày {end:%d/%m/%Y}"
    if not owed(session, case, today).total:
        return "tiền phạt và tiền chậm nộp đã nộp đủ"
    return ""


def _step_blocker(session: Session, case: Case, code: str, today: date) -> str:
    """Why the step issuing `code` cannot be taken now ("" when it can):
    its stage and its guard, as the procedure panel judges them."""
    if code in COMBINED_PAPERS:
        # Both parts must still be owed (procedure/coercion._combined_refusal).
        return coercion_blocker(session, case, today, False) or coercion_blocker(
            session, case, today, True
        )
    if code in COERCION_PAPERS:
        return coercion_blocker(session, case, today, code in REMEDIAL_PAPERS)
    kind = ISSUED_BY[code]
    if case.status not in RULES[kind].stages:
        return _at_stage(case)
    if code == "MBB03" and not oral_requested(session, case):
        return "chưa ghi nhận yêu cầu giải trình trực tiếp"
    entry = REGISTRY.get(kind)
    reason = entry.guard(session, case, today) if entry and entry.guard else None
    return (reason[:1].lower() + reason[1:]) if reason else ""


class CaseCopies:
    """The copies each form of one case can print; the case's steps are
    read once, for the whole print menu."""

    def __init__(self, session: Session, case: Case, today: date) -> None:
        self.session, self.case, self.today = session, case, today
        kinds = tuple(sorted(set(ISSUED_BY.values())))
        self.rows = steps_with_details(session, case.id, kinds)
        self.decided_on = session.exec(
            select(Decision.decided_on).where(Decision.case_id == case.id)
        ).first()

    def of(self, code: str, stage_filled: bool) -> Copies | None:
        """The copies of form `code`; None for a form no step issues (the
        stage alone decides, services/printing.py). `stage_filled`: the form
        is one of the case's stage (printing.applicable_forms)."""
        if code == DECISION:
            return self._decision()
        if code not in ISSUED_BY:
            return None
        if _issued(self.rows, code, self.decided_on):
            return Copies(final=True, draft=True)
        name = _step_name(code)
        blocker = (
            _step_blocker(self.session, self.case, code, self.today)
            if stage_filled or code in COERCION_PAPERS
            else "mẫu này không dùng ở giai đoạn hiện tại của hồ sơ"
        )
        if blocker:
            return Copies(
                final=False,
                draft=False,
                refusal=(
                    f"Hồ sơ chưa có bước {name} và hiện không thể lập mẫu {code} "
                    f"({blocker}): chỉ in được mẫu trắng."
                ),
                hint=f"Chỉ in mẫu trắng: {blocker}.",
            )
        return Copies(
            final=False,
            draft=True,
            refusal=(
                f"Hồ sơ chưa có bước {name} nên chưa in được bản chính thức "
                f"mẫu {code}; hãy in bản dự thảo để trình ký hoặc mẫu trắng, "
                "rồi ghi nhận bước này."
            ),
            hint=f"Bản chính thức sau khi ghi nhận bước {name}.",
        )

    def _decision(self) -> Copies | None:
        """MQĐ02 before its decision: a draft while the case can still be
        decided on its record (the «decide» step's stage and guard, and the
        deadline of Law Art. 66 k1); None once decided, for a case decided
        without a record (MQĐ01) or imported, and at a stage that cannot
        decide yet (an explanation under way): the stage decides, as before.
        """
        case = self.case
        if (
            self.decided_on is not None
            or case.without_record
            or case.imported
            or case.status not in RULES["decide"].stages
            or self.session.exec(
                select(ViolationRecord.id).where(ViolationRecord.case_id == case.id)
            ).first()
            is None
        ):
            return None
        reason = decision_barred(self.session, case, self.today)
        if reason is None and decision_overdue(self.session, case, self.today):
            reason = (
                "Đã quá thời hạn ra quyết định xử phạt (khoản 1 Điều 66 Luật "
                "XLVPHC)."
            )
        if reason:
            return Copies(
                final=False,
                draft=False,
                refusal=(
                    "Hồ sơ chưa có quyết định xử phạt và không ra được quyết "
                    f"định: {reason[:1].lower() + reason[1:]} Chỉ in được mẫu "
                    "trắng MQĐ02."
                ),
                hint="Chỉ in mẫu trắng: không ra được quyết định xử phạt.",
            )
        return Copies(final=False, draft=True, refusal=DECISION_REFUSAL,
                      hint=DECISION_HINT)
