"""The violation catalogue: acts of the sector decrees with their fine frames."""

from sqlmodel import Field, SQLModel

from xlvphc.models.base import MONEY


class CatalogueEntry(SQLModel, table=True):
    """One point of a sector decree. Fines are for an individual (Law Art. 24:
    an organisation's frame is double)."""

    id: int | None = Field(default=None, primary_key=True)
    decree: str = Field(index=True, max_length=60)
    field: str = Field(index=True, max_length=120)
    article: int = Field(index=True)
    clause: int
    point: str = Field(default="", max_length=4)
    act: str = Field(max_length=1000)
    fine_min: int | None = Field(default=None, sa_type=MONEY)
    fine_max: int | None = Field(default=None, sa_type=MONEY)
    additional_sanction: str = Field(default="", max_length=1000)
    remedial_measure: str = Field(default="", max_length=1000)
    source: str = Field(default="", max_length=1000)
    search_text: str = Field(default="", max_length=2000)
