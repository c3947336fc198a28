"""Mẫu quyết định số 12a, 12b, 12c (MQĐ12a-c): Quyết định cưỡng chế thi hành quyết
định xử phạt vi phạm hành chính, combining one measure with the remedial measures
(Law Art. 86 k2):
- 12a: khấu trừ một phần lương/một phần thu nhập/tiền từ tài khoản (points a, d);
- 12b: kê biên tài sản có giá trị tương ứng với số tiền phạt/phải hoàn trả;
- 12c: thu tiền, tài sản để thi hành quyết định xử phạt/hoàn trả kinh phí.

The three share their grounds, the remedial article and the closing articles;
only Article 1 and whom Article 4 sends the decision to differ, so they are
written once here. Their either/or parts are tagged (syntax in
`documents.template`): in 12a, "(**)" lines for a deduction from salary or
income ("salary") and "(***)" lines for a deduction from an account
("account"); in 12c, the money ("money") or the assets ("assets") to collect.
A form whose data names a "variant" prints only those: the decision of a
combined coercion step names its money measure's
(services/printing_details._remedial_part); a draft or a blank prints all.
Article 1 has the money measure's period and place, Article 2 those of the
remedial measure (`remedial_period`, `remedial_place`; notes (24), (26) of
12a), each its own. Article 2 item 2 b) is a second remedial measure left
to the pen: its period too, never the period of item a) (user trial:
"Biện pháp: ……" over "Thời gian thực hiện: 10 ngày"); its unit,
`{second_unit}`, no data fills.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP (the appendix's "cứ hiệu
lực" in 12c is printed "có hiệu lực", as in 12a and 12b).
"""

from xlvphc.documents.coercion_parts import (
    DECISION_FIELDS,
    REMEDIAL_ARTICLES,
    decision_grounds,
)
from xlvphc.documents.template import FormSpec

COMMON_FIELDS = DECISION_FIELDS | {
    "amount_2": "Số tiền kinh phí phải hoàn trả",
    "period": "Thời gian thực hiện",
    "period_unit": "Đơn vị thời gian thực hiện",
    "remedial_measures": "Biện pháp khắc phục hậu quả",
    "remedial_period": "Thời gian thực hiện biện pháp khắc phục hậu quả",
    "remedial_unit": "Đơn vị thời gian thực hiện biện pháp khắc phục hậu quả",
    "remedial_place": "Địa điểm thực hiện biện pháp khắc phục hậu quả",
}

# The grounds of MQĐ07-MQĐ10, citing Art. 28 (remedial measures) as well.
GROUNDS = decision_grounds(REMEDIAL_ARTICLES)

DEDUCTION = """
1. Cưỡng chế khấu trừ {deduct=một phần lương/một phần thu nhập/tiền từ tài khoản} để
    <bảo đảm thi hành Quyết định số: {no:QĐ-XPHC}/hoàn trả kinh phí thực hiện biện pháp
    khắc phục hậu quả> đối với {party} có tên sau đây:
@identity
[account] Tài khoản số: {account_number} tại: {holder}
[salary] 2. Cơ quan/tổ chức/người sử dụng lao động: {holder}
[salary] Địa chỉ: {holder_address}
[account] 2. Tổ chức tín dụng: {holder}
[account] Địa chỉ trụ sở chính: {holder_address}
3. Lý do khấu trừ: {reason}.
4. Số tiền bị khấu trừ: {amount}
(Bằng chữ: {amount_words})
[salary] a) Số tiền lương hoặc thu nhập bị khấu trừ lần thứ nhất là: {amount_3}
[salary] (Bằng chữ: {amount_3_words});
[salary] b) Số tiền lương hoặc thu nhập bị khấu trừ lần thứ hai là: {amount_4}
[salary] (Bằng chữ: {amount_4_words});
[salary] c) Số tiền lương hoặc thu nhập bị khấu trừ lần thứ {~} là: {amount_5}
[salary] (Bằng chữ: {amount_5_words});
[salary] 5. Cơ quan/tổ chức/người sử dụng lao động: {holder} có trách nhiệm chuyển số
    tiền đã khấu trừ đến tài khoản số: {treasury_account} của {treasury} trong thời hạn
    {transfer_days~} ngày, kể từ ngày khấu trừ một phần lương hoặc thu nhập của cá nhân
    bị cưỡng chế.
[account] 5. {Party} {name} có trách nhiệm yêu cầu {holder} chuyển tiền từ tài khoản số
    {account_number} vào tài khoản số: {treasury_account} của {treasury} trong thời hạn
    {transfer_days~} ngày, kể từ ngày nhận được Quyết định.
[salary] 6. Thời gian thực hiện: {period~} {period_unit=ngày/tháng} kể từ ngày nhận được
    Quyết định này.
[account] 6. Trường hợp {party} {name} không tự nguyện thực hiện trong thời hạn quy định
    tại khoản 5 Điều này, thì {holder} có trách nhiệm trích chuyển từ tài khoản của
    {kind} bị cưỡng chế số tiền bị khấu trừ quy định tại khoản 4 Điều này đến tài khoản
    số: {treasury_account} của {treasury}.
"""

DISTRAINT = """
1. Cưỡng chế kê biên tài sản có giá trị tương ứng với số tiền <phạt/phải hoàn trả> để
    <bảo đảm thi hành Quyết định số: {no:QĐ-XPHC}/hoàn trả kinh phí thực hiện biện pháp
    khắc phục hậu quả> đối với {party} có tên sau đây:
@identity
2. Lý do kê biên tài sản: {reason}.
{Party} {name} {}
3. Số tiền <phạt/phải hoàn trả>: {amount}
(Bằng chữ: {amount_words})
4. Địa điểm kê biên: {action_place}
~
5. Thời gian thực hiện: {period~} {period_unit=ngày/tháng}, kể từ ngày nhận được Quyết
    định này.
6. Cơ quan, tổ chức phối hợp: {cooperators}
~
"""

COLLECTION = """
1. Cưỡng chế thu tiền, tài sản để <thi hành quyết định xử phạt vi phạm hành chính/ hoàn
    trả kinh phí> để <bảo đảm thi hành Quyết định số: {no:QĐ-XPHC}/hoàn trả kinh phí
    thực hiện biện pháp khắc phục hậu quả> đối với {party} có tên sau đây:
@identity
2. Lý do cưỡng chế thu tiền, tài sản: {reason}.
~
{Party} {name} sau khi vi phạm hành chính có hành vi tẩu tán tiền, tài sản cho cá nhân,
    tổ chức khác giữ.
[money] 3. Số tiền phải thu: {amount}
[money] (Bằng chữ: {amount_words})
[assets] 3. Tài sản phải thu: {assets}
[assets] ~
4. <Cá nhân/Tổ chức> đang giữ tiền, tài sản: {holder}
~
Địa chỉ liên hệ: {holder_address}
~
5. Địa điểm thực hiện cưỡng chế: {action_place}
~
6. Thời gian thực hiện: {period~} {period_unit=ngày/tháng}, kể từ ngày nhận được Quyết
    định này.
7. Cơ quan, tổ chức phối hợp: {cooperators}
"""

REMEDIAL = """
Điều 2.
1. Cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả đối với {party} có tên tại Điều
    1 của Quyết định này.
2. Biện pháp khắc phục hậu quả phải thực hiện và thời gian thực hiện:
a) Biện pháp: {remedial_measures}
Thời gian thực hiện: {remedial_period~} {remedial_unit=ngày/tháng}, kể từ ngày nhận được
    Quyết định này.
b) Biện pháp: {}
Thời gian thực hiện: {~} {second_unit=ngày/tháng}, kể từ ngày nhận được Quyết định
    này.
3. {Party} có tên tại Điều 1 của Quyết định này phải hoàn trả số kinh phí là: {amount_2}
(Bằng chữ: {amount_2_words}) cho: {} là cơ quan đã thực hiện biện pháp khắc phục hậu quả
    theo quy định tại khoản 5 Điều 85 Luật Xử lý vi phạm hành chính.
4. Địa điểm thực hiện: {remedial_place}
5. Cơ quan, tổ chức phối hợp: {cooperators}
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày {effective_date}.
Điều 4. Quyết định này được:
1. Giao cho {party} {name} bị cưỡng chế thi hành quyết định xử phạt vi phạm hành chính
    có tên tại Điều 1 Quyết định này để chấp hành.
a) {Party} bị cưỡng chế thi hành quyết định xử phạt vi phạm hành chính có tên tại Điều 1
    phải thực hiện Quyết định này và phải chịu mọi chi phí về việc tổ chức thực hiện
    cưỡng chế.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
"""

SEND_DEDUCTION = """
[salary] 2. Gửi cho {holder} để chuyển số tiền khấu trừ một phần lương hoặc thu nhập của
    cá nhân bị cưỡng chế đến tài khoản số: {treasury_account} của {treasury}.
[account] 2. Gửi cho {holder} để trích chuyển số tiền bị khấu trừ đến tài khoản số:
    {treasury_account} của {treasury}.
3. Gửi cho {executor} để tổ chức thực hiện.
4. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SEND_DISTRAINT = """
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SEND_COLLECTION = """
2. Gửi cho {holder} để <nộp tiền vào ngân sách nhà nước/chuyển giao tài sản cho cơ quan
    nhà nước có thẩm quyền để làm thủ tục bán đấu giá> {}
~
~
3. Gửi cho {executor} để tổ chức thực hiện.
4. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

PAYMENT_FIELDS = {
    "holder": "Nơi trả lương, thu nhập / tổ chức tín dụng",
    "holder_address": "Địa chỉ của nơi đó",
    "account_number": "Số tài khoản bị khấu trừ",
    "deduct": "Khấu trừ lương, thu nhập hay tài khoản",
    "amount_3": "Số tiền khấu trừ lần thứ nhất",
    "amount_4": "Số tiền khấu trừ lần thứ hai",
    "amount_5": "Số tiền khấu trừ lần tiếp theo",
    "treasury": "Kho bạc nhà nước nhận tiền",
    "treasury_account": "Tài khoản Kho bạc nhận tiền",
    "transfer_days": "Thời hạn chuyển tiền (ngày)",
}
# Distraint and collection have a place in Article 1 (12a has none).
DISTRAINT_FIELDS = {"action_place": "Địa điểm kê biên"}
COLLECTION_FIELDS = {
    "action_place": "Địa điểm thực hiện cưỡng chế",
    "assets": "Tài sản phải thu",
    "holder": "Người đang giữ tiền, tài sản",
    "holder_address": "Địa chỉ liên hệ của người đó",
}


def _spec(code: str, article_1: str, send: str, fields: dict[str, str]) -> FormSpec:
    """One of the three forms from the shared parts."""
    return FormSpec(
        code=code,
        title="QUYẾT ĐỊNH",
        subject="Cưỡng chế thi hành quyết định xử phạt vi phạm hành chính",
        suffix="QĐ-CCXP",
        body=GROUNDS + article_1 + REMEDIAL + send,
        fields=COMMON_FIELDS | fields,
        recipients=("- Như Điều 4;", "- Lưu: Hồ sơ."),
        receipt=(
            (
                "Quyết định đã giao trực tiếp cho {role} bị cưỡng chế thi hành quyết "
                "định xử phạt vi phạm hành chính vào hồi {_time}"
            ),
            "NGƯỜI NHẬN QUYẾT ĐỊNH",
        ),
    )


SPECS = (
    _spec("MQĐ12a", DEDUCTION, SEND_DEDUCTION, PAYMENT_FIELDS),
    _spec("MQĐ12b", DISTRAINT, SEND_DISTRAINT, DISTRAINT_FIELDS),
    _spec("MQĐ12c", COLLECTION, SEND_COLLECTION, COLLECTION_FIELDS),
)
