"""Downloaded file names carry the unit's code and the year: record numbers
restart per unit and year, so a supervisor printing MBB01 of two units got
two files named "bien-ban-vi-pham-1-BB-VPHC.pdf" (tester)."""

from tests.services.conftest import (  # noqa: F401 - fixtures
    case_form,
    decision_form,
    people,
    ref,
)
from xlvphc.models.base import local_now
from xlvphc.services import cases, printing


def test_same_number_in_two_units_downloads_under_two_names(people):  # noqa: F811
    a, b = people["canbo.a"], people["canbo.b"]
    case_a = cases.create_case(a, case_form())
    case_b = cases.create_case(b, case_form(record_place="Trụ sở UBND phường"))
    supervisor = people["giamsat"]
    name_a, _ = printing.print_form(supervisor, case_a, "MBB01")
    name_b, _ = printing.print_form(supervisor, case_b, "MBB01")
    year = local_now().year
    assert name_a != name_b
    assert name_a.endswith(f"-01-BB-VPHC-UBND-22015-{year}.pdf"), name_a
    assert name_b.endswith(f"-01-BB-VPHC-UBND-22045-{year}.pdf"), name_b

    cases.issue_decision(a, case_a, decision_form(version=1, authority_confirmed="1"))
    name, _ = printing.print_form(a, case_a, "MQĐ02", "draft")
    assert name.endswith(f"-01-QD-XPHC-UBND-22015-{year}-du-thao.pdf"), name
    blank, _ = printing.print_form(a, case_a, "MQĐ15", "blank")
    assert "UBND-22015" in blank and blank.endswith("-mau-trang.pdf"), blank
