"""Mẫu quyết định số 08 (MQĐ08): Quyết định cưỡng chế khấu trừ tiền từ tài khoản.

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
    "holder": "Cá nhân/tổ chức giữ tiền, tài sản hoặc trả thu nhập",
    "reason": "Lý do",
    "amount": "Số tiền",
    "effective_date": "Ngày có hiệu lực",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
    "account_number": "Số tài khoản bị khấu trừ",
    "holder_address": "Địa chỉ nơi trả lương / trụ sở tổ chức tín dụng",
    "treasury": "Kho bạc nhà nước nhận tiền",
    "treasury_account": "Tài khoản Kho bạc nhận tiền",
    "transfer_days": "Thời hạn chuyển tiền (ngày)",
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
1. Cưỡng chế khấu trừ tiền từ tài khoản để <bảo đảm thi hành Quyết định số:
    {no:QĐ-XPHC}/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu quả> đối với
    {party} có tên sau đây:
@identity
Tài khoản số: {account_number} tại: {holder}
2. Tổ chức tín dụng: {holder}
Địa chỉ trụ sở chính: {holder_address}
3. Lý do khấu trừ: {reason}
4. Số tiền bị khấu trừ: {amount}
(Bằng chữ: {amount_words})
5. {Party} {name} có trách nhiệm yêu cầu {holder} chuyển tiền từ tài khoản
    {account_number} vào tài khoản số: {treasury_account} của {treasury} trong thời hạn
    {transfer_days~} ngày, kể từ ngày nhận được Quyết định này.
6. Trường hợp {party} {name} không tự nguyện thực hiện trong thời hạn quy định tại khoản
    5 Điều này, thì {holder} có trách nhiệm trích chuyển từ tài khoản của {kind} bị
    cưỡng chế số tiền bị khấu trừ quy định tại khoản 4 Điều này đến tài
    khoản số: {treasury_account} của {treasury}
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày {effective_date}.
Điều 3. Quyết định này được:
1. Giao cho {party} bị cưỡng chế thi hành quyết định xử phạt vi phạm hành chính có tên
    tại Điều 1 Quyết định này để chấp hành.
a) {Party} bị áp dụng biện pháp cưỡng chế khấu trừ tiền từ tài khoản có tên tại Điều 1
    phải thực hiện Quyết định này và phải chịu mọi chi phí về việc tổ chức thực hiện
    cưỡng chế.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {holder} để chuyển số tiền bị khấu trừ đến tài khoản số: {treasury_account}
    của {treasury}
3. Gửi cho {executor} để tổ chức thực hiện.
4. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ08",
    title="QUYẾT ĐỊNH",
    subject="Cưỡng chế khấu trừ tiền từ tài khoản",
    suffix="QĐ-CCXP",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} bị cưỡng chế khấu tiền từ tài "
            "khoản vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
