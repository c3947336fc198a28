"""Median time to render a sanction decision, against a bare fpdf2 page.

Run from the repository root: `.venv/bin/python bench/bench_pdf.py [runs]`.
It prints figures only; it is not a test. The bare page (same font, one
paragraph) shows how much of the time is fpdf2 itself (mostly loading and
subsetting the TrueType fonts) rather than our layout.
"""

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "documents")]

from fpdf import FPDF  # noqa: E402
from form_samples import AGENCY, INDIVIDUAL, full_decision, twenty_acts  # noqa: E402

from xlvphc.documents.data import FormData  # noqa: E402
from xlvphc.documents.layout import FONT_DIR  # noqa: E402
from xlvphc.documents.mqd02 import render_decision  # noqa: E402
from xlvphc.documents.registry import render  # noqa: E402


def bare_page() -> bytes:
    """One A4 page with one paragraph in Liberation Serif, nothing else."""
    pdf = FPDF(format="A4")
    pdf.add_font("LiberationSerif", "", str(FONT_DIR / "LiberationSerif-Regular.ttf"))
    pdf.add_page()
    pdf.set_font("LiberationSerif", size=13)
    pdf.multi_cell(0, 6, "Quyết định xử phạt vi phạm hành chính. " * 20)
    return bytes(pdf.output())


def median_ms(render: Callable[[], bytes], runs: int) -> tuple[float, int]:
    """Median wall time in milliseconds over `runs`, after one warm-up."""
    size = len(render())
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), size


def main() -> None:
    """Print one line per case: median time, PDF size, pages."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    many = full_decision(acts=twenty_acts(), fine_total=0)
    form = FormData(
        agency=AGENCY, violator=INDIVIDUAL, signer_title="Chủ tịch", acts=twenty_acts()
    )
    cases: dict[str, Callable[[], bytes]] = {
        "MQĐ02 full case": lambda: render_decision(full_decision()),
        "MQĐ02 with 20 acts": lambda: render_decision(many),
        "MQĐ03 (template form)": lambda: render("MQĐ03", form),
        "MQĐ01 with 20 acts": lambda: render("MQĐ01", form),
        "MBB10 blank (table)": lambda: render(
            "MBB10", FormData(agency=AGENCY, blank=True)
        ),
        "bare fpdf2 page, same font": bare_page,
    }
    print(f"median of {runs} runs")
    for name, make in cases.items():
        ms, size = median_ms(make, runs)
        print(f"{name:<28} {ms:8.1f} ms  {size / 1024:7.1f} KiB")


if __name__ == "__main__":
    main()
