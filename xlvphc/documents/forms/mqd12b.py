"""Mẫu quyết định số 12b (MQĐ12b): Quyết định cưỡng chế thi hành quyết định xử phạt vi
phạm hành chính (sử dụng cho trường hợp cưỡng chế kê biên tài sản có giá trị tương
ứng với số tiền phạt/phải hoàn trả và buộc thực hiện biện pháp khắc phục hậu quả).

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
    "remedial_measures": "Biện pháp khắc phục hậu quả",
    "amount_2": "Số tiền (2)",
    "effective_date": "Ngày có hiệu lực",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
}

BODY = """
# Căn cứ Điều 28, Điều 70, Điều 86, Điều 87 Luật Xử lý vi phạm hành chính (sửa đổi, bổ
    sung năm 2020);
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
1. Cưỡng chế kê biên tài sản có giá trị tương ứng với số tiền <phạt/phải hoàn trả> để
    <bảo đảm thi hành Quyết định số: {no:QĐ-XPHC}/hoàn trả kinh phí thực hiện biện pháp
    khắc phục hậu quả> đối với {party} có tên sau đây:
@identity
2. Lý do kê biên tài sản: {reason}
{Party} {name} {}
3. Số tiền <phạt/phải hoàn trả>: {amount}
(Bằng chữ: {amount_words})
4. Địa điểm kê biên: {action_place}
~
5. Thời gian thực hiện: {period~} <ngày/tháng>, kể từ ngày nhận được Quyết định này.
6. Cơ quan, tổ chức phối hợp: {cooperators}
~
Điều 2.
1. Cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả đối với {party} có tên tại Điều
    1 của Quyết định này.
2. Biện pháp khắc phục hậu quả phải thực hiện và thời gian thực hiện:
a) Biện pháp: {remedial_measures}
Thời gian thực hiện: {period~} <ngày/tháng>, kể từ ngày nhận được Quyết định này.
b) Biện pháp: {}
Thời gian thực hiện: {period~} <ngày/tháng>, kể từ ngày nhận được Quyết định này.
3. {Party} có tên tại Điều 1 của Quyết định này phải hoàn trả số kinh phí là: {amount_2}
(Bằng chữ: {amount_2_words}) cho: {} là cơ quan đã thực hiện biện pháp khắc phục hậu quả
    theo quy định tại khoản 5 Điều 85 Luật Xử lý vi phạm hành chính.
4. Địa điểm thực hiện: {action_place}
5. Cơ quan, tổ chức phối hợp: {cooperators}
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày {effective_date}.
Điều 4. Quyết định này được:
1. Giao cho {party} bị cưỡng chế thi hành quyết định xử phạt vi phạm hành chính có tên
    tại Điều 1 Quyết định này để chấp hành.
a) {Party} bị cưỡng chế thi hành quyết định xử phạt vi phạm hành chính có tên tại Điều 1
    phải thực hiện Quyết định này và phải chịu mọi chi phí về việc tổ chức thực hiện
    cưỡng chế.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ12b",
    title="QUYẾT ĐỊNH",
    subject="Cưỡng chế thi hành quyết định xử phạt vi phạm hành chính",
    suffix="QĐ-CCXP",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 4;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} bị cưỡng chế thi hành quyết định"
            " xử phạt vi phạm hành chính vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
