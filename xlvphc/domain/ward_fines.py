"""Fine frames that double when the violation is in a ward (phường).

Some sector decrees state an act's frame for a commune (xã) and, in another
clause of the same article, make it twice that in a ward: Nghị định
123/2024/NĐ-CP Điều 10 khoản 3 ("thuộc địa giới hành chính của phường, thị
trấn thì mức xử phạt bằng 02 lần mức phạt tương ứng…"), Điều 13 khoản 6. The
catalogue (data/violations_catalogue.csv) keeps the commune's frame and
words the act "tại xã"; the rule is in the row's source note,
"[tại phường: gấp 02 lần (khoản 3)]". An officer of a ward who picked such
a row was held to the commune's frame, and the decision said "tại xã".
"""

import re
from dataclasses import dataclass

_NOTE = re.compile(r"\[\s*tại phường:\s*gấp\s+0*(\d+)\s+lần\s*\(khoản\s+(\d+)\)\s*\]")
# The act's words that name a commune, as the catalogue writes them.
_IN_COMMUNE = re.compile(r"\btại xã\b")


@dataclass(frozen=True)
class WardRule:
    """How an act's frame changes in a ward.

    Attributes:
        factor: The frame in a ward is the commune's times this.
        clause: The clause of the act's own article that says so.
    """

    factor: int
    clause: int

    def frame(
        self, fmin: int | None, fmax: int | None
    ) -> tuple[int | None, int | None]:
        """The ward's frame from the commune's (a warning stays a warning)."""
        if fmin is None or fmax is None:
            return fmin, fmax
        return fmin * self.factor, fmax * self.factor

    def note(self, article: int) -> str:
        """What the picker says under the frame: "tại phường: gấp 02 lần
        (khoản 3 Điều 10)", the factor written as the decree writes it."""
        return (
            f"tại phường: gấp {self.factor:02d} lần "
            f"(khoản {self.clause} Điều {article})"
        )


def ward_rule(source: str | None) -> WardRule | None:
    """The ward rule a catalogue row's source note states, or None.

    Args:
        source: The row's `source` column.

    Returns:
        The rule, or None when the row has none (the frame is the same
        everywhere) or the note cannot be read (a factor below 2).
    """
    found = _NOTE.search(source or "")
    if not found:
        return None
    factor, clause = int(found.group(1)), int(found.group(2))
    if factor < 2 or clause < 1:
        return None
    return WardRule(factor, clause)


def ward_wording(act: str) -> str:
    """The act as it reads in a ward: "tại xã" becomes "tại phường", so that
    the record and the decision do not place a ward's violation in a
    commune. An act that does not say "tại xã" once is left as it is."""
    if len(_IN_COMMUNE.findall(act)) != 1:
        return act
    return _IN_COMMUNE.sub("tại phường", act)
