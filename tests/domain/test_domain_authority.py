"""Authority by signer title (NĐ 189/2025, NĐ 311/2026; Luật Điều 24, 52)."""

from datetime import date

import pytest

from xlvphc.domain.authority import (
    SIGNER_TITLES,
    Verdict,
    ceiling,
    check_authority,
    field_maximum,
    judge_authority,
)

AFTER_ND189 = date(2025, 8, 1)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        pytest.param("Đất đai", 500_000_000, id="Art24k1i-L88-land"),
        pytest.param("Xây dựng (trật tự xây dựng)", 500_000_000, id="Art24k1i-build"),
        pytest.param("Phòng, chống bạo lực gia đình", 30_000_000, id="Art24k1a-L88-dv"),
        pytest.param("Hôn nhân và gia đình", 30_000_000, id="Art24k1a-L88-family"),
        pytest.param(
            "Công nghệ thông tin (mạng xã hội)", 100_000_000, id="Art24k1d-L88-it"
        ),
        pytest.param("Thương mại", 100_000_000, id="Art24k1d-L88-trade"),
        pytest.param("Trật tự, an toàn giao thông đường bộ", None, id="Art24-road"),
        pytest.param("Bảo vệ môi trường", None, id="Art24-env-not-in-L88"),
        pytest.param("An toàn thực phẩm", None, id="Art24k3-L88-own-law"),
    ],
)
def test_field_maximum(field, expected):
    found = field_maximum(field, AFTER_ND189)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("title", "field", "is_org", "on", "expected"),
    [
        pytest.param(
            "chu_tich_ubnd_xa",
            "Phòng, chống bạo lực gia đình",
            False,
            AFTER_ND189,
            15_000_000,
            id="ND189-5k1-commune-chair-50pct",
        ),
        pytest.param(
            "chu_tich_ubnd_xa",
            "Phòng, chống bạo lực gia đình",
            True,
            AFTER_ND189,
            30_000_000,
            id="L88-52k1-org-doubled",
        ),
        pytest.param(
            "truong_cong_an_xa",
            "Công nghệ thông tin (mạng xã hội)",
            False,
            AFTER_ND189,
            50_000_000,
            id="ND189-8k4-commune-police-50pct",
        ),
        pytest.param(
            "giam_doc_so",
            "Đất đai",
            False,
            AFTER_ND189,
            400_000_000,
            id="ND189-6k2-director-80pct",
        ),
        pytest.param(
            "chu_tich_ubnd_tinh",
            "Đất đai",
            True,
            AFTER_ND189,
            1_000_000_000,
            id="ND189-5k2-province-chair-100pct-org",
        ),
        pytest.param(
            "chu_tich_ubnd_xa",
            "Đất đai",
            False,
            date(2025, 6, 30),
            None,
            id="ND189-20-not-before-1-7-2025",
        ),
        pytest.param(
            "chanh_thanh_tra_tinh",
            "Xây dựng (trật tự xây dựng)",
            False,
            date(2026, 9, 25),
            None,
            id="ND311-7-not-before-26-9-2026",
        ),
        pytest.param(
            "chanh_thanh_tra_tinh",
            "Xây dựng (trật tự xây dựng)",
            False,
            date(2026, 9, 26),
            400_000_000,
            id="ND311-1k2-inspector-80pct",
        ),
        pytest.param(
            "chu_tich_ubnd_xa",
            "Trật tự, an toàn giao thông đường bộ",
            False,
            AFTER_ND189,
            None,
            id="Art24-road-max-unknown",
        ),
        pytest.param(
            "no_such_title", "Đất đai", False, AFTER_ND189, None, id="unknown-title"
        ),
    ],
)
def test_ceiling(title, field, is_org, on, expected):
    assert ceiling(title, field, is_org, on) == expected


@pytest.mark.parametrize(
    ("frame_max", "is_org", "verdict"),
    [
        pytest.param(15_000_000, False, Verdict.WITHIN, id="L88-52k1-at-ceiling"),
        pytest.param(15_000_001, False, Verdict.EXCEEDS, id="L88-52k1-one-over"),
        pytest.param(15_000_000, True, Verdict.WITHIN, id="L88-52k1-org-both-doubled"),
        pytest.param(20_000_000, True, Verdict.EXCEEDS, id="L88-52k1-org-over"),
    ],
)
def test_judge_authority_commune_chair_dv(frame_max, is_org, verdict):
    result = judge_authority(
        "chu_tich_ubnd_xa",
        "Phòng, chống bạo lực gia đình",
        frame_max,
        is_org,
        AFTER_ND189,
    )
    assert result.verdict is verdict
    assert (result.message is None) is (verdict is Verdict.WITHIN)


def test_check_authority_message_shows_ceiling():
    message = check_authority(
        "chu_tich_ubnd_xa", "Đất đai", 300_000_000, False, AFTER_ND189
    )
    assert message is not None
    assert "250.000.000 đồng" in message and "Nghị định 189/2025" in message


def test_check_authority_cannot_judge_is_not_silent():
    result = judge_authority(
        "chu_tich_ubnd_xa",
        "Trật tự, an toàn giao thông đường bộ",
        1_000_000,
        False,
        AFTER_ND189,
    )
    assert result.verdict is Verdict.UNKNOWN
    assert result.message and "thủ công" in result.message


def test_title_without_authority_yet():
    message = check_authority(
        "chanh_thanh_tra_tinh", "Đất đai", 1_000_000, False, AFTER_ND189
    )
    assert message and "Chánh Thanh tra tỉnh" in message


def test_signer_titles():
    codes = [code for code, _ in SIGNER_TITLES]
    assert len(codes) == len(set(codes))
    for code in (
        "chu_tich_ubnd_xa",
        "truong_cong_an_xa",
        "giam_doc_so",
        "chu_tich_ubnd_tinh",
        "chanh_thanh_tra_tinh",
    ):
        assert code in codes
