"""The issuer line of a decision ("THẨM QUYỀN BAN HÀNH", note (3)) and the
title above its signature name the body once, whatever part of the body's
name the signer's title already holds (user trial: an account of "Công an
xã Cư M’gar" printed "TRƯỞNG CÔNG AN XÃ CÔNG AN XÃ CƯ M’GAR" on MQĐ02, MQĐ07
and MQĐ08). Every title code is checked against every kind of unit it
applies to, with the title left empty, typed alone, typed with part of the
body, typed in full, and abbreviated "UBND"; the PDFs are read back."""

from dataclasses import replace

import pytest
from form_samples import minimal_decision
from pdf_probe import all_text
from sqlmodel import select
from test_form_details import d, new_case, step, version

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    decision_form,
    make_user,
    people,
    ref,
)
from xlvphc.documents.blocks import authority_line, signer_headings
from xlvphc.documents.data import Agency, FormData
from xlvphc.documents.mqd02 import render_decision
from xlvphc.documents.registry import render
from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.signer_titles import printed_title, title_to_print
from xlvphc.models import User
from xlvphc.services import cases, printing
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope

# A deduction from salary names the employer and what it deducts from
# (both required for MQĐ07).
SALARY = {
    "code": "salary",
    "holder": "Công ty TNHH Cà phê Buôn Ma Thuột",
    "deduct_from": "salary",
}
SIGNER = "Hồ Văn Đức"
# code -> the units of the kinds it applies to, named as they head a
# decision (services.cases.issuer_name): commune committees and police,
# departments and their offices, the vertical agencies.
UNITS = {
    "chu_tich_ubnd_xa": (
        "Ủy ban nhân dân xã Cư M’gar",
        "Ủy ban nhân dân phường Tuy Hòa",
    ),
    "chu_tich_ubnd_tinh": ("Tỉnh Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk"),
    "giam_doc_so": ("Sở Tư pháp", "Sở Nông nghiệp và Môi trường"),
    "chi_cuc_truong_thuoc_so": ("Chi cục Thủy lợi",),
    "chanh_thanh_tra_tinh": ("Thanh tra",),
    "thanh_tra_vien_tinh": ("Thanh tra",),
    "chien_si_cand": ("Công an xã Cư M’gar", "Công an phường Tuy Hòa"),
    "truong_don_cong_an": ("Đồn Công an Cửa khẩu", "Đội Cảnh sát giao thông"),
    "truong_cong_an_xa": ("Công an xã Cư M’gar", "Công an phường Tuy Hòa"),
    "truong_phong_cong_an_tinh": ("Phòng Cảnh sát giao thông",),
    "giam_doc_cong_an_tinh": ("Công an",),
    "kiem_soat_vien_thi_truong": (
        "Đội Quản lý thị trường số 1",
        "Chi cục Quản lý thị trường",
    ),
    "doi_truong_qltt": ("Đội Quản lý thị trường số 1",),
    "chi_cuc_truong_qltt": ("Chi cục Quản lý thị trường",),
    "cong_chuc_thue": ("Thuế", "Thuế cơ sở 2"),
    "truong_thue_co_so": ("Thuế cơ sở 2",),
    "truong_thue_tinh": ("Thuế",),
    "kiem_lam_vien": ("Hạt Kiểm lâm Ea Kar", "Trạm Kiểm lâm Ea Sô", "Chi cục Kiểm lâm"),
    "tram_truong_kiem_lam": ("Trạm Kiểm lâm Ea Sô",),
    "hat_truong_kiem_lam": ("Hạt Kiểm lâm Ea Kar",),
    "chi_cuc_truong_kiem_lam": ("Chi cục Kiểm lâm",),
}
# An inspection team's head writes his title (services.cases refuses it
# empty): the unit tells nothing of it.
WRITTEN = {"truong_doan_thanh_tra_tinh"}


def _same(text: str) -> str:
    """Apostrophes unified: "Cư M'gar" typed, "Cư M’gar" in the unit."""
    return text.replace("’", "'")


def _post(code: str, unit: str) -> str:
    """The told title without the unit's name: "Trưởng" of "Trưởng Công an
    xã Cư M’gar" (the unit's first letter may be small in the title)."""
    told = printed_title(code, unit)
    assert told.lower().endswith(unit.lower()), (code, unit)
    return told[: len(told) - len(unit)].strip()


def _typed(code: str, unit: str) -> list[str]:
    """The titles a signer leaves or types: empty (the code's label is
    stored), the post with none to all but the last of the body's words
    ("Trưởng Công an xã" of "Công an xã Cư M’gar"), in full, with the other
    apostrophe, and each with "UBND" for "Ủy ban nhân dân"."""
    told, post = printed_title(code, unit), _post(code, unit)
    words = unit.split()
    typed = [""] + [" ".join([post, *words[:cut]]) for cut in range(len(words))]
    typed += [told, _same(told)]
    typed += [t.replace("Ủy ban nhân dân", "UBND") for t in typed if t]
    return list(dict.fromkeys(typed))


def _kind_only(code: str, unit: str) -> str:
    """The trial's title: the post and the body's kind without its proper
    name ("Trưởng Công an xã" of "Công an xã Cư M’gar"), else all but the
    name's last word."""
    words = unit.split()
    cut = next((i for i, w in enumerate(words) if i and w[0].isupper()), -1)
    return " ".join([_post(code, unit), *words[:cut]])


def _cases(trial_only: bool = False) -> list:
    """(code, unit, typed title) over every code and unit; `trial_only`:
    the title left empty and the trial's (`_kind_only`)."""
    out = []
    for code, units in UNITS.items():
        for unit in units:
            typed = _typed(code, unit)
            if trial_only:
                typed = ["", _kind_only(code, unit)]
            for title in typed:
                out.append(pytest.param(code, unit, title, id=f"{code}|{unit}|{title}"))
    return out


def _title(code: str, typed: str, unit: str) -> str:
    """As services.printing passes it: an empty field stored the label."""
    return title_to_print(typed or dict(SIGNER_TITLES)[code], code, unit)


def test_every_code_is_checked():
    assert set(UNITS) | WRITTEN == {code for code, _ in SIGNER_TITLES}
    for code, units in UNITS.items():
        for unit in units:
            assert printed_title(code, unit), (code, unit)


@pytest.mark.parametrize(("code", "unit", "typed"), _cases())
def test_the_issuer_and_the_signature_name_the_body_once(code, unit, typed):
    title = _title(code, typed, unit)
    told = printed_title(code, unit)
    assert _same(authority_line(Agency(name=unit), title)) == _same(told.upper())
    assert signer_headings(title, "", unit) == (_post(code, unit).upper(),)


@pytest.mark.parametrize(("code", "unit", "typed"), _cases(trial_only=True))
def test_mqd02_and_mqd08_print_them(code, unit, typed):
    told = printed_title(code, unit)
    title = _title(code, typed, unit)
    agency = Agency(name=unit, parent="Ủy ban nhân dân tỉnh Đắk Lắk", place="Ea Kar")
    decision = all_text(
        render_decision(
            replace(
                minimal_decision(),
                agency=agency,
                signer_title=title,
                signer_name=SIGNER,
            )
        )
    )
    coercion = all_text(
        render("MQĐ08", FormData(agency=agency, signer_name=SIGNER, signer_title=title))
    )
    for text, subject in (
        (decision, "Xử phạt vi phạm hành chính"),
        (coercion, "Cưỡng chế khấu trừ tiền từ tài khoản"),
    ):
        # Note (3): the post and the body, the body's words once.
        assert f"{subject} {told.upper()} Căn cứ" in text, text[:400]
        # The signature: the post alone, the body heads the page.
        assert f"{_post(code, unit).upper()} {SIGNER}" in text
        assert "THẨM QUYỀN BAN HÀNH" not in text and "CHỨC VỤ CỦA" not in text


def test_a_deputy_issues_with_the_head_s_title():
    """Note (25): "KT. TRƯỞNG" above "PHÓ TRƯỞNG"; the heading is the
    head's title with the body once."""
    agency = Agency(name="Công an xã Cư M’gar")
    assert (
        authority_line(agency, "Phó Trưởng Công an xã", "Trưởng Công an xã")
        == "TRƯỞNG CÔNG AN XÃ CƯ M’GAR"
    )
    assert signer_headings(
        "Phó Trưởng Công an xã", "Trưởng Công an xã", agency.name
    ) == (
        "KT. TRƯỞNG",
        "PHÓ TRƯỞNG",
    )


@pytest.fixture
def chief(ref):  # noqa: F811 - fixture from the services conftest
    """The trial's account: the head of "Công an xã Cư M’gar", whose account
    title ("Trưởng Công an xã") the decision form suggests."""
    make_user("truong.ca", "CA-24280", Role.AUTHORITY, "Trưởng Công an xã")
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == "truong.ca")).one()
        user.signer_title = "truong_cong_an_xa"
        session.add(user)
    return actor_for("truong.ca")


@pytest.mark.parametrize("typed", ["", "Trưởng Công an xã", "Trưởng Công an cấp xã"])
def test_the_trial_case_prints_the_commune_police_once(chief, typed):
    case_id = new_case(chief, days_ago=20)
    cases.issue_decision(
        chief,
        case_id,
        decision_form(
            decided_on=d(20),
            version=version(case_id),
            signer_name="Y Điêng Niê",
            signer_title=typed,
            signer_title_code="truong_cong_an_xa",
            authority_confirmed="1",
        ),
    )
    step(chief, case_id, "receipt", on=d(20))
    step(chief, case_id, "coerce", **SALARY, on=d(1))
    step(chief, case_id, "coerce", code="account", on=d(0))
    for code in ("MQĐ02", "MQĐ07", "MQĐ08"):
        text = all_text(printing.print_form(chief, case_id, code)[1])
        assert "CÔNG AN XÃ CÔNG AN XÃ" not in text, code
        assert text.count("TRƯỞNG CÔNG AN XÃ CƯ M’GAR Căn cứ") == 1, code
        assert "TRƯỞNG Y Điêng Niê" in text, code
