"""Lập biên bản vi phạm (new case) and Ra quyết định xử phạt."""

import reflex as rx

from xlvphc import routes
from xlvphc.components import form_guard
from xlvphc.components.case_fields import decision_fields
from xlvphc.components.catalogue_hint import no_match
from xlvphc.components.duplicate_notice import duplicate_notice
from xlvphc.components.fields import (
    DATE_DIGITS_HINT,
    MONEY_ATTRS,
    SEARCH_IN_FORM_ATTRS,
    TIME_DIGITS_HINT,
    error_for,
    field,
    form_message,
    label_for,
    section,
)
from xlvphc.components.guard import case_refusal
from xlvphc.components.shell import page_for
from xlvphc.components.typed_act import (
    typed_act_boxes,
    typed_act_form,
    typed_mark,
    unchecked_note,
)
from xlvphc.components.violation_state import continuing_fields
from xlvphc.components.violator_fields import violator_fields
from xlvphc.services.access import Action
from xlvphc.services.case_input import FINE_TYPED, OFFICE_REASON_HINT
from xlvphc.state.case_form import CaseFormState, DecisionFormState


def _violator() -> rx.Component:
    return section(
        "1. Đối tượng vi phạm",
        *violator_fields(CaseFormState),
        description="Ghi đúng như giấy tờ tùy thân hoặc giấy đăng ký của tổ chức.",
    )


def _violation(typed: bool = False) -> rx.Component:
    """The violation and its acts. `typed`: offer «Hành vi không có trong
    danh mục» (components/typed_act.py); the form must then also draw
    `typed_act_form` outside its own form."""
    return section(
        "2. Hành vi vi phạm",
        field("Ngày vi phạm", "violation_date", required=True,
              placeholder="ngày/tháng/năm", default=CaseFormState.today,
              on_change=CaseFormState.check_violation_day.debounce(500),
              date=True, hint=DATE_DIGITS_HINT),
        field("Giờ vi phạm", "violation_time", required=True, placeholder="14:30",
              time=True, hint=TIME_DIGITS_HINT),
        *continuing_fields(),
        field("Địa điểm vi phạm", "violation_place", required=True, full=True),
        field("Mô tả hành vi vi phạm", "description", required=True, multiline=True,
              full=True,
              hint="Tả cụ thể: ai, làm gì, lúc nào, ở đâu, phương tiện (biển số)."),
        rx.box(
            label_for("tim-hanh-vi", "Hành vi theo danh mục"),
            rx.text(
                "Gõ vài chữ của hành vi (ví dụ \u201cnồng độ cồn\u201d) hoặc điều "
                "khoản (ví dụ \u201cđiểm a khoản 2 Điều 6\u201d), rồi bấm Chọn.",
                size="1", color_scheme="gray",
            ),
            rx.input(
                placeholder="Tìm hành vi vi phạm…",
                on_change=CaseFormState.search_catalogue.debounce(400),
                id="tim-hanh-vi",
                name="catalogue_query",
                size="3",
                width="100%",
                # Enter searches only, never saves the case (input_format.js).
                custom_attrs=dict(SEARCH_IN_FORM_ATTRS),
            ),
            rx.foreach(CaseFormState.catalogue_results, _catalogue_row),
            no_match(CaseFormState.catalogue_message, CaseFormState.catalogue_tips),
            typed_act_boxes(CaseFormState) if typed else rx.fragment(),
            rx.heading("Đã chọn", size="3", margin_top="0.75em"),
            rx.cond(
                CaseFormState.selected.length() == 0,
                rx.text("Chưa chọn hành vi nào.", size="2", color_scheme="gray"),
            ),
            rx.foreach(CaseFormState.selected, _selected_row),
            error_for("act_ids"),
            width="100%",
        ),
    )


def _act_text(row) -> rx.Component:
    return rx.box(
        rx.flex(rx.text(row["citation"], weight="bold", size="2"),
                typed_mark(row), spacing="2", align="center", wrap="wrap"),
        rx.text(row["act"], size="2"),
        rx.text(row["frame"], size="1", color_scheme="gray"),
        unchecked_note(row),
        flex="1",
    )


def _catalogue_row(row) -> rx.Component:
    return rx.flex(
        _act_text(row),
        rx.button("Chọn", type="button", variant="soft",
                  on_click=CaseFormState.add_act(row["id"])),
        spacing="2", align="center", padding_y="0.4em",
        border_bottom="1px solid var(--gray-4)",
    )


def _selected_row(row) -> rx.Component:
    return rx.flex(
        _act_text(row),
        rx.button("Bỏ", type="button", variant="soft", color_scheme="red",
                  on_click=CaseFormState.remove_act(row["id"])),
        spacing="2", align="center", padding="0.4em", background="var(--green-2)",
        border_radius="6px", margin_top="0.25em",
    )


def _record() -> rx.Component:
    return section(
        "3. Biên bản vi phạm hành chính (mẫu MBB01)",
        field("Ngày lập", "record_date", required=True, default=CaseFormState.today,
              placeholder="ngày/tháng/năm", date=True),
        field("Giờ lập", "record_time", required=True,
              default=CaseFormState.now_time, placeholder="14:30", time=True),
        field("Nơi lập biên bản", "record_place", required=True, full=True),
        field("Lý do lập biên bản tại trụ sở cơ quan hoặc địa điểm khác",
              "office_reason", hint=OFFICE_REASON_HINT, multiline=True,
              full=True),
        field("Người lập biên bản", "maker_name", required=True,
              default=CaseFormState.maker_name),
        field("Chức vụ", "maker_title", required=True,
              default=CaseFormState.maker_title),
        field("Người chứng kiến / đại diện chính quyền", "witness", full=True),
        field("Ý kiến trình bày của người vi phạm", "violator_statement",
              multiline=True, full=True),
        description="Số biên bản do hệ thống cấp tự động theo đơn vị và năm.",
    )


@rx.page(route=routes.CASE_NEW, title="Lập biên bản – XLVPHC",
         on_load=CaseFormState.open)
def case_new_page() -> rx.Component:
    return page_for(
        Action.CASE_WRITE,
        "Lập biên bản vi phạm hành chính",
        form_message(),
        rx.cond(
            CaseFormState.ready,
            rx.fragment(rx.form(
                rx.flex(
                    form_guard.draft_notice(),
                    _violator(),
                    _violation(typed=True),
                    _record(),
                    duplicate_notice(),
                    form_message(),
                    rx.button("Lưu hồ sơ và biên bản", type="submit", size="3",
                              id="luu-ho-so"),
                    direction="column",
                    spacing="4",
                ),
                on_submit=CaseFormState.submit,
                reset_on_submit=False,
                key=CaseFormState.form_key.to_string(),
                custom_attrs=form_guard.guard_attrs("ho-so-moi", CaseFormState),
            ), typed_act_form(CaseFormState)),
            rx.spinner(),
        ),
        intro="Nhập thông tin vụ việc và biên bản. Các ô có dấu * là bắt buộc. Nếu "
        "có ô chưa đúng, hệ thống báo ngay dưới ô đó và giữ nguyên những gì bạn đã "
        "nhập.",
    )


def _fine_row(act) -> rx.Component:
    name = "fine_" + act["id"].to_string()
    # Whether the officer typed in the box, sent with the form: "0" until
    # the first key, then "1", set in the page at once by
    # assets/input_format.js (data-typed-flag), so that it cannot lag
    # behind a click on «Ra quyết định» as the server's state may. A box
    # left at "0" takes the fine the service suggests (case_input.FINE_TYPED).
    # The script also presses the hidden button, which tells the state: the
    # box's on_change alone misses an amount put over the same amount (React
    # reports no change), and the box would then be redrawn with the next
    # suggestion.
    flag = FINE_TYPED + act["id"].to_string()
    box_key = name + "-" + act["default_fine"].to(str) + "-" + act["box"].to(str)
    return rx.flex(
        rx.box(
            rx.text(act["citation"], weight="bold", size="2"),
            rx.text(act["act"], size="2"),
            rx.text("Khung phạt: ", act["frame"], size="1", color_scheme="gray"),
            flex="1 1 300px",
        ),
        rx.box(
            label_for(name, "Mức phạt (đồng)"),
            # Keyed by its start value and a counter: the box is drawn again
            # (default_value only applies to a new input) when a suggestion
            # goes into it, never over an amount typed (suggest_fine); its
            # flag is drawn again with it, back to "0".
            rx.input(
                name=name,
                id=name,
                default_value=act["default_fine"],
                size="3",
                input_mode="numeric",
                custom_attrs={**MONEY_ATTRS, "data-typed-flag": flag},
                on_change=DecisionFormState.fine_typed(act["id"]),
                key=box_key,
            ),
            rx.el.input(type="hidden", name=flag, default_value="0",
                        key=box_key + "-flag"),
            rx.el.button(
                type="button",
                hidden=True,
                tab_index=-1,
                custom_attrs={"data-typed-notify": flag, "aria-hidden": "true"},
                on_click=DecisionFormState.fine_typed(act["id"]),
            ),
            rx.cond(
                act["advice"],
                rx.text(
                    "Gợi ý: ", act["suggested"], " đồng (", act["advice"], ")",
                    size="1", color_scheme="gray", id="goi-y-" + name,
                ),
            ),
            rx.cond(
                (act["typed"] != "") & (act["advice"] != ""),
                rx.button(
                    "Dùng mức gợi ý",
                    type="button",
                    size="1",
                    variant="soft",
                    on_click=DecisionFormState.use_suggestion(act["id"]),
                ),
            ),
            rx.cond(
                DecisionFormState.errors.contains(name),
                rx.text(DecisionFormState.errors.get(name, ""), color_scheme="red",
                        size="2"),
            ),
            flex="0 1 220px",
        ),
        spacing="3", wrap="wrap", padding_y="0.5em",
        border_bottom="1px solid var(--gray-4)",
        width="100%",
    )


def _remedial_field() -> rx.Component:
    """«Biện pháp khắc phục hậu quả», started with the measures the
    catalogue gives for the case's acts, as the fines start with their
    suggestion: a text the user typed stays; the suggestion is then shown
    under it with a button to take it. Keyed by a counter, so that taking
    it draws the box again (default_value only applies to a new box)."""
    state = DecisionFormState
    return rx.box(
        field(
            "Biện pháp khắc phục hậu quả",
            "remedial_measures",
            multiline=True,
            full=True,
            default=state.remedial_default,
            on_blur=state.remedial_left,
            hint="Biện pháp cụ thể người vi phạm phải thực hiện (Điều 28 Luật "
            "XLVPHC). Nếu không áp dụng được biện pháp của hành vi thì ghi rõ "
            "căn cứ, lý do (chú thích (12) mẫu MQĐ02).",
        ),
        rx.cond(
            state.remedial_suggested != "",
            rx.box(
                rx.cond(
                    state.remedial_typed,
                    rx.text(
                        "Gợi ý theo danh mục hành vi vi phạm: ",
                        state.remedial_suggested,
                        size="1",
                        color_scheme="gray",
                        white_space="pre-line",
                    ),
                    rx.text(
                        "Đã điền sẵn biện pháp khắc phục hậu quả của các hành "
                        "vi theo danh mục; kiểm tra, sửa cho đúng vụ việc.",
                        size="1",
                        color_scheme="gray",
                    ),
                ),
                rx.cond(
                    state.remedial_typed,
                    rx.button(
                        "Dùng gợi ý",
                        type="button",
                        size="1",
                        variant="soft",
                        on_click=state.use_remedial_suggestion,
                        id="dung-goi-y-khac-phuc",
                    ),
                ),
                id="goi-y-khac-phuc",
            ),
        ),
        key="khac-phuc-" + state.remedial_box.to_string(),
        width="100%",
        flex="1 1 100%",
        grid_column="1 / -1",
    )


@rx.page(route=routes.CASE_DECISION, title="Ra quyết định – XLVPHC",
         on_load=DecisionFormState.open)
def decision_page() -> rx.Component:
    c = DecisionFormState.case
    # Issuing needs the right to write the case (services/cases.issue_decision):
    # a supervisor who may read the case sees the refusal, not the form.
    return page_for(
        Action.CASE_WRITE,
        "Ra quyết định xử phạt (mẫu MQĐ02)",
        case_refusal(DecisionFormState),
        rx.cond(
            DecisionFormState.ready,
            rx.form(
                rx.flex(
                    rx.callout(
                        rx.text("Biên bản số ", c["record_number"], " – ",
                                c["violator_kind"], ": ", c["violator_name"]),
                        icon="info",
                    ),
                    # A minor: no decision under 14, a warning only from 14,
                    # half the frame from 16 (services/case_queries).
                    rx.cond(
                        c["minor_warning"] != "",
                        rx.callout(
                            c["minor_warning"],
                            icon="triangle_alert",
                            color_scheme="red",
                            id="canh-bao-chua-thanh-nien",
                        ),
                    ),
                    # Past the decision deadline (Law Art. 66 k1): said
                    # before the form is filled, as on the case page.
                    rx.cond(
                        DecisionFormState.overdue_title != "",
                        rx.callout.root(
                            rx.callout.icon(rx.icon("triangle_alert")),
                            rx.box(
                                rx.text(DecisionFormState.overdue_title,
                                        weight="bold", size="3"),
                                rx.text(DecisionFormState.overdue_text, size="2"),
                            ),
                            color_scheme="red",
                            variant="surface",
                            role="alert",
                            id="qua-han-ra-quyet-dinh",
                        ),
                    ),
                    section(
                        "Mức phạt từng hành vi",
                        rx.foreach(DecisionFormState.acts, _fine_row),
                        description="Mặc định là mức trung bình của khung (Điều 23 "
                        "Luật XLVPHC); tổ chức gấp đôi cá nhân. Mức phạt phải nằm "
                        "trong khung. Khi nhập tình tiết giảm nhẹ, tăng nặng, hệ "
                        "thống gợi ý mức phạt và ô chưa gõ được ra quyết định "
                        "theo mức gợi ý; mức bạn đã tự gõ được giữ nguyên.",
                    ),
                    section(
                        "Quyết định",
                        *decision_fields(
                            DecisionFormState.today,
                            DecisionFormState.signer_name,
                            DecisionFormState.signer_title,
                            DecisionFormState.signer_code,
                            recount=DecisionFormState.recount,
                            signer_options=DecisionFormState.signer_options,
                            remedial=_remedial_field(),
                        ),
                    ),
                    form_message(),
                    rx.button("Ra quyết định", type="submit", size="3",
                              color_scheme="green", id="luu-quyet-dinh"),
                    direction="column",
                    spacing="4",
                ),
                on_submit=DecisionFormState.submit,
                reset_on_submit=False,
                key=DecisionFormState.form_key.to_string(),
                custom_attrs=form_guard.guard_attrs(),
            ),
            rx.spinner(),
        ),
        intro="Kiểm tra mức phạt, nhập người ký và nơi nộp phạt. Số quyết định do "
        "hệ thống cấp tự động.",
    )
