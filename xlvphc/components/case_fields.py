"""Fields shared by the forms that issue a sanction decision: the MQĐ02 form
after a record (pages/case_form.py) and the on-the-spot MQĐ01 form
(pages/on_the_spot.py). Both are read by services.case_input.read_decision,
so the names must stay the keys it reads."""

import reflex as rx

from xlvphc.components.fields import error_for, field, select_field
from xlvphc.domain.sanctions import ADDITIONAL


def decision_fields(
    today: str | rx.Var,
    signer_name: str | rx.Var = "",
    signer_title: str | rx.Var = "",
    signer_code: str | rx.Var = "",
    recount=None,
    *,
    signer_options: rx.Var,
    remedial: rx.Component | None = None,
) -> list[rx.Component]:
    """Date, signer (with the title that sets the ceiling, NĐ 189/2025),
    delegation, circumstances, additional sanctions, remedies, payment.
    The signer's name, printed title and title code start from the given
    values (e.g. the logged-in signer's account) and stay editable; the
    titles offered are those of the issuing unit ({"id", "name"} rows of
    services.signer_fit), as the service accepts no other.
    `recount(kind, text)`, if given, runs when a circumstances box is left,
    so the suggested fines follow the circumstances (NĐ 68/2025).
    `remedial`, if given, takes the place of the plain «Biện pháp khắc phục
    hậu quả» box (the MQĐ02 form suggests the catalogue's measures there);
    it must keep the box's name, remedial_measures."""
    return [
        field(
            "Ngày quyết định",
            "decided_on",
            required=True,
            default=today,
            placeholder="ngày/tháng/năm",
            date=True,
        ),
        field(
            "Số quyết định (nếu đã ký trên giấy)",
            "decision_number",
            placeholder="05/QĐ-XPHC",
            hint="Để trống để hệ thống cấp số tiếp theo trong sổ của đơn vị "
            "(…/QĐ-XPHC). Chỉ ghi số khi quyết định đã được ký, ban hành trên "
            "giấy trước khi nhập.",
        ),
        field("Người ký", "signer_name", required=True, default=signer_name),
        select_field(
            "Chức danh có thẩm quyền xử phạt",
            "signer_title_code",
            signer_options,
            default=signer_code,
        ),
        field(
            "Chức vụ người ký (ghi trên quyết định)",
            "signer_title",
            default=signer_title,
            placeholder="Chủ tịch Ủy ban nhân dân xã …",
            hint="Chọn chức danh để hệ thống kiểm tra thẩm quyền phạt tiền "
            "(Nghị định 189/2025); để trống ô này thì hệ thống ghi chức danh "
            "kèm tên đơn vị (ví dụ Chủ tịch Ủy ban nhân dân xã Ea Kar).",
        ),
        authority_confirmation(),
        intent_confirmation(),
        field(
            "Quyết định giao quyền (nếu cấp phó ký KT.)",
            "delegation",
            width="100%",
            placeholder="12/QĐ-GQXP",
            hint="Số quyết định đã vào sổ giao quyền của đơn vị (Điều 54 Luật "
            "XLVPHC; mẫu MQĐ34).",
        ),
        field(
            "Tình tiết giảm nhẹ (mỗi dòng một tình tiết)",
            "mitigating",
            multiline=True,
            full=True,
            hint="Điều 9 Luật XLVPHC.",
            on_blur=(lambda text: recount("mitigating", text)) if recount else None,
        ),
        field(
            "Tình tiết tăng nặng (mỗi dòng một tình tiết)",
            "aggravating",
            multiline=True,
            full=True,
            on_blur=(lambda text: recount("aggravating", text)) if recount else None,
            hint="Điều 10 Luật XLVPHC. Một tình tiết: mức phạt giữa mức trung "
            "bình và mức tối đa/tối thiểu; từ hai tình tiết: mức tối đa/tối "
            "thiểu; tăng nặng và giảm nhẹ trừ lùi cho nhau (Nghị định "
            "68/2025).",
        ),
        additional_sanction_choices(),
        field(
            "Hình thức xử phạt bổ sung",
            "additional_sanctions",
            multiline=True,
            full=True,
            hint="Ghi cụ thể (giấy phép nào, thời hạn, tang vật…); để trống thì "
            "quyết định ghi các hình thức đã đánh dấu ở trên.",
        ),
        remedial
        if remedial is not None
        else field(
            "Biện pháp khắc phục hậu quả",
            "remedial_measures",
            multiline=True,
            full=True,
        ),
        field(
            "Số ngày phải nộp phạt",
            "payment_days",
            default="10",
            input_mode="numeric",
            hint="Tối thiểu 10 ngày kể từ ngày nhận quyết định (Điều 73 Luật XLVPHC).",
        ),
        field(
            "Nộp tiền phạt tại",
            "treasury",
            required=True,
            placeholder="Kho bạc Nhà nước …",
            full=True,
        ),
    ]


def confirmation_box(name: str, label: str, hint: str) -> rx.Component:
    """A checkbox the signer ticks to confirm a check the system cannot make
    itself; the service refuses the decision without it and records it on
    the timeline."""
    return rx.box(
        rx.el.label(
            rx.el.input(type="checkbox", name=name, value="1", id=name),
            rx.text(" " + label, as_="span", size="2"),
            display="flex",
            align_items="center",
            gap="0.4em",
            html_for=name,
        ),
        rx.text(hint, size="1", color_scheme="gray"),
        error_for(name),
        width="100%",
    )


def authority_confirmation() -> rx.Component:
    """Fields whose Art. 24 maximum the system does not know yet (road
    traffic, public order, fire safety, environment)."""
    return confirmation_box(
        "authority_confirmed",
        "Tôi đã kiểm tra thẩm quyền xử phạt",
        "Chỉ cần khi hệ thống báo chưa xác định được trần thẩm quyền của "
        "lĩnh vực (Điều 24 Luật XLVPHC).",
    )


def intent_confirmation() -> rx.Component:
    """A violator aged 14 to under 16 is sanctioned only for an intentional
    violation (Law Art. 5 k1 a, domain/minors.py)."""
    return confirmation_box(
        "intent_confirmed",
        "Vi phạm do cố ý",
        "Chỉ cần khi người vi phạm từ đủ 14 tuổi đến dưới 16 tuổi (điểm a "
        "khoản 1 Điều 5 Luật XLVPHC).",
    )


def additional_sanction_choices() -> rx.Component:
    """The additional sanctions of Law Art. 21 k1 c–đ as checkboxes (each
    sends "1" when ticked), counted by the report (NĐ 118/2021 Art. 35 k2)."""
    boxes = [
        rx.box(
            rx.el.label(
                rx.el.input(type="checkbox", name=a.key, value="1", id=a.key),
                rx.text(f" {a.label}", as_="span", size="2"),
                display="flex",
                align_items="center",
                gap="0.4em",
                html_for=a.key,
            ),
            rx.text(a.basis, size="1", color_scheme="gray"),
            error_for(a.key),
            flex="1 1 260px",
        )
        for a in ADDITIONAL
    ]
    return rx.box(
        rx.text("Hình thức xử phạt bổ sung đã áp dụng", weight="medium", size="2"),
        rx.flex(*boxes, wrap="wrap", spacing="3", margin_top="0.25em"),
        width="100%",
        id="hinh-thuc-bo-sung",
    )
