"""Xác minh: verifying the circumstances of a case before the decision (Law
Art. 59 as amended by Law 88/2025 k10, form MBB05), and verifying the
money and assets of a person to coerce (Art. 86, 87; form MBB09), whose
record the coercion decisions MQĐ07-MQĐ12c cite. Each records who
verified, where, and what was found, and gets its record number."""

from xlvphc.services.procedure.coercion import coercion_guard
from xlvphc.services.procedure.details import (
    ASSETS,
    INFORMANT_KINDS,
    VERIFY,
    compact,
    number,
    people,
    person_name,
    place,
    texts,
    times,
)
from xlvphc.services.procedure.transitions import Context, FieldSpec, handles

ON = FieldSpec("on", "Ngày xác minh", "date", True)
LABELS = {f.name: f.label for f in VERIFY + ASSETS}


@handles("verify", [ON, *VERIFY])
def _verify(ctx: Context) -> None:
    on = ctx.day("on", "ngày xác minh")
    found = {
        **times(ctx.form, on=on),
        "place": place(ctx.form),
        "informants": people(ctx.form, "informants", "người cung cấp thông tin"),
        "findings": ctx.form.text(
            "findings", "những tình tiết đã xác minh", 2000, True, multiline=True
        ),
        **texts(
            ctx.form,
            ["damage", "mitigating", "aggravating", "violator_opinion",
             "informant_opinion"],
            LABELS,
        ),
    }
    if ctx.form.errors:
        return
    record_no = number(ctx, "MBB05", on)
    ctx.details = compact({"record_no": record_no, **found})
    ctx.record = {"on": on, "document": record_no, "note": found["findings"][:2000]}
    ctx.summary = f"Biên bản xác minh tình tiết số {record_no}: {found['findings']}"


@handles("verify_assets", [ON, *ASSETS], guard=coercion_guard)
def _verify_assets(ctx: Context) -> None:
    on = ctx.day("on", "ngày xác minh")
    found = {
        **times(ctx.form, on=on),
        "place": place(ctx.form),
        "informants": people(ctx.form, "informants", "người cung cấp thông tin"),
        "informant_kind": ctx.form.choice(
            "informant_kind",
            "người cung cấp thông tin là cá nhân hay người đại diện của tổ chức",
            dict(INFORMANT_KINDS),
            required=False,
        ),
        "reason": ctx.form.text("reason", "lý do xác minh", 500, required=True),
        **texts(
            ctx.form,
            ["salary_info", "account_info", "asset_info", "third_party_info",
             "violator_opinion"],
            LABELS,
        ),
        "maker_name": person_name(
            ctx.form, "maker_name", "họ và tên người lập biên bản"
        ),
        "maker_title": ctx.form.text(
            "maker_title", "chức vụ của người lập biên bản", 200
        ),
    }
    results = ("salary_info", "account_info", "asset_info", "third_party_info")
    if not any(found[key] for key in results) and "salary_info" not in ctx.form.errors:
        ctx.refuse(
            "salary_info",
            "Vui lòng ghi kết quả xác minh về tiền lương, thu nhập, tài khoản "
            "hoặc tài sản.",
        )
    if (
        found["informant_kind"]
        and not found["informants"]
        and "informants" not in ctx.form.errors
    ):
        # The choice is about the informants' signature: nobody to sign.
        ctx.refuse(
            "informant_kind",
            "Ghi người cung cấp thông tin trước khi chọn cá nhân hay tổ chức.",
        )
    if found["maker_title"] and not found["maker_name"]:
        ctx.refuse("maker_name", "Ghi họ và tên người lập biên bản.")
    if ctx.form.errors:
        return
    record_no = number(ctx, "MBB09", on)
    ctx.details = compact({"record_no": record_no, **found})
    ctx.record = {"on": on, "document": record_no, "note": found["reason"]}
    ctx.summary = (
        f"Biên bản xác minh thông tin về tiền, tài sản số {record_no}: "
        f"{found['reason']}"
    )
