"""Every template-driven form: filled, minimal, blank, draft and stressed.

For each form the test fills every field the form module declares with a
distinctive value and reads the PDF back: each value must be printed, the
number symbol, authority line and signer must be right, and the fixed
wording must be the appendix's (Phụ lục, Nghị định 118/2021/NĐ-CP).
"""

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from form_samples import AGENCY, ALL_LETTERS, INDIVIDUAL, ORGANISATION, twenty_acts
from pdf_probe import (
    all_text,
    has_poppler,
    page_texts,
    sheet_count,
    signature_only_pages,
    to_png,
    unnumbered_pages,
    word_boxes,
)

from xlvphc.documents.data import FormData, ViolatorData
from xlvphc.documents.registry import codes, render, specs
from xlvphc.documents.template import FormSpec, paragraphs_of

APPENDIX = Path("/work/shared/legal/nd118-2021-phu-luc-bieu-mau.txt")
SPECS: dict[str, FormSpec] = {spec.code: spec for spec in specs().values()}
CODES = sorted(SPECS)
poppler = pytest.mark.skipif(not has_poppler(), reason="poppler-utils missing")


def sample_values(spec: FormSpec) -> dict[str, object]:
    """A distinctive value for every field of the form."""
    values: dict[str, object] = {}
    for index, key in enumerate(spec.fields, start=1):
        if key.startswith("amount"):
            values[key] = 1_000_000 + index * 250_000
        elif key.endswith("_date") or key.startswith("date:"):
            values[key] = date(2026, 4, index % 28 + 1)
        elif key.startswith("ref:"):
            values[key] = f"{index}/{key[4:]} ngày 0{index % 9 + 1}/3/2026"
        elif key.startswith("no:"):
            values[key] = f"{40 + index}/{key[3:]}"
        elif key == "items":
            values[key] = [
                (
                    "Xe mô tô Honda Wave biển số 47B1-123.45",
                    "chiếc",
                    "01",
                    "Đã qua sử dụng",
                    "Còn chìa khóa",
                )
            ]
        elif key in ("months", "period", "additional_period", "remedial_days"):
            values[key] = index + 2
        else:
            values[key] = f"Giá trị thử {key.replace('_', ' ')} số {index}"
    return values


def expected_text(key: str, value: object) -> str:
    """How a value reads in the PDF."""
    if isinstance(value, int) and key.startswith("amount"):
        return f"{value:,}".replace(",", ".") + " đồng"
    if isinstance(value, int):
        return f"{value:02d}"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, list):
        return str(value[0][0])
    return str(value)


def full(spec: FormSpec, **changes: object) -> FormData:
    """The form filled from a full case, signed by a delegated deputy."""
    data = dict(
        agency=AGENCY,
        number=f"17/{spec.suffix}",
        issued_on=date(2026, 3, 5),
        made_at=datetime(2026, 3, 5, 9, 30),
        signer_name="Hoàng Minh Tuấn",
        signer_title="Phó Chủ tịch",
        deputy_of="Chủ tịch",
        violator=INDIVIDUAL,
        decrees=["Nghị định số 144/2021/NĐ-CP ngày 31/12/2021 của Chính phủ"],
        values=sample_values(spec) | {"place": "Trụ sở UBND phường"},
    )
    data.update(changes)
    return FormData(**data)


@pytest.mark.parametrize("code", CODES)
def test_full_form_prints_every_field(code):
    spec = SPECS[code]
    data = full(spec)
    text = all_text(render(code, data))

    assert f"Số: 17/{spec.suffix}" in text
    assert spec.title in text
    if "@identity" in spec.body or "{name}" in spec.body:
        assert "Nguyễn Thị Hương Giang" in text
    for key, value in data.values.items():
        if key in spec.fields or key == "place" and "{place}" in spec.body:
            assert expected_text(key, value) in text, key
        if key.startswith("amount") and key in spec.fields:
            words = text.split(expected_text(key, value))[1][:200]
            assert "(Bằng chữ:" in words, key
    if spec.is_decision:
        assert "Buôn Ma Thuột, ngày 05 tháng 3 năm 2026" in text
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BUÔN MA THUỘT" in text
        assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text
        assert "Hoàng Minh Tuấn" in text
        assert "Nơi nhận:" in text
    elif "{made_time}" in spec.body:
        assert "hồi 09 giờ 30 phút, ngày 05/03/2026" in text
    # Nothing is left unresolved from the template.
    assert "{" not in text and "}" not in text and "<" not in text


@pytest.mark.parametrize("code", CODES)
def test_minimal_form_for_an_organisation(code):
    spec = SPECS[code]
    data = FormData(
        agency=AGENCY,
        issued_on=date(2026, 1, 9),
        violator=ViolatorData(kind="organisation", name="Hợp tác xã Ea Kao"),
    )
    text = all_text(render(code, data))

    assert f"Số: /{spec.suffix}" in text
    if "@identity" in spec.body:
        assert "Tên của tổ chức: Hợp tác xã Ea Kao" in text
        assert "Họ và tên:" not in text.split("Tên của tổ chức")[0][-400:] or (
            "Họ và tên:" in text
        )
    assert "…" in text  # what the case lacks is left for the pen


@pytest.mark.parametrize("code", CODES)
def test_blank_form_keeps_the_choices_and_prints_no_case_data(code):
    spec = SPECS[code]
    data = full(spec, blank=True)
    text = all_text(render(code, data))

    assert "Nguyễn Thị Hương Giang" not in text
    assert "Hoàng Minh Tuấn" not in text
    assert "Số: /" in text
    if "@identity" in spec.body:
        assert "Họ và tên:" in text and "Tên của tổ chức:" in text
    if spec.is_decision:
        assert "CHỨC VỤ CỦA NGƯỜI KÝ" in text


def _norm(value: str) -> str:
    """Fold what differs between the appendix and a form's fixed text:
    note marks, choice brackets, blanks (dots) and spacing."""
    value = unicodedata.normalize("NFC", value)
    value = re.sub(r"\((?:\d+[a-z]?|\*+)\)", " ", value)
    value = re.sub(r"[<>*\t]|[.…]{2,}|/…|…", " ", value)
    value = value.replace("Lí", "Lý")
    # The appendix's typo in MQĐ12c ("Quyết định này cứ hiệu lực"), printed right.
    value = value.replace("cứ hiệu lực", "có hiệu lực")
    # MQĐ12c writes "đối với quyết định này" where 12a and 12b capitalise it.
    value = value.replace("đối với quyết định này", "đối với Quyết định này")
    # MBB09's "Để Thi hành", capitalised mid-sentence, is printed lower case.
    value = re.sub(r"Để\s+Thi hành", "Để thi hành", value)
    value = re.sub(r"\s+", " ", value)
    return re.sub(r" ([,;.:])", r"\1", value).strip()


def _appendix(code: str) -> str:
    """The appendix text of one form."""
    lines = APPENDIX.read_text(encoding="utf-8").splitlines()
    marks = [
        i
        for i, line in enumerate(lines)
        if re.match(r"\s*Mẫu (quyết định|biên bản) số \d", line)
    ]
    number = code[3:]
    kind = "quyết định" if code.startswith("MQĐ") else "biên bản"
    start = next(i for i in marks if lines[i].strip() == f"Mẫu {kind} số {number}")
    end = next((i for i in marks if i > start), len(lines))
    return _norm("\n".join(lines[start:end]))


def literal_segments(spec: FormSpec) -> list[str]:
    """Fixed wording of the template: text between placeholders."""
    out = []
    for line in paragraphs_of(spec.body):
        # Variant tags and the data-only lines ("& ") are not the appendix's.
        line = re.sub(r"^(\[[\w|]+\] )?(\? )?(# |= )?", "", line)
        if line.startswith(("@", "~", "STT |", "& ")):
            continue
        for piece in re.split(r"\{[^{}]*\}", line):
            piece = _norm(piece).strip(" ;:,.")
            if len(piece) >= 20:
                out.append(piece)
    return out


@pytest.mark.skipif(not APPENDIX.exists(), reason="appendix text not available")
@pytest.mark.parametrize("code", CODES)
def test_fixed_wording_is_the_appendix_wording(code):
    spec = SPECS[code]
    appendix = _appendix(code)
    pages = page_texts(render(code, full(spec, blank=True)))
    # Page numbers (top of page 2 on) would cut sentences running over.
    printed = _norm(
        " ".join(
            re.sub(rf"^\s*{n}\s*\n", "", page) for n, page in enumerate(pages, start=1)
        )
    )

    segments = literal_segments(spec)
    assert segments
    for piece in segments:
        assert piece in appendix, piece
        assert piece in printed, piece


@pytest.mark.parametrize("code", ["MQĐ03", "MBB02", "MQĐ07"])
def test_draft_carries_the_watermark(code):
    spec = SPECS[code]
    assert "DỰ THẢO" in all_text(render(code, full(spec, draft=True)))
    assert "DỰ THẢO" not in all_text(render(code, full(spec)))


def test_every_listed_form_is_printable():
    wanted = (
        "MBB01 MBB02 MBB03 MBB05 MBB06 MBB09 MBB10 MBB11 MBB12 MBB15 MBB17 "
        "MBB20 MBB29 MQĐ01 MQĐ02 MQĐ03 MQĐ04 MQĐ05 MQĐ07 MQĐ08 MQĐ09 MQĐ10 "
        "MQĐ11 MQĐ12a MQĐ12b MQĐ12c MQĐ14 MQĐ15 MQĐ20 MQĐ24 MQĐ33 MQĐ34 "
        "MQĐ35 MQĐ36 MQĐ37 MQĐ38 MQĐ39 MQĐ40"
    ).split()
    assert set(wanted) <= set(codes())


def test_receipt_on_the_back_page_when_the_form_has_one():
    for code in ("MQĐ03", "MBB02"):
        pages = page_texts(render(code, full(SPECS[code])))
        assert "đã giao trực tiếp cho" in pages[-1]
        assert "NGƯỜI NHẬN" in pages[-1]
        assert "NGƯỜI NHẬN" not in " ".join(pages[:-1])


def test_multi_acts_and_stress_values_wrap_inside_the_page(tmp_path):
    spec = SPECS["MQĐ01"]
    name = ("Tôn Nữ Hoàng Phương Thảo Nguyễn Thị Hương Giang " * 5)[:200].strip()
    long = (
        "Hành vi kéo dài nhiều ngày, gây ảnh hưởng đến người dân xung quanh "
        + ALL_LETTERS
        + " "
    ) * 40
    values = sample_values(spec) | {"description": long[:5000]}
    data = full(
        spec,
        violator=ViolatorData(kind="individual", name=name),
        acts=twenty_acts(),
        values=values,
    )
    pdf = render("MQĐ01", data)
    text = all_text(pdf)

    assert name in text
    assert set(ALL_LETTERS) <= set(text)
    assert "(20)" in text
    pages = page_texts(pdf)
    assert len(pages) >= 3
    assert pages[1].strip().splitlines()[0].strip() == "2"  # numbered from p. 2
    if has_poppler():
        for box in word_boxes(pdf, tmp_path):
            assert 29 <= box.x_min and box.x_max <= 210 - 14, box
            assert box.y_max <= 297 - 15, box


def test_organisation_identity_switches_the_choices():
    spec = SPECS["MQĐ03"]
    text = all_text(render("MQĐ03", full(spec, violator=ORGANISATION)))
    assert "Tên của tổ chức: Công ty TNHH Thương mại Dịch vụ Ê Đê Xanh" in text
    assert "Giao cho ông Trần Văn Bình là người đại diện của tổ chức" in text
    assert "Họ và tên:" not in text


@poppler
@pytest.mark.parametrize(
    "code",
    [
        "MQĐ01",
        "MQĐ03",
        "MQĐ05",
        "MQĐ07",
        "MQĐ12a",
        "MQĐ33",
        "MQĐ34",
        "MQĐ38",
        "MBB02",
        "MBB10",
        "MBB15",
    ],
)
def test_sample_pages_rendered_for_review(code):
    spec = SPECS[code]
    slug = code.replace("Đ", "D").lower()
    assert to_png(render(code, full(spec)), f"form-{slug}")
    assert to_png(render(code, full(spec, blank=True)), f"form-{slug}-blank")


def test_record_with_a_long_account_flows_over_pages_inside_margins(tmp_path):
    spec = SPECS["MBB02"]
    account = (
        "Người dân phản ánh việc đổ phế thải xây dựng ra lòng đường, "
        "gây cản trở giao thông; " + ALL_LETTERS + ". "
    ) * 30
    values = sample_values(spec) | {"description": account[:5000]}
    pdf = render("MBB02", full(spec, values=values))
    pages = page_texts(pdf)
    text = all_text(pdf)

    assert len(pages) >= 4
    assert "gồm 0" in text  # the sheet count is printed, not left blank
    # Every page printed, one side each; the receipt, "in ở mặt sau", shares
    # the last signed page when that is a back (even) and has room, else
    # follows it on a page of its own, which is counted too.
    assert sheet_count(pdf) == len(pages)
    signed = max(i for i, page in enumerate(pages, 1) if "NGƯỜI LẬP BIÊN BẢN" in page)
    receipt = next(i for i, page in enumerate(pages, 1) if "NGƯỜI NHẬN" in page)
    assert receipt == len(pages) and receipt in (signed, signed + 1)
    assert receipt == signed + 1 or signed % 2 == 0
    if has_poppler():
        for box in word_boxes(pdf, tmp_path):
            assert 29 <= box.x_min and box.x_max <= 210 - 14, box
            assert box.y_max <= 297 - 15, box


SHEET_FORMS = [code for code, spec in SPECS.items() if "{sheets" in spec.body]
# Lines of the closing paragraph, kept short as the case gives them.
CLOSING_KEYS = ("copies", "end_time")


def _long_values(spec: FormSpec) -> dict[str, object]:
    """Every free text of the form (all its witnesses, informants, opinions)
    written long, but for the closing's short values."""
    filler = "Nội dung dài của biên bản, ghi đủ chi tiết từng việc đã làm. " * 8
    return {
        key: f"{value} {filler}".strip()
        if isinstance(value, str)
        and key not in CLOSING_KEYS
        and not key.startswith(("ref:", "no:"))
        else value
        for key, value in sample_values(spec).items()
    }


@pytest.mark.parametrize("variant", ["full", "blank", "long"])
@pytest.mark.parametrize("code", SHEET_FORMS)
def test_a_records_sheet_count_numbers_and_signatures(code, variant):
    """User trial (MBB01): "gồm 03 tờ" on four pages, the last unnumbered,
    a signature block alone on page 3; the records printing "gồm … tờ"
    share the layout, so each is checked the same way."""
    spec = SPECS[code]
    data = {
        "full": full(spec),
        "blank": full(spec, blank=True),
        "long": full(spec, values=_long_values(spec)),
    }[variant]
    pdf = render(code, data)
    pages = page_texts(pdf)

    if variant != "blank":  # a blank form leaves the count to the pen
        assert sheet_count(pdf) == len(pages)
    assert unnumbered_pages(pages) == []
    assert signature_only_pages(pages) == []


@pytest.mark.parametrize("code", ["MBB01", "MQĐ02"])
def test_main_forms_print_blank_too(code):
    text = all_text(render(code, FormData(agency=AGENCY, blank=True, draft=True)))
    assert "ỦY BAN NHÂN DÂN PHƯỜNG BUÔN MA THUỘT" in text
    assert "DỰ THẢO" in text and "…" in text
    assert "Nguyễn" not in text
    with pytest.raises(TypeError):
        render(code, FormData(agency=AGENCY))


def test_coercion_decisions_share_their_grounds():
    """MQĐ07-MQĐ10 and MQĐ12a-c print one grounds block
    (documents.coercion_parts.decision_grounds); MQĐ12a-c, which also coerce
    remedial measures, cite Điều 28 of the Law first."""
    law = "{law};"
    payment = ["MQĐ07", "MQĐ08", "MQĐ09", "MQĐ10"]
    remedial = ["MQĐ12a", "MQĐ12b", "MQĐ12c"]
    grounds = {}
    for code in payment + remedial:
        paragraphs = paragraphs_of(SPECS[code].body)
        grounds[code] = paragraphs[: paragraphs.index("Điều 1.") + 1]
    for code in payment:
        assert grounds[code][0] == f"# Căn cứ Điều 70, Điều 86, Điều 87 {law}"
    for code in remedial:
        assert grounds[code][0] == f"# Căn cứ Điều 28, Điều 70, Điều 86, Điều 87 {law}"
    assert len({tuple(g[1:]) for g in grounds.values()}) == 1


@poppler
@pytest.mark.parametrize("blank", [False, True])
def test_every_instalment_says_its_amount_in_words_on_a_line_of_its_own(
    blank, tmp_path
):
    """User trial (5 Dec 2026): MQĐ05 printed the third instalment's
    "(Bằng chữ: …)" at the end of its line, the first two under theirs, as
    the appendix sets all three."""
    pdf = render("MQĐ05", full(SPECS["MQĐ05"], blank=blank))
    words = [b for b in word_boxes(pdf, tmp_path) if b.word == "(Bằng"]
    assert len(words) == 3
    assert max(b.x_min for b in words) - min(b.x_min for b in words) < 1


def test_no_third_instalment_leaves_out_its_words_too():
    spec = SPECS["MQĐ05"]
    values = sample_values(spec) | {"amount_third": ""}
    text = all_text(render("MQĐ05", full(spec, values=values)))
    assert "lần thứ ba" not in text
    assert text.count("(Bằng chữ:") == 2
