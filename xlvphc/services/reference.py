"""Loading the shipped reference data: units and the violation catalogue.

Idempotent: rows are matched on a natural key and only missing or changed rows
are written, so running the loader twice changes nothing."""

import csv
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from xlvphc.domain.text import fold
from xlvphc.models import CatalogueEntry, Unit
from xlvphc.models.units import UnitKind

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PROVINCE_CODE = "66"
SUPERVISOR_NAME = "Sở Tư pháp tỉnh Đắk Lắk"
VERTICAL_MARK = "not a PPC department"


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _slug(name: str) -> str:
    words = re.sub(r"[^a-z0-9 ]", " ", fold(name.replace("tỉnh Đắk Lắk", ""))).split()
    return "-".join(w.upper() for w in words)[:40].rstrip("-")


def _upsert_unit(
    session: Session, report: LoadReport, cache: dict[str, Unit], **values
) -> Unit:
    """Creates a missing unit. An existing one is left as administrators keep
    it (renamed, merged, deactivated): the shipped list only seeds the tree."""
    unit = cache.get(values["code"])
    if unit is None:
        unit = Unit(**values)
        session.add(unit)
        session.flush()
        cache[unit.code] = unit
        report.created += 1
        return unit
    report.unchanged += 1
    return unit


def load_units(session: Session) -> LoadReport:
    report = LoadReport()
    cache = {u.code: u for u in session.exec(select(Unit)).all()}
    province = _upsert_unit(
        session, report, cache, code=PROVINCE_CODE, name="Tỉnh Đắk Lắk",
        kind=UnitKind.PROVINCE, parent_id=None, source="Mã tỉnh theo Cục Thống kê",
    )
    for row in _rows("departments_daklak.csv"):
        name = row["name"].strip()
        _upsert_unit(
            session, report, cache, code=_slug(name), name=name,
            kind=UnitKind.DEPARTMENT, parent_id=province.id,
            is_supervisor=name == SUPERVISOR_NAME,
            is_vertical=VERTICAL_MARK in row["source"], source=row["source"][:1000],
        )
    for row in _rows("units_daklak.csv"):
        code, name = row["code"].strip(), row["name"].strip()
        area = _upsert_unit(
            session, report, cache, code=code, name=name, kind=UnitKind.COMMUNE,
            parent_id=province.id, source=row["source"][:1000],
        )
        _upsert_unit(
            session, report, cache, code=f"UBND-{code}",
            name=f"Ủy ban nhân dân {name[0].lower()}{name[1:]}",
            kind=UnitKind.COMMUNE_COMMITTEE, parent_id=area.id, source="",
        )
        # Commune police belong to the police's vertical line: reported
        # separately from the provincial total (Decree 118/2021 Art. 39).
        _upsert_unit(
            session, report, cache, code=f"CA-{code}",
            name=f"Công an {name[0].lower()}{name[1:]}",
            kind=UnitKind.COMMUNE_POLICE, parent_id=area.id, is_vertical=True,
            source="",
        )
    log.info("units loaded: %s", report)
    return report


def _catalogue_key(entry: CatalogueEntry) -> tuple:
    return (entry.decree, entry.article, entry.clause, entry.point, entry.act)


def _int_or_none(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text else None


def load_catalogue(session: Session) -> LoadReport:
    report = LoadReport()
    existing = {_catalogue_key(e): e for e in session.exec(select(CatalogueEntry))}
    for row in _rows("violations_catalogue.csv"):
        values = dict(
            decree=row["decree"].strip(),
            field=row["field"].strip(),
            article=int(row["article"]),
            clause=int(row["clause"]),
            point=row["point"].strip(),
            act=row["act"].strip(),
            fine_min=_int_or_none(row["fine_min_vnd"]),
            fine_max=_int_or_none(row["fine_max_vnd"]),
            additional_sanction=row["additional_sanction"].strip(),
            remedial_measure=row["remedial_measure"].strip(),
            source=row["source"].strip()[:1000],
        )
        values["search_text"] = catalogue_search_text(values)
        key = tuple(values[k] for k in ("decree", "article", "clause", "point", "act"))
        entry = existing.get(key)
        if entry is None:
            session.add(CatalogueEntry(**values))
            report.created += 1
            continue
        changed = [k for k, v in values.items() if getattr(entry, k) != v]
        for k in changed:
            setattr(entry, k, values[k])
        if changed:
            session.add(entry)
            report.updated += 1
        else:
            report.unchanged += 1
    log.info("catalogue loaded: %s", report)
    return report


def catalogue_search_text(values: dict) -> str:
    """Folded text that matches both words of the act and a citation typed as
    "điểm a khoản 2 Điều 6" or "6.2.a"."""
    point = values["point"]
    cite = f"diem {point} khoan {values['clause']} dieu {values['article']}"
    short = f"{values['article']}.{values['clause']}.{point}"
    text = f"{cite} {short} {values['decree']} {values['field']} {values['act']}"
    return f" {fold(text)} "
