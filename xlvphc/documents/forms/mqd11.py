"""Mẫu quyết định số 11 (MQĐ11): Quyết định cưỡng chế buộc thực hiện biện pháp khắc phục
hậu quả.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`. The coercion step records one measure (the sanction
decision's remedial measures) and its period: both print under item 4 a),
item 4 b) is left to the pen.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "coercion_decree": "Điều, nghị định về cưỡng chế",
    "ref:QĐ-GQCC": "Văn bản QĐ-GQCC",
    "ref:QĐ-XPHC": "Văn bản QĐ-XPHC",
    "ref:QĐ-KPHQ": "Văn bản QĐ-KPHQ",
    "no:QĐ-XPHC": "Số văn bản QĐ-XPHC",
    "no:QĐ-KPHQ": "Số văn bản QĐ-KPHQ",
    "remedial_measures": "Biện pháp khắc phục hậu quả",
    "period": "Thời gian thực hiện biện pháp ở mục 4 a)",
    "period_unit": "Đơn vị thời gian thực hiện",
    "amount": "Số tiền",
    "action_place": "Địa điểm thực hiện",
    "cooperators": "Cơ quan, tổ chức phối hợp",
    "effective_date": "Ngày có hiệu lực",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
}

BODY = """
# Căn cứ Điều 28, Điều 70, Điều 85, Điều 86, Điều 87 {law};
# Căn cứ {coercion_decree=Điều … Nghị định số: …/…/NĐ-CP ngày …/…/…} của Chính phủ quy
    định về cưỡng chế thi hành quyết định xử phạt vi phạm hành chính;
? # Căn cứ Quyết định số: {ref:QĐ-GQCC} về việc giao quyền cưỡng chế thi hành quyết định
    xử phạt vi phạm hành chính (nếu có);
Để bảo đảm thi hành <Quyết định số: {ref:QĐ-XPHC} xử phạt vi phạm hành chính/Quyết định
    số: {ref:QĐ-KPHQ} buộc thực hiện biện pháp khắc phục hậu quả>.
= QUYẾT ĐỊNH:
Điều 1.
1. Cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả theo <Quyết định số:
    {no:QĐ-XPHC}/Quyết định số: {no:QĐ-KPHQ}> đối với {party} có tên sau đây:
@identity
2. Phải thực hiện biện pháp khắc phục hậu quả do đã có hành vi vi phạm hành chính quy
    định tại:
@acts
3. Hậu quả do hành vi vi phạm hành chính gây ra cần được khắc phục là:
a) {}
b) {}
4. Biện pháp khắc phục hậu quả phải thực hiện và thời gian thực hiện:
a) Biện pháp: {remedial_measures}
Thời gian thực hiện: {period~} {period_unit=ngày/tháng}, kể từ ngày nhận được Quyết định
    này.
b) Biện pháp: {}
Thời gian thực hiện: {~} <ngày/tháng>, kể từ ngày nhận được Quyết định này.
5. {Party} có tên tại Điều này phải hoàn trả số kinh phí là: {amount}
(Bằng chữ: {amount_words}) cho: {} là cơ quan đã thực hiện biện pháp khắc phục hậu quả
    theo quy định tại khoản 5 Điều 85 Luật Xử lý vi phạm hành chính.
6. Địa điểm thực hiện: {action_place}
7. Cơ quan, tổ chức phối hợp: {cooperators}
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày {effective_date}.
Điều 3. Quyết định này được:
1. Giao cho {person} là {role} bị cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả
    có tên tại Điều 1 Quyết định này để chấp hành.
a) {Party} bị áp dụng biện pháp cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả có
    tên tại Điều 1 Quyết định này phải thực hiện Quyết định này và phải chịu mọi chi phí
    về việc tổ chức thực hiện cưỡng chế.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ11",
    title="QUYẾT ĐỊNH",
    subject="Cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả ",
    suffix="QĐ-CCXP",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} bị cưỡng chế buộc thực hiện biện"
            " pháp khắc phục hậu quả vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
