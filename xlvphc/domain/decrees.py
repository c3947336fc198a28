"""The sector decrees of the violation catalogue, as a decision cites them.

Note (4) of MQĐ01 and MQĐ02 (Phụ lục, Nghị định 118/2021/NĐ-CP): the
ground names the decree in full, "tên loại văn bản; số, ký hiệu văn bản;
ngày tháng năm ban hành văn bản; tên cơ quan ban hành và tên gọi văn bản".
Only decrees whose date and title were checked against a source are listed
(each source in data/SOURCES.md); any other decree keeps its number alone.
"""

from dataclasses import dataclass
from datetime import date

from xlvphc.domain.dates import date_in_words


@dataclass(frozen=True)
class Decree:
    """A decree's date of issue and its title as cited after "của Chính phủ"."""

    issued_on: date
    title: str


# TODO: 15/2020/NĐ-CP is cited without "được sửa đổi, bổ sung bởi Nghị định
# số 14/2022/NĐ-CP" (the catalogue's frames are as amended): the date of
# 14/2022 could not be checked against a source. 168/2024/NĐ-CP may have been
# amended by a Nghị định 238/2026/NĐ-CP (only quoted in public repositories,
# not checked): check before citing it too.
DECREES: dict[str, Decree] = {
    "15/2020/NĐ-CP": Decree(
        date(2020, 2, 3),
        "quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn "
        "thông, tần số vô tuyến điện, công nghệ thông tin và giao dịch điện tử",
    ),
    "16/2022/NĐ-CP": Decree(
        date(2022, 1, 28),
        "quy định xử phạt vi phạm hành chính về xây dựng",
    ),
    "45/2022/NĐ-CP": Decree(
        date(2022, 7, 7),
        "quy định về xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường",
    ),
    "123/2024/NĐ-CP": Decree(
        date(2024, 10, 4),
        "quy định về xử phạt vi phạm hành chính trong lĩnh vực đất đai",
    ),
    "168/2024/NĐ-CP": Decree(
        date(2024, 12, 26),
        "quy định xử phạt vi phạm hành chính về trật tự, an toàn giao thông "
        "trong lĩnh vực giao thông đường bộ; trừ điểm, phục hồi điểm giấy phép "
        "lái xe",
    ),
    "106/2025/NĐ-CP": Decree(
        date(2025, 5, 15),
        "quy định xử phạt vi phạm hành chính trong lĩnh vực phòng cháy, chữa "
        "cháy và cứu nạn, cứu hộ",
    ),
    "282/2025/NĐ-CP": Decree(
        date(2025, 10, 30),
        "quy định xử phạt vi phạm hành chính trong lĩnh vực an ninh, trật tự, "
        "an toàn xã hội; phòng, chống tệ nạn xã hội; phòng, chống bạo lực gia "
        "đình",
    ),
}


def full_citation(number: str) -> str:
    """ "Nghị định số 123/2024/NĐ-CP ngày 04 tháng 10 năm 2024 của Chính phủ
    quy định về …" for a listed decree; "Nghị định số <number>" otherwise.

    Args:
        number: The decree's number and symbol, e.g. "123/2024/NĐ-CP".

    Returns:
        The citation without "Căn cứ" and without a closing mark.
    """
    decree = DECREES.get(number.strip())
    if decree is None:
        return f"Nghị định số {number.strip()}"
    return (
        f"Nghị định số {number.strip()} {date_in_words(decree.issued_on)} "
        f"của Chính phủ {decree.title}"
    )
