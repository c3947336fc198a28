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


# Abbreviations officers type in a title, read as the words a unit's name
# spells out: "Chủ tịch UBND xã" is held in "Ủy ban nhân dân xã Ea Kar".
_SPELLED = {"ubnd": "Ủy ban nhân dân"}


def _words(text: str) -> list[str]:
    words: list[str] = []
    for word in str(text or "").split():
        words += _SPELLED.get(fold(word), word).split()
    return words


# Names of bodies a title may hold, folded ("Chủ tịch Ủy ban nhân dân tỉnh",
# "Giám đốc Công an tỉnh"); "Sở" is matched unfolded: "số" folds alike.
_BODIES = (
    "uy ban nhan dan",
    "cong an",
    "chi cuc",
    "thanh tra tinh",
    "hat kiem lam",
    "tram kiem lam",
    "doi quan ly thi truong",
    "thue tinh",
    "thue co so",
)
_COMMUNE_LEVEL = ("xa", "phuong", "dac khu")


def _body_at(words: list[str], index: int) -> str:
    """The body name starting at words[index] ("uy ban nhan dan"), or ""."""
    if words[index].lower() == "sở":
        return "so"
    folded = " ".join(fold(w) for w in words[index : index + 5])
    return next((b for b in _BODIES if f"{folded} ".startswith(f"{b} ")), "")


def _named_body(words: list[str]) -> tuple[str, list[str]]:
    """The first body a title names after its post (from the second word)
    and the words after that name; ("", []) when it names none."""
    for index in range(1, len(words)):
        body = _body_at(words, index)
        if body:
            return body, words[index + len(body.split()) :]
    return "", []


def _level(after: list[str]) -> str:
    """ "commune" or "province" told by the words after a body's name
    ("xã Ea Kar", "tỉnh Đắk Lắk", and as the catalogue's labels write it,
    "cấp tỉnh", "xã, phường, đặc khu"); "" when they tell neither."""
    words = [fold(w).strip(",;.") for w in after[:3]]
    text = " ".join(words[1:] if words[:1] == ["cap"] else words)
    if any(f"{text} ".startswith(f"{level} ") for level in _COMMUNE_LEVEL):
        return "commune"
    return "province" if f"{text} ".startswith("tinh ") else ""


def names_other_body(title: str, body: str) -> bool:
    """Whether a typed title is a post of another body than the issuing
    one: a body of another kind ("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk"
    under "Công an xã Ea Kar", user trial), or of the same kind at the
    other level ("Giám đốc Công an tỉnh" under "Công an xã Ea Kar"). A
    title naming no body, or the issuing one, is not.

    Args:
        title: The title as typed.
        body: The issuing unit as it heads the decision.
    """
    words, name = _words(title), str(body or "").split()
    if not words or not name:
        return False
    folded, wanted = [fold(w) for w in words], [fold(w) for w in name]
    size = len(wanted)
    if any(folded[i : i + size] == wanted for i in range(len(words) - size + 1)):
        return False
    named, after = _named_body(words)
    own = _body_at(name, 0)
    if not named or not own:
        return False
    if named != own:
        return True
    level = _level(after)
    own_level = _level(name[len(own.split()) :]) or "province"
    return bool(level) and level != own_level


def with_body(title: str, body: str) -> str:
    """The title followed by the body it is held in, as note (3) of the
    decisions prints the issuer ("Trưởng Công an xã Cư M’gar").

    A title that already names the body is kept. One that ends with the
    first words of the body's name ("Trưởng Công an xã" of "Công an xã Cư
    M’gar", "Chủ tịch UBND xã" of "Ủy ban nhân dân xã Ea Kar") is completed
    with the rest of the name: a user trial printed "TRƯỞNG CÔNG AN XÃ CÔNG
    AN XÃ CƯ M’GAR". A body named at the very start is the post's own name
    ("Thanh tra viên" of "Thanh tra"), not its body. A title that names a
    body of its own further on is kept as it is: gluing the issuer to it
    printed "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK CÔNG AN XÃ EA KAR" (user
    trial).

    Args:
        title: The signer's title as typed or told (printed_title).
        body: The issuing unit as it heads the decision.

    Returns:
        The title naming its body once, "UBND" spelled out; "" without a title.
    """
    words, name = _words(title), str(body or "").split()
    if not words or not name:
        return " ".join(words)
    folded, wanted = [fold(w) for w in words], [fold(w) for w in name]
    size = len(wanted)
    if any(folded[i : i + size] == wanted for i in range(1, len(words) - size + 1)):
        return " ".join(words)
    for shared in range(min(len(words) - 1, size), 0, -1):
        if folded[-shared:] == wanted[:shared]:
            return " ".join(words + name[shared:])
    named, after = _named_body(words)
    own = _body_at(name, 0)
    if named and (after or (own and named != own)):
        return " ".join(words)
    return " ".join(words + [name[0][:1].upper() + name[0][1:]] + name[1:])


def post_of(title: str, body: str) -> str:
    """The title without its body, as the signature block prints it under
    the body's name heading the page ("Trưởng" for "Trưởng Công an xã" of
    "Công an xã Cư M’gar"): the same words whether the title was typed
    with, without or with part of the body."""
    words, name = with_body(title, body).split(), str(body or "").split()
    size = len(name)
    if size and len(words) > size and fold(" ".join(words[-size:])) == fold(body):
        return " ".join(words[:-size])
    return " ".join(words)
