"""Mẫu quyết định số 03 (MQĐ03): Quyết định hoãn thi hành quyết định phạt tiền.

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
    "from_date": "Từ ngày",
    "to_date": "Đến ngày",
    "returned_items": "Giấy tờ, tang vật được trả lại",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

BODY = """
# Căn cứ Điều 76 {law};
# Căn cứ Quyết định số: {ref:QĐ-XPHC} xử phạt vi phạm hành chính;
? # Căn cứ Quyết định số: {ref:QĐ-GQXP} về việc giao quyền xử phạt vi phạm hành chính
    (nếu có);
# Xét Đơn đề nghị hoãn chấp hành quyết định xử phạt vi phạm hành chính ngày
    {application_date} của {party} {name} được {certifier} xác nhận.
= QUYẾT ĐỊNH:
Điều 1.
1. Hoãn thi hành quyết định phạt tiền theo Quyết định số: {no:QĐ-XPHC} đối với {party}
    có tên sau đây:
@identity
2. Thời gian hoãn thi hành quyết định phạt tiền từ ngày {from_date} đến ngày {to_date}.
3. {Party} {name} được nhận lại {returned_items}.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Quyết định này được:
1. Giao cho {person} là {role} được hoãn thi hành quyết định phạt tiền có tên tại Điều 1
    Quyết định này để chấp hành.
a) {Party} được hoãn thi hành quyết định phạt tiền có tên tại Điều 1 phải nghiêm chỉnh
    chấp hành Quyết định này.
Hết thời gian hoãn thi hành quyết định phạt tiền quy định tại khoản 2 Điều 1 Quyết định
    này, {party} {name} phải tiếp tục chấp hành quyết định phạt tiền, nếu không tự
    nguyện chấp hành thì sẽ bị cưỡng chế thi hành theo quy định của pháp luật.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ03",
    title="QUYẾT ĐỊNH",
    subject="Hoãn thi hành quyết định phạt tiền",
    suffix="QĐ-HQĐPT",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} được hoãn thi hành quyết định "
            "phạt tiền vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
