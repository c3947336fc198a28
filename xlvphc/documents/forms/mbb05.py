"""Mẫu biên bản số 05 (MBB05): Biên bản xác minh tình tiết của vụ việc vi phạm hành
chính.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "grounds": "Căn cứ lập biên bản",
    "place": "Địa điểm lập biên bản",
    "description": "Hành vi vi phạm",
    "copies": "Số bản",
    "informant_name": "Người cung cấp thông tin (cá nhân)",
    "informant_role": "Nghề nghiệp của người đó",
    "informant_where": "Địa chỉ của người đó",
    "informant2_name": "Người cung cấp thông tin (đại diện tổ chức)",
    "informant2_role": "Chức vụ của người đó",
    "informant2_where": "Cơ quan của người đó",
    "damage": "Người bị thiệt hại, mức độ thiệt hại",
    "mitigating": "Tình tiết giảm nhẹ",
    "aggravating": "Tình tiết tăng nặng",
    "violator_opinion": "Ý kiến của người vi phạm",
    "informant_opinion": "Ý kiến của người cung cấp thông tin",
    "findings": "Những tình tiết đã xác minh",
    "end_time": "Thời điểm lập xong biên bản",
}

BODY = """
Căn cứ {grounds}
Hôm nay, hồi {made_time}, tại {place}
~
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. {Kind} cung cấp thông tin cần xác minh:
a) Họ và tên: {informant_name} | Nghề nghiệp: {informant_role}
Địa chỉ: {informant_where}
b) Họ và tên: {informant2_name} | Chức vụ: {informant2_role}
Cơ quan: {informant2_where}
Tiến hành lập biên bản xác minh tình tiết của vụ việc vi phạm hành chính đối với {party}
    có tên sau đây:
@identity 1. 
2. Đã có hành vi vi phạm hành chính: {description}
~
~
3. Quy định tại:
@acts
~
~
4. {Kind} bị thiệt hại (nếu có): {damage}
~
5. Tính chất, mức độ thiệt hại do vi phạm hành chính gây ra:
~
6. Tình tiết giảm nhẹ:
{mitigating}
7. Tình tiết tăng nặng:
{aggravating}
8. Ý kiến trình bày của {role} vi phạm:
{violator_opinion}
~
9. Ý kiến trình bày của {role} cung cấp thông tin cần xác minh (nếu có):
{informant_opinion}
~
10. Ý kiến trình bày của {kind} bị thiệt hại (nếu có):
~
~
11. Tang vật, phương tiện vi phạm hành chính phải trưng cầu giám định (trong trường hợp
    cần thiết):
~
~
12. Những tình tiết xác minh khác:
{findings}
~
~
Biên bản lập xong hồi {end_time}, gồm {sheets~} tờ, được lập thành {copies~} bản có nội
    dung
    và giá trị như nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận
    là đúng và cùng ký tên dưới đây; giao cho {person} là {role} vi phạm 01 bản, 01 bản
    lưu hồ sơ.
<Trường hợp cá nhân/người đại diện của tổ chức vi phạm không ký biên bản xác minh tình
    tiết của vụ việc vi phạm hành chính>
Lý do {person} là {role} vi phạm không ký biên bản: {}
"""

SPEC = FormSpec(
    code="MBB05",
    title="BIÊN BẢN",
    subject="Xác minh tình tiết của vụ việc vi phạm hành chính",
    suffix="BB-XM",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN CỦA",
                    "TỔ CHỨC VI PHẠM",
                ),
                "(Ký, ghi rõ họ và tên)",
                "person_name",
            ),
            SignSpec(
                ("NGƯỜI LẬP BIÊN BẢN",), "(Ký, ghi rõ chức vụ, họ và tên)", "maker_name"
            ),
        ),
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC CUNG CẤP",
                    "THÔNG TIN XÁC MINH",
                ),
                "(Ký, ghi rõ họ và tên)",
            ),
            SignSpec(("NGƯỜI BỊ THIỆT HẠI",), "(Ký, ghi rõ họ và tên)"),
        ),
    ),
    receipt=(
        "Biên bản đã giao trực tiếp cho {role} vi phạm vào hồi {_time}",
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
