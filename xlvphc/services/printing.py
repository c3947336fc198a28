"""Printing a case's official forms: gathers plain data for the renderers in
`documents/` and audits every print."""

import logging
import re
from dataclasses import replace
from datetime import date

from sqlmodel import Session, select

from xlvphc.documents.blocks import authority_name
from xlvphc.documents.data import (
    ActData,
    Agency,
    DecisionData,
    FormData,
    RecordData,
    ViolatorData,
)
from xlvphc.documents.registry import codes, normalise, render, title
from xlvphc.documents.wording import ENFORCES_SANCTION
from xlvphc.domain.dates import fmt_date
from xlvphc.domain.signer_titles import title_to_print
from xlvphc.domain.text import fold
from xlvphc.models import Case, CaseAct, Decision, Unit, ViolationRecord, Violator
from xlvphc.models.base import local_now, to_local
from xlvphc.models.cases import CaseStatus, ViolatorKind
from xlvphc.models.procedure import (
    Delegation,
    Instalment,
    ItemStatus,
    ProcedureStep,
    SeizedItem,
)
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor
from xlvphc.services.case_input import read_decision
from xlvphc.services.cases import load_case, violator_minor
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict
from xlvphc.services.importer import shown
from xlvphc.services.issuer import agency_of, issued_agency, issued_unit_name
from xlvphc.services.printing_choices import NEEDS_STEP, checked_step, step_choices
from xlvphc.services.printing_modes import CaseCopies, Copies
from xlvphc.services.printing_steps import step_fill, step_issuer
from xlvphc.services.procedure.decision_hints import remedial_suggestion
from xlvphc.services.procedure.transitions import RULES

log = logging.getLogger(__name__)

FORMS = {
    "MBB01": "bien-ban-vi-pham",
    "MQĐ02": "quyet-dinh-xu-phat",
    "MQĐ01": "quyet-dinh-xu-phat-khong-lap-bien-ban",
}
MODES = ("final", "draft", "blank")  # signed copy, "DỰ THẢO", "Mẫu trắng"

# Forms offered at each stage of a case (Luật XLVPHC: record → explanation
# → decision → execution / postponement / coercion → transfer). Records of
# seizure (and its extension, MQĐ21, once the case has one), verification
# and transfer, and amendment decisions, apply at any stage; the delegation
# decisions (MQĐ34-37) are not about one case and are offered as blank forms
# only. MQĐ01 is the decision of a case decided
# without a record (Law Art. 56), offered for such a case only. The papers a
# procedure step issues (MQĐ03, the coercion papers, the seized-goods papers,
# MQĐ33, MQĐ40 …) are further narrowed by services/printing_modes.py:
# official copy once the case has the step (then at any stage), draft while
# the law allows the step.
_ANY = (
    "MBB02 MBB05 MBB15 MQĐ20 MQĐ21 MBB17 MQĐ24 MBB20 MQĐ14 MQĐ33 MQĐ38 MQĐ39 "
    "MQĐ40"
).split()
_BEFORE = "MBB01 MBB03 MQĐ15".split()
_AFTER = "MBB01 MQĐ02 MBB06 MQĐ03 MQĐ04 MQĐ05 MBB29".split()
_COERCION = (
    "MBB09 MQĐ07 MQĐ08 MQĐ09 MQĐ10 MQĐ11 MQĐ12a MQĐ12b MQĐ12c MBB10 MBB11 MBB12"
).split()
STAGE_FORMS = {
    CaseStatus.RECORDED: _BEFORE + _ANY,
    CaseStatus.EXPLAINING: _BEFORE + _ANY,
    CaseStatus.DECIDED: _AFTER + _COERCION + _ANY,
    CaseStatus.EXECUTING: _AFTER + _COERCION + _ANY,
    CaseStatus.POSTPONED: _AFTER + _COERCION + _ANY,
    CaseStatus.COERCING: _AFTER + _COERCION + _ANY,
    CaseStatus.TRANSFERRED: _AFTER + _ANY,
    CaseStatus.CLOSED: _AFTER + _ANY,
}


# Forms listing seized goods (Luật XLVPHC Điều 125, 126): which of the
# case's items each one lists, by status. Coercion forms list assets, not
# seized goods, and are left to the pen.
ITEM_FORMS = {
    "MBB15": {ItemStatus.HELD, ItemStatus.RETURNED, ItemStatus.CONFISCATED},
    "MQĐ20": {ItemStatus.HELD, ItemStatus.RETURNED, ItemStatus.CONFISCATED},
    "MBB17": {ItemStatus.RETURNED},
    "MBB20": {ItemStatus.CONFISCATED},
    "MQĐ14": {ItemStatus.CONFISCATED},
    "MQĐ33": {ItemStatus.HELD},
    "MBB29": {ItemStatus.HELD},
}


# Forms printing the violation record (MBB01), citing it as their ground
# (MQĐ02) or belonging to the time between record and decision (explanation,
# MBB03 / MQĐ15): a case decided on the spot without a record (Law Art. 56)
# has none of them; its decision is MQĐ01.
NEEDS_RECORD = ("MBB01", "MBB03", "MQĐ02", "MQĐ15")
NO_RECORD_MESSAGE = (
    "Hồ sơ này xử phạt không lập biên bản (Điều 56 Luật Xử lý vi phạm hành "
    "chính) nên không có biên bản vi phạm hành chính để in mẫu {code}; "
    "quyết định xử phạt của hồ sơ in theo mẫu MQĐ01."
)


# An imported case whose register gave no record number: its decision
# (MQĐ02) prints with the record's number and date left blank.
IMPORTED_NO_RECORD = (
    "Sổ theo dõi nhập từ Excel không ghi biên bản của hồ sơ này nên không có "
    "biên bản vi phạm hành chính để in mẫu {code}."
)


def _incident_time(case: Case) -> object:
    """The violation's moment for a form; an imported day without an hour
    as "…… giờ …… phút, ngày 11/10/2025" (importer.shown)."""
    if case.violation_at is None:
        return ""
    moment = to_local(case.violation_at)
    return shown.day_only(moment) if shown.hour_unknown(case.imported, moment) \
        else moment


def applicable_forms(status: str, without_record: bool = False) -> list[str]:
    """Form codes that can be printed filled at a case's stage; for a case
    decided without a record, MQĐ01 stands where MQĐ02 would."""
    forms = STAGE_FORMS.get(status, ["MBB01"] + _ANY)
    if without_record:
        forms = [
            "MQĐ01" if c == "MQĐ02" else c
            for c in forms
            if c == "MQĐ02" or c not in NEEDS_RECORD
        ]
    return list(dict.fromkeys(forms))


EXPLANATION_THRESHOLD = 15_000_000  # Law Art. 61 k1 (individual; ×2 organisation)


def _violator(v: Violator, imported: bool = False) -> ViolatorData:
    """The violator as the forms print it. A register has no nationality
    column (importer/columns.py): an imported violator's "Việt Nam" is the
    model's default, not what the register said, so it prints dotted."""
    data = ViolatorData(
        **{k: getattr(v, k) for k in ViolatorData.__dataclass_fields__}
    )
    return replace(data, nationality="") if imported else data


def _said(value: str, imported: bool) -> str | None:
    """A decision's circumstances, additional sanctions or remedial
    measures: "" is a decision that has none ("Không."), but a register
    records none of them (importer/write.py), so on an imported decision ""
    is not said: None, the form's dotted line."""
    return (value or None) if imported else value


def _acts(acts: list[CaseAct], imported: bool = False) -> list[ActData]:
    return [
        # A fine of 0 đồng is a warning (a minor under 16, a warning-only
        # act): the form must say "Cảnh cáo", never "Phạt tiền 0 đồng". An
        # imported act without a fine of its own (a register row citing
        # several acts for one total, importer/write.py) is no warning.
        ActData(a.decree, a.article, a.clause, a.point, a.act, a.fine or None,
                fine_untold=imported and a.fine is None,
                ward_clause=a.ward_clause)
        for a in acts
    ]


def _record_data(session, case, unit, violator, acts, record) -> RecordData:
    top = max((a.frame_max or 0) for a in acts) if acts else 0
    return RecordData(
        # The unit as the signed record named it (services/issuer.py).
        agency=issued_agency(session, record, unit),
        number=record.number,
        made_at=to_local(record.made_at),
        place=record.place,
        field=case.field,
        maker_name=record.maker_name,
        maker_title=record.maker_title,
        witness=record.witness,
        violator=_violator(violator, case.imported),
        violation_at=to_local(case.violation_at),
        violation_place=case.violation_place,
        description=case.description,
        acts=_acts(acts),
        violator_statement=record.violator_statement,
        office_reason=record.office_reason,
        days_only=case.imported,
        # Law Art. 61 k1: explanation when the frame's maximum reaches 15 million
        # for an individual / 30 million for an organisation; the stored frame is
        # the individual one and the organisation's is its double, so one test
        # on the individual frame covers both.
        explanation_allowed=top >= EXPLANATION_THRESHOLD,
    )


def _delegation_ref(session: Session, unit_id: int, delegation: str) -> str:
    """ "12/QĐ-GQXP ngày 01/07/2025": the registered delegation a decision
    cites (sổ giao quyền, Nghị định 118/2021 Điều 10), or the text as
    typed when it is not in the register."""
    number = delegation.strip().removeprefix("số ").strip()
    if not number:
        return ""
    row = session.exec(
        select(Delegation).where(
            Delegation.unit_id == unit_id, Delegation.number == number
        )
    ).first()
    return _ref(number, row.signed_on) if row else number


def _deputy_of(title: str, delegation: str) -> str:
    """The head's title when a deputy signs under a delegation ("KT.").

    Nghị định 30/2020/NĐ-CP and note (21)/(25) of the decision forms: a
    deputy given the power (Luật XLVPHC Điều 54) signs "KT." before the
    head's title. Vietnamese deputy titles are the head's title after
    "Phó" ("Phó Chủ tịch UBND xã …" → "Chủ tịch UBND xã …").
    """
    title = title.strip()
    if not delegation.strip() or not fold(title).startswith("pho "):
        return ""
    head = title.split(" ", 1)[1].strip()
    return head[:1].upper() + head[1:]


def _signer_title(decision: Decision, agency: Agency) -> str:
    """The title printed for the signer: a field left empty stored only the
    code's label ("… xã, phường, đặc khu"), which names no body; the body is
    then told from the code and the issuing unit (domain.signer_titles)."""
    return title_to_print(
        decision.signer_title, decision.signer_title_code, agency.name
    )


def _decision_data(session, case, unit, violator, acts, record, decision):
    # The unit as the signed decision named it, header and heading alike
    # (services/issuer.py): a rename or merge since does not rewrite it.
    agency = issued_agency(session, decision, unit)
    return DecisionData(
        agency=agency,
        number=decision.number,
        decided_on=decision.decided_on,
        signer_name=decision.signer_name,
        signer_title=_signer_title(decision, agency),
        field=case.field,
        # An act imported without a citation has no decree: "" is none, not
        # one to cite ("Căn cứ ;").
        decrees=sorted({a.decree for a in acts if a.decree}),
        # An imported case may have no record: its number was not in the
        # register (the form prints dotted blanks for it).
        record_number=record.number if record else "",
        # None also for a record whose date the register did not give: the
        # form dots it, as every item it does not know.
        record_date=record.made_on() if record else None,
        violator=_violator(violator, case.imported),
        description=case.description,
        acts=_acts(acts, case.imported),
        fine_total=decision.fine_total,
        additional_sanctions=_said(decision.additional_sanctions, case.imported),
        remedial_measures=_said(decision.remedial_measures, case.imported),
        # A register does not give the days to pay (10 or more, Law Art. 73
        # k1): an imported decision's 10 is the model's default.
        payment_days=None if case.imported else decision.payment_days,
        treasury=decision.treasury,
        delegation=_delegation_ref(session, unit.id, decision.delegation),
        deputy_of=_deputy_of(decision.signer_title, decision.delegation),
        aggravating=_said(decision.aggravating, case.imported),
        mitigating=_said(decision.mitigating, case.imported),
        handed_over_on=_handed_over_on(session, case.id),
    )


def _draft_decision_data(session, case, unit, violator, acts, record):
    """MQĐ02 before its decision (DỰ THẢO, for the signer to read): what
    the case holds, each act at the fine the decision form starts from and
    the remedial measures it suggests (services/procedure/decision_hints),
    with their total; the number, date, signer, treasury, circumstances and
    additional sanctions, which only the decision gives, print as the form's
    dotted blanks."""
    # The fines the decision form saves when its boxes are left as they
    # come: the frame's average, doubled for an organisation, halved or a
    # warning (0) for a minor (case_input.read_decision, Law Art. 23, 24,
    # 134). No circumstance is typed yet, so none moves them.
    fines = read_decision(
        {},
        acts,
        case.violator_kind == ViolatorKind.ORGANISATION,
        record.made_on(),
        local_now().date(),
        violator_minor(session, case),
    )[0].fines
    drafted = [
        replace(row, fine=fines.get(act.id) or None)
        for act, row in zip(acts, _acts(acts), strict=True)
    ]
    return DecisionData(
        agency=agency_of(session, unit),
        number="",
        decided_on=None,
        signer_name="",
        signer_title="",
        field=case.field,
        decrees=sorted({a.decree for a in acts if a.decree}),
        record_number=record.number,
        record_date=record.made_on(),
        violator=_violator(violator),
        description=case.description,
        acts=drafted,
        fine_total=sum(fines.values()),
        # Only the decision says which circumstances and additional sanctions
        # apply, and whether a measure applies when the catalogue suggests
        # none: None prints a dotted line for the pen, not "Không."
        aggravating=None,
        mitigating=None,
        additional_sanctions=None,
        remedial_measures=remedial_suggestion(session, case.id) or None,
        draft=True,
    )


def _handed_over_on(session, case_id: int) -> date | None:
    """The day the decision was handed to the person, when the send step
    says "Giao trực tiếp" (services/procedure/delivery.py): the receipt on
    the back of MQĐ02 is for that delivery only (its note (***)), not for
    one by post."""
    return session.exec(
        select(ProcedureStep.on)
        .where(
            ProcedureStep.case_id == case_id,
            ProcedureStep.step == "send",
            ProcedureStep.code == "direct",
        )
        .order_by(ProcedureStep.id)
    ).first()


def _filename(
    form: str,
    number: str,
    case_id: int,
    mode: str = "final",
    unit: str = "",
    year: int | None = None,
) -> str:
    """Numbers restart per unit and year (services.numbering), so the unit's
    code and the year are part of the name: two units' "1/BB-VPHC" must not
    download as the same file."""
    slug = FORMS.get(form) or normalise(form).replace("Đ", "D").lower()
    safe = re.sub(r"[^0-9A-Za-z-]", "-", number.replace("Đ", "D")).strip("-")
    scope = "-".join(str(p) for p in (unit, year) if p)
    scope = re.sub(r"[^0-9A-Za-z-]", "-", scope.replace("Đ", "D")).strip("-")
    tail = {"draft": "-du-thao", "blank": "-mau-trang"}.get(mode, "")
    return f"{slug}-{safe or case_id}{'-' + scope if scope else ''}{tail}.pdf"


def _paper_year(data, record: ViolationRecord | None, case: Case) -> int:
    """The year of the printed paper's number: its own date, else the
    record's, else (a case decided without a record, or an imported record
    of unknown date) the violation's."""
    for name in ("decided_on", "issued_on", "made_at"):
        value = getattr(data, name, None)
        if value is not None:
            return value.year
    if record is not None and record.made_at is not None:
        return to_local(record.made_at).year
    return to_local(case.violation_at).year


def _ref(number: str, on: date | None) -> str:
    """ "5/QĐ-XPHC ngày 05/03/2026", as the grounds cite a document."""
    return f"{number} ngày {fmt_date(on)}" if number and on else number


def _generic_data(
    session,
    case,
    unit,
    violator,
    acts,
    record,
    decision,
    code: str,
    mode: str,
    step_id: int = 0,
) -> FormData:
    """Fill any template form from what the case holds.

    What the case does not hold (a step not recorded, a detail left empty)
    is left out, so the form prints dotted blanks for the pen.
    """
    agency, executor = agency_of(session, unit), unit.name
    if mode == "blank":
        return FormData(agency=agency, blank=True)
    if mode == "final":
        # A step's own paper (MQĐ03, a coercion, a seizure …) reprints under
        # the unit that issued it, whatever it is called or merged into
        # now; a draft is signed by the unit as it is (services/issuer.py).
        issued = step_issuer(session, case.id, code, decision, step_id)
        if issued is not None:
            agency, executor = issued
    values: dict[str, object] = {
        "violation_place": case.violation_place,
        "description": case.description,
        "incident_time": _incident_time(case),
        "executor": executor,
    }
    if record is not None:
        # A case decided without a record (MQĐ01) cites none: left blank.
        values |= {
            "statement": record.violator_statement,
            "no:BB-VPHC": record.number,
            # An imported record's unknown date: None, dotted on the form.
            "date:BB-VPHC": record.made_on(),
            "ref:BB-VPHC": _ref(record.number, record.made_on()),
        }
    signer_name, signer_title, deputy_of = "", "", ""
    if decision is not None:
        values |= {
            "no:QĐ-XPHC": decision.number,
            "ref:QĐ-XPHC": _ref(decision.number, decision.decided_on),
            "treasury": decision.treasury,
            "remedial_measures": decision.remedial_measures,
            "amount": decision.fine_total,
            "amount_fine": decision.fine_total,
        }
        if decision.delegation:
            values["ref:QĐ-GQXP"] = _delegation_ref(
                session, unit.id, decision.delegation
            )
        # The sanction decision is cited, and MQĐ01 (the decision itself)
        # headed, as it was signed: by the unit it named then, whatever
        # unit holds the case now (services/issuer.py).
        issuer = issued_agency(session, decision, unit)
        if code == "MQĐ01":
            agency = issuer
            # Its "Gửi cho … để tổ chức thực hiện" too: a reprint after a
            # rename named the new unit under the old header.
            values["executor"] = issued_unit_name(session, decision, unit)
        signer_name = decision.signer_name
        signer_title = _signer_title(decision, issuer)
        deputy_of = _deputy_of(signer_title, decision.delegation)
        values["decision_issuer"] = authority_name(issuer, signer_title)
        if code in ("MQĐ38", "MQĐ39", "MQĐ40"):
            # The decision amended, corrected or cancelled: the sanction one.
            values |= {
                "target_ref": values["ref:QĐ-XPHC"],
                "target_no": decision.number,
                "target_issuer": values["decision_issuer"],
            }
        if code == "MQĐ01":
            values |= _on_the_spot_values(decision, acts)
        if code in _COERCION:
            # A coercion here enforces the sanction decision, never the
            # reimbursement of remedial costs: the forms' either/or of the
            # two is made (documents.wording.enforced).
            values["enforces"] = ENFORCES_SANCTION
        if code in _COERCION and code.startswith("MQĐ"):
            # Note (8) of MQĐ07-MQĐ12c: the reason when the fine is unpaid.
            values["reason"] = (
                f"Không tự nguyện chấp hành Quyết định số: "
                f"{values['ref:QĐ-XPHC']} xử phạt vi phạm hành chính"
            )
        if code == "MQĐ11":
            # Its item 5 is the cost of a remedial measure the State carried
            # out (Law Art. 85 k5), not the fine (user trial): left blank.
            values.pop("amount", None)
    wanted = ITEM_FORMS.get(code)
    if wanted is not None:
        items = session.exec(
            select(SeizedItem).where(SeizedItem.case_id == case.id)
        ).all()
        rows = [(i.description, "", i.quantity) for i in items if i.status in wanted]
        if rows:
            values["items"] = rows
    instalments = session.exec(
        select(Instalment)
        .where(Instalment.case_id == case.id)
        .order_by(Instalment.position)
    ).all()
    for inst, key in zip(
        instalments, ("amount_first", "amount_second", "amount_third"), strict=False
    ):
        values[key] = inst.amount
    # The step that issued this form gives its number, date and details.
    step = step_fill(session, case.id, code, decision, step_id)
    if code == "MQĐ01" and decision is not None:
        # The decision itself: its number and date from the register.
        step = replace(step, number=decision.number, issued_on=decision.decided_on)
    values |= step.values or {}
    # A record is made by the maker of the violation record unless its step
    # names someone else (the organiser of a coercion, MBB10-MBB12); without
    # a violation record (MQĐ01) the maker is left to the pen.
    maker = step.signer or (
        (record.maker_name, record.maker_title) if record else ("", "")
    )
    if code.startswith("MQĐ") and step.signer:
        # A decision its step names the issuer of (MQĐ20: who decided the
        # seizure) is issued under that person's title, not the sanction
        # decision's; that decision's delegation is then not this one's.
        name, title = step.signer[0], " ".join(step.signer[1].split())
        if not title and (not name or fold(name) == fold(signer_name)):
            # A step recorded before its title was settled (procedure/
            # deciders.py) naming no one else: the sanction decision's signer.
            name, title = name or signer_name, signer_title
        if name != signer_name:
            values.pop("ref:QĐ-GQXP", None)
            deputy_of = ""
        signer_name, signer_title = name, title
    return FormData(
        agency=agency,
        # Without a recorded step, number and date are written when the
        # paper is signed (Nghị định 30/2020): they print blank.
        number=step.number,
        issued_on=step.issued_on,
        made_at=step.made_at,
        signer_name=signer_name if code.startswith("MQĐ") else maker[0],
        signer_title=signer_title if code.startswith("MQĐ") else maker[1],
        deputy_of=deputy_of if code.startswith("MQĐ") else "",
        violator=_violator(violator, case.imported),
        decrees=sorted({a.decree for a in acts if a.decree}),
        acts=_acts(acts),
        values={k: v for k, v in values.items() if v not in ("", None, 0)},
        draft=mode == "draft",
    )


def _on_the_spot_values(decision: Decision, acts: list[CaseAct]) -> dict:
    """Items of MQĐ01 Điều 1 k5 and Điều 2 that the decision holds: the main
    sanction (a warning or a fine, Law Art. 56), the fine, the
    circumstances and the additional sanction."""
    kinds = []
    if decision.fine_total:
        kinds.append("Phạt tiền")
    if not decision.fine_total or any(a.fine == 0 for a in acts):
        kinds.append("Cảnh cáo")
    circumstances = [
        f"{label}: {'; '.join(paragraphs)}"
        for label, text in (
            ("Tình tiết giảm nhẹ", decision.mitigating),
            ("Tình tiết tăng nặng", decision.aggravating),
        )
        if (paragraphs := [p.strip() for p in text.splitlines() if p.strip()])
    ]
    return {
        "main_sanction": ", ".join(kinds),
        "amount_fine": decision.fine_total,
        "circumstances": "; ".join(circumstances),
        "additional_sanction": decision.additional_sanctions,
    }


def form_data(
    actor: Actor,
    case_id: object,
    form: object,
    mode: object = "final",
    step: object = 0,
):
    """Data for one form, checked for scope; used by print and preview.

    Args:
        actor: The user printing.
        case_id: The case (untrusted).
        form: A form code (untrusted), e.g. "MQĐ03".
        mode: "final", "draft" (watermarked "DỰ THẢO") or "blank".
        step: For a paper a case can hold several of (seizure, return,
            confiscation), the step chosen on the menu (untrusted); 0 for
            the latest.
    """
    code = normalise(str(form)) if isinstance(form, str) else ""
    if code not in codes() or mode not in MODES:
        raise Conflict("Mẫu biểu không hợp lệ.")
    with session_scope() as session:
        case: Case = load_case(session, actor, case_id, Action.CASE_PRINT)
        if mode != "blank" and case.without_record and code in NEEDS_RECORD:
            raise Conflict(NO_RECORD_MESSAGE.format(code=code))
        if mode != "blank":
            _check_copies(session, case, code, str(mode))
        step_id = checked_step(session, case.id, code, step)
        if mode != "blank" and code in NEEDS_STEP and not step_choices(
            session, case.id, code
        ):
            raise Conflict(NEEDS_STEP[code])
        unit = session.get(Unit, case.unit_id)
        violator = session.exec(
            select(Violator).where(Violator.case_id == case.id)
        ).first()
        # None for a case decided without a record (Law Art. 56, MQĐ01).
        record = session.exec(
            select(ViolationRecord).where(ViolationRecord.case_id == case.id)
        ).first()
        acts = list(
            session.exec(
                select(CaseAct)
                .where(CaseAct.case_id == case.id)
                .order_by(CaseAct.position)
            ).all()
        )
        decision = session.exec(
            select(Decision).where(Decision.case_id == case.id)
        ).first()
        if code == "MQĐ01" and mode != "blank" and decision is None:
            raise Conflict("Hồ sơ chưa có quyết định xử phạt để in.")
        if mode != "blank" and violator is None:
            raise Conflict("Hồ sơ chưa có thông tin đối tượng vi phạm để in mẫu biểu.")
        if (mode != "blank" and record is None and code in NEEDS_RECORD
                and not (case.imported and code == "MQĐ02")):
            raise Conflict(
                (IMPORTED_NO_RECORD if case.imported and not case.without_record
                 else NO_RECORD_MESSAGE).format(code=code))
        number = ""
        if code == "MBB01" and mode != "blank":
            data = _record_data(session, case, unit, violator, acts, record)
            data = replace(data, draft=mode == "draft")
            number = record.number
        elif (code == "MQĐ02" and mode == "draft" and decision is None
              and case.status in RULES["decide"].stages and not case.imported):
            # Before the decision: allowed by _check_copies (printing_modes).
            data = _draft_decision_data(session, case, unit, violator, acts, record)
        elif code == "MQĐ02" and mode != "blank":
            if decision is None or case.status == CaseStatus.RECORDED:
                raise Conflict("Hồ sơ chưa có quyết định xử phạt để in.")
            data = _decision_data(session, case, unit, violator, acts, record, decision)
            data = replace(data, draft=mode == "draft")
            number = decision.number
        else:
            data = _generic_data(
                session,
                case,
                unit,
                violator,
                acts,
                record,
                decision,
                code,
                str(mode),
                step_id,
            )
            number = data.number
        audit.record(
            session,
            actor,
            "case.printed",
            entity="case",
            entity_id=case.id,
            reason=f"{code} {mode}",
        )
        log.info(
            "user=%s printed %s (%s) of case=%s", actor.user_id, code, mode, case.id
        )
        return data, _filename(
            code,
            number,
            case.id,
            str(mode),
            unit.code if unit else "",
            _paper_year(data, record, case),
        )


STAGE_REFUSAL = (
    "Mẫu biểu này chưa dùng được ở giai đoạn hiện tại của hồ sơ; hãy in mẫu "
    "trắng."
)


def _check_copies(session: Session, case: Case, code: str, mode: str) -> None:
    """Refuse a filled copy the case cannot print, whatever the browser
    sends: a form of another stage, or the official copy of a paper whose
    step the case does not have (printing_modes).

    Raises:
        Conflict: With the reason and what can be printed instead.
    """
    stage_filled = code in applicable_forms(case.status, case.without_record)
    copies = CaseCopies(session, case, local_now().date()).of(code, stage_filled)
    if copies is None:
        if not stage_filled:
            raise Conflict(STAGE_REFUSAL)
        return
    if not (copies.final if mode == "final" else copies.draft):
        log.info("case=%s refused %s (%s): no step", case.id, code, mode)
        raise Conflict(copies.refusal)


def print_form(
    actor: Actor,
    case_id: object,
    form: object,
    mode: object = "final",
    step: object = 0,
) -> tuple[str, bytes]:
    """Returns (file name, PDF bytes). Slow: call it off the event loop."""
    data, filename = form_data(actor, case_id, form, mode, step)
    return filename, render(normalise(str(form)), data)


def menu_forms(actor: Actor, case_id: object) -> list[dict]:
    """The forms offered on a case's print menu, checked for scope.

    Returns:
        Rows {code, title, filled, final, draft, preview, hint, step, note}:
        `final` and `draft` say which filled copies the case can print
        (`filled`: either; a blank copy always can), `preview` the mode the
        "Xem trước" button shows ("final", else "draft"), `hint` why the
        official copy is not offered, in a few words; a paper the case holds
        several of (one per seizure, return, confiscation) has a row per
        step, `step` its id and `note` its number and date (else 0 and "").
    """
    rows, blank = [], []
    with session_scope() as session:
        case: Case = load_case(session, actor, case_id, Action.CASE_PRINT)
        stage = applicable_forms(case.status, case.without_record)
        papers = CaseCopies(session, case, local_now().date())
        # An imported case whose register gave no record: nothing fills the
        # record's forms (verification trial: MBB01 was offered, and its
        # refusal showed behind the open menu).
        recordless = case.imported and session.exec(
            select(ViolationRecord.id).where(ViolationRecord.case_id == case.id)
        ).first() is None
        for c in codes():
            if recordless and c in NEEDS_RECORD and c != "MQĐ02":
                blank.append(_menu_row(c, Copies(False, False, hint=NO_RECORD_HINT)))
                continue
            copies = papers.of(c, c in stage)
            if copies is None:
                # A paper only its step fills, before the case has one (MQĐ21):
                # blank only; the other forms, as their stage says.
                usable = c in stage and (
                    c not in NEEDS_STEP or bool(step_choices(session, case.id, c))
                )
                copies = Copies(usable, usable, hint="" if usable else BLANK_ONLY)
            if not (copies.final or copies.draft):
                blank.append(_menu_row(c, copies))
                continue
            row = _menu_row(c, copies)
            choices = step_choices(session, case.id, c)
            rows += [row | {"step": x["step"], "note": x["label"]} for x in choices]
            rows += [] if choices else [row]
    # The filled forms first, in the stage's order, then the blank ones.
    order = {c: i for i, c in enumerate(stage)}
    rows.sort(key=lambda r: order.get(r["code"], len(order)))
    return rows + blank


BLANK_ONLY = "Chỉ in mẫu trắng."
NO_RECORD_HINT = "Sổ Excel không ghi biên bản: chỉ in mẫu trắng."


def _menu_row(code: str, copies: Copies) -> dict:
    """One row of the print menu (before its step is chosen)."""
    return {
        "code": code,
        "title": title(code),
        "filled": copies.final or copies.draft,
        "final": copies.final,
        "draft": copies.draft,
        "preview": "final" if copies.final else "draft",
        "hint": copies.hint or ("" if copies.final or copies.draft else BLANK_ONLY),
        "step": 0,
        "note": "",
    }
