"""Fine-setting authority of each signer title.

Nghị định 189/2025/NĐ-CP (in force 01/7/2025, Điều 20) gives each title a
percentage of the field maximum in Luật XLVPHC Điều 24; Nghị định 311/2026/
NĐ-CP (in force 26/9/2026, Điều 7) adds provincial inspectorate titles. For
an organisation the authority is doubled, and it is judged per act against
the maximum of that act's frame (Luật Điều 52 k1 as amended by Luật 88/2025).
"""

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from xlvphc.domain.money import format_vnd
from xlvphc.domain.text import fold

ND189_IN_FORCE = date(2025, 7, 1)
ND311_IN_FORCE = date(2026, 9, 26)


@dataclass(frozen=True)
class SignerRule:
    """The fine authority of one title over a period.

    Attributes:
        code: Stable identifier stored on decisions and users.
        label: Vietnamese title as printed under the signature.
        percent: Percentage of the Điều 24 field maximum (individual).
        basis: Article granting it.
        valid_from: First day the rule applies.
        valid_to: Last day it applies (None: still in force).
    """

    code: str
    label: str
    percent: int
    basis: str
    valid_from: date
    valid_to: date | None = None

    def applies_on(self, on: date) -> bool:
        """Tell whether this rule is in force on a date."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


_ND189 = "Nghị định 189/2025/NĐ-CP"
_ND311 = "Nghị định 189/2025/NĐ-CP (sửa đổi bởi Nghị định 311/2026/NĐ-CP)"

# (code, label, percent, article, decree, in force from); the fine power is
# always point b of the clause named.
# fmt: off
_TITLE_TABLE: tuple[tuple[str, str, int, str, str, date], ...] = (
    ("chu_tich_ubnd_xa", "Chủ tịch Ủy ban nhân dân xã, phường, đặc khu", 50,
     "khoản 1 Điều 5", _ND189, ND189_IN_FORCE),
    ("chu_tich_ubnd_tinh", "Chủ tịch Ủy ban nhân dân tỉnh", 100,
     "khoản 2 Điều 5", _ND189, ND189_IN_FORCE),
    ("giam_doc_so", "Giám đốc sở", 80,
     "khoản 2 Điều 6", _ND189, ND189_IN_FORCE),
    ("chi_cuc_truong_thuoc_so", "Chi cục trưởng Chi cục thuộc sở", 50,
     "khoản 1 Điều 6", _ND189, ND189_IN_FORCE),
    ("chanh_thanh_tra_tinh", "Chánh Thanh tra tỉnh", 80,
     "khoản 2 Điều 6", _ND311, ND311_IN_FORCE),
    ("thanh_tra_vien_tinh", "Thanh tra viên Thanh tra tỉnh", 10,
     "khoản 1 Điều 7", _ND311, ND311_IN_FORCE),
    ("truong_doan_thanh_tra_tinh", "Trưởng đoàn thanh tra của Thanh tra tỉnh", 50,
     "khoản 2 Điều 7", _ND311, ND311_IN_FORCE),
    ("chien_si_cand", "Chiến sĩ Công an nhân dân đang thi hành công vụ", 10,
     "khoản 1 Điều 8", _ND189, ND189_IN_FORCE),
    ("truong_don_cong_an", "Trưởng đồn Công an, Trưởng trạm, Đội trưởng", 30,
     "khoản 3 Điều 8", _ND189, ND189_IN_FORCE),
    ("truong_cong_an_xa", "Trưởng Công an cấp xã", 50,
     "khoản 4 Điều 8", _ND189, ND189_IN_FORCE),
    ("truong_phong_cong_an_tinh", "Trưởng phòng Công an cấp tỉnh", 80,
     "khoản 5 Điều 8", _ND189, ND189_IN_FORCE),
    ("giam_doc_cong_an_tinh", "Giám đốc Công an cấp tỉnh", 100,
     "khoản 7 Điều 8", _ND189, ND189_IN_FORCE),
    ("kiem_soat_vien_thi_truong", "Kiểm soát viên thị trường", 10,
     "khoản 1 Điều 12", _ND189, ND189_IN_FORCE),
    ("doi_truong_qltt", "Đội trưởng Đội Quản lý thị trường", 30,
     "khoản 2 Điều 12", _ND189, ND189_IN_FORCE),
    ("chi_cuc_truong_qltt", "Chi cục trưởng Chi cục Quản lý thị trường", 50,
     "khoản 3 Điều 12", _ND189, ND189_IN_FORCE),
    ("cong_chuc_thue", "Công chức Thuế đang thi hành công vụ", 10,
     "khoản 1 Điều 13", _ND189, ND189_IN_FORCE),
    ("truong_thue_co_so", "Trưởng Thuế cơ sở", 50,
     "khoản 2 Điều 13", _ND189, ND189_IN_FORCE),
    ("truong_thue_tinh", "Trưởng Thuế tỉnh", 80,
     "khoản 3 Điều 13", _ND189, ND189_IN_FORCE),
    ("kiem_lam_vien", "Kiểm lâm viên đang thi hành công vụ", 5,
     "khoản 1 Điều 14", _ND189, ND189_IN_FORCE),
    ("tram_truong_kiem_lam", "Trạm trưởng Trạm Kiểm lâm", 20,
     "khoản 2 Điều 14", _ND189, ND189_IN_FORCE),
    ("hat_truong_kiem_lam", "Hạt trưởng Hạt Kiểm lâm", 30,
     "khoản 3 Điều 14", _ND189, ND189_IN_FORCE),
    ("chi_cuc_truong_kiem_lam", "Chi cục trưởng Chi cục Kiểm lâm", 50,
     "khoản 4 Điều 14", _ND189, ND189_IN_FORCE),
)
# fmt: on

SIGNER_RULES: tuple[SignerRule, ...] = tuple(
    SignerRule(code, label, percent, f"điểm b {article} {decree}", valid_from)
    for code, label, percent, article, decree, valid_from in _TITLE_TABLE
)

SIGNER_TITLES: list[tuple[str, str]] = [(r.code, r.label) for r in SIGNER_RULES]

# Luật XLVPHC Điều 24 k1 as amended by Luật 88/2025 Điều 1 k3 (from
# 01/7/2025): the field lists of points a, đ and i, folded.
_FIELD_LISTS: tuple[tuple[int, str, str], ...] = (
    (
        30_000_000,
        "điểm a khoản 1 Điều 24",
        "hôn nhân và gia đình; bình đẳng giới; bạo lực gia đình; lưu trữ; tín ngưỡng, "
        "tôn giáo; thi đua, khen thưởng; hành chính tư pháp; dân số; vệ sinh môi "
        "trường; thống kê; đối ngoại; khiếu nại, tố cáo, kiến nghị, phản ánh",
    ),
    (
        100_000_000,
        "điểm đ khoản 1 Điều 24",
        "đê điều; khám bệnh, chữa bệnh; mỹ phẩm; dược, trang thiết bị y tế; chăn nuôi; "
        "phân bón; quảng cáo; đặt cược và trò chơi có thưởng; quản lý lao động ngoài "
        "nước; giao thông hàng hải; hoạt động hàng không dân dụng; quản lý và bảo vệ "
        "công trình giao thông; công nghệ thông tin; viễn thông; tần số vô tuyến điện; "
        "an ninh mạng; an toàn thông tin mạng; dữ liệu; công nghiệp công nghệ số; "
        "xuất bản; in; thương mại; hải quan, thủ tục thuế; kinh doanh xổ số; kinh "
        "doanh bảo hiểm; thực hành tiết kiệm, chống lãng phí; quản lý vật liệu nổ; "
        "điện lực",
    ),
    (
        500_000_000,
        "điểm i khoản 1 Điều 24",
        "xây dựng; lâm nghiệp; đất đai; quản lý tổng hợp tài nguyên và bảo vệ môi "
        "trường biển và hải đảo; kinh doanh bất động sản",
    ),
)

# Luật Điều 24 k3 (Luật 88/2025): maxima set by the corresponding laws.
_OWN_LAW_FIELDS = (
    "thue",
    "do luong",
    "an toan thuc pham",
    "chat luong san pham, hang hoa",
    "chung khoan",
    "canh tranh",
    "kiem toan doc lap",
    "bao ve du lieu ca nhan",
)

# Catalogue fields whose maximum is in Điều 24 k1 as worded in 2020, which is
# not in the project's material. TODO: add the amounts once the 2020 text of
# Điều 24 (Luật 67/2020) is checked; until then authority cannot be judged.
_UNKNOWN_FIELDS = (
    "trat tu, an toan giao thong duong bo",
    "an ninh, trat tu, an toan xa hoi",
    "phong chay, chua chay va cuu nan, cuu ho",
    "bao ve moi truong",
)


def _field_phrases() -> dict[str, tuple[int, str]]:
    phrases: dict[str, tuple[int, str]] = {}
    for amount, basis, text in _FIELD_LISTS:
        for phrase in text.split("; "):
            phrases[fold(phrase)] = (amount, basis)
    return phrases


_PHRASES = _field_phrases()


def _main_part(field: str) -> str:
    """Fold a field name and drop a trailing parenthesis ("Xây dựng (…)")."""
    return re.sub(r"\s*\(.*\)\s*$", "", fold(field)).strip()


def field_maximum(field: str, on: date) -> tuple[int, str] | None:
    """Return the Điều 24 maximum fine (individual) for a field.

    Only the fields listed in Luật 88/2025 Điều 1 k3 (points a, đ, i) are in
    the material; others return None. Before 01/7/2025 the per-title amounts
    of the repealed Điều 38-49 applied, which are not modelled: None.

    Args:
        field: The field ("lĩnh vực") as written in the catalogue.
        on: The date of the decision.

    Returns:
        (maximum in đồng, basis) or None when it cannot be determined.
    """
    if on < ND189_IN_FORCE:
        return None
    main = _main_part(field)
    if main in _OWN_LAW_FIELDS or main in _UNKNOWN_FIELDS:
        return None
    if main in _PHRASES:
        return _PHRASES[main]

    # Otherwise a multi-word phrase of the Law inside the name, whole words;
    # several different maxima mean the name is ambiguous.
    found = {
        _PHRASES[p]
        for p in _PHRASES
        if " " in p and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", main)
    }
    return found.pop() if len(found) == 1 else None


def signer_rule(title_code: str, on: date) -> SignerRule | None:
    """Return the rule for a title in force on a date, if any.

    Args:
        title_code: One of the codes in SIGNER_TITLES.
        on: The date of the decision.

    Returns:
        The rule, or None if the title has no authority on that date.
    """
    for rule in SIGNER_RULES:
        if rule.code == title_code and rule.applies_on(on):
            return rule
    return None


def ceiling(title_code: str, field: str, is_org: bool, on: date) -> int | None:
    """Return the largest frame maximum a title may sanction in a field.

    NĐ 189/2025 (percentage of the Điều 24 field maximum) and Luật Điều 52 k1
    as amended by Luật 88/2025 (doubled for an organisation).

    Args:
        title_code: One of the codes in SIGNER_TITLES.
        field: The field of the act.
        is_org: The violator is an organisation.
        on: The date of the decision.

    Returns:
        The ceiling in đồng, or None when it cannot be determined.
    """
    rule = signer_rule(title_code, on)
    maximum = field_maximum(field, on)
    if rule is None or maximum is None:
        return None
    amount = maximum[0] * rule.percent // 100
    return amount * 2 if is_org else amount


class Verdict(StrEnum):
    """Outcome of an authority check."""

    WITHIN = "within"
    EXCEEDS = "exceeds"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class AuthorityCheck:
    """Result of `judge_authority`.

    Attributes:
        verdict: Within, exceeds, or cannot be judged.
        ceiling: The ceiling in đồng, when known.
        message: Vietnamese explanation, None when within authority.
    """

    verdict: Verdict
    ceiling: int | None
    message: str | None


def judge_authority(
    title_code: str,
    field: str,
    frame_max_individual: int,
    is_org: bool,
    on: date,
) -> AuthorityCheck:
    """Judge whether a title may sanction one act.

    Authority is judged per act, against the maximum of that act's frame,
    not against the fine chosen (Luật Điều 52 k1, Luật 88/2025; NĐ 189/2025
    Điều 4); if one act exceeds it, the file goes to a competent person.
    Whether the act lies in the title's own field (Luật Điều 52 k3: only the
    Chủ tịch UBND sanctions in every field) is not checked here.

    Args:
        title_code: One of the codes in SIGNER_TITLES.
        field: The field of the act.
        frame_max_individual: The act's frame maximum for an individual, as
            in the catalogue (doubled here for an organisation).
        is_org: The violator is an organisation.
        on: The date of the decision.

    Returns:
        The verdict, the ceiling and a message.
    """
    rule = signer_rule(title_code, on)
    if rule is None:
        label = next((r.label for r in SIGNER_RULES if r.code == title_code), None)
        who = f"Chức danh «{label}»" if label else "Chức danh đã chọn"
        return AuthorityCheck(
            Verdict.UNKNOWN,
            None,
            f"{who} không có thẩm quyền xử phạt vào ngày {on:%d/%m/%Y}",
        )
    limit = ceiling(title_code, field, is_org, on)
    if limit is None:
        return AuthorityCheck(
            Verdict.UNKNOWN,
            None,
            f"Chưa xác định được mức phạt tối đa của lĩnh vực «{field}» theo Điều 24 "
            "Luật Xử lý vi phạm hành chính; cần kiểm tra thẩm quyền thủ công",
        )
    act_max = frame_max_individual * 2 if is_org else frame_max_individual
    if act_max <= limit:
        return AuthorityCheck(Verdict.WITHIN, limit, None)
    who = "tổ chức" if is_org else "cá nhân"
    message = (
        f"Vượt thẩm quyền: mức tối đa của khung tiền phạt là {format_vnd(act_max)}, "
        f"{rule.label} chỉ được phạt tiền đến {format_vnd(limit)} đối với {who} "
        f"trong lĩnh vực «{field}» ({rule.percent}% mức tối đa tại Điều 24 Luật Xử "
        f"lý vi phạm hành chính; {rule.basis})"
    )
    return AuthorityCheck(Verdict.EXCEEDS, limit, message)


def check_authority(
    title_code: str,
    field: str,
    frame_max_individual: int,
    is_org: bool,
    on: date,
) -> str | None:
    """Return a Vietnamese message when a title may not sanction an act.

    See `judge_authority`; a case that cannot be judged also returns a
    message (asking for a manual check) so it is never silently accepted.

    Returns:
        The message, or None when the act is within authority.
    """
    return judge_authority(title_code, field, frame_max_individual, is_org, on).message
