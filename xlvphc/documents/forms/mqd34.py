"""Mẫu quyết định số 34 (MQĐ34): Quyết định về việc giao quyền xử phạt vi phạm hành
chính.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "charter": "Văn bản quy định chức năng, nhiệm vụ",
    "organ": "Cơ quan, tổ chức",
    "deputy_name": "Họ tên cấp phó được giao quyền",
    "deputy_title": "Chức vụ cấp phó",
    "scope": "Phạm vi giao quyền",
    "content": "Nội dung giao quyền",
    "term": "Thời hạn giao quyền",
    "head_title": "Chức danh người giao quyền",
    "from_date": "Từ ngày",
    "office_head": "Người đứng đầu bộ phận tổ chức, văn phòng",
}

BODY = """
# Căn cứ Điều 54 {law};
# Căn cứ Điều 10 Nghị định số 118/2021/NĐ-CP ngày 23 tháng 12 năm 2021 của Chính phủ quy
    định chi tiết một số điều và biện pháp thi hành Luật Xử lý vi phạm hành chính;
# Căn cứ {charter} quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của
    {organ=cơ quan, tổ chức}
= QUYẾT ĐỊNH:
Điều 1.
1. Giao quyền xử phạt vi phạm hành chính cho ông (bà) có tên sau đây:
Họ và tên: {deputy_name}
Chức vụ: {deputy_title}
Cơ quan: {agency_name}
2. Phạm vi giao quyền: {scope}
3. Nội dung giao quyền: {content}
4. Thời hạn giao quyền: {term}
5. Được thực hiện các thẩm quyền của: {head_title} quy định tại Luật Xử lý vi phạm hành
    chính và các văn bản quy định chi tiết thi hành Luật, kể từ ngày {from_date}.
Điều 2. Trong khi tiến hành các hoạt động xử phạt vi phạm hành chính, ông (bà) có tên
    tại Điều 1 Quyết định này phải chịu trách nhiệm về những quyết định của mình trước
    pháp luật và trước người giao quyền xử phạt.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. {office_head=Người đứng đầu bộ phận tổ chức, bộ phận văn phòng của đơn vị}, ông
    (bà) có tên tại Điều 1 và cá nhân, tổ chức có liên quan chịu trách nhiệm thi hành
    Quyết định này./.
"""

SPEC = FormSpec(
    code="MQĐ34",
    title="QUYẾT ĐỊNH",
    subject="Về việc giao quyền xử phạt vi phạm hành chính",
    suffix="QĐ-GQXP",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 4;",
        "- Lưu: Hồ sơ.",
    ),
)
