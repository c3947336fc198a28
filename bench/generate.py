"""Fill a database with N realistic cases over the real units and catalogue.

Run from the repository root:

    .venv/bin/python bench/generate.py --n 100000 \
        --url sqlite:///var/bench.db --reset
    .venv/bin/python bench/generate.py --n 1000000 \
        --url postgresql+psycopg://postgres@127.0.0.1:5432/xlvphc_bench --reset

What it writes (all through the real models' tables, ids assigned here):
- the units and the violation catalogue (services.reference, as `setup` does);
- bench accounts: `bench.giamsat` (supervisor of Sở Tư pháp) and one officer
  per sanctioning unit `bench.<unit code lower>` (password BENCH_PASSWORD);
- per case: Case, Violator, 1–3 CaseAct, ViolationRecord, Decision (when the
  stage is past the record), CaseEvent timeline rows, and CaseToken words built
  with services.search_index.words_of from services.cases.search_text — the
  same text the app builds — each carrying the case's unit_id;
- DocumentSequence rows holding the last number per unit/type/year, so the app
  continues numbering after the generated ones.

Distributions (plausible, not statistics): commune police ~55 % of cases,
commune committees ~30 %, departments ~15 %, with a few large communes taking
much more than small ones; the act's field follows the unit kind (police:
traffic and public order; committees: land, construction, environment); 92 %
individuals, 8 % organisations (frame ×2, Law Art. 24); fine = the frame's
average (Decree 118/2021 Art. 9) most of the time, otherwise the minimum or the
maximum; dates over 10 years with ~8 %/year growth; the stage follows the age
(old cases mostly closed, last month's mostly recorded or decided).

Bulk insert: COPY on PostgreSQL, executemany on SQLite, in batches. The
script prints the rate. It is a tool, not a test.
"""

from __future__ import annotations

import argparse
import bisect
import functools
import random
import sys
import time
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlmodel import SQLModel, select  # noqa: E402

from xlvphc.domain.deadlines import (  # noqa: E402
    decision_deadline,
    execution_limitation_end,
    send_decision_deadline,
)
from xlvphc.domain.fines import default_fine  # noqa: E402
from xlvphc.domain.limitation import sanction_limitation  # noqa: E402
from xlvphc.models import (  # noqa: E402
    Case,
    CaseAct,
    CaseEvent,
    CaseToken,
    CatalogueEntry,
    Decision,
    DocumentSequence,
    Unit,
    User,
    ViolationRecord,
    Violator,
)
from xlvphc.models.cases import (  # noqa: E402
    ActOrigin,
    CaseStatus,
    CloseReason,
    ViolatorKind,
)
from xlvphc.models.units import UnitKind  # noqa: E402
from xlvphc.services import case_summary, db, reference  # noqa: E402
from xlvphc.services.cases import _PLATE, search_text  # noqa: E402
from xlvphc.domain.text import fold  # noqa: E402
from xlvphc.services.search_index import MAX_TOKENS, words_of  # noqa: E402

BENCH_PASSWORD = "Bench mat khau 2026!"
SUPERVISOR = "bench.giamsat"
YEARS = 10

# Family names with rough national shares (%), and Ê Đê / M'nông / Gia Rai
# family names for Đắk Lắk's highland communes.
FAMILY = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9.5),
    ("Phạm", 7),
    ("Hoàng", 3),
    ("Huỳnh", 2),
    ("Phan", 4.5),
    ("Vũ", 2),
    ("Võ", 2),
    ("Đặng", 2.1),
    ("Bùi", 2),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1),
    ("Lý", 0.5),
    ("Đinh", 0.8),
    ("Trương", 0.7),
    ("Đoàn", 0.5),
    ("Lương", 0.4),
    ("Hà", 0.5),
    ("Mai", 0.4),
    ("Tô", 0.2),
    ("Lâm", 0.3),
]
MIDDLE_M = [
    "Văn",
    "Đức",
    "Minh",
    "Quang",
    "Hữu",
    "Công",
    "Thành",
    "Xuân",
    "Ngọc",
    "Tuấn",
    "Đình",
    "Quốc",
    "Trọng",
    "Anh",
]
MIDDLE_F = [
    "Thị",
    "Ngọc",
    "Thu",
    "Thanh",
    "Kim",
    "Hồng",
    "Thùy",
    "Bích",
    "Mỹ",
    "Diệu",
    "Phương",
    "Thị",
]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Hải",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tài",
    "Thắng",
    "Thịnh",
    "Tiến",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
    "Hoàng",
    "Lâm",
    "Đạt",
    "Kiên",
    "Lộc",
    "Hiếu",
    "Trí",
    "Thuận",
]
GIVEN_F = [
    "Anh",
    "Hà",
    "Hằng",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Loan",
    "Mai",
    "My",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phương",
    "Quỳnh",
    "Thảo",
    "Thủy",
    "Trang",
    "Trinh",
    "Tuyết",
    "Uyên",
    "Vân",
    "Yến",
    "Diễm",
    "Giang",
    "Huyền",
    "Liên",
    "Nhàn",
]
HIGHLAND_FAMILY = [
    "Niê",
    "Êban",
    "Mlô",
    "Ksơr",
    "Byă",
    "Adrơng",
    "Buôn Yă",
    "Hđơk",
    "Kpă",
    "Rơ Mah",
    "Ayũn",
    "Êung",
]
HIGHLAND_GIVEN = [
    "Bhim",
    "Thông",
    "Sanh",
    "Khuê",
    "Đhiăng",
    "Jôn",
    "Ngọc",
    "Blin",
    "Kim",
    "Lang",
    "Hồng",
    "Bơ",
]
OCCUPATIONS = [
    "Lái xe",
    "Nông dân",
    "Kinh doanh",
    "Công nhân",
    "Tự do",
    "Học sinh",
    "Sinh viên",
    "Buôn bán",
    "Thợ xây",
    "Nội trợ",
]
ORG_FORMS = ["Công ty TNHH", "Công ty cổ phần", "Hợp tác xã", "Doanh nghiệp tư nhân"]
ORG_WORDS = [
    "Phú Xuân",
    "Tây Nguyên",
    "Ban Mê",
    "Cà phê Thắng Lợi",
    "Xây dựng Hòa Bình",
    "Vận tải Đắk Lắk",
    "Nông sản Ea H'Leo",
    "Thương mại Krông Pắc",
    "Môi trường Xanh",
    "Gỗ Ea Súp",
    "Khoáng sản Lắk",
    "Dịch vụ Buôn Đôn",
]
STREETS = [
    "Lê Duẩn",
    "Nguyễn Tất Thành",
    "Phan Bội Châu",
    "Hùng Vương",
    "Trần Hưng Đạo",
    "Y Jút",
    "Mai Hắc Đế",
    "Giải Phóng",
    "Quốc lộ 14",
    "Quốc lộ 26",
    "Quốc lộ 27",
    "Tỉnh lộ 8",
    "Lý Thường Kiệt",
]
PLATE_SERIES = ["47B1", "47B2", "47C1", "47D1", "47E1", "47F1", "47AA", "47LD", "47A"]

POLICE_FIELDS = ("Trật tự, an toàn giao thông", "An ninh", "Phòng cháy")
COMMITTEE_FIELDS = (
    "Đất đai",
    "Xây dựng",
    "Bảo vệ môi trường",
    "Phòng",
    "Công nghệ thông tin",
)

# Stage by age of the case (days since the violation): (status, weight).
STAGES_RECENT = [
    (CaseStatus.RECORDED, 40),
    (CaseStatus.EXPLAINING, 8),
    (CaseStatus.DECIDED, 30),
    (CaseStatus.EXECUTING, 6),
    (CaseStatus.CLOSED, 14),
    (CaseStatus.TRANSFERRED, 2),
]
STAGES_YEAR = [
    (CaseStatus.RECORDED, 2),
    (CaseStatus.DECIDED, 8),
    (CaseStatus.EXECUTING, 5),
    (CaseStatus.POSTPONED, 1),
    (CaseStatus.COERCING, 3),
    (CaseStatus.CLOSED, 80),
    (CaseStatus.TRANSFERRED, 1),
]
STAGES_OLD = [
    (CaseStatus.DECIDED, 1),
    (CaseStatus.COERCING, 1),
    (CaseStatus.CLOSED, 97),
    (CaseStatus.TRANSFERRED, 1),
]
DECIDED_STAGES = {
    CaseStatus.DECIDED,
    CaseStatus.EXECUTING,
    CaseStatus.POSTPONED,
    CaseStatus.COERCING,
    CaseStatus.CLOSED,
}


class Weighted:
    """Fast weighted choice by bisecting cumulative weights."""

    def __init__(self, pairs):
        self.items = [p[0] for p in pairs]
        self.cum, total = [], 0.0
        for _, w in pairs:
            total += w
            self.cum.append(total)
        self.total = total

    def pick(self, rnd: random.Random):
        return self.items[bisect.bisect(self.cum, rnd.random() * self.total)]


# --------------------------------------------------------------------------
# The app's search text, computed fast. `fold` costs ~0.1 ms a call (Unicode
# categories char by char): folding each part once through a cache and joining
# gives the same text as services.cases.search_text, which the first
# CHECK_FIRST cases compare against the real functions (the run stops on any
# difference, so a change in the app cannot silently diverge from this copy).

CHECK_FIRST = 2000


@functools.lru_cache(maxsize=500_000)
def _fold_cached(part: str) -> str:
    return fold(part)


def _fold_part(part: str) -> str:
    if part.isascii() and part.isprintable() and "'" not in part:
        return " ".join(part.lower().split())
    return _fold_cached(part)


def fast_search_text(case, violator) -> str:
    """services.cases.search_text, part by part (same parts, same order)."""
    parts = [
        case.violator_name,
        case.record_number,
        case.decision_number,
        case.violation_place,
        case.field,
    ]
    parts += [m.replace(" ", "-") for m in _PLATE.findall(case.description or "")]
    parts += [
        violator.name,
        violator.id_number,
        violator.tax_code,
        violator.address,
        violator.registration_number,
        violator.representative_name,
    ]
    folded = " ".join(f for f in (_fold_part(p) for p in parts if p) if f)
    return f" {folded} "[:4000]


@functools.lru_cache(maxsize=500_000)
def _word_tokens(word: str) -> frozenset[str]:
    return frozenset(words_of(word))


def fast_words(folded_text: str) -> list[str]:
    """search_index.words_of on text that is already folded."""
    found: set[str] = set()
    for word in folded_text.split():
        found |= _word_tokens(word)
    return sorted(found)[:MAX_TOKENS]


# --------------------------------------------------------------------------
# Columns and bulk writers


def table_columns(model) -> tuple[str, list[str], dict]:
    """Table name, column names in order, and each column's Python default
    (from the model), so rows need only say what differs."""
    table = model.__table__
    defaults = {}
    for col in table.columns:
        field = model.model_fields.get(col.name)
        if field is None or col.primary_key:
            defaults[col.name] = None
            continue
        if field.default_factory is not None:
            defaults[col.name] = field.default_factory()
        elif field.is_required():
            defaults[col.name] = _REQUIRED
        else:
            defaults[col.name] = field.default
    return table.name, [c.name for c in table.columns], defaults


_REQUIRED = object()


class Writer:
    """Buffers rows per table and flushes them with COPY (PostgreSQL) or
    executemany (SQLite) on one raw DBAPI connection."""

    def __init__(self, engine, models):
        self.pg = engine.dialect.name == "postgresql"
        self.raw = engine.raw_connection()
        if self.pg:
            # Skip per-row foreign-key triggers during the load (ids are
            # generated consistent); needs a superuser, as on a bench server.
            cur = self.raw.cursor()
            cur.execute("SET session_replication_role = replica")
            cur.close()
        self.meta = {m: table_columns(m) for m in models}
        self.buffers: dict = {m: [] for m in models}
        self.counts: dict = defaultdict(int)
        # Columns SQLite needs as text (dates, times); the rest pass as they are.
        self.temporal = {
            m: [
                i
                for i, c in enumerate(m.__table__.columns)
                if c.type.python_type in (date, datetime)
            ]
            for m in models
        }

    def add_tuple(self, model, values: tuple) -> None:
        """A row already in column order (the hot path: search tokens)."""
        self.buffers[model].append(values)

    def add(self, model, row: dict) -> None:
        name, cols, defaults = self.meta[model]
        values = []
        for c in cols:
            v = row[c] if c in row else defaults[c]
            if v is _REQUIRED:
                raise SystemExit(f"{name}.{c} is required: update bench/generate.py")
            values.append(v)
        self.buffers[model].append(values)

    def _sqlite_value(self, v):
        if v is None:
            return None
        if isinstance(v, datetime):
            return v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        if isinstance(v, date):
            return v.isoformat()
        return v

    def flush(self) -> None:
        cur = self.raw.cursor()
        for model, rows in self.buffers.items():
            if not rows:
                continue
            name, cols, _ = self.meta[model]
            collist = ", ".join(f'"{c}"' for c in cols)
            if self.pg:
                with cur.copy(f'COPY "{name}" ({collist}) FROM STDIN') as copy:
                    for r in rows:
                        copy.write_row(r)
            else:
                marks = ", ".join("?" for _ in cols)
                temporal = self.temporal[model]
                if temporal:
                    for r in rows:
                        for i in temporal:
                            r[i] = self._sqlite_value(r[i])
                cur.executemany(
                    f'INSERT INTO "{name}" ({collist}) VALUES ({marks})', rows
                )
            self.counts[name] += len(rows)
            rows.clear()
        cur.close()
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()


# --------------------------------------------------------------------------
# Reference data and accounts


def prepare(engine, reset: bool) -> None:
    if reset:
        SQLModel.metadata.drop_all(engine)
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    db.use_engine(engine)
    # The models' schema at once, stamped at the last revision: head builds
    # the same schema (tests/services/test_migrations.py), and a later
    # migration then upgrades the bench database like any other.
    SQLModel.metadata.create_all(engine)
    url = engine.url.render_as_string(hide_password=False)
    command.stamp(db.alembic_config(url), "head")
    with db.session_scope() as session:
        reference.load_units(session)
        reference.load_catalogue(session)


def ensure_users(units: list[Unit]) -> None:
    """One supervisor and one officer per sanctioning unit, same password.
    bcrypt runs once: every bench account shares the hash."""
    from xlvphc.services.access import Role
    from xlvphc.services.passwords import hash_password

    hashed = hash_password(BENCH_PASSWORD)
    with db.session_scope() as session:
        have = set(session.exec(select(User.username)).all())
        supervisor_unit = next(u for u in units if u.is_supervisor)
        wanted = [(SUPERVISOR, supervisor_unit, Role.SUPERVISOR)]
        wanted += [
            (f"bench.{u.code.lower()}", u, Role.OFFICER)
            for u in units
            if u.kind in (UnitKind.COMMUNE_POLICE, UnitKind.COMMUNE_COMMITTEE)
        ]
        for username, unit, role in wanted:
            if username in have:
                continue
            session.add(
                User(
                    username=username,
                    full_name=f"Cán bộ {username}",
                    title="Công chức",
                    unit_id=unit.id,
                    roles=role,
                    password_hash=hashed,
                    must_change_password=False,
                )
            )


# --------------------------------------------------------------------------
# Case generation


class Generator:
    def __init__(
        self,
        rnd: random.Random,
        units: list[Unit],
        catalogue: list[CatalogueEntry],
        today: date,
    ):
        self.rnd = rnd
        self.today = today
        self.family = Weighted(FAMILY)
        police = [u for u in units if u.kind == UnitKind.COMMUNE_POLICE]
        committees = [u for u in units if u.kind == UnitKind.COMMUNE_COMMITTEE]
        departments = [u for u in units if u.kind == UnitKind.DEPARTMENT]
        # A few big wards take much more than remote communes: Zipf-like
        # weights in a fixed shuffled order (same seed, same big communes).
        pairs = []
        for share, group in ((55, police), (30, committees), (15, departments)):
            order = sorted(group, key=lambda u: u.code)
            rnd.shuffle(order)
            weights = [1 / (i + 3) for i in range(len(order))]
            scale = share / sum(weights)
            pairs += [(u, w * scale) for u, w in zip(order, weights, strict=True)]
        self.units = Weighted(pairs)
        usable = [c for c in catalogue if c.fine_max]

        def acts_for(fields):
            return [c for c in usable if c.field.startswith(fields)] or usable

        self.acts = {
            UnitKind.COMMUNE_POLICE: acts_for(POLICE_FIELDS),
            UnitKind.COMMUNE_COMMITTEE: acts_for(COMMITTEE_FIELDS),
            UnitKind.DEPARTMENT: usable,
        }
        self.stages = [
            Weighted(STAGES_RECENT),
            Weighted(STAGES_YEAR),
            Weighted(STAGES_OLD),
        ]
        self.seq: dict = defaultdict(int)  # (unit_id, series, year) -> last
        self.check_until = 0  # case ids up to this one are checked
        # Additional sanctions and reminded minors draw from their own
        # stream, so the other columns stay what the seed gave before.
        self.extra = random.Random(7007)
        self.communes = sorted(
            u.name[:1].lower() + u.name[1:] for u in units if u.kind == UnitKind.COMMUNE
        ) or ["tỉnh Đắk Lắk"]

    def dates(self, n: int) -> list[date]:
        """N violation dates over YEARS years, growing ~8 % a year, sorted so
        that ids follow time as in a real register."""
        start = self.today - timedelta(days=365 * YEARS)
        span = (self.today - start).days
        growth = 1.08 ** (1 / 365)
        # Inverse-CDF of an exponential density over [0, span].
        total = growth**span - 1
        days = sorted(
            int(_log(1 + self.rnd.random() * total, growth)) for _ in range(n)
        )
        return [start + timedelta(days=min(d, span)) for d in days]

    def person(self) -> tuple[str, str]:
        rnd = self.rnd
        male = rnd.random() < 0.78  # most sanctioned individuals are men
        if rnd.random() < 0.06:
            given = rnd.choice(HIGHLAND_GIVEN)
            prefix = "Y" if male else "H'"
            sep = " " if male else ""
            return f"{prefix}{sep}{given} {rnd.choice(HIGHLAND_FAMILY)}", (
                "Nam" if male else "Nữ"
            )
        fam = self.family.pick(rnd)
        middle = rnd.choice(MIDDLE_M if male else MIDDLE_F)
        given = rnd.choice(GIVEN_M if male else GIVEN_F)
        return f"{fam} {middle} {given}", "Nam" if male else "Nữ"

    def area(self, unit) -> str:
        """The commune or ward a case happens in: the unit's own for commune
        bodies ("Ủy ban nhân dân xã Ea Ning" -> "xã Ea Ning"), any commune
        for a department."""
        if unit.kind == UnitKind.DEPARTMENT:
            return self.rnd.choice(self.communes)
        for prefix in ("Ủy ban nhân dân ", "Công an "):
            if unit.name.startswith(prefix):
                return unit.name[len(prefix) :]
        return unit.name

    def additional(self, act, is_org: bool) -> dict:
        """Additional sanctions ticked on a decision (Law Art. 21): a driving
        licence taken now and then in traffic, confiscation, and an
        organisation's activity suspended."""
        r = self.extra.random()
        traffic = act.field.startswith(POLICE_FIELDS[0])
        if traffic and r < 0.04:
            return {"sanction_licence": True}
        if r < 0.07:
            return {"sanction_confiscation": True}
        if is_org and r < 0.09:
            return {"sanction_suspension": True}
        return {}

    def number(self, unit_id: int, series: str, year: int, suffix: str) -> str:
        key = (unit_id, series, year)
        self.seq[key] += 1
        return f"{self.seq[key]}/{suffix}"

    def case(self, case_id: int, day: date, w: Writer, ids: dict) -> None:
        rnd = self.rnd
        unit = self.units.pick(rnd)
        age = (self.today - day).days
        stage = self.stages[0 if age < 30 else 1 if age < 365 else 2].pick(rnd)
        is_org = rnd.random() < 0.08
        n_acts = 1 if rnd.random() < 0.85 else 2 if rnd.random() < 0.8 else 3
        pool = self.acts[unit.kind]
        first = rnd.choice(pool)
        acts = [first] + [
            rnd.choice([a for a in pool if a.field == first.field] or pool)
            for _ in range(n_acts - 1)
        ]
        local_hour = rnd.choice([7, 8, 9, 10, 14, 15, 16, 19, 21, 22])
        at = datetime(
            day.year, day.month, day.day, local_hour, rnd.randrange(60), tzinfo=UTC
        ) - timedelta(hours=7)
        street = rnd.choice(STREETS)
        area = self.area(unit)
        road = (
            street if street[:1].isupper() and " lộ " in street else f"Đường {street}"
        )
        place = f"{road}, {area}"
        gender = ""
        if is_org:
            name = f"{rnd.choice(ORG_FORMS)} {rnd.choice(ORG_WORDS)}"
            if rnd.random() < 0.5:
                name += f" {rnd.randrange(1, 30)}"
            rep, _ = self.person()
        else:
            name, gender = self.person()
            rep = ""
        plate = ""
        if first.field.startswith("Trật tự, an toàn giao thông"):
            plate = (
                f"{rnd.choice(PLATE_SERIES)}-{rnd.randrange(100, 999)}."
                f"{rnd.randrange(10, 99)}"
            )
        description = (
            f"{first.act}." + (f" Phương tiện biển số {plate}." if plate else "")
        )[:5000]
        record_no = self.number(unit.id, "BB-VPHC", day.year, "BB-VPHC")
        fines = []
        for a in acts:
            lo, hi = (a.fine_min or 0), a.fine_max or 0
            if is_org:
                lo, hi = lo * 2, hi * 2
            r = rnd.random()
            fines.append(default_fine(lo, hi) if r < 0.8 else lo if r < 0.95 else hi)
        # A minor reminded instead of a warning (NĐ 118/2021 Art. 26): closed
        # without a decision; about 0.4 % of police cases closed.
        reminded = (
            stage == CaseStatus.CLOSED
            and not is_org
            and first.field.startswith(POLICE_FIELDS)
            and self.extra.random() < 0.004
        )
        decided = stage in DECIDED_STAGES and not reminded
        decided_on = decision_no = None
        total = 0
        if decided:
            decided_on = min(
                day + timedelta(days=rnd.choice([0, 1, 2, 3, 5, 7, 10])), self.today
            )
            decision_no = self.number(unit.id, "QĐ-XPHC", decided_on.year, "QĐ-XPHC")
            total = sum(fines)
        received = decided_on + timedelta(days=rnd.randrange(0, 3)) if decided else None
        due = received + timedelta(days=10) if received else None
        closed_on = close_reason = None
        paid = 0
        if reminded:
            closed_on, close_reason = day, CloseReason.REMINDED
        elif stage == CaseStatus.CLOSED:
            closed_on = min(due + timedelta(days=rnd.randrange(-8, 40)), self.today)
            close_reason = (
                CloseReason.EXECUTED
                if rnd.random() < 0.93
                else CloseReason.LIMITATION
                if rnd.random() < 0.5
                else CloseReason.PARTLY
            )
            paid = total if close_reason == CloseReason.EXECUTED else total // 2
        elif stage == CaseStatus.EXECUTING:
            paid = total // 3
        elif stage == CaseStatus.TRANSFERRED:
            closed_on = min(day + timedelta(days=5), self.today)
            close_reason = CloseReason.TRANSFERRED
        id_number = (
            f"066{'0' if gender == 'Nam' else '1'}"
            f"{rnd.randrange(60, 100):02d}{rnd.randrange(10**6):06d}"
        )
        address = f"Thôn {rnd.randrange(1, 20)}, {area}, tỉnh Đắk Lắk"
        tax = f"6000{rnd.randrange(10**6):06d}" if is_org else ""
        violator = SimpleNamespace(
            name=name,
            id_number="" if is_org else id_number,
            tax_code=tax,
            address=address,
            registration_number=tax,
            representative_name=rep,
        )
        case_ns = SimpleNamespace(
            violator_name=name,
            record_number=record_no,
            decision_number=decision_no or "",
            violation_place=place,
            field=first.field,
            description=description,
        )
        stext = fast_search_text(case_ns, violator)
        tokens = fast_words(stext)
        if case_id <= self.check_until:
            real = search_text(case_ns, violator)
            real_tokens = sorted(words_of(real))[:MAX_TOKENS]
            if real != stext or real_tokens != tokens:
                raise SystemExit(
                    f"search text differs from the app's:\n{real!r}\n"
                    f"{stext!r}\n{real_tokens}\n{tokens}"
                )
        created = at + timedelta(hours=rnd.randrange(1, 30))
        w.add(
            Case,
            dict(
                id=case_id,
                unit_id=unit.id,
                field=first.field,
                status=stage,
                violation_at=at,
                violation_date=day,
                violation_place=place,
                description=description,
                violator_kind=ViolatorKind.ORGANISATION
                if is_org
                else ViolatorKind.INDIVIDUAL,
                violator_name=name,
                record_number=record_no,
                decision_number=decision_no or "",
                decided_on=decided_on,
                fine_total=total,
                received_on=received,
                compliance_due=due,
                paid_total=paid,
                closed_on=closed_on,
                close_reason=close_reason or "",
                complained=rnd.random() < 0.01,
                **deadline_columns(
                    stage, first.field, day, decided_on, received, total, paid
                ),
                search_text=stext,
                version=1 + decided,
                created_at=created,
                updated_at=created,
                created_by=None,
            ),
        )
        w.add(
            Violator,
            dict(
                id=case_id,
                case_id=case_id,
                kind=ViolatorKind.ORGANISATION if is_org else ViolatorKind.INDIVIDUAL,
                name=name,
                gender=gender,
                birth_date=None
                if is_org
                else date(
                    rnd.randrange(1960, 2006),
                    rnd.randrange(1, 13),
                    rnd.randrange(1, 29),
                )
                if not reminded
                else date(day.year - 15, self.extra.randrange(1, 13), 1),
                occupation="" if is_org else rnd.choice(OCCUPATIONS),
                address=address,
                id_number=violator.id_number,
                tax_code=tax,
                registration_number=tax,
                representative_name=rep,
                representative_title="Giám đốc" if rep else "",
            ),
        )
        for pos, (a, fine) in enumerate(zip(acts, fines, strict=True)):
            ids["act"] += 1
            w.add(
                CaseAct,
                dict(
                    id=ids["act"],
                    case_id=case_id,
                    catalogue_id=a.id,
                    decree=a.decree,
                    article=a.article,
                    clause=a.clause,
                    point=a.point,
                    act=a.act,
                    frame_min=a.fine_min,
                    frame_max=a.fine_max,
                    fine=fine if decided else None,
                    position=pos,
                    origin=ActOrigin.CATALOGUE,
                ),
            )
        w.add(
            ViolationRecord,
            dict(
                id=case_id,
                case_id=case_id,
                number=record_no,
                made_at=at,
                place=place,
                maker_name=self.person()[0],
                maker_title="Cán bộ",
                created_at=created,
            ),
        )
        events = [
            ("record", created, f"Lập biên bản vi phạm hành chính số {record_no}")
        ]
        if decided:
            w.add(
                Decision,
                dict(
                    id=case_id,
                    case_id=case_id,
                    number=decision_no,
                    decided_on=decided_on,
                    signer_name=self.person()[0],
                    signer_title="Chủ tịch UBND",
                    fine_total=total,
                    treasury="Kho bạc Nhà nước khu vực XIII",
                    created_at=created,
                    **self.additional(first, is_org),
                ),
            )
            dat = datetime(
                decided_on.year, decided_on.month, decided_on.day, 3, tzinfo=UTC
            )
            events.append(("decision", dat, f"Ra quyết định xử phạt số {decision_no}"))
        if closed_on:
            cat = datetime(
                closed_on.year, closed_on.month, closed_on.day, 4, tzinfo=UTC
            )
            events.append(("closed", cat, CloseReason.LABELS[close_reason]))
        for kind, when, summary in events:
            ids["event"] += 1
            w.add(
                CaseEvent,
                dict(
                    id=ids["event"],
                    case_id=case_id,
                    kind=kind,
                    at=when,
                    summary=summary,
                ),
            )
        first_id = ids["token"] + 1
        ids["token"] += len(tokens)
        for i, token in enumerate(tokens, first_id):
            w.add_tuple(CaseToken, (i, case_id, token, unit.id))


PAYING = (CaseStatus.DECIDED, CaseStatus.EXECUTING, CaseStatus.POSTPONED)


def deadline_columns(stage, field, day, decided_on, received, total, paid) -> dict:
    """The deadline columns services.procedure.deadlines keeps (no procedure
    steps are generated: 7 working days to decide from the record made on
    the violation day, one or two years of limitation until decided). The
    generated decisions name no remedial measure, so remedial_pending keeps
    its default (False) and an open decision owes only its unpaid fine
    (services/enforcement.py owes, which the overdue count reads)."""
    values = {}
    if stage in (CaseStatus.RECORDED, CaseStatus.EXPLAINING):
        values["decision_due"] = decision_deadline(day)
    if stage != CaseStatus.CLOSED and decided_on is None:
        found = sanction_limitation(field, day)
        values["limitation_end"] = found.end if found else None
    if stage != CaseStatus.CLOSED and decided_on is not None:
        if received is None:
            values["send_due"] = send_decision_deadline(decided_on)
        if stage in PAYING and paid < total and received is not None:
            values["payment_due"] = received + timedelta(days=10)
        executing = stage in (*PAYING, CaseStatus.COERCING)
        if executing and paid < total and received is not None:
            # The deadline past which the decision is overdue (no plan, no
            # measure: the compliance deadline; services/enforcement.py).
            values["late_after"] = received + timedelta(days=10)
        if stage == CaseStatus.COERCING and paid < total and received is not None:
            # coerced the day after the compliance deadline (no step rows)
            values["coerced_on"] = received + timedelta(days=11)
        values["execution_end"] = execution_limitation_end(decided_on)
    return values


def _log(x: float, base: float) -> float:
    import math

    return math.log(x) / math.log(base)


def _max_id(session, model) -> int:
    from sqlalchemy import func

    return session.exec(select(func.max(model.id))).one() or 0


def write_sequences(engine, gen: Generator) -> None:
    """Store the last generated numbers so the app continues after them."""
    with db.session_scope() as session:
        have = {
            (r.unit_id, r.doc_type, r.year): r
            for r in session.exec(select(DocumentSequence)).all()
        }
        for (unit_id, series, year), last in gen.seq.items():
            row = have.get((unit_id, series, year))
            if row is None:
                session.add(
                    DocumentSequence(
                        unit_id=unit_id, doc_type=series, year=year, last=last
                    )
                )
            elif row.last < last:
                row.last = last
                session.add(row)


def drop_indexes(engine, models) -> list:
    """On a fresh load, secondary indexes are dropped and built once at the
    end (much faster than maintaining them row by row). Unique ones stay:
    they guard the data. Returns the dropped Index objects."""
    dropped = []
    for model in models:
        for index in model.__table__.indexes:
            if index.unique:
                continue
            index.drop(engine, checkfirst=True)
            dropped.append(index)
    return dropped


def fix_sequences(engine) -> None:
    """PostgreSQL serial sequences must follow the explicit ids we wrote."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for model in (
            Case,
            Violator,
            CaseAct,
            ViolationRecord,
            Decision,
            CaseEvent,
            CaseToken,
        ):
            name = model.__table__.name
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
                    f'coalesce((SELECT max(id) FROM "{name}"), 0) + 1, false)'
                )
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="cases to add")
    parser.add_argument(
        "--url",
        default=None,
        help="database URL (default: REFLEX_DB_URL or var/xlvphc.db)",
    )
    parser.add_argument(
        "--reset",
        action="store_true",
        help="drop every table first (a bench database only!)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args(argv)

    from xlvphc.settings import SETTINGS

    url = args.url or SETTINGS.db_url
    engine = db.make_engine(url)
    t0 = time.perf_counter()
    prepare(engine, args.reset)
    with db.session_scope() as session:
        units = list(session.exec(select(Unit)).all())
        catalogue = list(session.exec(select(CatalogueEntry)).all())
        ids = {
            "case": _max_id(session, Case),
            "act": _max_id(session, CaseAct),
            "event": _max_id(session, CaseEvent),
            "token": _max_id(session, CaseToken),
        }
        ids["case"] = max(
            ids["case"],
            _max_id(session, Violator),
            _max_id(session, ViolationRecord),
            _max_id(session, Decision),
        )
    ensure_users(units)
    token_columns = [c.name for c in CaseToken.__table__.columns]
    if token_columns != ["id", "case_id", "token", "unit_id"]:
        raise SystemExit("CaseToken columns changed: update bench/generate.py")
    # Plain objects: ORM attribute access is slow in the hot loop.
    units = [SimpleNamespace(**u.model_dump()) for u in units]
    catalogue = [SimpleNamespace(**c.model_dump()) for c in catalogue]
    today = date.today()
    rnd = random.Random(args.seed)
    gen = Generator(rnd, units, catalogue, today)
    gen.check_until = ids["case"] + CHECK_FIRST
    bulk = [Case, Violator, CaseAct, ViolationRecord, Decision, CaseEvent, CaseToken]
    dropped = drop_indexes(engine, bulk) if args.reset else []
    print(
        f"{engine.dialect.name}: {args.n} cases into {engine.url!r} "
        f"(setup {time.perf_counter() - t0:.1f} s)",
        flush=True,
    )

    # The dashboard's summary triggers would fire per row: off during the
    # load, the summary is rebuilt in one pass at the end.
    with engine.begin() as conn:
        case_summary.drop(conn)
    writer = Writer(engine, bulk)
    t1 = time.perf_counter()
    days = gen.dates(args.n)
    done = 0
    for day in days:
        ids["case"] += 1
        gen.case(ids["case"], day, writer, ids)
        done += 1
        if done % args.batch == 0:
            writer.flush()
            if done % (args.batch * 20) == 0:
                el = time.perf_counter() - t1
                print(
                    f"  {done:>9} cases  {el:7.1f} s  {done / el:8.0f} cases/s",
                    flush=True,
                )
    writer.flush()
    writer.close()
    t_rows = time.perf_counter()
    for index in dropped:
        index.create(engine)
    t_idx = time.perf_counter()
    write_sequences(engine, gen)
    fix_sequences(engine)
    t_summary = time.perf_counter()
    with engine.begin() as conn:
        case_summary.rebuild(conn)
        case_summary.install(conn)
    print(
        f"dashboard summary rebuilt in {time.perf_counter() - t_summary:.1f} s",
        flush=True,
    )
    t2 = time.perf_counter()
    if engine.dialect.name == "postgresql":
        # VACUUM too: it sets the visibility map, without which every
        # index-only scan (search words, the case list's count) visits the
        # table. A server with autovacuum off (as on the bench machine) would
        # never do it; with it on, only after a while.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM (ANALYZE)"))
    else:
        with engine.begin() as c:
            c.execute(text("ANALYZE"))
    t3 = time.perf_counter()
    rows = sum(writer.counts.values())
    el = t2 - t1
    print(
        f"inserted {args.n} cases / {rows} rows in {el:.1f} s: "
        f"{args.n / el:.0f} cases/s, {rows / el:.0f} rows/s "
        f"(rows {t_rows - t1:.1f} s, {len(dropped)} indexes rebuilt "
        f"{t_idx - t_rows:.1f} s); ANALYZE {t3 - t2:.1f} s; "
        f"total with setup {t3 - t0:.1f} s"
    )
    for name, count in sorted(writer.counts.items()):
        print(f"  {name:<16} {count:>10}")


if __name__ == "__main__":
    main()
