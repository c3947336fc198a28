"""Excel import rate (services.importer) beside a floor measured in the same run.

Run from the repository root on a bench database (bench/generate.py):

    .venv/bin/python bench/bench_import.py --url sqlite:///var/bench.db --rows 2000

Builds a workbook in the import template's layout (the template's own
headings) with `--rows` plausible decisions over the catalogue, then times:
- floor: openpyxl reading the same workbook's cells (what any import costs);
- preview (dry run: read + check every row + look up existing decisions);
- import_rows (one case per row, in batches) by a bench officer;
- the same import again (every row already there: the idempotence path);
- import_rows of another file of the same size without a dry run before it
  (the import reuses the rows its dry run checked; this one reads the file).
It writes cases into the given database: use a bench database.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from openpyxl import Workbook, load_workbook  # noqa: E402
from sqlalchemy import text  # noqa: E402

from generate import BENCH_PASSWORD, Generator  # noqa: E402
from xlvphc.services import auth, db  # noqa: E402


def workbook(rows: int, seed: int) -> bytes:
    from sqlmodel import select

    from xlvphc.models import CatalogueEntry
    from xlvphc.services.importer import template
    from xlvphc.services.importer.columns import COLUMNS

    _, data = template()
    headings = [c.value for c in load_workbook(io.BytesIO(data)).active[1]]
    with db.session_scope() as session:
        catalogue = [
            c for c in session.exec(select(CatalogueEntry)).all() if c.fine_max
        ]
    rnd = random.Random(seed)
    gen = Generator.__new__(Generator)  # only its name maker is used
    gen.rnd = rnd
    from generate import FAMILY, Weighted

    gen.family = Weighted(FAMILY)
    wb = Workbook()
    ws = wb.active
    ws.append(headings)
    start = date.today() - timedelta(days=3 * 365)
    run = rnd.randrange(10**6)
    for i in range(rows):
        act = rnd.choice(catalogue)
        day = start + timedelta(days=rnd.randrange(3 * 365 - 30))
        decided = day + timedelta(days=rnd.randrange(0, 10))
        name, _ = gen.person()
        fine = (act.fine_min + act.fine_max) // 2
        point = f"điểm {act.point} " if act.point else ""
        values = {
            "decision_number": f"{run}{i}/QĐ-XPHC",
            "decided_on": decided.strftime("%d/%m/%Y"),
            "record_number": f"{run}{i}/BB-VPHC",
            "record_date": day.strftime("%d/%m/%Y"),
            "violation_date": day.strftime("%d/%m/%Y"),
            "violation_place": "Quốc lộ 14, xã Hòa Phú",
            "kind": "Cá nhân",
            "name": name.upper() if i % 7 == 0 else name,
            "identity": f"0660{rnd.randrange(10**8):08d}",
            "address": "Thôn 3, xã Hòa Phú, tỉnh Đắk Lắk",
            "field": act.field,
            "act": act.act,
            "citation": f"{point}khoản {act.clause} Điều {act.article} "
            f"Nghị định {act.decree}",
            "fine": f"{fine:,}".replace(",", "."),
            "signer": "Phạm Văn Dũng",
            "paid": f"{fine:,}".replace(",", ".") if i % 3 else "",
            "note": "",
        }
        ws.append([values[c.key] for c in COLUMNS])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


CPU: dict[str, float] = {}


def timed(fn, name: str = ""):
    """Wall time of fn(); its CPU time in this process goes to CPU[name] (on
    a shared machine the wall time also counts other people's work)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    CPU[name] = time.process_time() - cpu
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    engine = db.make_engine(args.url)
    db.use_engine(engine)
    from xlvphc.services.importer import import_rows, preview

    with engine.connect() as conn:
        n_cases = conn.execute(text('SELECT count(*) FROM "case"')).scalar()
        username = conn.execute(
            text(
                "SELECT username FROM \"user\" WHERE username LIKE 'bench.ubnd-%' "
                "ORDER BY username LIMIT 1"
            )
        ).scalar()
    officer = auth.resolve(auth.login(username, BENCH_PASSWORD).token)
    data = workbook(args.rows, args.seed)
    n = args.rows
    print(
        f"{engine.dialect.name}, {n_cases} cases; workbook of {n} rows "
        f"({len(data) / 1024:.0f} KiB), officer {username}"
    )
    floor, _ = timed(
        lambda: [
            list(r)
            for r in load_workbook(io.BytesIO(data), read_only=True).active.iter_rows(
                values_only=True
            )
        ],
        "floor",
    )
    t_prev, prev = timed(lambda: preview(officer, data), "preview")
    t_imp, res = timed(lambda: import_rows(officer, data), "import")
    t_again, again = timed(lambda: import_rows(officer, data), "again")
    other = workbook(args.rows, args.seed + 1)
    t_cold, cold = timed(lambda: import_rows(officer, other), "cold")
    print(
        f"  floor: openpyxl reads the cells   {floor:6.2f} s  {n / floor:8.0f} rows/s"
    )
    print(
        f"  preview (dry run)                 {t_prev:6.2f} s  {n / t_prev:8.0f} rows/s"
        f"  valid {prev['valid']}, invalid {prev['invalid']}"
    )
    print(
        f"  import                            {t_imp:6.2f} s  {n / t_imp:8.0f} rows/s"
        f"  created {res['created']}, invalid {res['invalid']}"
    )
    print(
        f"  same file again (all existing)    {t_again:6.2f} s  "
        f"{n / t_again:8.0f} rows/s  created {again['created']}, "
        f"existing {again['existing']}"
    )
    print(
        f"  another file, no dry run before   {t_cold:6.2f} s  "
        f"{n / t_cold:8.0f} rows/s  created {cold['created']}"
    )
    print(
        "  CPU time of this process (s): "
        + ", ".join(f"{k} {v:.2f}" for k, v in CPU.items())
    )
    if prev["problems"]:
        print("  first problems:", prev["problems"][:3])


if __name__ == "__main__":
    main()
