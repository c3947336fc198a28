"""Mẫu biên bản số 20 (MBB20): Biên bản tịch thu tang vật, phương tiện vi phạm hành
chính.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "decision_ref": "Quyết định được thi hành (số, ngày)",
    "decision_issuer": "Người ra quyết định đó",
    "place": "Địa điểm lập biên bản",
    "copies": "Số bản",
    "items": "Danh sách tang vật, tài sản",
}

BODY = """
Thi hành Quyết định số: {decision_ref=…/QĐ-XPHC/TT ngày …/…/…} của {decision_issuer} <xử
    phạt vi phạm hành chính/ tịch thu tang vật, phương tiện vi phạm hành chính>.
Hôm nay, hồi {made_time} tại {place}
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. {Party} <là chủ sở hữu/người quản lý/người sử dụng hợp pháp> của <tang vật/phương
    tiện vi phạm hành chính>:
@identity
Tiến hành lập biên bản tịch thu <tang vật/phương tiện vi phạm hành chính> theo Quyết
    định số: {decision_ref=…/QĐ-XPHC/TT ngày …/…/…}
1. <Tang vật/phương tiện vi phạm hành chính> bị tịch thu, gồm:
STT | Tên tang vật, phương tiện vi phạm hành chính | Đơn vị tính | Số lượng | Chủng loại
    | Số đăng ký | Tình trạng, đặc điểm | Ghi chú
| | | | | | |
| | | | | | |
2. Ý kiến trình bày của {role} bị tịch thu <tang vật/phương tiện vi phạm hành chính>:
3. Ý kiến bổ sung khác (nếu có):
Ngoài những <tang vật/phương tiện vi phạm hành chính> nêu trên, chúng tôi không tịch thu
    thêm thứ gì khác.
Biên bản lập xong hồi {_time}, gồm {sheets~} tờ, được lập thành {copies~} bản có nội
    dung
    và giá trị như nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận
    là đúng và cùng ký tên dưới đây; giao cho {person} là {role} bị tịch thu <tang
    vật/phương tiện vi phạm hành chính> 01 bản, 01 bản lưu hồ sơ.
"""

SPEC = FormSpec(
    code="MBB20",
    title="BIÊN BẢN",
    subject="Tịch thu tang vật, phương tiện vi phạm hành chính",
    suffix="BB-TT",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC BỊ TỊCH THU",
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
        (
            "Biên bản đã giao trực tiếp cho {role}) bị tịch thu <tang vật/phương tiện"
            " vi phạm hành chính> vào hồi {_time}"
        ),
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
