"""Mẫu quyết định số 09 (MQĐ09): Quyết định cưỡng chế kê biên tài sản có giá trị tương
ứng với số Tiền phạt/phải hoàn trả.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; the grounds, Article 2
and the last addressees are those of every coercion decision
(`documents.coercion_parts`); line syntax in `documents.template`.
"""

from xlvphc.documents.coercion_parts import decision_spec

ARTICLE_1 = """
1. Cưỡng chế kê biên tài sản có giá trị tương ứng với số tiền <phạt/phải hoàn trả> để
    <bảo đảm thi hành Quyết định số: {no:QĐ-XPHC}/hoàn trả kinh phí thực hiện biện pháp
    khắc phục hậu quả> đối với {party} có tên sau đây:
@identity
2. Lý do kê biên tài sản: {reason}.
{Party} {name} {}
3. Số tiền <phạt/phải hoàn trả>: {amount}
(Bằng chữ: {amount_words})
4. Địa điểm kê biên: {action_place}
5. Thời gian thực hiện: {period~} {period_unit=ngày/tháng}, kể từ ngày nhận được Quyết
    định này.
6. Cơ quan, tổ chức phối hợp: {cooperators}
"""

ARTICLE_3 = """
1. Giao cho {party} {name} bị cưỡng chế <thi hành quyết định xử phạt vi phạm hành
    chính/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu quả> có tên tại Điều 1
    Quyết định này để chấp hành.
a) {Party} bị áp dụng biện pháp cưỡng chế kê biên tài sản có giá trị tương ứng với số
    tiền <phạt/phải hoàn trả> có tên tại Điều 1 phải thực hiện Quyết định này và phải
    chịu mọi chi phí về việc tổ chức thực hiện cưỡng chế.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
"""

SPEC = decision_spec(
    "MQĐ09",
    "Cưỡng chế kê biên tài sản có giá trị tương ứng với số tiền <phạt/phải hoàn trả>",
    ARTICLE_1,
    ARTICLE_3,
    2,
    "Quyết định đã giao trực tiếp cho {role} bị cưỡng chế kê biên tài sản có giá trị "
    "tương ứng với số tiền <phạt/phải hoàn trả> vào hồi {_time}",
    {
        "action_place": "Địa điểm thực hiện",
        "period": "Thời gian thực hiện",
        "period_unit": "Đơn vị thời gian thực hiện",
    },
)
