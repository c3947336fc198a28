"""Reading cases: the paged list with search and filters, and one case whole."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import false, func
from sqlmodel import select

from xlvphc.domain.dates import fmt_date, fmt_datetime
from xlvphc.domain.fines import default_fine
from xlvphc.domain.minors import decision_warning, fine_refusal, minor_rule
from xlvphc.domain.money import format_number, format_vnd
from xlvphc.domain.text import clean, sort_key, tidy_joins
from xlvphc.models import (
    Case,
    CaseAct,
    CaseEvent,
    Decision,
    Unit,
    User,
    ViolationRecord,
    Violator,
)
from xlvphc.models.base import VN_TZ, local_now, to_local
from xlvphc.models.cases import ActOrigin, CaseStatus, ViolatorKind
from xlvphc.models.summary import PROVINCE, CaseSummary
from xlvphc.services import (
    audit,
    case_links,
    case_summary,
    enforcement,
    list_filters,
    search_index,
    typed_acts,
)
from xlvphc.services.access import Action, Actor, require, visible_units
from xlvphc.services.case_input import frame_for
from xlvphc.services.cases import checked_case, shown_signer_title
from xlvphc.services.catalogue import frame_text
from xlvphc.services.db import session_scope
from xlvphc.services.errors import NotFound
from xlvphc.services.importer import shown
from xlvphc.services.inputs import valid_id
from xlvphc.services.reports import scope as scopes
from xlvphc.services.units import choice_key

PAGE_SIZE = 20
MAX_QUERY = 200

# Sortable columns: the key in the address bar -> what it sorts by.
SORTS = {
    "record_number": Case.record_number,
    "violator_name": Case.violator_name,
    "violation_date": Case.violation_date,
    "unit_name": Unit.name,
    "status": Case.status,
    "decision_number": Case.decision_number,
    "decided_on": Case.decided_on,
    "fine_total": Case.fine_total,
    "created": Case.id,
}
DEFAULT_SORT = "created"


def _day_bounds(day: date, end: bool) -> datetime:
    """A local calendar day's start (or next day's start) as an aware time:
    record times are stored in UTC, officers filter by Vietnam dates."""
    value = datetime.combine(day + timedelta(days=1) if end else day, time(),
                             tzinfo=VN_TZ)
    return value


def case_conditions(actor: Actor, filters: object, action: str = Action.CASE_READ,
                    today: date | None = None, search: bool = True) -> list:
    """The WHERE conditions of a case search for this actor: scope first (the
    other units' cases never match, whatever the filter says), never deleted
    cases, then each filter that is well-formed. A malformed value is dropped;
    a unit outside the scope matches nothing rather than widening the result.
    Shared by the list, the export and the benchmark. With search=False the
    words of the search box are left out (the list plans them itself:
    search_index.plan)."""
    units = visible_units(actor, action)
    f = filters if isinstance(filters, dict) else {}
    conds: list = [Case.deleted_at.is_(None)]
    if units is not None:
        conds.append(Case.unit_id.in_(units))

    # The one search box: every word must start one of the case's tokens.
    q = clean(f.get("q"))[:MAX_QUERY]
    words = search_index.query_words(q)
    if q and not words:
        conds.append(false())
    for word in words if search else []:
        conds.append(Case.id.in_(search_index.matching_cases(word)))

    unit = valid_id(_int(f.get("unit")))
    if unit is not None:
        conds.append(Case.unit_id == unit if units is None or unit in units
                     else false())
    field = clean(f.get("field"))[:120]
    if field:
        conds.append(Case.field == field)
    status = clean(f.get("status"))
    if status in CaseStatus.LABELS:
        conds.append(Case.status == status)
    # The group of units and the enforcement status of the dashboard's bars
    # (services/enforcement.py: the list counts exactly what a bar counts).
    group = scopes.group_condition(clean(f.get("group")))
    if group is not None:
        conds.append(Case.unit_id.in_(select(Unit.id).where(group)))
    wanted = {clean(f.get("enforcement"))} & set(enforcement.CODES)
    if clean(f.get("overdue")) in {"1", "true", "on"}:
        wanted.add(enforcement.OVERDUE)
    if wanted:
        statuses = enforcement.conditions(today or local_now().date())
        conds += [statuses[code] for code in sorted(wanted)]

    # Dates: of the violation, of the record, of the decision.
    for prefix, column in (("v", Case.violation_date), ("d", Case.decided_on)):
        low, high = list_filters.date_range(f, prefix)
        if low:
            conds.append(column >= low)
        if high:
            conds.append(column <= high)
    low, high = list_filters.date_range(f, "r")
    if low or high:
        # A record of unknown date (imported, NULL) matches no range.
        made = select(ViolationRecord.case_id)
        if low:
            made = made.where(ViolationRecord.made_at >= _day_bounds(low, False))
        if high:
            made = made.where(ViolationRecord.made_at < _day_bounds(high, True))
        conds.append(Case.id.in_(made))

    amount_min, amount_max = list_filters.amount_range(f)
    if amount_min is not None:
        conds.append(Case.fine_total >= amount_min)
    if amount_max is not None:
        conds.append(Case.fine_total <= amount_max)

    decree = clean(f.get("decree"))[:60]
    article = _int(f.get("article"))
    if decree or (article and 0 < article < 1000):
        acts = select(CaseAct.case_id)
        if decree:
            acts = acts.where(CaseAct.decree.like(_escape(decree) + "%", escape="\\"))
        if article and 0 < article < 1000:
            acts = acts.where(CaseAct.article == article)
        conds.append(Case.id.in_(acts))
    return conds


def _int(raw: object) -> int | None:
    text = clean(raw)
    return int(text) if text.isdigit() and len(text) < 10 else None


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def ordered(stmt, filters: object):
    """Sort by the chosen column (allow-listed), newest first by default; the
    id breaks ties so paging is stable."""
    key, descending = _sort_of(filters)
    column = SORTS[key]
    first = column.desc() if descending else column.asc()
    return stmt.order_by(first, Case.id.desc())


def _sort_of(filters: object) -> tuple[str, bool]:
    """The allow-listed sort key and whether it runs descending."""
    f = filters if isinstance(filters, dict) else {}
    key = clean(f.get("sort"))
    if key not in SORTS:
        return DEFAULT_SORT, True
    return key, clean(f.get("dir")) != "asc"


# What a list row shows: selected as columns, not as Case objects, so that a
# page does not load and convert every column of 20 cases (descriptions,
# search text, a dozen dates) to show eleven of them.
LIST_COLUMNS = (
    Case.id, Case.record_number, Case.decision_number, Case.violator_name,
    Case.field, Case.status, Case.violation_date, Case.decided_on,
    Case.fine_total, Case.imported, Case.without_record,
)


def list_row(case, unit_name: str) -> dict:
    """A case (or a row of LIST_COLUMNS) as the list shows it."""
    return {
        "id": case.id,
        # The row's one link, on the record number, else on the decision's
        # (case_links: MQĐ01 and imported rows have no record number).
        **case_links.link_fields(case.record_number, case.decision_number,
                                 case.without_record, case.imported),
        "decision_number": case.decision_number or "—",
        "violator_name": case.violator_name,
        "unit_name": unit_name,
        "field": case.field,
        "status": CaseStatus.LABELS.get(case.status, case.status),
        "status_code": case.status,
        "violation_date": fmt_date(case.violation_date),
        "decided_on": fmt_date(case.decided_on),
        "fine_total": format_vnd(case.fine_total) if case.decision_number else "—",
        "imported": case.imported,
    }


COUNT_CAP = 1000


def list_cases(actor: Actor, filters: object = None, page: object = 1) -> dict:
    """One page of the cases the actor may see. Unknown filter keys are ignored;
    bad values are dropped rather than widening the result."""
    conds = case_conditions(actor, filters, search=False)
    words = _search_words(filters)
    page_no = page if isinstance(page, int) and 1 <= page <= 1_000_000 else 1
    offset = (page_no - 1) * PAGE_SIZE
    stmt = (
        select(*LIST_COLUMNS, Unit.name)
        .join(Unit, Unit.id == Case.unit_id)
        .where(*conds)
    )
    with session_scope() as session:
        if words:
            total, page_stmt = _searched(session, actor, filters, words, conds,
                                         stmt, offset)
        else:
            # Counting every match of a province-wide list costs more than the
            # page itself (bench/RESULTS.md): count up to a cap and say "more".
            counted = select(Case.id).where(*conds).limit(COUNT_CAP + 1).subquery()
            total = session.exec(select(func.count()).select_from(counted)).one()
            page_stmt = ordered(stmt, filters).offset(offset).limit(PAGE_SIZE)
        rows = session.exec(page_stmt).all()
    more = total > COUNT_CAP
    total = min(total, COUNT_CAP)
    return {
        "rows": [list_row(row, row[-1]) for row in rows],
        "total": total,
        "more": more,
        "page": page_no,
        "pages": max(page_no, -(-total // PAGE_SIZE)) + (1 if more else 0),
        # Filters left out because they could not be read (field -> message).
        "problems": list_filters.problems(filters),
    }


def _search_words(filters: object) -> list[str]:
    f = filters if isinstance(filters, dict) else {}
    return search_index.query_words(clean(f.get("q"))[:MAX_QUERY])


def _walk_units(actor: Actor, filters: object, conds: list,
                action: str = Action.CASE_READ
                ) -> tuple[frozenset[int] | None, list | None]:
    """The units whose words a search walks (the unit filter when it lies in
    the scope, else the scope; None: every unit), and the conditions each
    candidate's case row must pass: None when there is no other filter, as
    the walked words are then those of the units' cases in use (the page
    query checks its rows against every condition anyway)."""
    units = visible_units(actor, action)
    f = filters if isinstance(filters, dict) else {}
    unit = valid_id(_int(f.get("unit")))
    # What case_conditions gives for the scope and the unit filter alone:
    # not in use, within the scope, of that unit. Any more is another filter.
    scope_only = 1 + (units is not None) + (unit is not None)
    if unit is not None and (units is None or unit in units):
        units = frozenset({unit})
    elif unit is not None:
        return frozenset(), conds  # out of scope: walk nothing, match nothing
    return units, (None if len(conds) == scope_only else conds)


def result_statement(session, actor: Actor, filters: object, stmt,
                     action: str = Action.CASE_READ):
    """`stmt` (a select over Case, joined to Unit) narrowed to the list's
    result and sorted as the list sorts it, as one statement that the caller
    may stream (the Excel export): the same conditions and scope as
    `list_cases`, and the words of the search box found by the same planned
    walk (search_index.plan), not by one IN per word."""
    conds = case_conditions(actor, filters, action, search=False)
    stmt = stmt.where(*conds)
    words = _search_words(filters)
    if words:
        units, _ = _walk_units(actor, filters, conds, action)
        plan = search_index.plan(session, words, units)
        stmt = stmt.where(Case.id.in_(search_index.matching_subquery(plan)))
    return ordered(stmt, filters)


def _searched(session, actor: Actor, filters: object, words: list[str],
              conds: list, stmt, offset: int) -> tuple[int, object]:
    """The capped total and the page query of a search, driven by its rarest
    word (search_index.plan). Up to COUNT_CAP matches are all found first and
    any sort pages through them; past that, newest/oldest first walks the
    driver in case-id order; a province-wide search sorted otherwise reads
    the cases in that column's order and stops at the page (`_in_order`);
    failing both, the whole driver range is read and its matches sorted
    (slower: the cost of that word's postings)."""
    units, checks = _walk_units(actor, filters, conds)
    plan = search_index.plan(session, words, units)
    if plan.units is None and units is not None:
        checks = conds  # a wide scope walks every unit's words: check each case
    found = search_index.matching_ids(session, plan, checks, COUNT_CAP + 1)
    page_stmt = ordered(stmt, filters)
    key, descending = _sort_of(filters)
    if len(found) <= COUNT_CAP and key == "created":
        ids = sorted(found, reverse=descending)[offset:offset + PAGE_SIZE]
        return len(found), page_stmt.where(Case.id.in_(ids))
    if len(found) <= COUNT_CAP:
        page_stmt = page_stmt.where(Case.id.in_(found))
        return len(found), page_stmt.offset(offset).limit(PAGE_SIZE)
    if key == "created":
        ids = search_index.newest_ids(session, plan, checks, descending, offset,
                                      PAGE_SIZE)
        if ids is not None:
            return len(found), page_stmt.where(Case.id.in_(ids))
    if plan.units is None and key not in NULLABLE_SORTS:
        ids = _in_order(session, plan, conds, key, descending, offset, found)
        if ids is not None:
            return len(found), page_stmt.where(Case.id.in_(ids))
    ids = search_index.sorted_ids(session, plan, checks, _sort_value(key),
                                  descending, offset, PAGE_SIZE)
    return len(found), page_stmt.where(Case.id.in_(ids))


# Sort columns that may be empty (NULL): search_index.in_order_ids bounds its
# walk by a value, which NULLs, first on one database and last on the other,
# do not respect; such a sort reads the driver's postings.
# TODO: the dates could walk too, with the NULL group handled per database;
# issue 6 asked for the other columns (amount, name, status...).
NULLABLE_SORTS = {"violation_date", "decided_on"}


def _in_order(session, plan, conds: list, key: str, descending: bool,
              offset: int, found: list[int]) -> list[int] | None:
    """A page of a province-wide search with many matches, read in the
    sort column's order (search_index.in_order_ids): when the words are
    common, the first cases in that order hold the page. The walk may read
    a quarter as many cases as the driver has postings (a case read costs
    about twice a posting: its row and every word); None when the page
    lies further (the words cluster in that order, as a name searched and
    sorted by name does)."""
    postings = search_index.driver_postings(session, plan)
    budget = min(postings // 4, search_index.SORT_WALK_MAX)
    frame = select(Case.id)
    if key == "unit_name":
        frame = frame.join(Unit, Unit.id == Case.unit_id)
    return search_index.in_order_ids(session, plan, frame, conds, SORTS[key],
                                     descending, offset, PAGE_SIZE, found, budget,
                                     postings)


def _sort_value(key: str):
    """For search_index.sorted_ids: a case's value of the sort column, read
    by its id (or its unit's name by the unit id)."""
    column = SORTS[key]

    def value_of(case_id, unit_id):
        if key == "unit_name":
            return select(Unit.name).where(Unit.id == unit_id).scalar_subquery()
        return select(column).where(Case.id == case_id).scalar_subquery()

    return value_of


def filter_choices(actor: Actor) -> dict:
    """The units and fields the filter lists offer: only units in scope.

    The fields are those of the live (not binned) cases in scope, read from
    the year rows of the case summary (models/summary.py: kept by triggers,
    live cases only, a row per unit, year and field) rather than from the
    cases: this runs on every opening of the list, and a unit's cases are
    tens of thousands of rows at province scale, its year rows a few dozen.
    A row whose cases were all binned or moved stays with `cases` 0."""
    units = visible_units(actor, Action.CASE_READ)
    with session_scope() as session:
        case_summary.ensure(session.connection())
        stmt = select(Unit.id, Unit.name, Unit.kind)
        if units is not None:
            stmt = stmt.where(Unit.id.in_(units))
        # In the order a Vietnamese reader looks for a name (units.choice_key).
        unit_rows = sorted(session.exec(stmt).all(),
                           key=lambda u: choice_key(u[2], u[1]))
        fstmt = (
            select(CaseSummary.field)
            .where(
                CaseSummary.period.between(case_summary.NO_YEAR, 9999),
                CaseSummary.cases > 0,
            )
            .distinct()
        )
        if units is None:
            fstmt = fstmt.where(CaseSummary.unit_id == PROVINCE)
        else:
            fstmt = fstmt.where(CaseSummary.unit_id.in_(units))
        fields = sorted(session.exec(fstmt).all(), key=sort_key)
    return {
        "units": [{"id": str(i), "name": n} for i, n, _kind in unit_rows],
        "fields": [{"id": f, "name": f} for f in fields if f],
    }


def open_list(actor: Actor, filters: object = None, page: object = 1) -> dict:
    """What opening the case list needs, in one call: the filter choices and
    the page. The list page is the most opened page; one trip to a worker
    thread and one session check instead of two keep its latency down under
    load (bench/RESULTS.md)."""
    return {
        "choices": filter_choices(actor),
        "page": list_cases(actor, filters, page),
    }


def _violator_rows(v: Violator, imported: bool = False) -> list[dict]:
    """The violator's lines on the case page. An imported register has no
    nationality column, so an imported case's "Việt Nam" is the model's
    default, not something anyone recorded: it shows as unknown, as on the
    printed forms (services/printing.py)."""
    if v.kind == ViolatorKind.ORGANISATION:
        pairs = [
            ("Tên tổ chức", v.name), ("Địa chỉ trụ sở chính", v.address),
            ("Mã số doanh nghiệp", v.tax_code),
            ("Số GCN đăng ký/giấy phép", v.registration_number),
            ("Ngày cấp", fmt_date(v.registration_issued_on)),
            ("Nơi cấp", v.registration_issued_by),
            ("Người đại diện theo pháp luật", v.representative_name),
            ("Giới tính", v.representative_gender),
            ("Chức danh", v.representative_title),
        ]
    else:
        pairs = [
            ("Họ và tên", v.name), ("Giới tính", v.gender),
            ("Ngày sinh", fmt_date(v.birth_date)),
            ("Quốc tịch", "" if imported else v.nationality),
            ("Nghề nghiệp", v.occupation), ("Nơi ở hiện tại", v.address),
            ("Số định danh cá nhân/CMND/hộ chiếu", v.id_number),
            ("Ngày cấp", fmt_date(v.id_issued_on)), ("Nơi cấp", v.id_issued_by),
        ]
    return [{"label": k, "value": val or "—"} for k, val in pairs]


def case_to_decide(actor: Actor, case_id: object) -> dict:
    """The case for the decision form: only for a user who may write cases
    (a supervisor reads them but may not decide), so nothing is loaded into
    a form nobody may submit. issue_decision checks the same on submit."""
    require(actor, Action.CASE_WRITE)
    return get_case(actor, case_id)


def _origin_mark(act: CaseAct) -> dict:
    """How the case page marks an act by where it came from (CaseAct.origin):
    a catalogue act not at all; an act an officer typed «ngoài danh mục»,
    in amber, since the officer answers for its citation and frame; an act
    an imported register wrote without catalogue row, quietly, since no
    one typed it here. Each mark comes with the line saying why."""
    if act.catalogue_id is not None:
        return {"origin": ActOrigin.CATALOGUE, "outside": "", "outside_hint": ""}
    if act.origin == ActOrigin.IMPORT:
        return {
            "origin": ActOrigin.IMPORT,
            "outside": typed_acts.IMPORT_MARK,
            "outside_hint": typed_acts.IMPORTED_HINT,
        }
    return {
        "origin": ActOrigin.TYPED,
        "outside": typed_acts.MARK,
        "outside_hint": typed_acts.TYPED_HINT,
    }


def _legal_day(kind: str, record, decision) -> str:
    """The day a record or decision bears, beside its timeline line: the
    line's time is when it was entered, and a back-entered case read as if
    everything happened the day it was typed (user trial)."""
    if kind == "record" and record is not None and record.made_on():
        return f" (lập ngày {fmt_date(record.made_on())})"
    if kind == "decision" and decision is not None and decision.decided_on:
        return f" (ngày quyết định {fmt_date(decision.decided_on)})"
    return ""


def get_case(actor: Actor, case_id: object) -> dict:
    """Everything the case page shows. The read itself is audited (security.md:
    reads of case details are logged)."""
    if valid_id(case_id) is None:
        raise NotFound()
    with session_scope() as session:
        # The case, its unit's name, record and decision (one of each at
        # most) in one statement: this is the most opened page after the
        # list, and each statement costs more in the ORM than in the database.
        found = session.exec(
            select(Case, Unit.name, Unit.kind, ViolationRecord, Decision)
            .outerjoin(Unit, Unit.id == Case.unit_id)
            .outerjoin(ViolationRecord, ViolationRecord.case_id == Case.id)
            .outerjoin(Decision, Decision.case_id == Case.id)
            .where(Case.id == case_id)
        ).first()
        case, unit_name, unit_kind, record, decision = found or (None,) * 5
        case = checked_case(
            actor, case, case_id, Action.CASE_READ, session=session
        )
        violator = session.exec(select(Violator).where(
            Violator.case_id == case.id)).first()
        acts = session.exec(select(CaseAct).where(CaseAct.case_id == case.id)
                            .order_by(CaseAct.position)).all()
        events = session.exec(
            select(CaseEvent, User.full_name)
            .join(User, User.id == CaseEvent.actor_id, isouter=True)
            .where(CaseEvent.case_id == case.id).order_by(CaseEvent.at)
        ).all()
        audit.record(session, actor, "case.read", entity="case", entity_id=case.id)
        is_org = case.violator_kind == ViolatorKind.ORGANISATION
        # A minor's frame is halved or replaced by a warning (Law Art. 134).
        minor = (
            None
            if is_org or violator is None
            else minor_rule(violator.birth_date, case.violation_date)
        )
        act_rows = []
        for act in acts:
            low, high = frame_for(act, is_org)
            if low is not None and minor is not None:
                # 14 to under 16: a warning only, the fine left empty.
                low, high = (
                    (None, None) if fine_refusal(minor) else minor.frame(low, high)
                )
            act_rows.append({
                "id": act.id,
                # An act imported without a citation (article 0) has none; an
                # act a register wrote without catalogue row has no frame, and
                # none is made up (importer.shown).
                "citation": (f"Điểm {act.point} khoản {act.clause}" if act.point
                             else f"Khoản {act.clause}")
                # In a ward, the clause that doubled the frame (ward_place).
                + (f" và khoản {act.ward_clause}" if act.ward_clause else "")
                + f" Điều {act.article} Nghị định {act.decree}"
                if act.article else shown.NO_CITATION,
                "act": act.act,
                "frame": "" if act.origin == ActOrigin.IMPORT
                else frame_text(low, high),
                "default_fine": "" if low is None
                else format_number(default_fine(low, high)),
                # The frame as numbers: the decision form re-suggests the fine
                # when the circumstances change (DecisionFormState.recount).
                "low": low or 0,
                "high": high or 0,
                "advice": "",
                "fine": (shown.FINE_IN_TOTAL if case.imported else "—")
                if act.fine is None
                else "Cảnh cáo" if act.fine == 0 else format_vnd(act.fine),
                # An act without catalogue row, marked with why: «ngoài danh
                # mục» when an officer typed it, a quieter mark when an
                # imported register wrote it (not "typed": the decision
                # form's flag of a typed fine).
                **_origin_mark(act),
            })
        none = "" if case.imported else "—"
        return {
            "id": case.id,
            "version": case.version,
            "unit_name": unit_name or "",
            "field": case.field,
            "status": CaseStatus.LABELS.get(case.status, case.status),
            "status_code": case.status,
            "violator_kind": ViolatorKind.LABELS.get(case.violator_kind, ""),
            "violator_name": case.violator_name,
            "violator": _violator_rows(violator, case.imported) if violator else [],
            "violation_at": shown.moment_text(case.imported,
                                              to_local(case.violation_at)),
            "violation_place": case.violation_place,
            "description": case.description,
            "acts": act_rows,
            # Shown in red on the decision form (domain/minors.py).
            "minor_warning": decision_warning(minor),
            # Decided on the spot without a record (Law Art. 56, MQĐ01): the
            # page shows that instead of an empty record.
            "without_record": case.without_record,
            "record_number": case.record_number,
            # Never "" for a record (the page reads "" as no record): an
            # imported record without its date says so.
            "record_made_at": (
                shown.moment_text(case.imported, to_local(record.made_at))
                if record.made_at else shown.NO_RECORD_DATE
            ) if record else "",
            "record_date": record.made_on().isoformat()
            if record and record.made_at else "",
            # The case page then offers to fill it in from the paper record
            # (case_edit.fill_record_date).
            "record_date_unknown": bool(record and record.made_at is None),
            "record_place": record.place if record else "",
            "office_reason": record.office_reason if record else "",
            # What is known only: a register gives no maker (the page then
            # leaves the line out, never " – ").
            "maker": shown.known(record.maker_name, record.maker_title)
            if record else "",
            "witness": record.witness if record else "",
            "violator_statement": record.violator_statement if record else "",
            "decision_number": decision.number if decision else "",
            "decided_on": fmt_date(decision.decided_on) if decision else "",
            # The title the printed decision carries (with the unit's place).
            "signer": shown.known(
                decision.signer_name,
                shown_signer_title(decision, unit_name or "", unit_kind or ""),
            ) if decision else "",
            "fine_total": format_vnd(decision.fine_total) if decision else "",
            # "—" as the violator's empty fields: a blank reads as missing.
            # A register does not say (importer.shown): "", line left out.
            "additional_sanctions": (decision.additional_sanctions or none)
            if decision else "",
            "remedial_measures": (decision.remedial_measures or none)
            if decision else "",
            "payment": shown.payment_text(decision.payment_days,
                                          decision.treasury, case.imported)
            if decision else "",
            "timeline": [
                {
                    "at": fmt_datetime(to_local(event.at)),
                    # Rows written before steps tidied their joins too.
                    "summary": tidy_joins(event.summary)
                    + _legal_day(event.kind, record, decision),
                    "actor": name or "",
                }
                for event, name in events
            ],
        }

