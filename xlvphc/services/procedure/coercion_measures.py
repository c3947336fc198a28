"""The measures a coercion decision takes (Law Art. 86 k1) and their forms.

A decision takes one measure, printed on that measure's form (MQĐ07-MQĐ11),
or, when the person both owes money and has not carried out the remedial
measures of the sanction decision, one money measure together with forcing
those measures: the combined forms MQĐ12a (deduction from salary, income
or an account), MQĐ12b (distraint) and MQĐ12c (collection), whose Article 1
is the money measure and Article 2 the remedial one (Phụ lục, Nghị định
118/2021/NĐ-CP; points a-c with d of Law Art. 86 k2). Either way it is one
decision with one number of the "QĐ-CCXP" series.

The coercion step keeps the measure as its `code`; a combined code names
both parts, which `parts_of` gives back. No module imports another of the
procedure here, so the closing rules can read it too.
"""

REMEDIAL = "remedial"
COMBINED_SUFFIX = " và buộc thực hiện biện pháp khắc phục hậu quả"

# One measure per decision.
SINGLE = (
    ("salary", "Khấu trừ một phần lương, thu nhập (MQĐ07)"),
    ("account", "Khấu trừ tiền từ tài khoản (MQĐ08)"),
    ("distraint", "Kê biên tài sản có giá trị để bán đấu giá (MQĐ09)"),
    ("collection", "Thu tiền, tài sản do tổ chức, cá nhân khác giữ (MQĐ10)"),
    (REMEDIAL, "Buộc thực hiện biện pháp khắc phục hậu quả (MQĐ11)"),
)
# A combined decision's code and its money measure.
COMBINED = {
    "salary_remedial": "salary",
    "account_remedial": "account",
    "distraint_remedial": "distraint",
    "collection_remedial": "collection",
}
# The decision form of each code (all numbered in the "QĐ-CCXP" series).
FORM_OF = {
    "salary": "MQĐ07",
    "account": "MQĐ08",
    "distraint": "MQĐ09",
    "collection": "MQĐ10",
    REMEDIAL: "MQĐ11",
    "salary_remedial": "MQĐ12a",
    "account_remedial": "MQĐ12a",
    "distraint_remedial": "MQĐ12b",
    "collection_remedial": "MQĐ12c",
}
# What the money measure is called in a combined choice.
_MONEY_WORDS = {
    "salary": "Khấu trừ một phần lương, thu nhập",
    "account": "Khấu trừ tiền từ tài khoản",
    "distraint": "Kê biên tài sản có giá trị để bán đấu giá",
    "collection": "Thu tiền, tài sản do tổ chức, cá nhân khác giữ",
}
COMBINED_CHOICES = tuple(
    (code, f"{_MONEY_WORDS[money]}{COMBINED_SUFFIX} ({FORM_OF[code]})")
    for code, money in COMBINED.items()
)
MEASURES = SINGLE + COMBINED_CHOICES
COMBINED_HINT = (
    "Còn cả tiền phạt phải thu và biện pháp khắc phục hậu quả chưa thực "
    "hiện: có thể chọn một quyết định kết hợp (MQĐ12a, 12b, 12c), một số "
    "quyết định cho cả hai phần."
)
# The codes (space-separated) a step form's box belongs to (FieldSpec.only).
COMBINED_CODES = " ".join(COMBINED)


def parts_of(code: str) -> tuple[str, ...]:
    """The single measures a decision of `code` takes: ("distraint",
    "remedial") for a combined one, (code,) for any other."""
    money = COMBINED.get(code)
    return (money, REMEDIAL) if money else (code,)


def money_part(code: str) -> str:
    """The money measure of a decision ("" when it collects no money)."""
    return "" if code == REMEDIAL else COMBINED.get(code, code)


def forces_remedial(code: str | None) -> bool:
    """Whether a decision of `code` forces the remedial measures (MQĐ11,
    MQĐ12a-c)."""
    return REMEDIAL in parts_of(code or "")


def with_combined(*codes: str) -> str:
    """`codes` and the combined codes whose money measure is one of them,
    space-separated, for FieldSpec.only."""
    combined = [code for code, money in COMBINED.items() if money in codes]
    return " ".join((*codes, *combined))
