"""Checks of journal text (social journal entries) against the routine's writing rules."""

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

from .findings import CODES, Finding
from .rules import RELATION, STATE, STATE_VERB, VALUE, Rules, rules
from .text import Sentences, Spans, Token, quoted_spans, tokenize

# Endings after a medicine name: "Alvedonen", "insulinets", "Iprentabletter".
_MEDICINE_ENDINGS = tuple(
    sorted(
        (
            "s", "n", "ns", "en", "ens", "et", "ets", "t", "ts", "er", "erna", "ar", "arna",
            "tablett", "tabletten", "tabletter", "tabletterna", "kapsel", "kapslar", "penna", "pennan",
            "spruta", "sprutan", "plåster", "plåstret", "dos", "dosen", "droppar",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
# What may stand between two parts of one medical detail: "Alvedon 500 mg", "Waran (2 tabletter)".
_MEDICAL_JOINER = re.compile(r"[\s,()–-]{0,3}")
# Where a new main clause starts within a sentence: ", hon ...", " men ...". An interpretation
# marker such as "verkade" covers its own clause: "Elsa verkar må bra, hon var glad" leaves
# "hon var glad" unmarked.
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?=(?:hon|han|hen|de|jag|vi|det|men)\b)|\s+men\s+", re.IGNORECASE)


def check_journal(text: str, other_clients: Iterable[str] = (), client_name: str | None = None) -> list[Finding]:
    """The findings in a journal entry, in the order they appear in the text.

    `other_clients` are the names ("Förnamn Efternamn") of the other clients of the same units;
    `client_name`, if given, is the name of the client the entry is about, so that a first name
    the two share is not taken for the other client's.
    """
    if not text.strip():
        return []
    doc = _Document(text, rules())
    findings = [
        *_value_laden(doc),
        *_medical_detail(doc),
        *_other_clients(doc, other_clients, client_name),
        *_unmarked_interpretation(doc),
        *_vague(doc),
    ]
    return sorted(findings, key=lambda f: (f.start, f.end, CODES.index(f.code)))


class _Document:
    """A text with what the checks share: words, sentences, and which parts are someone's own
    words (quoted or reported) or are marked as an interpretation."""

    def __init__(self, text: str, r: Rules):
        self.text = text
        self.rules = r
        self.tokens = tokenize(text)
        self._token_starts = [t.start for t in self.tokens]
        keys_of = r.forms.keys_of
        self._keys = [keys_of(t.text) if t.is_word else () for t in self.tokens]
        self.sentences = Sentences(text)
        self.own_words = Spans(quoted_spans(text) + self._reported_speech())
        self.interpreted = Spans(self._interpreted_ranges())

    def token_index(self, offset: int) -> int:
        """The index of the first token that starts at or after offset."""
        return bisect.bisect_left(self._token_starts, offset)

    def _reported_speech(self) -> list[tuple[int, int]]:
        r, text, ranges = self.rules, self.text, []
        for start, end, _ in r.speech_before.find(text, self.tokens):
            i = self.token_index(start)
            if any(t.lower in r.not_a_source for t in self.tokens[max(0, i - 2) : i]):
                continue  # "jag sa att ...", "jag har sagt att ...": the author's own words
            scope_end = self.sentences.span(start)[1]
            for token in self.tokens[self.token_index(end) :]:
                if token.start >= scope_end:
                    break
                if token.lower in r.speech_enders:
                    scope_end = token.start
                    break
            ranges.append((start, scope_end))
        for start, _, _ in r.speech_after.find(text, self.tokens):
            ranges.append((self.sentences.span(start)[0], start))
        for start, end, _ in r.speech_sentence.find(text, self.tokens):
            source = text[start:end].split()[-1].lower()
            if source not in r.not_a_source_after_enligt:
                ranges.append(self.sentences.span(start))
        return ranges

    def _interpreted_ranges(self) -> list[tuple[int, int]]:
        """The clauses and sentences that an interpretation marker covers."""
        ranges = [
            self._clause(start, end) for start, end, _ in self.rules.interpretation_same.find(self.text, self.tokens)
        ]
        for start, _, _ in self.rules.interpretation_previous.find(self.text, self.tokens):
            i = self.sentences.index(start)
            ranges.append(self.sentences.spans[i])
            if i > 0:
                ranges.append(self.sentences.spans[i - 1])
        return ranges

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause of the sentence that text[start:end] is in."""
        sentence_start, sentence_end = self.sentences.span(start)
        clause_start, clause_end = sentence_start, sentence_end
        for m in _CLAUSE_BREAK.finditer(self.text, sentence_start, sentence_end):
            if m.end() <= start:
                clause_start = m.end()
            elif m.start() >= end:
                clause_end = m.start()
                break
        return clause_start, clause_end

    def headword(self, i: int, lexicon: str) -> str | None:
        """The headword of `lexicon` that token i is a form of, if any."""
        for key_lexicon, headword in self._keys[i]:
            if key_lexicon == lexicon:
                return headword
        return None

    def finding(self, code: str, start: int, end: int, suggestion: str | None = None) -> Finding:
        r = self.rules
        return Finding(
            code, start, end, r.message(code, self.text[start:end]), suggestion or r.default_suggestions[code]
        )


def _merged(spans: Iterable[tuple[int, int]], text: str, joiner: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Spans sorted, with overlapping ones (or, with `joiner`, ones only a joiner apart) merged."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or (joiner is not None and joiner.fullmatch(text, merged[-1][1], start))):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _value_laden(doc: _Document) -> Iterator[Finding]:
    for i, token in enumerate(doc.tokens):
        headword = doc.headword(i, VALUE)
        if headword is not None and not doc.own_words.covers(token.start, token.end):
            yield doc.finding("value_laden", token.start, token.end, doc.rules.value_suggestions.get(headword))


@functools.lru_cache(maxsize=65536)
def _is_medicine(word: str) -> bool:
    r = rules()
    if word in r.medicine_names:
        return True
    for ending in _MEDICINE_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in r.medicine_names:
            return True
    return any(word.startswith(name) for name in r.medicine_prefixes.get(word[:4], ()))


def _medical_detail(doc: _Document) -> Iterator[Finding]:
    r, text = doc.rules, doc.text
    spans = [(t.start, t.end) for t in doc.tokens if t.is_word and _is_medicine(t.lower)]
    for token in doc.tokens:  # "500 mg", "två tabletter": tried where a number starts
        if token.text[0].isdigit() or token.lower in r.dose_number_words:
            match = r.dose_amounts.match(text, token.start)
            if match:
                spans.append(match.span())
    if r.dose_patterns is not None:
        spans += [m.span() for m in r.dose_patterns.finditer(text)]
    for start, end in _merged(spans, doc.text, _MEDICAL_JOINER):
        yield doc.finding("medical_detail", start, end)


def _other_clients(doc: _Document, names: Iterable[str], client_name: str | None) -> Iterator[Finding]:
    own_first_name = client_name.split()[0].lower() if client_name and client_name.split() else None
    first_names: set[str] = set()
    full_names: dict[str, list[list[str]]] = {}  # first name -> the full names that start with it
    for name in names:
        parts = name.lower().split()
        if parts:
            first_names.add(parts[0])
            if len(parts) > 1:
                full_names.setdefault(parts[0], []).append(parts)
    if not first_names:
        return
    tokens, spans, skip_to = doc.tokens, [], 0
    lowers = [t.lower for t in tokens]
    for i, token in enumerate(tokens):
        if i < skip_to or not token.is_word:
            continue
        end = _full_name_end(lowers, i, full_names.get(token.lower, ()))
        if end is not None:  # "Omar Eklund", "omar eklunds": always another client
            spans.append((token.start, tokens[end].end))
            skip_to = end + 1
            continue
        first_name = _name_of(token.lower, first_names)
        if first_name is None or first_name == own_first_name:
            continue
        # A first name alone must be capitalised: many are also ordinary words (Bo, Per, Sol, Saga),
        # and those are left alone first in a sentence, where every word is capitalised.
        if not token.text[0].isupper() or _named_with_relation(doc, i):
            continue
        if first_name in doc.rules.names_that_are_words and _starts_sentence(doc, token.start):
            continue
        spans.append((token.start, token.end))
    for start, end in spans:
        yield doc.finding("other_client", start, end)


def _name_of(word: str, names: set[str]) -> str | None:
    """The name that a lower-case word is, itself or in the genitive ("elsas", "omar:s")."""
    if word in names:
        return word
    if word[-1] == "s":
        for base in (word[:-1], word[:-2]):  # elsas; omar:s, omar's
            if base in names and (base == word[:-1] or word[-2] in ":'’"):
                return base
    return None


def _full_name_end(lowers: list[str], i: int, candidates: list[list[str]]) -> int | None:
    """The index of the last token of a full name starting at token i, if one does."""
    for parts in candidates:
        last = i + len(parts) - 1
        if last < len(lowers) and lowers[i + 1 : last] == parts[1:-1] and _name_of(lowers[last], {parts[-1]}):
            return last
    return None


def _starts_sentence(doc: _Document, offset: int) -> bool:
    return not doc.text[doc.sentences.span(offset)[0] : offset].strip(' \t\n"”“«(-–')


def _named_with_relation(doc: _Document, i: int) -> bool:
    """True when a relation or title stands next to the name in token i: "mamma Sara",
    "god man Per", "Nora (sjuksköterska)"."""
    for k in range(i - 1, max(-1, i - 3), -1):
        if not doc.tokens[k].is_word:
            break
        if doc.headword(k, RELATION):
            return True
    j = i + 1
    if j + 1 < len(doc.tokens) and doc.tokens[j].text in "(,":
        return doc.headword(j + 1, RELATION) is not None
    return False


def _unmarked_interpretation(doc: _Document) -> Iterator[Finding]:
    r, tokens, spans = doc.rules, doc.tokens, []
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        if doc.headword(i, STATE_VERB):  # "längtade", "trivs"
            spans.append((token.start, token.end))
            continue
        if token.lower not in r.copulas:
            continue
        j = i + 1
        # Inverted word order: "Efteråt var hon glad", "I dag är Elsa trött".
        if j < len(tokens) and (tokens[j].lower in r.subjects or (tokens[j].is_word and tokens[j].text[0].isupper())):
            j += 1
        j = _skip_degree_words(tokens, j, r.degree_words, r.degree_first_words)
        if j < len(tokens) and doc.headword(j, STATE):
            spans.append((token.start, tokens[j].end))
    spans += [(start, end) for start, end, _ in r.state_phrases.find(doc.text, doc.tokens)]
    for start, end in _merged(spans, doc.text):
        if not doc.own_words.covers(start, end) and not doc.interpreted.covers(start, end):
            yield doc.finding("unmarked_interpretation", start, end)


def _skip_degree_words(tokens: list[Token], j: int, degree_words, first_words: frozenset[str]) -> int:
    for _ in range(4):
        if j >= len(tokens) or tokens[j].lower not in first_words:
            return j
        for words in degree_words:
            if tuple(t.lower for t in tokens[j : j + len(words)]) == words:
                j += len(words)
                break
        else:
            return j
    return j


def _vague(doc: _Document) -> Iterator[Finding]:
    r = doc.rules
    for start, end, index in r.vague.find(doc.text, doc.tokens):
        if not doc.own_words.covers(start, end):
            yield doc.finding("vague", start, end, r.vague_suggestions[index])
