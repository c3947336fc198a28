"""Nhập hồ sơ cũ từ Excel: template, dry run with every problem by row and
column, and the import with a progress bar."""

import reflex as rx

from xlvphc import routes
from xlvphc.components.fields import form_message
from xlvphc.components.shell import page_for
from xlvphc.services.access import Action
from xlvphc.state.importer import ImportState
from xlvphc.upload_guard import refusal_trigger

UPLOAD_ID = "tep-excel"


def _step1() -> rx.Component:
    return rx.card(
        rx.heading("1. Tải tệp mẫu (không bắt buộc)", size="4"),
        rx.text("Mỗi dòng là một quyết định xử phạt. Sổ đang dùng cũng nhập được "
                "nếu có các cột Số quyết định, Ngày quyết định, Ngày vi phạm, Họ tên, "
                "Lĩnh vực, Hành vi vi phạm — thứ tự cột tùy ý.", size="2"),
        rx.button(rx.icon("download", size=16), "Tải tệp mẫu .xlsx", variant="soft",
                  on_click=ImportState.download_template, margin_top="0.5em",
                  id="tai-mau"),
        width="100%",
    )


def _step2() -> rx.Component:
    return rx.card(
        rx.heading("2. Chọn tệp và kiểm tra thử", size="4"),
        rx.upload(
            rx.flex(
                rx.icon("file-up", size=28),
                rx.text("Kéo tệp .xlsx vào đây hoặc bấm để chọn (tối đa 5 MB)."),
                rx.foreach(rx.selected_files(UPLOAD_ID),
                           lambda name: rx.text(name, weight="bold")),
                direction="column", align="center", spacing="1",
            ),
            id=UPLOAD_ID,
            # MIME type -> extensions, as the account uploader's: a bare
            # ".xlsx" key is no MIME type (a console warning on every load).
            accept={
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [
                    ".xlsx"
                ],
            },
            max_files=1,
            border="2px dashed var(--gray-7)", border_radius="8px", padding="1.5em",
            width="100%", margin_top="0.5em",
        ),
        rx.button(
            rx.icon("list-checks", size=16), "Kiểm tra thử (chưa nhập)",
            on_click=[
                ImportState.upload_starting,
                ImportState.handle_upload(rx.upload_files(upload_id=UPLOAD_ID)),
            ],
            loading=ImportState.checking, margin_top="0.75em", id="kiem-tra",
        ),
        refusal_trigger(ImportState.upload_refused),
        width="100%",
    )


def _problems() -> rx.Component:
    return rx.cond(
        ImportState.problems.length() > 0,
        rx.card(
            rx.heading("Các dòng có vấn đề (sẽ không được nhập)", size="4"),
            rx.box(
                rx.foreach(ImportState.problems,
                           lambda p: rx.text(p, size="2", padding_y="0.15em")),
                max_height="360px", overflow_y="auto", margin_top="0.5em",
                id="danh-sach-loi",
            ),
            width="100%",
        ),
    )


def _preview() -> rx.Component:
    p = ImportState.preview
    return rx.cond(
        p.contains("rows"),
        rx.card(
            rx.heading("3. Kết quả kiểm tra tệp ", ImportState.file_name, size="4"),
            rx.text("Có ", p["rows"], " dòng dữ liệu: ",
                    rx.text.span(p["valid"], weight="bold"), " dòng sẽ được nhập, ",
                    p["existing"], " dòng đã có trong hệ thống (bỏ qua), ",
                    p["invalid"], " dòng có vấn đề.", id="ket-qua-kiem-tra"),
            rx.button(
                rx.icon("database", size=16), "Nhập ", p["valid"], " hồ sơ hợp lệ",
                on_click=ImportState.run_import,
                disabled=ImportState.running | (p["valid"] == 0),
                color_scheme="green", margin_top="0.75em", id="nhap",
            ),
            width="100%",
        ),
    )


def _progress() -> rx.Component:
    return rx.cond(
        ImportState.running,
        rx.card(
            rx.text("Đang nhập… ", ImportState.progress, "%"),
            rx.progress(value=ImportState.progress, max=100, width="100%"),
            width="100%",
        ),
    )


def _report() -> rx.Component:
    r = ImportState.report
    return rx.cond(
        r.contains("created"),
        rx.callout.root(
            rx.callout.icon(rx.icon("circle-check")),
            rx.callout.text("Đã nhập ", rx.text.span(r["created"], weight="bold"),
                    " hồ sơ mới; ", r["existing"], " dòng đã có từ trước nên bỏ qua; ",
                    r["invalid"], " dòng có vấn đề không nhập. Các hồ sơ nhập vào "
                    "được đánh dấu \u201cnhập Excel\u201d trong danh sách."),
            rx.link("Xem danh sách hồ sơ", href=routes.CASES),
            color_scheme="green", id="bao-cao-nhap",
        ),
    )


@rx.page(route=routes.IMPORT, title="Nhập hồ sơ từ Excel – XLVPHC",
         on_load=ImportState.open)
def import_page() -> rx.Component:
    return page_for(
        Action.CASE_IMPORT,
        "Nhập hồ sơ cũ từ Excel",
        form_message(),
        _step1(),
        _step2(),
        _preview(),
        _progress(),
        _report(),
        _problems(),
        intro="Đưa các vụ việc đã xử lý trước đây từ sổ Excel vào hệ thống: kiểm tra "
        "thử trước, chỉ nhập các dòng hợp lệ, nhập lại cùng tệp không tạo trùng.",
    )
