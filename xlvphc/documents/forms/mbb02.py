"""Mẫu biên bản số 02 (MBB02): Biên bản làm việc.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "place": "Địa điểm lập biên bản",
    "incident_time": "Thời gian xảy ra vụ việc",
    "violation_place": "Địa điểm vi phạm",
    "description": "Hành vi vi phạm",
    "statement": "Lời khai, ý kiến trình bày",
    "copies": "Số bản",
}

BODY = """
Hôm nay, hồi {made_time}, tại {place}
~
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. Người chứng kiến (nếu có):
Họ và tên: {} | Nghề nghiệp: {}
Địa chỉ: {}
3. {Kind} bị thiệt hại (nếu có): {}
~
~
4. {Kind} có liên quan trực tiếp đến vụ việc:
@identity
Tiến hành lập biên bản làm việc đối với {party} có liên quan trực tiếp đến vụ việc:
1. Thời gian xảy ra vụ việc: {incident_time}
~
2. Địa điểm xảy ra vụ việc: {violation_place}
~
3. Diễn biến của vụ việc: {description}
~
~
4. Hiện trường:
~
~
5. Thiệt hại (nếu có):
~
~
~
6. Ý kiến trình bày của {kind} bị thiệt hại (nếu có):
~
~
7. Lời khai của {kind} có liên quan trực tiếp đến vụ việc: {statement}
~
~
8. Ý kiến trình bày của người chứng kiến (nếu có):
~
~
9. Các biện pháp xử lý và ngăn chặn hậu quả do sự việc gây ra (nếu có):
~
~
10. <Tang vật/phương tiện> có liên quan đến vụ việc (nếu có):
~
~
Biên bản lập xong hồi {_time}, gồm {sheets~} tờ, được lập thành {copies~} bản có nội
    dung
    và giá trị như nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận
    là đúng và cùng ký tên dưới đây; giao cho {person} là {role} có liên quan trực tiếp
    đến vụ việc 01 bản, 01 bản lưu hồ sơ.
<Trường hợp cá nhân/người đại diện của tổ chức có liên quan trực tiếp đến vụ việc không
    ký biên bản làm việc>
Lý do {person} là {role} có liên quan trực tiếp đến vụ việc không ký biên bản: {}
"""

SPEC = FormSpec(
    code="MBB02",
    title="BIÊN BẢN LÀM VIỆC",
    subject="",
    suffix="BB-LV",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC CÓ LIÊN QUAN ĐẾN VỤ VIỆC",
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
                    "TỔ CHỨC BỊ THIỆT HẠI",
                ),
                "(Ký, ghi rõ họ và tên)",
            ),
            SignSpec(("NGƯỜI CHỨNG KIẾN",), "(Ký, ghi rõ họ và tên)"),
        ),
    ),
    receipt=(
        (
            "Biên bản đã giao trực tiếp cho {role} có liên quan trực tiếp đến vụ việc"
            " vào hồi {_time}"
        ),
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
