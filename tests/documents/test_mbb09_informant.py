"""MBB09's informant (user trial): the verification step recorded "Phạm Thị
Lan – Kế toán – …" as the person giving information, yet the signature
column of the informant had no name. The name (the part before " – ")
prints there. Whether the informant speaks for himself or for a body is an
explicit, optional choice of the step ("Người cung cấp thông tin là"):
given, the form's "<Cá nhân/Tổ chức>" (item 2), "<cá nhân/người đại diện
của tổ chức>" (item 6) and the column's heading are made, and a body's
representative prints on the line for one (item 2 b); not given, the
either/or stays for the pen, however the name reads."""

import re

import pytest
from pdf_probe import all_text, has_poppler, to_png
from test_form_details import d, overdue, step

from tests.services.conftest import people, ref  # noqa: F401 - fixtures
from xlvphc.services import printing
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure.details import case_details

INFORMANT = "Phạm Thị Lan – Kế toán – Công ty TNHH Cà phê Ea Kao"
SIGNS = "(Ký, ghi rõ họ và tên)"


def _verified(officer, **extra: str) -> int:
    case_id = overdue(officer)
    step(
        officer,
        case_id,
        "verify_assets",
        on=d(1),
        start_time="08:30",
        place="Trụ sở Công ty TNHH Cà phê Ea Kao",
        informants=INFORMANT,
        reason="Quá thời hạn chấp hành nhưng chưa nộp tiền phạt",
        salary_info="Lương tháng 7.500.000 đồng, trả qua tài khoản",
        **extra,
    )
    return case_id


def _text(officer, case_id: int, name: str) -> str:
    pdf = printing.print_form(officer, case_id, "MBB09")[1]
    if has_poppler():
        to_png(pdf, name)  # test-artifacts/, for a human look
    return all_text(pdf)


def _informant_column(text: str) -> str:
    """What prints under the informant's heading, up to the receipt (and the
    number of the receipt's page, when it has one of its own)."""
    after = text.split("CUNG CẤP THÔNG TIN XÁC MINH")[-1]
    return re.sub(r"\s+\d+\s*$", "", after.split("Biên bản đã giao")[0])


def test_unsaid_kind_keeps_the_choice_and_names_the_informant(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = _verified(officer)
    text = _text(officer, case_id, "mbb09-informant-unsaid")

    assert _informant_column(text).strip() == f"{SIGNS} Phạm Thị Lan"
    assert "CÁ NHÂN/NGƯỜI ĐẠI DIỆN CỦA TỔ CHỨC CUNG CẤP THÔNG TIN XÁC MINH" in text
    assert "2. Cá nhân/Tổ chức cung cấp thông tin cần xác minh" in text
    assert (
        "6. Ý kiến trình bày của cá nhân/người đại diện của tổ chức cung cấp "
        "thông tin"
    ) in text
    # As recorded: first on line a), the person's line.
    assert "a) Họ và tên: Phạm Thị Lan Nghề nghiệp: Kế toán" in text


def test_a_person_giving_information(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = _verified(officer, informant_kind="person")
    text = _text(officer, case_id, "mbb09-informant-person")

    assert "2. Cá nhân cung cấp thông tin cần xác minh về tiền lương" in text
    assert "6. Ý kiến trình bày của cá nhân cung cấp thông tin cần xác minh" in text
    assert f"CÁ NHÂN CUNG CẤP THÔNG TIN XÁC MINH {SIGNS} Phạm Thị Lan" in text
    assert "a) Họ và tên: Phạm Thị Lan Nghề nghiệp: Kế toán" in text
    assert "Cá nhân/Tổ chức cung cấp" not in text
    assert "CÁ NHÂN/NGƯỜI ĐẠI DIỆN CỦA TỔ CHỨC CUNG CẤP" not in text


def test_a_body_giving_information_through_its_representative(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = _verified(officer, informant_kind="organisation")
    text = _text(officer, case_id, "mbb09-informant-body")

    assert "2. Tổ chức cung cấp thông tin cần xác minh về tiền lương" in text
    assert (
        "6. Ý kiến trình bày của người đại diện của tổ chức cung cấp thông tin"
    ) in text
    assert (
        f"NGƯỜI ĐẠI DIỆN CỦA TỔ CHỨC CUNG CẤP THÔNG TIN XÁC MINH {SIGNS} "
        "Phạm Thị Lan"
    ) in text
    # The representative's line (item 2 b): title and body; a) left blank.
    assert "b) Họ và tên: Phạm Thị Lan Chức vụ: Kế toán" in text
    assert "Cơ quan/tổ chức: Công ty TNHH Cà phê Ea Kao" in text
    assert "a) Họ và tên: ……" in text
    # The violator's own column is the case's (an individual here).
    assert "CÁ NHÂN CÓ THÔNG TIN PHẢI XÁC MINH" in text
    shown = {r["label"]: r["value"] for r in case_details(officer, case_id)[0]["rows"]}
    assert shown["Người cung cấp thông tin là"] == (
        "Người đại diện của cơ quan, tổ chức"
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"informants": "", "informant_kind": "person"},
            "Ghi người cung cấp thông tin trước khi chọn cá nhân hay tổ chức.",
        ),
        (
            {"informant_kind": "company"},
            (
                "Vui lòng chọn người cung cấp thông tin là cá nhân hay người "
                "đại diện của tổ chức."
            ),
        ),
    ],
)
def test_informant_kind_refused_at_its_field(people, fields, message):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    data = {
        "on": d(1),
        "start_time": "08:30",
        "place": "Thôn 3",
        "informants": INFORMANT,
        "reason": "Quá hạn",
        "account_info": "Tài khoản tại Agribank",
    } | fields
    with pytest.raises(ValidationFailed) as refused:
        step(officer, case_id, "verify_assets", **data)
    assert refused.value.errors["informant_kind"] == message
