"""Reflex 0.10's rx.flex takes the Radix space scale as `spacing="3"`: a
`gap="3"` is passed on as the CSS `gap: 3`, which browsers drop, so the
items touch ("05/12/2026Lập biên bản", two field errors run together, the
"Tìm" and "Xóa lọc" buttons glued). CSS lengths (`gap="0.4em"`) are fine."""

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "xlvphc"
LAYOUTS = {"rx.flex", "rx.hstack", "rx.vstack", "rx.grid"}
# Files still to be renamed (none left).
PENDING: set[str] = set()


def _unitless_gaps(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in LAYOUTS:
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg == "gap"
                    and isinstance(value, ast.Constant)
                    and str(value.value).isdigit()
                ):
                    lines.append(value.lineno)
    return lines


def test_the_check_finds_a_unitless_gap(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'rx.flex(a, gap="3")\nrx.flex(b, spacing="3")\nrx.flex(c, gap="0.4em")\n'
    )
    assert _unitless_gaps(sample) == [1]


def test_layouts_space_their_items_with_the_radix_prop():
    wrong = {
        str(path.relative_to(SOURCE)): lines
        for path in sorted(SOURCE.rglob("*.py"))
        if (lines := _unitless_gaps(path))
    }
    assert not set(wrong) - PENDING, {k: v for k, v in wrong.items()
                                      if k not in PENDING}
