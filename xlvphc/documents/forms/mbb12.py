"""Mẫu biên bản số 12 (MBB12): Biên bản cưỡng chế kê biên tài sản có giá trị tương ứng
với số tiền phạt/phải hoàn trả.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; the opening (decision,
team) and most signatures are those of every coercion record
(`documents.coercion_parts`); this record has two private witnesses besides
the local authority. Line syntax in `documents.template`.
"""

from xlvphc.documents.coercion_parts import (
    ABSENT,
    SIGNED_BY_COOPERATOR,
    SIGNED_BY_MAKER,
    SIGNED_BY_WITNESS,
    record_opening,
    record_spec,
    witness,
    witness_fields,
)
from xlvphc.documents.template import SignSpec

MEASURE = "kê biên tài sản có giá trị tương ứng với số tiền <phạt/phải hoàn trả>"

# The appendix letters the third witness "b)" too, a slip: printed "c)"
# (user trial: two "b)" under "3. Với sự chứng kiến của:").
WITNESSES = (
    witness("witness", "a")
    + witness("witness2", "b")
    + witness("witness3", "c", official=True)
)

FINDINGS = """
2. Biện pháp cưỡng chế áp dụng: Kê biên tài sản có giá trị tương ứng với số tiền
    <phạt/phải hoàn trả> để bán đấu giá.
3. Các tài sản được kê biên, gồm:
STT | Tên gọi/mô tả tài sản | Đơn vị tính | Số lượng | Tình trạng, đặc điểm | Ghi chú
| | | | |
| | | | |
4. Việc cưỡng chế kết thúc hồi {end_time}
Biên bản này gồm {sheets~} tờ, được lập thành 02 bản có nội dung và giá trị như nhau; đã
    đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng và cùng ký tên
    dưới đây; giao cho {person} là {role} có tài sản bị kê biên hoặc người đại diện hợp
    pháp của cá nhân có tài sản bị kê biên 01 bản, 01 bản lưu hồ sơ.
"""

REFUSAL = """
Lý do {person} là {role} có tài sản bị kê biên hoặc người đại diện hợp pháp của cá nhân
    có tài sản bị kê biên không ký biên bản: {}
"""

SPEC = record_spec(
    "MBB12",
    "Cưỡng chế " + MEASURE,
    record_opening(
        MEASURE,
        "Chủ trì thực hiện việc kê biên tài sản có giá trị tương ứng với số tiền "
        "<phạt/phải hoàn trả>",
        WITNESSES,
        "Hôm nay, {made_when=ngày …/…/……}, tại {place}",
    )
    + FINDINGS.lstrip("\n")
    + ABSENT
    + REFUSAL.lstrip("\n"),
    witness_fields("witness", "Người chứng kiến")
    | witness_fields("witness2", "Người chứng kiến thứ hai")
    | witness_fields("witness3", "Đại diện chính quyền chứng kiến", official=True)
    | {"items": "Danh sách tang vật, tài sản"},
    (
        (
            SignSpec(
                ("CÁ NHÂN/NGƯỜI ĐẠI DIỆN", "CỦA TỔ CHỨC CÓ TÀI SẢN BỊ KÊ BIÊN"),
                "(Ký, ghi rõ họ và tên)",
                "person_name",
            ),
            SIGNED_BY_MAKER,
        ),
        (SIGNED_BY_COOPERATOR, SIGNED_BY_WITNESS),
        (
            SignSpec(
                ("ĐẠI DIỆN CHÍNH QUYỀN/CƠ QUAN", "CỦA CÁ NHÂN BỊ CƯỠNG CHẾ"),
                "(Ký, ghi rõ chức vụ, họ và tên)",
                "witness3_name",
            ),
        ),
    ),
    "Biên bản đã giao trực tiếp cho {role} có tài sản bị kê biên hoặc người đại diện "
    "hợp pháp của cá nhân có tài sản bị kê biên vào hồi {_time}",
)
