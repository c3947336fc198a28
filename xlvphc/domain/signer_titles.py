"""The signer's title as printed on a decision, told from the title code.

The codes of `authority.SIGNER_TITLES` name a kind of post ("Chủ tịch Ủy ban
nhân dân xã, phường, đặc khu", "Giám đốc sở"); a decision prints the post of
one body ("Chủ tịch Ủy ban nhân dân xã Ea Kar"): note (3) of the decision
forms of Nghị định 118/2021 asks for the title and the body of the person who
decides. The body is the issuing unit when the unit is of the kind the code
names; otherwise the title cannot be told and the signer must write it.
"""

import re

from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.text import fold

_COMMUNE = r"(xã|phường|đặc khu) "

# code -> (pattern the issuing unit's printed name must match, title); in the
# title "{unit}" is that name and "{unit_lc}" the same with a small first
# letter. The first matching pattern wins.
# fmt: off
_PRINTED: dict[str, tuple[tuple[str, str], ...]] = {
    "chu_tich_ubnd_xa": ((rf"^Ủy ban nhân dân {_COMMUNE}", "Chủ tịch {unit}"),),
    "chu_tich_ubnd_tinh": (
        (r"^Ủy ban nhân dân tỉnh ", "Chủ tịch {unit}"),
        (r"^Tỉnh ", "Chủ tịch Ủy ban nhân dân {unit_lc}"),
    ),
    "giam_doc_so": ((r"^Sở ", "Giám đốc {unit}"),),
    "chi_cuc_truong_thuoc_so": ((r"^Chi cục ", "Chi cục trưởng {unit}"),),
    "chanh_thanh_tra_tinh": ((r"^Thanh tra( tỉnh .*)?$", "Chánh {unit}"),),
    "thanh_tra_vien_tinh": ((r"^Thanh tra( tỉnh .*)?$", "Thanh tra viên {unit}"),),
    # An inspection team is set up by its own decision: its name is written.
    "truong_doan_thanh_tra_tinh": (),
    "chien_si_cand": ((r"^Công an ", "Chiến sĩ {unit}"),),
    "truong_don_cong_an": (
        (r"^(Đồn|Trạm) ", "Trưởng {unit_lc}"),
        (r"^Đội ", "Đội trưởng {unit}"),
    ),
    "truong_cong_an_xa": ((rf"^Công an {_COMMUNE}", "Trưởng {unit}"),),
    "truong_phong_cong_an_tinh": ((r"^Phòng ", "Trưởng {unit_lc}"),),
    "giam_doc_cong_an_tinh": ((r"^Công an( tỉnh .*)?$", "Giám đốc {unit}"),),
    "kiem_soat_vien_thi_truong": (
        (r"^(Chi cục|Đội) Quản lý thị trường", "Kiểm soát viên thị trường {unit}"),
    ),
    "doi_truong_qltt": ((r"^Đội Quản lý thị trường", "Đội trưởng {unit}"),),
    "chi_cuc_truong_qltt": (
        (r"^Chi cục Quản lý thị trường", "Chi cục trưởng {unit}"),
    ),
    "cong_chuc_thue": ((r"^Thuế", "Công chức {unit}"),),
    "truong_thue_co_so": ((r"^Thuế cơ sở", "Trưởng {unit}"),),
    "truong_thue_tinh": ((r"^Thuế( tỉnh .*)?$", "Trưởng {unit}"),),
    "kiem_lam_vien": (
        (r"^(Chi cục|Hạt|Trạm) Kiểm lâm", "Kiểm lâm viên {unit}"),
    ),
    "tram_truong_kiem_lam": ((r"^Trạm Kiểm lâm", "Trạm trưởng {unit}"),),
    "hat_truong_kiem_lam": ((r"^Hạt Kiểm lâm", "Hạt trưởng {unit}"),),
    "chi_cuc_truong_kiem_lam": ((r"^Chi cục Kiểm lâm", "Chi cục trưởng {unit}"),),
}
# fmt: on

_LABELS = dict(SIGNER_TITLES)


def printed_title(code: str, unit_name: str) -> str:
    """Return the title to print for a signer of a title code in a unit.

    Args:
        code: One of the codes in SIGNER_TITLES.
        unit_name: The issuing unit as it heads the decision
            ("Ủy ban nhân dân xã Ea Kar", "Sở Tư pháp").

    Returns:
        The title naming the body ("Chủ tịch Ủy ban nhân dân xã Ea Kar"), or
        "" when the unit is not of the kind the code names, so the title
        must be written by the signer.
    """
    unit = " ".join(str(unit_name or "").split())
    if not unit:
        return ""
    for pattern, title in _PRINTED.get(code, ()):
        if re.match(pattern, unit, re.IGNORECASE):
            return title.format(unit=unit, unit_lc=unit[:1].lower() + unit[1:])
    return ""


def is_generic(title: str, code: str) -> bool:
    """Tell whether a stored title is only the code's label (the field was
    left empty): such a title names no body and must not be printed."""
    text = fold(title)
    return not text or text == fold(_LABELS.get(code, ""))


def is_label(title: str) -> bool:
    """Tell whether a title is the catalogue label of any code ("Chủ tịch Ủy
    ban nhân dân xã, phường, đặc khu"): a suggestion left in the field when
    another sanctioning title was chosen, which names no body either."""
    text = fold(title)
    return bool(text) and any(text == fold(label) for label in _LABELS.values())


def title_to_print(title: str, code: str, unit_name: str) -> str:
    """The title a decision prints: the one written by the signer, else the
    one told from the code and the unit, else the code's label."""
    if not is_generic(title, code):
        return " ".join(str(title).split())
    return printed_title(code, unit_name) or " ".join(str(title).split())
