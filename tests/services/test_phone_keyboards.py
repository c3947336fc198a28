"""On a phone, a box that takes digits opens the number pad (user trial:
amounts, CCCD numbers and day counts were plain text boxes, so phones
opened the letter keyboard). Dates and times open it too (a later trial:
typing a date on the full keyboard on the spot was slow): many number pads
lack "/" and ":", so digits alone are enough ("05122026", "1430";
assets/input_format.js writes them out, domain/dates.py reads them).

A passport number starts with a letter, which an iPhone's number pad
cannot type: the ID box of a foreigner (by "Quốc tịch") keeps the letters."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from xlvphc.components.fields import (
    DATE_ATTRS,
    FORMAT_SCRIPT_SRC,
    MONEY_ATTRS,
    TIME_ATTRS,
    field,
)
from xlvphc.components.violator_fields import (
    ID_KEYBOARD_SCRIPT,
    id_keyboard,
    violator_fields,
)
from xlvphc.state.case_edit import CaseEditState
from xlvphc.state.case_form import CaseFormState

NODE = shutil.which("node")
SCRIPT = Path(__file__).parents[2] / "assets" / FORMAT_SCRIPT_SRC.lstrip("/")


def _props(component, box: str) -> list[str]:
    """The rendered props of the input whose id is `box`."""
    found: list[list[str]] = []

    def walk(tree) -> None:
        if isinstance(tree, dict):
            props = tree.get("props") or []
            if f'id:"{box}"' in props and "name" in tree:
                found.append(props)
            for value in tree.values():
                walk(value)
        elif isinstance(tree, list):
            for item in tree:
                walk(item)

    walk(component.render())
    assert len(found) == 1, f"{box}: {len(found)} inputs"
    return found[0]


def _mode(component, box: str) -> str | None:
    modes = [p for p in _props(component, box) if p.startswith("inputMode:")]
    return modes[0].removeprefix("inputMode:") if modes else None


def _all(parts) -> object:
    import reflex as rx

    return rx.box(*parts)


def _date_marked(component, box: str) -> bool:
    """Whether the box carries DATE_ATTRS, which input_format.js looks for."""
    return '"data-date":"1"' in _props(component, box)


def test_a_field_passes_its_keyboard_and_none_by_default():
    assert _mode(field("Tiền", "amount", input_mode="numeric"), "amount") == (
        '"numeric"'
    )
    assert _mode(field("Ghi chú", "note"), "note") is None


def _page(name: str):
    from xlvphc.pages import case_form

    page = getattr(case_form, name)
    return getattr(page, "__wrapped__", page)()


def test_decision_form_number_boxes_open_the_number_pad():
    form = _page("decision_page")
    assert _mode(form, "payment_days") == '"numeric"'
    # A date too: digits alone are enough (it is written out when left).
    assert _mode(form, "decided_on") == '"numeric"'
    assert _date_marked(form, "decided_on")
    assert _mode(form, "signer_name") is None


def test_case_list_amount_and_article_filters_open_the_number_pad():
    from xlvphc.pages.cases import _more_filters

    filters = _more_filters()
    for box in ("amount_min", "amount_max", "article", "v_from", "d_to"):
        assert _mode(filters, box) == '"numeric"', box
    assert _mode(filters, "decree") is None
    assert _date_marked(filters, "v_from") and _date_marked(filters, "d_to")


def test_the_fine_boxes_open_the_number_pad():
    from xlvphc.pages.case_form import _fine_row
    from xlvphc.state.case_form import DecisionFormState

    text = str(_fine_row(DecisionFormState.acts[0]).render())
    assert 'inputMode:"numeric"' in text


def test_the_new_case_id_and_date_boxes_open_the_number_pad():
    form = _all(violator_fields(CaseFormState))
    assert _mode(form, "id_number") == '"numeric"'
    for box in ("birth_date", "id_issued_on", "registration_issued_on"):
        assert _mode(form, box) == '"numeric"', box
        assert _date_marked(form, box), box
    for box in ("name", "tax_code"):
        assert _mode(form, box) is None, box
    nationality = _props(form, "nationality")
    assert any(p.startswith("onBlur:") and "id_number" in p for p in nationality)


def test_the_edit_forms_id_box_follows_the_saved_nationality():
    form = _all(violator_fields(CaseEditState, CaseEditState.values))
    mode = _mode(form, "id_number")
    assert mode is not None and '"numeric"' in mode and '"text"' in mode
    assert "nationality" in mode


@pytest.mark.parametrize(
    ("nationality", "mode"),
    [
        ("Việt Nam", "numeric"),
        ("  viet nam ", "numeric"),
        ("VN", "numeric"),
        ("", "numeric"),
        ("Hàn Quốc", "text"),
        ("Lào", "text"),
    ],
)
def test_the_id_keyboard_by_nationality(nationality, mode):
    assert id_keyboard(nationality) == mode


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
@pytest.mark.parametrize(
    ("typed", "mode"),
    [("Hàn Quốc", "text"), ("Việt Nam", "numeric"), (" việt nam ", "numeric")],
)
def test_leaving_nationality_sets_the_id_keyboard(typed, mode):
    """The script run on leaving "Quốc tịch", under Node with two boxes."""
    program = (
        "const boxes = {id_number: {inputMode: 'numeric'},"
        f" nationality: {{value: {json.dumps(typed)}}}}};"
        "globalThis.document = {getElementById: (id) => boxes[id] || null};"
        + ID_KEYBOARD_SCRIPT
        + ";console.log(boxes.id_number.inputMode);"
    )
    done = subprocess.run(
        [NODE, "-e", program], check=False, capture_output=True, text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == mode


def test_the_new_case_page_renders_the_id_keyboard():
    assert _mode(_page("case_new_page"), "id_number") == '"numeric"'


@pytest.mark.parametrize(
    ("module", "name"),
    [("dashboard", "dashboard_page"), ("reports", "reports_page")],
)
def test_the_period_filters_year_box_opens_the_number_pad(module, name):
    """User trial: the dashboard's "Năm" box opened the full keyboard for
    four digits. The report page shares the filter form."""
    import importlib

    page = getattr(importlib.import_module(f"xlvphc.pages.{module}"), name)
    rendered = getattr(page, "__wrapped__", page)()
    assert _mode(rendered, "year") == '"numeric"'
    # Still no date: "2026" is not written out as one on leaving the box.
    assert not _date_marked(rendered, "year")
    assert _mode(rendered, "date_from") == '"numeric"'
    assert _date_marked(rendered, "date_from")


def test_step_day_counts_are_whole_number_fields():
    """User trial: the coercion step's "Thời hạn chuyển tiền (ngày)" and
    "Thời gian thực hiện (ngày)" opened the letter keyboard. Every count of
    days a step asks is a "number" field (the seizure's period too)."""
    from xlvphc.services.procedure import details

    fields = details.COERCE + details.SEIZE + details.EXTEND_SEIZURE
    kinds = {f.name: f.kind for f in fields}
    assert kinds["transfer_days"] == kinds["period"] == kinds["days"] == "number"
    # With the remedial part's period of a combined decision (MQĐ12a-c).
    assert kinds["remedial_period"] == "number"
    counts = [f for f in fields if "(ngày" in f.label]
    assert len(counts) == 4
    assert all(f.kind == "number" for f in counts)


def _step_keyboard() -> str:
    """The JavaScript expression the step form's input gives `inputMode`."""
    from xlvphc.components.procedure_panel import _step_form

    rendered = str(_step_form().render())
    start = rendered.index("inputMode:") + len("inputMode:")
    return rendered[start : rendered.index("', '", start)]


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
@pytest.mark.parametrize(
    ("kind", "mode"),
    [("money", "numeric"), ("number", "numeric"), ("text", "text"),
     ("date", "numeric"), ("time", "numeric")],
)
def test_the_step_form_picks_the_keyboard_by_field_kind(kind, mode):
    """The step form's expression, run under Node for one field of `kind`
    (pyOr as Reflex's state.js defines it)."""
    expression = _step_keyboard()
    field = re.search(r'(\w+)\?\.\["kind"\]', expression).group(1)
    program = (
        "const isTrue = (v) => Boolean(v);"
        "const pyOr = (a, b) => (isTrue(a) ? a : b());"
        f"const {field} = {{kind: {json.dumps(kind)}}};"
        f"console.log({expression});"
    )
    done = subprocess.run(
        [NODE, "-e", program], check=False, capture_output=True, text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == mode


@pytest.mark.parametrize(
    ("marks", "attrs"),
    [({"money": True}, MONEY_ATTRS), ({"date": True}, DATE_ATTRS),
     ({"time": True}, TIME_ATTRS)],
)
def test_a_marked_field_carries_its_attribute_and_opens_the_number_pad(
    marks, attrs
):
    props = _props(field("Ô", "box", **marks), "box")
    (name, value), = attrs.items()
    assert f'"{name}":"{value}"' in props
    assert 'inputMode:"numeric"' in props
    others = {"data-money", "data-date", "data-time"} - {name}
    assert not any(p.startswith(f'"{o}"') for o in others for p in props)


def test_the_case_forms_date_and_time_boxes_are_marked():
    """Violation and record: the first boxes a phone user fills in, on the
    new case (and so on the spot) and on its edit; the first pair says
    that digits alone are enough."""
    from xlvphc.pages import case_edit

    new = _page("case_new_page")
    edit = case_edit._form()
    for form in (new, edit):
        for box in ("violation_date", "record_date"):
            assert _date_marked(form, box), box
        for box in ("violation_time", "record_time"):
            assert '"data-time":"1"' in _props(form, box), box
            assert _mode(form, box) == '"numeric"', box
    text = str(new.render())
    assert "05122026" in text and "1430" in text


def test_the_step_forms_time_boxes_are_time_fields():
    """Start and end hours of the steps (hearing, verification, seizure)."""
    from xlvphc.services.procedure import details

    times = (details.START, details.END, details.START_ANY)
    assert {f.name for f in times} == {"start_time", "end_time"}
    assert all(f.kind == "time" for f in times)


def test_the_step_form_marks_dates_and_times_by_kind():
    from xlvphc.components.procedure_panel import _step_form

    rendered = str(_step_form().render())
    for name in ("money", "date", "time"):
        marked = rf'"data-{name}":\(\(\w+\?\.\["kind"\]\S* === "{name}"\S*\) \? "1"'
        assert re.search(marked, rendered), name


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
@pytest.mark.parametrize(
    ("kind", "typed", "shown"),
    [
        ("date", "05122026", "05/12/2026"),
        ("date", " 05122026 ", "05/12/2026"),
        ("date", "05/12/2026", "05/12/2026"),
        ("date", "5122026", "5122026"),  # not 8 digits: the server says so
        ("date", "hôm qua", "hôm qua"),
        ("time", "1430", "14:30"),
        ("time", "930", "09:30"),
        ("time", "14:30", "14:30"),
        ("time", "14", "14"),
        ("time", "chiều", "chiều"),
        ("money", "35000000", "35.000.000"),
        ("money", "1,5 triệu", "1,5 triệu"),
        ("", "05122026", "05122026"),  # an unmarked box
    ],
)
def test_leaving_a_box_writes_out_its_digits(kind, typed, shown):
    """assets/input_format.js under Node: its focusout listener, called for
    a box of `kind` holding `typed`."""
    dataset = {kind: "1"} if kind else {}
    program = (
        "let listener = null;"
        "globalThis.document = {addEventListener: (t, f) => {"
            " if (t === 'focusout') { listener = f; } }};"
        + SCRIPT.read_text(encoding="utf-8")
        + f";const box = {{dataset: {json.dumps(dataset)},"
        f" value: {json.dumps(typed)}}};"
        "listener({target: box});"
        "console.log(JSON.stringify(box.value));"
    )
    done = subprocess.run(
        [NODE, "-e", program], check=False, capture_output=True, text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == shown
