"""Mẫu biên bản số 12 (MBB12): Biên bản cưỡng chế kê biên tài sản có giá trị tương ứng
với số tiền phạt/phải hoàn trả.

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
    "items": "Danh sách tang vật, tài sản",
    "cooperator_name": "Đại diện cơ quan phối hợp",
    "cooperator_role": "Chức vụ của người đó",
    "cooperator_where": "Cơ quan phối hợp",
    "witness_name": "Người chứng kiến",
    "witness_role": "Nghề nghiệp của người chứng kiến",
    "witness_where": "Địa chỉ của người chứng kiến",
    "witness2_name": "Người chứng kiến thứ hai",
    "witness2_role": "Nghề nghiệp của người đó",
    "witness2_where": "Địa chỉ của người đó",
    "witness3_name": "Đại diện chính quyền chứng kiến",
    "witness3_role": "Chức vụ của người đó",
    "witness3_where": "Cơ quan của người đó",
    "end_time": "Thời điểm kết thúc cưỡng chế",
}

BODY = """
Thi hành Quyết định số: {ref:QĐ-CCXP} của {decision_issuer} cưỡng chế kê biên tài sản có
    giá trị tương ứng với số tiền <phạt/phải hoàn trả>.
Hôm nay, ngày {made_date}, tại {place}
~
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản - Chủ trì thực hiện việc kê biên tài sản có giá trị
    tương ứng với số tiền <phạt/phải hoàn trả>:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. Cơ quan phối hợp:
Họ và tên: {cooperator_name} | Chức vụ: {cooperator_role}
Cơ quan: {cooperator_where}
3. Với sự chứng kiến của:
a) Họ và tên: {witness_name} | Nghề nghiệp: {witness_role}
Địa chỉ: {witness_where}
b) Họ và tên: {witness2_name} | Nghề nghiệp: {witness2_role}
Địa chỉ: {witness2_where}
b) Họ và tên: {witness3_name} | Chức vụ: {witness3_role}
Cơ quan: {witness3_where}
Tiến hành cưỡng chế và lập biên bản cưỡng chế kê biên tài sản có giá trị tương ứng với
    số tiền <phạt/phải hoàn trả> theo Quyết định số: {no:QĐ-CCXP} đối với {party} có tên
    sau đây:
@identity 1. 
2. Biện pháp cưỡng chế áp dụng: Kê biên tài sản có giá trị tương ứng với số tiền
    <phạt/phải hoàn trả> để bán đấu giá.
3. Các tài sản được kê biên, gồm:
STT | Tên gọi/mô tả tài sản | Đơn vị tính | Số lượng | Tình trạng, đặc điểm | Ghi chú
| | | | |
| | | | |
4. Việc cưỡng chế kết thúc hồi {end_time}
Biên bản này gồm {sheets~} tờ, được lập thành 02 bản có nội dung và giá trị như nhau; đã
    đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng và cùng ký tên
    dưới đây; giao cho ông (bà) / {} là {role} có tài sản bị kê biên hoặc người đại diện
    hợp pháp của cá nhân có tài sản bị kê biên 01 bản, 01 bản lưu hồ sơ.
<Trường hợp có người vắng mặt hoặc có mặt nhưng từ chối ký biên bản>
Lý do {person} là {role} có tài sản bị kê biên hoặc người đại diện hợp pháp của cá nhân
    có tài sản bị kê biên không ký biên bản: {}
"""

SPEC = FormSpec(
    code="MBB12",
    title="BIÊN BẢN",
    subject=(
        "Cưỡng chế kê biên tài sản có giá trị tương ứng với số tiền <phạt/phải hoàn "
        "trả>"
    ),
    suffix="BB-CCXP",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC CÓ TÀI SẢN BỊ KÊ BIÊN",
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
        (
            SignSpec(
                (
                    "ĐẠI DIỆN CHÍNH QUYỀN/CƠ QUAN",
                    "CỦA CÁ NHÂN BỊ CƯỠNG CHẾ",
                ),
                "(Ký, ghi rõ chức vụ, họ và tên) |",
                "person_name",
            ),
        ),
    ),
    receipt=(
        (
            "Biên bản đã giao trực tiếp cho {role} có tài sản bị kê biên hoặc người "
            "đại diện hợp pháp của cá nhân có tài sản bị kê biên vào hồi {_time}"
        ),
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
