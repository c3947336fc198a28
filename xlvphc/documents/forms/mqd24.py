"""Mẫu quyết định số 24 (MQĐ24): Quyết định trả lại tang vật, phương tiện vi phạm hành
chính, giấy phép, chứng chỉ hành nghề bị tạm giữ.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "ref:QĐ-TG": "Văn bản QĐ-TG",
    "ref:QĐ-KDTG": "Văn bản QĐ-KDTG",
    "ref:QĐ-GQXP": "Văn bản QĐ-GQXP",
    "no:QĐ-TG": "Số văn bản QĐ-TG",
    "no:QĐ-KDTG": "Số văn bản QĐ-KDTG",
    "reason": "Lý do",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

BODY = """
# Căn cứ Điều 126 {law};
# Căn cứ Quyết định số: {ref:QĐ-TG} tạm giữ tang vật, phương tiện vi phạm hành chính,
    giấy phép, chứng chỉ hành nghề;
? # Căn cứ Quyết định số: {ref:QĐ-KDTG} kéo dài thời hạn tạm giữ tang vật, phương tiện
    vi phạm hành chính, giấy phép, chứng chỉ hành nghề (nếu có);
? # Căn cứ Quyết định số: {ref:QĐ-GQXP} về việc giao quyền xử phạt vi phạm hành chính
    (nếu có).
= QUYẾT ĐỊNH:
Điều 1.
1. Trả lại <tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành nghề> đã
    bị tạm giữ theo Quyết định số: {no:QĐ-TG} <và Quyết định số: {no:QĐ-KDTG} > cho
    {party} có tên sau đây:
@identity
2. Việc trả lại <tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành
    nghề> đã tạm giữ theo thủ tục hành chính được lập thành biên bản kèm theo Quyết định
    này.
3. Việc mở niêm phong tang vật, phương tiện vi phạm hành chính đã tạm giữ theo thủ tục
    hành chính được lập thành biên bản kèm theo Quyết định này (nếu có).
4. Lý do trả lại <tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành
    nghề>: {reason}
~
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Quyết định này được:
1. Giao cho {person} là {role} được trả lại <tang vật, phương tiện vi phạm hành chính,
    giấy phép, chứng chỉ hành nghề> có tên tại Điều 1 Quyết định này để chấp hành.
{Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này theo
    quy định của pháp luật.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ24",
    title="QUYẾT ĐỊNH",
    subject=(
        "Trả lại tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành "
        "nghề bị tạm giữ"
    ),
    suffix="QĐ-TL",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} được trả lại <tang vật, phương "
            "tiện vi phạm hành chính, giấy phép, chứng chỉ hành nghề> vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
