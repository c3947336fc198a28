"""Mẫu quyết định số 14 (MQĐ14): Quyết định tịch thu tang vật, phương tiện vi phạm hành
chính (sử dụng cho trường hợp không ra quyết định xử phạt vi phạm hành chính hoặc hết
thời hạn tạm giữ mà người vi phạm, chủ sở hữu, người quản lý hoặc người sử dụng hợp
pháp không đến nhận).

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec

FIELDS = {
    "no:BB-VPHC": "Số văn bản BB-VPHC",
    "date:BB-VPHC": "Ngày lập BB-VPHC",
    "no:BB-XM": "Số văn bản BB-XM",
    "date:BB-XM": "Ngày lập BB-XM",
    "ref:QĐ-TG": "Văn bản QĐ-TG",
    "ref:QĐ-GQXP": "Văn bản QĐ-GQXP",
    "reason": "Lý do",
    "no:QĐ-TG": "Số văn bản QĐ-TG",
    "executor": "Người/tổ chức chủ trì tổ chức thi hành",
    "cooperators": "Cơ quan, tổ chức phối hợp",
}

BODY = """
[no_decision] # <Căn cứ khoản 2 Điều 65 {law};
[no_decision] # Căn cứ Biên bản vi phạm hành chính số: {no:BB-VPHC} lập ngày
    {date:BB-VPHC};
[no_decision] ? # Căn cứ Biên bản số: {no:BB-XM} lập ngày {date:BB-XM} xác minh tình
    tiết của vụ việc vi phạm hành chính (nếu có);>
[unclaimed] # <Căn cứ Điều 26, khoản 4 Điều 126 {law};
[unclaimed] # Căn cứ Quyết định số: {ref:QĐ-TG} tạm giữ tang vật, phương tiện vi phạm
    hành chính, giấy phép, chứng chỉ hành nghề;
[unclaimed] # Căn cứ kết quả thông báo lần thứ hai <của/trên> {} từ ngày {_date}; >
? # Căn cứ Quyết định số: {ref:QĐ-GQXP} về việc giao quyền xử phạt vi phạm hành chính
    (nếu có).
= QUYẾT ĐỊNH:
Điều 1.
[no_decision] <1. Tịch thu tang vật, phương tiện vi phạm hành chính theo biên bản được
    lập kèm theo Quyết định này đối với {party} có tên sau đây:
[no_decision] @identity
[no_decision] 2. Lý do không ra quyết định xử phạt: {reason}
[no_decision] ~
[no_decision] 3. Số tang vật, phương tiện vi phạm hành chính bị tịch thu tại khoản 1
    Điều này được chuyển đến: {} để xử lý theo quy định của pháp luật.
[no_decision] 4. Tài liệu kèm theo: {}
[no_decision] {} >
[unclaimed] <1. Tịch thu tang vật, phương tiện vi phạm hành chính đã bị tạm giữ theo
    Quyết định số {no:QĐ-TG} đối với {party} có tên sau đây:
[unclaimed] @identity
[unclaimed] 2. Việc tịch thu tang vật, phương tiện vi phạm hành chính được lập thành
    biên bản kèm theo Quyết định này.
[unclaimed] 3. Lý do tịch thu: {reason}
[unclaimed] 4. Tài liệu kèm theo: {}
[unclaimed] {} >
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Quyết định này được:
1. Gửi cho {executor} để tổ chức thực hiện.
2. Gửi cho {cooperators} để biết và phối hợp thực hiện./.
"""

SPEC = FormSpec(
    code="MQĐ14",
    title="QUYẾT ĐỊNH",
    subject="Tịch thu tang vật, phương tiện vi phạm hành chính",
    suffix="QĐ-TT",
    body=BODY,
    fields=FIELDS,
    recipients=(
        "- Như Điều 3;",
        "- Lưu: Hồ sơ.",
    ),
    receipt=(
        (
            "(**‘*) Quyết định đã giao trực tiếp cho {role} bị tịch thu tang vật, "
            "phương tiện vi phạm hành chính vào hồi {_time}"
        ),
        "NGƯỜI NHẬN QUYẾT ĐỊNH",
    ),
)
