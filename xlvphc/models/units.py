"""Organisational units: the province, its departments, communes and their bodies."""

from sqlmodel import Field, SQLModel


class UnitKind:
    """Kinds of unit. Cases belong to the units that sanction, not to areas."""

    PROVINCE = "province"
    DEPARTMENT = "department"
    COMMUNE = "commune"
    COMMUNE_COMMITTEE = "ubnd"
    COMMUNE_POLICE = "police"

    LABELS = {
        PROVINCE: "Tỉnh",
        DEPARTMENT: "Sở, ban, ngành",
        COMMUNE: "Xã, phường",
        COMMUNE_COMMITTEE: "UBND xã, phường",
        COMMUNE_POLICE: "Công an xã, phường",
    }


class Unit(SQLModel, table=True):
    """A node of the unit tree; `code` is the official or derived stable key."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, max_length=40)
    # Indexed: the case list sorted by unit walks the units in name order.
    name: str = Field(index=True, max_length=200)
    kind: str = Field(index=True, max_length=20)
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    is_supervisor: bool = False
    is_vertical: bool = False
    active: bool = True
    source: str = Field(default="", max_length=1000)
