"""The user guide's table of contents is made from its headings (user
trial: 15 sections on a 24.600 px page with no contents)."""

from xlvphc.pages.guide import CONTENTS_ID, GUIDE_FILE, sections


def test_every_heading_of_the_guide_is_a_section_with_its_own_anchor():
    text = GUIDE_FILE.read_text(encoding="utf-8")
    lead, found = sections(text)
    headings = [line[3:].strip() for line in text.splitlines()
                if line.startswith("## ")]
    assert [s.title for s in found] == headings and len(headings) >= 10
    anchors = [s.anchor for s in found]
    assert len(set(anchors)) == len(anchors) and CONTENTS_ID not in anchors
    assert "muc-in-mau-bieu" in anchors
    # Nothing of the text is lost in the cut: every other line is shown.
    shown = (lead + "\n" + "\n".join(s.body for s in found)).splitlines()
    rest = [line for line in text.splitlines() if not line.startswith("## ")]
    assert [line for line in shown if line.strip()] == [
        line for line in rest if line.strip()
    ]

def test_anchors_are_plain_and_repeated_headings_stay_apart():
    lead, found = sections(
        "Lời đầu.\n\n## Đăng nhập (lần đầu)\nA\n## Đăng nhập (lần đầu)\nB\n"
        "## !!!\nC\n"
    )
    assert lead == "Lời đầu."
    assert [s.anchor for s in found] == [
        "muc-dang-nhap-lan-dau", "muc-dang-nhap-lan-dau-2", "muc-phan",
    ]
    assert [s.body for s in found] == ["A", "B", "C"]
