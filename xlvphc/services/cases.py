"""Creating a case with its violation record, and issuing the sanction decision."""

import logging
import re
from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, and_, or_, select

from xlvphc.domain.authority import (
    Verdict,
    check_authority,
    judge_authority,
    signer_rule,
)
from xlvphc.domain.dates import fmt_date
from xlvphc.domain.minors import (
    MinorRule,
    decision_note,
    fine_refusal,
    intent_refusal,
    minor_rule,
    record_warning,
    sanction_refusal,
    spot_refusal,
)
from xlvphc.domain.money import format_vnd
from xlvphc.domain.sanctions import KEYS as SANCTION_KEYS
from xlvphc.domain.sanctions import additional_text, expulsion_refusal
from xlvphc.domain.signer_titles import (
    is_generic,
    names_other_body,
    printed_title,
    title_to_print,
)
from xlvphc.domain.text import fold
from xlvphc.models import (
    Case,
    CaseAct,
    CaseEvent,
    Decision,
    ProcedureStep,
    Unit,
    ViolationRecord,
    Violator,
)
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus, ViolatorKind
from xlvphc.models.units import UnitKind
from xlvphc.services import (  # noqa: F401
    audit,
    case_refusals,
    search_index,
    signer_fit,
)
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.case_input import read_case, read_decision, suggestion_notes
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, NotFound, ValidationFailed
from xlvphc.services.inputs import valid_id
from xlvphc.services.numbering import (
    keep_out_of_series,
    lock_series,
    next_number,
    number_key,
    paper_form,
)
from xlvphc.services.stale_version import stale_message
from xlvphc.services.typed_acts import case_act
from xlvphc.services.ward_place import violation_in_ward

log = logging.getLogger(__name__)


# Vietnamese licence plates as written in descriptions: "47B1-123.45",
# "47B1 12345", "51F-999.99", "47LD-001.23" (Circular 79/2024/TT-BCA).
_PLATE = re.compile(r"\b\d{2}[A-ZĐ]{1,2}\d?[- ]?\d{3}\.?\d{1,2}\b", re.IGNORECASE)


def search_text(case: Case, violator: Violator | None,
                documents: Iterable[str] = ()) -> str:
    """Everything the one search box should find, folded: names without
    diacritics, identity and tax numbers, document numbers, place words,
    licence plates named in the description, and the numbers of the papers
    of the procedure's steps (`documents`: coercion, instalments, receipts
    …), which officers quote as often as the decision's. The word index
    (services.search_index) is rebuilt from it on every change."""
    parts = [
        case.violator_name,
        case.record_number,
        case.decision_number,
        case.violation_place,
        case.field,
    ]
    parts += [m.replace(" ", "-") for m in _PLATE.findall(case.description or "")]
    if violator:
        parts += [
            violator.name,
            violator.id_number,
            violator.tax_code,
            violator.address,
            violator.registration_number,
            violator.representative_name,
        ]
    # Last, so that a case without steps reads as before (bench/generate.py
    # writes that text itself and checks it against this function).
    parts += documents
    return f" {fold(' '.join(p for p in parts if p))} "[:4000]


# A postal item's number in the note of a sending by post ("Nơi nhận, số bưu
# gửi…"): the UPU S10 form "RR123456789VN" however spaced, or any other code
# of 06 or more letters and digits with a digit in it ("1234567890123").
_S10 = re.compile(r"\b[A-Z]{2}(?: ?\d){9} ?[A-Z]{2}\b", re.IGNORECASE)
_CODE = re.compile(
    r"(?<![\w.-])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{4,}[A-Za-z0-9]"
    r"(?![\w-]|\.\w)"
)


def step_papers(step: ProcedureStep) -> list[str]:
    """What a step adds to its case's search words: the number of its paper
    and, for a decision sent by post, the postal item's number (user trial:
    the officer holding the post office's receipt could not find the case).
    Only codes of a postal sending: other notes hold names and addresses."""
    found = [step.document] if step.document else []
    if step.step == "send" and step.code == "post":
        found += postal_numbers(step.note)
    return found


def postal_numbers(note: str | None) -> list[str]:
    """The postal item numbers in the note of a sending by post, spaces
    taken out of the S10 ones (migration 0022 reads old sendings with it)."""
    if not note:
        return []
    found = [re.sub(r"\s", "", m.group()) for m in _S10.finditer(note)]
    return found + _CODE.findall(_S10.sub(" ", note))


def step_documents(session: Session, case_id: int) -> list[str]:
    """The numbers of the papers the case's steps carry, oldest first
    (`step_papers`). Read without flushing: a caller halfway through an edit
    flushes once, at the end, with the new search text."""
    with session.no_autoflush:
        steps = session.exec(
            select(ProcedureStep)
            .where(
                ProcedureStep.case_id == case_id,
                or_(
                    ProcedureStep.document != "",
                    and_(ProcedureStep.step == "send", ProcedureStep.code == "post"),
                ),
            )
            .order_by(ProcedureStep.id)
        ).all()
    return list(dict.fromkeys(p for step in steps for p in step_papers(step)))


def refresh_search_text(session: Session, case: Case,
                        violator: Violator | None = None) -> None:
    """Recompute what the search finds the case by, from its row, its
    violator (read when not given) and its steps' papers; the flush listener
    of services.search_index then rewrites its words."""
    if violator is None:
        with session.no_autoflush:
            violator = session.exec(
                select(Violator).where(Violator.case_id == case.id)
            ).first()
    case.search_text = search_text(case, violator, step_documents(session, case.id))


def load_case(session: Session, actor: Actor, case_id: object, action: str) -> Case:
    """The case if it exists, is not deleted and lies in the actor's scope;
    otherwise the same refusal for all three, so ids cannot be probed."""
    if valid_id(case_id) is None:
        raise NotFound()
    return checked_case(
        actor, session.get(Case, case_id), case_id, action, session=session
    )


def checked_case(actor: Actor, case: Case | None, case_id: object,
                 action: str, *, session: Session | None = None) -> Case:
    """`load_case`'s refusals for a case read by another statement (the case
    page reads it joined to its record and decision).

    The one place a case is refused, so the one place that audits it: a
    user whose role allows `action` but who asked for a case that is
    missing or outside their scope is recorded by `case_refusals.refused`
    (once `session`'s transaction has ended). A refusal by role is logged
    by `require` only; a case of their own units in the bin is no
    intrusion (the page says where it is)."""
    case_refusals.refuse_outside(session, actor, case, case_id, action)
    if case is None or case.deleted_at is not None:
        log.warning("user=%s asked for missing case=%s", actor.user_id, case_id)
        raise NotFound()
    require(actor, action, case.unit_id)
    return case


def refresh_deadlines(session: Session, case: Case) -> None:
    """services.procedure.deadlines.refresh_deadlines, imported when called:
    the procedure package imports this module."""
    from xlvphc.services.procedure.deadlines import refresh_deadlines as refresh

    refresh(session, case)


def create_case(actor: Actor, data: object, request_key: object = None) -> int:
    """A case with its violation record (MBB01). The unit comes from the acting
    user, never from the form. A repeated request key returns the first case
    (double clicks and replayed events create nothing twice)."""
    # Here, not at the top: services.issuer imports this module (issuer_name).
    from xlvphc.services.issuer import agency_columns

    require(actor, Action.CASE_WRITE, actor.unit_id)
    key = (
        request_key
        if isinstance(request_key, str) and 8 <= len(request_key) <= 64
        else None
    )
    now = local_now()
    with session_scope() as session:
        if key:
            existing = session.exec(
                select(Case.id).where(
                    Case.request_key == key, Case.unit_id == actor.unit_id
                )
            ).first()
            if existing:
                return existing
        # Acts typed by the officer (services.typed_acts) are checked and
        # stored as the catalogue's, with catalogue_id None (origin "typed").
        parsed, errors = read_case(session, data, now.date(), typed=True)
        twin = _same_violator_same_day(session, actor.unit_id, parsed, data, errors)
        if errors:
            raise refusal(errors)

        case = Case(
            unit_id=actor.unit_id,
            field=parsed.field,
            status=CaseStatus.RECORDED,
            violation_at=parsed.violation_at,
            violation_date=parsed.violation_at.date(),
            continuing=parsed.continuing,
            detected_on=parsed.detected_on,
            violation_place=parsed.violation_place,
            description=parsed.description,
            violator_kind=parsed.violator["kind"],
            violator_name=parsed.violator["name"],
            record_number=next_number(session, actor.unit_id, "MBB01", now.year),
            created_by=actor.user_id,
            request_key=key,
        )
        session.add(case)
        session.flush()
        violator = Violator(case_id=case.id, **parsed.violator)
        session.add(violator)
        # A catalogue act whose frame doubles in a ward (NĐ 123/2024 Điều
        # 10 k3) takes that frame when the violation is in one.
        in_ward = violation_in_ward(session, case.unit_id, case.violation_place)
        for position, entry in enumerate(parsed.acts):
            session.add(case_act(case.id, position, entry, in_ward))
        session.add(
            ViolationRecord(
                case_id=case.id,
                number=case.record_number,
                created_by=actor.user_id,
                # The unit as the record prints it from now on (issuer.py).
                **agency_columns(session, case.unit_id),
                **parsed.record,
            )
        )
        case.search_text = search_text(case, violator)
        refresh_deadlines(session, case)
        session.add(case)
        # Law Art. 5 k1 a: a person under 14 is never sanctioned. The record
        # stands, but the timeline says so from the start, as does the red
        # alert on the case page (procedure.overview.case_alerts).
        warning = creation_warning(parsed)
        session.add(
            CaseEvent(
                case_id=case.id,
                kind="record",
                actor_id=actor.user_id,
                summary=f"Lập biên bản vi phạm hành chính số {case.record_number}"
                + (f". Lưu ý: {warning}" if warning else ""),
            )
        )
        audit.record(
            session,
            actor,
            "case.created",
            entity="case",
            entity_id=case.id,
            after={
                "record_number": case.record_number,
                "field": case.field,
                "acts": [a.id for a in parsed.acts if a.id is not None],
                **({"typed_acts": [a.citation() for a in parsed.acts
                                   if a.id is None]}
                   if any(a.id is None for a in parsed.acts) else {}),
                **({"duplicate_of": twin} if twin else {}),
            },
        )
        log.info("user=%s created case=%s", actor.user_id, case.id)
        return case.id


def refusal(errors: dict) -> ValidationFailed:
    """The refusal of a form; when the only problem is a possible duplicate,
    nothing typed is wrong and the banner says so (user trial: "Thông tin
    chưa hợp lệ" above a confirm box read as an error)."""
    if set(errors) <= {DUPLICATE_CONFIRMED, DUPLICATE_CASE}:
        return ValidationFailed(
            errors,
            "Có thể trùng với một hồ sơ đã có: xem thông báo bên dưới trước khi "
            "lưu.",
        )
    return ValidationFailed(errors)


DUPLICATE_CONFIRMED = "duplicate_confirmed"
# The id of the case a new one may repeat, for the form's link; not a field.
DUPLICATE_CASE = "duplicate_case"
# The link's text, which the refusal names.
DUPLICATE_LINK = "Mở hồ sơ đã có"


def _same_violator_same_day(session: Session, unit_id: int, parsed, data: object,
                            errors: dict) -> int | None:
    """The unit's case in use (not in the recycle bin) that a new case, with
    a record or decided on the spot (procedure.on_the_spot), may repeat:
    same violation date and same violator, told by the ID number (tax code
    for an organisation) when both cases have one, else by the folded name.
    Unconfirmed, it becomes a refusal at the confirm box, naming the
    case; confirmed, its id is returned for the audit trail. A saved form sent
    again with the same request key never gets here (both services return
    the first case), so a double click is not a duplicate. Only the unit's own
    cases are read: the message never names another unit's case."""
    violator = parsed.violator if isinstance(parsed.violator, dict) else {}
    name = fold(violator.get("name") or "")
    if not name or parsed.violation_at is None:
        return None
    ident_column = (
        Violator.tax_code
        if violator.get("kind") == ViolatorKind.ORGANISATION
        else Violator.id_number
    )
    ident = violator.get(ident_column.key) or ""
    # (violation_date) narrows to one day's cases of the province, the unit
    # filter to a handful: no further index is needed.
    rows = session.exec(
        select(Case.id, Case.record_number, Case.violator_name, ident_column,
               Case.without_record, Case.decision_number)
        .join(Violator, Violator.case_id == Case.id)
        .where(
            Case.unit_id == unit_id,
            Case.violation_date == parsed.violation_at.date(),
            Case.deleted_at.is_(None),
            Case.violator_kind == violator.get("kind"),
        )
        .order_by(Case.id)
    ).all()
    twin = next(
        (
            row for row in rows
            if (row[3] == ident if ident and row[3] else fold(row[2]) == name)
        ),
        None,
    )
    if twin is None:
        return None
    confirmed = isinstance(data, dict) and data.get(DUPLICATE_CONFIRMED) in (
        "1", "on", "true", True)
    if not confirmed:
        errors[DUPLICATE_CONFIRMED] = _twin_message(
            twin, parsed.violation_at.date()
        )
        errors[DUPLICATE_CASE] = str(twin[0])
        log.info("possible duplicate of case=%s refused", twin[0])
    return twin[0]


def _twin_message(twin, day: date) -> str:
    """The refusal naming the case a new one may repeat by what an officer
    knows of it: its paper, violator and date (the internal id, "hồ sơ mã
    5", meant nothing to the trial's officers); the form links to it
    (components/duplicate_notice.py). A case decided on the spot (MQĐ01)
    has no record: its decision is the paper the officer can look up."""
    _id, record_number, violator_name, _ident, without_record, decision = twin
    if without_record:
        paper = (
            f"quyết định số {decision}" if decision else "quyết định chưa có số"
        ) + " (xử phạt không lập biên bản)"
    else:
        paper = (
            f"biên bản số {record_number}" if record_number
            else "biên bản chưa có số"
        )
    return (
        f"Đã có hồ sơ của cùng người vi phạm, cùng ngày vi phạm: {paper}, "
        f"người vi phạm {violator_name}, ngày vi phạm {fmt_date(day)} (bấm "
        f"«{DUPLICATE_LINK}» để xem). Nếu đây là vụ việc khác, đánh dấu «Vẫn "
        "lưu hồ sơ mới» và lưu lại."
    )


def creation_warning(parsed) -> str:
    """What recording this violation must warn about ("" for nothing): a
    violator under 14 on the day of the violation (domain/minors.py)."""
    if parsed.violator.get("kind") != ViolatorKind.INDIVIDUAL:
        return ""
    born = parsed.violator.get("birth_date")
    return record_warning(minor_rule(born, parsed.violation_at.date()))


def violator_minor(session: Session, case: Case) -> MinorRule | None:
    """The age rule of the case's violator (an individual under 18 on the day
    of the violation, Law Art. 5 k1 a and Art. 134; domain/minors.py)."""
    if case.violator_kind != ViolatorKind.INDIVIDUAL:
        return None
    birth = session.exec(
        select(Violator.birth_date).where(Violator.case_id == case.id)
    ).first()
    return minor_rule(birth, case.violation_date)


def _minor_problems(parsed, errors: dict, on_the_spot: bool = False) -> list[str]:
    """Refusals for a minor violator, at their field; the timeline note."""
    rule = getattr(parsed, "minor", None)
    refusal = (spot_refusal if on_the_spot else sanction_refusal)(rule)
    if refusal:
        # The date of birth is what makes the decision impossible (MQĐ01
        # shows it on the same form; MQĐ02 refuses before reading).
        errors.setdefault("birth_date", refusal)
        return []
    intent = intent_refusal(rule)
    if intent and not getattr(parsed, "intent_confirmed", False):
        errors.setdefault("intent_confirmed", intent)
    note = decision_note(rule)
    return [note] if note else []


def issuer_name(unit_name: str, unit_kind: str) -> str:
    """The issuing body as a form's header names it (printing.agency_of): a
    commune's committee or police by its own name, a provincial body
    without "tỉnh Đắk Lắk", which the superior line above already says."""
    if unit_kind in (UnitKind.COMMUNE_COMMITTEE, UnitKind.COMMUNE_POLICE):
        return unit_name
    return unit_name.replace(" tỉnh Đắk Lắk", "")


def shown_signer_title(decision: Decision, unit_name: str, unit_kind: str) -> str:
    """The signer's title as the printed decision gives it, so the case page
    and the paper agree: a title left empty is told from the chosen code
    and the issuing unit ("Chủ tịch Ủy ban nhân dân xã Buôn Đôn"), not the
    code's catalogue label (domain.signer_titles). The unit is the one the
    decision named when signed (services/issuer.py), where it kept it."""
    return title_to_print(
        decision.signer_title,
        decision.signer_title_code,
        decision.agency_name or issuer_name(unit_name, unit_kind),
    )


def _untold_signer_title(session: Session, case: Case, parsed, errors: dict):
    """An empty "Chức vụ người ký" prints the title told from the code and
    the unit (domain.signer_titles); where the unit does not tell the body
    ("Trưởng đoàn thanh tra", a Sở's chi cục) the signer must write it."""
    code = parsed.signer_title_code
    if not code or not is_generic(parsed.signer_title, code):
        return
    unit = session.get(Unit, case.unit_id)
    if not printed_title(code, unit.name if unit else ""):
        errors.setdefault(
            "signer_title",
            f"Ghi chức vụ người ký như in trên quyết định: chức danh «"
            f"{parsed.signer_title}» không cho biết tên cơ quan của người ký.",
        )


def _signer_of_unit(session: Session, case: Case, parsed, errors: dict) -> bool:
    """The sanctioning title must be one of the issuing unit's
    (services.signer_fit; NĐ 189/2025 gives each title to one kind of body),
    and a title typed must not be a post of another body: a commune police's
    decision signed "Chủ tịch UBND tỉnh" was accepted and printed under its
    header (user trial). Returns whether the title code fits, so that the
    ceiling is judged only then."""
    code = parsed.signer_title_code
    misfit = signer_fit.refusal(session, case.unit_id, code)
    if misfit:
        errors.setdefault("signer_title_code", misfit)
        return False
    unit = session.get(Unit, case.unit_id)
    # A catalogue label in the box is read as no title and replaced by the
    # one told from the code, unless it names another body or level: then
    # it is refused as typed, as the guide says, not silently replaced.
    dropped = parsed.dropped_label
    title = dropped or parsed.signer_title
    if unit is None or not title or (not dropped and is_generic(title, code)):
        return True
    body = issuer_name(unit.name, unit.kind)
    if names_other_body(title, body):
        errors.setdefault(
            "signer_title",
            f"Chức vụ người ký «{title}» là chức vụ của một cơ quan khác, không "
            f"phải của {body} (đơn vị ra quyết định): ghi chức vụ của người ký "
            f"tại {body}.",
        )
    return True


def _registered_delegation(session: Session, case: Case, parsed, errors: dict):
    """The delegation cited, judged without the decision's date: the
    unit's register must hold its number (whether it is in force is told
    once the date is usable), and with no sanctioning title chosen, the
    head's title it names must be one of the unit's (as `_lawful_decision`
    does on the date)."""
    from xlvphc.services.procedure.delegation import registered

    if not parsed.delegation or "delegation" in errors:
        return
    rows = registered(session, case.unit_id, parsed.delegation)
    if not rows:
        errors["delegation"] = (
            f"Không có quyết định giao quyền số «{parsed.delegation}» của đơn vị "
            "trong sổ giao quyền (Điều 54 Luật XLVPHC; Điều 10 Nghị định "
            "118/2021)."
        )
        return
    if parsed.signer_title_code:
        return  # its fit is judged by _signer_of_unit
    unit = case.unit_id
    misfits = [signer_fit.refusal(session, unit, r.head_title_code) for r in rows]
    if all(misfits):  # whichever of them is in force on the date
        errors["delegation"] = misfits[0]


def _past_decision_deadline(session: Session, case: Case, on: date) -> str | None:
    """Law Art. 66 k1 (domain.md §1.4): past the deadline for the decision no
    sanction decision is made; confiscation and remedial measures still are
    (their own steps, MQĐ14/MQĐ15). A decision signed in time and entered
    late keeps its day, so only the date signed is judged."""
    from xlvphc.services.procedure.limits import decision_due

    due = decision_due(session, case)
    if due is None or on <= due:
        return None
    return (
        f"Đã quá thời hạn ra quyết định xử phạt: hạn cuối ngày {due:%d/%m/%Y} "
        "(khoản 1 Điều 66 Luật Xử lý vi phạm hành chính). Quá thời hạn này "
        "không được ra quyết định xử phạt (Điều 65, 66), chỉ quyết định tịch "
        "thu tang vật, phương tiện hoặc buộc thực hiện biện pháp khắc phục hậu "
        "quả. Nếu quyết định đã ký trong thời hạn, ghi đúng ngày ký."
    )


def _confirm_text(verdict, act, is_org: bool) -> str:
    """The refusal of a decision whose signer's ceiling the app cannot
    compute for the case's field, until the signer ticks the check."""
    return (
        f"{verdict.message}. Đối chiếu mức phạt tối đa của khung "
        f"({format_vnd(act.frame_max * (2 if is_org else 1))}) với thẩm quyền "
        "của chức danh theo nghị định xử phạt của lĩnh vực, rồi đánh dấu ô «Tôi "
        "đã kiểm tra thẩm quyền» để ra quyết định."
    )


def _unknown_ceiling(case: Case, acts: list, is_org: bool, parsed,
                     errors: dict) -> None:
    """Without a usable decision date the ceiling waits for it, but whether
    the field's ceiling is known at all does not depend on the day: the
    check box is asked for in the same refusal (user trial: it came only
    after the fines and the date were put right). Judged on today's rules;
    the full check runs again once the date can be read."""
    code = parsed.signer_title_code
    confirmed = getattr(parsed, "authority_confirmed", False)
    if not code or confirmed or "signer_title_code" in errors:
        return
    today = local_now().date()
    if signer_rule(code, today) is None:
        return
    for act in acts:
        if act.frame_max is None:
            continue
        verdict = judge_authority(code, case.field, act.frame_max, is_org, today)
        if verdict.verdict == Verdict.UNKNOWN:
            errors["authority_confirmed"] = _confirm_text(verdict, act, is_org)
            return


# A deputy's post as typed ("Phó Chủ tịch …", "Phó Giám đốc …"), unless it
# says the deputy runs the body (an acting head has a head's powers, NĐ 118
# Art. 10).
_DEPUTY = re.compile(r"^pho\b")
_ACTING = re.compile(r"\b(phu trach|quyen)\b")


def _deputy_without_delegation(parsed, errors: dict) -> None:
    """A deputy signs a sanction only under a delegation, and the decision
    cites it (Law Art. 54 k1; NĐ 118 Art. 10): without one the paper
    printed "PHÓ CHỦ TỊCH" as the sanctioning authority, with no "KT." and
    no delegation cited (user trial)."""
    title = fold(parsed.signer_title or "")
    if parsed.delegation or not _DEPUTY.match(title) or _ACTING.search(title):
        return
    errors.setdefault(
        "delegation",
        f"Người ký là cấp phó («{parsed.signer_title}»): cấp phó chỉ ra quyết "
        "định xử phạt khi được giao quyền. Ghi số quyết định giao quyền (Điều "
        "54 Luật XLVPHC; Điều 10 Nghị định 118/2021) hoặc sửa chức vụ người ký.",
    )


def _lawful_decision(
    session: Session, case: Case, acts: list, is_org: bool, parsed, errors: dict
) -> list[str]:
    """Refusals the law imposes on the decision itself, added to `errors` at
    their field; returns notes for the timeline (authority to check by hand).

    - Law Art. 6 (as amended by Law 88/2025) and Art. 65 k1 point c: no
      decision once the statute of limitations has expired.
    - NĐ 189/2025 and Law Art. 52 k1: each act's frame maximum must lie within
      the signer title's ceiling, doubled for an organisation.
    """
    from xlvphc.services.procedure.limits import limitation

    notes: list[str] = _minor_problems(parsed, errors, case.without_record)
    _deputy_without_delegation(parsed, errors)
    if _signer_of_unit(session, case, parsed, errors):
        _untold_signer_title(session, case, parsed, errors)
    if "sanction_expulsion" in parsed.sanctions and "sanction_expulsion" not in errors:
        violator = session.exec(
            select(Violator).where(Violator.case_id == case.id)
        ).first()
        refusal = expulsion_refusal(is_org, violator.nationality if violator else "")
        if refusal:
            errors["sanction_expulsion"] = refusal
    if parsed.decided_on is None or "decided_on" in errors:
        # Without a usable date only the date-dependent checks wait (the
        # limitation, the delegation in force, the ceiling): a wrong date
        # would judge them on the wrong day. The rest is told now, so that
        # one submit reports every field, not in rounds.
        _registered_delegation(session, case, parsed, errors)
        _unknown_ceiling(case, acts, is_org, parsed, errors)
        return notes
    # Counted from the detection of a continuing violation (NĐ 118 Art. 8 k1).
    found = limitation(session, case)
    refusal = found.refusal(parsed.decided_on) if found else None
    if refusal and "decided_on" not in errors:
        errors["decided_on"] = refusal
    refusal = _past_decision_deadline(session, case, parsed.decided_on)
    if refusal and "decided_on" not in errors:
        errors["decided_on"] = refusal
    code = parsed.signer_title_code
    if parsed.delegation:
        # NĐ 118 Điều 10: a deputy's decision cites a delegation in force; the
        # ceiling is the delegating head's (Law Art. 54).
        from xlvphc.services.procedure.delegation import delegation_in_force

        given = delegation_in_force(
            session, case.unit_id, parsed.delegation, parsed.decided_on
        )
        if given is None:
            errors["delegation"] = (
                f"Không có quyết định giao quyền số «{parsed.delegation}» của đơn "
                f"vị còn hiệu lực ngày {parsed.decided_on:%d/%m/%Y} trong sổ giao "
                "quyền (Điều 54 Luật XLVPHC; Điều 10 Nghị định 118/2021)."
            )
            return notes
        code = code or given.head_title_code
        # A head's title registered before titles were tied to the unit.
        misfit = signer_fit.refusal(session, case.unit_id, code)
        if misfit:
            errors.setdefault("delegation", misfit)
            return notes
    if not code or "signer_title_code" in errors:
        return notes
    if signer_rule(code, parsed.decided_on) is None:
        errors["signer_title_code"] = check_authority(
            code, case.field, 0, is_org, parsed.decided_on
        )
        return notes
    for act in acts:
        if act.frame_max is None:
            continue
        verdict = judge_authority(
            code, case.field, act.frame_max, is_org, parsed.decided_on
        )
        if verdict.verdict == Verdict.EXCEEDS:
            errors["signer_title_code"] = verdict.message + "."
            break
        # The ceiling is unknown for the case's field, so for every act alike:
        # one note for the history, not one per act (user trial).
        note = f"{verdict.message} (người ký đã xác nhận đã kiểm tra)"
        if verdict.verdict == Verdict.UNKNOWN and note not in notes:
            if not getattr(parsed, "authority_confirmed", False):
                # The ceiling cannot be computed: never let it pass unseen.
                errors["authority_confirmed"] = _confirm_text(verdict, act, is_org)
                break
            notes.append(note)
    return notes


def _decision_number(session: Session, case: Case, parsed, form: str) -> str:
    """The number of a sanction decision: the one typed from a decision
    signed on paper (kept out of the series, refused if the unit gave it to
    another sanction decision that year, however written), or the series'
    next (Nghị định 30/2020: numbers are never repeated)."""
    year = parsed.decided_on.year
    if not parsed.paper_number:
        return next_number(session, case.unit_id, form, year)
    paper = paper_form(parsed.paper_number, form)
    # Under the series' lock: of two officers typing one number at once,
    # the second sees the first's decision.
    lock_series(session, case.unit_id, form, year)
    given = session.exec(
        select(Decision.number)
        .join(Case, Case.id == Decision.case_id)
        .where(
            Case.unit_id == case.unit_id,
            Decision.decided_on >= date(year, 1, 1),
            Decision.decided_on <= date(year, 12, 31),
        )
    ).all()
    key = number_key(paper, form)
    if any(number and number_key(number, form) == key for number in given):
        raise ValidationFailed({
            "decision_number": f"Số {paper} đã được dùng cho một quyết định xử "
            f"phạt khác của đơn vị trong năm {year}."
        })
    keep_out_of_series(session, case.unit_id, form, paper, year)
    return paper


def issue_decision(actor: Actor, case_id: object, data: object) -> str:
    """The sanction decision (MQĐ02) on a recorded case; returns its number."""
    return issue_decision_told(actor, case_id, data)[0]


def issue_decision_told(
    actor: Actor, case_id: object, data: object
) -> tuple[str, list[str]]:
    """`issue_decision`, with what the form tells the officer beside the
    number: the fines the service took from the suggestion for the
    circumstances, the amount a box showed when it was another
    (case_input.suggestion_notes), since the decision saved is then not
    what the screen showed."""
    require(actor, Action.CASE_WRITE)
    today = local_now().date()
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_WRITE)
        if case.status == CaseStatus.EXPLAINING:
            raise Conflict(
                "Người vi phạm đang giải trình: ghi nhận kết thúc giải "
                "trình trước khi ra quyết định (Điều 61 Luật XLVPHC)."
            )
        if case.status == CaseStatus.TRANSFERRED:
            raise Conflict(
                "Hồ sơ đã chuyển đi: chỉ ra quyết định khi nhận lại hồ sơ (Điều "
                "62, 63 Luật XLVPHC)."
            )
        if case.status == CaseStatus.CLOSED and not case.decided_on:
            raise Conflict("Hồ sơ đã kết thúc nên không ra quyết định được nữa.")
        if case.status != CaseStatus.RECORDED:
            raise Conflict("Hồ sơ này đã có quyết định xử phạt.")
        record = session.exec(
            select(ViolationRecord).where(ViolationRecord.case_id == case.id)
        ).one()
        acts = session.exec(
            select(CaseAct).where(CaseAct.case_id == case.id).order_by(CaseAct.position)
        ).all()
        is_org = case.violator_kind == ViolatorKind.ORGANISATION
        # Unknown only for an imported record (importer/write.py), and an
        # imported case is decided already: read_decision then checks no
        # order against it.
        record_day = record.made_on()
        # Law Art. 5 k1 a: no decision at all on a violator under 14.
        minor = violator_minor(session, case)
        if sanction_refusal(minor):
            raise Conflict(sanction_refusal(minor))
        parsed, errors = read_decision(data, acts, is_org, record_day, today, minor)
        notes = _lawful_decision(session, case, acts, is_org, parsed, errors)
        if errors:
            raise ValidationFailed(errors)
        version = data.get("version") if isinstance(data, dict) else None
        if str(version) != str(case.version):
            raise Conflict(stale_message(
                session, actor, case, version,
                unsaved="Quyết định chưa được lưu",
                then="tải lại trang trước khi ra quyết định",
            ))

        number, total = write_decision(session, actor, case, acts, parsed, "MQĐ02")
        before = {"status": case.status, "fine_total": case.fine_total}
        case.status = CaseStatus.DECIDED
        case.decision_number = number
        case.decided_on = parsed.decided_on
        case.fine_total = total
        case.version += 1
        refresh_deadlines(session, case)
        refresh_search_text(session, case)
        session.add(case)
        session.add(
            CaseEvent(
                case_id=case.id,
                kind="decision",
                actor_id=actor.user_id,
                summary=f"Ra quyết định xử phạt số {number}"
                + "".join(f"; {note}" for note in notes),
            )
        )
        audit.record(
            session,
            actor,
            "decision.issued",
            entity="case",
            entity_id=case.id,
            before=before,
            after={
                "status": case.status,
                "fine_total": total,
                "decision_number": number,
            },
        )
        log.info("user=%s issued decision on case=%s", actor.user_id, case.id)
        return number, suggestion_notes(acts, parsed)


def write_decision(session, actor: Actor, case: Case, acts: list, parsed,
                   form: str) -> tuple[str, int]:
    """Numbers the decision, sets each act's fine and adds the Decision row;
    shared by MQĐ02 (on a record) and MQĐ01 (on the spot). A minor's
    decision that slipped past the form checks is refused here (Law Art. 5
    k1 a, Art. 134; domain/minors.py)."""
    from xlvphc.services.issuer import decision_columns  # imports this module

    minor = violator_minor(session, case)
    refusal = sanction_refusal(minor) or (
        fine_refusal(minor) if any(parsed.fines.values()) else None
    )
    if refusal is None and intent_refusal(minor) and not parsed.intent_confirmed:
        refusal = intent_refusal(minor)
    if refusal:
        raise Conflict(refusal)
    number = _decision_number(session, case, parsed, form)
    total = 0
    for act in acts:
        act.fine = parsed.fines.get(act.id, 0)
        total += act.fine
        session.add(act)
    session.add(
        Decision(
            case_id=case.id,
            number=number,
            decided_on=parsed.decided_on,
            signer_name=parsed.signer_name,
            signer_title=parsed.signer_title,
            signer_title_code=parsed.signer_title_code,
            delegation=parsed.delegation,
            mitigating=parsed.mitigating,
            aggravating=parsed.aggravating,
            fine_total=total,
            # The ticked sanctions are printed when no wording was typed.
            additional_sanctions=parsed.additional_sanctions
            or additional_text(list(parsed.sanctions)),
            **{key: key in parsed.sanctions for key in SANCTION_KEYS},
            remedial_measures=parsed.remedial_measures,
            payment_days=parsed.payment_days,
            treasury=parsed.treasury,
            created_by=actor.user_id,
            # The unit as the decision prints it from now on, header and
            # own name (issuer.py).
            **decision_columns(session, case.unit_id),
        )
    )
    return number, total
