"""Mẫu quyết định số 37 (MQĐ37): Quyết định chấm dứt việc giao quyền xử phạt vi phạm
hành chính/cưỡng chế thi hành quyết định xử phạt vi phạm hành chính/tạm giữ người
theo thủ tục hành chính.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "law_article": "Điều của Luật",
    "charter": "Văn bản quy định chức năng, nhiệm vụ",
    "organ": "Cơ quan, tổ chức",
    "delegation": "Quyết định giao quyền (số, ngày)",
    "delegated": "Quyền được giao",
    "deputy_name": "Họ tên cấp phó được giao quyền",
    "deputy_title": "Chức vụ cấp phó",
    "office_head": "Người đứng đầu bộ phận tổ chức, văn phòng",
}

BODY = """
# Căn cứ {law_article=Điều 54/khoản 2 Điều 87/khoản 2 Điều 123} {law};
# Căn cứ Điều 10 Nghị định số 118/2021/NĐ-CP ngày 23 tháng 12 năm 2021 của Chính phủ quy
    định chi tiết một số điều và biện pháp thi hành Luật Xử lý vi phạm hành chính;
# Căn cứ {charter} quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của
    {organ=cơ quan, tổ chức};
# Căn cứ Quyết định số: {delegation=…/QĐ-GQXP/GQCC/GQTG ngày …/…/…} về việc giao quyền
    {delegated=xử phạt vi phạm hành chính/cưỡng chế thi hành quyết định xử phạt vi phạm
    hành chính/tạm giữ người theo thủ tục hành chính}.
= QUYẾT ĐỊNH:
Điều 1. Chấm dứt việc giao quyền {delegated=xử phạt vi phạm hành chính/cưỡng chế thi
    hành quyết định xử phạt vi phạm hành chính/tạm giữ người theo thủ tục hành chính}
    theo Quyết định số: {delegation=…/QĐ-GQXP/GQCC/GQTG ngày …/…/…} đối với ông (bà):
    {deputy_name} chức vụ: {deputy_title}.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. {office_head=Người đứng đầu bộ phận tổ chức, bộ phận văn phòng của đơn vị}, ông
    (bà) có tên tại Điều 1 và cá nhân, tổ chức có liên quan chịu trách nhiệm thi hành
    Quyết định này./.
"""

SPEC = FormSpec(
    code="MQĐ37",
    title="QUYẾT ĐỊNH",
    subject=(
        "Chấm dứt việc giao quyền <xử phạt vi phạm hành chính/cưỡng chế thi hành "
        "quyết định xử phạt vi phạm hành chính/tạm giữ người theo thủ tục hành chính>"
        " "
    ),
    suffix="QĐ-CDGQ",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
)
