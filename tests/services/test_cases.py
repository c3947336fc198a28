"""Cases: creation with the record, the decision, validation, unit scope."""

from datetime import timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import case_form, catalogue_id, decision_form
from xlvphc.models import AuditEvent, Case, CaseAct, Decision, Violator
from xlvphc.models.base import local_now
from xlvphc.services import case_queries, cases, printing
from xlvphc.services.db import session_scope
from xlvphc.services.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)


def test_create_case_with_record(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    detail = case_queries.get_case(officer, case_id)
    assert detail["record_number"] == "01/BB-VPHC"
    assert detail["unit_name"] == "Ủy ban nhân dân phường Tuy Hòa"
    assert detail["violator_name"] == "Nguyễn Văn An"
    assert detail["field"] == "Trật tự, an toàn giao thông đường bộ"
    assert detail["acts"][0]["citation"].startswith("Điểm h khoản 2 Điều 7")
    assert detail["acts"][0]["default_fine"] == "500.000"
    assert detail["timeline"][0]["summary"].startswith("Lập biên bản")


def test_unit_comes_from_the_user_not_the_form(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form(unit_id="1", id="999",
                                                    status="closed", version="9"))
    with session_scope() as session:
        case = session.get(Case, case_id)
    assert case.unit_id == officer.unit_id
    assert (case.status, case.version) == ("recorded", 1)


def test_numbers_follow_per_unit_sequences(people):
    a, b = people["canbo.a"], people["canbo.b"]
    first = cases.create_case(a, case_form())
    second = cases.create_case(a, case_form())
    other = cases.create_case(b, case_form())
    numbers = [case_queries.get_case(a, first)["record_number"],
               case_queries.get_case(a, second)["record_number"],
               case_queries.get_case(b, other)["record_number"]]
    assert numbers == ["01/BB-VPHC", "02/BB-VPHC", "01/BB-VPHC"]


def test_repeated_request_key_creates_one_case(people):
    officer = people["canbo.a"]
    first = cases.create_case(officer, case_form(), "khoa-yeu-cau-0001")
    again = cases.create_case(officer, case_form(), "khoa-yeu-cau-0001")
    assert first == again


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "A" * 201}, "name"),
        ({"birth_date": "31/02/1990"}, "birth_date"),
        # Born today, after the violation (user trial: saved without a word).
        (
            {
                "birth_date": (local_now() - timedelta(days=1)).strftime("%d/%m/%Y"),
                "violation_date": (local_now() - timedelta(days=3)).strftime(
                    "%d/%m/%Y"
                ),
            },
            "birth_date",
        ),
        ({"id_number": "12345"}, "id_number"),
        ({"violation_date": "01/01/2999"}, "violation_date"),
        ({"violation_time": "25:10"}, "violation_time"),
        ({"violation_place": "   "}, "violation_place"),
        ({"description": "x" * 5001}, "description"),
        ({"act_ids": ""}, "act_ids"),
        ({"act_ids": "999999"}, "act_ids"),
        ({"act_ids": "abc"}, "act_ids"),
        ({"record_place": ""}, "record_place"),
        ({"kind": "robot"}, "kind"),
        ({"gender": "khác"}, "gender"),
    ],
)
def test_invalid_fields_are_reported_at_the_field(people, overrides, field):
    with pytest.raises(ValidationFailed) as err:
        cases.create_case(people["canbo.a"], case_form(**overrides))
    assert field in err.value.errors
    assert err.value.errors[field]  # a Vietnamese message, not empty


def test_acts_of_two_fields_are_refused(people):
    land = catalogue_id(27, 3, "", "123/2024/NĐ-CP")
    helmet = catalogue_id(7, 2, "h", "168/2024/NĐ-CP")
    with pytest.raises(ValidationFailed) as err:
        cases.create_case(people["canbo.a"], case_form(act_ids=f"{helmet},{land}"))
    assert "cùng một lĩnh vực" in err.value.errors["act_ids"]


def test_organisation_needs_representative_and_valid_tax_code(people):
    form = case_form(kind="organisation", name="Công ty TNHH Cà phê Ea Tam",
                     tax_code="60012", representative_name="")
    with pytest.raises(ValidationFailed) as err:
        cases.create_case(people["canbo.a"], form)
    assert {"tax_code", "representative_name"} <= set(err.value.errors)


def test_decision_defaults_to_the_frame_average_and_totals(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    number = cases.issue_decision(officer, case_id,
                                  decision_form(version=1))
    assert number == "01/QĐ-XPHC"
    with session_scope() as session:
        decision = session.exec(select(Decision).where(
            Decision.case_id == case_id)).one()
        case = session.get(Case, case_id)
    assert decision.fine_total == 500_000  # (400.000 + 600.000) / 2
    assert (case.status, case.fine_total, case.decision_number) == (
        "decided", 500_000, "01/QĐ-XPHC")


def test_organisation_frame_is_double(people):
    officer = people["canbo.a"]
    form = case_form(kind="organisation", name="Công ty TNHH Vận tải Tây Nguyên",
                     tax_code="6001234567", representative_name="Y Niê Mlô")
    case_id = cases.create_case(officer, form)
    act_id = case_queries.get_case(officer, case_id)["acts"][0]["id"]
    with pytest.raises(ValidationFailed) as err:
        cases.issue_decision(officer, case_id, decision_form(
            version=1, **{f"fine_{act_id}": "700.000"}))
    assert "800.000" in err.value.errors[f"fine_{act_id}"]
    cases.issue_decision(officer, case_id, decision_form(
        version=1, **{f"fine_{act_id}": "1.200.000 đ"}))
    with session_scope() as session:
        assert session.get(Case, case_id).fine_total == 1_200_000


@pytest.mark.parametrize("fine", ["399.999", "600.001", "-5", "nhiều tiền", "1e309"])
def test_fine_outside_the_frame_or_garbage_is_refused(people, fine):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    act_id = case_queries.get_case(officer, case_id)["acts"][0]["id"]
    with pytest.raises(ValidationFailed) as err:
        cases.issue_decision(officer, case_id, decision_form(
            version=1, **{f"fine_{act_id}": fine}))
    assert f"fine_{act_id}" in err.value.errors


def test_second_decision_and_stale_version_are_refused(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    with pytest.raises(Conflict):
        cases.issue_decision(officer, case_id, decision_form(version=7))
    cases.issue_decision(officer, case_id, decision_form(version=1))
    with pytest.raises(Conflict):
        cases.issue_decision(officer, case_id, decision_form(version=2))


def test_officer_of_another_unit_cannot_read_edit_or_print(people):
    a, b = people["canbo.a"], people["canbo.b"]
    case_id = cases.create_case(a, case_form())
    with pytest.raises(PermissionDenied) as read:
        case_queries.get_case(b, case_id)
    with pytest.raises(PermissionDenied) as missing:
        case_queries.get_case(b, 10_000)
    # Same answer as for a case that does not exist: ids cannot be probed.
    assert read.value.message == missing.value.message
    with pytest.raises(PermissionDenied):
        cases.issue_decision(b, case_id, decision_form(version=1))
    with pytest.raises(PermissionDenied):
        printing.print_form(b, case_id, "MBB01")
    listed = case_queries.list_cases(b, {"q": "Nguyen Van An"})
    assert listed["total"] == 0 and listed["rows"] == []
    with session_scope() as session:
        assert session.get(Case, case_id).status == "recorded"


@pytest.mark.parametrize("bad_id", ["1", -1, 0, None, True, 2**70, [1], {"id": 1},
                                    1.5])
def test_malformed_case_ids_are_refused(people, bad_id):
    officer = people["canbo.a"]
    cases.create_case(officer, case_form())
    with pytest.raises(NotFound):
        case_queries.get_case(officer, bad_id)
    with pytest.raises(NotFound):
        cases.issue_decision(officer, bad_id, decision_form(version=1))


def test_supervisor_reads_every_unit_but_cannot_write(people):
    a, b, sup = people["canbo.a"], people["canbo.b"], people["giamsat"]
    cases.create_case(a, case_form())
    case_b = cases.create_case(b, case_form(name="Trần Thị Đào"))
    assert case_queries.list_cases(sup)["total"] == 2
    assert case_queries.get_case(sup, case_b)["violator_name"] == "Trần Thị Đào"
    with pytest.raises(PermissionDenied):
        cases.create_case(sup, case_form())
    with pytest.raises(PermissionDenied):
        cases.issue_decision(sup, case_b, decision_form(version=1))


def test_admin_does_not_read_case_files(people):
    case_id = cases.create_case(people["canbo.a"], case_form())
    with pytest.raises(PermissionDenied):
        case_queries.get_case(people["quantri"], case_id)
    with pytest.raises(PermissionDenied):
        case_queries.list_cases(people["quantri"])


@pytest.mark.parametrize(
    "query",
    ["nguyen van an", "NGUYỄN VĂN AN", "an nguyen", "Nguye\u0302\u0303n  Van",
     "066090001234", "1/BB-VPHC", "01/BB-VPHC", "le duan"],
)
def test_search_finds_without_diacritics_in_any_order(people, query):
    officer = people["canbo.a"]
    cases.create_case(officer, case_form())
    cases.create_case(officer, case_form(name="Đỗ Thị Hạnh", id_number="",
                                         violation_place="Chợ Ea Kao"))
    result = case_queries.list_cases(officer, {"q": query})
    assert [r["violator_name"] for r in result["rows"]] == ["Nguyễn Văn An"]


def test_search_treats_wildcards_as_text(people):
    officer = people["canbo.a"]
    cases.create_case(officer, case_form())
    assert case_queries.list_cases(officer, {"q": "%"})["total"] == 0
    assert case_queries.list_cases(officer, {"q": "_"})["total"] == 0
    assert case_queries.list_cases(officer, {"q": "đ"})["total"] == 1  # "đường"


def test_list_filters_and_paging_are_bounded(people):
    officer = people["canbo.a"]
    for _ in range(22):
        cases.create_case(officer, case_form())
    first = case_queries.list_cases(officer, {"status": "recorded"}, 1)
    second = case_queries.list_cases(officer, {"status": "recorded"}, 2)
    assert (first["total"], len(first["rows"]), len(second["rows"])) == (22, 20, 2)
    assert case_queries.list_cases(officer, {"status": "decided"})["total"] == 0
    assert case_queries.list_cases(officer, "junk", -3)["page"] == 1


def test_every_change_and_read_is_audited(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    case_queries.get_case(officer, case_id)
    cases.issue_decision(officer, case_id, decision_form(version=1))
    printing.print_form(officer, case_id, "MQĐ02")
    with session_scope() as session:
        actions = session.exec(select(AuditEvent.action).where(
            AuditEvent.entity_id == case_id, AuditEvent.entity == "case")).all()
    assert actions == ["case.created", "case.read", "decision.issued",
                       "case.printed"]


def test_acts_keep_a_snapshot_of_their_frame(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    with session_scope() as session:
        act = session.exec(select(CaseAct).where(CaseAct.case_id == case_id)).one()
        violator = session.exec(select(Violator).where(
            Violator.case_id == case_id)).one()
    assert (act.frame_min, act.frame_max, act.article) == (400_000, 600_000, 7)
    assert violator.id_number == "066090001234"


def test_list_counts_up_to_a_cap_and_says_there_are_more(people, monkeypatch):
    officer = people["canbo.a"]
    for _ in range(5):
        cases.create_case(officer, case_form())
    monkeypatch.setattr(case_queries, "COUNT_CAP", 3)
    capped = case_queries.list_cases(officer, {})
    assert (capped["total"], capped["more"]) == (3, True)
    monkeypatch.setattr(case_queries, "COUNT_CAP", 5)
    exact = case_queries.list_cases(officer, {})
    assert (exact["total"], exact["more"]) == (5, False)
