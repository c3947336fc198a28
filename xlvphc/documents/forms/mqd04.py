"""Mẫu quyết định số 04 (MQĐ04): Quyết định giảm/miễn phần còn tại/miễn toàn bộ tiền
phạt vi phạm hành chính.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "ref:QĐ-XPHC": "Văn bản QĐ-XPHC",
    "ref:QĐ-HQĐPT": "Văn bản QĐ-HQĐPT",
    "relief": "giảm/miễn phần còn lại/miễn toàn bộ",
    "application_date": "Ngày đơn đề nghị",
    "certifier": "Cơ quan/tổ chức xác nhận đơn",
    "Relief": "Giảm/Miễn phần còn lại/Miễn toàn bộ (viết hoa)",
    "no:QĐ-XPHC": "Số văn bản QĐ-XPHC",
    "amount_relief": "Số tiền được giảm/miễn",
    "returned_items": "Giấy tờ, tang vật được trả lại",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

BODY = """
# Căn cứ Điều 77 {law};
# Căn cứ Quyết định số: {ref:QĐ-XPHC} xử phạt vi phạm hành chính;
? # Căn cứ Quyết định số: {ref:QĐ-HQĐPT} hoãn thi hành quyết định phạt tiền;
# Xét Đơn đề nghị {relief=giảm/miễn phần còn lại/miễn toàn bộ} tiền phạt vi phạm hành
    chính ngày {application_date} của {party} {name} được {certifier} xác nhận.
= QUYẾT ĐỊNH:
Điều 1.
1. {Relief=Giảm/Miễn phần còn lại/Miễn toàn bộ} tiền phạt vi phạm hành chính theo Quyết
    định số: {no:QĐ-XPHC} đối với {party} có tên sau đây:
@identity
2. Số tiền phạt mà {party} {name} được {relief=giảm/miễn phần còn lại/miễn toàn bộ} là:
    {amount_relief}
(Bằng chữ: {amount_relief_words}).
3. {Party} {name} được nhận lại {returned_items}.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Quyết định này được:
1. Giao cho {person} là {role} được {relief=giảm/miễn phần còn lại/miễn toàn bộ} tiền
    phạt vi phạm hành chính có tên tại Điều 1 Quyết định này để chấp hành.
{Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này theo
    quy định của pháp luật.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ04",
    title="QUYẾT ĐỊNH",
    subject="{Relief=Giảm/Miễn phần còn lại/Miễn toàn bộ} tiền phạt vi phạm hành chính",
    suffix="QĐ-GTP",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} được {relief=giảm/miễn phần còn "
            "lại/miễn toàn bộ} tiền phạt vi phạm hành chính vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
