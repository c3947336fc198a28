"""Sửa hồ sơ: correct a case before its decision; plus the edit and delete
buttons that the case page shows (plugged into case_detail.EXTRA_ACTIONS)."""

import reflex as rx

from xlvphc import routes
from xlvphc.components import form_guard
from xlvphc.components.catalogue_hint import no_match
from xlvphc.components.fields import (
    SEARCH_IN_FORM_ATTRS,
    error_for,
    field,
    form_message,
    section,
)
from xlvphc.components.guard import case_refusal
from xlvphc.components.shell import page_for
from xlvphc.components.typed_act import typed_act_boxes, typed_act_form, typed_mark
from xlvphc.components.violation_state import continuing_fields
from xlvphc.components.violator_fields import violator_fields
from xlvphc.services.access import Action
from xlvphc.services.case_input import OFFICE_REASON_HINT
from xlvphc.state.case_edit import CaseDeleteState, CaseEditState
from xlvphc.state.cases import CaseDetailState

V = CaseEditState.values


def _f(label: str, key: str, **props) -> rx.Component:
    return field(label, key, default=V.get(key, ""), **props)


def _act_text(row) -> rx.Component:
    return rx.box(
        rx.flex(rx.text(row["citation"], weight="bold", size="2"),
                typed_mark(row), spacing="2", align="center", wrap="wrap"),
        rx.text(row["act"], size="2"),
        rx.text(row["frame"], size="1", color_scheme="gray"),
        flex="1",
    )


def _acts() -> rx.Component:
    return rx.box(
        rx.text("Hành vi theo danh mục", weight="medium", size="2"),
        rx.foreach(
            CaseEditState.selected,
            lambda row: rx.flex(
                _act_text(row),
                rx.button("Bỏ", type="button", variant="soft", color_scheme="red",
                          on_click=CaseEditState.remove_act(row["id"])),
                spacing="2", align="center", padding="0.4em",
                background="var(--green-2)", border_radius="6px", margin_top="0.25em",
            ),
        ),
        rx.input(placeholder="Tìm hành vi khác để thêm…",
                 aria_label="Tìm hành vi khác để thêm",
                 on_change=CaseEditState.search_catalogue.debounce(400),
                 id="tim-hanh-vi", name="catalogue_query", size="3", width="100%",
                 margin_top="0.5em",
                 # Enter searches only, never saves the edit (input_format.js).
                 custom_attrs=dict(SEARCH_IN_FORM_ATTRS)),
        rx.foreach(
            CaseEditState.catalogue_results,
            lambda row: rx.flex(
                _act_text(row),
                rx.button("Chọn", type="button", variant="soft",
                          on_click=CaseEditState.add_act(row["id"])),
                spacing="2", align="center", padding_y="0.4em",
                border_bottom="1px solid var(--gray-4)",
            ),
        ),
        no_match(CaseEditState.catalogue_message, CaseEditState.catalogue_tips),
        typed_act_boxes(CaseEditState),
        error_for("act_ids"),
        width="100%",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.flex(
            section(
                "1. Đối tượng vi phạm",
                *violator_fields(CaseEditState, V),
            ),
            section(
                "2. Hành vi vi phạm",
                _f("Ngày vi phạm", "violation_date", required=True, date=True,
                   on_change=CaseEditState.check_violation_day.debounce(500)),
                _f("Giờ vi phạm", "violation_time", required=True, time=True),
                *continuing_fields(V.get("continuing", "") == "1",
                                   V.get("detected_on", "")),
                _f("Địa điểm vi phạm", "violation_place", required=True,
                   full=True),
                _f("Mô tả hành vi vi phạm", "description", required=True,
                   multiline=True, full=True),
                _acts(),
            ),
            section(
                "3. Biên bản vi phạm hành chính",
                _f("Ngày lập", "record_date", required=True, date=True),
                _f("Giờ lập", "record_time", required=True, time=True),
                _f("Nơi lập biên bản", "record_place", required=True, full=True),
                _f("Lý do lập biên bản tại trụ sở cơ quan hoặc địa điểm khác",
                   "office_reason", hint=OFFICE_REASON_HINT, multiline=True,
                   full=True),
                _f("Người lập biên bản", "maker_name", required=True),
                _f("Chức vụ", "maker_title", required=True),
                _f("Người chứng kiến / đại diện chính quyền", "witness",
                   full=True),
                _f("Ý kiến trình bày của người vi phạm", "violator_statement",
                   multiline=True, full=True),
                description="Số biên bản không đổi khi sửa.",
            ),
            _conflict(),
            form_message(),
            rx.flex(
                rx.button("Lưu sửa đổi", type="submit", size="3", id="luu-sua-doi"),
                rx.link(rx.button("Hủy", type="button", variant="soft", size="3"),
                        href=f"{routes.CASE_DETAIL}?id={CaseEditState.case_id}"),
                spacing="3",
            ),
            direction="column",
            spacing="4",
        ),
        key=CaseEditState.form_key,
        on_submit=CaseEditState.submit,
        reset_on_submit=False,
        custom_attrs=form_guard.guard_attrs(),
    )


def _conflict() -> rx.Component:
    return rx.cond(
        CaseEditState.conflict,
        rx.callout.root(
            rx.callout.icon(rx.icon("git-compare")),
            rx.flex(
                # Neutral: the change may be the officer's own, from another
                # tab or device (services.stale_version).
                rx.text("Những gì bạn vừa nhập vẫn còn trên trang này. Để xem lần "
                        "cập nhật kia đã sửa gì, mở trang hồ sơ ở thẻ mới (mục Lịch "
                        "sử thay đổi); sau đó tải lại trang sửa và nhập lại phần "
                        "của bạn."),
                rx.link("Xem các thay đổi mới nhất",
                        href=f"{routes.CASE_DETAIL}?id={CaseEditState.case_id}#lich-su",
                        is_external=True, id="xem-thay-doi"),
                direction="column", spacing="1",
            ),
            color_scheme="amber",
        ),
    )


@rx.page(route=routes.CASE_EDIT, title="Sửa hồ sơ – XLVPHC",
         on_load=CaseEditState.open)
def case_edit_page() -> rx.Component:
    return page_for(
        Action.CASE_WRITE,
        "Sửa hồ sơ",
        rx.cond(CaseEditState.ready,
                rx.heading("Biên bản số ", CaseEditState.record_number, size="4")),
        rx.cond(
            CaseEditState.ready,
            rx.cond(
                CaseEditState.locked != "",
                rx.callout(CaseEditState.locked, icon="lock", color_scheme="amber",
                           id="ho-so-khoa"),
                rx.fragment(_form(), typed_act_form(CaseEditState)),
            ),
            case_refusal(CaseEditState),
        ),
        intro="Sửa thông tin đã nhập sai khi hồ sơ chưa có quyết định xử phạt; mọi "
        "thay đổi được ghi vào lịch sử của hồ sơ.",
    )


def edit_button() -> rx.Component:
    """The case page's "Sửa hồ sơ" button (only before the decision)."""
    return rx.cond(
        CaseDetailState.permissions.contains("case.write")
        & (CaseDetailState.case["status_code"] == "recorded"),
        rx.link(
            rx.button(rx.icon("pencil", size=16), "Sửa hồ sơ", variant="soft",
                      id="sua-ho-so"),
            href=f"{routes.CASE_EDIT}?id={CaseDetailState.case['id']}",
        ),
    )


def delete_button() -> rx.Component:
    """The case page's delete button and its dialog asking for a reason."""
    return rx.cond(
        CaseDetailState.permissions.contains("case.delete")
        & (CaseDetailState.case["status_code"] == "recorded"),
        rx.dialog.root(
            rx.dialog.trigger(
                rx.button(rx.icon("trash-2", size=16), "Xóa hồ sơ", variant="soft",
                          color_scheme="red", id="xoa-ho-so"),
            ),
            rx.dialog.content(
                rx.dialog.title("Xóa hồ sơ vào thùng rác"),
                rx.dialog.description(
                    "Hồ sơ được chuyển vào thùng rác và có thể khôi phục đầy đủ. "
                    "Hồ sơ đã có quyết định xử phạt không xóa được.",
                    size="2",
                ),
                rx.form(
                    rx.flex(
                        rx.box(field("Lý do xóa", "reason", required=True,
                                     placeholder="Ví dụ: nhập trùng với biên bản "
                                     "số …")),
                        form_message(),
                        rx.flex(
                            rx.dialog.close(rx.button("Không xóa", type="button",
                                                      variant="soft")),
                            rx.button("Xóa vào thùng rác", type="submit",
                                      color_scheme="red", id="xac-nhan-xoa"),
                            spacing="3", justify="end",
                        ),
                        direction="column", spacing="3", margin_top="1em",
                    ),
                    on_submit=CaseDeleteState.delete,
                    reset_on_submit=False,
                ),
            ),
            open=CaseDeleteState.open_dialog,
            on_open_change=CaseDeleteState.set_open,
        ),
    )
