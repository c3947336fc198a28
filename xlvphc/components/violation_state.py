"""Whether the violation was still going on when detected, and when it was
detected: fields of the new-case form (pages/case_form.py) and of the edit
form (pages/case_edit.py), read by services.case_input.read_detection."""

import reflex as rx

from xlvphc.components.fields import error_for, field

HINT = (
    "Vi phạm đang thực hiện: thời hiệu xử phạt tính từ ngày phát hiện, không "
    "phải từ ngày vi phạm (Điều 6 Luật XLVPHC; Điều 8 khoản 1 Nghị định "
    "118/2021)."
)


def continuing_fields(
    checked: bool | rx.Var = False, detected: str | rx.Var = ""
) -> list[rx.Component]:
    """A native checkbox (sends "1" when ticked, nothing otherwise) and the
    detection date, uncontrolled like the other fields, read on submit."""
    return [
        rx.box(
            rx.el.label(
                rx.el.input(
                    type="checkbox",
                    name="continuing",
                    value="1",
                    id="continuing",
                    default_checked=checked,
                ),
                rx.text(
                    " Vi phạm đang thực hiện khi bị phát hiện (chưa chấm dứt)",
                    as_="span",
                    size="2",
                    weight="medium",
                ),
                display="flex",
                align_items="center",
                gap="0.4em",
            ),
            rx.text(HINT, size="1", color_scheme="gray"),
            error_for("continuing"),
            min_width="220px",
            flex="1 1 220px",
        ),
        field(
            "Ngày phát hiện vi phạm",
            "detected_on",
            default=detected,
            placeholder="ngày/tháng/năm",
            date=True,
            hint="Bắt buộc khi vi phạm đang thực hiện; không sau ngày lập biên bản.",
        ),
    ]
