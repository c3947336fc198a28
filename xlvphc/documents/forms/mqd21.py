"""Mẫu quyết định số 21 (MQĐ21): Quyết định kéo dài thời hạn tạm giữ tang vật,
phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành nghề.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`. Laid out as MQĐ20, the seizure decision it extends
and cites: item 2 repeats that decision's period (note (7)), item 4 states
the extension (note (9)).
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "ref:QĐ-TG": "Quyết định tạm giữ được kéo dài (số, ngày)",
    "no:QĐ-TG": "Số quyết định tạm giữ",
    "ref:QĐ-GQXP": "Văn bản QĐ-GQXP",
    "period": "Thời hạn tạm giữ theo quyết định tạm giữ",
    "period_unit": "Đơn vị của thời hạn (ngày/tháng)",
    "from_date": "Tạm giữ từ ngày",
    "to_date": "Tạm giữ đến ngày",
    "reason": "Lý do kéo dài",
    "extension": "Thời hạn kéo dài",
    "extension_unit": "Đơn vị của thời hạn kéo dài (ngày/tháng)",
    "extension_from_date": "Kéo dài từ ngày",
    "extension_to_date": "Kéo dài đến ngày",
    "notified": "Người, cơ quan, tổ chức được thông báo",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

BODY = """
# Căn cứ Điều 125 {law};
# Căn cứ Quyết định số: {ref:QĐ-TG} tạm giữ tang vật, phương tiện vi phạm hành chính,
    giấy phép, chứng chỉ hành nghề;
? # Căn cứ Quyết định số: {ref:QĐ-GQXP} về việc giao quyền xử phạt vi phạm hành chính
    (nếu có).
= QUYẾT ĐỊNH:
Điều 1.
1. Kéo dài thời hạn tạm giữ <tang vật, phương tiện vi phạm hành chính, giấy phép, chứng
    chỉ hành nghề> theo Quyết định số: {no:QĐ-TG} đối với {party} có tên sau đây:
@identity
2. Đang bị áp dụng biện pháp ngăn chặn tạm giữ <tang vật, phương tiện vi phạm hành
    chính, giấy phép, chứng chỉ hành nghề> theo Quyết định số: {no:QĐ-TG}, có thời hạn
    tạm giữ là {period~} {period_unit=ngày/tháng}, từ ngày {from_date} đến ngày
    {to_date}
3. Lý do kéo dài thời hạn tạm giữ: {reason}
~
4. Thời hạn kéo dài là: {extension~} {extension_unit=ngày/tháng}, từ ngày
    {extension_from_date} đến ngày {extension_to_date}
5. Việc kéo dài thời hạn tạm giữ đã thông báo cho {notified}
~
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Quyết định này được:
1. Giao cho {person} là {role} bị kéo dài thời hạn tạm giữ <tang vật, phương tiện vi
    phạm hành chính, giấy phép, chứng chỉ hành nghề> có tên tại Điều 1 Quyết định này
    để chấp hành.
a) {Party} bị kéo dài thời hạn tạm giữ <tang vật, phương tiện vi phạm hành chính, giấy
    phép, chứng chỉ hành nghề> có tên tại Điều 1 phải nghiêm chỉnh chấp hành Quyết định
    này.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ21",
    title="QUYẾT ĐỊNH",
    subject=(
        "Kéo dài thời hạn tạm giữ tang vật, phương tiện vi phạm hành chính, giấy "
        "phép, chứng chỉ hành nghề"
    ),
    suffix="QĐ-KDTG",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} bị kéo dài thời hạn áp dụng "
            "biện pháp ngăn chặn tạm giữ <tang vật, phương tiện vi phạm hành chính, "
            "giấy phép, chứng chỉ hành nghề> theo thủ tục hành chính vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
