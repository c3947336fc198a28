"""What the case itself tells the officer about its sanction decision (MQĐ02):
the remedial measures the violation catalogue gives for the case's acts, to
start the decision's «Biện pháp khắc phục hậu quả» box with, and the warning
that the decision deadline (Law Art. 66 k1) has passed with no decision.

Both are read from the database, from the acts recorded with the case: the
browser only ever receives them (user trial: the catalogue's measure of a
chosen act was not suggested, and a case past its deadline said nothing)."""

from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date
from xlvphc.domain.deadlines import DecisionCase
from xlvphc.domain.minors import sanction_refusal
from xlvphc.domain.text import cite_in_full
from xlvphc.models import Case, CaseAct, CatalogueEntry
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus
from xlvphc.services.access import Action, Actor
from xlvphc.services.cases import load_case, violator_minor
from xlvphc.services.db import session_scope
from xlvphc.services.procedure.limits import decision_due_rule, limitation

# The longest remedial text a decision takes (services/case_input.py reads
# «remedial_measures» up to 2000 characters): a suggestion stops at the last
# whole measure that fits.
REMEDIAL_MAX = 2000

# How each period of Art. 66 k1 reads in the warning (domain/deadlines.py).
PERIODS = {
    DecisionCase.NORMAL: "07 ngày làm việc",
    DecisionCase.TRANSFERRED: "10 ngày làm việc (hồ sơ phải chuyển người có "
    "thẩm quyền)",
    DecisionCase.EXPLANATION: "01 tháng (vụ việc có giải trình hoặc xác minh "
    "tình tiết)",
    DecisionCase.EXTENDED: "02 tháng (đã gia hạn)",
}
OVERDUE_TITLE = "Đã quá thời hạn ra quyết định xử phạt"


def act_place(point: str, clause: int) -> str:
    """ "điểm a khoản 1", or "khoản 1" for a clause without points."""
    return f"điểm {point} khoản {clause}" if point else f"khoản {clause}"


def remedial_suggestion(session: Session, case_id: int) -> str:
    """The remedial measures the catalogue gives for the case's acts, one
    line per measure, each naming the acts it is for as the case recorded
    them: "Buộc khôi phục lại tình trạng ban đầu của đất (điểm a khoản 4
    Điều 10 Nghị định 123/2024/NĐ-CP) – đối với hành vi tại điểm a khoản 1
    Điều 10 Nghị định 123/2024/NĐ-CP." The catalogue cites the measure's
    clause of the same article in brackets ("(điểm a khoản 4)"); it is
    spelt out in full, point first (domain.text.cite_in_full), as the
    decision must cite it. Acts of one article with the same measure share
    a line; "" when no act has one.

    The measure comes from the act's catalogue entry: a case's acts keep
    their citation and frame (models/cases.CaseAct) but not the measure, and
    this is only a suggestion the officer checks (Law Art. 28; MQĐ02 note
    (12): the measures the violator must carry out, or why none applies)."""
    rows = session.exec(
        select(CaseAct, CatalogueEntry.remedial_measure)
        .join(CatalogueEntry, CatalogueEntry.id == CaseAct.catalogue_id)
        .where(CaseAct.case_id == case_id)
        .order_by(CaseAct.position, CaseAct.id)
    ).all()
    places: dict[tuple[str, str, int], list[str]] = {}
    for act, measure in rows:
        measure = " ".join((measure or "").split()).rstrip(" .;")
        if not measure:
            continue
        key = (measure, act.decree, act.article)
        place = act_place(act.point, act.clause)
        if place not in places.setdefault(key, []):
            places[key].append(place)
    lines: list[str] = []
    for (measure, decree, article), found in places.items():
        line = (
            f"{cite_in_full(measure, article, decree)} – đối với hành vi tại "
            f"{', '.join(found)} Điều {article} Nghị định {decree}."
        )
        if len("\n".join([*lines, line])) > REMEDIAL_MAX:
            break
        lines.append(line)
    return "\n".join(lines)


def decision_overdue(session: Session, case: Case, today: date) -> dict | None:
    """The red alert of a case still awaiting its decision after the last
    day Art. 66 k1 gives ({title, text}); None before, on that day, once
    decided, closed or transferred, and where another alert already says
    that no decision may be made (the sanctioning limitation run out, a
    violator under 14: services/procedure/overview.case_alerts).

    Past the deadline no sanction decision is made, but confiscation and
    remedial measures still are (domain.md §1.4, from secondary sources;
    MQĐ14 and MQĐ15 cite Law Art. 65 k2 for them). The decision form
    refuses a day after the deadline (services.cases._past_decision_deadline)
    and takes one on or before it, entered late, so the alert says to enter
    the day it was signed.
    TODO: the 2020 wording of Art. 65 k1 and Art. 66 k2 is not in
    ../shared/legal, so the text cites Articles 65 and 66 without a clause
    (as the «close_no_decision» step does)."""
    if case.decided_on or case.status in (CaseStatus.CLOSED, CaseStatus.TRANSFERRED):
        return None
    if sanction_refusal(violator_minor(session, case)):
        return None
    barred = limitation(session, case)
    if barred is not None and today > barred.end:
        return None
    rule = decision_due_rule(session, case)
    if rule is None or today <= rule.end:
        return None
    return {
        "title": OVERDUE_TITLE,
        "text": (
            f"Hạn cuối ra quyết định xử phạt là ngày {fmt_date(rule.end)} "
            f"({PERIODS[rule.kind]} tính từ ngày {fmt_date(rule.start)}, khoản "
            "1 Điều 66 Luật XLVPHC) mà hồ sơ chưa có quyết định. Quá thời hạn "
            "này thì không được ra quyết định xử phạt (Điều 65, 66 Luật "
            "XLVPHC), nhưng vẫn có thể quyết định tịch thu tang vật, phương "
            "tiện (mẫu MQĐ14) hoặc buộc thực hiện biện pháp khắc phục hậu quả "
            "(mẫu MQĐ15), trả lại tang vật, phương tiện đang tạm giữ, rồi bấm "
            "«Kết thúc: không ra quyết định xử phạt» ở mục Xử lý tiếp trên trang "
            "hồ sơ. Nếu quyết định đã được ký trong thời hạn mà chưa nhập vào "
            "hệ thống, khi nhập ghi đúng ngày ký."
        ),
    }


def decision_hints(actor: Actor, case_id: object) -> dict:
    """For the decision form: `remedial_suggestion` and the overdue alert
    (`decision_overdue`; empty title and text when there is none), for a
    user who may write the case."""
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_WRITE)
        overdue = decision_overdue(session, case, local_now().date())
        return {
            "remedial_suggestion": remedial_suggestion(session, case.id),
            "overdue": overdue or {"title": "", "text": ""},
        }
