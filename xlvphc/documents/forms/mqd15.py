"""Mẫu quyết định số 15 (MQĐ15): Quyết định buộc thực hiện biện pháp khắc phục hậu quả
(sử dụng cho trường hợp không ra quyết định xử phạt vi phạm hành chính).

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "no:BB-VPHC": "Số văn bản BB-VPHC",
    "date:BB-VPHC": "Ngày lập BB-VPHC",
    "no:BB-XM": "Số văn bản BB-XM",
    "date:BB-XM": "Ngày lập BB-XM",
    "ref:QĐ-GQXP": "Văn bản QĐ-GQXP",
    "reason": "Lý do",
    "remedial_measures": "Biện pháp khắc phục hậu quả",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

BODY = """
# Căn cứ Điều 28, khoản 2 Điều 65, Điều 85 {law};
# Căn cứ Biên bản vi phạm hành chính số: {no:BB-VPHC} lập ngày {date:BB-VPHC};
? # Căn cứ Biên bản số: {no:BB-XM} lập ngày {date:BB-XM} xác minh tình tiết của vụ việc
    vi phạm hành chính (nếu có);
? # Căn cứ Quyết định số: {ref:QĐ-GQXP} về việc giao quyền xử phạt vi phạm hành chính
    (nếu có),
Để khắc phục triệt để hậu quả do hành vi vi phạm hành chính gây ra.
= QUYẾT ĐỊNH:
Điều 1.
1. Buộc thực hiện biện pháp khắc phục hậu quả do vi phạm hành chính gây ra đối với
    {party} có tên sau đây:
@identity
2. Phải thực hiện biện pháp khắc phục hậu quả do đã có hành vi vi phạm hành chính quy
    định tại:
@acts
3. Hậu quả do hành vi vi phạm hành chính gây ra cần được khắc phục là: {}
a) {}
b) {}
4. Lý do không ra quyết định xử phạt: {reason}
~
5. Biện pháp khắc phục hậu quả phải thực hiện và thời gian thực hiện:
a) Biện pháp: {remedial_measures}
Thời gian thực hiện: {} <ngày/tháng>, kể từ ngày nhận được Quyết định này.
b) Biện pháp: {}
Thời gian thực hiện: {} <ngày/tháng>, kể từ ngày nhận được Quyết định này.
6. Mọi chi phí tổ chức thi hành biện pháp khắc phục hậu quả do {kind} có tên tại Điều
    này chi trả.
{Party} có tên tại Điều này phải hoàn trả số kinh phí là: {}
(Bằng chữ: {} ) cho: {} là cơ quan đã thực hiện biện pháp khắc phục hậu quả theo quy
    định tại khoản 5 Điều 85 Luật Xử lý vi phạm hành chính.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày {_date}
Điều 3. Quyết định này được:
1. Giao cho {person} là {role} bị buộc thực hiện biện pháp khắc phục hậu quả do vi phạm
    hành chính gây ra có tên tại Điều 1 Quyết định này để chấp hành.
a) {Party} bị buộc thực hiện biện pháp khắc phục hậu quả do vi phạm hành chính gây ra có
    tên tại Điều 1 phải nghiêm chỉnh chấp hành Quyết định này.
Hết thời hạn quy định tại khoản 5 Điều 1 Quyết định này mà {party} {name} không tự
    nguyện chấp hành thì sẽ bị cưỡng chế thi hành theo quy định của pháp luật.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết vả phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ15",
    title="QUYẾT ĐỊNH",
    subject="Buộc thực hiện biện pháp khắc phục hậu quả",
    suffix="QĐ-KPHQ",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} bị buộc thực hiện biện pháp khắc"
            " phục hậu quả vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
