"""Xử phạt không lập biên bản (mẫu MQĐ01; Điều 56 Luật XLVPHC)."""

import reflex as rx

from xlvphc import routes
from xlvphc.components import form_guard
from xlvphc.components.case_fields import decision_fields
from xlvphc.components.duplicate_notice import duplicate_notice
from xlvphc.components.fields import MONEY_ATTRS, form_message, label_for, section
from xlvphc.components.shell import page_for
from xlvphc.components.typed_act import typed_act_form, typed_mark
from xlvphc.pages.case_form import _violation, _violator
from xlvphc.services.access import Action
from xlvphc.state.case_form import CaseFormState
from xlvphc.state.on_the_spot import OnTheSpotState
from xlvphc.state.session import SessionState


def _when_it_applies() -> rx.Component:
    return rx.callout(
        rx.text(
            "Chỉ dùng khi phạt cảnh cáo hoặc phạt tiền đến 500.000 đồng đối với "
            "cá nhân, 1.000.000 đồng đối với tổ chức (Điều 56 Luật XLVPHC, sửa "
            "đổi bởi Luật 88/2025/QH15; vi phạm trước ngày 01/7/2025: 250.000 / "
            "500.000 đồng). Người có thẩm quyền xử phạt ra quyết định ngay tại "
            "chỗ và giao cho người vi phạm. Mức phạt cao hơn thì phải lập biên "
            "bản."
        ),
        icon="info",
    )


def _fine_row(act) -> rx.Component:
    """Fines are keyed by the row's id, as decide_without_record reads them:
    a catalogue id, or a typed act's row id (services.typed_acts.box_id)."""
    name = "fine_" + act["id"].to(str)
    return rx.flex(
        rx.box(
            rx.flex(rx.text(act["citation"], weight="bold", size="2"),
                    typed_mark(act), spacing="2", align="center", wrap="wrap"),
            rx.text(act["act"], size="2"),
            rx.text("Khung phạt: ", act["frame"], size="1", color_scheme="gray"),
            flex="1 1 300px",
        ),
        rx.box(
            label_for(name, "Mức phạt (đồng)"),
            rx.input(
                name=name,
                id=name,
                size="3",
                input_mode="numeric",
                custom_attrs=dict(MONEY_ATTRS),
                placeholder="Để trống: mức trung bình",
            ),
            rx.cond(
                SessionState.errors.contains(name),
                rx.text(
                    SessionState.errors.get(name, ""), color_scheme="red", size="2"
                ),
            ),
            flex="0 1 220px",
        ),
        spacing="3",
        wrap="wrap",
        padding_y="0.5em",
        border_bottom="1px solid var(--gray-4)",
        width="100%",
    )


def _fines() -> rx.Component:
    return section(
        "3. Mức phạt",
        rx.cond(
            CaseFormState.selected.length() == 0,
            rx.text(
                "Chọn hành vi ở mục 2 để nhập mức phạt.", size="2", color_scheme="gray"
            ),
        ),
        rx.foreach(CaseFormState.selected, _fine_row),
        description="Để trống thì lấy mức trung bình của khung (Điều 23 Luật "
        "XLVPHC); tổ chức gấp đôi cá nhân. Hành vi chỉ bị cảnh cáo thì để trống.",
    )


@rx.page(
    route=routes.ON_THE_SPOT,
    title="Xử phạt tại chỗ – XLVPHC",
    on_load=CaseFormState.open,
)
def on_the_spot_page() -> rx.Component:
    return page_for(
        Action.CASE_WRITE,
        "Quyết định xử phạt không lập biên bản (mẫu MQĐ01)",
        _when_it_applies(),
        form_message(),
        rx.cond(
            CaseFormState.ready,
            rx.fragment(rx.form(
                rx.flex(
                    form_guard.draft_notice(),
                    _violator(),
                    _violation(typed=True),
                    _fines(),
                    section(
                        "4. Quyết định",
                        *decision_fields(
                            CaseFormState.today,
                            CaseFormState.signer_name,
                            CaseFormState.signer_title,
                            CaseFormState.maker_code,
                            signer_options=CaseFormState.signer_options,
                        ),
                        description="Số quyết định do hệ thống cấp tự động. Quyết "
                        "định giao ngay cho người vi phạm nên hạn nộp phạt tính "
                        "từ ngày ký.",
                    ),
                    duplicate_notice(),
                    form_message(),
                    rx.button(
                        "Ra quyết định tại chỗ",
                        type="submit",
                        size="3",
                        color_scheme="green",
                        id="luu-xu-phat-tai-cho",
                    ),
                    direction="column",
                    spacing="4",
                ),
                on_submit=OnTheSpotState.decide,
                reset_on_submit=False,
                key=CaseFormState.form_key.to_string(),
                custom_attrs=form_guard.guard_attrs("xu-phat-tai-cho", CaseFormState),
            ), typed_act_form(CaseFormState)),
            rx.spinner(),
        ),
        intro="Ghi nhận quyết định xử phạt vi phạm hành chính không lập biên bản "
        "mà người có thẩm quyền đã ra tại chỗ; hồ sơ được tạo ở trạng thái đã "
        "ra quyết định.",
    )
