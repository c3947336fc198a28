"""Mẫu quyết định số 10 (MQĐ10): Quyết định cưỡng chế thu tiền, tài sản để thi hành
quyết định xử phạt vi phạm hành chính/hoàn trả kinh phí.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; the grounds, Article 2
and the last addressees are those of every coercion decision
(`documents.coercion_parts`); line syntax in `documents.template`.
"""

from xlvphc.documents.coercion_parts import decision_spec

ARTICLE_1 = """
1. Cưỡng chế thu tiền, tài sản của đối tượng bị cưỡng chế thi hành quyết định xử phạt vi
    phạm hành chính do cá nhân, tổ chức khác đang giữ để <bảo đảm thi hành Quyết định
    số:{no:QĐ-XPHC}/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu quả> đối với
    {party} có tên sau đây:
@identity
2. Lý do cưỡng chế thu tiền, tài sản: {reason}.
{Party} {name} sau khi vi phạm hành chính có hành vi tẩu tán tiền, tài sản cho cá nhân,
    tổ chức khác giữ.
<3. Số tiền phải thu>: {amount}
(Bằng chữ: {amount_words})
<3. Tài sản phải thu>: {assets}
4. <Cá nhân/Tổ chức> đang giữ tiền, tài sản: {holder}
Địa chỉ liên hệ: {holder_address}
5. Địa điểm thực hiện cưỡng chế: {action_place}
6. Thời gian thực hiện: {period~} {period_unit=ngày/tháng}, kể từ ngày nhận được Quyết
    định này.
7. Cơ quan, tổ chức phối hợp: {cooperators}
"""

ARTICLE_3 = """
1. Giao cho {party} {name} bị cưỡng chế thi hành quyết định xử phạt vi phạm hành chính
    có tên tại Điều 1 Quyết định này để chấp hành.
a) {Party} bị áp dụng biện pháp cưỡng chế thu tiền, tài sản của đối tượng bị cưỡng chế
    thi hành quyết định xử phạt vi phạm hành chính do cá nhân, tổ chức khác đang giữ có
    tên tại Điều 1 phải thực hiện Quyết định này và phải chịu mọi chi phí về việc tổ
    chức thực hiện cưỡng chế.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {holder} để <nộp tiền vào ngân sách nhà nước/chuyển giao tài sản cho cơ quan
    nhà nước có thẩm quyền để làm thủ tục bán đấu giá>.
"""

SPEC = decision_spec(
    "MQĐ10",
    "Cưỡng chế thu tiền, tài sản để <thi hành quyết định xử phạt vi phạm hành "
    "chính/hoàn trả kinh phí>",
    ARTICLE_1,
    ARTICLE_3,
    3,
    "Quyết định đã giao trực tiếp cho {role} bị cưỡng chế thu tiền, tài sản do cá "
    "nhân, tổ chức khác đang giữ vào hồi {_time}",
    {
        # Recorded by the coercion step, as MQĐ12c prints them (mqd12.py).
        "assets": "Tài sản phải thu",
        "holder": "Người đang giữ tiền, tài sản",
        "holder_address": "Địa chỉ liên hệ của người đó",
        "action_place": "Địa điểm thực hiện",
        "period": "Thời gian thực hiện",
        "period_unit": "Đơn vị thời gian thực hiện",
    },
)
