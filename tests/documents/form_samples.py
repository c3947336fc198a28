"""Sample form data: realistic full cases, bare minimums and stress cases.

Shared by the tests and the benchmark so both render the same documents.
"""

import unicodedata
from dataclasses import replace
from datetime import date, datetime

from xlvphc.documents.data import (
    ActData,
    Agency,
    DecisionData,
    RecordData,
    ViolatorData,
)

AGENCY = Agency(
    name="Ủy ban nhân dân phường Buôn Ma Thuột",
    parent="Ủy ban nhân dân tỉnh Đắk Lắk",
    place="Buôn Ma Thuột",
)

INDIVIDUAL = ViolatorData(
    kind="individual",
    name="Nguyễn Thị Hương Giang",
    gender="Nữ",
    birth_date=date(1990, 4, 12),
    occupation="Kinh doanh tự do",
    address="Số 25 đường Lê Duẩn, phường Buôn Ma Thuột, tỉnh Đắk Lắk",
    id_number="066190001234",
    id_issued_on=date(2021, 6, 1),
    id_issued_by="Cục Cảnh sát quản lý hành chính về trật tự xã hội",
)

ORGANISATION = ViolatorData(
    kind="organisation",
    name="Công ty TNHH Thương mại Dịch vụ Ê Đê Xanh",
    address="Số 8 đường Phan Bội Châu, phường Tân An, tỉnh Đắk Lắk",
    tax_code="6001234567",
    registration_number="6001234567",
    registration_issued_on=date(2019, 2, 3),
    registration_issued_by=(
        "Phòng Đăng ký kinh doanh, Sở Kế hoạch và Đầu tư tỉnh Đắk Lắk"
    ),
    representative_name="Trần Văn Bình",
    representative_gender="Nam",
    representative_title="Giám đốc",
)

ACT_NOISE = ActData(
    decree="168/2024/NĐ-CP",
    article=6,
    clause=2,
    point="a",
    act="Điều khiển xe chạy quá tốc độ quy định từ 05 km/h đến dưới 10 km/h",
    fine=1_500_000,
)
ACT_ORDER = ActData(
    decree="144/2021/NĐ-CP",
    article=7,
    clause=1,
    point="b",
    act="Gây mất trật tự công cộng ở nơi biểu diễn nghệ thuật",
    fine=1_000_000,
)
ACT_WARNING = ActData(
    decree="144/2021/NĐ-CP",
    article=7,
    clause=1,
    point="a",
    act="Có cử chỉ, lời nói thô bạo, khiêu khích, trêu ghẹo người khác",
)

DECREE_168 = (
    "Nghị định số 168/2024/NĐ-CP ngày 26/12/2024 của Chính phủ quy định xử phạt "
    "vi phạm hành chính về trật tự, an toàn giao thông trong lĩnh vực giao thông "
    "đường bộ; trừ điểm giấy phép lái xe"
)
DECREE_144 = (
    "Nghị định số 144/2021/NĐ-CP ngày 31/12/2021 của Chính phủ quy định xử phạt "
    "vi phạm hành chính trong lĩnh vực an ninh, trật tự, an toàn xã hội"
)

# Every Vietnamese vowel with each tone, plus đ, in both cases.
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
LOWER = (
    "".join(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES) + "đ"
)
ALL_LETTERS = LOWER + " " + LOWER.upper()


def full_record(**changes: object) -> RecordData:
    """A record with every field filled, for an individual."""
    record = RecordData(
        agency=AGENCY,
        number="12/BB-VPHC",
        made_at=datetime(2026, 3, 5, 9, 30),
        place="Trụ sở Ủy ban nhân dân phường Buôn Ma Thuột",
        field="an ninh, trật tự, an toàn xã hội",
        maker_name="Lê Văn Đức",
        maker_title="Công chức Văn phòng - Thống kê",
        witness="Phạm Thị Ánh, Phó Chủ tịch UBND phường Buôn Ma Thuột",
        violator=INDIVIDUAL,
        violation_at=datetime(2026, 3, 4, 21, 15),
        violation_place="Quán cà phê số 30 đường Nguyễn Tất Thành",
        description=(
            "Vào lúc 21 giờ 15 phút ngày 04/3/2026, tại quán cà phê số 30 đường "
            "Nguyễn Tất Thành, bà Nguyễn Thị Hương Giang đã có hành vi gây mất "
            "trật tự công cộng trong buổi biểu diễn ca nhạc, ảnh hưởng đến khách "
            "và người dân xung quanh."
        ),
        acts=[ACT_ORDER],
        violator_statement="Tôi thừa nhận hành vi vi phạm như biên bản đã ghi.",
        explanation_allowed=True,
    )
    return replace(record, **changes)


def minimal_record(**changes: object) -> RecordData:
    """A record with only the required fields, for an organisation."""
    record = RecordData(
        agency=Agency(name="Ủy ban nhân dân xã Ea Kao"),
        number="",
        made_at=datetime(2026, 1, 2, 8, 0),
        place="",
        field="",
        maker_name="",
        maker_title="",
        witness="",
        violator=ViolatorData(kind="organisation", name="Hợp tác xã Ea Kao"),
        violation_at=None,
        violation_place="",
        description="",
    )
    return replace(record, **changes)


def full_decision(**changes: object) -> DecisionData:
    """A decision with every field filled, signed by a delegated deputy."""
    decision = DecisionData(
        agency=AGENCY,
        number="5/QĐ-XPHC",
        decided_on=date(2026, 3, 5),
        signer_name="Hoàng Minh Tuấn",
        signer_title="Phó Chủ tịch",
        field="an ninh, trật tự, an toàn xã hội",
        decrees=[DECREE_144],
        record_number="12/BB-VPHC",
        record_date=date(2026, 3, 5),
        violator=INDIVIDUAL,
        description=(
            "Gây mất trật tự công cộng trong buổi biểu diễn ca nhạc tại quán cà "
            "phê số 30 đường Nguyễn Tất Thành vào lúc 21 giờ 15 phút ngày "
            "04/3/2026."
        ),
        acts=[
            ACT_ORDER,
            replace(
                ACT_ORDER,
                point="c",
                fine=500_000,
                act="Tụ tập nhiều người ở nơi công cộng gây mất trật tự",
            ),
        ],
        fine_total=1_500_000,
        aggravating="Vi phạm hành chính nhiều lần (điểm b khoản 1 Điều 10 Luật "
        "Xử lý vi phạm hành chính).",
        mitigating="Người vi phạm đã tự nguyện khai báo, thành thật hối lỗi.",
        additional_sanctions="Không áp dụng.",
        remedial_measures="Buộc khôi phục lại tình trạng ban đầu đã bị thay đổi "
        "do vi phạm hành chính gây ra trong thời hạn 05 ngày.",
        payment_days=10,
        treasury="Kho bạc Nhà nước khu vực XIII, số 2 đường Lê Duẩn, phường "
        "Buôn Ma Thuột, tỉnh Đắk Lắk",
        delegation="số 3/QĐ-GQXP ngày 01/7/2025",
        deputy_of="Chủ tịch",
    )
    return replace(decision, **changes)


def minimal_decision(**changes: object) -> DecisionData:
    """A decision with only the required fields, for an organisation."""
    decision = DecisionData(
        agency=Agency(name="Ủy ban nhân dân xã Ea Kao"),
        number="",
        decided_on=date(2026, 1, 9),
        signer_name="",
        signer_title="Chủ tịch",
        field="",
        decrees=[],
        record_number="",
        record_date=None,
        violator=ViolatorData(kind="organisation", name="Hợp tác xã Ea Kao"),
        description="",
    )
    return replace(decision, **changes)


def twenty_acts() -> list[ActData]:
    """Twenty distinct fined acts, for the many-acts stress case."""
    return [
        replace(
            ACT_ORDER,
            article=6 + i % 5,
            clause=1 + i % 3,
            point="abcdđeg"[i % 7],
            fine=500_000 + 250_000 * i,
            act=f"Hành vi vi phạm thứ {i + 1}: không chấp hành yêu cầu kiểm "
            "tra, kiểm soát của người thi hành công vụ",
        )
        for i in range(20)
    ]
