"""Mẫu quyết định số 01 (MQĐ01): Quyết định xử phạt vi phạm hành chính không lập biên
bản.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "expulsion_decree": "Điều, nghị định về trục xuất",
    "ref:QĐ-GQXP": "Văn bản QĐ-GQXP",
    "description": "Hành vi vi phạm",
    "violation_place": "Địa điểm vi phạm",
    "circumstances": "Tình tiết liên quan",
    "main_sanction": "Hình thức xử phạt chính",
    "amount_fine": "Mức tiền phạt",
    "additional_sanction": "Hình thức xử phạt bổ sung",
    "additional_period": "Thời hạn thực hiện hình thức bổ sung",
    "remedial_measures": "Biện pháp khắc phục hậu quả",
    "remedial_days": "Thời hạn khắc phục (ngày)",
    "treasury": "Kho bạc Nhà nước thu tiền",
    "account": "Số tài khoản nộp phạt",
    "held_items": "Giấy tờ, tang vật bị tạm giữ",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

BODY = """
# Căn cứ Điều 56, Điều 69 {law};
# Căn cứ {decrees};
? # Căn cứ {expulsion_decree=Điều … Nghị định số:…/…NĐ-CP ngày …/…/…} của Chính phủ quy
    định hình thức xử phạt trục xuất, biện pháp tạm giữ người, áp giải người vi phạm
    theo thủ tục hành chính và quản lý người nước ngoài vi phạm pháp luật Việt Nam trong
    thời gian làm thủ tục trục xuất;
? # Căn cứ Quyết định số: {ref:QĐ-GQXP} về việc giao quyền xử phạt vi phạm hành chính
    (nếu có).
= QUYẾT ĐỊNH:
Điều 1.
1. Xử phạt vi phạm hành chính theo thủ tục không lập biên bản đối với {party} có tên sau
    đây:
@identity
2. Đã thực hiện hành vi vi phạm hành chính: {description}
3. Quy định tại:
@acts
4. Địa điểm xảy ra vi phạm: {violation_place}
5. Các tình tiết liên quan đến việc giải quyết vi phạm (nếu có): {circumstances}
Điều 2. Các hình thức xử phạt và biện pháp khắc phục hậu quả được áp dụng:
1. Hình thức xử phạt chính: {main_sanction}
Mức tiền phạt: {amount_fine}
(Bằng chữ: {amount_fine_words})
2. Hình thức xử phạt bổ sung (nếu có):
a) Hình thức xử phạt: {additional_sanction}
b) Thời hạn thực hiện hình thức xử phạt bổ sung là {additional_period~} <ngày/tháng> kể
    từ ngày nhận được Quyết định này.
3. Biện pháp khắc phục hậu quả (nếu có):
a) Biện pháp: {remedial_measures}
b) Thời hạn thực hiện các biện pháp khắc phục hậu quả là {remedial_days~} ngày, kể từ
    ngày nhận được Quyết định này.
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 4. Quyết định này được:
1. Giao cho {person} là {role} bị xử phạt có tên tại Điều 1 Quyết định này để chấp hành.
{Party} có tên tại Điều 1 phải nghiêm chỉnh chấp hành Quyết định xử phạt này. Nếu quá
    thời hạn mà {party} {name} không tự nguyện chấp hành thì sẽ bị cưỡng chế thi hành
    theo quy định của pháp luật.
a) Trong trường hợp bị xử phạt tiền, {party} có tên tại Điều 1 nộp tiền phạt tại chỗ cho
    người đã ra quyết định xử phạt.
Trường hợp không nộp tiền phạt tại chỗ, thì {party} có tên tại Điều 1 phải nộp tiền phạt
    tại {treasury} hoặc nộp tiền phạt vào tài khoản số: {account} của {treasury} trong
    thời hạn 10 ngày, kể từ ngày nhận được Quyết định này.
b) {Party} bị xử phạt có tên tại Điều 1 bị tạm giữ {held_items} để bảo đảm thi hành
    quyết định xử phạt.
c) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {treasury} để thu tiền phạt.
3. Gửi cho {executor} để tổ chức thực hiện.
4. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ01",
    title="QUYẾT ĐỊNH",
    subject="Xử phạt vi phạm hành chính không lập biên bản",
    suffix="QĐ-XPHC",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 4;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        "Quyết định đã giao trực tiếp cho {role} bị xử phạt vào hồi {_time}",
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
