"""The sanction decision (MQĐ02) carries the grounds, sanctions and signer."""

from dataclasses import replace

import pytest
from form_samples import (
    ACT_ORDER,
    ACT_WARNING,
    DECREE_144,
    full_decision,
    minimal_decision,
)
from pdf_probe import all_text, page_texts

from xlvphc.documents.mqd02 import render_decision
from xlvphc.documents.wording import LAW


def test_full_decision_prints_the_form_content():
    text = all_text(render_decision(full_decision()))

    for expected in (
        "Số: 5/QĐ-XPHC",
        "Buôn Ma Thuột, ngày 05 tháng 3 năm 2026",
        "QUYẾT ĐỊNH Xử phạt vi phạm hành chính",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BUÔN MA THUỘT",
        "Căn cứ Điều 57, Điều 68, Điều 70, Điều 78, Điều 85 Luật Xử lý vi phạm "
        "hành chính ngày 20 tháng 6 năm 2012; Luật sửa đổi, bổ sung một số điều "
        "của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm 2020 và Luật sửa "
        "đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính ngày 25 tháng "
        "6 năm 2025;",
        f"Căn cứ {DECREE_144};",
        "Căn cứ Biên bản vi phạm hành chính số: 12/BB-VPHC lập ngày 05/03/2026;",
        "Căn cứ Quyết định số 3/QĐ-GQXP ngày 01/7/2025 về việc giao quyền xử "
        "phạt vi phạm hành chính.",
        "QUYẾT ĐỊNH: Điều 1.",
        "Xử phạt vi phạm hành chính đối với bà có tên sau đây:",
        "Họ và tên: Nguyễn Thị Hương Giang",
        "(1) điểm b khoản 1 Điều 7 Nghị định số 144/2021/NĐ-CP;",
        "4. Các tình tiết tăng nặng (nếu có): Vi phạm hành chính nhiều lần",
        "5. Các tình tiết giảm nhẹ (nếu có): Người vi phạm đã tự nguyện khai báo",
        "a) Hình thức xử phạt chính: Phạt tiền.",
        "(1) Phạt tiền 1.000.000 đồng (Một triệu đồng) đối với hành vi",
        "Tổng số tiền phạt là: 1.500.000 đồng (Bằng chữ: Một triệu năm trăm "
        "nghìn đồng).",
        "b) Hình thức xử phạt bổ sung (nếu có): Không áp dụng.",
        "c) Biện pháp khắc phục hậu quả (nếu có): Buộc khôi phục",
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        "1. Giao cho bà Nguyễn Thị Hương Giang là cá nhân bị xử phạt",
        "phải nộp tiền phạt tại Kho bạc Nhà nước khu vực XIII",
        "trong thời hạn 10 ngày, kể từ ngày nhận được Quyết định này.",
        "có quyền khiếu nại hoặc khởi kiện hành chính đối với Quyết định này",
        "để thu tiền phạt.",
        "Nơi nhận: - Như Điều 3; - Lưu: Hồ sơ.",
        "KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
        "Hoàng Minh Tuấn",
    ):
        assert expected in text, expected


def test_receipt_is_alone_on_the_back_page():
    pages = page_texts(render_decision(full_decision()))

    assert "NGƯỜI NHẬN QUYẾT ĐỊNH" in pages[-1]
    assert "Quyết định đã giao trực tiếp cho cá nhân bị xử phạt" in pages[-1]
    assert "Điều 3" not in pages[-1]
    assert "NGƯỜI NHẬN QUYẾT ĐỊNH" not in " ".join(pages[:-1])


def test_head_signs_without_kt_and_without_delegation():
    data = full_decision(deputy_of="", delegation="", signer_title="Chủ tịch")
    text = all_text(render_decision(data))

    assert "KT." not in text
    assert "giao quyền" not in text
    assert "Nơi nhận: - Như Điều 3; - Lưu: Hồ sơ. CHỦ TỊCH Hoàng Minh Tuấn" in text


def test_single_act_gives_the_fine_in_figures_and_words():
    data = full_decision(acts=[ACT_ORDER], fine_total=0)
    text = all_text(render_decision(data))

    assert "3. Quy định tại: điểm b khoản 1 Điều 7 Nghị định số 144/2021/NĐ-CP." in text
    assert "Cụ thể: Phạt tiền 1.000.000 đồng (Bằng chữ: Một triệu đồng)." in text


def test_warning_only_has_no_payment():
    data = full_decision(acts=[ACT_WARNING], fine_total=0)
    text = all_text(render_decision(data))

    assert "a) Hình thức xử phạt chính: Cảnh cáo." in text
    assert "nộp tiền phạt" not in text
    assert "để thu tiền phạt" not in text
    assert "a) Bà Nguyễn Thị Hương Giang có quyền khiếu nại" in text


def test_total_that_contradicts_the_acts_is_refused():
    with pytest.raises(ValueError, match="fine_total"):
        render_decision(full_decision(fine_total=9_000_000))


def test_minimal_organisation_decision():
    text = all_text(render_decision(minimal_decision()))

    assert "Số: /QĐ-XPHC" in text
    assert "ngày 09 tháng 01 năm 2026" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ EA KAO" in text
    assert "Tên của tổ chức: Hợp tác xã Ea Kao" in text
    assert "Căn cứ Biên bản vi phạm hành chính số: ……/BB-VPHC lập ngày" in text
    assert "Tổ chức Hợp tác xã Ea Kao có quyền khiếu nại" in text
    assert "là người đại diện của tổ chức bị xử phạt" in text


def test_organisation_representative_receives_the_decision():
    from form_samples import ORGANISATION

    text = all_text(render_decision(full_decision(violator=ORGANISATION)))

    assert "Tên của tổ chức: Công ty TNHH Thương mại Dịch vụ Ê Đê Xanh" in text
    assert "Mã số doanh nghiệp: 6001234567" in text
    assert "Người đại diện theo pháp luật: Trần Văn Bình" in text
    assert "Chức danh: Giám đốc" in text
    assert "1. Giao cho ông Trần Văn Bình là người đại diện của tổ chức" in text
    assert "Mọi chi phí tổ chức thi hành biện pháp khắc phục hậu quả do tổ chức" in text


def test_decree_numbers_get_their_document_type():
    """A decree whose date and title are not known keeps its number alone."""
    data = full_decision(decrees=["100/2019/NĐ-CP", DECREE_144])
    text = all_text(render_decision(data))

    assert "Căn cứ Nghị định số 100/2019/NĐ-CP;" in text
    assert f"Căn cứ {DECREE_144};" in text


# Note (4): each catalogue decree as its ground cites it (domain.decrees).
CITED = {
    "123/2024/NĐ-CP": (
        "Nghị định số 123/2024/NĐ-CP ngày 04 tháng 10 năm 2024 của Chính phủ "
        "quy định về xử phạt vi phạm hành chính trong lĩnh vực đất đai"
    ),
    "168/2024/NĐ-CP": (
        "Nghị định số 168/2024/NĐ-CP ngày 26 tháng 12 năm 2024 của Chính phủ "
        "quy định xử phạt vi phạm hành chính về trật tự, an toàn giao thông "
        "trong lĩnh vực giao thông đường bộ; trừ điểm, phục hồi điểm giấy phép "
        "lái xe"
    ),
    "282/2025/NĐ-CP": (
        "Nghị định số 282/2025/NĐ-CP ngày 30 tháng 10 năm 2025 của Chính phủ "
        "quy định xử phạt vi phạm hành chính trong lĩnh vực an ninh, trật tự, "
        "an toàn xã hội; phòng, chống tệ nạn xã hội; phòng, chống bạo lực gia "
        "đình"
    ),
    "106/2025/NĐ-CP": (
        "Nghị định số 106/2025/NĐ-CP ngày 15 tháng 5 năm 2025 của Chính phủ "
        "quy định xử phạt vi phạm hành chính trong lĩnh vực phòng cháy, chữa "
        "cháy và cứu nạn, cứu hộ"
    ),
    "45/2022/NĐ-CP": (
        "Nghị định số 45/2022/NĐ-CP ngày 07 tháng 7 năm 2022 của Chính phủ quy "
        "định về xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường"
    ),
    "16/2022/NĐ-CP": (
        "Nghị định số 16/2022/NĐ-CP ngày 28 tháng 01 năm 2022 của Chính phủ quy "
        "định xử phạt vi phạm hành chính về xây dựng"
    ),
    "15/2020/NĐ-CP": (
        "Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ quy "
        "định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông, "
        "tần số vô tuyến điện, công nghệ thông tin và giao dịch điện tử"
    ),
}


@pytest.mark.parametrize(("decree", "cited"), list(CITED.items()))
def test_catalogue_decrees_are_cited_in_full(decree, cited):
    """Note (4): number, date, issuer and title of each catalogue decree,
    each ground on its line, the law's before and the record's after."""
    data = full_decision(decrees=[decree], delegation="")
    text = all_text(render_decision(data))

    assert f"{LAW}; Căn cứ {cited}; Căn cứ Biên bản vi phạm hành chính" in text
    assert f"Căn cứ Nghị định số {decree};" not in text


def test_several_decrees_each_get_their_full_ground():
    data = full_decision(decrees=["123/2024/NĐ-CP", "16/2022/NĐ-CP"])
    text = all_text(render_decision(data))

    assert ("trong lĩnh vực đất đai; Căn cứ Nghị định số 16/2022/NĐ-CP ngày 28 "
            "tháng 01 năm 2022 của Chính phủ quy định xử phạt vi phạm hành chính "
            "về xây dựng; Căn cứ Biên bản") in text


def test_acts_fines_add_up_when_total_is_not_given():
    acts = [ACT_ORDER, replace(ACT_ORDER, point="d", fine=2_500_000)]
    text = all_text(render_decision(full_decision(acts=acts, fine_total=0)))

    assert "Tổng số tiền phạt là: 3.500.000 đồng (Bằng chữ: Ba triệu năm trăm" in text


def test_circumstances_one_per_line_print_apart():
    """Tester: "Vi phạm nhiều lần Tái phạm" ran two circumstances together."""
    text = all_text(
        render_decision(
            replace(
                full_decision(),
                aggravating="Vi phạm nhiều lần\nTái phạm\n",
                mitigating="Đã tự nguyện khai báo;\n\nThành thật hối lỗi",
            )
        )
    )
    assert "tăng nặng (nếu có): Vi phạm nhiều lần; Tái phạm." in text
    assert "giảm nhẹ (nếu có): Đã tự nguyện khai báo; Thành thật hối lỗi." in text


def test_acts_without_citation_keep_a_readable_decree_ground():
    """An imported act without citation has decree "": the ground printed
    "Căn cứ ;". It keeps the form's words, naming the field, the decree's
    number dotted for the pen; a blank form names no field."""
    uncited = replace(ACT_ORDER, decree="", article=0, clause=0, point="")
    for decrees in ([""], []):
        data = full_decision(acts=[uncited], fine_total=0, decrees=decrees,
                             field="An ninh, trật tự, an toàn xã hội")
        text = all_text(render_decision(data))
        assert "Căn cứ ;" not in text
        assert (
            f"{LAW}; Căn cứ Nghị định số ……/……/NĐ-CP quy định xử phạt vi phạm "
            "hành chính trong lĩnh vực an ninh, trật tự, an toàn xã hội; Căn cứ "
            "Biên bản"
        ) in text
    blank = all_text(render_decision(minimal_decision()))
    assert "NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực ……" in blank
    # A decree known for some acts is the ground; "" is none.
    mixed = all_text(render_decision(full_decision(decrees=["", "144/2021/NĐ-CP"])))
    assert "Căn cứ Nghị định số 144/2021/NĐ-CP;" in mixed
    assert "Căn cứ ;" not in mixed and "……/……/NĐ-CP" not in mixed


def test_fines_a_register_did_not_split_are_dotted_never_a_warning():
    untold = [replace(ACT_ORDER, fine=None, fine_untold=True),
              replace(ACT_ORDER, point="c", fine=None, fine_untold=True)]
    text = all_text(render_decision(full_decision(acts=untold,
                                                  fine_total=1_500_000)))
    assert "a) Hình thức xử phạt chính: Phạt tiền." in text
    assert "Cảnh cáo" not in text
    assert (f"(1) Phạt tiền {'…' * 6} đồng ({'…' * 8}) đối với hành vi quy "
            "định tại điểm b khoản 1 Điều 7") in text
    assert "Tổng số tiền phạt là: 1.500.000 đồng (Bằng chữ: Một triệu năm" in text
