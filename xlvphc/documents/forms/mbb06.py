"""Mẫu biên bản số 06 (MBB06): Biên bản về việc không nhận quyết định xử phạt vi phạm
hành chính.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "place": "Địa điểm lập biên bản",
    "ref:QĐ-XPHC": "Văn bản QĐ-XPHC",
    "copies": "Số bản",
}

BODY = """
Hôm nay, hồi {made_time}, tại {place}
~
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. Với sự chứng kiến của:
Họ và tên: {} | Chức vụ: {}
Cơ quan: {}
Tiến hành lập biên bản về việc không nhận quyết định xử phạt vi phạm hành chính đối với
    {party} có tên sau đây:
@identity 1. 
2. Ông (Bà): {maker_name} giao Quyết định số: {ref:QĐ-XPHC} xử phạt vi phạm hành chính
    cho {party} {name} để thi hành theo quy định của pháp luật, nhưng {party} có tên nêu
    trên cố tình không nhận quyết định.
3. Chúng tôi đã yêu cầu {role} {name} bị xử phạt nhận quyết định xử phạt vi phạm hành
    chính nhưng vẫn không nhận được sự hợp tác.
Biên bản lập xong hồi {_time}, gồm {sheets~} tờ, được lập thành {copies~} bản có nội
    dung
    và giá trị như nhau: đã đọc lại cho những người có tên nêu trên cùng nghe, công nhận
    là đúng và cùng ký tên dưới đây; giao cho chính quyền địa phương nơi <cá nhân bị xử
    phạt cư trú/tổ chức bị xử phạt đóng trụ sở> 01 bản, 01 bản lưu hồ sơ.
"""

SPEC = FormSpec(
    code="MBB06",
    title="BIÊN BẢN",
    subject="Về việc không nhận quyết định xử phạt vi phạm hành chính",
    suffix="BB-KNQĐXP",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(("ĐẠI DIỆN CHÍNH QUYỀN",), "(Ký, đóng dấu; ghi rõ họ và tên)"),
            SignSpec(
                ("NGƯỜI LẬP BIÊN BẢN",), "(Ký, ghi rõ chức vụ, họ và tên)", "maker_name"
            ),
        ),
    ),
)
