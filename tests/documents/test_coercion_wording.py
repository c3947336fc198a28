"""The coercion papers as the user trial printed them (MQĐ08, MBB09): the
form's either/or choices made from the case, "khấu trừ tiền", the Law cited
as amended up to Luật 88/2025/QH15, the sheet count and the signatures kept
with the closing text. Rendered from form data, read back with pypdf."""

from datetime import date, datetime

import pytest
from form_samples import AGENCY, INDIVIDUAL, ORGANISATION, full_decision
from pdf_probe import all_text, page_texts
from test_form_details import d, overdue, step, text_of

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    make_user,
    people,
    ref,
)
from xlvphc.documents.data import FormData
from xlvphc.documents.mqd02 import render_decision
from xlvphc.documents.registry import codes, render
from xlvphc.services.access import Role
from xlvphc.services.errors import ValidationFailed

COERCION = [
    "MBB09", "MQĐ07", "MQĐ08", "MQĐ09", "MQĐ10", "MQĐ11", "MQĐ12a", "MQĐ12b",
    "MQĐ12c", "MBB10", "MBB11", "MBB12",
]
LAW = (
    "Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012; Luật sửa đổi, bổ "
    "sung một số điều của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm "
    "2020 và Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành "
    "chính ngày 25 tháng 6 năm 2025"
)
# What the printing service gives a coercion paper of a sanctioned case.
SANCTION = {
    "enforces": "sanction",
    "no:QĐ-XPHC": "01/QĐ-XPHC",
    "ref:QĐ-XPHC": "01/QĐ-XPHC ngày 27/10/2026",
    "amount": 1_500_000,
}
VERIFIED = {
    "place": "Thôn 3, xã Ea Kar",
    "informant_name": "Y Kô Byă",
    "informant_role": "Trưởng thôn 3",
    "informant_where": "Thôn 3, xã Ea Kar",
    "reason": "Quá thời hạn chấp hành nhưng chưa nộp đủ tiền phạt",
    "salary_info": "Không có thu nhập thường xuyên; làm nông tự do",
    "account_info": "Tài khoản tại Agribank chi nhánh Ea Kar, số 5204205123456",
    "asset_info": "Xe mô tô Honda Wave biển số 47H1-234.56",
    "violator_opinion": "Hứa nộp nốt nhưng chưa có tiền",
    "end_time": datetime(2026, 11, 10, 9, 15),
}


def _data(violator=INDIVIDUAL, **values: object) -> FormData:
    return FormData(
        agency=AGENCY,
        number="01/XX",
        issued_on=date(2026, 11, 12),
        made_at=datetime(2026, 11, 10, 8, 30),
        signer_name="Y Bhăm Niê",
        signer_title="Phó Chủ tịch",
        violator=violator,
        values=values,
    )


# MBB11 (remedial measures) has no such choice.
@pytest.mark.parametrize("code", [c for c in COERCION if c != "MBB11"])
def test_a_sanctioned_case_strikes_the_reimbursement_alternative(code):
    filled = all_text(render(code, _data(**SANCTION)))
    unknown = all_text(render(code, _data(**(SANCTION | {"enforces": ""}))))
    blank = all_text(render(code, FormData(agency=AGENCY, blank=True)))

    alternatives = ("/hoàn trả", "/ hoàn trả", "phạt/phải hoàn trả", "/Quyết định số")
    # Filled for a sanction decision, only that alternative is left; the
    # reimbursement of a remedial measure's cost (MQĐ11, MQĐ12a-c: "phải hoàn
    # trả số kinh phí là") is not a choice and stays.
    assert not [a for a in alternatives if a in filled]
    # Not told what the coercion enforces, the form keeps both, as blank.
    assert [a for a in alternatives if a in unknown]
    assert [a for a in alternatives if a in blank]


@pytest.mark.parametrize("code", COERCION)
def test_the_person_coerced_is_named_as_individual_or_organisation(code):
    person = all_text(render(code, _data(**SANCTION)))
    body = all_text(render(code, _data(ORGANISATION, **SANCTION)))

    for choice in ("ông (bà)/tổ chức", "cá nhân/tổ chức bị cưỡng chế",
                   "cá nhân/người đại diện của tổ chức bị cưỡng chế",
                   "cá nhân/người đại diện của tổ chức phải"):
        assert choice not in person.lower() and choice not in body.lower()
    assert "tổ chức" in body


@pytest.mark.parametrize("code", ["MQĐ11", "MQĐ12a", "MQĐ12b", "MQĐ12c"])
def test_the_empty_second_remedial_measure_has_no_period(code):
    """User trial: MQĐ12a's item b) "Biện pháp: ……", left to the pen, printed
    "Thời gian thực hiện: 10 ngày", the period of the measure above it."""
    measure = "Buộc phá dỡ công trình vi phạm"
    text = " ".join(
        all_text(
            render(code, _data(**SANCTION, remedial_measures=measure, period=10,
                               period_unit="ngày", remedial_period=10,
                               remedial_unit="ngày"))
        ).split()
    )

    first, second = text.split("b) Biện pháp:", 1)
    assert f"a) Biện pháp: {measure} Thời gian thực hiện: 10 ngày" in first
    period = second.split("Thời gian thực hiện:", 1)[1].split("kể từ")[0]
    assert "10" not in period and "…" in period
    assert "ngày/tháng" in period
    text = all_text(render("MQĐ08", _data(**SANCTION)))

    assert (
        "1. Cưỡng chế khấu trừ tiền từ tài khoản để bảo đảm thi hành Quyết định "
        "số: 01/QĐ-XPHC đối với bà có tên sau đây:"
    ) in text
    assert (
        "Để bảo đảm thi hành Quyết định số: 01/QĐ-XPHC ngày 27/10/2026 xử phạt "
        "vi phạm hành chính."
    ) in text
    assert f"Căn cứ Điều 70, Điều 86, Điều 87 {LAW};" in text
    assert "trích chuyển từ tài khoản của cá nhân bị cưỡng chế" in text
    receipt = page_texts(render("MQĐ08", _data(**SANCTION)))[-1]
    assert "cá nhân bị cưỡng chế khấu trừ tiền từ tài khoản vào hồi" in " ".join(
        receipt.split()
    )
    assert "khấu tiền" not in text


@pytest.mark.parametrize(
    ("violator", "kind", "role", "signs", "name"),
    [
        (INDIVIDUAL, "cá nhân", "cá nhân", "CÁ NHÂN CÓ THÔNG TIN PHẢI XÁC MINH",
         "Nguyễn Thị Hương Giang"),
        (ORGANISATION, "tổ chức", "người đại diện của tổ chức",
         "NGƯỜI ĐẠI DIỆN CỦA TỔ CHỨC CÓ THÔNG TIN PHẢI XÁC MINH", "Trần Văn Bình"),
    ],
)
def test_mbb09_choices_made_from_the_case(violator, kind, role, signs, name):
    values = SANCTION | VERIFIED | {"checked": "tài khoản và tài sản"}
    text = all_text(render("MBB09", _data(violator, **values)))

    for expected in (
        (
            "Để thi hành Quyết định số: 01/QĐ-XPHC ngày 27/10/2026 xử phạt vi "
            "phạm hành chính."
        ),
        f"Xác minh thông tin về tiền, tài sản của {kind} bị cưỡng chế",
        "cung cấp thông tin cần xác minh về tài khoản và tài sản:",
        (
            f"về tài khoản và tài sản của {kind} phải thi hành quyết định xử phạt "
            "vi phạm hành chính đối với"
        ),
        (
            f"là {role} phải thi hành quyết định xử phạt vi phạm hành chính có "
            f"tên tại Mục 1 của Biên bản này ({kind} có thông tin phải xác minh)"
        ),
        (
            f"Trường hợp {role} phải thi hành quyết định xử phạt vi phạm hành "
            "chính không ký biên bản xác minh thông tin về tiền, tài sản của "
            f"{kind} bị cưỡng chế"
        ),
        f"{signs} (Ký, ghi rõ họ và tên)",
    ):
        assert expected in text, expected
    # The violator's name under the violator's column, the maker's beside it.
    assert text.split(signs)[1].split("CUNG CẤP")[0].count(name) == 1
    assert "Để Thi hành" not in text
    assert "hoàn trả" not in text
    # The informant is the form's choice, for the pen: the case does not say
    # whether the informant speaks for a body.
    assert text.lower().count("cá nhân/tổ chức") == 1
    assert "Cá nhân/Tổ chức cung cấp thông tin" in text


@pytest.mark.parametrize("lines", range(0, 26, 2))
def test_mbb09_signatures_stay_with_the_closing_and_sheets_are_counted(lines):
    """Longer findings push the closing down the page line by line; at no
    length is a signature row left alone on a page, and "gồm … tờ" counts
    every page printed on one side, the receipt's own page too."""
    findings = "; ".join(f"Thửa đất số {n}, tờ bản đồ số 12" for n in range(lines))
    values = SANCTION | VERIFIED | {"asset_info": findings or "Không có"}
    pages = page_texts(render("MBB09", _data(**values)))
    text = all_text(render("MBB09", _data(**values)))

    signed = [n for n, page in enumerate(pages, 1) if "NGƯỜI LẬP BIÊN BẢN" in page]
    assert len(signed) == 1
    last = pages[signed[0] - 1]
    assert "THÔNG TIN XÁC MINH" in last  # the informant's row too
    assert "không ký biên bản:" in last and "Trường hợp" in last
    assert f"gồm {len(pages):02d} tờ" in text
    receipt = next(n for n, page in enumerate(pages, 1) if "NGƯỜI NHẬN" in page)
    assert receipt == len(pages) and receipt in (signed[0], signed[0] + 1)


@pytest.mark.parametrize("code", sorted(codes()))
def test_every_form_cites_the_law_as_amended_in_2025(code):
    text = all_text(render(code, FormData(agency=AGENCY, blank=True)))

    assert "(sửa đổi, bổ sung năm 2020)" not in text
    if "Căn cứ" in text and "Luật Xử lý vi phạm hành chính" in text:
        assert LAW in text, code


@pytest.mark.parametrize("code", ["MQĐ02", "MQĐ03", "MQĐ08"])
def test_trial_decisions_cite_one_legal_basis(code):
    if code == "MQĐ02":
        text = all_text(render_decision(full_decision()))
    else:
        text = all_text(render(code, _data(**SANCTION)))
    grounds = text.split("QUYẾT ĐỊNH:")[0]

    assert grounds.count(LAW) == 1
    article = {"MQĐ02": "Điều 85", "MQĐ03": "Điều 76", "MQĐ08": "Điều 87"}[code]
    assert f"{article} {LAW};" in grounds


def test_a_blank_mbb09_keeps_every_choice():
    text = all_text(render("MBB09", FormData(agency=AGENCY, blank=True)))

    assert "của cá nhân/tổ chức bị cưỡng chế" in text
    assert "tiền lương, thu nhập/tài khoản/tài sản/tiền, tài sản" in text
    assert "CÁ NHÂN/NGƯỜI ĐẠI DIỆN CỦA TỔ CHỨC CÓ THÔNG TIN" in text


def _verify(officer, case_id: int, **extra: str) -> None:
    step(
        officer,
        case_id,
        "verify_assets",
        on=d(1),
        start_time="08:30",
        place="Thôn 3, xã Ea Kar",
        informants="Y Kô Byă – Trưởng thôn 3 – Thôn 3, xã Ea Kar",
        reason="Quá thời hạn chấp hành nhưng chưa nộp tiền phạt",
        account_info="Tài khoản 5204205123456 tại Agribank chi nhánh Ea Kar",
        **extra,
    )


def test_mbb09_printed_from_the_case(people):  # noqa: F811
    """Through the printing service: the step's own record maker, the
    choices made from the case and the findings."""
    officer = people["canbo.a"]
    case_id = overdue(officer)
    _verify(
        officer, case_id, maker_name="Lê Văn Tám", maker_title="Phó Trưởng Công an xã"
    )
    text = text_of(officer, case_id, "MBB09")

    assert "1. Người có thẩm quyền lập biên bản: Họ và tên: Lê Văn Tám" in text
    assert "Chức vụ: Phó Trưởng Công an xã" in text
    assert "Trần Thị Bình" not in text  # the violation record's maker
    # The violator and the maker sign the first row, each named.
    signing = text.split("CÁ NHÂN CÓ THÔNG TIN PHẢI XÁC MINH")[1].split("CUNG CẤP")[0]
    assert "Nguyễn Văn An" in signing and "NGƯỜI LẬP BIÊN BẢN" in signing
    assert "Lê Văn Tám" in signing.split("NGƯỜI LẬP BIÊN BẢN")[1]
    assert "cung cấp thông tin cần xác minh về tài khoản:" in text
    assert (
        "4. Thông tin về tài khoản của cá nhân phải thi hành quyết định xử phạt "
        "vi phạm hành chính:"
    ) in text
    assert "Để thi hành Quyết định số: 01/QĐ-XPHC ngày" in text
    assert "hoàn trả" not in text and "Để Thi hành" not in text


def test_mbb09_without_its_maker_names_the_record_maker(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    _verify(officer, case_id)
    text = text_of(officer, case_id, "MBB09")

    assert "Họ và tên: Trần Thị Bình" in text
    assert "Trần Thị Bình" in text.split("NGƯỜI LẬP BIÊN BẢN")[1]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"maker_title": "Trưởng Công an xã"}, "Ghi họ và tên người lập biên bản."),
        ({"maker_name": "Lê Văn 8"}, "Ghi họ và tên, không có chữ số."),
    ],
)
def test_mbb09_maker_refused_at_its_field(people, fields, message):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    with pytest.raises(ValidationFailed) as refused:
        _verify(officer, case_id, **fields)
    assert refused.value.errors["maker_name"] == message


def test_mqd08_printed_from_the_case(people):  # noqa: F811
    officer = people["canbo.a"]
    make_user("chutich.a", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    lead = actor_for("chutich.a")
    case_id = overdue(officer)
    _verify(officer, case_id)
    step(
        lead,
        case_id,
        "coerce",
        code="account",
        on=d(0),
        holder="Ngân hàng Agribank chi nhánh Ea Kar",
        account_number="5204205123456",
    )
    text = text_of(lead, case_id, "MQĐ08")

    assert "Số: 01/QĐ-CCXP" in text
    assert "để bảo đảm thi hành Quyết định số: 01/QĐ-XPHC đối với ông" in text
    assert f"Căn cứ Điều 70, Điều 86, Điều 87 {LAW};" in text
    assert "bị cưỡng chế khấu trừ tiền từ tài khoản vào hồi" in text
    assert "hoàn trả" not in text and "khấu tiền" not in text
