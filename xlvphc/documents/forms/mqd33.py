"""Mẫu quyết định số 33 (MQĐ33): Quyết định chuyển hồ sơ vụ vi phạm có dấu hiệu tội phạm
để truy cứu trách nhiệm hình sự.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "basis": "Căn cứ chuyển hồ sơ",
    "ref:QĐ-GQXP": "Văn bản QĐ-GQXP",
    "receiving_body": "Cơ quan tiến hành tố tụng nhận hồ sơ",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
    "items": "Danh sách tang vật, tài sản",
}

BODY = """
# Căn cứ Điều 62 {law};
# Căn cứ {basis=Biên bản vi phạm hành chính số: …/BB-VPHC lập ngày …/…/…/ Quyết định số:
    …/QĐ-TĐC ngày …/…/… tạm đình chỉ thi hành quyết định xử phạt vi phạm hành chính};
? # Căn cứ Quyết định số: {ref:QĐ-GQXP} về việc giao quyền xử phạt vi phạm hành chính
    (nếu có).
= QUYẾT ĐỊNH:
Điều 1.
1. Chuyển hồ sơ vụ vi phạm có dấu hiệu tội phạm đến: {receiving_body} để truy cứu trách
    nhiệm hình sự đối với {party} có tên sau đây:
@identity
2. Hồ sơ vụ vi phạm chuyển giao được lập thành biên bản kèm theo Quyết định này.
3. Tang vật, phương tiện vi phạm hành chính được chuyển giao, gồm:
STT | Tên tang vật, phương tiện | Đơn vị tính | Số lượng | Chủng loại | Tình trạng, đặc
    điểm | Ghi chú
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Quyết định này được:
1. Gửi cho {party} {name} để thông báo.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ33",
    title="QUYẾT ĐỊNH",
    subject=(
        "Chuyển hồ sơ vụ vi phạm có dấu hiệu tội phạm để truy cứu trách nhiệm hình sự"
    ),
    suffix="QĐ-CHS",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
)
