"""Which sanctioning titles belong to which unit.

A title of `authority.SIGNER_TITLES` is a post in one kind of body (NĐ
189/2025/NĐ-CP: Điều 5 Chủ tịch Ủy ban nhân dân, Điều 6 sở and chi cục,
Điều 7 Thanh tra tỉnh as added by NĐ 311/2026, Điều 8 Công an, Điều 12–14
Quản lý thị trường, Thuế, Kiểm lâm). A unit may only sign with the titles
of its own kind: a user trial saved the account of "Công an xã Ea Kar" with
"Chủ tịch Ủy ban nhân dân tỉnh", and its MQĐ02 printed that title under the
commune police's header, with the commune chairman's ceiling doubled.

Commune bodies and the province are told by their kind (the values of
`models.units.UnitKind`, repeated here to keep the domain free of the
database); departments and the bodies under them by their name, the first
words of which name the body ("Sở …", "Chi cục Kiểm lâm", "Thuế cơ sở 2").
A body under the provincial police ("Phòng Cảnh sát giao thông", "Đồn Công
an …") is told by a police body above it, or by its own name.
"""

import re
from collections.abc import Sequence

from xlvphc.domain.text import fold

# The values of models.units.UnitKind.
PROVINCE = "province"
COMMUNE = "commune"
COMMUNE_COMMITTEE = "ubnd"
COMMUNE_POLICE = "police"

_COMMUNE_POLICE_TITLES = ("truong_cong_an_xa", "chien_si_cand")
_KIND_TITLES: dict[str, tuple[str, ...]] = {
    COMMUNE_POLICE: _COMMUNE_POLICE_TITLES,
    COMMUNE_COMMITTEE: ("chu_tich_ubnd_xa",),
    PROVINCE: ("chu_tich_ubnd_tinh",),
    # An area node (a commune as a place) holds no users and signs nothing.
    COMMUNE: (),
}

_LEVEL = r"(xa|phuong|dac khu) "
_QLTT = "quan ly thi truong"

# (pattern of the folded unit name, titles); the first match wins, so a
# chi cục of a named line comes before any other chi cục.
# fmt: off
_NAME_TITLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (rf"^uy ban nhan dan {_LEVEL}", ("chu_tich_ubnd_xa",)),
    (rf"^cong an {_LEVEL}", _COMMUNE_POLICE_TITLES),
    (r"^(uy ban nhan dan tinh|tinh) ", ("chu_tich_ubnd_tinh",)),
    (r"^so ", ("giam_doc_so",)),
    (rf"^chi cuc {_QLTT}", ("chi_cuc_truong_qltt", "kiem_soat_vien_thi_truong")),
    (rf"^doi {_QLTT}", ("doi_truong_qltt", "kiem_soat_vien_thi_truong")),
    (r"^chi cuc kiem lam", ("chi_cuc_truong_kiem_lam", "kiem_lam_vien")),
    (r"^hat kiem lam", ("hat_truong_kiem_lam", "kiem_lam_vien")),
    (r"^tram kiem lam", ("tram_truong_kiem_lam", "kiem_lam_vien")),
    (r"^chi cuc ", ("chi_cuc_truong_thuoc_so",)),
    (r"^thanh tra( tinh |$)", (
        "chanh_thanh_tra_tinh", "truong_doan_thanh_tra_tinh", "thanh_tra_vien_tinh",
    )),
    (r"^thue co so", ("truong_thue_co_so", "cong_chuc_thue")),
    (r"^thue( tinh |$)", ("truong_thue_tinh", "cong_chuc_thue")),
    (r"^cong an( tinh |$)", ("giam_doc_cong_an_tinh", "chien_si_cand")),
)

# Bodies of the provincial police (NĐ 189/2025 Điều 8 k3, k5).
_POLICE_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"^phong ", ("truong_phong_cong_an_tinh", "chien_si_cand")),
    (r"^(don|tram|doi) ", ("truong_don_cong_an", "chien_si_cand")),
    (r"", ("chien_si_cand",)),
)
# fmt: on
_POLICE = re.compile(r"\b(cong an|canh sat)\b")


def fitting_titles(kind: str, name: str, above: Sequence[str] = ()) -> tuple[str, ...]:
    """The title codes a unit may sign with, most senior first.

    Args:
        kind: The unit's kind (a `models.units.UnitKind` value).
        name: The unit's name ("Công an xã Ea Kar", "Sở Tư pháp tỉnh Đắk Lắk").
        above: The names of the units above it, nearest first.

    Returns:
        The codes; empty for a unit with no sanctioning title in the list
        (an office, a military command, a newspaper).
    """
    if kind in _KIND_TITLES:
        return _KIND_TITLES[kind]
    folded = fold(name)
    for pattern, codes in _NAME_TITLES:
        if re.search(pattern, folded):
            return codes
    if any(fold(parent).startswith("cong an") for parent in above) or _POLICE.search(
        folded
    ):
        for pattern, codes in _POLICE_PARTS:
            if re.search(pattern, folded):
                return codes
    return ()


def misfit_message(label: str, unit_name: str, fitting: Sequence[str]) -> str:
    """Why a title is refused for a unit, naming the titles it may take.

    Args:
        label: The refused title's label.
        unit_name: The unit's name.
        fitting: The labels of the unit's titles (`fitting_titles`).
    """
    head = f"Chức danh «{label}» không phải chức danh của {unit_name}"
    if not fitting:
        return (
            f"{head}: đơn vị này không có chức danh có thẩm quyền xử phạt nào "
            "trong danh mục của Nghị định 189/2025/NĐ-CP."
        )
    listed = "; ".join(f"«{item}»" for item in fitting)
    return f"{head}. Chọn một chức danh của đơn vị: {listed}."
