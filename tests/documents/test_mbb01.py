"""The violation record (MBB01) carries what the form and Điều 12 NĐ 118 require."""

from dataclasses import replace
from datetime import date

import pytest
from form_samples import (
    INDIVIDUAL,
    ORGANISATION,
    full_record,
    minimal_record,
    twenty_acts,
)
from pdf_probe import (
    all_text,
    flat,
    page_texts,
    sheet_count,
    signature_only_pages,
    unnumbered_pages,
)

from xlvphc.documents.data import RecordData
from xlvphc.documents.mbb01 import render_record


def test_full_record_prints_the_form_content():
    pdf = render_record(full_record())
    text = all_text(pdf)

    assert pdf.startswith(b"%PDF")
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
        "Số: 12/BB-VPHC",
        "BIÊN BẢN VI PHẠM HÀNH CHÍNH",
        "Về an ninh, trật tự, an toàn xã hội",
        "Hôm nay, hồi 09 giờ 30 phút, ngày 05/03/2026, tại Trụ sở Ủy ban nhân dân",
        "Chúng tôi gồm:",
        "Họ và tên: Lê Văn Đức",
        "Với sự chứng kiến của: Phạm Thị Ánh",
        "đối với bà có tên sau đây:",
        "Họ và tên: Nguyễn Thị Hương Giang",
        "Giới tính: Nữ",
        "Ngày, tháng, năm sinh: 12/04/1990",
        "Số định danh cá nhân/CMND/Hộ chiếu: 066190001234",
        "2. Đã có các hành vi vi phạm hành chính: Vào lúc 21 giờ 15 phút",
        "hồi 21 giờ 15 phút, ngày 04/03/2026; tại Quán cà phê số 30",
        "3. Quy định tại: điểm b khoản 1 Điều 7 Nghị định số 144/2021/NĐ-CP.",
        "Tôi thừa nhận hành vi vi phạm như biên bản đã ghi.",
        "8. Chúng tôi đã yêu cầu cá nhân vi phạm chấm dứt ngay hành vi vi phạm.",
        "10. Quyền và thời hạn giải trình:",
        "11. Yêu cầu bà Nguyễn Thị Hương Giang là cá nhân vi phạm có mặt",
        "được lập thành 02 bản có nội dung và giá trị như nhau",
        "CÁ NHÂN VI PHẠM",
        "NGƯỜI LẬP BIÊN BẢN",
        "ĐẠI DIỆN CHÍNH QUYỀN",
        "NGƯỜI NHẬN BIÊN BẢN",
    ):
        assert expected in text, expected


def test_sheet_count_counts_every_printed_page():
    pdf = render_record(full_record())
    pages = page_texts(pdf)

    # Printed on one side, each page is a sheet, the receipt's page too.
    assert f"gồm {len(pages):02d} tờ" in all_text(pdf)
    assert "NGƯỜI NHẬN BIÊN BẢN" in pages[-1]
    assert "NGƯỜI LẬP BIÊN BẢN" not in pages[-1]


DESCRIPTION = (
    "Người vi phạm đã tự ý lấn chiếm vỉa hè, lòng đường để bày bán hàng hóa, "
    "gây cản trở giao thông và ảnh hưởng đến mỹ quan đô thị. "
) * 60
LONG_NAME = ("Tôn Nữ Hoàng Phương Thảo Nguyễn Thị Hương Giang " * 5)[:200].strip()


def _maximal(description: str) -> RecordData:
    """Free texts at the case form's limits: names 200 (the maker's 120),
    office reason 500, statement 5,000, witness 300; and twenty acts."""
    return full_record(
        description=description,
        violator=replace(ORGANISATION, name=LONG_NAME, representative_name=LONG_NAME),
        maker_name=LONG_NAME[:120],
        witness=("Trần Văn Bình, " * 30)[:300],
        violator_statement=DESCRIPTION[:5000],
        office_reason=DESCRIPTION[:500],
        acts=twenty_acts(),
    )


# User trial: 1,900 characters printed four pages, the witness's block alone
# on page 3, the receipt alone on an unnumbered page 4, and "gồm 03 tờ".
@pytest.mark.parametrize("length", [0, 300, 1900, 3200, 5000])
@pytest.mark.parametrize(
    "record",
    [
        lambda d: full_record(description=d, witness="Phạm Thị Ánh"),
        lambda d: minimal_record(description=d),
        _maximal,
    ],
    ids=["witness", "organisation", "maximal"],
)
def test_long_descriptions_keep_count_numbers_and_signatures(length, record):
    pdf = render_record(record(DESCRIPTION[:length]))
    pages = page_texts(pdf)

    assert sheet_count(pdf) == len(pages)
    assert unnumbered_pages(pages) == []
    assert signature_only_pages(pages) == []


def test_the_signatures_stay_with_the_closing_they_sign():
    record = full_record(description=DESCRIPTION[:1900], witness="Ánh")
    pages = [flat(page) for page in page_texts(render_record(record))]

    for heading in ("CÁ NHÂN VI PHẠM", "NGƯỜI LẬP BIÊN BẢN", "NGƯỜI CHỨNG KIẾN"):
        (page,) = [p for p in pages if heading in p]
        assert "Biên bản lập xong hồi" in page, heading
        assert "không ký xác nhận" in page.split(heading)[0], heading


def test_explanation_item_is_left_out_when_not_allowed():
    text = all_text(render_record(full_record(explanation_allowed=False)))

    assert "Quyền và thời hạn giải trình" not in text
    assert "10. Yêu cầu bà Nguyễn Thị Hương Giang" in text
    assert "11." not in text


def test_minimal_organisation_record_leaves_blanks_for_handwriting():
    text = all_text(render_record(minimal_record()))

    assert "Số: /BB-VPHC" in text
    assert "1. Tên của tổ chức: Hợp tác xã Ea Kao" in text
    assert "Người đại diện theo pháp luật: …" in text
    assert "đối với tổ chức có tên sau đây:" in text
    assert "Ý kiến trình bày của người đại diện của tổ chức vi phạm: …" in text
    assert "NGƯỜI ĐẠI DIỆN CỦA TỔ CHỨC VI PHẠM" in text
    assert "NGƯỜI CHỨNG KIẾN" in text
    assert "Lý do lập biên bản" not in text


def test_record_made_away_from_the_scene_asks_for_the_reason():
    text = all_text(render_record(full_record()))

    assert "Lý do lập biên bản tại trụ sở cơ quan" in text


def test_the_reason_is_printed_on_its_line():
    reason = "Nơi vi phạm không đủ ánh sáng, cần đối chiếu giấy tờ tại trụ sở"
    text = " ".join(all_text(render_record(full_record(office_reason=reason))).split())

    assert (
        "Lý do lập biên bản tại trụ sở cơ quan của người có thẩm quyền lập "
        f"biên bản/địa điểm khác: {reason}"
    ) in text
    assert text.index(reason) < text.index("Căn cứ:")


def test_a_reason_given_is_printed_even_at_the_scene():
    record = full_record(office_reason="Lập tại nhà văn hóa thôn")
    record = replace(record, place=record.violation_place)
    text = " ".join(all_text(render_record(record)).split())

    assert "địa điểm khác: Lập tại nhà văn hóa thôn" in text


def test_several_acts_are_numbered_with_their_legal_basis():
    acts = [replace(full_record().acts[0], point=p, act=f"Hành vi {p}") for p in "abc"]
    text = all_text(render_record(full_record(acts=acts)))

    assert "(1) Hành vi a; (2) Hành vi b; (3) Hành vi c." in text
    assert "(3) điểm c khoản 1 Điều 7 Nghị định số 144/2021/NĐ-CP." in text


def test_minor_gets_a_copy_for_the_parents():
    minor = replace(INDIVIDUAL, birth_date=date(2010, 6, 1))
    text = all_text(render_record(full_record(violator=minor)))

    assert "được lập thành 03 bản" in text
    assert "cha mẹ/người giám hộ của người chưa thành niên vi phạm 01 bản" in text
