"""Unsaved changes on the long forms: the "leave this page?" guard, and a
draft kept in the browser tab (assets/form_guard.js does the work).

An officer fills the case form at the scene; a reload, a menu click or Back
used to empty it without a word. Guarded forms now ask before the page is
left while something typed is not saved; the new-case and on-the-spot forms
also keep what is typed in the tab's sessionStorage (never the server, never
localStorage: it holds a violator's personal data and must go with the tab),
per page and per user, and put it back when the form opens again. The boxes
stay uncontrolled (components/fields.py): the script reads and writes the
DOM, so typing costs no round trip. The chosen acts live in the server's
state instead: the draft keeps the catalogue acts' ids and the boxes of the
acts typed by the officer («ngoài danh mục»), and the form's on_load asks
the script for them (draft_acts) and re-adds them through a handler whose
services check them again (the catalogue; services.typed_acts)."""

import json

import reflex as rx

SCRIPT_SRC = "/form_guard.js"
LEAVE_TEXT = "Bạn có thay đổi chưa lưu. Rời trang này?"
RESTORED_TEXT = "Đã khôi phục dữ liệu đang nhập dở."
CLEAR_TEXT = "Xóa bản nháp"


def script() -> rx.Component:
    """For the app's head: a plain script tag in the prerendered page, run
    before the app's modules (its Back guard must listen before the
    router does)."""
    return rx.el.script(src=SCRIPT_SRC)


def guard_attrs(draft: str | rx.Var = "", state=None) -> dict:
    """The custom_attrs of an `rx.form` to guard. `draft`: the page key
    under which the tab keeps a draft ("" for none; a state var for a form
    whose key changes, a step form of the case page); `state`: the form's
    state, with `kind` (violator) and `selected` (chosen acts), told to
    the script so that the draft keeps them (the catalogue acts as their
    ids, the typed ones as their rows)."""
    # Imported here: the session state imports this module (logout).
    from xlvphc.state.session import SessionState

    attrs: dict = {"data-xl-guard": "1", "data-xl-leave-text": LEAVE_TEXT}
    if isinstance(draft, rx.Var) or draft:
        attrs |= {
            "data-xl-draft": draft,
            "data-xl-user": SessionState.user_login,
            "data-xl-unit": SessionState.user_unit,
        }
    if state is not None:
        attrs |= {
            "data-xl-kind": state.kind,
            "data-xl-acts": state.selected.map(lambda row: row["id"]).join(","),
            # The chosen rows as JSON: the script keeps the typed ones' boxes
            # (typed_acts.row), the only way to give them back after a reload.
            "data-xl-typed": state.selected.to_string(),
        }
    return attrs


def draft_notice() -> rx.Component:
    """Inside a drafted form: hidden until the script restores a draft."""
    return rx.box(
        rx.callout.root(
            rx.callout.icon(rx.icon("history")),
            rx.callout.text(
                RESTORED_TEXT,
                " ",
                rx.button(
                    CLEAR_TEXT,
                    type="button",
                    size="1",
                    variant="soft",
                    id="xoa-ban-nhap",
                    custom_attrs={"data-xl-draft-clear": "1"},
                ),
            ),
            color_scheme="blue",
            role="status",
        ),
        display="none",
        width="100%",
        class_name="xl-draft-notice",
        id="ban-nhap-khoi-phuc",
    )


def draft_acts(callback):
    """Returned by a drafted form's on_load handler once it has reset the
    form's state: the script answers, when the form is shown, with the
    catalogue ids of the tab's draft, then its typed acts as objects ([]
    without one), and `callback` (a handler taking that list) re-adds them.
    Asked by the server so that the answer comes after the reset, never
    before it."""
    return rx.call_script(
        "window.xlvphcForms ? window.xlvphcForms.draftActs() : []",
        callback=callback,
    )


def saved():
    """Returned by a save handler once saved: nothing left to ask about, and
    the tab's draft of the form is gone."""
    return rx.call_script("window.xlvphcForms && window.xlvphcForms.saved()")


def drop_draft(page: str):
    """Returned once the form drafted under the page key `page` is done with
    (a step recorded or cancelled), when the form may already have left the
    page: this tab's drafts under that key are gone."""
    return rx.call_script(
        "window.xlvphcForms && window.xlvphcForms.dropDraft("
        + json.dumps(str(page))
        + ")"
    )


def forget_drafts():
    """At logout: every draft this tab holds."""
    return rx.call_script("window.xlvphcForms && window.xlvphcForms.forgetDrafts()")
