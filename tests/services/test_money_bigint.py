"""Amounts past 2,147,483,647 đồng (issue 8): a 32-bit INTEGER column on
PostgreSQL refused them. An organisation's fines, or what it paid, reach
that; the summary sums sooner. Run on PostgreSQL too (XLVPHC_TEST_DB_URL):
SQLite's INTEGER was 64-bit all along."""

import io
from datetime import date

from alembic import command
from openpyxl import Workbook
from sqlalchemy import inspect, text
from sqlmodel import select

from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from tests.services.test_procedure import d, step
from xlvphc.domain.money import format_vnd
from xlvphc.models import Case, Decision, ProcedureStep
from xlvphc.services import case_queries, case_summary, dashboard, importer
from xlvphc.services import db as dbmod
from xlvphc.services.db import session_scope

INT32_MAX = 2_147_483_647
FINE = 3_456_789_012
PAID = 200_000_000
BEFORE, HEAD = "0009_form_details", "0010_money_bigint"
MONEY = {
    "case": {"fine_total", "paid_total", "reduced_total", "surcharge_total"},
    "caseact": {"frame_min", "frame_max", "fine"},
    "decision": {"fine_total"},
    "procedurestep": {"amount"},
    "instalment": {"amount", "paid"},
    "catalogueentry": {"fine_min", "fine_max"},
}


def _register(fine: str, paid: str) -> bytes:
    """A one-row register in the template's headings: a company's
    environmental fine decided this year."""
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "Số quyết định",
            "Ngày quyết định",
            "Ngày vi phạm",
            "Cá nhân/Tổ chức",
            "Họ tên/Tên tổ chức",
            "Số định danh/Mã số thuế",
            "Lĩnh vực",
            "Hành vi vi phạm",
            "Căn cứ (điều, khoản, nghị định)",
            "Số tiền phạt",
            "Số tiền đã nộp",
        ]
    )
    sheet.append(
        [
            "25/QĐ-XPHC",
            d(3),
            d(10),
            "Tổ chức",
            "Công ty cổ phần Chế biến mủ cao su Ea Kao",
            "6000123456",
            "Bảo vệ môi trường",
            "Xả nước thải có chứa chất nguy hại vượt quy chuẩn kỹ thuật",
            "khoản 1 Điều 18 Nghị định 45/2022/NĐ-CP",
            fine,
            paid,
        ]
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_fine_total_past_32_bits_is_stored_summed_and_read_back(people):
    a, supervisor = people["canbo.a"], people["giamsat"]
    report = importer.import_rows(a, _register("3.456.789.012", "200.000.000"))
    assert report["created"] == 1, report["problems"]
    [row] = case_queries.list_cases(a, {"amount_min": "3.000.000.000"})["rows"]
    case_id = row["id"]

    # The rest is paid in one step: the step's amount is past 32 bits too.
    rest = FINE - PAID
    step(a, case_id, "payment", on=d(0), amount=f"{rest:,}".replace(",", "."))

    with session_scope() as session:
        case = session.get(Case, case_id)
        decision = session.exec(
            select(Decision).where(Decision.case_id == case_id)
        ).one()
        amounts = session.exec(
            select(ProcedureStep.amount).where(ProcedureStep.case_id == case_id)
        ).all()
    assert (case.fine_total, case.paid_total) == (FINE, FINE)
    assert decision.fine_total == FINE
    assert rest in amounts and rest > INT32_MAX
    assert case_queries.get_case(a, case_id)["fine_total"] == format_vnd(FINE)
    # The dashboard's sums (all time) come from the trigger-kept summary.
    totals = dashboard.summary(supervisor, {})
    assert (totals["fines"], totals["collected"]) == (FINE, FINE)
    assert case_queries.list_cases(a, {"amount_max": str(INT32_MAX)})["total"] == 0


def _types(conn, table: str) -> dict[str, str]:
    return {c["name"]: str(c["type"]) for c in inspect(conn).get_columns(table)}


def test_upgrade_from_0009_keeps_the_amounts_and_takes_64_bits(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    day = date(2026, 3, 5)
    with empty_db.begin() as conn:
        _insert(
            conn,
            "unit",
            id=1,
            code="X",
            name="Đơn vị X",
            kind="ubnd",
            is_supervisor=False,
            is_vertical=False,
            active=True,
        )
        _insert(
            conn,
            "catalogueentry",
            id=1,
            decree="45/2022/NĐ-CP",
            field="Bảo vệ môi trường",
            article=18,
            clause=1,
            act="Xả thải",
            fine_min=1_000_000_000,
            fine_max=INT32_MAX,
        )
        _insert(
            conn,
            "case",
            id=1,
            unit_id=1,
            field="Bảo vệ môi trường",
            status="executing",
            violation_date=day,
            decided_on=day,
            violator_kind="organisation",
            fine_total=INT32_MAX,
            paid_total=1_000_000_000,
            reduced_total=7,
            surcharge_total=9,
        )
        _insert(
            conn,
            "caseact",
            case_id=1,
            catalogue_id=1,
            decree="45/2022/NĐ-CP",
            article=18,
            clause=1,
            act="Xả thải",
            frame_min=1_000_000_000,
            frame_max=INT32_MAX,
            fine=INT32_MAX,
        )
        _insert(
            conn,
            "decision",
            case_id=1,
            number="1/QĐ-XPHC",
            decided_on=day,
            fine_total=INT32_MAX,
        )
        _insert(
            conn,
            "procedurestep",
            case_id=1,
            step="payment",
            on=day,
            amount=1_000_000_000,
        )
        _insert(
            conn,
            "instalment",
            case_id=1,
            position=1,
            amount=INT32_MAX,
            due_on=day,
            paid=1_000_000_000,
        )

    dbmod.migrate()

    with empty_db.connect() as conn:
        assert case_summary.installed(conn)
        if conn.dialect.name == "postgresql":
            for table, columns in MONEY.items():
                types = _types(conn, table)
                assert {types[c] for c in columns} == {"BIGINT"}, table
        kept = conn.execute(
            text(
                "SELECT fine_total, paid_total, reduced_total, surcharge_total "
                'FROM "case"'
            )
        ).one()
        act = conn.execute(text("SELECT frame_min, frame_max, fine FROM caseact")).one()
        plan = conn.execute(text("SELECT amount, paid FROM instalment")).one()
    assert tuple(kept) == (INT32_MAX, 1_000_000_000, 7, 9)
    assert tuple(act) == (1_000_000_000, INT32_MAX, INT32_MAX)
    assert tuple(plan) == (INT32_MAX, 1_000_000_000)

    # Past 32 bits now, and the reinstalled triggers keep the summary.
    with empty_db.begin() as conn:
        conn.execute(
            text('UPDATE "case" SET fine_total = :f, paid_total = :p WHERE id = 1'),
            {"f": FINE, "p": PAID},
        )
        conn.execute(text("UPDATE decision SET fine_total = :f"), {"f": FINE})
    with empty_db.connect() as conn:
        month = conn.execute(
            text(
                "SELECT cases, fines, collected FROM casesummary "
                "WHERE unit_id = 0 AND period = 202603"
            )
        ).one()
        stored = conn.execute(text("SELECT fine_total FROM decision")).scalar()
    assert tuple(month) == (1, FINE, PAID)
    assert stored == FINE


def test_downgrade_to_0009_gives_back_32_bit_columns(empty_db):  # noqa: F811
    dbmod.migrate(HEAD)
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    with empty_db.connect() as conn:
        assert case_summary.installed(conn)
        types = _types(conn, "case")
    assert types["fine_total"] == "INTEGER"
