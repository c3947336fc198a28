"""The number of a decision a procedure step issues (issue 4).

Each unit numbers its decisions in its own series per symbol and year
(services/numbering.py). A step that issues a decision (postponement
MQĐ03, reduction or exemption MQĐ04, instalments MQĐ05, coercion
MQĐ07-MQĐ12c, partial execution MQĐ17, criminal transfer MQĐ33,
amendment, correction, cancellation MQĐ38-MQĐ40) leaves the number to
the system: the field "Số quyết định" is optional, and left empty the
decision takes the series' next number. A number typed there is one
already given on paper before the decision was entered; it is kept, it
may not repeat a number the unit gave the same kind of decision that
year (numbers are never reused, Nghị định 30/2020/NĐ-CP), and when it
belongs to the series and lies beyond the last issued the series moves
past it, so the system never hands it out a second time.

A step declares its `DecisionBook` once and calls `field`, `read` and
`issue`; the rules live only here.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from xlvphc.models import Case, ProcedureStep
from xlvphc.services.numbering import (
    keep_out_of_series,
    lock_series,
    next_number,
    number_key,
    paper_form,
    suffix_for,
)
from xlvphc.services.procedure.transitions import Context, FieldSpec

KEY = "document"  # the step form's field and the ProcedureStep column
NUMBER_MAX = 120  # characters of a typed decision number
ON_PAPER = "đã ban hành trên giấy"


@dataclass(frozen=True)
class DecisionBook:
    """How the decisions of one step are numbered.

    Attributes:
        form: The form code (its symbol comes from the form's spec) or,
            for a form without a spec (MQĐ17), the symbol itself.
        step: The step issuing the decision; a typed number may not repeat
            one of this step's decisions of the unit in the same year.
        what: The decision in words, for the refusal ("quyết định hoãn thi
            hành quyết định phạt tiền").
    """

    form: str
    step: str
    what: str

    def field(self, label: str, *other_forms: str) -> FieldSpec:
        """The optional number field, saying what an empty one does.

        Args:
            label: The field's label.
            other_forms: Further forms or symbols the step may issue under
                (MQĐ04: "QĐ-MTP" for an exemption), shown in the hint.
        """
        symbols = " hoặc ".join(f"…/{suffix_for(f)}" for f in (self.form, *other_forms))
        return FieldSpec(
            KEY,
            label,
            "text",
            False,
            f"Để trống để hệ thống cấp số tiếp theo trong sổ của đơn vị "
            f"({symbols}). Chỉ ghi số khi quyết định đã được ký, ban hành "
            "trên giấy trước khi nhập.",
            max_len=NUMBER_MAX,
        )

    def read(self, ctx: Context, on: date | None, form: str = "") -> str:
        """The number typed from a paper decision ("" when left empty),
        written as the series writes its own; refused at the field when it
        has no digit or the unit already gave it to such a decision in the
        year of `on`.

        A number already given is refused even while the date is missing,
        malformed or in the future: then it is looked up in the current
        year, the one a decision entered now almost always belongs to (user
        trial: a repeated "1/QĐ-CCXP" was told only on the second submit,
        once the date had been put right).

        Args:
            ctx: The step being taken.
            on: The decision's date (None when missing or refused).
            form: The form or symbol when it depends on the answers
                (MQĐ04); the book's own by default.
        """
        typed = ctx.form.text(KEY, "số quyết định", NUMBER_MAX)
        if not typed or KEY in ctx.form.errors:
            return typed
        series = form or self.form
        if not any(ch.isdigit() for ch in typed):
            ctx.refuse(
                KEY, f"Số quyết định phải có chữ số, ví dụ 05/{suffix_for(series)}."
            )
            return typed
        paper = paper_form(typed, series)
        year = on.year if on is not None and on <= ctx.today else ctx.today.year
        # Checked under the series' lock: of two officers typing the same
        # number at once, the second sees the first's decision.
        lock_series(ctx.session, ctx.case.unit_id, series, year)
        if self._taken(ctx, paper, series, year):
            ctx.refuse(
                KEY,
                f"Số {paper} đã được dùng cho một {self.what} khác của đơn vị "
                f"trong năm {year}.",
            )
        return paper

    def issue(self, ctx: Context, paper: str, on: date, form: str = "") -> str:
        """The decision's number, once every field is valid: the paper one
        (kept out of the series) or the series' next.

        Args:
            ctx: The step being taken.
            paper: What `read` returned.
            on: The decision's date; its year is the series'.
            form: As for `read`.
        """
        series = form or self.form
        if paper:
            keep_out_of_series(ctx.session, ctx.case.unit_id, series, paper, on.year)
            return paper
        return next_number(ctx.session, ctx.case.unit_id, series, on.year)

    def _taken(self, ctx: Context, paper: str, series: str, year: int) -> bool:
        """Whether the unit gave this number to such a decision that year,
        however it was written ("07/qđ-hb", "7/QĐ-HB" and the series'
        "07/QĐ-HB" are one number)."""
        rows = ctx.session.exec(
            select(ProcedureStep.document)
            .join(Case, Case.id == ProcedureStep.case_id)
            .where(
                Case.unit_id == ctx.case.unit_id,
                ProcedureStep.step == self.step,
                ProcedureStep.on >= date(year, 1, 1),
                ProcedureStep.on <= date(year, 12, 31),
            )
        ).all()
        key = number_key(paper, series)
        return any(row and number_key(row, series) == key for row in rows)


def as_issued(document: str, paper: str) -> str:
    """The number as the timeline gives it, saying when it came on paper."""
    return f"{document} ({ON_PAPER})" if paper else document
