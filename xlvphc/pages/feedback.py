"""Phản ánh khó khăn, vướng mắc: the trial-run feedback channel."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import error_for, field, form_message
from xlvphc.components.shell import page
from xlvphc.models.feedback import FeedbackCategory, FeedbackStatus
from xlvphc.services import feedback
from xlvphc.state.feedback import FeedbackState
from xlvphc.upload_guard import refusal_trigger

UPLOAD_ID = "anh-chup"


def _native_select(label: str, name: str, options: dict, first: str = ""):
    return rx.box(
        rx.text(
            label,
            as_="label",
            custom_attrs={"htmlFor": name},
            size="2",
            weight="medium",
        ),
        rx.el.select(
            *([rx.el.option(first, value="")] if first else []),
            *[rx.el.option(v, value=k) for k, v in options.items()],
            name=name,
            id=name,
            class_name="xl-select",
        ),
        error_for(name),
        flex="1 1 220px",
    )


def _send_form() -> rx.Component:
    return rx.card(
        rx.heading("Gửi phản ánh", size="4"),
        rx.form(
            rx.flex(
                _native_select(
                    "Loại phản ánh", "category", FeedbackCategory.LABELS, "— Chọn —"
                ),
                field(
                    "Nội dung",
                    "text",
                    multiline=True,
                    full=True,
                    required=True,
                    placeholder="Mô tả khó khăn, vướng mắc: đang làm gì, ở màn "
                    "hình nào, điều gì xảy ra…",
                ),
                wrap="wrap",
                spacing="3",
            ),
            rx.upload(
                rx.flex(
                    rx.icon("image", size=18),
                    rx.text(
                        "Ảnh chụp màn hình (không bắt buộc): kéo thả hoặc "
                        "bấm để chọn. Chỉ nhận " + feedback.ACCEPTED + "; tệp "
                        "Excel, Word, PDF không gửi kèm được.",
                        size="2",
                    ),
                    align="center",
                    spacing="2",
                ),
                id=UPLOAD_ID,
                accept={"image/png": [".png"], "image/jpeg": [".jpg", ".jpeg"]},
                max_files=1,
                max_size=feedback.MAX_SCREENSHOT,
                multiple=False,
                on_drop=[
                    FeedbackState.upload_starting,
                    FeedbackState.attach(rx.upload_files(upload_id=UPLOAD_ID)),
                ],
                # Without it a refused file (an .xlsx) vanished (user trial).
                on_drop_rejected=FeedbackState.attach_rejected,
                border="1px dashed var(--gray-7)",
                padding="0.75em",
                border_radius="8px",
                margin_top="0.75em",
                cursor="pointer",
            ),
            error_for("screenshot"),
            refusal_trigger(FeedbackState.upload_refused),
            rx.cond(
                FeedbackState.attached != "",
                rx.flex(
                    rx.text(
                        FeedbackState.attached,
                        size="2",
                        color_scheme="green",
                        id="da-dinh-kem",
                    ),
                    rx.button(
                        "Bỏ ảnh",
                        size="1",
                        variant="ghost",
                        type="button",
                        on_click=FeedbackState.drop_attachment,
                    ),
                    spacing="2",
                    align="center",
                ),
            ),
            rx.button(
                rx.icon("send", size=16),
                "Gửi phản ánh",
                type="submit",
                size="3",
                margin_top="0.75em",
                id="nut-gui-phan-anh",
            ),
            on_submit=FeedbackState.send,
            reset_on_submit=False,
            id="form-phan-anh",
        ),
        rx.cond(
            FeedbackState.sent != "",
            rx.callout(
                FeedbackState.sent,
                icon="check",
                color_scheme="green",
                margin_top="0.75em",
                id="da-gui",
            ),
        ),
        width="100%",
    )


def _answer_form(row: rx.Var) -> rx.Component:
    return rx.form(
        rx.el.input(type="hidden", name="id", value=row["id"]),
        rx.flex(
            rx.el.select(
                *[rx.el.option(v, value=k) for k, v in FeedbackStatus.LABELS.items()],
                name="status",
                default_value=row["status_code"],
                class_name="xl-select",
                aria_label="Trạng thái",
            ),
            rx.text_area(
                name="answer",
                default_value=row["answer"],
                rows="2",
                placeholder="Trả lời của Sở Tư pháp",
                flex="1 1 300px",
                aria_label="Trả lời",
            ),
            rx.button("Lưu", type="submit", size="2"),
            wrap="wrap",
            spacing="2",
            align="center",
        ),
        on_submit=FeedbackState.answer,
        reset_on_submit=False,
        margin_top="0.5em",
    )


def _item(row: rx.Var) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.badge(
                row["status"],
                color_scheme=rx.cond(row["status_code"] == "new", "orange", "green"),
            ),
            rx.badge(row["category"], variant="outline"),
            rx.text(row["created_at"], size="1", color_scheme="gray"),
            rx.spacer(),
            rx.text(row["sender"], " – ", row["unit"], size="1", color_scheme="gray"),
            wrap="wrap",
            spacing="2",
            align="center",
        ),
        rx.text(row["text"], white_space="pre-wrap", margin_top="0.5em"),
        rx.cond(
            row["has_screenshot"],
            rx.button(
                rx.icon("image", size=14),
                "Xem ảnh chụp",
                size="1",
                variant="soft",
                margin_top="0.5em",
                on_click=FeedbackState.view_screenshot(row["id"]),
            ),
        ),
        rx.cond(
            row["answer"] != "",
            rx.box(
                rx.text(
                    "Trả lời của Sở Tư pháp (",
                    row["answered_at"],
                    "):",
                    weight="bold",
                    size="2",
                ),
                rx.text(row["answer"], white_space="pre-wrap", size="2"),
                background="var(--green-2)",
                padding="0.5em",
                border_radius="6px",
                margin_top="0.5em",
            ),
        ),
        rx.cond(FeedbackState.manage, _answer_form(row)),
        width="100%",
    )


def _list() -> rx.Component:
    return rx.flex(
        rx.flex(
            rx.heading(
                rx.cond(
                    FeedbackState.manage,
                    "Phản ánh của các đơn vị",
                    "Phản ánh bạn đã gửi",
                ),
                size="4",
            ),
            rx.spacer(),
            rx.button(
                rx.icon("file-spreadsheet", size=16),
                "Xuất tổng hợp (.xlsx)",
                variant="soft",
                on_click=FeedbackState.export,
                id="xuat-tong-hop",
            ),
            wrap="wrap",
            spacing="2",
            align="center",
        ),
        rx.form(
            rx.flex(
                _native_select(
                    "Trạng thái", "loc_status", FeedbackStatus.LABELS, "Tất cả"
                ),
                _native_select(
                    "Loại", "loc_category", FeedbackCategory.LABELS, "Tất cả"
                ),
                rx.button("Lọc", type="submit", size="3", align_self="end"),
                wrap="wrap",
                spacing="3",
            ),
            on_submit=FeedbackState.filter,
            reset_on_submit=False,
        ),
        rx.text("Có ", FeedbackState.total, " phản ánh.", size="2"),
        rx.foreach(FeedbackState.rows, _item),
        rx.flex(
            rx.button(
                "‹ Trang trước",
                variant="soft",
                on_click=FeedbackState.previous_page,
                disabled=FeedbackState.page <= 1,
            ),
            rx.text("Trang ", FeedbackState.page, " / ", FeedbackState.pages),
            rx.button(
                "Trang sau ›",
                variant="soft",
                on_click=FeedbackState.next_page,
                disabled=FeedbackState.page >= FeedbackState.pages,
            ),
            align="center",
            spacing="3",
            justify="center",
        ),
        direction="column",
        spacing="3",
        width="100%",
    )


@rx.page(route=routes.FEEDBACK, title="Phản ánh – XLVPHC", on_load=FeedbackState.open)
def feedback_page() -> rx.Component:
    return page(
        "Phản ánh khó khăn, vướng mắc",
        form_message(),
        _send_form(),
        _list(),
        intro="Gửi cho Sở Tư pháp những khó khăn, vướng mắc khi dùng phần mềm "
        "trong thời gian vận hành thử; câu trả lời hiện ngay tại trang này.",
    )
