"""The parts of a form that are more than text: identity block, acts,
tables of items, signatures. Used by `documents.template`."""

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from xlvphc.documents.blocks import identity_block, signer_headings
from xlvphc.documents.data import FormData, ViolatorData
from xlvphc.documents.layout import BODY_PT, OfficialDocument
from xlvphc.documents.signatures import (
    Signature,
    decision_signature_height,
    recipients_and_signature,
    rows_height,
    signature_row,
)
from xlvphc.documents.wording import (
    act_wording,
    enumerate_items,
    is_organisation,
    legal_basis,
    text,
)

if TYPE_CHECKING:
    from xlvphc.documents.template import FormSpec


def identity_part(doc: OfficialDocument, data: FormData, prefix: str = "") -> None:
    """The identity block; a blank form shows both alternatives."""
    if data.blank or data.violator is None:
        nobody = ViolatorData(kind="individual", name="", nationality="")
        identity_block(doc, nobody, prefix)
        identity_block(doc, replace(nobody, kind="organisation"), prefix)
        return
    identity_block(doc, data.violator, prefix)


def acts_part(doc: OfficialDocument, data: FormData) -> None:
    """Acts with their legal basis, numbered when there are several."""
    if data.blank or not data.acts:
        doc.dotted_lines(1)
        return
    # An act without a citation (imported) prints without the clause.
    items = [
        f"{act_wording(a).rstrip('.;')} (quy định tại {legal_basis(a)})"
        if legal_basis(a)
        else act_wording(a)
        for a in data.acts
    ]
    for line in enumerate_items(items):
        doc.paragraph(line)


def signatures_part(
    doc: OfficialDocument, spec: "FormSpec", data: FormData, ctx: Mapping[str, str]
) -> None:
    """Decision: "Nơi nhận" and the signer. Record: its signature rows."""
    if spec.is_decision:
        recipients_and_signature(doc, list(spec.recipients), _signer(data, ctx))
        return
    for row in _record_rows(spec, data, ctx):
        signature_row(doc, row)


def _signer(data: FormData, ctx: Mapping[str, str]) -> Signature:
    """The signature column of a decision."""
    title = "" if data.blank else data.signer_title
    deputy = "" if data.blank else data.deputy_of
    headings = (
        signer_headings(title, deputy, data.agency.name)
        if title
        else ("CHỨC VỤ CỦA NGƯỜI KÝ",)
    )
    return Signature(
        headings,
        "(Ký, đóng dấu (nếu có); ghi rõ họ và tên)" if not title else "",
        ctx.get("signer_name", ""),
    )


def signatures_height(
    doc: OfficialDocument, spec: "FormSpec", data: FormData, ctx: Mapping[str, str]
) -> float:
    """The height the signatures take: a decision's "Nơi nhận" and signer
    (user trial: MQĐ12a's page 3 held them alone, under no text), a record's
    signature rows; 0 for a form without signatures."""
    if spec.is_decision:
        return decision_signature_height(
            doc, list(spec.recipients), _signer(data, ctx)
        )
    if not spec.signatures:
        return 0.0
    return rows_height(doc, _record_rows(spec, data, ctx))


def _record_rows(
    spec: "FormSpec", data: FormData, ctx: Mapping[str, str]
) -> list[list[Signature | None]]:
    """A record's signature columns, with names and headings filled."""
    return [
        [
            None
            if s is None
            else Signature(
                _headings(s.headings, s.name_key, data),
                s.note,
                ctx.get(s.name_key, "") if s.name_key else "",
            )
            for s in row
        ]
        for row in spec.signatures
    ]


_EITHER = "CÁ NHÂN/NGƯỜI ĐẠI DIỆN CỦA TỔ CHỨC"


def _headings(
    headings: tuple[str, ...], name_key: str, data: FormData
) -> tuple[str, ...]:
    """The column of the person concerned with the form's "CÁ NHÂN/NGƯỜI ĐẠI
    DIỆN CỦA TỔ CHỨC …" choice made, as MBB01 words it ("CÁ NHÂN VI PHẠM",
    "NGƯỜI ĐẠI DIỆN CỦA TỔ CHỨC VI PHẠM"); a blank form, or a column whose
    signer is not known to be either, keeps the choice."""
    joined = " ".join(headings[:2])
    body = None if data.blank else _speaks_for_a_body(name_key, data)
    if body is None or not joined.startswith(_EITHER + " "):
        return headings
    rest = joined[len(_EITHER) :]
    if body:
        return ("NGƯỜI ĐẠI DIỆN", "CỦA TỔ CHỨC" + rest, *headings[2:])
    return ("CÁ NHÂN" + rest, *headings[2:])


def _speaks_for_a_body(name_key: str, data: FormData) -> bool | None:
    """Whether the signer of a column signs for an organisation: the person
    concerned by the case's violator, MBB09's informant by what its step
    recorded ("informant_kind"); None when not known."""
    if name_key == "person_name":
        return None if data.violator is None else is_organisation(data.violator)
    if name_key == "informant_signer":
        kind = data.values.get("informant_kind")
        return {"organisation": True, "person": False}.get(str(kind or ""))
    return None


def table_part(doc: OfficialDocument, header: str, data: FormData) -> None:
    """A list of items (goods, assets) as the form's ruled table.

    Rows come from `values["items"]`, a list of rows (one text per column
    after "STT"); the form's empty rows are kept for a blank form and when
    there are no items, so they can be written in by hand.
    """
    columns = [c.strip() for c in header.split("|")]
    # Licences have a table of their own in MBB15/MBB17.
    key = "licences" if columns[1].startswith("Tên giấy phép") else "items"
    given = [] if data.blank else list(data.values.get(key, []) or [])
    rows = [[str(i), *[text(c) for c in row]] for i, row in enumerate(given, start=1)]
    # Empty rows are two lines high: room to write by hand.
    rows = rows or [[" \n "] * len(columns) for _ in range(3)]
    # The name column gets a double share: it holds the longest text.
    share = (doc.text_width - 10) / len(columns)
    widths = [10, 2 * share] + [share] * (len(columns) - 2)
    doc.set_font(doc.font_family, "", 11)
    doc.ln(1)
    with doc.table(
        col_widths=widths,
        text_align="CENTER",
        align="LEFT",
        width=doc.text_width,
        line_height=5.2,
        # A little room inside each cell: a heading that wraps ("Tình trạng,
        # đặc điểm") must not touch the rules.
        padding=(0.4, 1.2),
        first_row_as_headings=True,
    ) as table:
        for row in [columns, *rows]:
            cells = table.row()
            for index in range(len(columns)):
                value = row[index] if index < len(row) else ""
                cells.cell(value)
    doc.ln(2)
    doc.set_font(doc.font_family, "", BODY_PT)
