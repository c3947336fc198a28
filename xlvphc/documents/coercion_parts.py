"""Wording the coercion forms share, written once (Phụ lục, Nghị định
118/2021/NĐ-CP).

The decisions to coerce payment (MQĐ07-MQĐ10) open with the same legal
grounds (as do MQĐ12a-c, which cite Art. 28 as well) and close with the
same article on taking effect and the same last two addressees. The
records of an on-site coercion (MBB10-MBB12) open with the same decision
cited, the same team (the organiser, the cooperating body, the witnesses)
and the same sentence before the identity block, and are signed by the
same people. The form modules keep only their own Article 1 and 3, or
their own findings and closing. Line syntax of the wording in
`documents.template`.
"""

from collections.abc import Mapping

from xlvphc.documents.template import FormSpec, SignSpec

# Decisions (MQĐ07-MQĐ10).

DECISION_FIELDS = {
    "coercion_decree": "Điều, nghị định về cưỡng chế",
    "no:BB-XMCC": "Số văn bản BB-XMCC",
    "date:BB-XMCC": "Ngày lập BB-XMCC",
    "ref:QĐ-GQCC": "Văn bản QĐ-GQCC",
    "ref:QĐ-XPHC": "Văn bản QĐ-XPHC",
    "no:QĐ-XPHC": "Số văn bản QĐ-XPHC",
    "reason": "Lý do",
    "amount": "Số tiền",
    "effective_date": "Ngày có hiệu lực",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

# The articles of the Law the coercion decisions of the appendix cite; those
# that also coerce remedial measures (MQĐ12a-c) cite Art. 28 on them first.
COERCION_ARTICLES = (70, 86, 87)
REMEDIAL_ARTICLES = (28, *COERCION_ARTICLES)

_GROUNDS_AFTER_LAW = """
# Căn cứ {coercion_decree=Điều … Nghị định số: …/…/NĐ-CP ngày …/…/…} của Chính phủ quy
    định về cưỡng chế thi hành quyết định xử phạt vi phạm hành chính;
# Căn cứ Biên bản số: {no:BB-XMCC} lập ngày {date:BB-XMCC} xác minh thông tin về tiền,
    tài sản của {kind} bị cưỡng chế;
? # Căn cứ Quyết định số: {ref:QĐ-GQCC} về việc giao quyền cưỡng chế thi hành quyết định
    xử phạt vi phạm hành chính (nếu có);
Để <bảo đảm thi hành Quyết định số: {ref:QĐ-XPHC} xử phạt vi phạm hành chính/hoàn trả
    kinh phí thực hiện biện pháp khắc phục hậu quả cho cơ quan nhà nước>.
= QUYẾT ĐỊNH:
Điều 1.
"""


def decision_grounds(articles: tuple[int, ...] = COERCION_ARTICLES) -> str:
    """The grounds of a coercion decision, up to the heading of Article 1,
    citing these articles of the Law (`REMEDIAL_ARTICLES` where remedial
    measures are coerced as well)."""
    cited = ", ".join(f"Điều {number}" for number in articles)
    return f"\n# Căn cứ {cited} {{law}};" + _GROUNDS_AFTER_LAW


DECISION_GROUNDS = decision_grounds()

TAKES_EFFECT = """
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày {effective_date}.
Điều 3. Quyết định này được:
"""


def sent_to_executors(first: int) -> str:
    """The last two addressees of Article 3, numbered from `first`."""
    return (
        f"{first}. Gửi cho {{executor}} để tổ chức thực hiện.\n"
        f"{first + 1}. Gửi cho {{cooperators}} để biết và phối hợp thực hiện./.\n"
    )


def decision_spec(
    code: str,
    subject: str,
    article_1: str,
    article_3: str,
    sent_from: int,
    receipt: str,
    fields: Mapping[str, str],
) -> FormSpec:
    """A coercion decision from its own parts.

    Args:
        code: "MQĐ09".
        subject: The summary line under the title.
        article_1: Article 1 after its heading: the measure, the person,
            the amount.
        article_3: Article 3 after its heading, up to the executors, whom
            `sent_to_executors` adds after it.
        sent_from: The number of the first of those two addressees.
        receipt: The sentence of the receipt on the back.
        fields: The form's own value keys, besides `DECISION_FIELDS`.
    """
    return FormSpec(
        code=code,
        title="QUYẾT ĐỊNH",
        subject=subject,
        suffix="QĐ-CCXP",
        body=DECISION_GROUNDS
        + article_1
        + TAKES_EFFECT
        + article_3.lstrip("\n")
        + sent_to_executors(sent_from),
        fields=DECISION_FIELDS | dict(fields),
        recipients=("- Như Điều 3;", "- Lưu: Hồ sơ."),
        receipt=(receipt, "NGƯỜI NHẬN QUYẾT ĐỊNH"),
    )


# Records (MBB10-MBB12).

RECORD_FIELDS = {
    "ref:QĐ-CCXP": "Văn bản QĐ-CCXP",
    "decision_issuer": "Người ra quyết định đó",
    "made_when": "Giờ và ngày bắt đầu lập biên bản",
    "place": "Địa điểm lập biên bản",
    "no:QĐ-CCXP": "Số văn bản QĐ-CCXP",
    "cooperator_name": "Đại diện cơ quan phối hợp",
    "cooperator_role": "Chức vụ của người đó",
    "cooperator_where": "Cơ quan phối hợp",
    "end_time": "Thời điểm kết thúc cưỡng chế",
}


def witness(key: str, letter: str, official: bool = False) -> str:
    """One witness under "3. Với sự chứng kiến của:": a person by occupation
    and address, or an official (the local authority) by title and body."""
    role, where = ("Chức vụ", "Cơ quan") if official else ("Nghề nghiệp", "Địa chỉ")
    return (
        f"{letter}) Họ và tên: {{{key}_name}} | {role}: {{{key}_role}}\n"
        f"{where}: {{{key}_where}}\n"
    )


def witness_fields(key: str, who: str, official: bool = False) -> dict[str, str]:
    """The value keys of one witness, described."""
    role, where = ("Chức vụ", "Cơ quan") if official else ("Nghề nghiệp", "Địa chỉ")
    return {
        f"{key}_name": who,
        f"{key}_role": f"{role} của người đó",
        f"{key}_where": f"{where} của người đó",
    }


# A person witnessing and the local authority, as in MBB10 and MBB11.
WITNESSES = witness("witness", "a") + witness("witness2", "b", official=True)
WITNESS_FIELDS = witness_fields("witness", "Người chứng kiến") | witness_fields(
    "witness2", "Người chứng kiến thứ hai (đại diện chính quyền)", official=True
)


def record_opening(
    measure: str,
    lead: str,
    witnesses: str = WITNESSES,
    dated: str = "Hôm nay, {made_when=ngày …/…/……} tại {place}",
) -> str:
    """From the decision carried out to the identity block of the person
    coerced.

    Args:
        measure: The measure as the form names it after "cưỡng chế" ("thu
            tiền, tài sản để <…>").
        lead: What the record maker does there, after "Người có thẩm quyền
            lập biên bản - ".
        witnesses: The lines under "3. Với sự chứng kiến của:".
        dated: The date-and-place line, as the form writes it, with the
            hour the coercion began before the date when it is known
            (`made_when`), since the findings print the hour it ended (user
            trial: "kết thúc hồi 11 giờ" under a start with no hour).
    """
    return (
        f"Thi hành Quyết định số: {{ref:QĐ-CCXP}} của {{decision_issuer}} cưỡng chế "
        f"{measure}.\n"
        f"{dated}\n"
        "~\n"
        "Chúng tôi gồm:\n"
        f"1. Người có thẩm quyền lập biên bản - {lead}:\n"
        "Họ và tên: {maker_name} | Chức vụ: {maker_title}\n"
        "Cơ quan: {agency_name}\n"
        "2. Cơ quan phối hợp:\n"
        "Họ và tên: {cooperator_name} | Chức vụ: {cooperator_role}\n"
        "Cơ quan: {cooperator_where}\n"
        "3. Với sự chứng kiến của:\n"
        f"{witnesses}"
        f"Tiến hành cưỡng chế và lập biên bản cưỡng chế {measure} theo Quyết định "
        "số: {no:QĐ-CCXP} đối với {party} có tên sau đây:\n"
        "@identity 1.\n"
    )


ABSENT = "<Trường hợp có người vắng mặt hoặc có mặt nhưng từ chối ký biên bản>\n"

SIGNED_BY_MAKER = SignSpec(
    ("NGƯỜI LẬP BIÊN BẢN",), "(Ký, ghi rõ chức vụ, họ và tên)", "maker_name"
)
SIGNED_BY_COOPERATOR = SignSpec(
    ("ĐẠI DIỆN CƠ QUAN", "PHỐI HỢP CƯỠNG CHẾ"), "(Ký, ghi rõ chức vụ, họ và tên)"
)
SIGNED_BY_WITNESS = SignSpec(("NGƯỜI CHỨNG KIẾN",), "(Ký, ghi rõ họ và tên)")
SIGNED_BY_AUTHORITY = SignSpec(
    ("ĐẠI DIỆN CHÍNH QUYỀN",), "(Ký, ghi rõ chức vụ, họ và tên)"
)


def signed_by_person(whose: str, name_key: str = "person_name") -> SignSpec:
    """A person or an organisation's representative: by default the one
    coerced, whose name prints under the signature."""
    return SignSpec(
        ("CÁ NHÂN/NGƯỜI ĐẠI DIỆN", f"CỦA TỔ CHỨC {whose}"),
        "(Ký, ghi rõ họ và tên)",
        name_key,
    )


def record_spec(
    code: str,
    subject: str,
    body: str,
    fields: Mapping[str, str],
    signatures: tuple[tuple[SignSpec | None, ...], ...],
    receipt: str,
) -> FormSpec:
    """A coercion record from its own parts.

    Args:
        code: "MBB10".
        subject: The summary line under the title.
        body: The wording, usually `record_opening(...)` and what follows.
        fields: The form's own value keys, besides `RECORD_FIELDS`.
        signatures: Rows of signature columns.
        receipt: The sentence of the receipt on the back.
    """
    return FormSpec(
        code=code,
        title="BIÊN BẢN",
        subject=subject,
        suffix="BB-CCXP",
        body=body,
        fields=RECORD_FIELDS | dict(fields),
        signatures=signatures,
        receipt=(receipt, "NGƯỜI NHẬN BIÊN BẢN"),
    )
