"""Cases without a record number in «Hồ sơ» and «Việc cần làm» (user trial):
the row's link sits on the decision number, and the record column says why
it is empty (on-the-spot decision, or a register that did not write it
down); the Excel export leaves the fine of a case without decision blank."""

import io

from openpyxl import Workbook, load_workbook

from tests.services.conftest import case_form, decision_form
from tests.services.test_procedure import d
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.services import case_links, case_queries, cases, export, importer
from xlvphc.services.procedure import decide_without_record, todo


def _register_without_record_number() -> bytes:
    """One register row with a decision number and no record number."""
    book = Workbook()
    sheet = book.active
    sheet.append([
        "Số quyết định", "Ngày quyết định", "Ngày vi phạm", "Cá nhân/Tổ chức",
        "Họ tên/Tên tổ chức", "Số định danh/Mã số thuế", "Lĩnh vực",
        "Hành vi vi phạm", "Căn cứ (điều, khoản, nghị định)", "Số tiền phạt",
        "Số tiền đã nộp",
    ])
    sheet.append([
        "25/QĐ-XPHC", d(20), d(25), "Tổ chức", "Công ty cổ phần Ea Kao",
        "6000123456", "Bảo vệ môi trường",
        "Xả nước thải có chứa chất nguy hại vượt quy chuẩn kỹ thuật",
        "khoản 1 Điều 18 Nghị định 45/2022/NĐ-CP", "50.000.000", "0",
    ])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _three_cases(people) -> dict[str, int]:
    """A case with a record (no decision yet), one decided on the spot, and
    one imported from a register without its record number."""
    a = people["canbo.a"]
    recorded = cases.create_case(a, case_form(name="Trần Văn Bảo"))
    spot = decide_without_record(a, spot_form(day=d(3), name="Lê Thị Hoa"))
    report = importer.import_rows(a, _register_without_record_number())
    assert report["created"] == 1, report["problems"]
    [row] = [r for r in case_queries.list_cases(a)["rows"] if r["imported"]]
    return {"recorded": recorded, "spot": spot, "imported": row["id"]}


def test_the_list_links_each_case_by_the_paper_the_officer_knows(people):
    ids = _three_cases(people)
    rows = {
        r["id"]: r for r in case_queries.list_cases(people["canbo.a"])["rows"]
    }
    recorded, spot, imported = (rows[ids[k]] for k in ("recorded", "spot",
                                                        "imported"))
    assert recorded["link_on"] == case_links.ON_RECORD
    assert recorded["record_number"].endswith("/BB-VPHC")
    assert recorded["record_note"] == ""

    assert spot["link_on"] == case_links.ON_DECISION
    assert spot["decision_number"].endswith("/QĐ-XPHC")
    assert (spot["record_number"], spot["record_note"]) == ("", "Không có biên bản")

    assert imported["link_on"] == case_links.ON_DECISION
    assert imported["decision_number"] == "25/QĐ-XPHC"
    assert imported["record_note"] == "Sổ Excel không ghi số BB"


def test_todo_rows_link_by_decision_when_there_is_no_record(people):
    ids = _three_cases(people)
    rows = todo.todo_page(people["canbo.a"])["rows"]
    by_case = {}
    for r in rows:
        by_case.setdefault(r["case_id"], r)
    spot = by_case[ids["spot"]]  # MQĐ01 of 3 days ago: payment due in 7 days
    assert spot["link_on"] == case_links.ON_DECISION
    assert spot["decision_number"].endswith("/QĐ-XPHC")
    assert spot["record_note"] == "Không có biên bản"
    # Never the one-character "—" as the only link any more.
    assert all(r["record_number"] != "—" for r in rows)
    for r in rows:
        assert (r["link_on"] == case_links.ON_RECORD) == (r["record_number"] != "")


def test_link_fields_fall_back_to_open_the_case():
    assert case_links.link_fields(None, "", False, True) == {
        "record_number": "",
        "record_note": "Sổ Excel không ghi số BB",
        "link_on": case_links.ON_CASE,
    }
    # An on-the-spot decision read from a register: no record was made.
    assert case_links.link_fields("", "3/QĐ-XPHC", True, True)["record_note"] == (
        "Không có biên bản"
    )
    assert case_links.link_fields(" 7/BB-VPHC ", "3/QĐ-XPHC", False, False) == {
        "record_number": "7/BB-VPHC",
        "record_note": "",
        "link_on": case_links.ON_RECORD,
    }


def test_export_leaves_the_fine_of_an_undecided_case_blank(people):
    a = people["canbo.a"]
    pending = cases.create_case(a, case_form(name="Trần Văn Bảo"))
    decided = cases.create_case(a, case_form(name="Nguyễn Thị Lan"))
    number = cases.issue_decision(a, decided, decision_form(version=1))
    _, data = export.export_cases(a, {})
    ws = load_workbook(io.BytesIO(data)).active
    heads = [c.value for c in ws[4]]
    fine_col = heads.index("Tiền phạt (đồng)")
    paid_col = heads.index("Đã nộp (đồng)")
    by_name = {row[4]: row for row in ws.iter_rows(min_row=5, values_only=True)}
    assert pending > 0
    undecided = by_name["Trần Văn Bảo"]
    assert (undecided[1], undecided[fine_col], undecided[paid_col]) == (
        None, None, None
    )
    shown = case_queries.get_case(a, decided)
    row = by_name["Nguyễn Thị Lan"]
    assert row[1] == number
    # A real number, the case's fine, that the sheet can sum; nothing paid yet.
    assert isinstance(row[fine_col], int) and row[fine_col] > 0
    assert shown["fine_total"].startswith(f"{row[fine_col]:,}".replace(",", "."))
    assert row[paid_col] == 0


def test_list_rows_open_their_case_and_keep_one_link():
    """Both lists: the row (a card on a phone) opens the case, the link's
    own click does not open it twice, and the link is on the record, the
    decision or "Mở hồ sơ" as the service's link_on says."""
    from tests.services.test_phone_lists import _escaped, _page_text

    for module, page, id_key in (("cases", "case_list_page", "id"),
                                 ("todo", "todo_page", "case_id")):
        text = _page_text(module, page)
        assert 'className:"xl-row-opens"' in text, module
        assert '"_redirect", ({ ["path"] : ("/ho-so/chi-tiet?id="+' in text
        assert f'?.["{id_key}"]' in text
        # Three places for the one link, each stopping the row's click.
        assert text.count('className:"xl-case-link"') == 3, module
        assert text.count("stopPropagation") == 3, module
        for where in (case_links.ON_RECORD, case_links.ON_DECISION,
                      case_links.ON_CASE):
            assert f'["link_on"]?.valueOf?.() === "{where}"' in text, (
                module, where)
        assert _escaped(case_links.OPEN) in text
