"""Search-box timings on a generated database of N cases.

Run from the repository root:
`.venv/bin/python bench/bench_search.py [cases] [db-url]` (default 200000
cases in a temporary SQLite file). It prints figures only; it is not a test.
`seed(n)` and `measure()` are meant to be reused by the 1,000,000-case
benchmark (issue 6) and on PostgreSQL (pass its URL).

Seen on the 2-core dev machine, SQLite, 200,000 cases (seed + index 39 s),
median of 5, whole list_cases call (count + one page):
  3-word name without diacritics 42 ms; same words reordered 19 ms;
  plate 1 ms; identity-number prefix 2 ms; one letter ("n", 65k hits) 69 ms;
  no filter 13 ms; date range + amount 48 ms; sorted by name, page 50 97 ms;
  an officer's own unit, 2-word name 24 ms.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]
os.environ.setdefault("XLVPHC_BCRYPT_ROUNDS", "4")

from sqlalchemy import insert  # noqa: E402
from sqlmodel import SQLModel, select  # noqa: E402

from xlvphc.domain.text import fold  # noqa: E402
from xlvphc.models import Case, Unit  # noqa: E402
from xlvphc.services import db as dbmod  # noqa: E402
from xlvphc.services import reference, search_index  # noqa: E402
from xlvphc.services.access import Actor  # noqa: E402
from xlvphc.services.case_queries import list_cases  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
          "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Y", "H'"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng",
         "Hương", "Khoa", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn",
         "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Xuân", "Yến", "Đào", "Blong"]
PLACES = ["Lê Duẩn", "Nguyễn Tất Thành", "Phan Bội Châu", "Hùng Vương",
          "Quốc lộ 14", "Quốc lộ 1", "Chợ Ea Kao", "Buôn Ako Dhông", "Thôn 3"]


def seed(n: int, batch: int = 5000) -> None:
    """n random cases spread over every unit and ten years, then the word
    index rebuilt in bulk."""
    rng = random.Random(6)
    with dbmod.session_scope() as session:
        reference.load_units(session)
        units = list(session.exec(select(Unit.id)))
    start = date(2016, 1, 1)
    for first in range(0, n, batch):
        rows = []
        for i in range(first, min(n, first + batch)):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            day = start + timedelta(days=rng.randrange(3650))
            plate = f"47B{rng.randrange(1, 9)}-{rng.randrange(1000):03d}." \
                    f"{rng.randrange(100):02d}"
            idno = f"066{rng.randrange(10**9):09d}"
            place = rng.choice(PLACES)
            text = f"{name} {i + 1}/BB-VPHC {place} {plate} {idno}"
            rows.append({
                "unit_id": rng.choice(units), "field": "Giao thông",
                "status": rng.choice(["recorded", "decided", "closed"]),
                "violation_date": day, "violator_name": name,
                "record_number": f"{i + 1}/BB-VPHC", "fine_total":
                rng.randrange(0, 40) * 250_000, "search_text": f" {fold(text)} ",
                "description": f"Xe biển số {plate}", "version": 1,
            })
        with dbmod.session_scope() as session:
            session.connection().execute(insert(Case), rows)
    with dbmod.session_scope() as session:
        search_index.rebuild(session)


def _timed(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def measure() -> list[tuple[str, float, int]]:
    """Median milliseconds of typical searches, as a supervisor (every unit)
    and as an officer of one unit."""
    with dbmod.session_scope() as session:
        unit_id = session.exec(select(Case.unit_id).limit(1)).one()
    sup = Actor(1, "bench", "bench", "", unit_id, "", frozenset({"supervisor"}),
                frozenset({unit_id}), province_level=True)
    officer = Actor(2, "bench2", "bench2", "", unit_id, "", frozenset({"officer"}),
                    frozenset({unit_id}))
    queries = [
        ("tên không dấu, 3 từ", sup, {"q": "nguyen van an"}),
        ("tên đảo thứ tự", sup, {"q": "an nguyen"}),
        ("biển số", sup, {"q": "47B1-123.45"}),
        ("số định danh", sup, {"q": "066000"}),
        ("một chữ cái", sup, {"q": "n"}),
        ("không lọc", sup, {}),
        ("lọc ngày + số tiền", sup, {"v_from": "01/01/2020", "v_to": "31/12/2020",
                                     "amount_min": "1.000.000"}),
        ("sắp xếp theo tên, trang 50", sup, {"sort": "violator_name"}),
        ("cán bộ một đơn vị, tên", officer, {"q": "tran thi"}),
    ]
    out = []
    for label, actor, filters in queries:
        page = 50 if "trang 50" in label else 1
        total = list_cases(actor, filters, page)["total"]
        out.append((label, _timed(lambda: list_cases(actor, filters, page)), total))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    url = sys.argv[2] if len(sys.argv) > 2 else \
        f"sqlite:///{tempfile.mkdtemp(prefix='xlvphc-bench-')}/bench.db"
    engine = dbmod.make_engine(url)
    dbmod.use_engine(engine)
    SQLModel.metadata.create_all(engine)
    began = time.perf_counter()
    seed(n)
    print(f"seeded {n} cases + word index in {time.perf_counter() - began:.0f} s")
    for label, ms, total in measure():
        print(f"{label:32} {ms:8.1f} ms  ({total} found)")


if __name__ == "__main__":
    main()
