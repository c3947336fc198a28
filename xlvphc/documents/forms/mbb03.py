"""Mẫu biên bản số 03 (MBB03): Biên bản phiên giải trình trực tiếp.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "no:BB-VPHC": "Số văn bản BB-VPHC",
    "date:BB-VPHC": "Ngày lập BB-VPHC",
    "place": "Địa điểm lập biên bản",
    "copies": "Số bản",
    "request_date": "Ngày yêu cầu giải trình trực tiếp",
    "participants": "Những người khác tham dự phiên giải trình",
    "opinion_law": "Ý kiến của người có thẩm quyền về căn cứ pháp lý",
    "opinion_facts": "Ý kiến về tình tiết, chứng cứ",
    "opinion_sanction": "Ý kiến về hình thức xử phạt dự kiến",
    "violator_opinion": "Ý kiến của bên giải trình",
    "end_time": "Thời điểm kết thúc phiên giải trình",
}

BODY = """
Căn cứ Điều 61 {law};
Căn cứ Biên bản vi phạm hành chính số: {no:BB-VPHC} lập ngày {date:BB-VPHC};
Căn cứ văn bản yêu cầu được giải trình trực tiếp ngày {request_date} của {party} {name};
Căn cứ văn bản ủy quyền cho người đại diện hợp pháp về việc tham gia phiên giải trình
    trực tiếp của {party} {name} (nếu có);
Căn cứ Thông báo số: …/TB-…. ngày {_date} của {}
{} về việc tổ chức phiên giải trình trực tiếp,
Hôm nay, vào hồi {made_time}, tại {place}
~
Chúng tôi gồm:
1. Người có thẩm quyền xử phạt vi phạm hành chính - Bên tổ chức phiên giải trình:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
& Cùng tham dự: {participants}
2. {Kind} vi phạm - Bên giải trình;
@identity
Nội dung phiên giải trình:
1. Ý kiến của người có thẩm quyền xử phạt vi phạm hành chính:
a) Về căn cứ pháp lý:
{opinion_law}
~
b) Về các tình tiết, chứng cứ liên quan đến hành vi vi phạm:
{opinion_facts}
~
c) Về các hình thức xử phạt, biện pháp khắc phục hậu quả dự kiến áp dụng đối với hành vi
    vi phạm:
{opinion_sanction}
~
2. Ý kiến của {role} vi phạm hoặc của người đại diện hợp pháp của {kind} vi phạm:
{violator_opinion}
~
3. Phiên giải trình kết thúc vào hồi {end_time}
Biên bản này gồm {sheets~} tờ, được lập thành {copies~} bản có nội dung và giá trị như
    nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng và
    cùng ký tên dưới đây; giao cho {person} là {role} vi phạm hoặc người đại diện hợp
    pháp của {kind} vi phạm 01 bản, 01 bản lưu hồ sơ.
<Trường hợp cá nhân/người đại diện của tổ chức vi phạm không ký biên bản phiên giải
    trình trực tiếp>
Lý do {person} là {role} vi phạm hoặc người đại diện hợp pháp của {kind} vi phạm không
    ký biên bản: {}
~
~
"""

SPEC = FormSpec(
    code="MBB03",
    title="BIÊN BẢN",
    subject="Phiên giải trình trực tiếp",
    suffix="BB-GTTT",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC VI PHẠM",
                    "HOẶC NGƯỜI ĐẠI DIỆN HỢP PHÁP",
                ),
                "(Ký, ghi rõ họ và tên)",
                "person_name",
            ),
            SignSpec(("BÊN TỔ CHỨC GIẢI TRÌNH",), "(Ký, ghi rõ chức vụ, họ và tên)"),
        ),
        (SignSpec(("NGƯỜI GHI BIÊN BẢN",), "(Ký, ghi rõ chức vụ, họ và tên)"),),
    ),
    receipt=(
        (
            "Biên bản đã giao trực tiếp cho {role} vi phạm hoặc người đại diện hợp "
            "pháp của {kind} vi phạm vào hồi {_time}"
        ),
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
