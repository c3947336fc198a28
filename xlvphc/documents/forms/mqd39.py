"""Mẫu quyết định số 39 (MQĐ39): Quyết định đính chính quyết định trong xử phạt vi phạm
hành chính.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "delegation": "Quyết định giao quyền (số, ngày)",
    "delegated": "Quyền được giao",
    "proposer": "Người đề nghị",
    "target_ref": "Quyết định được sửa/đính chính/hủy (số, ngày)",
    "target_issuer": "Người ban hành quyết định đó",
    "target_no": "Số quyết định đó",
    "reason": "Lý do",
    "Corrected_part": "Điểm, khoản, điều đính chính",
    "written": "Đã viết là",
    "corrected": "Nay sửa lại là",
    "effective": "Thời điểm có hiệu lực",
    "treasury": "Kho bạc Nhà nước thu tiền",
    "cooperators": "Cơ quan, tổ chức phối hợp",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
}

BODY = """
# Căn cứ khoản 3 Điều 18 {law};
# Căn cứ Điều 14 Nghị định số 118/2021/NĐ-CP ngày 23 tháng 12 năm 2021 của Chính phủ quy
    định chi tiết một số điều và biện pháp thi hành Luật Xử lý vi phạm hành chính;
? # Căn cứ Quyết định số: {delegation=…/QĐ-GQXP/CC/TG ngày …/…/…} về việc giao quyền
    {delegated=xử phạt vi phạm hành chính/cưỡng chế thi hành quyết định xử phạt vi phạm
    hành chính/tạm giữ người theo thủ tục hành chính} (nếu có);
# Xét đề nghị của {proposer}
= QUYẾT ĐỊNH:
Điều 1.
1. Đính chính Quyết định số: {target_ref=…/QĐ-… ngày …/…/…} của {target_issuer}
~
~
2. Lý do đính chính Quyết định số: {target_no=…/QĐ-…}: {reason}
~
3. Nội dung đính chính Quyết định số: {target_no=…/QĐ-…}:
{Corrected_part=Điểm … khoản … Điều …} đã viết là: {written}
~
Nay sửa lại là: {corrected}
~
Điều 2. Quyết định này có hiệu lực thi hành kể từ {effective=ngày ký}.
Điều 3. Quyết định này được:
1. Giao cho {person} là {role} có liên quan đến quyết định được đính chính tại Điều 1
    Quyết định này để chấp hành.
a) {Party} {name} có liên quan đến quyết định được đính chính tại Điều 1 phải nghiêm
    chỉnh chấp hành Quyết định này. Nếu không tự nguyện chấp hành thì sẽ bị cưỡng chế
    thi hành theo quy định của pháp luật.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {treasury} để thu tiền phạt (nếu có).
3. Gửi cho {cooperators} để biết và phối hợp thực hiện (nếu có).
4. Gửi cho {executor} để tổ chức thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ39",
    title="QUYẾT ĐỊNH",
    # The appendix text reads "Định chính", a slip for "Đính chính" (its
    # list of forms and Điều 1 of this form both say "đính chính").
    subject="Đính chính quyết định trong xử phạt vi phạm hành chính",
    suffix="QĐ-ĐC",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} có liên quan đến quyết định được"
            " đính chính vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH (Ký, ghi rõ họ và tên)",
    ),
)
