"""How an imported case is shown where the register said less than the app
records: no citation, no frame, no hour of the violation.

A register gives the violation's day only; the importer stores it at 00:00,
so for an imported case a moment at 00:00 means "hour not given" and is
never printed as "00 giờ 00 phút"."""

from datetime import datetime, time

from xlvphc.domain.dates import fmt_date, fmt_datetime

NO_CITATION = "Hành vi nhập từ sổ Excel, chưa có căn cứ"
NO_HOUR = "…… giờ …… phút"
# An act of a register row citing several acts for one total (importer.
# against_catalogue.act_fines): its own fine is not known.
FINE_IN_TOTAL = "Sổ Excel không ghi riêng (xem tổng tiền phạt của quyết định)"
# A record whose number the register gave without its date (write.py): its
# date is unknown, never the violation's put in its place.
NO_RECORD_DATE = "Không rõ (sổ Excel không ghi ngày lập biên bản)"


def hour_unknown(imported: bool, moment: datetime | None) -> bool:
    """Whether an imported case's moment (local time) is a day without an
    hour."""
    return bool(imported and moment is not None and moment.time() == time())


def day_only(moment: datetime) -> str:
    """ "…… giờ …… phút, ngày 11/10/2025": the hour left for the pen."""
    return f"{NO_HOUR}, ngày {fmt_date(moment.date())}"


def moment_text(imported: bool, moment: datetime | None) -> str:
    """A case's violation time as the case page writes it: "14 giờ 30
    phút, ngày 05/03/2026", or the day alone when the register gave no
    hour."""
    if hour_unknown(imported, moment):
        return f"Ngày {fmt_date(moment.date())} (sổ Excel không ghi giờ)"
    return fmt_datetime(moment)


def known(*parts: str) -> str:
    """The parts given, joined by " – ": "Phạm Văn Dũng" for a signer the
    register named without a title, never "Phạm Văn Dũng – "; "" when none
    is known, so the page leaves the line out."""
    return " – ".join(part for part in parts if part)


def payment_text(days: int, treasury: str, imported: bool) -> str:
    """ "Trong 10 ngày, tại Kho bạc Nhà nước …". A register gives neither
    the place of payment nor the days (an imported decision holds the
    model's 10, which its paper may not say): only a place is shown, and
    without one "" (the line is left out, never "Trong 10 ngày, tại ")."""
    if imported:
        return f"Tại {treasury}" if treasury else ""
    return f"Trong {days} ngày" + (f", tại {treasury}" if treasury else "")
