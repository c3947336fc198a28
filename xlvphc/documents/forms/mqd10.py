"""Mẫu quyết định số 10 (MQĐ10): Quyết định cưỡng chế thu tiền, tài sản để thi hành
quyết định xử phạt vi phạm hành chính/hoàn trả kinh phí.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "coercion_decree": "Điều, nghị định về cưỡng chế",
    "no:BB-XMCC": "Số văn bản BB-XMCC",
    "date:BB-XMCC": "Ngày lập BB-XMCC",
    "ref:QĐ-GQCC": "Văn bản QĐ-GQCC",
    "ref:QĐ-XPHC": "Văn bản QĐ-XPHC",
    "no:QĐ-XPHC": "Số văn bản QĐ-XPHC",
    "reason": "Lý do",
    "amount": "Số tiền",
    "action_place": "Địa điểm thực hiện",
    "period": "Thời gian thực hiện",
    "cooperators": "Cơ quan, tổ chức phối hợp",
    "effective_date": "Ngày có hiệu lực",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
}

BODY = """
# Căn cứ Điều 70, Điều 86, Điều 87 Luật Xử lý vi phạm hành chính (sửa đổi, bổ sung năm
    2020);
# Căn cứ {coercion_decree=Điều … Nghị định số: …/…/NĐ-CP ngày …/…/…} của Chính phủ quy
    định về cưỡng chế thi hành quyết định xử phạt vi phạm hành chính;
# Căn cứ Biên bản số: {no:BB-XMCC} lập ngày {date:BB-XMCC} xác minh thông tin về tiền,
    tài sản của {kind} bị cưỡng chế;
? # Căn cứ Quyết định số: {ref:QĐ-GQCC} về việc giao quyền cưỡng chế thi hành quyết định
    xử phạt vi phạm hành chính (nếu có);
Để <bảo đảm thi hành Quyết định số: {ref:QĐ-XPHC} xử phạt vi phạm hành chính/hoàn trả
    kinh phí thực hiện biện pháp khắc phục hậu quả cho cơ quan nhà nước>.
= QUYẾT ĐỊNH:
Điều 1.
1. Cưỡng chế thu tiền, tài sản của đối tượng bị cưỡng chế thi hành quyết định xử phạt vi
    phạm hành chính do cá nhân, tổ chức khác đang giữ để <bảo đảm thi hành Quyết định
    số:{no:QĐ-XPHC}/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu quả> đối với
    {party} có tên sau đây:
@identity
2. Lý do cưỡng chế thu tiền, tài sản: {reason}
{Party} {name} sau khi vi phạm hành chính có hành vi tẩu tán tiền, tài sản cho cá nhân,
    tổ chức khác giữ.
<3. Số tiền phải thu>: {amount}
(Bằng chữ: {amount_words})
<3. Tài sản phải thu>: {}
4. {Kind} đang giữ tiền, tài sản: {}
Địa chỉ liên hệ: {}
5. Địa điểm thực hiện cưỡng chế: {action_place}
6. Thời gian thực hiện: {period~} <ngày/tháng>, kể từ ngày nhận được Quyết định này.
7. Cơ quan, tổ chức phối hợp: {cooperators}
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày {effective_date}.
Điều 3. Quyết định này được:
1. Giao cho {party} bị cưỡng chế thi hành quyết định xử phạt vi phạm hành chính có tên
    tại Điều 1 Quyết định này để chấp hành.
a) {Party} bị áp dụng biện pháp cưỡng chế thu tiền, tài sản của đối tượng bị cưỡng chế
    thi hành quyết định xử phạt vi phạm hành chính do cá nhân, tổ chức khác đang giữ có
    tên tại Điều 1 phải thực hiện Quyết định này và phải chịu mọi chi phí về việc tổ
    chức thực hiện cưỡng chế.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {} để <nộp tiền vào ngân sách nhà nước/chuyển giao tài sản cho cơ quan nhà
    nước có thẩm quyền để làm thủ tục bán đấu giá>.
3. Gửi cho {executor} để tổ chức thực hiện.
4. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ10",
    title="QUYẾT ĐỊNH",
    subject=(
        "Cưỡng chế thu tiền, tài sản để <thi hành quyết định xử phạt vi phạm hành "
        "chính/hoàn trả kinh phí>"
    ),
    suffix="QĐ-CCXP",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} bị cưỡng chế thu tiền, tài sản "
            "do cá nhân, tổ chức khác đang giữ vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
