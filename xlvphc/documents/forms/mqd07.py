"""Mẫu quyết định số 07 (MQĐ07): Quyết định cưỡng chế khấu trừ một phần lương/một phần
thu nhập.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; the grounds, Article 2
and the last addressees are those of every coercion decision
(`documents.coercion_parts`); line syntax in `documents.template`.
"""

from xlvphc.documents.coercion_parts import decision_spec

FIELDS = {
    "holder": "Cá nhân/tổ chức giữ tiền, tài sản hoặc trả thu nhập",
    "amount_2": "Số tiền (2)",
    "amount_3": "Số tiền (3)",
    "amount_4": "Số tiền (4)",
    "period": "Thời gian thực hiện",
    "deduct": "Khấu trừ một phần lương hay thu nhập",
    "period_unit": "Đơn vị thời gian thực hiện",
    "holder_address": "Địa chỉ nơi trả lương / trụ sở tổ chức tín dụng",
    "treasury": "Kho bạc nhà nước nhận tiền",
    "treasury_account": "Tài khoản Kho bạc nhận tiền",
    "transfer_days": "Thời hạn chuyển tiền (ngày)",
}

ARTICLE_1 = """
1. Cưỡng chế khấu trừ {deduct=một phần lương/một phần thu nhập} để <bảo đảm thi hành
    Quyết định số: {no:QĐ-XPHC}/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu
    quả> đối với {party} có tên sau đây:
@identity
2. Cơ quan/tổ chức/người sử dụng lao động: {holder}
Địa chỉ: {holder_address}
3. Lý do khấu trừ: {reason}.
4. Số tiền bị khấu trừ: {amount}
(Bằng chữ: {amount_words})
a) Số tiền lương hoặc thu nhập bị khấu trừ lần thứ nhất là: {amount_2}
(Bằng chữ: {amount_2_words});
b) Số tiền lương hoặc thu nhập bị khấu trừ lần thứ hai là: {amount_3}
(Bằng chữ: {amount_3_words});
c) Số tiền lương hoặc thu nhập bị khấu trừ lần thứ {~} là: {amount_4}
(Bằng chữ: {amount_4_words});
5. Cơ quan/tổ chức/người sử dụng lao động: {holder} có trách nhiệm chuyển số tiền đã
    khấu trừ đến tài khoản số: {treasury_account} của {treasury} trong thời hạn
    {transfer_days~} ngày, kể từ ngày khấu trừ một phần lương hoặc thu nhập của cá nhân
    bị cưỡng chế.
6. Thời gian thực hiện: {period~} {period_unit=ngày/tháng}, kể từ ngày nhận được Quyết
    định này.
"""

ARTICLE_3 = """
1. Giao cho {person} là cá nhân bị cưỡng chế thi hành quyết định xử phạt vi phạm hành
    chính có tên tại Điều 1 Quyết định này để chấp hành.
a) {Party} bị áp dụng biện pháp cưỡng chế khấu trừ một phần lương hoặc một phần thu
    nhập có tên tại Điều 1 phải thực hiện Quyết định này và phải chịu mọi chi phí về
    việc tổ chức thực hiện cưỡng chế.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {holder} để chuyển số tiền khấu trừ một phần lương hoặc thu nhập của cá nhân
    bị cưỡng chế đến tài khoản số: {treasury_account} của {treasury}.
"""

SPEC = decision_spec(
    "MQĐ07",
    "Cưỡng chế khấu trừ {deduct=một phần lương/một phần thu nhập}",
    ARTICLE_1,
    ARTICLE_3,
    3,
    "Quyết định đã giao trực tiếp cho cá nhân bị cưỡng chế khấu trừ "
    "{deduct=một phần lương/một phần thu nhập} vào hồi {_time}",
    FIELDS,
)
