"""A file the upload guard refuses (403) leaves no previous result behind.

Each upload page (Excel import, bulk accounts, feedback screenshot) sends
`upload_starting` just before its file goes up, which drops the previous
file's result, and holds a hidden button (upload_guard.refusal_trigger) that
assets/upload_cookie.js clicks on a 403, whose `upload_refused` says on the
page why the file was not processed. Before, the page kept showing the
previous file's result, which read as the new file processed (user trial).
The browser path is in test_upload_guard_browser.py.
"""

import re
from pathlib import Path

import pytest

from tests.security.conftest import new_state
from xlvphc.pages.accounts import _bulk
from xlvphc.pages.feedback import UPLOAD_ID as SHOT_ID
from xlvphc.pages.feedback import _send_form
from xlvphc.pages.importer import _step2
from xlvphc.state.accounts import AccountsState
from xlvphc.state.feedback import FeedbackState
from xlvphc.state.importer import ImportState
from xlvphc.upload_guard import UPLOAD_REFUSED, refusal_trigger

SCRIPT = Path(__file__).resolve().parents[2] / "assets" / "upload_cookie.js"


def _run(cls, state, name: str) -> None:
    cls.event_handlers[name].fn(state)


def _import_state_with_a_result():
    _, state = new_state(ImportState)
    state.file_name = "so-cu.xlsx"
    state.preview = {"rows": 3, "valid": 2, "existing": 0, "invalid": 1}
    state.problems = ["Dòng 4, cột Họ tên: chưa có."]
    state.report = {"created": 2, "existing": 0, "invalid": 1}
    state._data = b"PK old workbook"
    state.message = "Tệp trước có lỗi."
    return state


@pytest.mark.parametrize("handler", ["upload_starting", "upload_refused"])
def test_import_page_drops_the_previous_files_result(handler):
    state = _import_state_with_a_result()
    _run(ImportState, state, handler)
    assert (state.file_name, state.preview, state.problems, state.report) == (
        "",
        {},
        [],
        {},
    )
    assert state._data == b""
    refused = handler == "upload_refused"
    assert state.message == (UPLOAD_REFUSED if refused else "")


@pytest.mark.parametrize("handler", ["upload_starting", "upload_refused"])
def test_bulk_accounts_drop_the_previous_lists_problems_only(handler):
    _, state = new_state(AccountsState)
    state.errors = {"file": "Dòng 3: mã đơn vị XYZ không có.", "username": "Trùng."}
    state.issued = [{"user_id": 7, "password": "x"}]
    _run(AccountsState, state, handler)
    kept = {"username": "Trùng."}
    if handler == "upload_refused":
        kept["file"] = UPLOAD_REFUSED
    assert state.errors == kept
    # The passwords handed out before stay listed: they are not the list's.
    assert state.issued == [{"user_id": 7, "password": "x"}]


@pytest.mark.parametrize("handler", ["upload_starting", "upload_refused"])
def test_feedback_drops_the_image_attached_before(handler):
    _, state = new_state(FeedbackState)
    state._shot, state.attached = b"\x89PNG old", "Đã đính kèm ảnh PNG (1 KB)."
    state.errors = {"screenshot": "Ảnh trước lớn quá.", "text": "Chưa có nội dung."}
    _run(FeedbackState, state, handler)
    assert (state._shot, state.attached) == (b"", "")
    kept = {"text": "Chưa có nội dung."}
    if handler == "upload_refused":
        kept["screenshot"] = UPLOAD_REFUSED
    assert state.errors == kept


def test_the_script_clicks_the_pages_triggers_and_says_the_same_words():
    script = SCRIPT.read_text(encoding="utf-8")
    words = re.search(r"var REFUSED =\s*(.*?);\n", script, re.DOTALL).group(1)
    assert "".join(re.findall(r'"([^"]*)"', words)) == UPLOAD_REFUSED
    assert 'querySelectorAll("[data-upload-refused]")' in script
    assert "tellThePage();" in script


@pytest.mark.parametrize(
    ("section", "cls", "upload"),
    [
        (_step2, ImportState, "handle_upload"),
        (_bulk, AccountsState, "upload_list"),
    ],
)
def test_each_upload_button_starts_clean_and_holds_a_trigger(section, cls, upload):
    rendered = str(section())
    assert "data-upload-refused" in rendered
    starting = rendered.index(f"{cls.get_full_name()}.upload_starting")
    assert starting < rendered.index(f"{cls.get_full_name()}.{upload}")
    assert f"{cls.get_full_name()}.upload_refused" in rendered


def test_the_feedback_box_starts_clean_on_drop():
    form = _send_form()
    rendered = str(form)
    assert SHOT_ID in rendered and "data-upload-refused" in rendered
    # The box's on_drop chain lives in its useDropzone hook.
    hooks = " ".join(form._get_all_hooks())
    name = FeedbackState.get_full_name()
    assert hooks.index(f'{name}.upload_starting"') < hooks.index(f'{name}.attach"')
    assert f"{name}.upload_refused" in rendered


def test_the_trigger_is_hidden_and_out_of_the_tab_order():
    rendered = str(refusal_trigger(ImportState.upload_refused))
    assert '"data-upload-refused":""' in rendered
    assert '["display"] : "none"' in rendered and "tabIndex:-1" in rendered
    assert ".upload_refused" in rendered
