"""Tài khoản: "Sửa" in a row of the list brings the edit panel into sight
and puts the cursor in its first box (user trial: the panel opened at the
top of the page, and at 1366×900 nothing seemed to happen).

The handler answers with a script; the script is run here under Node with
a small stand-in for the page, as the browser would run it."""

import json
import shutil
import subprocess

import pytest

from tests.security.conftest import at_page, new_state, run_coroutine
from tests.services.conftest import PASSWORD
from xlvphc.services import auth
from xlvphc.state.accounts import EDIT_FORM_ID, AccountsState, show_edit_form

NODE = shutil.which("node")


def _opened(username: str) -> AccountsState:
    root, state = new_state(AccountsState, auth.login(username, PASSWORD).token)
    at_page(root, "/tai-khoan")
    return state


def _run(state, handler: str, *args):
    async def drive():
        result = AccountsState.event_handlers[handler].fn(state, *args)
        return await result if hasattr(result, "__await__") else result

    return run_coroutine(drive())


def _script_of(event) -> str:
    """The JavaScript an rx.call_script event runs."""
    (name, code), _callback = event.args
    assert name._js_expr == "javascript_code"
    return code._var_value


def test_sua_answers_with_the_script_for_that_account(people):
    state = _opened("quantri")
    _run(state, "open")
    row = next(r for r in state.rows if r["username"] == "canbo.b")

    event = _run(state, "start_edit", row["id"])

    assert state.editing["id"] == row["id"]
    assert _script_of(event) == show_edit_form(row["id"])
    assert f'[data-account=\\"{row["id"]}\\"]' in _script_of(event)


def test_a_refused_edit_scrolls_nowhere(people):
    state = _opened("canbo.a")  # not an administrator
    event = _run(state, "start_edit", 1)
    assert state.editing == {}
    assert "scrollIntoView" not in str(event)


def test_the_edit_panel_carries_the_id_and_account_the_script_looks_for():
    from xlvphc.pages.accounts import _edit_form

    text = str(_edit_form().render())
    assert f'id:"{EDIT_FORM_ID}"' in text
    assert '"data-account":' in text or "data-account" in text
    # Clear of the sticky top bar when scrolled to.
    assert '["scrollMarginTop"] : "5em"' in text


# A stand-in page: the panel appears after two frames (React draws it after
# the handler's answer), with a hidden input before its first box.
PAGE = """
const calls = [];
let frames = 0;
const first = {focus: (o) => calls.push(['focus', o])};
const form = {
  scrollIntoView: (o) => calls.push(['scroll', o]),
  querySelector: (q) => { calls.push(['query', q]); return first; },
};
globalThis.document = {
  querySelector: (q) => {
    calls.push(['find', q]);
    return frames >= 2 && q === WANTED ? form : null;
  },
};
globalThis.requestAnimationFrame = (fn) => { frames += 1; fn(); };
"""


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
@pytest.mark.parametrize(("shown", "asked"), [(7, 7), (7, 8)])
def test_the_script_waits_for_the_panel_then_scrolls_and_focuses(shown, asked):
    wanted = f'#{EDIT_FORM_ID}[data-account="{shown}"]'
    program = (
        f"const WANTED = {json.dumps(wanted)};"
        + PAGE
        + show_edit_form(asked)
        + ";console.log(JSON.stringify(calls));"
    )
    done = subprocess.run(
        [NODE, "-e", program], check=False, capture_output=True, text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    calls = json.loads(done.stdout)

    if shown != asked:
        # Another account's panel is never scrolled to; the script gives up.
        assert [c[0] for c in calls] == ["find"] * 61
        return
    assert [c[0] for c in calls] == ["find"] * 3 + ["scroll", "query", "focus"]
    assert calls[0][1] == wanted
    assert calls[3][1] == {"block": "start"}
    assert calls[4][1] == "input:not([type=hidden]), select"
    assert calls[5][1] == {"preventScroll": True}
