"""The "Xử lý tiếp" panel of the case page: the execution summary, the
instalments and seized items, and one button per step the law allows now;
a step opens its small form (uncontrolled inputs, errors at the field)."""

import reflex as rx

from xlvphc.components import form_guard
from xlvphc.components.fields import error_for
from xlvphc.state.procedure import ProcedureState
from xlvphc.state.session import SessionState


def _error(f) -> rx.Component:
    name = f["name"].to(str)
    return rx.cond(
        SessionState.errors.contains(name),
        rx.text(
            SessionState.errors.get(name, ""),
            color_scheme="red",
            size="2",
            id="loi-" + name,
        ),
    )


def _control(f) -> rx.Component:
    name = f["name"].to(str)
    return rx.match(
        f["kind"],
        (
            "select",
            rx.el.select(
                rx.el.option("— Chọn —", value=""),
                rx.foreach(
                    f["options"].to(list[dict]),
                    lambda o: rx.el.option(o["name"], value=o["id"]),
                ),
                name=name,
                id="truong-" + name,
                class_name="xl-select",
                on_change=lambda v: ProcedureState.pick(name, v),
            ),
        ),
        (
            "textarea",
            rx.text_area(name=name, id="truong-" + name, rows="3", width="100%",
                         default_value=f["default"].to(str),
                         max_length=f["max_len"]),
        ),
        rx.input(
            name=name,
            id="truong-" + name,
            default_value=f["default"].to(str),
            # The handler's limit: the box stops there instead of a refusal
            # after the submit (user trial: "tối đa 40 ký tự" only then).
            max_length=f["max_len"],
            size="3",
            width="100%",
            placeholder=rx.match(
                f["kind"], ("date", "ngày/tháng/năm"), ("time", "14:30"), ""
            ),
            # Amounts, counts of days, dates and times: the phone's number pad.
            input_mode=rx.cond(
                (f["kind"] == "money")
                | (f["kind"] == "number")
                | (f["kind"] == "date")
                | (f["kind"] == "time"),
                "numeric",
                "text",
            ),
            # Amounts grouped, dates and times typed as digits alone written
            # out when the box is left (input_format.js).
            custom_attrs={
                "data-money": rx.cond(f["kind"] == "money", "1", ""),
                "data-date": rx.cond(f["kind"] == "date", "1", ""),
                "data-time": rx.cond(f["kind"] == "time", "1", ""),
            },
        ),
    )


def _checkbox(f) -> rx.Component:
    """A statement the officer ticks (hardship, a manual check of the law):
    the box beside its sentence, across the whole row of the form."""
    name = f["name"].to(str)
    return rx.box(
        rx.el.label(
            rx.el.input(
                type="checkbox",
                name=name,
                value="1",
                id="truong-" + name,
                style={"width": "1.1em", "height": "1.1em", "flexShrink": "0"},
                # Shows the boxes that depend on it (FieldSpec.when).
                on_change=lambda checked: ProcedureState.tick(name, checked),
            ),
            rx.text(
                f["label"],
                rx.cond(f["required"], rx.text.span(" *", color_scheme="red"), ""),
                as_="span",
                size="2",
                weight="medium",
            ),
            html_for="truong-" + name,
            display="flex",
            align_items="flex-start",
            gap="0.5em",
        ),
        # An optional box is there because something needs the signer's
        # word (no MBB09 before a coercion, a threshold not verified): its
        # hint says what, as a warning rather than small print.
        rx.cond(
            f["hint"] != "",
            rx.cond(
                f["required"],
                rx.text(f["hint"], size="1", color_scheme="gray"),
                rx.text(
                    f["hint"],
                    size="2",
                    color_scheme="orange",
                    id="canh-bao-" + name,
                    role="note",
                ),
            ),
        ),
        _error(f),
        flex="1 1 100%",
        display=_shown(f),
    )


def _field(f) -> rx.Component:
    return rx.cond(f["kind"] == "checkbox", _checkbox(f), _input_field(f))


def _input_field(f) -> rx.Component:
    return rx.box(
        rx.text(
            f["label"],
            rx.cond(f["required"], rx.text.span(" *", color_scheme="red"), ""),
            as_="label",
            custom_attrs={"htmlFor": "truong-" + f["name"].to(str)},
            weight="medium",
            size="2",
        ),
        _control(f),
        rx.cond(f["hint"] != "", rx.text(f["hint"], size="1", color_scheme="gray")),
        _error(f),
        min_width="220px",
        # A text area (reasons, contents) takes the whole row of the form.
        flex=rx.cond(f["kind"] == "textarea", "1 1 100%", "1 1 220px"),
        display=_shown(f),
    )


def _shown(f) -> rx.Var:
    """A box of some coercion measures only: shown once one of them is
    chosen (state/procedure.py COERCION_ONLY). Matched as a whole word of
    the list: "remedial" is part of "distraint_remedial", whose boxes MQĐ11
    has not. A box that belongs to a checkbox (its `when`) shows only while
    that one is ticked."""
    when = f["when"].to(str)
    return rx.cond(
        (
            (f["only"].to(str) == "")
            | (
                (ProcedureState.measure != "")
                & (" " + f["only"].to(str) + " ").contains(
                    " " + ProcedureState.measure + " "
                )
            )
        )
        & ((when == "") | ProcedureState.ticked.contains(when)),
        "block",
        "none",
    )


def _step_form() -> rx.Component:
    return rx.card(
        rx.heading(ProcedureState.selected_label, size="3"),
        rx.text(
            "Căn cứ: ", ProcedureState.selected_article, size="1", color_scheme="gray"
        ),
        rx.form(
            form_guard.draft_notice(),
            rx.flex(
                rx.foreach(ProcedureState.form_fields, _field),
                wrap="wrap",
                spacing="3",
                margin_top="0.5em",
            ),
            rx.cond(
                SessionState.message != "",
                rx.callout(
                    SessionState.message,
                    icon="triangle_alert",
                    color_scheme="red",
                    role="alert",
                    margin_top="0.5em",
                    id="thong-bao-buoc",
                ),
            ),
            rx.flex(
                rx.button(
                    "Ghi nhận", type="submit", color_scheme="green", id="ghi-nhan-buoc"
                ),
                rx.button(
                    "Hủy",
                    type="button",
                    variant="soft",
                    color_scheme="gray",
                    on_click=ProcedureState.cancel,
                ),
                spacing="2",
                margin_top="0.75em",
            ),
            error_for("version"),
            key=ProcedureState.form_key,
            on_submit=ProcedureState.submit,
            reset_on_submit=False,
            # Asks before a reload or a link leaves what is typed, and keeps
            # it in the tab per case and step (user trial: lost silently).
            custom_attrs=form_guard.guard_attrs(ProcedureState.draft_key),
        ),
        width="100%",
        background="var(--green-2)",
        # Found by the script that scrolls to it (state/procedure.py).
        id="form-buoc",
        custom_attrs={"data-key": ProcedureState.form_key.to_string()},
        scroll_margin_top="0.5em",
    )


def _step_button(s) -> rx.Component:
    return rx.button(
        s["label"],
        variant="soft",
        size="2",
        on_click=ProcedureState.choose(s["code"]),
        id="buoc-" + s["code"].to(str),
        title=s["article"],
        white_space="normal",
        height="auto",
        padding_y="0.4em",
        # A long label ("Kết thúc: thi hành một phần (chết, mất tích, giải
        # thể)") wraps inside a phone's width instead of running off it.
        max_width="100%",
        text_align="left",
    )


def _table(headers: list[str], rows, cells) -> rx.Component:
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(*[rx.table.column_header_cell(h) for h in headers])
            ),
            rx.table.body(
                rx.foreach(
                    rows, lambda r: rx.table.row(*[rx.table.cell(r[c]) for c in cells])
                )
            ),
            size="1",
        ),
        overflow_x="auto",
        width="100%",
    )


def _detail(d) -> rx.Component:
    """One step's details: what its forms will print."""
    return rx.box(
        rx.text(d["title"], " – ", d["date"], weight="medium", size="2"),
        rx.data_list.root(
            rx.foreach(
                d["rows"].to(list[dict]),
                lambda r: rx.data_list.item(
                    rx.data_list.label(r["label"], min_width="200px"),
                    rx.data_list.value(r["value"]),
                ),
            ),
            orientation={"initial": "vertical", "sm": "horizontal"},
            size="1",
        ),
        border_top="1px solid var(--gray-4)",
        padding_y="0.4em",
    )


def procedure_alerts() -> rx.Component:
    """Red alerts at the top of the case page when a limitation has run out
    (services/procedure/overview.limitation_alerts), saying what may still
    be done; filled when the procedure panel loads."""
    return rx.foreach(
        ProcedureState.alerts,
        lambda a: rx.callout.root(
            rx.callout.icon(rx.icon("triangle_alert")),
            rx.box(
                rx.text(a["title"], weight="bold", size="3"),
                rx.text(a["text"], size="2"),
            ),
            color_scheme="red",
            variant="surface",
            role="alert",
            width="100%",
            class_name="het-thoi-hieu",
        ),
    )


def procedure_panel() -> rx.Component:
    """Plugged into the case page (pages/case_detail.py EXTRA_SECTIONS)."""
    return rx.card(
        rx.heading("Xử lý tiếp", size="4"),
        rx.text(
            "Chỉ hiện các bước pháp luật cho phép ở giai đoạn hiện tại; bấm "
            "một bước để ghi nhận.",
            size="2",
            color_scheme="gray",
        ),
        rx.cond(
            ProcedureState.repeat.length() > 0,
            rx.box(
                rx.text(
                    "Đối tượng đã bị xử phạt trong thời gian gần đây – gợi ý tình "
                    "tiết tăng nặng «tái phạm, vi phạm nhiều lần» (Điều 10 Luật "
                    "XLVPHC):",
                    weight="medium",
                    size="2",
                ),
                rx.foreach(
                    ProcedureState.repeat,
                    lambda r: rx.text(
                        "Quyết định số ",
                        r["number"],
                        " ngày ",
                        r["date"],
                        " – ",
                        r["unit"],
                        size="2",
                    ),
                ),
                background="var(--amber-3)",
                border_radius="6px",
                padding="0.75em",
                margin_y="0.5em",
                id="tai-pham",
            ),
        ),
        rx.data_list.root(
            rx.foreach(
                ProcedureState.summary,
                lambda p: rx.data_list.item(
                    rx.data_list.label(p["label"], min_width="200px"),
                    rx.data_list.value(p["value"]),
                ),
            ),
            orientation={"initial": "vertical", "sm": "horizontal"},
            margin_y="0.5em",
            id="tom-tat-thi-hanh",
        ),
        rx.cond(
            ProcedureState.instalments.length() > 0,
            rx.box(
                rx.heading("Nộp tiền phạt nhiều lần", size="3"),
                _table(
                    ["Lần", "Số tiền", "Hạn nộp", "Đã nộp"],
                    ProcedureState.instalments,
                    ["label", "amount", "due", "paid"],
                ),
                margin_y="0.5em",
            ),
        ),
        rx.cond(
            ProcedureState.items.length() > 0,
            rx.box(
                rx.heading("Tang vật, phương tiện", size="3"),
                _table(
                    ["Tên", "Số lượng", "Ngày tạm giữ", "Tạm giữ đến ngày",
                     "Tình trạng"],
                    ProcedureState.items,
                    ["description", "quantity", "seized_on", "until", "status"],
                ),
                margin_y="0.5em",
            ),
        ),
        rx.cond(
            ProcedureState.details.length() > 0,
            rx.box(
                rx.heading("Chi tiết in trên mẫu biểu", size="3"),
                rx.foreach(ProcedureState.details, _detail),
                margin_y="0.5em",
                id="chi-tiet-mau-bieu",
            ),
        ),
        rx.cond(
            ProcedureState.steps.length() > 0,
            rx.flex(
                rx.foreach(ProcedureState.steps, _step_button),
                wrap="wrap",
                spacing="2",
                id="cac-buoc",
            ),
            # A reader (supervisor) is offered no step: say why, rather than
            # that the case has none left.
            rx.cond(
                SessionState.permissions.contains("case.write"),
                rx.text(
                    "Không còn bước nào để thực hiện.", size="2", color_scheme="gray"
                ),
                rx.text(
                    "Tài khoản của bạn chỉ được xem hồ sơ; các bước xử lý do cán "
                    "bộ của đơn vị ghi nhận.",
                    size="2",
                    color_scheme="gray",
                    id="chi-xem",
                ),
            ),
        ),
        rx.foreach(
            ProcedureState.held,
            lambda h: rx.text(
                rx.text.span("Chưa thể «", h["label"], "»: ", weight="medium"),
                h["reason"],
                size="2",
                color_scheme="gray",
                class_name="buoc-chua-duoc",
                margin_top="0.5em",
            ),
        ),
        rx.cond(
            ProcedureState.selected != "", rx.box(_step_form(), margin_top="0.75em")
        ),
        on_mount=ProcedureState.load,
        width="100%",
        id="xu-ly-tiep",
    )
