"""Mẫu biên bản số 29 (MBB29): Biên bản chuyển hồ sơ và quyết định xử phạt vi phạm
hành chính để tổ chức thi hành.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "place": "Địa điểm lập biên bản",
    "receiver_name": "Họ tên người nhận bàn giao",
    "receiver_title": "Chức vụ người nhận bàn giao",
    "receiving_body": "Cơ quan tiến hành tố tụng nhận hồ sơ",
    "ref:QĐ-XPHC": "Văn bản QĐ-XPHC",
    "decision_issuer": "Người ra quyết định đó",
    "documents": "Hồ sơ, tài liệu chuyển giao",
    "copies": "Số bản",
    "items": "Danh sách tang vật, tài sản",
}

BODY = """
Căn cứ Điều 71 {law}.
Theo yêu cầu của {person} là {role}
Hôm nay, hồi {made_time}, tại {place}
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản - Bên bàn giao hồ sơ:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. Bên nhận bàn giao hồ sơ:
Họ và tên: {receiver_name} | Chức vụ: {receiver_title}
Cơ quan: {receiving_body}
Tiến hành lập biên bản chuyển Quyết định số: {ref:QĐ-XPHC} của {decision_issuer} xử phạt
    vi phạm hành chính để tổ chức thi hành
1. Hồ sơ, tài liệu, gồm: {documents}
2. Các tang vật, phương tiện vi phạm hành chính bị tạm giữ được chuyển giao, gồm:
STT | Tên tang vật, phương tiện | Đơn vị tính | Số lượng | Chủng loại | Tình trạng, đặc
    điểm | Ghi chú
| | | | | |
| | | | | |
Đại diện bên nhận bàn giao đã kiểm tra, nhận đủ các tài liệu có trong hồ sơ và tang vật,
    phương tiện vi phạm hành chính nêu trên.
Biên bản lập xong hồi {_time} gồm {sheets~} tờ, được lập thành {copies~} bản có nội dung
    và giá trị như nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận
    là đúng và cùng ký tên dưới đây; bên bàn giao hồ sơ, bên nhận bàn giao hồ sơ mỗi bên
    giữ 01 bản, 01 bản lưu hồ sơ.
"""

SPEC = FormSpec(
    code="MBB29",
    title="BIÊN BẢN",
    subject="Chuyển hồ sơ và quyết định xử phạt vi phạm hành chính để tổ chức thi hành",
    suffix="BB-CQĐXP",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(("BÊN NHẬN BÀN GIAO",), "(Ký, ghi rõ chức vụ, họ và tên)"),
            SignSpec(("BÊN BÀN GIAO",), "(Ký, ghi rõ chức vụ, họ và tên)"),
        ),
    ),
)
