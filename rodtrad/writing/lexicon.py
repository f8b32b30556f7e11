"""The data files in `data/`: reading them, and turning their lines into word forms and regexes.

Every file is UTF-8 text. A line starting with `#` is a comment, blank lines are skipped, a line
`[name]` starts a section, and any other line is an entry: `pattern => suggestion` (the
suggestion is optional). What a pattern is depends on the section: a word entry
(`headword, extra form, ...`) or a phrase (see `phrase_regex`). docs/writing-assistant.md
describes the format for the people who edit the files.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources


class DataFileError(ValueError):
    """A data file line that cannot be read; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Entry:
    file: str
    line: int
    section: str
    pattern: str
    suggestion: str | None


def read(name: str, sections: set[str]) -> dict[str, list[Entry]]:
    """The entries of data file `name` by section; a section not in `sections` is an error."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    entries: dict[str, list[Entry]] = {section: [] for section in sections}
    section = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in sections:
                known = ", ".join(f"[{s}]" for s in sorted(sections))
                raise DataFileError(f"{name}:{number}: unknown section [{section}] (known: {known})")
            continue
        if section is None:
            raise DataFileError(f"{name}:{number}: entry before the first [section]")
        pattern, arrow, suggestion = line.partition("=>")
        pattern = pattern.strip()
        if not pattern:
            raise DataFileError(f"{name}:{number}: empty entry")
        suggestion = (suggestion.strip() or None) if arrow else None
        entries[section].append(Entry(name, number, section, pattern, suggestion))
    return entries


# Word entries --------------------------------------------------------------------------------

WORD_CLASSES = {"adjektiv", "verb", "substantiv", "oböjligt"}


def word_forms(entry: Entry, word_class: str) -> tuple[str, set[str]]:
    """The headword of a word entry and every form it is to be recognised in (lower case)."""
    words = [w.strip().lower() for w in entry.pattern.split(",")]
    if not all(words) or any(" " in w for w in words):
        raise DataFileError(f"{entry.file}:{entry.line}: a word entry is `word, form, form` with one word each")
    headword = words[0]
    generate = {"adjektiv": _adjective_forms, "verb": _verb_forms, "substantiv": _noun_forms}.get(word_class)
    forms = generate(headword) if generate else {headword}
    return headword, forms | set(words)


def _adjective_forms(word: str) -> set[str]:
    forms = {word + suffix for suffix in ("", "a", "t", "e", "s", "are", "ast", "aste")}
    if word.endswith("en"):  # ledsen: ledsna, ledset
        stem = word[:-2]
        forms |= {stem + "na", stem + "et", stem + "nare", stem + "nast", stem + "naste"}
    if word.endswith("ad"):  # irriterad: irriterade, irriterat
        forms |= {word + "e", word[:-1] + "t"}
    elif word.endswith("d"):  # nedstämd: nedstämt
        forms.add(word[:-1] + "t")
    return forms


def _verb_forms(word: str) -> set[str]:
    if not word.endswith("a"):
        return {word}
    stem = word[:-1]
    # First conjugation (vägrar, vägrade, vägrat) and second (gnäller, gnällde, köpte), with passives.
    suffixes = ("a", "ar", "ade", "at", "ande", "as", "ades", "ats", "er", "de", "t", "te", "es", "des", "ts", "s")
    forms = {stem + suffix for suffix in suffixes}
    if stem.endswith("r"):  # bära: bär
        forms.add(stem)
    return forms


def _noun_forms(word: str) -> set[str]:
    suffixes = ("", "s", "n", "ns", "en", "ens", "et", "ets", "er", "ers", "erna", "ernas", "ar", "arna", "na")
    forms = {word + suffix for suffix in suffixes}
    if word.endswith("a"):  # mamma: mammor, mammorna
        forms |= {word[:-1] + suffix for suffix in ("or", "ors", "orna", "ornas")}
    if word.endswith("e"):  # granne: grannar
        forms |= {word[:-1] + suffix for suffix in ("ar", "arna", "ars", "arnas")}
    if word.endswith("are"):  # läkare: läkarna
        forms |= {word[:-1] + "na", word[:-1] + "nas"}
    return forms


# Phrases -------------------------------------------------------------------------------------

_MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_NUMBER_WORDS = (
    "en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|tjugo|trettio|fyrtio"
    "|femtio|sextio|hundra|halv|halvt"
)
_NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?|(?:{_NUMBER_WORDS})(?:\s*[-–]\s*(?:{_NUMBER_WORDS}))?)"

PLACEHOLDERS = {
    "tal": _NUMBER,
    "månad": rf"(?:{_MONTHS})",
    "år": r"(?:19|20)\d\d",
    "datum": rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}(?:[-/]\d{{2,4}})?|\d{{1,2}}(?::e|e)?\s+(?:{_MONTHS})(?:\s+(?:19|20)\d\d)?)",
    "veckodag": r"(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en|ar|arna|s)?",
    "ord": r"[^\W\d_][\w’':-]*",
    # The end of a clause: punctuation or the end of the text next ("har varit som vanligt.").
    "slut": r"(?=\s*(?:[.,;:!?…\n]|$))",
}


def _split_positions(phrase: str, where: str) -> list[tuple[bool, list[str]]]:
    """`a|b (c|d e) {f g|h}` -> [(False, [a, b]), (True, [c, d e]), (False, [f g, h])]."""
    positions = []
    i = 0
    while i < len(phrase):
        char = phrase[i]
        if char.isspace():
            i += 1
            continue
        if char in "({":
            close = ")" if char == "(" else "}"
            end = phrase.find(close, i + 1)
            if end < 0:
                raise DataFileError(f"{where}: {char} without {close}")
            inner = phrase[i + 1 : end]
            if any(bracket in inner for bracket in "({"):
                raise DataFileError(f"{where}: brackets inside {char}…{close} are not allowed; write two lines instead")
            alternatives = [a.strip() for a in inner.split("|")]
            positions.append((char == "(", alternatives))
            i = end + 1
        else:
            end = i
            while end < len(phrase) and not phrase[end].isspace() and phrase[end] not in "({":
                end += 1
            positions.append((False, phrase[i:end].split("|")))
            i = end
    if not positions or any(not a for _, alternatives in positions for a in alternatives):
        raise DataFileError(f"{where}: empty phrase or empty alternative")
    return positions


def word_list_regex(words) -> str:
    """A regex for any of `words` (each possibly of several words), longest first."""
    alternatives = sorted({" ".join(w.lower().split()) for w in words if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in alternatives) + ")"


def _word_regex(word: str, where: str, placeholders: dict[str, str]) -> str:
    if len(word) > 2 and word[0] == "<" and word[-1] == ">":
        name = word[1:-1]
        if name not in placeholders:
            raise DataFileError(f"{where}: unknown placeholder <{name}> (known: {', '.join(placeholders)})")
        if name == "slut":  # a lookahead, not a word
            return placeholders[name]
        return rf"(?<!\w){placeholders[name]}(?!\w)"
    if "<" in word and ">" in word:  # a placeholder inside a word: "x<tal>" for "x2"
        parts = re.split(r"(<[^<>]+>)", word)
        inner = "".join(
            _word_regex(part, where, placeholders)[len("(?<!\\w)") : -len("(?!\\w)")]
            if part.startswith("<") and part.endswith(">")
            else re.escape(part)
            for part in parts
            if part
        )
        return rf"(?<!\w){inner}(?!\w)"
    rx = re.escape(word)
    if word[0].isalnum() or word[0] == "_":
        rx = r"(?<!\w)" + rx
    if word[-1].isalnum() or word[-1] == "_":
        rx += r"(?!\w)"
    return rx


def phrase_regex(phrase: str, where: str = "phrase", extra: dict[str, str] | None = None) -> str:
    """A regex (for re.IGNORECASE) for a phrase in the data files' phrase format.

    Words are separated by spaces and matched as whole words with any whitespace between them.
    `a|b` is one of the words; `(a|b c)` may be left out; `{a b|c}` is one of several
    alternatives that may have more than one word; `<tal>`, `<månad>`, `<datum>`, `<år>`,
    `<veckodag>` and `<ord>` stand for a number, month, date, year, weekday and any word; `extra`
    adds placeholders of the caller's (a data file's own word lists, such as `<period>`).
    A match may end in whitespace: strip it before using the span.
    """
    placeholders = {**PLACEHOLDERS, **extra} if extra else PLACEHOLDERS
    parts = []
    for optional, alternatives in _split_positions(phrase, where):
        regexes = [r"\s*".join(_word_regex(w, where, placeholders) for w in alt.split()) for alt in alternatives]
        parts.append(f"(?:(?:{'|'.join(regexes)})\\s*){'?' if optional else ''}")
    return "".join(parts)


_FIRST_TOKEN = re.compile(r"[^\W\d_]+(?:[-:’'][^\W\d_]+)*|\d+|\S")
_DIGIT_START = ("<tal>", "<år>", "<datum>")


def _first_words(phrase: str, where: str) -> set[str]:
    """The words a phrase can begin with (lower case, as the tokenizer cuts them), or
    placeholders: "<tal>" "<månad>" ... . Used to try the phrase only where it can match."""
    firsts: set[str] = set()
    for optional, alternatives in _split_positions(phrase, where):
        for alternative in alternatives:
            word = alternative.split()[0].lower()
            firsts.add(word if word.startswith("<") else _FIRST_TOKEN.match(word).group())
        if not optional:
            break
    return firsts


class PhraseSet:
    """A list of phrase entries, matched together. Scanning a 1,000-character text with one big
    regex at every position is slow, so each entry is tried only at the tokens its first word
    can be: `find` goes to the places in the text where one of the entries' first words stands
    and tries there, in the file's order, only the entries that can start with that word."""

    def __init__(self, entries: list[Entry], word_lists: dict[str, list[str]] | None = None):
        """`word_lists` are placeholders of the caller's: `{"period": ["dag", "dagen", ...]}` lets
        the phrases say `<period>`."""
        self.entries = entries
        word_lists = word_lists or {}
        extra = {name: word_list_regex(words) for name, words in word_lists.items()}
        self._regexes: list[re.Pattern] = []
        self._by_word: dict[str, list[int]] = {}  # first word -> the entries that can start with it
        self._by_placeholder: list[tuple[str, int]] = []  # (placeholder, entry) for the rest
        for i, entry in enumerate(entries):
            where = f"{entry.file}:{entry.line}"
            self._regexes.append(re.compile(phrase_regex(entry.pattern, where, extra), re.IGNORECASE))
            for word in _first_words(entry.pattern, where):
                if word[1:-1] in word_lists:  # a phrase can start with any first word of the list
                    for listed in word_lists[word[1:-1]]:
                        if listed.strip():
                            self._by_word.setdefault(listed.split()[0].lower(), []).append(i)
                elif word.startswith("<"):
                    self._by_placeholder.append((word, i))
                else:
                    self._by_word.setdefault(word, []).append(i)
        self._word_placeholders = {
            p: re.compile(PLACEHOLDERS[p[1:-1]] + (f"|(?:{_NUMBER_WORDS})" if p == "<tal>" else ""), re.IGNORECASE)
            for p, _ in self._by_placeholder
            if p not in ("<ord>", *_DIGIT_START) or p == "<tal>"
        }
        self._starts: dict[str, tuple[int, ...]] = {}  # token (lower case) -> entries to try there
        self._first_words = frozenset(self._by_word)

    def _entries_at(self, lower: str) -> tuple[int, ...]:
        """The entries that can start at a token, in the file's order."""
        found = self._starts.get(lower)
        if found is None:
            indices = set(self._by_word.get(lower, ()))
            for placeholder, i in self._by_placeholder:
                if placeholder == "<ord>":
                    fits = lower[0].isalpha()
                elif placeholder in _DIGIT_START and lower[0].isdigit():
                    fits = True
                else:
                    rx = self._word_placeholders.get(placeholder)
                    fits = rx is not None and lower[0].isalpha() and rx.fullmatch(lower) is not None
                if fits:
                    indices.add(i)
            found = tuple(sorted(indices))
            if len(self._starts) < 100_000:
                self._starts[lower] = found
        return found

    def find(self, text: str, tokens) -> Iterator[tuple[int, int, int]]:
        """(start, end, entry index) for each match in text, left to right, not overlapping,
        trailing whitespace left out. `tokens` are the text's tokens (text.tokenize)."""
        if not self._regexes:
            return
        positions = getattr(tokens, "positions", None)
        if positions is None:  # a plain list of tokens
            words = {t.lower for t in tokens}
            positions = {}
            for t in tokens:
                positions.setdefault(t.lower, []).append(t.start)
        else:
            words = positions.keys()
        # Only the words that can start an entry: those the entries start with and, when an
        # entry starts with a placeholder, the words that fit it.
        starting = self._first_words & words if not self._by_placeholder else words
        candidates = []
        for word in starting:
            indices = self._starts.get(word)
            if indices is None:
                indices = self._entries_at(word)
            if indices:
                candidates += [(start, indices) for start in positions[word]]
        candidates.sort()
        done = 0
        for position, indices in candidates:
            if position < done:
                continue
            for index in indices:
                match = self._regexes[index].match(text, position)
                if match is None:
                    continue
                end = position + len(match.group().rstrip())
                if end > position:
                    done = end
                    yield position, end, index
                    break

    def first(self, text: str, tokens) -> tuple[int, int] | None:
        return next(((start, end) for start, end, _ in self.find(text, tokens)), None)
