"""The issuing unit as a paper's header prints it (Nghị định 30/2020: the
superior body, the issuing one, the place of the date line), and the copy of
it each issued record and decision keeps.

A signed paper is what it was when signed: renaming a unit (UBND phường Tuy
Hòa → «… Tuy Hòa Mới») or merging it into another (services/units.py) must
not reprint its old decisions under the new name, nor with one unit's header
above another's heading (user trial). So the record and the decision store
the header when they are written (`agency_columns`) and their prints use
that copy (`issued_agency`); drafts and blank forms, not yet signed by
anyone, print the unit as it is now. A decision also keeps the unit's own
name (`decision_columns`), the one it sends itself to "để tổ chức thực
hiện" (`issued_unit_name`).

A procedure step's own paper (a postponement, MQĐ03; a coercion decision or
record; a seizure; the handing-over record, MBB29 …) keeps the same copy in
the step's details (`step_copy`, kept under `STEP_KEY` by
procedure/transitions.py), and its official print uses it
(printing_steps.step_issuer, `copied_agency`).
"""

from sqlmodel import Session

from xlvphc.documents.data import Agency
from xlvphc.models import Unit
from xlvphc.models.units import UnitKind
from xlvphc.services.cases import issuer_name


def agency_of(session: Session, unit: Unit) -> Agency:
    """The header of Decree 30/2020: the superior body above the issuing one
    where there is one, and the place name of the date line."""
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    if unit.kind in (UnitKind.COMMUNE_COMMITTEE, UnitKind.COMMUNE_POLICE):
        superior = (
            "Công an tỉnh Đắk Lắk" if unit.kind == UnitKind.COMMUNE_POLICE else ""
        )
        place = parent.name.split(" ", 1)[-1] if parent else "Đắk Lắk"
        return Agency(name=unit.name, parent=superior, place=place)
    superior = (
        ""
        if unit.is_vertical or unit.kind == UnitKind.PROVINCE
        else "Ủy ban nhân dân tỉnh Đắk Lắk"
    )
    return Agency(
        name=issuer_name(unit.name, unit.kind), parent=superior, place="Đắk Lắk"
    )


def agency_columns(session: Session, unit_id: int | None) -> dict[str, str]:
    """The `agency_*` columns of a record or decision the unit issues now;
    all "" for a unit not found (the print then falls back to the case's)."""
    unit = session.get(Unit, unit_id) if unit_id else None
    if unit is None:
        return {"agency_name": "", "agency_parent": "", "agency_place": ""}
    agency = agency_of(session, unit)
    return {
        "agency_name": agency.name,
        "agency_parent": agency.parent,
        "agency_place": agency.place,
    }


def decision_columns(session: Session, unit_id: int | None) -> dict[str, str | None]:
    """The `agency_*` columns of a decision the unit issues now, with the
    unit's own name (`agency_unit_name`), which the decision names to carry
    it out (`issued_unit_name`): the header alone drops a provincial body's
    "tỉnh Đắk Lắk". None for a unit not found, as a decision kept before."""
    unit = session.get(Unit, unit_id) if unit_id else None
    return {
        **agency_columns(session, unit_id),
        "agency_unit_name": unit.name if unit is not None else None,
    }


def issued_agency(session: Session, paper: object, unit: Unit) -> Agency:
    """The header an issued record or decision prints: its own copy, or,
    for a paper without one (not known), the unit's as it is now."""
    name = getattr(paper, "agency_name", "") if paper is not None else ""
    if not name:
        return agency_of(session, unit)
    return Agency(
        name=name,
        parent=getattr(paper, "agency_parent", "") or "",
        place=getattr(paper, "agency_place", "") or "",
    )


def issued_unit_name(session: Session, paper: object, unit: Unit) -> str:
    """The unit an issued decision names to carry it out ("Gửi cho … để tổ
    chức thực hiện", MQĐ01), as it named it when signed.

    A decision keeps the unit's own name when issued (`decision_columns`),
    and that name is printed whatever the unit is called now. A decision
    issued before it kept one (migration 0029 left those NULL rather than
    guess) keeps only its header: while the unit's header is still the
    kept one, the unit is as it was and its name is the one printed then;
    after a rename or a merge the kept header name stands for it (a
    commune's own name; a provincial body's without "tỉnh Đắk Lắk", which
    the kept superior line says), so such a reprint is close, not exact.
    A paper without any copy names the unit as it is now, as its header
    does.
    """
    own = str(getattr(paper, "agency_unit_name", "") or "") if paper else ""
    if own:
        return own
    kept = str(getattr(paper, "agency_name", "") or "") if paper else ""
    if not kept or kept == agency_of(session, unit).name:
        return unit.name
    return kept


# The key of a step's details (models/form_details.py) holding its copy.
STEP_KEY = "issuer"


def step_copy(session: Session, unit_id: int | None) -> dict[str, str]:
    """What a step issuing a paper keeps of its unit: the header, as
    `agency_columns`, and the unit's own name, which the decisions print as
    the one to carry them out ("Gửi cho … để tổ chức thực hiện"). {} for a
    unit not found."""
    unit = session.get(Unit, unit_id) if unit_id else None
    if unit is None:
        return {}
    agency = agency_of(session, unit)
    return {
        "name": agency.name,
        "parent": agency.parent,
        "place": agency.place,
        "unit": unit.name,
    }


def copied_agency(copy: object) -> Agency | None:
    """The header a step's copy holds; None for a step that kept none
    (recorded before steps kept one): its paper prints the unit as now."""
    if not isinstance(copy, dict) or not copy.get("name"):
        return None
    return Agency(
        name=str(copy["name"]),
        parent=str(copy.get("parent") or ""),
        place=str(copy.get("place") or ""),
    )
