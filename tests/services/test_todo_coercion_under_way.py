"""Việc cần làm while a case is being coerced (Law Art. 86; user trial: an
overdue case left the list once its coercion was decided, and after a
coercion result that collected only the fine 283.500 đồng of late-payment
interest, Art. 78 k1, was still owed with the list empty).

A coercion under way is followed from its decision on, for as long as the
fine, its interest or a remedial measure is owed: one row, dated on the
decision, saying how long it has run and everything still owed. It counts as
overdue and in the shell's badge (coercion is decided because the decision's
deadline passed unmet; before, such a case left both counts, and a row owing
interest and a remedial measure named the interest only)."""

from tests.services.test_procedure import (
    FAMILY_SMALL,
    case_row,
    d,
    decided_case,
    lead,  # noqa: F401 (fixture)
    received_case,
    step,
)
from tests.services.test_procedure_closing import MEASURE, paid_case
from xlvphc.services.procedure.todo import (
    KINDS,
    todo_count,
    todo_list,
    todo_page,
)

# A deduction from salary names the employer and what it deducts from
# (both required for MQĐ07).
SALARY = {
    "code": "salary",
    "holder": "Công ty TNHH Cà phê Buôn Ma Thuột",
    "deduct_from": "salary",
}
LABEL = "Đang cưỡng chế – ghi nhận kết quả cưỡng chế (Điều 86)"
REMEDY = "biện pháp khắc phục hậu quả"
# 3.500.000 đồng, 162 days late: 3.500.000 × 0,05 % × 162 (Art. 78 k1).
LATE = 162
INTEREST = "283.500"


def rows_of(actor, case_id: int, kind: str = "") -> dict[str, dict]:
    return {r["kind"]: r for r in todo_list(actor, kind) if r["case_id"] == case_id}


def test_the_overdue_row_gives_way_to_the_coercion_under_way(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = received_case(officer, LATE + 10)
    assert set(rows_of(officer, case_id)) == {"coercion"}
    assert todo_count(officer) == 1

    step(lead, case_id, "coerce", code="account", on=d(4), document="1/QĐ-CCXP")

    rows = rows_of(officer, case_id)
    assert set(rows) == {"coercing"}
    row = rows["coercing"]
    # The fine and the interest run on it until today (the case page's).
    assert row["label"] == (
        f"{LABEL} – còn tiền phạt 3.500.000 đồng, tiền chậm nộp {INTEREST} đồng"
    )
    assert (row["due"], row["when"], row["tone"]) == (
        d(4),
        "QĐ cưỡng chế 4 ngày trước",
        "red",
    )
    assert case_row(case_id).coerced_on is not None
    # Still overdue: in the list's overdue count and in the shell's badge.
    page = todo_page(officer)
    assert (page["total"], page["overdue"]) == (1, 1)
    assert todo_count(officer) == 1
    assert todo_page(officer, "coercing")["overdue"] == 1
    assert rows_of(officer, case_id, "coercing") == rows
    assert KINDS["coercing"] == LABEL
    # Only the case's unit and its supervisors see it.
    assert rows_of(people["canbo.b"], case_id) == {}
    assert set(rows_of(people["giamsat"], case_id)) == {"coercing"}


def test_a_coercion_decided_today_says_so(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", **SALARY, on=d(0))
    assert rows_of(officer, case_id)["coercing"]["when"] == "QĐ cưỡng chế hôm nay"
    # Overdue from the decision's day on, though dated today.
    assert todo_page(officer)["overdue"] == 1
    assert todo_count(officer) == 1
    assert todo_count(people["canbo.b"]) == 0
    assert todo_count(people["giamsat"]) == 1


def test_the_interest_left_after_the_result_stays_on_the_list(
    people,
    lead,  # noqa: F811
):
    """The trial's case: the result collected the fine only; the row says the
    interest is owed, until it is paid."""
    officer = people["canbo.a"]
    case_id = received_case(officer, LATE + 10)
    step(lead, case_id, "coerce", code="account", on=d(0), document="1/QĐ-CCXP")
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        amount="3.500.000",
        note="Ngân hàng đã trích chuyển tiền phạt",
    )
    case = case_row(case_id)
    assert (case.status, case.surcharge_total, case.surcharge_paid) == (
        "coercing",
        283_500,
        0,
    )

    rows = rows_of(officer, case_id)
    assert set(rows) == {"coercing"}
    assert rows["coercing"]["label"] == (
        f"Còn {INTEREST} đồng tiền chậm nộp chưa thu – ghi nhận nộp hoặc "
        "cưỡng chế tiếp (Điều 78, 86)"
    )

    # Part of it paid: the row says what is left.
    step(officer, case_id, "payment", on=d(0), surcharge="83.500")
    assert rows_of(officer, case_id)["coercing"]["label"].startswith(
        "Còn 200.000 đồng tiền chậm nộp chưa thu"
    )
    # The rest paid: nothing owed, the row goes and the case may close.
    step(officer, case_id, "payment", on=d(0), surcharge="200.000")
    # Only the closing left to record (todo.TO_CLOSE).
    assert set(rows_of(officer, case_id)) == {"executed"}
    assert case_row(case_id).coerced_on is None
    step(officer, case_id, "close_executed", on=d(0))
    assert rows_of(officer, case_id) == {}


def test_a_further_coercion_for_the_interest_dates_the_row_anew(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = received_case(officer, LATE + 10)
    step(lead, case_id, "coerce", code="account", on=d(6), document="1/QĐ-CCXP")
    step(officer, case_id, "coercion_done", on=d(3), amount="3.500.000", note="Thu")
    assert rows_of(officer, case_id)["coercing"]["due"] == d(6)

    step(lead, case_id, "coerce", code="account", on=d(1), document="2/QĐ-CCXP")
    row = rows_of(officer, case_id)["coercing"]
    assert (row["due"], row["when"]) == (d(1), "QĐ cưỡng chế 1 ngày trước")


def test_a_fully_collected_coercion_leaves_the_list(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", code="account", on=d(0), document="1/QĐ-CCXP")
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        amount="3.500.000",
        surcharge="35.000",  # 20 days late
        note="Ngân hàng đã trích chuyển",
    )
    # Only the closing left to record (todo.TO_CLOSE).
    assert set(rows_of(officer, case_id)) == {"executed"}
    assert case_row(case_id).coerced_on is None


def test_a_remedial_measure_still_owed_keeps_the_coercion_listed(
    people,
    lead,  # noqa: F811
):
    """The fine paid, the coercion forces the remedial measure (MQĐ11): the
    row stays until its result is recorded."""
    officer = people["canbo.a"]
    case_id = paid_case(officer, days_ago=30, remedial_measures=MEASURE)
    # Past its deadline with the measure undone: a coercion to consider
    # (MQĐ11), as the dashboard counts it "Quá hạn chấp hành".
    assert set(rows_of(officer, case_id)) == {"coercion"}
    step(lead, case_id, "coerce", code="remedial", on=d(0), document="1/QĐ-CC")
    assert set(rows_of(officer, case_id)) == {"coercing"}
    assert rows_of(officer, case_id)["coercing"]["label"] == (
        f"{LABEL} – biện pháp khắc phục hậu quả"
    )
    step(officer, case_id, "coercion_done", on=d(0), note="Đã cưỡng chế tháo dỡ")
    # Only the closing left to record (todo.TO_CLOSE).
    assert set(rows_of(officer, case_id)) == {"executed"}


def test_a_money_coercion_result_leaves_the_remedial_measure_listed(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, 30, remedial_measures=MEASURE)
    step(officer, case_id, "receipt", on=d(30))
    step(lead, case_id, "coerce", code="account", on=d(0), document="2/QĐ-CC")
    step(
        officer,
        case_id,
        "coercion_done",
        on=d(0),
        amount="3.500.000",
        surcharge="35.000",
        note="Ngân hàng đã trích chuyển",
    )
    assert rows_of(officer, case_id)["coercing"]["label"].endswith(
        "biện pháp khắc phục hậu quả"
    )
    step(officer, case_id, "remedial_done", on=d(0), note="Đã tháo dỡ")
    # Only the closing left to record (todo.TO_CLOSE).
    assert set(rows_of(officer, case_id)) == {"executed"}


def test_interest_and_remedial_measure_owed_are_both_named(
    people,
    lead,  # noqa: F811
):
    """The money coercion collected the fine only: the interest fixed on it
    and the decision's remedial measure are both still owed, and counted."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, LATE + 10, remedial_measures=MEASURE)
    step(officer, case_id, "receipt", on=d(LATE + 10))
    step(lead, case_id, "coerce", code="account", on=d(2), document="1/QĐ-CCXP")
    step(officer, case_id, "coercion_done", on=d(0), amount="3.500.000", note="Thu")
    assert case_row(case_id).surcharge_total == 283_500

    row = rows_of(officer, case_id)["coercing"]
    assert row["label"] == (
        f"Còn {INTEREST} đồng tiền chậm nộp chưa thu và {REMEDY} chưa thực "
        "hiện – ghi nhận kết quả hoặc cưỡng chế tiếp (Điều 78, 85, 86)"
    )
    assert todo_count(officer) == 1 and todo_page(officer)["overdue"] == 1

    # The interest paid: the remedial measure alone is left.
    step(officer, case_id, "payment", on=d(0), surcharge=INTEREST)
    assert rows_of(officer, case_id)["coercing"]["label"] == f"{LABEL} – {REMEDY}"
    assert todo_count(officer) == 1
    step(officer, case_id, "remedial_done", on=d(0), note="Đã tháo dỡ")
    # Only the closing left to record (todo.TO_CLOSE).
    assert set(rows_of(officer, case_id)) == {"executed"}
    assert todo_count(officer) == 0


def test_fine_interest_and_remedial_measure_owed_are_all_named(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, LATE + 10, remedial_measures=MEASURE)
    step(officer, case_id, "receipt", on=d(LATE + 10))
    step(lead, case_id, "coerce", code="account", on=d(1), document="1/QĐ-CCXP")
    assert rows_of(officer, case_id)["coercing"]["label"] == (
        f"{LABEL} – còn tiền phạt 3.500.000 đồng, tiền chậm nộp {INTEREST} đồng "
        f"và {REMEDY}"
    )


def test_several_coercions_count_once_each_and_the_badge_caps(
    people,
    lead,  # noqa: F811
    monkeypatch,
):
    """Each coerced case is one overdue item, beside the other deadlines;
    the badge still stops at its cap."""
    from xlvphc.services.procedure import todo

    officer = people["canbo.a"]
    coerced = [received_case(officer, 30 + i) for i in range(3)]
    for number, case_id in enumerate(coerced, 1):
        step(
            lead,
            case_id,
            "coerce",
            code="account",
            on=d(0),
            document=f"{number}/QĐ-CCXP",
        )
    overdue = received_case(officer, 30)  # not coerced: the coercion kind
    page = todo_page(officer)
    assert {r["case_id"]: r["kind"] for r in page["rows"]} == {
        **dict.fromkeys(coerced, "coercing"),
        overdue: "coercion",
    }
    assert (page["total"], page["overdue"]) == (4, 4)
    assert todo_count(officer) == 4
    monkeypatch.setattr(todo, "BADGE_CAP", 2)
    assert todo_count(officer) == 2
