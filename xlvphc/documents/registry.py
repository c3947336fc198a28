"""One entry point for every printable form, looked up by its code.

Services and pages ask for a form by the code the Phụ lục to Nghị định
118/2021/NĐ-CP gives it ("MBB01", "MQĐ02"), so a new form is added once (a
module in `documents/forms/` with a `SPEC`) and becomes printable everywhere
without touching callers.
"""

import importlib
import pkgutil
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

from xlvphc.documents import forms
from xlvphc.documents.blank import render_blank_main
from xlvphc.documents.data import FormData
from xlvphc.documents.mbb01 import render_record
from xlvphc.documents.mqd02 import render_decision
from xlvphc.documents.template import FormSpec, render_form

RENDERERS: dict[str, Callable[[Any], bytes]] = {
    "MBB01": render_record,
    "MQĐ02": render_decision,
}


@cache
def specs() -> dict[str, FormSpec]:
    """Every template-driven form, by code, found in `documents/forms/`: a
    module's `SPEC`, or its `SPECS` when it writes a family of forms at once
    (MQĐ12a-c)."""
    found: dict[str, FormSpec] = {}
    for info in pkgutil.iter_modules(forms.__path__):
        module = importlib.import_module(f"{forms.__name__}.{info.name}")
        family = (getattr(module, "SPEC", None), *getattr(module, "SPECS", ()))
        for spec in family:
            if isinstance(spec, FormSpec):
                found[normalise(spec.code)] = spec
    return found


def normalise(form_code: str) -> str:
    """ "mqd03" -> "MQĐ03": case and Unicode form do not matter, and "QD"
    stands for "QĐ" because the letter Đ is often lost when typed."""
    code = unicodedata.normalize("NFC", str(form_code)).strip().upper()
    code = code.replace("QD", "QĐ")
    # Only the MQĐ12a-c variants carry a letter; it is lower case there.
    return code[:5] + code[5:].lower()


def codes() -> list[str]:
    """All printable form codes, records first, in the appendix order."""
    every = set(RENDERERS) | {spec.code for spec in specs().values()}
    return sorted(every, key=lambda c: (c[:3] != "MBB", int(c[3:5]), c[5:]))


def title(form_code: str) -> str:
    """A short human title of the form, for menus."""
    code = normalise(form_code)
    if code == "MBB01":
        return "Biên bản vi phạm hành chính"
    if code == "MQĐ02":
        return "Quyết định xử phạt vi phạm hành chính"
    spec = specs()[code]
    kind = "Quyết định" if spec.is_decision else "Biên bản"
    subject = re.sub(r"[<>]", "", spec.subject)
    if not subject or not spec.is_decision and spec.title != "BIÊN BẢN":
        # Records titled in full ("BIÊN BẢN LÀM VIỆC") carry no subject line.
        subject = spec.title.removeprefix("BIÊN BẢN").strip().lower()
    # Placeholders read as the blank form prints them.
    subject = re.sub(r"\{[^{}=]*=([^{}]*)\}", r"\1", subject)
    subject = subject.replace("{kind}", "cá nhân/tổ chức")
    subject = subject.replace("/Miễn", "/miễn")
    name = f"{kind} {subject[:1].lower()}{subject[1:]}".strip()
    return name + _VARIANTS.get(code, "")


# The three combined coercion forms share one title (Phụ lục, items 12-14).
_VARIANTS = {
    "MQĐ12a": " (khấu trừ lương, thu nhập, tài khoản và khắc phục hậu quả)",
    "MQĐ12b": " (kê biên tài sản và khắc phục hậu quả)",
    "MQĐ12c": " (thu tiền, tài sản và khắc phục hậu quả)",
}


def render(form_code: str, data: Any) -> bytes:
    """Render the form `form_code` from its data.

    Args:
        form_code: The form's code, e.g. "MBB01" or "MQĐ03".
        data: `RecordData` (MBB01), `DecisionData` (MQĐ02) or `FormData`
            (every other form; MBB01/MQĐ02 also accept a blank `FormData`).

    Returns:
        The PDF file as bytes.

    Raises:
        KeyError: If no renderer exists for the code.
    """
    code = normalise(form_code)
    if isinstance(data, FormData) and code in specs():
        return render_form(specs()[code], data)
    if isinstance(data, FormData) and code in RENDERERS:
        if not data.blank:
            raise TypeError(f"{code} is filled from its own data class")
        return render_blank_main(code, data)
    try:
        renderer = RENDERERS[code]
    except KeyError:
        raise KeyError(f"no renderer for form {form_code!r}") from None
    return renderer(data)
