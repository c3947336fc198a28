"""Mẫu quyết định số 02 (MQĐ02): the sanction decision issued after a record.

Laid out from the Phụ lục to Nghị định 118/2021/NĐ-CP, form MQĐ02 and its
notes (1)-(25). Optional parts of the form ("nếu có") are printed only when
the data has them; required parts the data lacks are dotted blanks.
"""

from xlvphc.documents.blocks import authority_line, identity_block, signer_headings
from xlvphc.documents.data import ActData, DecisionData
from xlvphc.documents.layout import OfficialDocument
from xlvphc.documents.signatures import (
    Signature,
    receipt_page,
    recipients_and_signature,
)
from xlvphc.documents.wording import (
    BLANK_TIME,
    DOTS,
    LAW,
    act_wording,
    capitalised,
    decree_citation,
    enumerate_items,
    legal_basis,
    money,
    money_words,
    number_line,
    paragraphs,
    party,
    person,
    role,
    text,
)
from xlvphc.domain.dates import date_in_words, fmt_date
from xlvphc.domain.text import fold

TITLE = "QUYẾT ĐỊNH"
SUBJECT = "Xử phạt vi phạm hành chính"
# The form's articles, of the Law as amended up to Luật 88/2025/QH15
# (`wording.LAW`, shared by every form). TODO: check whether Nghị định
# 190/2025/NĐ-CP changed the form's list of articles; its text is not among
# ../shared/legal (domain.md §7).
LAW_GROUND = f"Căn cứ Điều 57, Điều 68, Điều 70, Điều 78, Điều 85 {LAW}"


def render_decision(data: DecisionData) -> bytes:
    """Render a sanction decision (MQĐ02) to PDF.

    Args:
        data: The decision's content.

    Returns:
        The PDF file as bytes.

    Raises:
        ValueError: If `fine_total` disagrees with the fines of the acts; a
            decision must not state a total its own lines contradict.
    """
    total = _total(data)
    doc = OfficialDocument(draft=data.draft, title=f"{TITLE} {text(data.number)}")
    doc.add_page()
    place = text(data.agency.place) or DOTS * 6
    doc.national_header(
        data.agency,
        number_line(data.number, "QĐ-XPHC"),
        f"{place}, {date_in_words(data.decided_on) or 'ngày …… tháng …… năm ……'}",
    )
    doc.title_block(TITLE, SUBJECT)
    doc.centred(_authority(data), size=14, gap=3)

    _grounds(doc, data)
    doc.centred("QUYẾT ĐỊNH:", gap=2)
    _article_one(doc, data, total)
    doc.keep_space(12)
    doc.paragraph(
        ("B", "Điều 2. "), "Quyết định này có hiệu lực thi hành kể từ ngày ký."
    )
    _article_three(doc, data, total)

    recipients_and_signature(
        doc,
        ["- Như Điều 3;", "- Lưu: Hồ sơ."],
        Signature(
            signer_headings(data.signer_title, data.deputy_of, data.agency.name),
            name=text(data.signer_name),
        ),
    )
    # "<In ở mặt sau>": the back of the last sheet, under the text when that
    # ends on a back page (signatures.receipt_page says why).
    receipt_page(
        doc,
        f"Quyết định đã giao trực tiếp cho {role(data.violator)} bị xử phạt "
        f"vào hồi {_handed_over(data)}",
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    )
    return doc.to_bytes()


def _handed_over(data: DecisionData) -> str:
    """ "…… giờ …… phút, ngày 05/12/2026": the recorded day of the handing
    over, the hour left for the pen; all dotted when it was not recorded."""
    if data.handed_over_on is None:
        return BLANK_TIME
    return f"…… giờ …… phút, ngày {fmt_date(data.handed_over_on)}"


def _total(data: DecisionData) -> int:
    """The total fine: `fine_total`, or the sum of the acts' fines."""
    fines = [act.fine for act in data.acts if act.fine is not None]
    if data.fine_total and fines and sum(fines) != data.fine_total:
        raise ValueError(
            f"fine_total {data.fine_total} differs from the acts' sum {sum(fines)}"
        )
    return data.fine_total or sum(fines)


def _authority(data: DecisionData) -> str:
    """Note (3): title and agency of the person with sanctioning power.

    A deputy signing under a delegation ("KT.") issues the decision with the
    head's power, so the head's title is used.
    """
    line = authority_line(data.agency, data.signer_title, data.deputy_of)
    return line or text(data.agency.name).upper()


def _grounds(doc: OfficialDocument, data: DecisionData) -> None:
    """The "Căn cứ" lines, italic, ";" after each and "." after the last."""
    lines = [LAW_GROUND, *_decree_grounds(data)]
    record = text(data.record_number) or DOTS * 2
    if "/" not in record:
        record = f"{record}/BB-VPHC"
    lines.append(
        f"Căn cứ Biên bản vi phạm hành chính số: {record} lập "
        f"ngày {fmt_date(data.record_date) or '……/……/………'}"
    )
    delegation = text(data.delegation)
    if delegation:
        if not fold(delegation).startswith("so"):
            delegation = f"số {delegation}"
        lines.append(
            f"Căn cứ Quyết định {delegation} về việc giao quyền xử phạt "
            "vi phạm hành chính"
        )
    for index, line in enumerate(lines, start=1):
        end = "." if index == len(lines) else ";"
        doc.paragraph(("I", line.rstrip(";.") + end))


def _decree_grounds(data: DecisionData) -> list[str]:
    """Note (4): the sector decrees the acts break, each in full ("Căn cứ
    Nghị định số 123/2024/NĐ-CP ngày 04 tháng 10 năm 2024 của Chính phủ quy
    định về …", wording.decree_citation); one whose date and title are not
    known keeps its number alone ("Căn cứ Nghị định số 100/2019/NĐ-CP").

    An act imported from a register without a citation names no decree;
    printed as it came, the line read "Căn cứ ;". The form's line is
    required, so it keeps its words, naming the field (note (4): "nghị
    định quy định xử phạt vi phạm hành chính trong lĩnh vực cụ thể"), with
    the decree's number dotted for the pen; guessing the decree from the
    field could cite one not yet, or no longer, in force on that day.
    """
    decrees = [text(decree) for decree in data.decrees if text(decree)]
    if decrees:
        return [f"Căn cứ {decree_citation(decree)}" for decree in decrees]
    field = text(data.field)
    about = field[:1].lower() + field[1:] if field else DOTS * 6
    number = f"{DOTS * 2}/{DOTS * 2}/NĐ-CP"
    line = (
        f"Căn cứ Nghị định số {number} quy định xử phạt vi phạm hành chính "
        f"trong lĩnh vực {about}"
    )
    return [line]


def _article_one(doc: OfficialDocument, data: DecisionData, total: int) -> None:
    """Điều 1: who, what, which rule, circumstances, sanctions."""
    v = data.violator
    doc.keep_space(20)
    doc.paragraph(("B", "Điều 1."))
    doc.paragraph(f"1. Xử phạt vi phạm hành chính đối với {party(v)} có tên sau đây:")
    identity_block(doc, v)

    description = paragraphs(data.description)
    doc.paragraph(
        "2. Đã thực hiện hành vi vi phạm hành chính: ",
        description[0] if description else None,
    )
    for extra in description[1:]:
        doc.paragraph(extra)
    acts = enumerate_items([act_wording(act) for act in data.acts])
    if len(acts) > 1:
        for line in acts:
            doc.paragraph(line)
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
    doc.paragraph(
        "4. Các tình tiết tăng nặng (nếu có): ", _circumstances(data.aggravating)
    )
    doc.paragraph(
        "5. Các tình tiết giảm nhẹ (nếu có): ", _circumstances(data.mitigating)
    )
    _sanctions(doc, data, total)


def _circumstances(value: str | None) -> str | None:
    """Items 4 and 5: the form asks one circumstance per line, and each
    counts for the fine (NĐ 68/2025); printed run together they read as one
    ("Vi phạm nhiều lần Tái phạm"), so they are kept apart by "; ". None (not
    known before the decision) stays None: the pen's dotted line."""
    if value is None:
        return None
    lines = [text(line) for line in str(value).splitlines()]
    items = [line.rstrip(".;") for line in lines if line]
    return "; ".join(items) + "." if items else "Không."


def _sanctions(doc: OfficialDocument, data: DecisionData, total: int) -> None:
    """Item 6: main sanction per act with the total, additional, remedial.

    Note (10): with several acts, the fine of each act and the total of all
    of them are written, in figures and in words.
    """
    v = data.violator
    doc.paragraph(
        "6. Bị áp dụng hình thức xử phạt, biện pháp khắc phục hậu quả như sau:"
    )
    kinds = []
    if any(act.fine is not None for act in data.acts) or total:
        kinds.append("Phạt tiền")
    warned = [act for act in data.acts if act.fine is None and not act.fine_untold]
    if warned or not kinds:
        kinds.append("Cảnh cáo")
    doc.paragraph("a) Hình thức xử phạt chính: ", ", ".join(kinds).capitalize() + ".")
    if len(data.acts) == 1 and data.acts[0].fine is not None:
        doc.paragraph(
            f"Cụ thể: Phạt tiền {money(total)} ",
            ("B", f"(Bằng chữ: {money_words(total)})"),
            ".",
        )
    elif data.acts:
        doc.paragraph("Cụ thể:")
        for line in enumerate_items([_act_sanction(act) for act in data.acts]):
            doc.paragraph(line)
        if total:
            doc.paragraph(
                "Tổng số tiền phạt là: ",
                ("B", money(total)),
                " ",
                ("B", f"(Bằng chữ: {money_words(total)})"),
                ".",
            )
    elif total:
        doc.paragraph(
            f"Cụ thể: Phạt tiền {money(total)} ",
            ("B", f"(Bằng chữ: {money_words(total)})"),
            ".",
        )

    additional = paragraphs(data.additional_sanctions or "")
    doc.paragraph(
        "b) Hình thức xử phạt bổ sung (nếu có): ",
        _first_or_none(additional, data.additional_sanctions),
    )
    for extra in additional[1:]:
        doc.paragraph(extra)
    remedial = paragraphs(data.remedial_measures or "")
    doc.paragraph(
        "c) Biện pháp khắc phục hậu quả (nếu có): ",
        _first_or_none(remedial, data.remedial_measures),
    )
    for extra in remedial[1:]:
        doc.paragraph(extra)
    if remedial:
        doc.paragraph(
            "Mọi chi phí tổ chức thi hành biện pháp khắc phục hậu quả do "
            f"{party(v)} bị xử phạt có tên tại Điều này chi trả."
        )


def _first_or_none(lines: list[str], value: str | None) -> str | None:
    """The first line of an item; "Không." when the decision has none;
    None (a dotted line) when it is not known yet (`value` None)."""
    if lines:
        return lines[0]
    return None if value is None else "Không."


def _act_sanction(act: ActData) -> str:
    """ "Phạt tiền 1.500.000 đồng (Một triệu … đồng) đối với hành vi quy định tại …"."""
    basis = legal_basis(act)
    # Without a citation (imported act) the clause is left out, never
    # "quy định tại Điều 0".
    ground = f" đối với hành vi quy định tại {basis}" if basis else ""
    if act.fine_untold:
        # Imported with the decision's total only: the act's share is left
        # for the pen, the total printed below.
        return f"Phạt tiền {DOTS * 6} đồng ({DOTS * 8}){ground}"
    if act.fine is None:
        return f"Cảnh cáo{ground}"
    return f"Phạt tiền {money(act.fine)} ({money_words(act.fine)}){ground}"


def _article_three(doc: OfficialDocument, data: DecisionData, total: int) -> None:
    """Điều 3: delivery, payment, the right to complain, who else gets it."""
    v = data.violator
    name = text(v.name)
    subject = capitalised(party(v))
    doc.keep_space(20)
    doc.paragraph(("B", "Điều 3. "), "Quyết định này được:")
    doc.paragraph(
        f"1. Giao cho {person(v)} là {role(v)} bị xử phạt có tên tại "
        "Điều 1 Quyết định này để chấp hành."
    )
    doc.paragraph(
        f"{subject} có tên tại Điều 1 phải nghiêm chỉnh chấp hành Quyết định xử "
        f"phạt này. Nếu quá thời hạn mà {party(v)} {name} không tự nguyện chấp "
        "hành thì sẽ bị cưỡng chế thi hành theo quy định của pháp luật."
    )
    letters = iter("abc")
    treasury = text(data.treasury)
    # The days are the decision's own (10, or more, Law Art. 73 k1): a
    # decision imported from a register that does not say leaves them dotted.
    days = DOTS * 2 if data.payment_days is None else f"{data.payment_days:02d}"
    if total:
        doc.paragraph(
            f"{next(letters)}) {subject} bị xử phạt có tên tại Điều 1 phải nộp "
            "tiền phạt tại ",
            treasury or None,
            f" trong thời hạn {days} ngày, kể từ ngày nhận được Quyết định này.",
        )
    doc.paragraph(
        f"{next(letters)}) {subject} {name} có quyền khiếu nại hoặc "
        "khởi kiện hành chính đối với Quyết định này theo quy định của "
        "pháp luật."
    )
    item = 2
    if total:
        doc.paragraph(f"{item}. Gửi cho ", treasury or None, " để thu tiền phạt.")
        item += 1
    doc.paragraph(f"{item}. Gửi cho ", None, " để tổ chức thực hiện./.")
