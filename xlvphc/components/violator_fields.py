"""Section 1 of the case forms, "Đối tượng vi phạm": a person or an
organisation, each asked what its documents print (MBB01, MQĐ02).

Both kinds' boxes are on the page; the kind not chosen is hidden and
disabled. The boxes are uncontrolled (read on submit), so a hidden box keeps
what was typed: choosing the other kind and back brings it back, and nothing
typed for a person shows in, or is saved as, the organisation's fields (the
services keep only the chosen kind's, state/violator_form.py)."""

import reflex as rx

from xlvphc.components.fields import field, select_field
from xlvphc.state.violator_form import INDIVIDUAL, ORGANISATION, ORGANISATION_BOXES

GENDERS = [("Nam", "Nam"), ("Nữ", "Nữ")]
KIND_LABELS = {INDIVIDUAL: "Cá nhân", ORGANISATION: "Tổ chức"}
SWITCH_HINT = (
    "Đổi loại đối tượng không xóa những gì đã nhập: chọn lại loại cũ để thấy "
    "lại. Khi lưu, chỉ thông tin của loại đang chọn được ghi vào hồ sơ."
)


def _starting(values, saved_kind, kind: str):
    """The start value of a box of `kind`: the case's value when the case
    was saved as that kind (edit form), else the box's own default."""

    def value(key: str, default: str = "") -> str | rx.Var:
        if values is None:
            return default
        return rx.cond(saved_kind == kind, values.get(key, default), default)

    return value


def _minor_warning(state) -> rx.Component:
    """Under "Ngày sinh" while typing: the violator was under 14 on the day
    of the violation (state/violator_form.typed_minor_warning). A warning
    only; the form still saves. Hidden while the save's own message for the
    birth date shows, which says the same (user trial: two boxes)."""
    return rx.cond(
        (state.minor_warning != "") & ~state.errors.contains("birth_date"),
        rx.callout(
            state.minor_warning,
            icon="triangle_alert",
            color_scheme="amber",
            size="1",
            margin_top="0.4em",
            role="status",
            id="canh-bao-duoi-14-tuoi",
        ),
    )


# Nationalities written for a Vietnamese citizen, lower case (also none).
VIETNAMESE = ("", "việt nam", "viet nam", "vn")
# A Vietnamese citizen's number is all digits (CCCD), so its box opens the
# phone's number pad; a foreigner's passport number starts with a letter,
# which that pad (on an iPhone) cannot type. Leaving "Quốc tịch" sets the
# keyboard for what it now says.
ID_KEYBOARD_SCRIPT = (
    "(() => {"
    "const box = document.getElementById('id_number');"
    "const said = document.getElementById('nationality');"
    "if (!box || !said) return;"
    f"const ours = {list(VIETNAMESE)!r}.includes(said.value.trim().toLowerCase());"
    "box.inputMode = ours ? 'numeric' : 'text';"
    "})()"
)


def id_keyboard(nationality: str | rx.Var) -> str | rx.Var:
    """The keyboard of the ID number box for the nationality it starts
    with (the edit form's is the case's; see ID_KEYBOARD_SCRIPT)."""
    if isinstance(nationality, str):
        return "numeric" if nationality.strip().lower() in VIETNAMESE else "text"
    said = nationality.to(str).strip().lower()
    ours = said == VIETNAMESE[0]
    for name in VIETNAMESE[1:]:
        ours = ours | (said == name)
    return rx.cond(ours, "numeric", "text")


def _individual(state, start) -> list[rx.Component]:
    return [
        field(
            "Họ và tên",
            "name",
            required=True,
            placeholder="Nguyễn Văn An",
            default=start("name"),
        ),
        select_field("Giới tính", "gender", GENDERS, default=start("gender")),
        field(
            "Ngày sinh",
            "birth_date",
            placeholder="ngày/tháng/năm",
            date=True,
            default=start("birth_date"),
            on_change=state.check_birth.debounce(500),
            below=_minor_warning(state),
        ),
        field(
            "Quốc tịch",
            "nationality",
            default=start("nationality", "Việt Nam"),
            on_blur=rx.call_script(ID_KEYBOARD_SCRIPT),
        ),
        field("Nghề nghiệp", "occupation", default=start("occupation")),
        field("Nơi ở hiện tại", "address", full=True, default=start("address")),
        field(
            "Số định danh cá nhân / CMND / hộ chiếu",
            "id_number",
            hint="CCCD: 12 chữ số",
            default=start("id_number"),
            input_mode=id_keyboard(start("nationality", "Việt Nam")),
        ),
        field(
            "Ngày cấp",
            "id_issued_on",
            placeholder="ngày/tháng/năm",
            date=True,
            default=start("id_issued_on"),
        ),
        field("Nơi cấp", "id_issued_by", default=start("id_issued_by")),
    ]


def _organisation(start) -> list[rx.Component]:
    name, address = ORGANISATION_BOXES["name"], ORGANISATION_BOXES["address"]
    return [
        field(
            "Tên tổ chức",
            name,
            required=True,
            default=start("name"),
            placeholder="Công ty TNHH …",
        ),
        field("Địa chỉ trụ sở chính", address, full=True, default=start("address")),
        field(
            "Mã số doanh nghiệp",
            "tax_code",
            hint="10 chữ số",
            default=start("tax_code"),
        ),
        field(
            "Số GCN đăng ký doanh nghiệp / giấy phép",
            "registration_number",
            default=start("registration_number"),
        ),
        field(
            "Ngày cấp",
            "registration_issued_on",
            placeholder="ngày/tháng/năm",
            date=True,
            default=start("registration_issued_on"),
        ),
        field(
            "Nơi cấp", "registration_issued_by", default=start("registration_issued_by")
        ),
        field(
            "Người đại diện theo pháp luật",
            "representative_name",
            required=True,
            default=start("representative_name"),
        ),
        select_field(
            "Giới tính người đại diện",
            "representative_gender",
            GENDERS,
            default=start("representative_gender"),
        ),
        field(
            "Chức danh người đại diện",
            "representative_title",
            placeholder="Giám đốc",
            default=start("representative_title"),
        ),
    ]


def _boxes(kind_var, kind: str, children: list[rx.Component]) -> rx.Component:
    """One kind's boxes: shown when chosen; otherwise hidden and disabled
    (kept on the page, with what was typed)."""
    chosen = kind_var == kind
    return rx.el.fieldset(
        rx.flex(*children, wrap="wrap", spacing="3", width="100%"),
        disabled=~chosen,
        display=rx.cond(chosen, "block", "none"),
        border="none",
        padding="0",
        margin="0",
        min_width="0",
        width="100%",
        id=f"doi-tuong-{'to-chuc' if kind == ORGANISATION else 'ca-nhan'}",
    )


def _switched_warning(kind_var, saved_kind) -> rx.Component:
    """On the edit form, once the kind differs from the saved one: what the
    save will do to the case's present violator."""
    return rx.cond(
        kind_var != saved_kind,
        rx.callout(
            rx.cond(
                kind_var == ORGANISATION,
                "Hồ sơ đang ghi đối tượng là cá nhân. Khi lưu, họ tên, ngày sinh, "
                "số định danh… của cá nhân được thay bằng thông tin tổ chức dưới "
                "đây. Muốn giữ cá nhân, chọn lại \u201cCá nhân\u201d trước khi lưu.",
                "Hồ sơ đang ghi đối tượng là tổ chức. Khi lưu, tên tổ chức, mã số "
                "doanh nghiệp, người đại diện… được thay bằng thông tin cá nhân "
                "dưới đây. Muốn giữ tổ chức, chọn lại \u201cTổ chức\u201d trước "
                "khi lưu.",
            ),
            icon="triangle_alert",
            color_scheme="amber",
            width="100%",
            id="doi-loai-doi-tuong",
        ),
    )


def violator_fields(state, values=None) -> list[rx.Component]:
    """The kind chooser and both kinds' boxes, for a form state with `kind`
    and `set_kind` (state/violator_form.py). `values` (edit form): the
    case's values, with `state.saved_kind` the kind they belong to."""
    saved_kind = getattr(state, "saved_kind", None) if values is not None else None
    parts = [
        rx.box(
            rx.radio(
                [KIND_LABELS[INDIVIDUAL], KIND_LABELS[ORGANISATION]],
                value=rx.cond(
                    state.kind == ORGANISATION,
                    KIND_LABELS[ORGANISATION],
                    KIND_LABELS[INDIVIDUAL],
                ),
                on_change=lambda v: state.set_kind(
                    rx.cond(v == KIND_LABELS[ORGANISATION], ORGANISATION, INDIVIDUAL)
                ),
                direction="row",
            ),
            rx.text(SWITCH_HINT, size="1", color_scheme="gray"),
            width="100%",
        ),
    ]
    if saved_kind is not None:
        parts.append(_switched_warning(state.kind, saved_kind))
    parts += [
        _boxes(
            state.kind,
            INDIVIDUAL,
            _individual(state, _starting(values, saved_kind, INDIVIDUAL)),
        ),
        _boxes(
            state.kind,
            ORGANISATION,
            _organisation(_starting(values, saved_kind, ORGANISATION)),
        ),
    ]
    return parts
