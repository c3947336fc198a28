"""Mẫu quyết định số 08 (MQĐ08): Quyết định cưỡng chế khấu trừ tiền từ tài khoản.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; the grounds, Article 2
and the last addressees are those of every coercion decision
(`documents.coercion_parts`); line syntax in `documents.template`.
"""

from xlvphc.documents.coercion_parts import decision_spec

FIELDS = {
    "holder": "Cá nhân/tổ chức giữ tiền, tài sản hoặc trả thu nhập",
    "account_number": "Số tài khoản bị khấu trừ",
    "holder_address": "Địa chỉ nơi trả lương / trụ sở tổ chức tín dụng",
    "treasury": "Kho bạc nhà nước nhận tiền",
    "treasury_account": "Tài khoản Kho bạc nhận tiền",
    "transfer_days": "Thời hạn chuyển tiền (ngày)",
}

ARTICLE_1 = """
1. Cưỡng chế khấu trừ tiền từ tài khoản để <bảo đảm thi hành Quyết định số:
    {no:QĐ-XPHC}/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu quả> đối với
    {party} có tên sau đây:
@identity
Tài khoản số: {account_number} tại: {holder}
2. Tổ chức tín dụng: {holder}
Địa chỉ trụ sở chính: {holder_address}
3. Lý do khấu trừ: {reason}.
4. Số tiền bị khấu trừ: {amount}
(Bằng chữ: {amount_words})
5. {Party} {name} có trách nhiệm yêu cầu {holder} chuyển tiền từ tài khoản
    {account_number} vào tài khoản số: {treasury_account} của {treasury} trong thời hạn
    {transfer_days~} ngày, kể từ ngày nhận được Quyết định này.
6. Trường hợp {party} {name} không tự nguyện thực hiện trong thời hạn quy định tại khoản
    5 Điều này, thì {holder} có trách nhiệm trích chuyển từ tài khoản của {kind} bị
    cưỡng chế số tiền bị khấu trừ quy định tại khoản 4 Điều này đến tài
    khoản số: {treasury_account} của {treasury}.
"""

ARTICLE_3 = """
1. Giao cho {party} {name} bị cưỡng chế thi hành quyết định xử phạt vi phạm hành chính
    có tên tại Điều 1 Quyết định này để chấp hành.
a) {Party} bị áp dụng biện pháp cưỡng chế khấu trừ tiền từ tài khoản có tên tại Điều 1
    phải thực hiện Quyết định này và phải chịu mọi chi phí về việc tổ chức thực hiện
    cưỡng chế.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {holder} để chuyển số tiền bị khấu trừ đến tài khoản số: {treasury_account}
    của {treasury}.
"""

SPEC = decision_spec(
    "MQĐ08",
    "Cưỡng chế khấu trừ tiền từ tài khoản",
    ARTICLE_1,
    ARTICLE_3,
    3,
    # The appendix writes "khấu tiền" here, a slip for the title's "khấu trừ".
    "Quyết định đã giao trực tiếp cho {role} bị cưỡng chế khấu trừ tiền từ tài "
    "khoản vào hồi {_time}",
    FIELDS,
)
