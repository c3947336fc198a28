"""Mẫu biên bản số 01 (MBB01): the violation record.

Laid out from the Phụ lục to Nghị định 118/2021/NĐ-CP, form MBB01 and its
notes (1)-(16); the record's required content is Điều 12 khoản 4 of the same
decree. Facts the data does not carry (grounds, injured party, preventive
measures, appointment) are printed as dotted blanks, because the record is
completed and signed on the spot.
"""

from datetime import datetime, time

from xlvphc.documents.blocks import identity_block
from xlvphc.documents.data import RecordData
from xlvphc.documents.layout import OfficialDocument
from xlvphc.documents.signatures import (
    Signature,
    keep_with_signatures,
    receipt_page,
    rows_height,
    signature_row,
)
from xlvphc.documents.wording import (
    BLANK_TIME,
    DOTS,
    act_wording,
    capitalised,
    enumerate_items,
    is_minor,
    kind,
    legal_basis,
    number_line,
    paragraphs,
    party,
    person,
    person_name,
    role,
    text,
)
from xlvphc.domain.dates import fmt_date, fmt_datetime
from xlvphc.domain.text import fold

TITLE = "BIÊN BẢN VI PHẠM HÀNH CHÍNH"
# The data has no injured party, so the form's choice is left to the writer.
INJURED = "cá nhân/tổ chức"


def render_record(data: RecordData) -> bytes:
    """Render a violation record (MBB01) to PDF.

    The closing sentence states how many sheets ("tờ") the record has: its
    pages as printed on one side, the receipt's page included when the
    receipt takes one. That is only known after layout, so the record is
    laid out again when the first count was wrong (at most twice more).

    Args:
        data: The record's content.

    Returns:
        The PDF file as bytes.
    """
    sheets = 2  # most records take two pages
    doc = _build(data, sheets)
    for _ in range(2):
        if doc.page_no() == sheets:
            break
        sheets = doc.page_no()
        doc = _build(data, sheets)
    return doc.to_bytes()


def _build(data: RecordData, sheets: int) -> OfficialDocument:
    """Lay out the whole record once, printing `sheets` in the closing."""
    v = data.violator
    doc = OfficialDocument(draft=data.draft, title=f"{TITLE} {text(data.number)}")
    doc.add_page()
    doc.national_header(data.agency, number_line(data.number, "BB-VPHC"))
    doc.title_block(TITLE, f"Về {text(data.field) or DOTS * 10}")

    # Time, place and grounds of making the record (notes 3 and 4).
    doc.paragraph(
        "Hôm nay, hồi ",
        _moment(data, data.made_at) or BLANK_TIME,
        ", tại ",
        text(data.place) or None,
        ".",
    )
    # Note (3): a record made at the office or another place, rather than
    # where the violation happened, states why, right under the place.
    reason = paragraphs(data.office_reason)
    if reason or fold(data.place) != fold(data.violation_place):
        doc.paragraph(
            "Lý do lập biên bản tại trụ sở cơ quan của người có thẩm "
            "quyền lập biên bản/địa điểm khác: ",
            reason[0] if reason else None,
        )
        for extra in reason[1:]:
            doc.paragraph(extra)
    doc.paragraph("Căn cứ: ", None)

    # Who is present (note 5); the data has no interpreter, so none is listed.
    doc.paragraph("Chúng tôi gồm:")
    doc.paragraph("1. Người có thẩm quyền lập biên bản:")
    doc.field_pair(
        ("Họ và tên", text(data.maker_name)), ("Chức vụ", text(data.maker_title))
    )
    doc.field("Cơ quan", text(data.agency.name))
    doc.paragraph("2. Với sự chứng kiến của: ", text(data.witness) or None)
    doc.paragraph(
        "Tiến hành lập biên bản vi phạm hành chính đối với ",
        party(v),
        " có tên sau đây:",
    )
    identity_block(doc, v, prefix="1. ")

    _violation(doc, data)
    _statements(doc, data)
    rows = _signature_rows(data)
    _closing(doc, data, sheets, rows_height(doc, rows))
    for row in rows:
        signature_row(doc, row)

    # "<In ở mặt sau>": the back of the last sheet, under the text when that
    # ends on a back page (signatures.receipt_page says why).
    receipt_page(
        doc,
        f"Biên bản đã giao trực tiếp cho {role(v)} vi phạm vào hồi {BLANK_TIME}",
        "NGƯỜI NHẬN BIÊN BẢN",
    )
    return doc


def _moment(data: RecordData, moment: datetime | None) -> str:
    """ "14 giờ 30 phút, ngày 05/03/2026"; for a record imported with days
    only, "…… giờ …… phút, ngày 05/03/2026"."""
    if moment is None:
        return ""
    if data.days_only and moment.time() == time():
        return f"…… giờ …… phút, ngày {fmt_date(moment.date())}"
    return fmt_datetime(moment)


def _violation(doc: OfficialDocument, data: RecordData) -> None:
    """Items 2 and 3: what was done, when and where, and the rule broken."""
    description = paragraphs(data.description)
    doc.paragraph(
        "2. Đã có các hành vi vi phạm hành chính: ",
        description[0] if description else None,
    )
    for extra in description[1:]:
        doc.paragraph(extra)
    when = _moment(data, data.violation_at)
    doc.paragraph(
        "Thời gian, địa điểm xảy ra vi phạm: hồi ",
        when or BLANK_TIME,
        "; tại ",
        text(data.violation_place) or None,
        ".",
    )
    acts = enumerate_items([act_wording(act) for act in data.acts])
    if len(acts) > 1:
        doc.paragraph("Hành vi vi phạm cụ thể:")
        for line in acts:
            doc.paragraph(line)
    elif acts:
        doc.paragraph("Hành vi vi phạm cụ thể: ", acts[0])

    # Acts without a citation (imported) leave the pen a dotted blank.
    bases = enumerate_items(
        [legal_basis(act) or DOTS * 2 for act in data.acts]
        if any(legal_basis(act) for act in data.acts)
        else []
    )
    if len(bases) > 1:
        doc.paragraph("3. Quy định tại:")
        for line in bases:
            doc.paragraph(line)
    else:
        doc.paragraph("3. Quy định tại: ", bases[0] if bases else None)


def _statements(doc: OfficialDocument, data: RecordData) -> None:
    """Items 4 to 11: injured party, statements, measures, explanation."""
    v = data.violator
    doc.paragraph(f"4. {capitalised(INJURED)} bị thiệt hại (nếu có): ", None)
    statement = paragraphs(data.violator_statement)
    doc.paragraph(
        f"5. Ý kiến trình bày của {role(v)} vi phạm: ",
        statement[0] if statement else None,
    )
    for extra in statement[1:]:
        doc.paragraph(extra)
    if not statement:
        doc.dotted_lines(1)
    doc.paragraph(
        "6. Ý kiến trình bày của đại diện chính quyền, người chứng kiến (nếu có): ",
        None,
    )
    doc.paragraph(f"7. Ý kiến trình bày của {INJURED} bị thiệt hại (nếu có): ", None)
    doc.paragraph(
        f"8. Chúng tôi đã yêu cầu {kind(v)} vi phạm chấm dứt ngay hành vi vi phạm."
    )
    doc.paragraph(
        "9. Các biện pháp ngăn chặn và bảo đảm xử lý vi phạm hành "
        "chính được áp dụng, gồm: ",
        None,
    )
    item = 10
    if data.explanation_allowed:
        # Note (12): 02 working days to ask for a hearing, 05 to write; a case
        # outside Điều 61 khoản 1 of the Law leaves the whole item out.
        doc.paragraph(
            "10. Quyền và thời hạn giải trình: Trong thời hạn 02 ngày làm việc "
            "(giải trình trực tiếp) hoặc 05 ngày làm việc (giải trình bằng văn "
            f"bản) kể từ ngày lập biên bản này, {person(v)} là {role(v)} vi "
            "phạm có quyền gửi văn bản yêu cầu được giải trình trực tiếp hoặc "
            "văn bản giải trình đến ",
            None,
            " để thực hiện quyền giải trình.",
        )
        item = 11
    doc.paragraph(
        f"{item}. Yêu cầu {person(v)} là {role(v)} vi phạm có mặt vào hồi "
        f"{BLANK_TIME}, tại ",
        None,
        " để giải quyết vụ việc.",
    )


def _closing(
    doc: OfficialDocument, data: RecordData, sheets: int, signing: float
) -> None:
    """The closing sentence, copies, and reasons for a missing signature.

    They go to a new page with the `signing` mm of signature rows when they
    would not all fit on this one: the rows sign "dưới đây", under this
    text (user trial: the witness's block alone on page 3).
    """
    v = data.violator
    copies = "01 bản, cha mẹ/người giám hộ của người chưa thành niên vi phạm 01 bản"
    minor = data.made_at is not None and is_minor(v, data.made_at.date())
    sentence = (
        f"Biên bản lập xong hồi {BLANK_TIME}, gồm {sheets:02d} tờ, được lập "
        f"thành {3 if minor else 2:02d} bản có nội dung và giá trị như nhau; đã "
        "đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng "
        f"và cùng ký tên dưới đây; giao cho {person(v)} là {role(v)} vi phạm "
        f"{copies if minor else '01 bản'}, 01 bản lưu hồ sơ."
    )
    witness = (
        f"Lý do ông (bà) {DOTS * 14} người chứng kiến/đại diện chính "
        "quyền cấp xã không ký xác nhận: "
    )
    closing: list[tuple[str | None, ...]] = [
        (sentence,),
        (f"Lý do {person(v)} là {role(v)} vi phạm không ký biên bản: ", None),
        (witness, None),
    ]
    # A blank measured as a few dots wraps no later than the printed one.
    keep_with_signatures(
        doc, ["".join(part or DOTS * 6 for part in parts) for parts in closing], signing
    )
    for parts in closing:
        doc.paragraph(*parts)


def _signature_rows(data: RecordData) -> list[list[Signature | None]]:
    """Violator and maker side by side, then the witness or commune official."""
    v = data.violator
    violator_heading = (
        ("NGƯỜI ĐẠI DIỆN", "CỦA TỔ CHỨC VI PHẠM")
        if kind(v) == "tổ chức"
        else ("CÁ NHÂN VI PHẠM",)
    )
    return [
        [
            Signature(violator_heading, "(Ký, ghi rõ họ và tên)", person_name(v)),
            Signature(
                ("NGƯỜI LẬP BIÊN BẢN",),
                "(Ký, ghi rõ chức vụ, họ và tên)",
                text(data.maker_name),
                text(data.maker_title),
            ),
        ],
        [_witness_signature(data.witness)],
    ]


def _witness_signature(witness: str) -> Signature:
    """Signature of the witness, or of the commune official (note 5).

    The data holds one free-text witness line such as "Trần Văn Bình, Phó
    Chủ tịch UBND phường Tân An"; a mention of the People's Committee marks
    a commune official. Only the name, before the first comma, is printed.
    """
    value = text(witness)
    official = any(key in fold(value) for key in ("uy ban nhan dan", "ubnd"))
    name = value.split(",")[0].strip()
    if official:
        return Signature(
            ("ĐẠI DIỆN CHÍNH QUYỀN",), "(Ký, ghi rõ chức vụ, họ và tên)", name
        )
    return Signature(("NGƯỜI CHỨNG KIẾN",), "(Ký, ghi rõ họ và tên)", name)
