"""What an officer typed in the catalogue search box (services/catalogue.py),
read as a citation (point, clause, article, decree) and the words of an act,
and whether the text of a catalogue entry has those words.

Words are compared here rather than by SQL LIKE on the folded `search_text`:
a word typed with its diacritics keeps them ("rối" is not "rơi", and folded
text cannot tell them apart), and an everyday phrase may stand for the
decree's own wording ("gây rối" for "gây mất trật tự").
"""

import re
import unicodedata
from dataclasses import dataclass, replace

from xlvphc.domain.text import fold

# Read on lower-case text whose marks are stripped but whose "đ" is kept, so
# that "điểm đ" is point đ, not point d (NĐ 168/2024 Điều 7 khoản 9 has both).
_POINT = re.compile(r"\b[dđ]iem\s+([a-zđ]{1,2})\b")
_CLAUSE = re.compile(r"\bkhoan\s+(\d{1,3})\b")
_ARTICLE = re.compile(r"\b[dđ]ieu\s+(\d{1,3})\b")
_DOTTED = re.compile(r"\b(\d{1,3})\.(\d{1,3})(?:\.([a-zđ]{1,2}))?\b")
# "Nghị định 282", "NĐ 282/2025", "Nghị định số 282/2025/NĐ-CP", or the
# number alone with its year, as a result card writes it ("282/2025/NĐ-CP").
_DECREE = re.compile(
    r"\b(?:nghi\s+[dđ]inh|n[dđ])(?:\s+so)?\s+(\d{1,4})(?:/(\d{4}))?"
    r"(?:/n[dđ]-cp)?(?![\w/])"
    r"|\b(\d{1,4})/((?:19|20)\d\d)(?:/n[dđ]-cp)?(?![\w/])"
)
_WORD = re.compile(r"\w+")
# The fine frame a result card prints under the act ("Từ 500.000 đồng đến
# 1.000.000 đồng", or "Cảnh cáo"), perhaps after "Khung phạt:": pasted with
# the card, its words are not the act's (user trial: a whole card pasted
# back found nothing).
_FRAME = re.compile(
    r"(?:\bkhung\s+phat\s*:?\s*)?"
    r"\btu\s+\d[\d.]*\s*[dđ]ong\s+[dđ]en\s+\d[\d.]*\s*[dđ]ong\b"
)
# What a card adds to the frame of an act that doubles in a ward
# (domain/ward_fines.py): "tại phường: gấp 02 lần (khoản 3 Điều 10)". Its
# clause and article are not the act's.
_WARD_NOTE = re.compile(
    r";?\s*\btai\s+phuong\s*:\s*gap\s+\d+\s+lan\s*"
    r"\(\s*khoan\s+\d+\s+[dđ]ieu\s+\d+\s*\)"
)
_WARNING_ONLY = re.compile(r"(?:\bkhung\s+phat\s*:?\s*)?\bcanh\s+cao\s*$")
# Everyday words (folded) for acts that the decrees word otherwise, each with
# the catalogue's words for it, marks and all ("bia" is not "bịa"); only
# wordings the catalogue holds (data/violations_catalogue.csv). Officers say
# "gây rối", NĐ 282/2025 Điều 8 says "gây mất trật tự công cộng"; "say rượu"
# is "sử dụng rượu, bia ... gây mất trật tự" there, "nồng độ cồn" in
# NĐ 168/2024.
_DRINK = (("rượu",), ("bia",), ("nồng", "độ", "cồn"))
EVERYDAY: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {
    ("gay", "roi"): (("gây", "mất", "trật", "tự"),),
    ("say", "ruou"): _DRINK,
    ("say", "bia"): _DRINK,
    ("say", "xin"): _DRINK,
    ("uong", "ruou"): _DRINK,
    ("uong", "bia"): _DRINK,
}
# Words of a phrase may have this many other words among them in an act
# ("đỗ xe trên vỉa hè" for "đỗ xe vỉa hè") and still count as the phrase.
_NEAR = 3


@dataclass(frozen=True)
class Group:
    """One typed word, or an everyday phrase with the catalogue's words for it:
    an entry matches the group when it has every word of one option. The
    first option is as typed; the others are the catalogue's, matched with
    their marks."""

    typed: str
    options: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Words:
    """The words of an entry's text, folded and with their marks apart (NFD),
    so that a typed prefix with marks ("rô") finds the word ("rối")."""

    folded: tuple[str, ...]
    marked: tuple[str, ...]


def words_of(text: str) -> Words:
    words = _WORD.findall(text.lower())
    return Words(
        tuple(fold(w) for w in words),
        tuple(unicodedata.normalize("NFD", w) for w in words),
    )


def _hits(words: Words, token: str, exact: bool = False) -> list[int]:
    """Where `token` starts a word: typed without marks it matches any marks,
    typed with them (or `exact`) it matches only those."""
    if not exact and fold(token) == token:
        return [i for i, w in enumerate(words.folded) if w.startswith(token)]
    marked = unicodedata.normalize("NFD", token)
    return [i for i, w in enumerate(words.marked) if w.startswith(marked)]


def _near(places: list[list[int]]) -> bool:
    """Whether some stretch of the text, at most _NEAR words longer than the
    phrase, holds a hit of every token (in any order: "gây rối trật tự" is
    found as "gây mất trật tự")."""
    span = len(places) + _NEAR
    starts = {hit for hits in places for hit in hits}
    return not places or any(
        all(any(start <= hit < start + span for hit in hits) for hits in places)
        for start in starts
    )


@dataclass(frozen=True)
class Query:
    """A typed search: citation parts (None or "" when not typed) and words."""

    decree: str = ""  # "282" or "282/2025"
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    groups: tuple[Group, ...] = ()

    @property
    def cites(self) -> bool:
        """Whether a point, clause or article was typed (a decree alone is
        not a citation of an act)."""
        return (self.article, self.clause, self.point) != (None, None, None)

    def is_empty(self) -> bool:
        return not (self.cites or self.decree or self.groups)

    def citation_text(self) -> str:
        parts = []
        if self.point is not None:
            parts.append(f"điểm {self.point}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.article is not None:
            parts.append(f"Điều {self.article}")
        if self.decree:
            parts.append(f"Nghị định {decree_name(self.decree)}")
        return " ".join(parts)

    def text(self) -> str:
        """The query as the messages quote it."""
        words = " ".join(g.typed for g in self.groups)
        return " ".join(p for p in (self.citation_text(), words) if p)

    def without(self, index: int) -> "Query":
        return replace(self, groups=self.groups[:index] + self.groups[index + 1:])

    def looser(self) -> list["Query"]:
        """The citation widened step by step: without the point, then without
        the clause, then (within a typed decree) without the article."""
        wider = []
        if self.point is not None:
            wider.append(replace(self, point=None))
        if self.clause is not None:
            wider.append(replace(self, point=None, clause=None))
        if self.article is not None and self.decree:
            wider.append(replace(self, point=None, clause=None, article=None))
        return wider

    def typed_words(self) -> int:
        return sum(len(group.options[0]) for group in self.groups)

    def score(self, words: Words) -> tuple[bool, int] | None:
        """None when the entry lacks the words, else its rank (lower first):
        whether the words are not near one another as a phrase ("đánh nhau"
        is not "đánh võng; ... đuổi nhau"), then how far down the options of
        its everyday phrases it matched ("rượu" before "nồng độ cồn")."""
        places: list[list[int]] = []
        fit = 0
        for group in self.groups:
            for number, option in enumerate(group.options):
                hits = [_hits(words, token, number > 0) for token in option]
                if all(hits):
                    places.extend(hits)
                    fit += number
                    break
            else:
                return None
        return (not _near(places), fit)


def decree_name(decree: str) -> str:
    """A typed decree as written in full when its year is known."""
    return f"{decree}/NĐ-CP" if "/" in decree else decree


def _soft(text: str) -> str:
    """`text` without marks but with "đ", one character for one, so that a
    match found in it can be cut from `text` at the same place."""
    out = []
    for ch in text:
        base = "".join(
            c for c in unicodedata.normalize("NFD", ch)
            if unicodedata.category(c) != "Mn"
        )
        out.append(base[:1] or " ")
    return "".join(out)


def parse(typed: str) -> Query:
    """Read a cleaned search text: at most one of each citation part, and the
    words left, an everyday phrase taken as one group."""
    text = list(typed.lower())
    soft = list(_soft("".join(text)))

    def take(pattern: re.Pattern) -> re.Match | None:
        match = pattern.search("".join(soft))
        if match:
            for i in range(match.start(), match.end()):
                text[i] = soft[i] = " "
        return match

    take(_WARD_NOTE)
    take(_FRAME)
    found: dict = {}
    if decree := take(_DECREE):
        number, year = decree[1] or decree[3], decree[2] or decree[4]
        found["decree"] = f"{number}/{year}" if year else number
    if point := take(_POINT):
        found["point"] = point[1]
    if clause := take(_CLAUSE):
        found["clause"] = int(clause[1])
    if article := take(_ARTICLE):
        found["article"] = int(article[1])
    if "article" not in found and (dotted := take(_DOTTED)):
        found["article"], found["clause"] = int(dotted[1]), int(dotted[2])
        if dotted[3]:
            found["point"] = dotted[3]
    if "article" in found:
        # A card's last line for an act punished by a warning only; typed
        # alone, "cảnh cáo" stays a search word.
        take(_WARNING_ONLY)
    return Query(groups=_groups(_WORD.findall("".join(text))), **found)


def _groups(tokens: list[str]) -> tuple[Group, ...]:
    folded = [fold(t) for t in tokens]
    groups, i = [], 0
    while i < len(tokens):
        for key, options in EVERYDAY.items():
            if tuple(folded[i:i + len(key)]) == key:
                typed = tokens[i:i + len(key)]
                groups.append(Group(" ".join(typed), (tuple(typed),) + options))
                i += len(key)
                break
        else:
            groups.append(Group(tokens[i], ((tokens[i],),)))
            i += 1
    return tuple(groups)
