"""Read back rendered PDFs: their text, and where each word landed.

The tests check what an official would check on paper: the words are there,
spelled with their diacritics, and nothing is printed outside the margins.
"""

import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

MM_PER_PT = 25.4 / 72
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def page_texts(pdf: bytes) -> list[str]:
    """Text of each page, NFC, as pypdf extracts it."""
    reader = PdfReader(io.BytesIO(pdf))
    return [unicodedata.normalize("NFC", page.extract_text()) for page in reader.pages]


def flat(text: str) -> str:
    """Collapse all whitespace, so wrapped lines compare as one sentence."""
    return re.sub(r"\s+", " ", text).strip()


def all_text(pdf: bytes) -> str:
    """The whole document as one flattened string."""
    return flat(" ".join(page_texts(pdf)))


@dataclass(frozen=True)
class WordBox:
    """A word's bounding box in millimetres from the page's top-left."""

    page: int
    word: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def word_boxes(pdf: bytes, tmp_path: Path) -> list[WordBox]:
    """Bounding boxes of every word, from poppler's `pdftotext -bbox`."""
    source = tmp_path / "probe.pdf"
    target = tmp_path / "probe.html"
    source.write_bytes(pdf)
    subprocess.run(["pdftotext", "-bbox", str(source), str(target)], check=True)
    boxes: list[WordBox] = []
    page = 0
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
        r"(.*?)</word>"
    )
    for line in target.read_text(encoding="utf-8").splitlines():
        if "<page " in line:
            page += 1
        for match in pattern.finditer(line):
            x0, y0, x1, y1 = (float(g) * MM_PER_PT for g in match.groups()[:4])
            boxes.append(WordBox(page, match.group(5), x0, y0, x1, y1))
    return boxes


def has_poppler() -> bool:
    """pdftotext and pdftoppm come from poppler-utils."""
    return bool(shutil.which("pdftotext") and shutil.which("pdftoppm"))


def to_png(pdf: bytes, name: str, dpi: int = 80) -> list[Path]:
    """Render every page to test-artifacts/<name>-<n>.png for a human look."""
    ARTIFACTS.mkdir(exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(pdf)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(source), str(ARTIFACTS / name)],
        check=True,
    )
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


_SHEETS = re.compile(r"gồm (\d+) tờ")


def sheet_count(pdf: bytes) -> int | None:
    """The number a record prints in "gồm … tờ", None when it prints none."""
    match = _SHEETS.search(all_text(pdf))
    return int(match.group(1)) if match else None


def unnumbered_pages(pages: list[str]) -> list[int]:
    """Pages from 2 on whose text does not open with their number.

    Decree 30 numbers every page but the first, in the top margin, which
    `header` draws before anything else, so it is the first word extracted
    (after the draft mark on a draft).
    """
    out = []
    for number, page in enumerate(pages[1:], start=2):
        words = page.replace("DỰ THẢO", " ").split()
        if not words or words[0] != str(number):
            out.append(number)
    return out


def signature_only_pages(pages: list[str]) -> list[int]:
    """Pages on which a signature block comes with no text above it.

    A column is its caps heading, then the italic "(Ký, …)" note; what is
    extracted before the first note on a page is its number, the headings
    and, when the block stands under text it signs, that text, the only part
    in lower case.
    """
    out = []
    for number, page in enumerate(pages, start=1):
        if "(Ký" not in page:
            continue
        above = page.split("(Ký")[0].replace("DỰ THẢO", " ")
        if not any(word != word.upper() for word in above.split()):
            out.append(number)
    return out
