"""A coercion decision that collects money rests on the verification of the
person's money and assets (MBB09; the "Căn cứ Biên bản số …/BB-XMCC" of
MQĐ07-MQĐ10, MQĐ12a-c). Without one in the system the step warns at the
measure and is refused until the signer ticks that the record was made on
paper; the handler checks it whatever a browser sends."""

import pytest
from sqlmodel import select

from tests.services.test_procedure import (
    d,
    decided_case,
    lead,  # noqa: F401 (fixture)
    perform,
    received_case,
    step,
    version,
)
from xlvphc.models import Case, ProcedureStep
from xlvphc.models.cases import CaseStatus
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure import allowed_steps
from xlvphc.services.procedure.coercion_verified import (
    CONFIRM,
    DAY_KEY,
    KEY,
    NUMBER_KEY,
    WARNING,
)
from xlvphc.services.procedure.details import case_details

ACCOUNT = {"code": "account", "on": d(0), "account_number": "0123456789"}


def coerce(actor, case_id: int, **data) -> str:
    """The coercion step exactly as given: no box added (test_procedure.step
    ticks it for the cases that skip the verification)."""
    return perform(actor, case_id, "coerce", {"version": version(case_id), **data})


def refused(actor, case_id: int, **data) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        coerce(actor, case_id, **data)
    return caught.value.errors


def coercions(case_id: int) -> list[ProcedureStep]:
    with session_scope() as session:
        return list(
            session.exec(
                select(ProcedureStep).where(
                    ProcedureStep.case_id == case_id, ProcedureStep.step == "coerce"
                )
            )
        )


def verify_assets(actor, case_id: int, days_ago: int) -> None:
    step(
        actor,
        case_id,
        "verify_assets",
        on=d(days_ago),
        place="Trụ sở Ngân hàng Agribank chi nhánh Buôn Ma Thuột",
        start_time="08:30",
        informants="Nguyễn Văn Bình – Giao dịch viên – Ngân hàng Agribank",
        reason="Quá thời hạn chấp hành nhưng chưa nộp tiền phạt",
        account_info="Tài khoản 0123456789, số dư 9.000.000 đồng",
    )


def coerce_fields(actor, case_id: int) -> dict[str, dict]:
    [row] = [s for s in allowed_steps(actor, case_id) if s["code"] == "coerce"]
    return {f["name"]: f for f in row["fields"]}


def test_without_mbb09_the_form_warns_beside_the_measure(people, lead):  # noqa: F811
    case_id = received_case(people["canbo.a"], 30)
    fields = coerce_fields(lead, case_id)
    names = list(fields)
    box = fields[KEY]
    # Right after the measure, for the money measures only (not MQĐ11).
    assert names.index(KEY) == names.index("code") + 1
    assert box["kind"] == "checkbox" and box["label"] == CONFIRM
    assert box["hint"] == WARNING and "MBB09" in WARNING
    only = box["only"].split()
    assert {"salary", "account", "distraint", "collection"} <= set(only)
    assert "account_remedial" in only and "remedial" not in only


def test_refused_without_the_confirmation(people, lead):  # noqa: F811
    case_id = received_case(people["canbo.a"], 30)
    for measure in ("account", "distraint", "collection"):
        errors = refused(lead, case_id, **(ACCOUNT | {"code": measure}))
        assert "MBB09" in errors[KEY], measure
        assert f"đến ngày {d(0)}" in errors[KEY]
    assert coercions(case_id) == []
    with session_scope() as session:
        assert session.get(Case, case_id).status != CaseStatus.COERCING


def test_accepted_with_the_confirmation_and_kept(people, lead):  # noqa: F811
    case_id = received_case(people["canbo.a"], 30)
    summary = coerce(lead, case_id, **ACCOUNT, **{KEY: "1"})
    assert "lập ngoài hệ thống" in summary
    [done] = coercions(case_id)
    assert done.code == "account"
    shown = case_details(lead, case_id)[0]
    values = {row["label"]: row["value"] for row in shown["rows"]}
    assert values["Biên bản xác minh thông tin về tiền, tài sản"].startswith(
        "Lập ngoài hệ thống"
    )


def test_with_mbb09_no_confirmation_is_asked(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    verify_assets(officer, case_id, 1)
    assert KEY not in coerce_fields(lead, case_id)
    summary = coerce(lead, case_id, **ACCOUNT)
    assert "ngoài hệ thống" not in summary
    assert len(coercions(case_id)) == 1


def test_an_mbb09_after_the_decision_day_is_not_its_ground(
    people,
    lead,  # noqa: F811
):
    """The decision cites a record made before it (printing_details takes
    the latest on or before its day): one made later does not count. The
    form hides the box once a record exists, so the refusal is at the day,
    naming the record's (user trial: the error sat on the hidden box)."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    verify_assets(officer, case_id, 0)
    assert KEY not in coerce_fields(lead, case_id)
    errors = refused(lead, case_id, **(ACCOUNT | {"on": d(2)}))
    assert KEY not in errors
    assert f"lập ngày {d(0)}, sau ngày quyết định" in errors["on"]
    assert f"ghi ngày quyết định từ {d(0)}" in errors["on"]
    # Ticking the box a browser did not show changes nothing.
    errors = refused(lead, case_id, **(ACCOUNT | {"on": d(2), KEY: "1"}))
    assert list(errors) == ["on"] and "MBB09" in errors["on"]
    assert coercions(case_id) == []


def test_the_earliest_later_mbb09_is_named_and_its_day_accepted(
    people,
    lead,  # noqa: F811
):
    """Two records after the day typed: the message names the first, and
    the decision of that day passes, citing it."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    verify_assets(officer, case_id, 3)
    verify_assets(officer, case_id, 1)
    errors = refused(lead, case_id, **(ACCOUNT | {"on": d(5)}))
    assert f"lập ngày {d(3)}" in errors["on"] and d(1) not in errors["on"]
    summary = coerce(lead, case_id, **(ACCOUNT | {"on": d(3)}))
    assert "ngoài hệ thống" not in summary
    [done] = coercions(case_id)
    assert f"{done.on:%d/%m/%Y}" == d(3)


def test_mq11_forces_a_remedy_without_any_verification(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=30, remedial_measures="Buộc tháo dỡ")
    step(officer, case_id, "receipt", on=d(30))
    coerce(lead, case_id, code="remedial", on=d(0), period="15")
    assert [s.code for s in coercions(case_id)] == ["remedial"]


@pytest.mark.parametrize(
    "value", [1, 0, ["1"], {"checked": True}, "yes", "1 ", 1.0, "x" * 500]
)
def test_a_value_no_checkbox_sends_is_refused(people, lead, value):  # noqa: F811
    case_id = received_case(people["canbo.a"], 30)
    errors = refused(lead, case_id, **ACCOUNT, **{KEY: value})
    assert errors[KEY] == "Giá trị của ô xác nhận không hợp lệ."
    assert coercions(case_id) == []


@pytest.mark.parametrize("value", ["", None, False])
def test_an_unticked_box_is_not_a_confirmation(people, lead, value):  # noqa: F811
    case_id = received_case(people["canbo.a"], 30)
    errors = refused(lead, case_id, **ACCOUNT, **{KEY: value})
    assert "MBB09" in errors[KEY]


# The number and date of an MBB09 made outside the system, given with the box.


def kept_details(actor, case_id: int) -> dict[str, str]:
    """What the case page lists for the coercion step, by label."""
    rows = case_details(actor, case_id)
    [row] = [r for r in rows if r["title"] == "Quyết định cưỡng chế"]
    return {r["label"]: r["value"] for r in row["rows"]}


def test_the_number_and_date_boxes_follow_the_box(people, lead):  # noqa: F811
    """Shown after the box, only once it is ticked (`when`), and for the
    measures the box is shown for; none once the case has an MBB09."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    fields = coerce_fields(lead, case_id)
    names = list(fields)
    assert names[names.index(KEY) + 1 : names.index(KEY) + 3] == [NUMBER_KEY, DAY_KEY]
    for name in (NUMBER_KEY, DAY_KEY):
        assert fields[name]["when"] == KEY
        assert fields[name]["only"] == fields[KEY]["only"]
        assert not fields[name]["required"] and fields[name]["default"] == ""
    assert fields[DAY_KEY]["kind"] == "date"
    assert fields[NUMBER_KEY]["max_len"] == 40
    # Every other box of the form shows whatever is ticked.
    assert {f["when"] for n, f in fields.items() if n not in (NUMBER_KEY, DAY_KEY)} == {
        ""
    }
    verify_assets(officer, case_id, 1)
    assert not {KEY, NUMBER_KEY, DAY_KEY} & set(coerce_fields(lead, case_id))


def test_number_and_date_given_are_kept_and_shown(people, lead):  # noqa: F811
    case_id = received_case(people["canbo.a"], 30)
    summary = coerce(
        lead, case_id, **ACCOUNT, **{KEY: "1", NUMBER_KEY: "05 / bb-xmcc",
                                     DAY_KEY: d(3)},
    )
    # Written as the series writes its numbers (numbering.paper_form).
    assert f"(MBB09) số 05/BB-XMCC ngày {d(3)} lập ngoài hệ thống" in summary
    values = kept_details(lead, case_id)
    assert values["Số biên bản xác minh (MBB09) lập ngoài hệ thống"] == "05/BB-XMCC"
    assert values["Ngày lập biên bản xác minh (MBB09)"] == d(3)
    assert values["Biên bản xác minh thông tin về tiền, tài sản"].startswith(
        "Lập ngoài hệ thống"
    )


@pytest.mark.parametrize(
    "typed, kept",
    [("7", "7/BB-XMCC"), ("12/BB-XMCC.UBND", "12/BB-XMCC.UBND"),
     ("03/BB-XMCC", "03/BB-XMCC")],
)
def test_good_numbers(people, lead, typed, kept):  # noqa: F811
    case_id = received_case(people["canbo.a"], 30)
    coerce(lead, case_id, **ACCOUNT, **{KEY: "1", NUMBER_KEY: typed})
    values = kept_details(lead, case_id)
    assert values["Số biên bản xác minh (MBB09) lập ngoài hệ thống"] == kept
    assert "Ngày lập biên bản xác minh (MBB09)" not in values


@pytest.mark.parametrize(
    "typed, message",
    [
        ("BB-XMCC", "Số biên bản phải có chữ số, ví dụ 05/BB-XMCC."),
        ("05/BB#XMCC", "Số biên bản chỉ gồm chữ số, chữ cái và các dấu"),
        ("05_BB-XMCC", "Số biên bản chỉ gồm chữ số, chữ cái và các dấu"),
        ("05;BB-XMCC", "Số biên bản chỉ gồm chữ số, chữ cái và các dấu"),
        ("1" * 41, "Số biên bản xác minh tối đa 40 ký tự."),
        ("05/BB-XMCC \U0001F600", "không in được"),
    ],
)
def test_bad_numbers_are_refused_at_the_field(
    people, lead, typed, message  # noqa: F811
):
    case_id = received_case(people["canbo.a"], 30)
    errors = refused(lead, case_id, **ACCOUNT, **{KEY: "1", NUMBER_KEY: typed})
    assert message in errors[NUMBER_KEY]
    assert list(errors) == [NUMBER_KEY]
    assert coercions(case_id) == []


def test_bad_late_and_early_dates_are_refused_at_the_field(
    people, lead  # noqa: F811
):
    """From the sanction decision's day (30 days ago here) to the coercion
    decision's, which cites the record."""
    case_id = received_case(people["canbo.a"], 30)
    ticked = {**ACCOUNT, KEY: "1"}
    errors = refused(lead, case_id, **ticked, **{DAY_KEY: "31/02/2026"})
    assert errors == {DAY_KEY: "31/02/2026 không phải ngày hợp lệ (ngày/tháng/năm)."}
    errors = refused(lead, case_id, **ticked, **{DAY_KEY: "hôm qua"})
    assert "không phải ngày hợp lệ (ngày/tháng/năm)" in errors[DAY_KEY]
    # After the coercion decision's day.
    errors = refused(lead, case_id, **(ticked | {"on": d(2)}), **{DAY_KEY: d(1)})
    assert errors == {
        DAY_KEY: "Ngày lập biên bản xác minh không được sau ngày quyết định cưỡng "
        f"chế ({d(2)}): quyết định căn cứ biên bản đã lập."
    }
    # The decision's day refused (in the future): not after today.
    errors = refused(lead, case_id, **(ticked | {"on": d(-2)}), **{DAY_KEY: d(-1)})
    assert "on" in errors
    assert errors[DAY_KEY] == (
        "Ngày lập biên bản xác minh không được sau ngày hôm nay."
    )
    # Before the sanction decision.
    errors = refused(lead, case_id, **ticked, **{DAY_KEY: d(31)})
    assert errors == {
        DAY_KEY: "Ngày lập biên bản xác minh không được trước ngày quyết định xử "
        f"phạt ({d(30)}): biên bản xác minh tiền, tài sản để cưỡng chế thi hành "
        "quyết định đó."
    }
    assert coercions(case_id) == []
    # Both ends are allowed.
    coerce(lead, case_id, **(ticked | {"on": d(2)}), **{DAY_KEY: d(30)})
    assert kept_details(lead, case_id)["Ngày lập biên bản xác minh (MBB09)"] == d(30)
    other = received_case(people["canbo.a"], 30)
    coerce(lead, other, **(ticked | {"on": d(2)}), **{DAY_KEY: d(2)})
    assert kept_details(lead, other)["Ngày lập biên bản xác minh (MBB09)"] == d(2)


def test_without_the_box_number_and_date_are_refused(people, lead):  # noqa: F811
    """The form sends them only with the box ticked: a call that sends them
    without is told at each, beside the box's own refusal."""
    case_id = received_case(people["canbo.a"], 30)
    errors = refused(
        lead, case_id, **ACCOUNT, **{NUMBER_KEY: "05/BB-XMCC", DAY_KEY: d(3)}
    )
    assert "MBB09" in errors[KEY]
    for key in (NUMBER_KEY, DAY_KEY):
        assert errors[key] == (
            "Chỉ ghi khi đánh dấu ô xác nhận đã lập Biên bản xác minh (MBB09) "
            "ngoài hệ thống."
        )
    assert coercions(case_id) == []


def test_number_and_date_are_ignored_where_no_box_is_asked(
    people, lead  # noqa: F811
):
    """With an MBB09 in the system (the decision cites it) or a measure that
    cites none (MQĐ11), the form shows neither box: what a call sends there
    is not kept, as the box itself is not."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    verify_assets(officer, case_id, 1)
    extra = {KEY: "1", NUMBER_KEY: "09/BB-XMCC", DAY_KEY: d(2)}
    summary = coerce(lead, case_id, **ACCOUNT, **extra)
    assert "ngoài hệ thống" not in summary and "09/BB-XMCC" not in summary
    values = kept_details(lead, case_id)
    assert not {"Số biên bản xác minh (MBB09) lập ngoài hệ thống",
                "Ngày lập biên bản xác minh (MBB09)"} & set(values)

    remedy = decided_case(officer, days_ago=30, remedial_measures="Buộc tháo dỡ")
    step(officer, remedy, "receipt", on=d(30))
    coerce(lead, remedy, code="remedial", on=d(0), period="15", **extra)
    values = kept_details(lead, remedy)
    assert "Số biên bản xác minh (MBB09) lập ngoài hệ thống" not in values
