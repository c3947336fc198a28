"""Mẫu quyết định số 05 (MQĐ05): Quyết định nộp tiền phạt nhiều lần.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "ref:QĐ-XPHC": "Văn bản QĐ-XPHC",
    "ref:QĐ-GQXP": "Văn bản QĐ-GQXP",
    "application_date": "Ngày đơn đề nghị",
    "certifier": "Cơ quan/tổ chức xác nhận đơn",
    "no:QĐ-XPHC": "Số văn bản QĐ-XPHC",
    "months": "Số tháng nộp nhiều lần",
    "amount_first": "Số tiền nộp lần 1",
    "amount_second": "Số tiền nộp lần 2",
    "amount_third": "Số tiền nộp lần 3",
    "returned_items": "Giấy tờ, tang vật được trả lại",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

BODY = """
# Căn cứ Điều 79 {law};
# Căn cứ Quyết định số: {ref:QĐ-XPHC} xử phạt vi phạm hành chính;
? # Căn cứ Quyết định số: {ref:QĐ-GQXP} về việc giao quyền xử phạt vi phạm hành chính
    (nếu có);
# Xét Đơn đề nghị nộp tiền phạt nhiều lần ngày {application_date} của {party} {name}
    được {certifier} xác nhận.
= QUYẾT ĐỊNH:
Điều 1.
1. Cho phép nộp tiền phạt nhiều lần theo Quyết định số: {no:QĐ-XPHC} đối với {party} có
    tên sau đây:
@identity
2. Thời hạn nộp tiền phạt nhiều lần là: {months~} tháng, kể từ ngày Quyết định số:
    {no:QĐ-XPHC} có hiệu lực.
a) Số tiền nộp phạt lần thứ nhất là: {amount_first}
(Bằng chữ: {amount_first_words});
b) Số tiền nộp phạt lần thứ hai là: {amount_second}
(Bằng chữ: {amount_second_words});
? c) Số tiền nộp phạt lần thứ ba (nếu có) là: {amount_third}
? (Bằng chữ: {amount_third_words}).
3. {Party} {name} được nhận lại {returned_items} sau khi nộp tiền phạt lần đầu.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Quyết định này được:
1. Giao cho {person} là {role} được nộp tiền phạt nhiều lần có tên tại Điều 1 Quyết định
    này để chấp hành.
a) {Party} được nộp tiền phạt nhiều lần có tên tại Điều 1 phải nghiêm chỉnh chấp hành
    Quyết định này.
Hết thời hạn nộp tiền phạt nhiều lần quy định tại khoản 2 Điều 1 Quyết định này, {party}
    {name} không tự nguyện chấp hành thì sẽ bị cưỡng chế thi hành theo quy định của pháp
    luật.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ05",
    title="QUYẾT ĐỊNH",
    subject="Nộp tiền phạt nhiều lần",
    suffix="QĐ-NPNL",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} được nộp tiền phạt nhiều lần vào"
            " hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
