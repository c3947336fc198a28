"""Blocks several forms print identically: the violator's identity and
the signer's title lines.

Nearly every form of the Phụ lục to Nghị định 118/2021/NĐ-CP repeats the same
identity fields for an individual or an organisation, so they are laid out
once here and a fix reaches every form.
"""

from xlvphc.documents.data import Agency, ViolatorData
from xlvphc.documents.layout import DOTS, OfficialDocument
from xlvphc.documents.wording import BLANK_DATE, is_organisation, text
from xlvphc.domain.dates import fmt_date
from xlvphc.domain.signer_titles import post_of, with_body


def identity_block(doc: OfficialDocument, v: ViolatorData, prefix: str = "") -> None:
    """Print the violator's identity as the forms list it.

    Individual: name, sex, birth date, nationality, occupation, residence,
    identity number with date and place of issue. Organisation: name, head
    office, enterprise code, registration certificate with date and place,
    legal representative, sex, title. Unknown values print as dotted blanks
    so they can be completed by hand.

    Args:
        doc: The document being written.
        v: The violator.
        prefix: Number in front of the first line ("1. " in MBB01).
    """
    if is_organisation(v):
        _organisation(doc, v, prefix)
    else:
        _individual(doc, v, prefix)


def _individual(doc: OfficialDocument, v: ViolatorData, prefix: str) -> None:
    """Identity lines of an individual (MBB01, MQĐ02)."""
    doc.field_pair(
        (f"{prefix}Họ và tên", text(v.name)),
        ("Giới tính", text(v.gender)),
        first_style="B",
    )
    doc.field_pair(
        ("Ngày, tháng, năm sinh", fmt_date(v.birth_date)),
        ("Quốc tịch", text(v.nationality)),
    )
    doc.field("Nghề nghiệp", text(v.occupation))
    doc.field("Nơi ở hiện tại", text(v.address))
    doc.paragraph(
        "Số định danh cá nhân/CMND/Hộ chiếu: ",
        text(v.id_number) or DOTS * 12,
        "; ngày cấp: ",
        fmt_date(v.id_issued_on) or BLANK_DATE,
        "; nơi cấp: ",
        text(v.id_issued_by) or None,
    )


def _organisation(doc: OfficialDocument, v: ViolatorData, prefix: str) -> None:
    """Identity lines of an organisation (MBB01, MQĐ02)."""
    doc.field(f"{prefix}Tên của tổ chức", text(v.name), value_style="B")
    doc.field("Địa chỉ trụ sở chính", text(v.address))
    doc.field("Mã số doanh nghiệp", text(v.tax_code))
    doc.paragraph(
        "Số GCN đăng ký đầu tư/doanh nghiệp hoặc GP thành lập/đăng ký hoạt động: ",
        text(v.registration_number) or DOTS * 12,
        "; ngày cấp: ",
        fmt_date(v.registration_issued_on) or BLANK_DATE,
        "; nơi cấp: ",
        text(v.registration_issued_by) or None,
    )
    doc.field_pair(
        ("Người đại diện theo pháp luật", text(v.representative_name)),
        ("Giới tính", text(v.representative_gender)),
    )
    doc.field("Chức danh", text(v.representative_title))


def signer_headings(
    title: str, deputy_of: str = "", agency_name: str = ""
) -> tuple[str, ...]:
    """Title lines above a decision's signature.

    Note (25) of MQĐ02 and Nghị định 30/2020/NĐ-CP: a deputy who signs under
    a delegation writes "KT." before the head's title, then his own title.
    The agency already heads the page, so a title ending with the agency's
    name is printed without it ("PHÓ CHỦ TỊCH", not "PHÓ CHỦ TỊCH ỦY BAN …").

    Args:
        title: The signer's own title ("Phó Chủ tịch").
        deputy_of: The head's title when the signer is a deputy.
        agency_name: The issuing agency, dropped from the end of titles.

    Returns:
        The lines in capitals, e.g. ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH").
    """
    own = _short_title(title, agency_name).upper() or DOTS * 10
    if text(deputy_of):
        return (f"KT. {_short_title(deputy_of, agency_name).upper()}", own)
    return (own,)


def _short_title(title: str, agency_name: str) -> str:
    """ "Chủ tịch Ủy ban nhân dân phường X" -> "Chủ tịch" for agency X; a
    title with part of the agency's name ("Trưởng Công an xã" of "Công an
    xã X") -> "Trưởng" too (domain.signer_titles.post_of)."""
    return post_of(text(title), text(agency_name))


def authority_name(agency: Agency, title: str, deputy_of: str = "") -> str:
    """Note (3) of the decisions: title and agency of the issuing person.

    A deputy signing under a delegation ("KT.") issues the decision with the
    head's power, so the head's title is used; the agency is not repeated,
    in whole or in part, when the title already names it
    (domain.signer_titles.with_body). "Chủ tịch Ủy ban nhân dân phường …".
    """
    head = text(deputy_of) or text(title)
    if not head:
        return ""
    return with_body(head, text(agency.name))


def authority_line(agency: Agency, title: str, deputy_of: str = "") -> str:
    """The authority line under a decision's title, in capitals."""
    return authority_name(agency, title, deputy_of).upper()
