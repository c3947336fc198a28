"""Form values from the details the procedure steps recorded (issue 4).

services/procedure/details.py keeps, for the steps whose papers say more
than a date and an amount, the time, place, people and findings of that
paper. This module turns them into the values of the forms: the minutes of
a hearing (MBB03), the verification records (MBB05, MBB09), the coercion
decisions (MQĐ07-MQĐ12c: who pays out, which account; the remedial part
of a combined decision) and their records
(MBB10-MBB12: witnesses, assets), and the seizure papers (MBB15/MQĐ20,
MQĐ21, MBB17/MQĐ24, MBB20/MQĐ14) with their own numbers and the items they
concern.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date, fmt_datetime, parse_date
from xlvphc.domain.deadlines import seizure_end
from xlvphc.domain.money import format_vnd
from xlvphc.models import Decision
from xlvphc.models.procedure import ProcedureStep, SeizedItem
from xlvphc.services.printing_choices import PER_STEP
from xlvphc.services.procedure.coercion_measures import (
    FORM_OF,
    REMEDIAL,
    money_part,
    parts_of,
)
from xlvphc.services.procedure.details import steps_with_details
from xlvphc.services.procedure.seizure_periods import first_extension_day


@dataclass(frozen=True)
class DetailFill:
    """What a step's details give a form."""

    number: str = ""
    issued_on: date | None = None
    made_at: datetime | None = None
    values: dict[str, object] | None = None
    # (name, title) of who signs a record as its maker, when not the maker
    # of the violation record: the organiser of a coercion (MBB10-MBB12),
    # the maker the asset verification names (MBB09).
    signer: tuple[str, str] | None = None


# The coercion decision forms (Nghị định 118/2021, MQĐ07-MQĐ12c).
COERCION_FORMS = (
    "MQĐ07", "MQĐ08", "MQĐ09", "MQĐ10", "MQĐ11", "MQĐ12a", "MQĐ12b", "MQĐ12c"
)
# The measures (coercion step codes) whose decision each form is: the one
# form of the measure the signer chose (procedure/coercion_measures.FORM_OF).
# A combined form (MQĐ12a-c) is only the decision of a combined code, one
# the signer chose with the remedial part: a decision by account deduction
# was once offered as an official MQĐ12a too, under its own number,
# ordering a demolition the signer never chose (user trial).
MEASURES_OF = {
    form: {measure for measure, issued in FORM_OF.items() if issued == form}
    for form in COERCION_FORMS
}
# The coercion record of each on-site measure (services/procedure/coercion.py).
RECORD_OF = {"MBB10": "collection", "MBB11": "remedial", "MBB12": "distraint"}
DEDUCT_WORDS = {
    "salary": "một phần lương",
    "income": "một phần thu nhập",
    "account": "tiền từ tài khoản",
}


def at(day: date | None, clock: object) -> datetime | None:
    """A step's day and a "14:30" time as one moment, if both are known."""
    if day is None or not isinstance(clock, str) or ":" not in clock:
        return None
    hours, minutes = clock.split(":", 1)
    if not (hours.isdigit() and minutes.isdigit()):
        return None
    return datetime.combine(day, time(int(hours) % 24, int(minutes) % 60))


def made_when(day: date, clock: object) -> str:
    """ "hồi 08 giờ 00 phút, ngày 06/12/2026", when a coercion record began
    (its "Hôm nay, …"); "ngày 06/12/2026" when the step has no start time."""
    moment = at(day, clock)
    return f"hồi {fmt_datetime(moment)}" if moment else f"ngày {fmt_date(day)}"


def _clock_words(clock: object) -> str | None:
    """"09:30" as the forms write a time, "09 giờ 30"; None when unknown."""
    moment = at(date(2000, 1, 1), clock)
    return moment.strftime("%H giờ %M") if moment else None


def _int(value: object) -> int:
    """A whole amount from a step's details (0 when absent)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def ref(number: str, on: date | None) -> str:
    """ "3/QĐ-TG ngày 05/03/2026", as a form cites another paper."""
    return f"{number} ngày {fmt_date(on)}" if number and on else number


def person_slots(prefix: str, rows: object, slots: int) -> dict[str, str]:
    """The first persons of a list into the form's "Họ và tên | Chức vụ"
    slots: `witness_name`, `witness_role`, `witness_where`, then
    `witness2_…` and so on."""
    values: dict[str, str] = {}
    people = rows if isinstance(rows, list) else []
    for index, row in enumerate(people[:slots]):
        key = prefix if index == 0 else f"{prefix}{index + 1}"
        name, role, where = ([str(p) for p in row] + ["", "", ""])[:3]
        values |= {f"{key}_name": name, f"{key}_role": role, f"{key}_where": where}
    return values


def listing(rows: object) -> str:
    """Persons as running text: "Ông (bà) A – chức vụ, cơ quan; …"."""
    people = rows if isinstance(rows, list) else []
    out = []
    for row in people:
        name, *rest = [str(p) for p in row if p]
        out.append(f"ông (bà) {name}" + (f" – {', '.join(rest)}" if rest else ""))
    return "; ".join(out)


def _item_rows(session: Session, ids: object) -> list[tuple[str, str, str]]:
    """The seized items a step concerns, as table rows."""
    wanted = [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []
    if not wanted:
        return []
    items = session.exec(
        select(SeizedItem).where(SeizedItem.id.in_(wanted)).order_by(SeizedItem.id)
    ).all()
    return [(i.description, "", i.quantity) for i in items]


def _seizure_of(
    session: Session, case_id: int, item_ids: object
) -> tuple[ProcedureStep, dict] | None:
    """The seizure step that took one of these items."""
    wanted = set(item_ids) if isinstance(item_ids, list) else set()
    for step, data in steps_with_details(session, case_id, ("seize",)):
        if wanted & set(data.get("item_ids") or []):
            return step, data
    return None


def _latest(
    session: Session, case_id: int, codes: tuple[str, ...], step_id: int = 0
) -> tuple[ProcedureStep, dict] | None:
    """The step of those kinds that issued the paper: the one chosen on the
    print menu (`step_id`), else the latest."""
    rows = steps_with_details(session, case_id, codes)
    if step_id:
        return next((r for r in rows if r[0].id == step_id), None)
    return rows[0] if rows else None


def _hearing(session: Session, case_id: int) -> DetailFill | None:
    """MBB03 from the end of an oral explanation and its request."""
    ends = steps_with_details(session, case_id, ("explanation_done",))
    found = next((r for r in ends if r[1]), None)
    if found is None:
        return None
    step, data = found
    request = _latest(session, case_id, ("request_explanation",))
    values = {
        key: data.get(key, "")
        for key in (
            "place",
            "opinion_law",
            "opinion_facts",
            "opinion_sanction",
            "violator_opinion",
        )
    }
    values |= {
        "participants": listing(data.get("participants")),
        "end_time": at(step.on, data.get("end_time")),
        "request_date": request[0].on if request else None,
    }
    return DetailFill(
        data.get("record_no", ""), step.on, at(step.on, data.get("start_time")), values
    )


def _verification(session: Session, case_id: int, code: str) -> DetailFill | None:
    """MBB05 (circumstances) or MBB09 (money and assets)."""
    kind = "verify" if code == "MBB05" else "verify_assets"
    found = _latest(session, case_id, (kind,))
    if found is None:
        return None
    step, data = found
    keys = (
        "place",
        "damage",
        "mitigating",
        "aggravating",
        "violator_opinion",
        "informant_opinion",
        "findings",
        "reason",
        "salary_info",
        "account_info",
        "asset_info",
        "third_party_info",
    )
    values: dict[str, object] = {key: data.get(key, "") for key in keys}
    # Every informant (at most six, details.MAX_PEOPLE), one a line.
    values |= person_slots("informant", data.get("informants"), 6)
    values["end_time"] = at(step.on, data.get("end_time"))
    signer = None
    if code == "MBB09":
        values |= _verified(data) | _informant(data)
        # The record's maker, if the step names one (note (4) of MBB09);
        # else the maker of the violation record, as before.
        maker = str(data.get("maker_name") or "")
        signer = (maker, str(data.get("maker_title") or "")) if maker else None
    return DetailFill(
        data.get("record_no", ""),
        step.on,
        at(step.on, data.get("start_time")),
        values,
        signer,
    )


# What MBB09 verified, in the words of its "<tiền lương, thu nhập/tài
# khoản/tài sản/tiền, tài sản>" choice (note (5)), by the finding recorded.
_VERIFIED = (
    ("salary_info", "tiền lương, thu nhập"),
    ("account_info", "tài khoản"),
    ("asset_info", "tài sản"),
    ("third_party_info", "tiền, tài sản do bên thứ ba đang giữ"),
)


def _verified(data: dict) -> dict[str, str]:
    """MBB09's choices of what was verified, made from what was found: items
    2 and "Tiến hành…" name all of it, item 4 the account or the assets.
    Nothing found on a choice leaves it to the pen."""
    found = [label for key, label in _VERIFIED if data.get(key)]
    own = [label for key, label in _VERIFIED[1:3] if data.get(key)]
    return {"checked": _joined(found), "account_or_assets": _joined(own)}


# MBB09's choices about the informant, by the step's "Người cung cấp thông
# tin là": item 2 ("<Cá nhân/Tổ chức> cung cấp"), item 6 ("<cá nhân/người
# đại diện của tổ chức> cung cấp").
_INFORMANT_WORDS = {
    "person": ("Cá nhân", "cá nhân"),
    "organisation": ("Tổ chức", "người đại diện của tổ chức"),
}


def _informant(data: dict) -> dict[str, object]:
    """Who gave the information, for MBB09: the first informant's name under
    the informant's signature, and, when the step says whether the informants
    speak for themselves or for a body, the form's choices made and a body's
    representatives moved to the slots for one (item 2 b and the lines after
    it: "Chức vụ", "Cơ quan/tổ chức"). Not said: the choices stay for the
    pen. `variant` picks the words of the lines after b) (forms/mbb09)."""
    rows = data.get("informants")
    rows = rows if isinstance(rows, list) else []
    first = rows[0] if rows and isinstance(rows[0], list) else []
    values: dict[str, object] = {"informant_signer": str(first[0]) if first else ""}
    kind = data.get("informant_kind")
    # The informants after the first two print in a person's words only
    # when the step says they speak for themselves (documents/forms/mbb09).
    values["variant"] = "person" if kind == "person" else "body"
    if kind not in _INFORMANT_WORDS:
        return values
    capital, speaker = _INFORMANT_WORDS[kind]
    values |= {
        "informant_kind": kind,
        "Informant_kind": capital,
        "informant_speaker": speaker,
    }
    if kind == "organisation":
        # Item 2 a) is a person's line (occupation, address): left blank.
        # The representatives from b) on, each on a line of its own.
        blank = dict.fromkeys(person_slots("informant", [[""]], 1), "")
        shifted = person_slots("informant", [[""], *rows], len(rows) + 1)
        values |= shifted | blank
    return values


def _joined(labels: list[str]) -> str:
    """ "a", "a và b", "a; b và c"."""
    if len(labels) < 2:
        return "".join(labels)
    return "; ".join(labels[:-1]) + " và " + labels[-1]


def _reason_with_interest(decision: Decision, data: dict, amount: int) -> str:
    """The reason (note (8)) of a decision that recovers late-payment
    interest with the fine (Law Art. 78 k1): how much of what was owed on its
    day is fine and how much interest. Same first words as the reason
    printing.py gives without interest.

    A decision for less than was owed (the signer may choose a smaller sum)
    says so, with its sum: its "Số tiền" item must not read as contradicting
    the sum owed (user trial: "số tiền phải thu gồm 32.500.000 đồng và
    2.600.000 đồng" above "Số tiền phạt: 10.005.050 đồng"). How its sum
    splits between fine and interest is not recorded (coercion_cover)."""
    fine, interest = _int(data.get("fine_due")), _int(data.get("interest_due"))
    owed = (
        f"tiền phạt chưa nộp {format_vnd(fine)} và tiền chậm nộp phạt "
        f"{format_vnd(interest)} tính đến ngày {data.get('interest_until', '')} "
        "(khoản 1 Điều 78 Luật Xử lý vi phạm hành chính)"
    )
    reason = (
        f"Không tự nguyện chấp hành Quyết định số: "
        f"{ref(decision.number, decision.decided_on)} xử phạt vi phạm hành chính"
    )
    if 0 < amount < fine + interest:
        return (
            f"{reason}; số tiền còn phải nộp là {format_vnd(fine + interest)}, "
            f"gồm {owed}; Quyết định này cưỡng chế số tiền {format_vnd(amount)} "
            "trong số tiền đó"
        )
    return f"{reason}; số tiền phải thu gồm {owed}"


def _coercion(
    session: Session, case_id: int, code: str, decision: Decision | None
) -> DetailFill | None:
    """A coercion decision: who pays out, where the money goes, and the
    asset verification it cites."""
    measures = MEASURES_OF[code]
    rows = steps_with_details(session, case_id, ("coerce",))
    found = next((r for r in rows if r[0].code in measures), None)
    if found is None:
        return None
    step, data = found
    values: dict[str, object] = {
        key: data.get(key, "")
        for key in (
            "holder",
            "holder_address",
            "account_number",
            "treasury_account",
            "transfer_days",
            "period",
            "action_place",
            "assets",
            "cooperators",
        )
    }
    if data.get("period"):
        values["period_unit"] = "ngày"
    if decision is not None:
        values["treasury"] = decision.treasury
    measure = money_part(step.code)
    if measure == "salary":
        values["deduct"] = DEDUCT_WORDS.get(data.get("deduct_from", ""), "")
    elif measure == "account":
        values["deduct"] = DEDUCT_WORDS["account"]
    if REMEDIAL in parts_of(step.code) and measure:
        values |= _remedial_part(data, measure)
    if data.get("interest_due") and decision is not None:
        values["reason"] = _reason_with_interest(decision, data, step.amount)
    values |= _verification_cited(session, case_id, step, data)
    return DetailFill(values=values)


def _verification_cited(
    session: Session, case_id: int, step: ProcedureStep, data: dict
) -> dict[str, object]:
    """The number and date of the MBB09 a coercion decision cites: those of
    the record made outside the system that the signer gave with the step
    (procedure/coercion_verified.py; what is missing prints dotted), else
    the latest asset verification recorded on or before the decision."""
    if data.get("verified_no") or data.get("verified_on"):
        return {
            "no:BB-XMCC": data.get("verified_no", ""),
            "date:BB-XMCC": parse_date(data.get("verified_on")) or "",
        }
    checks = steps_with_details(session, case_id, ("verify_assets",))
    for verified, found_data in checks:
        if verified.on <= step.on and found_data.get("record_no"):
            return {"no:BB-XMCC": found_data["record_no"], "date:BB-XMCC": verified.on}
    return {}


def _remedial_part(data: dict, measure: str) -> dict[str, object]:
    """What a combined decision (MQĐ12a-c) prints besides its money measure:
    the remedial part's period and place (Article 2), and which of the
    form's either/or lines its money measure takes ("(**)" salary or
    "(***)" account in 12a; the money, and the assets if any, in 12c)."""
    values: dict[str, object] = {
        "remedial_period": data.get("remedial_period", ""),
        "remedial_place": data.get("remedial_place", ""),
    }
    if data.get("remedial_period"):
        values["remedial_unit"] = "ngày"
    if measure in ("salary", "account"):
        values["variant"] = measure
    elif measure == "collection":
        values["variant"] = "money assets" if data.get("assets") else "money"
    return values


def _coercion_record(session: Session, case_id: int, code: str) -> DetailFill | None:
    """MBB10-MBB12: the record of an on-site coercion and its decision."""
    measure = RECORD_OF[code]
    rows = steps_with_details(session, case_id, ("coercion_done",))
    found = next((r for r in rows if r[1].get("measure") == measure), None)
    if found is None:
        return None
    step, data = found
    decided = next(
        (
            r
            for r in steps_with_details(session, case_id, ("coerce",))
            if measure in parts_of(r[0].code) and r[0].on <= step.on
        ),
        None,
    )
    values: dict[str, object] = {
        "made_when": made_when(step.on, data.get("start_time")),
        "place": data.get("place", ""),
        "end_time": at(step.on, data.get("end_time")),
        "result": step.note if code == "MBB11" else "",
        # Money collected: the fine and its late-payment interest (Art. 78).
        "amount": step.amount + _int(data.get("surcharge_paid"))
        if code == "MBB10"
        else 0,
    }
    values |= person_slots("cooperator", data.get("cooperators"), 1)
    slots = 3 if code == "MBB12" else 2
    values |= person_slots("witness", data.get("witnesses"), slots)
    if data.get("assets"):
        values["items"] = [tuple(row) for row in data["assets"]]
    if decided:
        order, order_data = decided
        values |= {
            "ref:QĐ-CCXP": ref(order.document, order.on),
            "no:QĐ-CCXP": order.document,
            "holder": order_data.get("holder", ""),
            "holder_address": order_data.get("holder_address", ""),
        }
    # The person who organised the coercion made the record (its part 1 and
    # "NGƯỜI LẬP BIÊN BẢN"); without one, the maker of the violation record.
    leader = data.get("leader_name", "")
    return DetailFill(
        data.get("record_no", ""),
        step.on,
        at(step.on, data.get("start_time")),
        values,
        (leader, data.get("leader_title", "")) if leader else None,
    )


def _seizure(
    session: Session, case_id: int, code: str, step_id: int = 0
) -> DetailFill | None:
    """MBB15 / MQĐ20: the record and decision of the chosen seizure (the
    latest when none is chosen)."""
    found = _latest(session, case_id, ("seize",), step_id)
    if found is None:
        return None
    step, data = found
    items = _item_rows(session, data.get("item_ids"))
    if code == "MBB15":
        values = {"place": data.get("place", ""), "items": items}
        values |= person_slots("witness", data.get("witnesses"), 1)
        return DetailFill(
            data.get("record_no", ""),
            step.on,
            at(step.on, data.get("start_time")),
            values,
        )
    period = data.get("days")
    period = period if isinstance(period, int) and period > 0 else None
    values = {
        "no:BB-TG": data.get("record_no", ""),
        "date:BB-TG": step.on,
        "reason": data.get("reason", ""),
        "period": period,
        # The period is in working days (Điều 125; services/procedure/seized.py):
        # the form's "<ngày/tháng>" choice prints what it counts.
        "period_unit": "ngày làm việc" if period else "",
        # "từ 09 giờ 30 ngày 05/12/2026": the hour the seizure began.
        "from_hour": _clock_words(data.get("start_time")),
        "from_date": step.on,
        "to_date": seizure_end(step.on, period),
        "action_place": data.get("keep_place", ""),
    }
    name = str(data.get("decider_name") or "")
    title = str(data.get("decider_title") or "")
    decider = (name, title) if name or title else None
    return DetailFill(data.get("decision_no", ""), step.on, None, values, decider)


def _period(days: object) -> int | None:
    """A seizure period as its step recorded it (working days), if any."""
    return days if isinstance(days, int) and days > 0 else None


def _extension(
    session: Session, case_id: int, step_id: int = 0
) -> DetailFill | None:
    """MQĐ21: the chosen extension of a seizure (the latest when none is
    chosen), citing the seizure decision (MQĐ20) whose period it extends:
    item 2 repeats that decision's period (note (7)), item 4 the extension,
    from the day after the end it moves (note (9))."""
    found = _latest(session, case_id, ("extend_seizure",), step_id)
    if found is None:
        return None
    step, data = found
    values: dict[str, object] = {}
    seizure = _seizure_of(session, case_id, data.get("item_ids"))
    if seizure:
        taken, taken_data = seizure
        number = taken_data.get("decision_no", "")
        period = _period(taken_data.get("days"))
        values |= {
            "ref:QĐ-TG": ref(number, taken.on),
            "no:QĐ-TG": number,
            "period": period,
            "period_unit": "ngày làm việc" if period else "",
            "from_date": taken.on,
            "to_date": seizure_end(taken.on, period),
        }
    previous = parse_date(data.get("previous_end"))
    extension = _period(data.get("extension_days"))
    values |= {
        "reason": data.get("extend_reason", ""),
        "extension": extension,
        "extension_unit": "ngày làm việc" if extension else "",
        "extension_from_date": first_extension_day(previous) if previous else None,
        "extension_to_date": step.until,
        "notified": data.get("notified", ""),
    }
    name = str(data.get("extender_name") or "")
    title = str(data.get("extender_title") or "")
    signer = (name, title) if name or title else None
    number = data.get("decision_no", "") or step.document
    return DetailFill(number, step.on, None, values, signer)


def _disposal(
    session: Session,
    case_id: int,
    code: str,
    decision: Decision | None,
    step_id: int = 0,
) -> DetailFill | None:
    """MBB17 / MQĐ24 (return) and MBB20 / MQĐ14 (confiscation) of the
    chosen step (the latest when none is chosen)."""
    found = _latest(session, case_id, (PER_STEP[code],), step_id)
    if found is None:
        return None
    step, data = found
    items = _item_rows(session, data.get("item_ids"))
    seizure = _seizure_of(session, case_id, data.get("item_ids"))
    seized = {}
    if seizure:
        taken, taken_data = seizure
        number = taken_data.get("decision_no", "")
        seized = {"ref:QĐ-TG": ref(number, taken.on), "no:QĐ-TG": number}
    made_at = at(step.on, data.get("start_time"))
    record_no, decision_no = data.get("record_no", ""), data.get("decision_no", "")
    common = {"place": data.get("place", ""), "items": items}
    if code == "MBB17":
        values = common | {
            "ref:QĐ-TL": ref(decision_no, step.on),
            "no:QĐ-TL": decision_no,
        }
        return DetailFill(record_no, step.on, made_at, values)
    if code == "MQĐ24":
        values = seized | {"reason": data.get("reason", "")}
        return DetailFill(decision_no, step.on, None, values)
    unclaimed = data.get("basis") == "unclaimed"
    if code == "MBB20":
        if unclaimed:
            cited = ref(decision_no, step.on)
        else:
            cited = ref(decision.number, decision.decided_on) if decision else ""
        return DetailFill(record_no, step.on, made_at, common | {"decision_ref": cited})
    if not unclaimed:
        return None  # confiscated by the sanction decision: no MQĐ14 of its own
    values = seized | {"reason": data.get("reason", ""), "variant": "unclaimed"}
    return DetailFill(decision_no, step.on, None, values)


def detail_fill(
    session: Session,
    case_id: int,
    code: str,
    decision: Decision | None,
    step_id: int = 0,
) -> DetailFill | None:
    """The details of the step that issued form `code`, if it recorded any.

    Args:
        session: Open session.
        case_id: The case, already checked for scope.
        code: The form.
        decision: The case's sanction decision, if any.
        step_id: For the papers of `PER_STEP`, the step chosen on the print
            menu (already checked to be one of this case's); 0 for the latest.

    Returns:
        None when no step with details issued the form: it prints blanks.
    """
    if code == "MBB03":
        return _hearing(session, case_id)
    if code in ("MBB05", "MBB09"):
        return _verification(session, case_id, code)
    if code in MEASURES_OF:
        return _coercion(session, case_id, code, decision)
    if code in RECORD_OF:
        return _coercion_record(session, case_id, code)
    if code in ("MBB15", "MQĐ20"):
        return _seizure(session, case_id, code, step_id)
    if code == "MQĐ21":
        return _extension(session, case_id, step_id)
    if code in ("MBB17", "MQĐ24", "MBB20", "MQĐ14"):
        return _disposal(session, case_id, code, decision, step_id)
    return None
