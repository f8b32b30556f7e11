"""The structure of a text that the checks need: words, sentences and quoted passages."""

import bisect
import re
from typing import NamedTuple

# Words (with inner hyphens, apostrophes and colons: "Anna-Karin", "Omar:s", "sms:a"),
# numbers, and single punctuation marks.
_TOKEN = re.compile(r"[^\W\d_]+(?:[-:’'][^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]")

# A sentence ends at . ! ? … followed by space and a letter or a quotation mark (staff often
# start a sentence in lower case), or at a line break. Common abbreviations before the full
# stop do not end a sentence, nor does a full stop inside a number or a time ("kl. 14.30").
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»]?\s+(?=[\"”“«(]?[^\W\d_])|\n\s*")
_ABBREVIATIONS = {
    "t.ex", "bl.a", "kl", "ca", "pga", "p.g.a", "dvs", "d.v.s", "ev", "resp", "fr.o.m", "t.o.m", "s.k",
    "enl", "tel", "st", "obs", "jfr", "mm", "m.m", "o.s.v", "osv", "nr", "dr", "tabl", "tbl", "v", "u.a",
}  # fmt: skip

# A passage within double quotation marks, in any of the styles Swedish text uses.
_QUOTED = re.compile(r"[\"”“„«]([^\"”“„«»\n]{1,500})[\"”“»]")


# Numbers written as words, for amounts ("två Alvedon", "tre gånger i veckan").
NUMBER_WORDS = frozenset(
    ["en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "tjugo", "trettio", "halv"]
)  # fmt: skip


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str
    is_word: bool


_new = tuple.__new__  # faster than Token(...) for the thousands of tokens a check makes


class Tokens(list):
    """A text's tokens, with where each lower-case word starts (built when first asked for), so
    that a list of phrases can go straight to the places where its first words stand."""

    _positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for token in self:
                positions.setdefault(token.lower, []).append(token.start)
            self._positions = positions
        return self._positions


def tokenize(text: str) -> Tokens:
    return Tokens(
        _new(Token, (w, s, s + len(w), w.lower(), w[0].isalpha()))
        for m in _TOKEN.finditer(text)
        for w, s in ((m.group(), m.start()),)
    )


class Spans:
    """Sorted, non-overlapping character ranges, with a fast "is this range inside one?"."""

    def __init__(self, ranges=()):
        merged: list[list[int]] = []
        for start, end in sorted(r for r in ranges if r[1] > r[0]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self._ends[i] >= end

    def __bool__(self) -> bool:
        return bool(self._starts)


class Sentences:
    """The sentences of a text as (start, end) ranges, and which sentence an offset is in."""

    def __init__(self, text: str):
        spans = []
        start = 0
        for m in _SENTENCE_END.finditer(text):
            before = text[max(start, m.start() - 8) : m.start()].rstrip('.!?…"”»').split()
            if before and before[-1].lower().lstrip("(") in _ABBREVIATIONS and "\n" not in m.group():
                continue
            if m.start() > start:
                spans.append((start, m.start()))
            start = m.end()
        if start < len(text):
            spans.append((start, len(text)))
        self.spans = spans or [(0, len(text))]
        self._starts = [s for s, _ in self.spans]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def span(self, offset: int) -> tuple[int, int]:
        return self.spans[self.index(offset)]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The quoted passages of a text, quotation marks included."""
    return [m.span() for m in _QUOTED.finditer(text)]
