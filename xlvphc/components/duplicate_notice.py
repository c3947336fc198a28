"""The «Vẫn lưu hồ sơ mới» box of the new-case and on-the-spot (MQĐ01)
forms, shown once a save was refused as a possible repeat of a case of the
unit (services.cases)."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.case_fields import confirmation_box
from xlvphc.services.cases import DUPLICATE_CONFIRMED, DUPLICATE_LINK
from xlvphc.state.case_form import CaseFormState


def duplicate_notice() -> rx.Component:
    """The refusal text (under the box, from `errors`), a link to the case
    already saved, opened in a new tab so that the form keeps what was typed,
    and the box that lets the officer save a different matter anyway."""
    return rx.cond(
        CaseFormState.duplicate_id != "",
        rx.card(
            confirmation_box(
                DUPLICATE_CONFIRMED,
                "Vẫn lưu hồ sơ mới",
                "Đánh dấu khi đây là vụ việc khác với hồ sơ đã có (cùng người vi "
                "phạm, cùng ngày vi phạm), rồi bấm lưu lại.",
            ),
            rx.link(
                rx.flex(rx.icon("external-link", size=16), DUPLICATE_LINK,
                        align="center", spacing="1"),
                href=f"{routes.CASE_DETAIL}?id=" + CaseFormState.duplicate_id,
                is_external=True,
                id="mo-ho-so-trung",
                size="2",
            ),
            width="100%",
            id="ho-so-co-the-trung",
        ),
    )
