"""Mẫu biên bản số 17 (MBB17): Biên bản trả lại tang vật, phương tiện, giấy phép, chứng
chỉ hành nghề bị tạm giữ.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "ref:QĐ-TL": "Văn bản QĐ-TL",
    "decision_issuer": "Người ra quyết định đó",
    "place": "Địa điểm lập biên bản",
    "no:QĐ-TL": "Số văn bản QĐ-TL",
    "copies": "Số bản",
    "items": "Danh sách tang vật, tài sản",
}

BODY = """
Thi hành Quyết định số: {ref:QĐ-TL} của {decision_issuer} trả lại tang vật, phương tiện
    vi phạm hành chính, giấy phép, chứng chỉ hành nghề bị tạm giữ.
Hôm nay, hồi {made_time}, tại {place}
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. {Party} <là chủ sở hữu/người quản lý/người sử dụng hợp pháp> được nhận lại <tang
    vật/phương tiện vi phạm hành chính/giấy phép/chứng chỉ hành nghề> đã bị tạm giữ:
@identity
Trả lại và lập biên bản trả lại <tang vật, phương tiện vi phạm hành chính, giấy phép,
    chứng chỉ hành nghề> theo Quyết định số: {no:QĐ-TL}.
1. <Tang vật, phương tiện vi phạm hành chính bị tạm giữ theo thủ tục hành chính được trả
    lại, gồm:>
STT | Tên tang vật, phương tiện vi phạm hành chính | Đơn vị tính | Số lượng | Chủng loại
    | Tình trạng, đặc điểm | Ghi chú
| | | | | |
| | | | | |
2. <Giấy phép, chứng chỉ hành nghề bị tạm giữ theo thủ tục hành chính được trả lại,
    gồm:>
STT | Tên giấy phép, chứng chỉ hành nghề | Số lượng | Tình trạng, đặc điểm | Ghi chú
| | | |
| | | |
3. Ý kiến bổ sung (nếu có):
Biên bản lập xong hồi {_time}, gồm {sheets~} tờ, được lập thành {copies~} bản có nội
    dung
    và giá trị như nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận
    là đúng và cùng ký tên dưới đây; giao cho {person} là {role} được nhận lại <tang
    vật/phương tiện vi phạm hành chính/giấy phép/chứng chỉ hành nghề> 01 bản, 01 bản lưu
    hồ sơ.
"""

SPEC = FormSpec(
    code="MBB17",
    title="BIÊN BẢN",
    subject=(
        "Trả lại tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành "
        "nghề bị tạm giữ"
    ),
    suffix="BB-TL",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC ĐƯỢC NHẬN LẠI",
                ),
                "(Ký, ghi rõ họ và tên)",
                "person_name",
            ),
            SignSpec(
                ("NGƯỜI LẬP BIÊN BẢN",), "(Ký, ghi rõ chức vụ, họ và tên)", "maker_name"
            ),
        ),
    ),
    receipt=(
        (
            "Biên bản đã giao trực tiếp cho {role} được nhận lại <tang vật/phương "
            "tiện vi phạm hành chính/giấy phép/chứng chỉ hành nghề> vào hồi {_time}"
        ),
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
