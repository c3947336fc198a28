"""Checking read rows against what the app knows: its fields (lĩnh vực) and
the violation catalogue's fine frames.

The reader checks each cell alone; these checks need the database, so they
run once per file on the rows the reader found readable. Problems are added
to the row's, in the reader's form ("Dòng 17, cột Lĩnh vực: …").
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from xlvphc.domain.fines import org_frame
from xlvphc.domain.money import format_vnd
from xlvphc.domain.text import fold
from xlvphc.models import CatalogueEntry
from xlvphc.models.cases import ViolatorKind
from xlvphc.services.importer.columns import BY_KEY
from xlvphc.services.importer.reader import Row, cite_text


@dataclass(frozen=True)
class Known:
    """The fields and catalogue acts, as the checks look them up."""

    fields: dict[str, str]  # folded -> as the catalogue writes it
    # (decree, article, clause, point) -> the entry's id, frame and act, as
    # plain values: they outlive the session.
    acts: dict[tuple, dict]

    @classmethod
    def load(cls, session: Session) -> "Known":
        entries = session.exec(select(CatalogueEntry)).all()
        return cls(
            fields={fold(e.field): e.field for e in entries},
            acts={
                (e.decree, e.article, e.clause, e.point): {
                    "id": e.id, "fine_min": e.fine_min, "fine_max": e.fine_max,
                    "field": e.field, "act": e.act,
                }
                for e in entries
            },
        )


def act_fines(fine: int, entries: list[dict | None]) -> list[int | None]:
    """Each cited act's fine, as far as the register's one amount (the
    decision's total) tells it; None where it does not.

    A decision on several acts gives each act its fine and the total
    (Nghị định 118/2021/NĐ-CP, form MQĐ02 note (10)); a register keeps the
    total only, and splitting it by frames or evenly would state fines no
    one decided. It is told only where no other reading is possible: one
    act carries it all; an empty amount is a warning for each act (the
    template's hint); acts the catalogue gives a warning only (no frame)
    get a warning, and when a single act is left it carries the total. The
    others are None (shown.FINE_IN_TOTAL on the case page, dotted on
    MQĐ02, never a warning). The case and its decision keep the total
    whatever the split (Case.fine_total, Decision.fine_total drive payment,
    reports and the dashboard)."""
    if len(entries) <= 1 or fine == 0:
        return [fine] * len(entries)
    warning_only = [e is not None and not e["fine_max"] for e in entries]
    fined = [i for i, only in enumerate(warning_only) if not only]
    if len(fined) == 1:
        return [fine if i == fined[0] else 0 for i in range(len(entries))]
    return [0 if only else None for only in warning_only]


def _problem(row: Row, key: str, text: str) -> None:
    row.problems.append(f"Dòng {row.number}, cột {BY_KEY[key].title}: {text}")


def check_rows(session: Session, rows: list[Row]) -> None:
    """Add to each row what the app's lists refuse (see check_row)."""
    known = Known.load(session)
    for row in rows:
        check_row(known, row)


def check_row(known: Known, row: Row) -> None:
    """The field must be one of the app's (the catalogue's fields, which the
    case form and the dashboard use): any other text would become a new
    category of the statistics. Acts the catalogue holds are matched to it
    (their frame is kept with the case) and the fine checked against their
    frames."""
    v = row.values
    typed = v.get("field", "")
    if typed:
        field = known.fields.get(fold(typed))
        if field is None:
            _problem(row, "field", f"\u201c{typed}\u201d không có trong danh sách "
                     "lĩnh vực của hệ thống (" + "; ".join(sorted(
                         known.fields.values())) + ").")
        else:
            v["field"] = field
    cites = v.get("acts") or []
    entries = [known.acts.get((c["decree"], c["article"], c["clause"], c["point"]))
               for c in cites]
    v["entries"] = entries
    if not cites or any(e is None for e in entries):
        # An act the catalogue does not hold (catalogue partial, or an earlier
        # decree) has no frame the app knows: its fine is not checked.
        return
    is_org = v.get("kind") == ViolatorKind.ORGANISATION
    frames = [org_frame(e["fine_min"] or 0, e["fine_max"] or 0, is_org)
              for e in entries]
    low, high = sum(f[0] for f in frames), sum(f[1] for f in frames)
    fine = v.get("fine") or 0
    # Luật XLVPHC Điều 23 k4: the fine stays inside the frame (an
    # organisation's is twice an individual's, Điều 24 k2); several acts are
    # each sanctioned (Điều 52 k1), so the total stays within the sum of
    # their frames. A fine of 0 is a warning, which the register may record
    # for any act. An individual may have been 16 to under 18: at most half
    # the adult's fine (Điều 134), so for an individual the floor is half
    # the frame's.
    floor = low if is_org else low // 2
    if fine == 0 or floor <= fine <= high:
        return
    who = "tổ chức" if is_org else "cá nhân"
    named = ", ".join(cite_text(c) for c in cites)
    if high == 0:
        text = f"hành vi tại {named} chỉ bị phạt cảnh cáo, không phạt tiền"
    else:
        what = "khung phạt của hành vi tại" if len(cites) == 1 else \
            "tổng khung phạt của các hành vi tại"
        text = (f"nằm ngoài {what} {named} (từ {format_vnd(low)} đến "
                f"{format_vnd(high)} đối với {who}")
        text += ")" if is_org else (
            f"; người từ đủ 16 đến dưới 18 tuổi: từ {format_vnd(floor)}, Điều "
            "134 Luật Xử lý vi phạm hành chính)")
    _problem(row, "fine", f"{format_vnd(fine)} {text}.")
