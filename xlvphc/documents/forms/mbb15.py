"""Mẫu biên bản số 15 (MBB15): Biên bản tạm giữ tang vật, phương tiện vi phạm hành
chính, giấy phép, chứng chỉ hành nghề.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "place": "Địa điểm lập biên bản",
    "copies": "Số bản",
    "items": "Danh sách tang vật, tài sản",
    "witness_name": "Người chứng kiến",
    "witness_role": "Nghề nghiệp của người chứng kiến",
    "witness_where": "Địa chỉ của người chứng kiến",
}

BODY = """
Hôm nay, hồi {made_time}, tại {place}
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. Với sự chứng kiến của:
Họ và tên: {witness_name} | Nghề nghiệp: {witness_role}
Địa chỉ: {witness_where}
Tiến hành tạm giữ và lập biên bản tạm giữ <tang vật, phương tiện vi phạm hành chính,
    giấy phép, chứng chỉ hành nghề> <của/nhưng> {}
@identity 1. 
2. Tang vật, phương tiện vi phạm hành chính bị tạm giữ, gồm:
STT | Tên tang vật, phương tiện vi phạm hành chính | Đơn vị tính | Số lượng | Chủng loại
    | Tình trạng, đặc điểm | Ghi chú
| | | | | |
3. Giấy phép, chứng chỉ hành nghề bị tạm giữ, gồm:
STT | Tên giấy phép, chứng chỉ hành nghề | Số lượng | Tình trạng, đặc điểm | Ghi chú
| | | |
| | | |
Ngoài những tang vật, phương tiện vi phạm hành chính và các giấy tờ nêu trên, chúng tôi
    không tạm giữ thêm thứ gì khác.
4. Ý kiến trình bày của {role} vi phạm:
5. Ý kiến trình bày của người chứng kiến (nếu có):
6. Ý kiến bổ sung (nếu có):
Biên bản lập xong hồi {_time}, gồm {sheets~} tờ, được lập thành {copies~} bản có nội
    dung
    và giá trị như nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận
    là đúng và cùng ký tên dưới đây; giao cho {person} là {role} vi phạm 01 bản hoặc cha
    mẹ/người giám hộ của người chưa thành niên vi phạm 01 bản, 01 bản lưu hồ sơ.
<Trường hợp cá nhân/người đại diện của tổ chức vi phạm không ký biên bản tạm giữ tang
    vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành nghề>
Lý do {person} là {role} vi phạm không ký biên bản: {}
"""

SPEC = FormSpec(
    code="MBB15",
    title="BIÊN BẢN",
    subject=(
        "Tạm giữ tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành "
        "nghề"
    ),
    suffix="BB-TG",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC VI PHẠM",
                ),
                "(Ký, ghi rõ họ và tên)",
                "person_name",
            ),
            SignSpec(
                ("NGƯỜI LẬP BIÊN BẢN",), "(Ký, ghi rõ chức vụ, họ và tên)", "maker_name"
            ),
        ),
        (SignSpec(("NGƯỜI CHỨNG KIẾN",), "(Ký, ghi rõ họ và tên)"),),
    ),
    receipt=(
        "Biên bản đã giao trực tiếp cho {role} vi phạm vào hồi {_time}",
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
