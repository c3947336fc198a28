"""Mẫu biên bản số 10 (MBB10): Biên bản cưỡng chế thu tiền, tài sản để thi hành quyết
định xử phạt vi phạm hành chính/hoàn trả kinh phí.

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
    "amount": "Số tiền",
    "items": "Danh sách tang vật, tài sản",
    "holder": "Người đang giữ tiền, tài sản",
    "holder_address": "Địa chỉ người đang giữ",
    "cooperator_name": "Đại diện cơ quan phối hợp",
    "cooperator_role": "Chức vụ của người đó",
    "cooperator_where": "Cơ quan phối hợp",
    "witness_name": "Người chứng kiến",
    "witness_role": "Nghề nghiệp của người chứng kiến",
    "witness_where": "Địa chỉ của người chứng kiến",
    "witness2_name": "Người chứng kiến thứ hai (đại diện chính quyền)",
    "witness2_role": "Chức vụ của người đó",
    "witness2_where": "Cơ quan của người đó",
    "end_time": "Thời điểm kết thúc cưỡng chế",
}

BODY = """
Thi hành Quyết định số: {ref:QĐ-CCXP} của {decision_issuer} cưỡng chế thu tiền, tài sản
    để <thi hành quyết định xử phạt vi phạm hành chính/hoàn trả kinh phí>.
Hôm nay, ngày {made_date} tại {place}
~
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản - Đại diện cơ quan chủ trì tiến hành cưỡng chế thu
    tiền, tài sản để <thi hành quyết định xử phạt vi phạm hành chính/hoàn trả kinh phí>:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. Cơ quan phối hợp:
Họ và tên: {cooperator_name} | Chức vụ: {cooperator_role}
Cơ quan: {cooperator_where}
3. Với sự chứng kiến của:
a) Họ và tên: {witness_name} | Nghề nghiệp: {witness_role}
Địa chỉ: {witness_where}
b) Họ và tên: {witness2_name} | Chức vụ: {witness2_role}
Cơ quan: {witness2_where}
Tiến hành cưỡng chế và lập biên bản cưỡng chế thu tiền, tài sản để <thi hành quyết định
    xử phạt vi phạm hành chính/hoàn trả kinh phí> theo Quyết định số: {no:QĐ-CCXP} đối
    với {party} có tên sau đây:
@identity 1. 
2. {Kind} đang giữ tiền, tài sản: {holder}
Địa chỉ: {holder_address}
3. Biện pháp cưỡng chế: Thu tiền, tài sản của đối tượng bị cưỡng chế <thi hành quyết
    định xử phạt vi phạm hành chính/hoàn trả kinh phí> sau khi vi phạm cố tình tẩu tán
    tài sản cho cá nhân, tổ chức khác giữ.
4. Số tiền, tài sản phải thu, gồm:
a) Về tiền mặt:
Loại tiền: {}
Số tiền: {amount}
(Bằng chữ: {amount_words})
b) Về tài sản:
STT | Tên gọi/mô tả tài sản | Đơn vị tính | Số lượng | Tình trạng, đặc điểm | Ghi chú
| | | | |
| | | | |
5. Việc cưỡng chế kết thúc hồi {end_time}
Biên bản này gồm {sheets~} tờ, được lập thành 03 bản có nội dung và giá trị như nhau; đã
    đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng và cùng ký tên
    dưới đây; giao cho {person} là {role} bị cưỡng chế 01 bản, ông (bà) {} là {role}
    đang giữ tiền, tài sản 01 bản, 01 bản lưu hồ sơ.
<Trường hợp có người vắng mặt hoặc có mặt nhưng từ chối ký biên bản>
Lý do ông (bà) / {} là {role} bị cưỡng chế, là {role} đang giữ tiền, tài sản không ký
    biên bản: {}
"""

SPEC = FormSpec(
    code="MBB10",
    title="BIÊN BẢN",
    subject=(
        "Cưỡng chế thu tiền, tài sản để <thi hành quyết định xử phạt vi phạm hành "
        "chính/hoàn trả kinh phí>"
    ),
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
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC GIỮ TIỀN, TÀI SẢN",
                ),
                "(Ký, ghi rõ họ và tên)",
            ),
            SignSpec(
                (
                    "ĐẠI DIỆN CƠ QUAN",
                    "PHỐI HỢP CƯỠNG CHẾ",
                ),
                "(Ký, ghi rõ chức vụ, họ và tên)",
            ),
        ),
        (
            SignSpec(("ĐẠI DIỆN CHÍNH QUYỀN",), "(Ký, ghi rõ chức vụ, họ và tên)"),
            SignSpec(("NGƯỜI CHỨNG KIẾN",), "(Ký, ghi rõ họ và tên)"),
        ),
    ),
    receipt=(
        (
            "Biên bản đã giao trực tiếp cho {role} bị cưỡng chế, {role} đang giữ "
            "tiền, tài sản vào hồi {_time}"
        ),
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
