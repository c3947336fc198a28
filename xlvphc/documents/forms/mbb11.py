"""Mẫu biên bản số 11 (MBB11): Biên bản cưỡng chế buộc thực hiện biện pháp khắc phục hậu
quả.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "ref:QĐ-CCXP": "Văn bản QĐ-CCXP",
    "decision_issuer": "Người ra quyết định đó",
    "made_date": "Ngày lập biên bản",
    "place": "Địa điểm lập biên bản",
    "no:QĐ-CCXP": "Số văn bản QĐ-CCXP",
}

BODY = """
Thi hành Quyết định số: {ref:QĐ-CCXP} của {decision_issuer} cưỡng chế buộc thực hiện
    biện pháp khắc phục hậu quả.
Hôm nay, ngày {made_date} tại {place}
~
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản - Đại diện cơ quan chủ trì tiến hành cưỡng chế buộc
    thực hiện biện pháp khắc phục hậu quả:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. Cơ quan phối hợp:
Họ và tên: {} | Chức vụ: {}
Cơ quan: {}
3. Với sự chứng kiến của:
a) Họ và tên: {} | Nghề nghiệp: {}
Địa chỉ: {}
b) Họ và tên: {} | Chức vụ: {}
Cơ quan: {}
Tiến hành cưỡng chế và lập biên bản cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả
    theo Quyết định số: {no:QĐ-CCXP} đối với {party} có tên sau đây:
@identity 1. 
2. Biện pháp cưỡng chế: Buộc thực hiện biện pháp khắc phục hậu quả do vi phạm hành chính
    gây ra,
3. Kết quả thực hiện Quyết định cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả số:
    {no:QĐ-CCXP}:
~
~
~
4. Việc cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả kết thúc hồi {_time}
Biên bản này gồm {sheets~} tờ, được lập thành 02 bán có nội dung và giá trị như nhau; đã
    đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng và cùng ký tên
    dưới đây; giao cho {person} là {role} bị cưỡng chế 01 bản, 01 bản chuyển cơ quan đã
    ra quyết định cưỡng chế.
<Trường hợp có người vắng mặt hoặc có mặt nhưng từ chối ký biên bản>
Lý do {person} là {role} bị cưỡng chế không ký biên bản: {}
"""

SPEC = FormSpec(
    code="MBB11",
    title="BIÊN BẢN",
    subject="Cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả",
    suffix="BB-CCXP",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC BỊ CƯỠNG CHẾ",
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
                    "ĐẠI DIỆN CƠ QUAN",
                    "PHỐI HỢP CƯỠNG CHẾ",
                ),
                "(Ký, ghi rõ chức vụ, họ và tên)",
            ),
            SignSpec(("NGƯỜI CHỨNG KIẾN",), "(Ký, ghi rõ họ và tên)"),
        ),
        (SignSpec(("ĐẠI DIỆN CHÍNH QUYỀN",), "(Ký, ghi rõ chức vụ, họ và tên)"),),
    ),
    receipt=(
        (
            "Biên bản đã giao trực tiếp cho <cá nhân người đại diện của tổ chức> bị "
            "cưỡng chế vào hồi {_time}"
        ),
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
