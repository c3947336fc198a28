"""Mẫu quyết định số 20 (MQĐ20): Quyết định tạm giữ tang vật, phương tiện vi phạm hành
chính, giấy phép, chứng chỉ hành nghề.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "no:BB-TG": "Số văn bản BB-TG",
    "date:BB-TG": "Ngày lập BB-TG",
    "ref:QĐ-GQXP": "Văn bản QĐ-GQXP",
    "reason": "Lý do",
    "period": "Thời hạn tạm giữ",
    "period_unit": "Đơn vị của thời hạn (ngày/tháng)",
    # Not "_time": a blank time prints its own date, and the form's date
    # follows ("từ.... ngày..../..../……").
    "from_hour": "Từ giờ",
    "from_date": "Từ ngày",
    "to_date": "Đến ngày",
    "action_place": "Địa điểm thực hiện",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

BODY = """
# Căn cứ Điều 125 {law};
# Căn cứ Biên bản số: {no:BB-TG} lập ngày {date:BB-TG} tạm giữ tang vật, phương tiện vi
    phạm hành chính, giấy phép, chứng chỉ hành nghề;
? # Căn cứ Quyết định số: {ref:QĐ-GQXP} về việc giao quyền xử phạt vi phạm hành chính
    (nếu có).
= QUYẾT ĐỊNH:
Điều 1.
1. Tạm giữ <tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành nghề>
    đối với {party} có tên sau đây:
@identity
2. Tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành nghề bị tạm giữ
    theo biên bản tạm giữ kèm theo Quyết định này.
3. Lý do tạm giữ: {reason}
~
4. Thời hạn tạm giữ: {period~} {period_unit=ngày/tháng}, từ {from_hour} ngày {from_date}
    đến ngày {to_date}
5. Địa điểm tạm giữ: {action_place}
6. <Việc niêm phong tang vật, phương tiện vi phạm hành chính bị tạm giữ theo thủ tục
    hành chính được lập thành biên bản kèm theo Quyết định này (nếu có)>
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Quyết định này được:
1. Giao cho {person} là {role} bị áp dụng biện pháp ngăn chặn tạm giữ <tang vật, phương
    tiện vi phạm hành chính, giấy phép, chứng chỉ hành nghề> có tên tại Điều 1 Quyết
    định này để chấp hành.
a) {Party} bị áp dụng biện pháp ngăn chặn tạm giữ <tang vật, phương tiện vi phạm hành
    chính, giấy phép, chứng chỉ hành nghề> có tên tại Điều 1 phải nghiêm chỉnh chấp hành
    Quyết định này.
b) {Party} {name} có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này
    theo quy định của pháp luật.
2. Gửi cho {executor} để tổ chức thực hiện.
3. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ20",
    title="QUYẾT ĐỊNH",
    subject=(
        "Tạm giữ tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ hành "
        "nghề"
    ),
    suffix="QĐ-TG",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "Quyết định đã giao trực tiếp cho {role} bị áp dụng biện pháp ngăn chặn "
            "tạm giữ <tang vật, phương tiện vi phạm hành chính, giấy phép, chứng chỉ "
            "hành nghề> vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
