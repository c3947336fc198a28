"""Mẫu biên bản số 10 (MBB10): Biên bản cưỡng chế thu tiền, tài sản để thi hành quyết
định xử phạt vi phạm hành chính/hoàn trả kinh phí.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; the opening (decision,
team, witnesses) and the signatures are those of every coercion record
(`documents.coercion_parts`); line syntax in `documents.template`.
"""

from xlvphc.documents.coercion_parts import (
    ABSENT,
    SIGNED_BY_AUTHORITY,
    SIGNED_BY_COOPERATOR,
    SIGNED_BY_MAKER,
    SIGNED_BY_WITNESS,
    WITNESS_FIELDS,
    record_opening,
    record_spec,
    signed_by_person,
)

MEASURE = (
    "thu tiền, tài sản để <thi hành quyết định xử phạt vi phạm hành chính/hoàn trả "
    "kinh phí>"
)

FINDINGS = """
2. <Cá nhân/Tổ chức> đang giữ tiền, tài sản: {holder}
Địa chỉ: {holder_address}
3. Biện pháp cưỡng chế: Thu tiền, tài sản của đối tượng bị cưỡng chế <thi hành quyết
    định xử phạt vi phạm hành chính/hoàn trả kinh phí> sau khi vi phạm cố tình tẩu tán
    tài sản cho cá nhân, tổ chức khác giữ.
4. Số tiền, tài sản phải thu, gồm:
a) Về tiền mặt:
Loại tiền: {}
Số tiền: {amount}
(Bằng chữ: {amount_words})
b) Về tài sản:
STT | Tên gọi/mô tả tài sản | Đơn vị tính | Số lượng | Tình trạng, đặc điểm | Ghi chú
| | | | |
| | | | |
5. Việc cưỡng chế kết thúc hồi {end_time}
Biên bản này gồm {sheets~} tờ, được lập thành 03 bản có nội dung và giá trị như nhau; đã
    đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng và cùng ký tên
    dưới đây; giao cho {person} là {role} bị cưỡng chế 01 bản, ông (bà) {} là <cá nhân/người
    đại diện của tổ chức> đang giữ tiền, tài sản 01 bản, 01 bản lưu hồ sơ.
"""

REFUSAL = """
Lý do ông (bà) / {} là {role} bị cưỡng chế, là <cá nhân/người đại diện của tổ chức> đang
    giữ tiền, tài sản không ký biên bản: {}
"""

SPEC = record_spec(
    "MBB10",
    "Cưỡng chế " + MEASURE,
    record_opening(MEASURE, "Đại diện cơ quan chủ trì tiến hành cưỡng chế " + MEASURE)
    + FINDINGS.lstrip("\n")
    + ABSENT
    + REFUSAL.lstrip("\n"),
    WITNESS_FIELDS
    | {
        "amount": "Số tiền",
        "items": "Danh sách tang vật, tài sản",
        "holder": "Người đang giữ tiền, tài sản",
        "holder_address": "Địa chỉ người đang giữ",
    },
    (
        (signed_by_person("BỊ CƯỠNG CHẾ"), SIGNED_BY_MAKER),
        (signed_by_person("GIỮ TIỀN, TÀI SẢN", ""), SIGNED_BY_COOPERATOR),
        (SIGNED_BY_AUTHORITY, SIGNED_BY_WITNESS),
    ),
    "Biên bản đã giao trực tiếp cho {role} bị cưỡng chế, <cá nhân/người đại diện của "
    "tổ chức> đang giữ tiền, tài sản vào hồi {_time}",
)
