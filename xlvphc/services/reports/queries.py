"""The figures of the annual sanction report (Decree 118/2021 Art. 35 k2),
computed from case data for a chosen period and scope.

The official tables of Circular 01/2023/TT-BTP (as amended by 19/2025/TT-BTP)
were not available to us. The report is therefore laid out so that each
column is one item of the content list in Art. 35 k2, in the order the
Decree lists them, and each row is one reporting unit; see README.md
("Báo cáo thống kê"). When the official forms arrive, a column maps to one
cell of theirs.

Dates: a case is "detected" in the period by its violation date; decisions,
sanctions and amounts by the decision date; execution results are the state
now of the decisions issued in the period; transfers for prosecution by the
closing date; minors reminded (Art. 35 k2 d) by the day of the reminder.

Vertical agencies (the police and the other centrally managed agencies) are
reported in their own block and are not added into the provincial total
(Decree 118/2021 Art. 39 k2).
"""

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, case, exists, func, or_
from sqlmodel import select

from xlvphc.domain.text import fold
from xlvphc.models import Case, Decision, ProcedureStep, Unit
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus, CloseReason, ViolatorKind
from xlvphc.models.units import UnitKind
from xlvphc.services import enforcement
from xlvphc.services.access import Action, Actor
from xlvphc.services.db import session_scope
from xlvphc.services.reports import scope as scopes

log = logging.getLogger(__name__)

# Step codes of services/procedure/transitions.py TABLE that the report counts
# (postponement and coercion: services/enforcement.py STAGE_STEPS).
TRANSFER_CRIMINAL, RECEIVED_BACK = "transfer_criminal", "received_back"  # Art. 62, 63

NO_SOURCE = "Chưa có dữ liệu"


@dataclass(frozen=True)
class Column:
    """One indicator. `expr` is a SQL sum over the cases of a unit; None means
    the app records no data for it yet (shown as a note, never as 0)."""

    code: str
    label: str
    basis: str  # Đ35 k2 item it reports
    expr: object | None
    money: bool = False
    todo: str = ""


@dataclass(frozen=True)
class Table:
    code: str
    title: str
    columns: list[Column]


@dataclass
class Row:
    unit_id: int | None
    name: str
    values: dict[str, int] = field(default_factory=dict)
    kind: str = "unit"  # unit | subtotal


@dataclass
class Report:
    """A computed report: the tables share rows (units) and blocks."""

    title: str
    period: str
    scope_label: str
    made_at: datetime
    tables: list[Table]
    provincial: list[Row]
    provincial_total: Row
    vertical: list[Row]
    vertical_total: Row
    notes: list[str]
    # Says that the unit sent was not in the group sent, and was dropped
    # (scopes.paired); also the first of `notes`, so the file says it.
    unit_note: str = ""


def _sum(condition, value=None):
    return func.coalesce(
        func.sum(case((condition, 1 if value is None else value), else_=0)), 0
    )


def _step(code: str, scope: scopes.Scope | None = None):
    """The case has a procedure step of this kind (dated in the period when a
    scope is given): a file transferred or received back stays counted after
    its stage has moved on."""
    conditions = [ProcedureStep.case_id == Case.id, ProcedureStep.step == code]
    if scope is not None:
        conditions += scopes.in_period(ProcedureStep.on, scope)
    return exists().where(*conditions)


def _columns(scope: scopes.Scope) -> list[Table]:
    """The report's tables. Conditions use the period of their own date."""

    def within(column):
        parts = scopes.in_period(column, scope)
        return and_(column.is_not(None), *parts)

    detected = within(Case.violation_date)
    # A decision cancelled in full sanctions nobody (enforcement.sanctioned);
    # it is counted apart, in 3.9, by the day it was cancelled.
    issued = within(Case.decided_on)
    decided = and_(issued, enforcement.sanctioned())
    cancelled = and_(enforcement.cancelled(), within(Case.closed_on))
    transferred = or_(
        and_(Case.close_reason == CloseReason.TRANSFERRED, within(Case.closed_on)),
        _step(TRANSFER_CRIMINAL, scope),
    )
    individual = Case.violator_kind == ViolatorKind.INDIVIDUAL
    org = Case.violator_kind == ViolatorKind.ORGANISATION
    licence = Decision.sanction_licence.is_(True)
    suspension = Decision.sanction_suspension.is_(True)
    has_additional = or_(
        func.coalesce(Decision.additional_sanctions, "") != "",
        licence,
        suspension,
        Decision.sanction_confiscation.is_(True),
        Decision.sanction_expulsion.is_(True),
    )
    # Minors reminded instead of a warning, by the day of the reminder.
    reminded = and_(
        Case.close_reason == CloseReason.REMINDED, within(Case.closed_on)
    )
    has_remedial = func.coalesce(Decision.remedial_measures, "") != ""
    t1 = Table(
        "Biểu 1",
        "Số vụ việc vi phạm bị phát hiện, xử phạt và đối tượng bị xử phạt",
        [
            Column(
                "1.1",
                "Số vụ việc phát hiện",
                "Số vụ vi phạm bị phát hiện",
                _sum(detected),
            ),
            Column(
                "1.2",
                "Số vụ việc bị xử phạt",
                "Số vụ vi phạm bị xử phạt",
                _sum(decided),
            ),
            Column(
                "1.3",
                "Cá nhân bị xử phạt",
                "Đối tượng bị xử phạt",
                _sum(and_(decided, individual)),
            ),
            Column(
                "1.4",
                "Tổ chức bị xử phạt",
                "Đối tượng bị xử phạt",
                _sum(and_(decided, org)),
            ),
        ],
    )
    t2 = Table(
        "Biểu 2",
        "Hình thức xử phạt và biện pháp khắc phục hậu quả đã áp dụng",
        [
            # TODO: a decision records no sanction type yet; a decision without a
            # fine is counted as a warning (Law Art. 21-22) until it does.
            Column(
                "2.1",
                "Cảnh cáo",
                "Hình thức xử phạt",
                _sum(and_(decided, Case.fine_total == 0)),
            ),
            Column(
                "2.2",
                "Phạt tiền",
                "Hình thức xử phạt",
                _sum(and_(decided, Case.fine_total > 0)),
            ),
            Column(
                "2.3",
                "Có hình thức xử phạt bổ sung",
                "Hình thức xử phạt",
                _sum(and_(decided, has_additional)),
            ),
            Column(
                "2.4",
                "Có biện pháp khắc phục hậu quả",
                "Biện pháp khắc phục hậu quả",
                _sum(and_(decided, has_remedial)),
            ),
        ],
    )
    t3 = Table(
        "Biểu 3",
        "Kết quả thi hành quyết định xử phạt",
        [
            Column(
                "3.1", "Tổng số quyết định xử phạt", "Tổng số quyết định", _sum(decided)
            ),
            Column(
                "3.2",
                "Tước quyền sử dụng giấy phép, chứng chỉ hành nghề",
                "Số quyết định tước quyền sử dụng giấy phép",
                _sum(and_(decided, licence)),
            ),
            Column(
                "3.3",
                "Đình chỉ hoạt động",
                "Số quyết định đình chỉ hoạt động",
                _sum(and_(decided, suspension)),
            ),
            Column(
                "3.4",
                "Đã thi hành xong",
                "Số quyết định đã thi hành xong",
                _sum(
                    and_(
                        decided,
                        Case.status == CaseStatus.CLOSED,
                        Case.close_reason == CloseReason.EXECUTED,
                    )
                ),
            ),
            # 3.5 and 3.7: the definition and the words of the dashboard's
            # bars (services/enforcement.py), so both screens give one answer.
            Column(
                "3.5",
                enforcement.LABELS[enforcement.POSTPONED],
                "Số quyết định hoãn, giảm, miễn",
                _sum(and_(decided, enforcement.had_step(enforcement.POSTPONED))),
            ),
            Column(
                "3.6",
                "Giảm, miễn tiền phạt",
                "Số quyết định hoãn, giảm, miễn",
                _sum(and_(decided, Case.reduced_total > 0)),
            ),
            Column(
                "3.7",
                enforcement.LABELS[enforcement.COERCING],
                "Số quyết định phải cưỡng chế",
                _sum(and_(decided, enforcement.had_step(enforcement.COERCING))),
            ),
            Column(
                "3.8",
                "Bị khiếu nại, khởi kiện",
                "Số quyết định bị khiếu nại, khởi kiện",
                _sum(and_(decided, Case.complained.is_(True))),
            ),
            # Not in Art. 35 k2's list; TT 13/2016 has cancellations updated
            # in the database. Without it 3.1 would silently lose them.
            Column(
                "3.9",
                "Bị hủy bỏ toàn bộ (không tính ở 3.1)",
                "Số quyết định bị hủy bỏ (bổ sung)",
                _sum(cancelled),
            ),
        ],
    )
    t4 = Table(
        "Biểu 4",
        "Số tiền xử phạt (đồng)",
        [
            Column(
                "4.1",
                "Tiền phạt theo quyết định",
                "Tổng số tiền phạt",
                _sum(decided, Case.fine_total),
                money=True,
            ),
            Column(
                "4.2",
                "Tiền phạt đã thu",
                "Tổng số tiền thu được",
                # Collected before a cancellation too, as on the dashboard.
                _sum(issued, Case.paid_total),
                money=True,
            ),
            Column(
                "4.3",
                "Tiền phạt được giảm, miễn",
                # A money column beside the count Art. 35 k2 c) asks for.
                "Số tiền được giảm, miễn (bổ sung cho điểm c)",
                _sum(decided, Case.reduced_total),
                money=True,
            ),
        ],
    )
    t5 = Table(
        "Biểu 5",
        "Chuyển hồ sơ truy cứu trách nhiệm hình sự, nhắc nhở người chưa thành niên",
        [
            Column(
                "5.1",
                "Hồ sơ chuyển truy cứu trách nhiệm hình sự",
                "Số vụ chuyển truy cứu trách nhiệm hình sự",
                _sum(transferred),
            ),
            Column(
                "5.2",
                "Hồ sơ do cơ quan tiến hành tố tụng chuyển đến",
                "Số vụ do cơ quan tố tụng chuyển đến",
                _sum(_step(RECEIVED_BACK, scope)),
            ),
            Column(
                "5.3",
                "Người chưa thành niên bị nhắc nhở",
                "Số người chưa thành niên bị nhắc nhở",
                _sum(reminded),
            ),
        ],
    )
    return [t1, t2, t3, t4, t5]


def build_report(actor: Actor, filters: object = None) -> Report:
    """Compute every table of the report in one GROUP BY over the cases."""
    now = local_now()
    today = now.date()
    with session_scope() as session:
        scope = scopes.resolve(session, actor, Action.REPORT_READ, filters, today)
        scope, unit_note = scopes.paired(
            session, actor, Action.REPORT_READ, filters, scope, today
        )
        unit = session.get(Unit, scope.unit_id) if scope.unit_id else None
        unit_name = unit.name if unit else ""
        tables = _columns(scope)
        columns = [c for t in tables for c in t.columns if c.expr is not None]
        where = scopes.case_conditions(scope, date_column=False)
        touched = scopes.any_in_period(
            scope, Case.violation_date, Case.decided_on, Case.closed_on
        )
        if touched is not None:
            stepped = exists().where(
                ProcedureStep.case_id == Case.id,
                ProcedureStep.step.in_([TRANSFER_CRIMINAL, RECEIVED_BACK]),
                *scopes.in_period(ProcedureStep.on, scope),
            )
            where.append(or_(touched, stepped))
        rows = session.exec(
            select(
                Unit.id,
                Unit.name,
                Unit.kind,
                Unit.is_vertical,
                *[c.expr for c in columns],
            )
            .select_from(Case)
            .join(Unit, Unit.id == Case.unit_id)
            .join(Decision, Decision.case_id == Case.id, isouter=True)
            .where(*where)
            .group_by(Unit.id, Unit.name, Unit.kind, Unit.is_vertical)
        ).all()

    kind_order = {
        UnitKind.DEPARTMENT: 0,
        UnitKind.COMMUNE_COMMITTEE: 1,
        UnitKind.COMMUNE_POLICE: 2,
    }
    provincial, vertical = [], []
    for uid, name, kind, is_vertical, *values in sorted(
        rows, key=lambda r: (kind_order.get(r[2], 3), r[1])
    ):
        row = Row(uid, name, {c.code: int(v) for c, v in zip(columns, values)})
        (vertical if is_vertical else provincial).append(row)
    codes = [c.code for c in columns]
    report = Report(
        title="BÁO CÁO THỐNG KÊ KẾT QUẢ XỬ PHẠT VI PHẠM HÀNH CHÍNH",
        period=scope.label,
        scope_label=_scope_label(scope, unit_name),
        made_at=now,
        tables=tables,
        provincial=provincial,
        provincial_total=_total("Tổng cộng của tỉnh", provincial, codes),
        vertical=vertical,
        vertical_total=_total("Tổng cộng cơ quan ngành dọc", vertical, codes),
        notes=([unit_note] if unit_note else []) + _notes(tables),
        unit_note=unit_note,
    )
    log.info(
        "user=%s built report (%s units)",
        actor.user_id,
        len(provincial) + len(vertical),
    )
    return report


def _total(name: str, rows: list[Row], codes: list[str]) -> Row:
    return Row(
        None,
        name,
        {c: sum(r.values.get(c, 0) for r in rows) for c in codes},
        kind="subtotal",
    )


def _scope_label(scope: scopes.Scope, unit_name: str = "") -> str:
    """What the report covers, under its period: the one unit chosen (with
    its sub-units), else the unit group, and the field. A one-unit report
    headed by its group read as the whole group's (user trial)."""
    parts = []
    if unit_name:
        parts.append(unit_name)
    elif scope.group:
        parts.append(scopes.GROUPS[scope.group])
    if scope.field:
        parts.append(f"lĩnh vực {scope.field}")
    return "; ".join(parts)


def _notes(tables: list[Table]) -> list[str]:
    notes = [
        (
            "Mỗi cột ứng với một nội dung tại khoản 2 Điều 35 Nghị định "
            '118/2021/NĐ-CP (ghi ở dòng "Căn cứ"). Mẫu biểu chính thức của '
            "Thông tư 01/2023/TT-BTP chưa được tích hợp."
        ),
        (
            "Vụ việc phát hiện tính theo ngày vi phạm; quyết định, hình thức xử "
            "phạt và số tiền tính theo ngày ra quyết định; kết quả thi hành là "
            "tình trạng hiện tại của các quyết định ra trong kỳ (dòng 3.5, 3.7 "
            "tính cả quyết định đã hết hoãn hoặc đã thi hành xong sau cưỡng "
            "chế, như trang Thống kê, nơi hồ sơ được chọn theo ngày vi phạm); "
            "hồ sơ chuyển truy cứu, "
            "hồ sơ nhận lại từ cơ quan tố tụng và việc nhắc nhở người chưa "
            "thành niên tính theo ngày thực hiện."
        ),
        (
            "Số liệu của Công an và các cơ quan ngành dọc được theo dõi riêng, "
            "không cộng vào tổng của tỉnh (Điều 39 Nghị định 118/2021/NĐ-CP)."
        ),
        (
            "Tước giấy phép, chứng chỉ hành nghề và đình chỉ hoạt động: theo "
            "hình thức xử phạt bổ sung đánh dấu trên quyết định. Cảnh cáo: "
            "quyết định không phạt tiền (chưa ghi nhận riêng hình thức chính)."
        ),
    ]
    for table in tables:
        for c in table.columns:
            if c.expr is None:
                notes.append(
                    f"Cột {c.code} ({c.label}): {NO_SOURCE.lower()} — {c.todo}."
                )
    return notes


def table_values(table: Table, row: Row) -> list[int | None]:
    """The row's figures for one table; None where there is no data source."""
    return [
        None if c.expr is None else row.values.get(c.code, 0) for c in table.columns
    ]


def report_filename(report: Report, ext: str, today: date | None = None) -> str:
    """"bao-cao-xlvphc-nam-2026-ubnd-xa-phuong-20261205.xlsx": the period and
    the scope in the name, so two reports of one day do not overwrite each
    other in the downloads folder (user trial)."""
    day = (today or report.made_at.date()).strftime("%Y%m%d")
    words = fold(f"{report.period} {report.scope_label}")
    slug = re.sub(r"[^a-z0-9]+", "-", words).strip("-")[:80].rstrip("-")
    return f"bao-cao-xlvphc-{slug + '-' if slug else ''}{day}.{ext}"
