"""Chi tiết hồ sơ: one case, its forms and its timeline.

Other screens plug their parts in through `detail_sections` and
`detail_actions` (procedure steps, editing, deletion, history), so this module
stays the layout of the page only."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.case_history import history_section
from xlvphc.components.fields import DATE_DIGITS_HINT, field
from xlvphc.components.guard import case_refusal
from xlvphc.components.print_menu import print_menu
from xlvphc.components.procedure_panel import procedure_alerts, procedure_panel
from xlvphc.components.shell import page_for
from xlvphc.components.typed_act import case_act_hint, case_act_mark
from xlvphc.pages.case_edit import delete_button, edit_button
from xlvphc.services.access import Action
from xlvphc.state.cases import CaseDetailState
from xlvphc.state.procedure import ProcedureState

# Parts other screens add to the case page: functions returning a component.
# Append to these lists here (one import and one entry per feature).
EXTRA_ACTIONS: list = [edit_button, delete_button, print_menu]
EXTRA_SECTIONS: list = [procedure_panel, history_section]

def _info_card(title: str, *rows: rx.Component, **props) -> rx.Component:
    """A titled card of label/value rows, stacked on a phone."""
    return rx.card(
        rx.heading(title, size="4"),
        rx.data_list.root(
            *rows,
            orientation={"initial": "vertical", "sm": "horizontal"},
            margin_top="0.5em",
        ),
        width="100%",
        **props,
    )


def _pairs(title: str, items) -> rx.Component:
    return _info_card(
        title,
        rx.foreach(
            items,
            lambda p: rx.data_list.item(
                rx.data_list.label(p["label"], min_width="160px"),
                rx.data_list.value(p["value"]),
            ),
        ),
    )


def _info(label: str, value) -> rx.Component:
    return rx.data_list.item(
        rx.data_list.label(label, min_width="160px"),
        rx.data_list.value(value),
    )


def _known(label: str, value) -> rx.Component:
    """A line shown only when its value is known: an imported case lacks
    what its register did not say (the place, the record's maker, the
    signer's title, the place of payment), and an empty line reads as a
    fault ("Nộp phạt: Trong 10 ngày, tại")."""
    return rx.cond(value != "", _info(label, value))


def _acts() -> rx.Component:
    return rx.card(
        rx.heading("Hành vi vi phạm", size="4"),
        rx.foreach(
            CaseDetailState.acts,
            lambda a: rx.box(
                # An act the catalogue lacks: marked «ngoài danh mục», and why.
                rx.flex(rx.text(a["citation"], weight="bold"), case_act_mark(a),
                        spacing="2", align="center", wrap="wrap"),
                rx.text(a["act"]),
                case_act_hint(a),
                # An imported act the catalogue does not hold has no frame.
                rx.cond(
                    a["frame"] != "",
                    rx.text("Khung phạt: ", a["frame"], " · Mức phạt: ", a["fine"],
                            size="2", color_scheme="gray"),
                    rx.text("Mức phạt: ", a["fine"], size="2", color_scheme="gray"),
                ),
                padding_y="0.5em",
                border_bottom="1px solid var(--gray-4)",
            ),
        ),
        width="100%",
    )


def _print_buttons(decided) -> rx.Component:
    """Decided on the spot (Law Art. 56): no record to print, the decision
    is form MQĐ01 (services.printing refuses MBB01 / MQĐ02 for such a
    case); otherwise the record and, once decided, its MQĐ02."""
    return rx.cond(
        CaseDetailState.case["without_record"],
        rx.button(
            rx.icon("printer", size=16), "In quyết định (MQĐ01)",
            on_click=CaseDetailState.print_form("MQĐ01"),
            loading=CaseDetailState.printing, id="in-quyet-dinh",
        ),
        rx.fragment(
            # An imported case whose register gave no record has none to print.
            rx.cond(
                CaseDetailState.case["record_made_at"] != "",
                rx.button(
                    rx.icon("printer", size=16), "In biên bản (MBB01)",
                    on_click=CaseDetailState.print_form("MBB01"),
                    loading=CaseDetailState.printing, id="in-bien-ban",
                ),
            ),
            rx.cond(
                decided,
                rx.button(
                    rx.icon("printer", size=16), "In quyết định (MQĐ02)",
                    on_click=CaseDetailState.print_form("MQĐ02"),
                    loading=CaseDetailState.printing, id="in-quyet-dinh",
                ),
            ),
        ),
    )


def _actions() -> rx.Component:
    decided = CaseDetailState.case["decision_number"] != ""
    return rx.flex(
        _print_buttons(decided),
        rx.cond(
            # Only a recorded case awaits its decision (not one sent for
            # prosecution, closed, or being explained), and only when the
            # procedure panel offers it: not past the limitation, not for
            # a violator under 14 (services.procedure.closing).
            ~decided
            & CaseDetailState.permissions.contains("case.write")
            & (CaseDetailState.case["status_code"] == "recorded")
            & ProcedureState.can_decide,
            rx.button(
                rx.icon("gavel", size=16), "Ra quyết định xử phạt",
                color_scheme="green", on_click=CaseDetailState.go_decision,
                id="ra-quyet-dinh",
            ),
        ),
        *[make() for make in EXTRA_ACTIONS],
        wrap="wrap",
        spacing="2",
    )


def _record() -> rx.Component:
    """The violation record, or, for a case decided on the spot, that no
    record was made (Law Art. 56): never an empty record."""
    c = CaseDetailState.case
    return rx.cond(
        c["without_record"],
        rx.card(
            rx.heading("Xử phạt không lập biên bản (Điều 56)", size="4"),
            rx.text(
                "Quyết định xử phạt được ra ngay tại chỗ, không lập biên bản vi "
                "phạm hành chính (Điều 56 Luật Xử lý vi phạm hành chính); quyết "
                "định in theo mẫu MQĐ01.",
                size="2", margin_top="0.5em",
            ),
            width="100%", id="khong-lap-bien-ban",
        ),
        rx.cond(
            # Imported without a record number: not "no record" (Art. 56),
            # only none written in the register.
            c["record_made_at"] == "",
            rx.card(
                rx.heading("Biên bản vi phạm hành chính", size="4"),
                rx.text(
                    "Sổ theo dõi nhập từ Excel không ghi số biên bản của quyết "
                    "định này.",
                    size="2", margin_top="0.5em",
                ),
                width="100%", id="bien-ban-khong-ghi",
            ),
            _info_card(
                "Biên bản vi phạm hành chính",
                _info("Số", c["record_number"]),
                _info("Lập lúc", c["record_made_at"]),
                _known("Nơi lập", c["record_place"]),
                rx.cond(
                    c["office_reason"] != "",
                    _info("Lý do lập tại nơi khác", c["office_reason"]),
                ),
                _known("Người lập", c["maker"]),
                _known("Người chứng kiến", c["witness"]),
                _known("Ý kiến người vi phạm", c["violator_statement"]),
                _record_date_form(),
            ),
        ),
    )


def _record_date_form() -> rx.Component:
    """An imported record whose register gave no date: those who may write
    the case type it from the paper record (case_edit.fill_record_date; the
    edit form is locked once decided)."""
    c = CaseDetailState.case
    return rx.cond(
        c["record_date_unknown"]
        & CaseDetailState.permissions.contains("case.write"),
        rx.form(
            rx.flex(
                field(
                    "Ngày lập biên bản (theo biên bản giấy)", "record_date",
                    date=True, width="220px", field_id="bo-sung-ngay-bb",
                    hint=DATE_DIGITS_HINT,
                ),
                rx.button("Ghi ngày lập biên bản", type="submit",
                          id="ghi-ngay-bien-ban"),
                align="end", spacing="2", wrap="wrap",
            ),
            on_submit=CaseDetailState.fill_record_date,
            reset_on_submit=False,
            width="100%", margin_top="0.5em",
        ),
    )


def _detail() -> rx.Component:
    c = CaseDetailState.case
    return rx.flex(
        rx.flex(
            rx.cond(
                c["record_number"] == "",
                rx.heading("Quyết định số ", c["decision_number"], size="5"),
                rx.heading("Biên bản số ", c["record_number"], size="5"),
            ),
            rx.badge(c["status"], size="2"),
            rx.cond(
                c["without_record"],
                rx.badge("Xử phạt không lập biên bản (Điều 56)", size="2",
                         color_scheme="orange"),
            ),
            align="center", spacing="3", wrap="wrap",
        ),
        _actions(),
        procedure_alerts(),
        _info_card(
            "Vụ việc",
            _info("Đơn vị", c["unit_name"]),
            _info("Lĩnh vực", c["field"]),
            _info("Thời gian vi phạm", c["violation_at"]),
            _known("Địa điểm vi phạm", c["violation_place"]),
            _info("Mô tả", c["description"]),
        ),
        _pairs("Đối tượng vi phạm", CaseDetailState.violator),
        _acts(),
        _record(),
        rx.cond(
            c["decision_number"] != "",
            _info_card(
                "Quyết định xử phạt",
                _info("Số", c["decision_number"]),
                _info("Ngày", c["decided_on"]),
                _known("Người ký", c["signer"]),
                _info("Tổng tiền phạt", c["fine_total"]),
                _known("Hình thức bổ sung", c["additional_sanctions"]),
                _known("Biện pháp khắc phục", c["remedial_measures"]),
                _known("Nộp phạt", c["payment"]),
            ),
        ),
        *[make() for make in EXTRA_SECTIONS],
        rx.card(
            rx.heading("Diễn biến hồ sơ", size="4"),
            rx.text(
                "Thời gian bên trái là lúc nhập vào hệ thống; ngày của biên "
                "bản, quyết định và từng bước ghi trong dòng.",
                size="2", color_scheme="gray",
            ),
            rx.foreach(
                CaseDetailState.timeline,
                lambda e: rx.flex(
                    rx.text(e["at"], size="2", color_scheme="gray", min_width="200px"),
                    rx.text(e["summary"], " — ", e["actor"], size="2"),
                    wrap="wrap", spacing="2", padding_y="0.25em",
                ),
            ),
            width="100%",
        ),
        direction="column",
        spacing="3",
    )


@rx.page(
    route=routes.CASE_DETAIL, title="Chi tiết hồ sơ – XLVPHC",
    on_load=CaseDetailState.open,
)
def case_detail_page() -> rx.Component:
    # Leadership (dashboards only) may not read case files: the refusal with
    # its way back, as on the menu pages.
    return page_for(
        Action.CASE_READ,
        "Chi tiết hồ sơ",
        # A case out of reach (missing or another unit's, told apart nowhere):
        # the refusal panel with the way back to the list; one of the user's
        # own units in the recycle bin: where it is. The panel alone: the
        # sections of a case shown before may mount and be refused too, and
        # their message repeated the refusal (user trial).
        case_refusal(CaseDetailState),
        rx.cond(CaseDetailState.case.contains("id"), _detail()),
        intro="Toàn bộ thông tin của vụ việc, các mẫu biểu in được và diễn biến "
        "xử lý theo thời gian.",
    )
