"""Writing a batch of checked rows: one INSERT per table per batch.

An import is thousands of cases, each with seven rows and its search words.
Built as ORM objects and flushed, a case costs ~15 ms (pydantic validation of
each object, one statement per case for its words); written here as plain
rows it costs well under 1 ms. So this module inserts with SQLAlchemy Core:
the cases first, returning their ids in the order given, then every child
table and the search words of the whole batch at once (COPY on PostgreSQL).

What the ORM would otherwise do for us is done here explicitly:
- column defaults: every row starts from the model's defaults (`_Table`), so
  a column added to a model later is filled as it would be by the ORM;
- search words: the same tokens as `search_index.write_tokens` (the flush
  listener does not see Core statements); tests/services/test_import_batches.py
  checks them against `search_index.rebuild`;
- audit: one `case.imported` event per case, in the form `services.audit`
  writes.
Database triggers (the dashboard summary) fire for Core statements as for
any other.
"""

import json
from datetime import datetime, time
from types import SimpleNamespace

from sqlalchemy import insert
from sqlalchemy.orm import Session

from xlvphc.domain.deadlines import execution_limitation_end
from xlvphc.models import (
    AuditEvent,
    Case,
    CaseAct,
    CaseEvent,
    CaseToken,
    Decision,
    ViolationRecord,
    Violator,
)
from xlvphc.models.base import VN_TZ
from xlvphc.models.cases import ActOrigin, CaseStatus, CloseReason, ViolatorKind
from xlvphc.services import search_index
from xlvphc.services.access import Actor
from xlvphc.services.cases import search_text
from xlvphc.services.importer.against_catalogue import act_fines
from xlvphc.services.importer.reader import Row, cite_text
from xlvphc.services.issuer import agency_columns, decision_columns


class _Table:
    """A model's table and the row a bare constructor would give: scalar
    defaults filled in, nullable columns None. Columns whose default is a
    function (created_at…) are left out so the database layer computes them
    per row, as the ORM does."""

    def __init__(self, model) -> None:
        self.table = model.__table__
        self.base: dict = {}
        for column in self.table.columns:
            if column.primary_key:
                continue
            default = column.default
            if default is None:
                self.base[column.name] = None
            elif default.is_scalar:
                self.base[column.name] = default.arg

    def row(self, **values) -> dict:
        unknown = set(values) - set(self.table.columns.keys())
        if unknown:
            raise KeyError(f"{self.table.name} has no column {sorted(unknown)}")
        return {**self.base, **values}


_CASE = _Table(Case)
_VIOLATOR = _Table(Violator)
_ACT = _Table(CaseAct)
_RECORD = _Table(ViolationRecord)
_DECISION = _Table(Decision)
_EVENT = _Table(CaseEvent)
_AUDIT = _Table(AuditEvent)


def _json(value: dict) -> str:
    """The audit's before/after text, in the form services.audit writes."""
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def _case_rows(actor: Actor, row: Row, key: str) -> tuple[dict, dict]:
    """The case and violator rows of one register row (the violator's case
    id is filled once the case has one)."""
    v = row.values
    fine, paid = v["fine"], v["paid"]
    done = fine > 0 and paid >= fine
    case = _CASE.row(
        unit_id=actor.unit_id, field=v["field"],
        status=CaseStatus.CLOSED if done else CaseStatus.DECIDED,
        close_reason=CloseReason.EXECUTED if done else "",
        violation_at=datetime.combine(v["violation_date"], time(), tzinfo=VN_TZ),
        violation_date=v["violation_date"],
        violation_place=v["violation_place"], description=v["act"],
        violator_kind=v["kind"], violator_name=v["name"],
        record_number=v["record_number"], decision_number=v["decision_number"],
        decided_on=v["decided_on"], fine_total=fine, paid_total=paid,
        # "Việc cần làm" (services.procedure.deadlines): an open decision's
        # execution limitation, Law Art. 74.
        execution_end=None if done else execution_limitation_end(v["decided_on"]),
        # Neither a compliance deadline (so never "Quá hạn chấp hành",
        # services/enforcement.py) nor remedial measures: the register has
        # no column for them, so remedial_pending keeps its default, False.
        # On the spot (Law Art. 56, MQĐ01) only when the register says so; a
        # row without a record number is a record whose number was not kept.
        without_record=v["without_record"], imported=True,
        created_by=actor.user_id, request_key=key,
    )
    is_org = v["kind"] == ViolatorKind.ORGANISATION
    violator = _VIOLATOR.row(
        kind=v["kind"], name=v["name"], address=v["address"],
        id_number="" if is_org else v["identity"],
        tax_code=v["identity"] if is_org else "",
    )
    case["search_text"] = search_text(
        SimpleNamespace(**case), SimpleNamespace(**violator))
    return case, violator


def _children(actor: Actor, case_id: int, row: Row) -> dict:
    """The act, record, decision and timeline rows of one case, by table."""
    v = row.values
    out: dict = {
        _ACT: _act_rows(case_id, v),
        _DECISION: [_DECISION.row(
            case_id=case_id, number=v["decision_number"],
            decided_on=v["decided_on"], signer_name=v["signer"], signer_title="",
            fine_total=v["fine"], created_by=actor.user_id)],
        _EVENT: [_EVENT.row(
            case_id=case_id, kind="import", actor_id=actor.user_id,
            summary=f"Nhập từ sổ theo dõi Excel (dòng {row.number})"
            + (f". Ghi chú: {v['note']}" if v["note"] else ""))],
        _RECORD: [],
    }
    if v["record_number"]:
        # A number without a date keeps the date unknown (None): the
        # violation's day in its place would be shown and printed as the
        # record's, a day the register never gave. A day given is stored at
        # 00:00, "hour not given" (importer/shown.py).
        made = v["record_date"]
        out[_RECORD].append(_RECORD.row(
            case_id=case_id, number=v["record_number"], place="", maker_name="",
            made_at=datetime.combine(made, time(), tzinfo=VN_TZ) if made else None,
            created_by=actor.user_id))
    return out


def _act_rows(case_id: int, v: dict) -> list[dict]:
    """The case's acts: one per act cited, as the case form stores them
    (citation, and when the catalogue holds it its entry and frame), with
    the fine `act_fines` tells from the register's total. A row without a
    citation gives one act of the register's text (article 0: "no
    citation", see case_queries). An act the catalogue does not hold is
    the register's (ActOrigin.IMPORT), never marked as typed by an officer."""
    cites = v["acts"] or []
    if not cites:
        return [_ACT.row(case_id=case_id, decree="", act=v["act"], article=0,
                         clause=0, point="", fine=v["fine"],
                         origin=ActOrigin.IMPORT)]
    entries = v.get("entries") or [None] * len(cites)
    fines = act_fines(v["fine"], entries)
    rows = []
    for position, (cite, entry, fine) in enumerate(
            zip(cites, entries, fines, strict=True)):
        entry = entry or {}
        rows.append(_ACT.row(
            case_id=case_id, decree=cite["decree"], act=_wording(v, cite, entry),
            article=cite["article"], clause=cite["clause"], point=cite["point"],
            catalogue_id=entry.get("id"), frame_min=entry.get("fine_min"),
            frame_max=entry.get("fine_max"), fine=fine, position=position,
            origin=ActOrigin.CATALOGUE if entry.get("id") else ActOrigin.IMPORT))
    return rows


def _wording(v: dict, cite: dict, entry: dict) -> str:
    """One act's text. A single act keeps the register's words. Of several,
    the register wrote one text for all (kept as the case's description):
    each act takes the catalogue's wording, as the case form stores it, or,
    outside the catalogue, its citation; the register's text on each would
    print the same act several times on MQĐ02."""
    if len(v["acts"]) == 1:
        return v["act"]
    if entry.get("act"):
        return entry["act"]
    return f"Hành vi vi phạm hành chính quy định tại {cite_text(cite)}"[:1000]


def write_batch(session: Session, actor: Actor, rows: list[Row],
                keys: list[str]) -> list[int]:
    """Insert the cases of `rows` (request keys `keys`, same order) with all
    they hold, in the session's transaction; returns the new case ids.

    A request key already taken raises IntegrityError before anything of
    the batch is kept (the caller's transaction rolls back)."""
    connection = session.connection()
    made = [_case_rows(actor, row, key) for row, key in zip(rows, keys, strict=True)]
    ids = list(connection.execute(
        insert(_CASE.table).returning(_CASE.table.c.id, sort_by_parameter_order=True),
        [case for case, _ in made],
    ).scalars())

    by_table: dict = {_VIOLATOR: [], _ACT: [], _RECORD: [], _DECISION: [],
                      _EVENT: [], _AUDIT: []}
    tokens: list[dict] = []
    for case_id, (case, violator), row in zip(ids, made, rows, strict=True):
        by_table[_VIOLATOR].append({**violator, "case_id": case_id})
        for table, children in _children(actor, case_id, row).items():
            by_table[table].extend(children)
        by_table[_AUDIT].append(_AUDIT.row(
            actor_id=actor.user_id, unit_id=actor.unit_id, action="case.imported",
            entity="case", entity_id=case_id, before="", reason="", ip="",
            after=_json({"decision_number": case["decision_number"],
                         "fine_total": case["fine_total"],
                         "status": case["status"]})))
        words = sorted(search_index.words_of(case["search_text"]))
        tokens += [{"case_id": case_id, "token": word, "unit_id": case["unit_id"]}
                   for word in words[:search_index.MAX_TOKENS]]

    # The papers the register lists name the importing unit as it is now,
    # the best known of the unit that signed them (services/issuer.py); a
    # decision its own name too, as one issued in the app.
    agency = agency_columns(session, actor.unit_id)
    for paper in by_table[_RECORD]:
        paper.update(agency)
    decided = decision_columns(session, actor.unit_id)
    for paper in by_table[_DECISION]:
        paper.update(decided)
    for table, payload in by_table.items():
        if payload:
            connection.execute(insert(table.table), payload)
    if tokens:
        insert_many(connection, CaseToken.__table__, tokens)
    return ids


def insert_many(connection, table, rows: list[dict]) -> None:
    """Plain rows (integers and text, no defaults to compute: the search
    words, ~35 per case) straight to the driver: COPY on PostgreSQL, one
    executemany on SQLite; SQLAlchemy's per-row parameter handling would cost
    more than the database's own work here."""
    columns = list(rows[0])
    names = ", ".join(f'"{table.c[c].name}"' for c in columns)
    values = [tuple(row[c] for c in columns) for row in rows]
    dialect = connection.dialect
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        cursor = connection.connection.driver_connection.cursor()
        with cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
            for value in values:
                copy.write_row(value)
    elif dialect.name == "sqlite":
        marks = ", ".join("?" for _ in columns)
        connection.exec_driver_sql(
            f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', values)
    else:
        connection.execute(insert(table), rows)
