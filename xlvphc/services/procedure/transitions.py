"""The procedure as a table: for each step, the stages it may be taken from,
the article that allows it and who may take it; and the one function that
takes any step (checks, validation, case summary, timeline, audit).

Each group module (explanation, delivery, payment, …) registers the handler
and the form fields of its steps with `@handles`. A step not allowed in the
current stage is refused with the reason; the UI offers only `allowed_steps`.
"""

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.money import format_vnd
from xlvphc.domain.text import tidy_joins
from xlvphc.models import Case, CaseAct, CaseEvent, Decision, ProcedureStep
from xlvphc.models.base import local_now, utcnow
from xlvphc.models.cases import CaseStatus, ViolatorKind
from xlvphc.models.form_details import StepDetail
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.cases import load_case, refresh_search_text, step_papers
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.inputs import FormReader
from xlvphc.services.issuer import STEP_KEY, step_copy
from xlvphc.services.procedure.deadlines import refresh_deadlines
from xlvphc.services.stale_version import stale_message

log = logging.getLogger(__name__)

S = CaseStatus
BEFORE_DECISION = frozenset({S.RECORDED, S.EXPLAINING})
AFTER_DECISION = frozenset({S.DECIDED, S.EXECUTING, S.POSTPONED, S.COERCING})
OPEN = BEFORE_DECISION | AFTER_DECISION | {S.TRANSFERRED}
# Coercion and the verification before it: postponed too, where the guard
# (procedure/coercion.py) allows a remedial measure past its own deadline
# and, once the postponement ended unpaid, the fine (MQĐ03 Điều 3 k1 a).
COERCIBLE = AFTER_DECISION


@dataclass(frozen=True)
class Rule:
    """One row of the transitions table."""

    code: str
    label: str  # what the officer clicks, Vietnamese
    article: str  # legal basis shown with the step and in refusals
    stages: frozenset[str]
    action: str = Action.CASE_WRITE


# The transitions table: stage -> steps is `steps_from(stage)`.
TABLE: tuple[Rule, ...] = (
    Rule(
        "request_explanation",
        "Ghi nhận yêu cầu giải trình",
        "Điều 61 Luật XLVPHC; mục 10 mẫu MBB01",
        frozenset({S.RECORDED}),
    ),
    Rule(
        "explanation_done",
        "Kết thúc giải trình",
        "Điều 61 Luật XLVPHC",
        frozenset({S.EXPLAINING}),
    ),
    Rule(
        "verify",
        "Xác minh tình tiết của vụ việc",
        "Điều 59 Luật XLVPHC (sửa đổi 2025); mẫu MBB05",
        BEFORE_DECISION,
    ),
    Rule(
        "extend_decision",
        "Gia hạn thời hạn ra quyết định xử phạt",
        "Điều 66 k1 điểm c Luật XLVPHC; Điều 17 k1 Nghị định 118/2021",
        BEFORE_DECISION,
    ),
    Rule(
        "decide",
        "Ra quyết định xử phạt",
        "Điều 66, 68 Luật XLVPHC; mẫu MQĐ02",
        frozenset({S.RECORDED}),
    ),
    Rule(
        "send", "Gửi quyết định", "Điều 70 Luật XLVPHC (sửa đổi 2025)", AFTER_DECISION
    ),
    Rule(
        "receipt",
        "Ghi nhận ngày nhận quyết định",
        "Điều 70, 73 Luật XLVPHC",
        AFTER_DECISION,
    ),
    Rule(
        "payment", "Ghi nhận nộp tiền phạt", "Điều 73, 78 Luật XLVPHC", AFTER_DECISION
    ),
    Rule(
        "instalments",
        "Cho nộp tiền phạt nhiều lần",
        "Điều 79 Luật XLVPHC; mẫu MQĐ05",
        frozenset({S.DECIDED}),
    ),
    Rule(
        "postpone",
        "Hoãn thi hành quyết định phạt tiền",
        "Điều 76 Luật XLVPHC; mẫu MQĐ03",
        frozenset({S.DECIDED}),
    ),
    Rule(
        "reduce",
        "Giảm, miễn tiền phạt",
        "Điều 77 Luật XLVPHC; mẫu MQĐ04",
        frozenset({S.DECIDED, S.EXECUTING, S.POSTPONED}),
    ),
    Rule(
        "remedial_done",
        "Ghi nhận đã thực hiện biện pháp khắc phục",
        "Điều 28, 85 Luật XLVPHC",
        AFTER_DECISION,
    ),
    Rule(
        "seize", "Ghi nhận tang vật, phương tiện tạm giữ", "Điều 125 Luật XLVPHC", OPEN
    ),
    Rule(
        "extend_seizure",
        "Kéo dài thời hạn tạm giữ tang vật, phương tiện",
        "Điều 125 k8 Luật XLVPHC; mẫu MQĐ21",
        OPEN,
    ),
    Rule("return_item", "Trả lại tang vật, phương tiện", "Điều 126 Luật XLVPHC", OPEN),
    Rule(
        "confiscate_item",
        "Tịch thu tang vật, phương tiện",
        "Điều 26, 126 Luật XLVPHC",
        AFTER_DECISION,
    ),
    Rule(
        "verify_assets",
        "Xác minh thông tin về tiền, tài sản để cưỡng chế",
        "Điều 86, 87 Luật XLVPHC; mẫu MBB09",
        COERCIBLE,
    ),
    Rule(
        "coerce",
        "Quyết định cưỡng chế",
        "Điều 86, 87 Luật XLVPHC; mẫu MQĐ07–MQĐ12",
        COERCIBLE,
        Action.DECISION_SIGN,
    ),
    Rule(
        "coercion_done",
        "Ghi nhận kết quả cưỡng chế",
        "Điều 86 Luật XLVPHC",
        frozenset({S.COERCING}),
    ),
    Rule(
        "transfer_unit",
        "Chuyển hồ sơ cho đơn vị, người có thẩm quyền khác",
        "Điều 52 k4, Điều 58 k5, Điều 71 Luật XLVPHC",
        BEFORE_DECISION | {S.DECIDED},
    ),
    Rule(
        "transfer_criminal",
        "Chuyển hồ sơ để truy cứu trách nhiệm hình sự",
        "Điều 62 Luật XLVPHC; mẫu MQĐ33",
        BEFORE_DECISION | {S.DECIDED},
    ),
    Rule(
        "received_back",
        "Nhận lại hồ sơ từ cơ quan tiến hành tố tụng",
        "Điều 63 Luật XLVPHC; Điều 6 k1 điểm c",
        frozenset({S.TRANSFERRED}),
    ),
    Rule(
        "correct",
        "Đính chính quyết định",
        "Điều 18 Luật XLVPHC; Điều 15, 16 Nghị định 118/2021",
        AFTER_DECISION,
    ),
    Rule(
        "amend",
        "Sửa đổi, bổ sung quyết định",
        "Điều 18 Luật XLVPHC; Điều 15, 16 Nghị định 118/2021",
        AFTER_DECISION,
    ),
    Rule(
        "cancel",
        "Hủy bỏ quyết định",
        "Điều 18 Luật XLVPHC; Điều 15, 16 Nghị định 118/2021",
        AFTER_DECISION,
        Action.DECISION_SIGN,
    ),
    Rule(
        "complaint",
        "Ghi nhận khiếu nại, khởi kiện",
        "Điều 15 Luật XLVPHC",
        AFTER_DECISION,
    ),
    Rule(
        "complaint_resolved",
        "Ghi nhận kết quả giải quyết khiếu nại, khởi kiện",
        "Điều 15 Luật XLVPHC",
        AFTER_DECISION,
    ),
    Rule(
        "close_executed",
        "Kết thúc: đã chấp hành xong",
        "Điều 73 k2 Luật XLVPHC",
        frozenset({S.DECIDED, S.EXECUTING, S.COERCING}),
    ),
    Rule(
        "close_partly",
        "Kết thúc: thi hành một phần (chết, mất tích, giải thể)",
        "Điều 75 Luật XLVPHC; Điều 19 Nghị định 118/2021; mẫu MQĐ17",
        AFTER_DECISION,
    ),
    Rule(
        "close_limitation",
        "Kết thúc: hết thời hiệu thi hành",
        "Điều 74 Luật XLVPHC",
        AFTER_DECISION,
    ),
    Rule(
        "close_no_decision",
        "Kết thúc: không ra quyết định xử phạt",
        "Điều 65, 66 Luật XLVPHC",
        BEFORE_DECISION,
    ),
    Rule(
        "remind_minor",
        "Nhắc nhở người chưa thành niên (thay cho phạt cảnh cáo)",
        "Điều 139 Luật XLVPHC; Điều 25 k2, Điều 26 Nghị định 118/2021",
        BEFORE_DECISION,
        Action.DECISION_SIGN,
    ),
    Rule(
        "close_prosecuted",
        "Kết thúc: cơ quan tố tụng đã thụ lý",
        "Điều 62 Luật XLVPHC",
        frozenset({S.TRANSFERRED}),
    ),
)
RULES: dict[str, Rule] = {rule.code: rule for rule in TABLE}
# The steps that issue a paper of their own (services/printing_modes.py
# ISSUED_BY): each keeps its unit's header, so that a rename or a merge of
# the unit does not reprint the paper under another name (services/issuer.py).
ISSUING_STEPS = frozenset({
    "explanation_done", "verify", "verify_assets", "send", "postpone", "reduce",
    "instalments", "coerce", "coercion_done", "seize", "extend_seizure",
    "return_item", "confiscate_item", "transfer_unit", "transfer_criminal",
    "amend", "correct", "cancel",
})


def steps_from(stage: str) -> list[Rule]:
    """The transitions table read by stage."""
    return [rule for rule in TABLE if stage in rule.stages]


@dataclass(frozen=True)
class FieldSpec:
    """One input of a step's small form (rendered by the procedure panel)."""

    name: str
    label: str
    # text | date | time | money | number (a whole count, e.g. days) |
    # select | textarea | checkbox; date, time, money and number open a
    # phone's number pad.
    kind: str = "text"
    required: bool = False
    hint: str = ""
    options: tuple[tuple[str, str], ...] = ()
    # What the input starts with; None: today for a required date, else "".
    default: str | None = None
    # The values of the step's "code" select (the measure) this box belongs
    # to, space-separated; "": every one. The form shows and sends the box
    # only for those (state/procedure.py); the handler still checks it.
    only: str = ""
    # The most characters the handler takes (FormReader.text); the box stops
    # there (maxlength) rather than refuse after the submit. 0: no limit.
    max_len: int = 0
    # The name of a checkbox of the same form: the box is shown and sent
    # only while that one is ticked (the number and date of an MBB09 made
    # outside the system); "": always. The handler still checks it.
    when: str = ""


@dataclass
class Context:
    """What a handler gets: the locked case and its decision, the form being
    read, and the outcome it fills in."""

    session: Session
    actor: Actor
    case: Case
    decision: Decision | None
    form: FormReader
    today: date
    summary: str = ""
    record: dict = field(default_factory=dict)  # ProcedureStep columns
    details: dict = field(default_factory=dict)  # what its forms print

    @property
    def is_org(self) -> bool:
        return self.case.violator_kind == ViolatorKind.ORGANISATION

    def refuse(self, key: str, message: str) -> None:
        self.form.errors[key] = message

    def ticked(self, key: str) -> bool:
        """A checkbox of the step's form (it sends "1" only when ticked)."""
        return self.form.data.get(key) in ("1", "on", "true", True)

    def day(self, key: str, label: str, required: bool = True) -> date | None:
        """A step date: not in the future, not before the decision or the
        violation (a step cannot precede what it follows)."""
        value = self.form.date(key, label, required=required, not_after=self.today)
        floor = self.decision.decided_on if self.decision else self.case.violation_date
        if value and floor and value < floor and key not in self.form.errors:
            self.refuse(
                key,
                f"{label[:1].upper()}{label[1:]} không thể trước "
                f"ngày {floor:%d/%m/%Y}.",
            )
        return value


Handler = Callable[[Context], None]
Guard = Callable[[Session, Case, date], str | None]


@dataclass
class Registered:
    handler: Handler
    fields: Callable[[Session, Case], list[FieldSpec]]
    guard: Guard | None


REGISTRY: dict[str, Registered] = {}


def handles(
    code: str,
    fields: list[FieldSpec] | Callable | None = None,
    guard: Guard | None = None,
) -> Callable[[Handler], Handler]:
    """Register the handler of a step in the table. `guard` explains, for a
    step whose stage fits, why it is still not allowed now (None: allowed)."""
    if code not in RULES:
        raise KeyError(code)

    def wrap(fn: Handler) -> Handler:
        spec = fields if callable(fields) else (lambda s, c, f=fields or []: f)
        REGISTRY[code] = Registered(fn, spec, guard)
        return fn

    return wrap


# Steps with their own screen (the decision: `link`) have no handler here,
# yet the law can bar them too (a violator under 14, an expired limitation).
# Their guard keeps them out of `allowed_steps` and explains them in
# `held_steps`; the screen's own service refuses them again on submit.
LINK_GUARDS: dict[str, Guard] = {}


def link_guard(code: str, guard: Guard) -> None:
    """Register the guard of a step that has its own screen."""
    if code not in RULES:
        raise KeyError(code)
    LINK_GUARDS[code] = guard


# Steps the stage no longer offers, yet whose absence needs saying: each
# explainer says why for the case at hand (None: nothing worth saying).
# User trial: after a part payment the instalment and postponement steps
# just disappeared (services/procedure/payment_relief.py).
LEFT_BEHIND: dict[str, Guard] = {}


def left_behind(code: str, explain: Guard) -> None:
    """Register why a step the case's stage no longer allows is gone."""
    if code not in RULES:
        raise KeyError(code)
    LEFT_BEHIND[code] = explain


def _guard_of(rule: Rule, entry: Registered | None) -> Guard | None:
    return entry.guard if entry else LINK_GUARDS.get(rule.code)


def outstanding(case: Case) -> int:
    """Fine still to pay: total less paid, reduced and exempted (Law Art. 77)."""
    return max(case.fine_total - case.paid_total - case.reduced_total, 0)


def step_count(session: Session, case_id: int, step: str) -> int:
    return len(
        session.exec(
            select(ProcedureStep.id).where(
                ProcedureStep.case_id == case_id, ProcedureStep.step == step
            )
        ).all()
    )


def _snapshot(case: Case) -> dict:
    return {
        "status": case.status,
        "unit_id": case.unit_id,
        "received_on": case.received_on,
        "compliance_due": case.compliance_due,
        "paid_total": case.paid_total,
        "reduced_total": case.reduced_total,
        "surcharge_total": case.surcharge_total,
        "surcharge_paid": case.surcharge_paid,
        "complained": case.complained,
        "closed_on": case.closed_on,
        "close_reason": case.close_reason,
        "fine_total": case.fine_total,
    }


def _stage_refusal(rule: Rule, case: Case) -> str:
    stage = CaseStatus.LABELS.get(case.status, case.status)
    return (
        f"Không thể thực hiện «{rule.label}» khi hồ sơ đang ở giai đoạn "
        f"«{stage}» ({rule.article})."
    )


def _decision(session: Session, case: Case) -> Decision | None:
    return session.exec(select(Decision).where(Decision.case_id == case.id)).first()


def perform(actor: Actor, case_id: object, code: str, data: object) -> str:
    """Take one step on a case and return the timeline text.

    Refuses (PermissionDenied/NotFound) outside the actor's role or unit;
    (Conflict) a step the stage or the law does not allow now, or a stale
    version; (ValidationFailed) bad field values, each at its field.
    """
    rule = RULES.get(code) if isinstance(code, str) else None
    if rule is None or code not in REGISTRY:
        raise Conflict("Bước xử lý không hợp lệ.")
    require(actor, rule.action)
    entry = REGISTRY[code]
    today = local_now().date()
    with session_scope() as session:
        case = load_case(session, actor, case_id, rule.action)
        if case.status not in rule.stages:
            raise Conflict(_stage_refusal(rule, case))
        if entry.guard:
            reason = entry.guard(session, case, today)
            if reason:
                raise Conflict(f"{reason} ({rule.article}).")
        version = data.get("version") if isinstance(data, dict) else None
        if str(version) != str(case.version):
            raise Conflict(stale_message(
                session, actor, case, version,
                unsaved="Bước này chưa được ghi nhận",
                then="tải lại trang trước khi thực hiện bước này",
            ))

        # Validate and apply; nothing is written when a field is refused.
        # The issuer is read first: a transfer hands the case to another
        # unit, yet its handing-over record (MBB29) is the sender's.
        before = _snapshot(case)
        issuer = step_copy(session, case.unit_id) if code in ISSUING_STEPS else {}
        ctx = Context(
            session, actor, case, _decision(session, case), FormReader(data), today
        )
        entry.handler(ctx)
        if ctx.form.errors:
            raise ValidationFailed(ctx.form.errors)
        # A part the officer typed ends with its own stop ("….; đã thu").
        ctx.summary = tidy_joins(ctx.summary)

        # Record who/when, the timeline entry and the audit row.
        record = {"on": today, **ctx.record}
        step = ProcedureStep(
            case_id=case.id, step=code, actor_id=actor.user_id, **record
        )
        session.add(step)
        kept = ctx.details | ({STEP_KEY: issuer} if issuer else {})
        if kept:
            # What the step's forms print (services/procedure/details.py).
            session.flush()
            details = json.dumps(kept, ensure_ascii=False, default=str)
            session.add(StepDetail(step_id=step.id, case_id=case.id, data=details))
        if step_papers(step):
            # Found by its papers' numbers too (a coercion's QĐ-CCXP, a
            # postal item's number …).
            session.flush()
            refresh_search_text(session, case)
        refresh_deadlines(session, case)
        case.version += 1
        case.updated_at = utcnow()
        session.add(case)
        session.add(
            CaseEvent(
                case_id=case.id,
                kind=code,
                actor_id=actor.user_id,
                summary=ctx.summary[:1000],
            )
        )
        audit.record(
            session,
            actor,
            f"procedure.{code}",
            entity="case",
            entity_id=case.id,
            before=before,
            after=_snapshot(case),
        )
        log.info("user=%s step=%s case=%s", actor.user_id, code, case.id)
        return ctx.summary


def _rules_for(actor: Actor, case: Case):
    """(rule, its registered handler or None) for each step the case's stage
    allows and the actor's role and scope permit; guards are the caller's."""
    for rule in steps_from(case.status):
        if actor.can(rule.action) and case.unit_id in actor.scope:
            yield rule, REGISTRY.get(rule.code)


def allowed_steps(actor: Actor, case_id: object) -> list[dict]:
    """The steps the actor may take on the case now, with their form fields:
    the stage fits, the role allows it, and no guard refuses it."""
    require(actor, Action.CASE_READ)
    today = local_now().date()
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_READ)
        rows = []
        for rule, entry in _rules_for(actor, case):
            guard = _guard_of(rule, entry)
            if guard and guard(session, case, today):
                continue
            fields = entry.fields(session, case) if entry else []
            rows.append(
                {
                    "code": rule.code,
                    "label": rule.label,
                    "article": rule.article,
                    # A step with its own screen (the decision) is a link.
                    "link": entry is None,
                    "fields": [_field_row(f, today) for f in fields],
                }
            )
        return rows


# Steps whose absence needs saying: an officer waiting to close a case must
# see what still stands in the way (user trial: the button just was not there);
# one waiting to decide, why the law bars the decision (limitation, age).
EXPLAINED_WHEN_HELD = ("close_executed", "decide")

# Steps whose guard says why for one reason only worth a line: the explainer
# returns it (None: say nothing). User trial: «Quyết định cưỡng chế» past the
# execution limitation (services/procedure/coercion.expired_refusal), where
# every other refusal (a deadline still running) would be noise.
HELD_EXPLAINERS: dict[str, Guard] = {}


def explain_when_held(code: str, explain: Guard) -> None:
    """Register what `held_steps` says of a step its guard refuses."""
    if code not in RULES:
        raise KeyError(code)
    HELD_EXPLAINERS[code] = explain


# Why an officer who writes the case does not see the coercion decision, a
# signer's step, when it is due: without it the button is just missing (user
# trial). Rarer signer's steps (a cancellation) are not announced on every
# case.
SIGNER_EXPLAINED = ("coerce",)
SIGNER_ONLY = (
    "quyết định này do người có thẩm quyền xử phạt ra. Người đó đăng nhập bằng "
    "tài khoản vai trò «Người có thẩm quyền xử phạt» của đơn vị để ghi nhận; "
    "quản trị đơn vị cấp tài khoản này nếu chưa có."
)


def _signers_steps(actor: Actor, case: Case):
    """(rule, handler) of the SIGNER_EXPLAINED steps the stage allows, for
    a writer of the case who cannot sign (DECISION_SIGN)."""
    if not actor.can(Action.CASE_WRITE) or actor.can(Action.DECISION_SIGN):
        return
    if case.unit_id not in actor.scope:
        return
    for rule in steps_from(case.status):
        if rule.code in SIGNER_EXPLAINED:
            yield rule, REGISTRY.get(rule.code)


def held_steps(actor: Actor, case_id: object) -> list[dict]:
    """[{label, reason}] for the EXPLAINED_WHEN_HELD steps the stage would
    offer but a guard refuses now (e.g. a fine still owed, a violator under
    14), for the signer's steps an officer cannot take, when a signer
    could take them now, and for the LEFT_BEHIND steps the stage has left
    (instalments after a part payment)."""
    require(actor, Action.CASE_READ)
    today = local_now().date()
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_READ)
        held = []
        for rule, entry in _rules_for(actor, case):
            guard = _guard_of(rule, entry)
            if rule.code in HELD_EXPLAINERS:
                guard = HELD_EXPLAINERS[rule.code]
            elif rule.code not in EXPLAINED_WHEN_HELD or guard is None:
                continue
            reason = guard(session, case, today)
            if reason:
                held.append({"label": rule.label, "reason": reason})

        for rule, entry in _signers_steps(actor, case):
            guard = _guard_of(rule, entry)
            explain = HELD_EXPLAINERS.get(rule.code)
            if guard is None or not guard(session, case, today):
                held.append({"label": rule.label, "reason": SIGNER_ONLY})
            elif explain and (reason := explain(session, case, today)):
                # What the signer is told too: no use asking them.
                held.append({"label": rule.label, "reason": reason})

        for rule in TABLE:
            explain = LEFT_BEHIND.get(rule.code)
            if explain is None or case.status in rule.stages:
                continue
            if actor.can(rule.action) and case.unit_id in actor.scope:
                reason = explain(session, case, today)
                if reason:
                    held.append({"label": rule.label, "reason": reason})
        return held


def _field_row(spec: FieldSpec, today: date) -> dict:
    default = spec.default
    if default is None:
        today_text = f"{today:%d/%m/%Y}"
        default = today_text if spec.kind == "date" and spec.required else ""
    return {
        "name": spec.name,
        "label": spec.label,
        "kind": spec.kind,
        "required": spec.required,
        "hint": spec.hint,
        "default": default,
        "options": [{"id": value, "name": text} for value, text in spec.options],
        "only": spec.only,
        # None leaves maxlength out of the box (React drops a null prop).
        "max_len": spec.max_len or None,
        "when": spec.when,
    }


def money(value: int) -> str:
    return format_vnd(value)


def act_frames(session: Session, case: Case) -> list[CaseAct]:
    return list(session.exec(select(CaseAct).where(CaseAct.case_id == case.id)))
