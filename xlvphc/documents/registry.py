"""One entry point for every printable form, looked up by its code.

Services and pages ask for a form by the code the Phụ lục to Nghị định
118/2021/NĐ-CP gives it ("MBB01", "MQĐ02"), so a new form is added here once
and becomes printable everywhere without touching callers.
"""

import unicodedata
from collections.abc import Callable
from typing import Any

from xlvphc.documents.mbb01 import render_record
from xlvphc.documents.mqd02 import render_decision

RENDERERS: dict[str, Callable[[Any], bytes]] = {
    "MBB01": render_record,
    "MQĐ02": render_decision,
}


def render(form_code: str, data: Any) -> bytes:
    """Render the form `form_code` from its data.

    Args:
        form_code: The form's code, e.g. "MBB01" or "MQĐ02" (case and Unicode
            normalisation do not matter; "MQD02" is accepted for "MQĐ02"
            because the letter Đ is often lost when typed).
        data: The matching data object from `xlvphc.documents.data`.

    Returns:
        The PDF file as bytes.

    Raises:
        KeyError: If no renderer exists for the code.
    """
    code = unicodedata.normalize("NFC", form_code).strip().upper()
    code = code.replace("QD", "QĐ")
    try:
        renderer = RENDERERS[code]
    except KeyError:
        raise KeyError(f"no renderer for form {form_code!r}") from None
    return renderer(data)
