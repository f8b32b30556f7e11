"""A text with what the checks share: its words, sentences, and which parts are someone else's
words (quoted or reported) or are marked as the writer's interpretation."""

import bisect
import functools
import re

from .findings import Finding
from .lemmas import lemmatize
from .rules import PERSON, RELATION, Rules
from .text import Sentences, Spans, quoted_spans, tokenize

# Where a new main clause starts within a sentence: ", hon ...", " men ...". An interpretation
# marker such as "verkade" covers its own clause: "Elsa verkar må bra, hon var glad" leaves
# "hon var glad" unmarked.
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?=(?:hon|han|hen|de|jag|vi|det|men|sedan|sen)\b)|\s+men\s+", re.IGNORECASE)
# Words that may stand between a subject and its verb: "Kalle har inte varit", "hon hade också".
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    [
        "har",
        "hade",
        "har",
        "inte",
        "hade",
        "inte",
        "också",
        "även",
        "inte",
        "nog",
        "alltid",
        "ofta",
        "fortfarande",
        "redan",
        "ju",
        "bara",
        "sedan",
        "då",
        "idag",
        "nu",
    ]
)
# The endings of a definite noun ("natten", "bilen", "mjölken", "huset", "stämningen").
_DEFINITE_ENDINGS = ("arna", "erna", "orna", "rna", "na", "en", "et", "n", "t")
PRONOUNS = frozenset(["hon", "han", "hen", "de", "dom", "jag", "vi", "du", "ni"])
OBJECT_PRONOUNS = frozenset(["henne", "honom", "hen", "dem", "dom", "hennes", "hans", "dess", "deras"])
_QUOTES = '"”“«»„'
_QUESTION_WORDS = frozenset(["om", "vad", "när", "var", "hur", "vem", "vilka", "vilken", "vilket", "varför"])
_PREPOSITIONS = frozenset(["från", "i", "på", "med", "vid", "till", "av", "för", "hos", "under", "om"])
_SPEECH_STOP = frozenset(["nej", "ja"])


_NO_HEADS: dict = {}


@functools.lru_cache(maxsize=65536)
def _heads_cached(keys: frozenset) -> dict:
    heads = {}
    for lexicon, headword in sorted(keys):
        heads.setdefault(lexicon, headword)
    return heads


def _heads(keys) -> dict:
    """lexicon -> headword for a token's (lexicon, headword) keys."""
    return _heads_cached(keys) if keys else _NO_HEADS


class Document:
    """A text analysed once for all the checks. `voice="plan"` is the plan's own text, where the
    VOB routine prefers the client's own voice: a sentence with "jag" is the client speaking."""

    def __init__(self, text: str, r: Rules, *, voice: str = "journal", names=()):
        self.text = text
        self.rules = r
        self.voice = voice
        self.tokens = tokenize(text)
        self.lowers = [t.lower for t in self.tokens]
        self._token_starts = [t.start for t in self.tokens]
        keys_of = r.forms.keys_of
        self._heads = [_heads(keys_of(t.text)) if t.is_word else _NO_HEADS for t in self.tokens]
        self.sentences = Sentences(text)
        self.names = frozenset(n.lower() for n in names)
        own = quoted_spans(text) + self._reported_speech()
        if voice == "plan":
            own += self._client_voice()
        self.own_words = Spans(own)
        self.interpreted = Spans(self._interpreted_ranges())

    # Tokens ---------------------------------------------------------------------------------

    def token_index(self, offset: int) -> int:
        """The index of the first token that starts at or after offset."""
        return bisect.bisect_left(self._token_starts, offset)

    def headword(self, i: int, lexicon: str) -> str | None:
        """The headword of `lexicon` that token i is a form of, if any."""
        return self._heads[i].get(lexicon)

    def starts_sentence(self, i: int) -> bool:
        start = self.tokens[i].start
        return not self.text[self.sentences.span(start)[0] : start].strip(' \t\n"”“«(-–')

    def same_sentence(self, i: int, j: int) -> bool:
        return self.sentences.index(self.tokens[i].start) == self.sentences.index(self.tokens[j].start)

    def is_name(self, i: int) -> bool:
        """A capitalised word inside a sentence, or a known name: someone, not something."""
        token = self.tokens[i]
        return token.is_word and (
            token.lower in self.names or (token.text[0].isupper() and not self.starts_sentence(i))
        )

    def is_person(self, i: int) -> bool:
        """Token i refers to a person: a pronoun, a name, or a word for a person ("brukaren")."""
        token = self.tokens[i]
        return (
            token.lower in PRONOUNS
            or token.lower in OBJECT_PRONOUNS
            or token.lower in self.rules.subjects
            or self.is_name(i)
            or self.headword(i, PERSON) is not None
            or self.headword(i, RELATION) is not None
        )

    def is_thing(self, i: int) -> bool:
        """Token i is a definite noun for a thing or a time ("natten", "bilen", "mjölken"), so a
        state or a judgement said of it is not said of the client."""
        token = self.tokens[i]
        if not token.is_word:
            return False
        word = token.lower
        if word in self.rules.things:
            return True
        if self.is_person(i) or word in self.names:
            return False
        if not word.endswith(_DEFINITE_ENDINGS) or not word.isalpha():
            return False
        lemma = lemmatize(word)
        if lemma == word or not lemma or lemma[0].isupper():
            return False
        common = 0
        for a, b in zip(word, lemma, strict=False):
            if a != b:
                break
            common += 1
        return common >= max(2, len(lemma) - 2)

    def subject_before(self, i: int) -> int | None:
        """The token that is the subject of the verb in token i, in straight word order
        ("Kalle har varit", "natten var"): the word before it, past "har", "inte" and the like."""
        k = i - 1
        for _ in range(4):
            if k < 0 or not self.tokens[k].is_word or not self.same_sentence(k, i):
                return None
            if self.lowers[k] in ("och", "men", "eller"):
                # "var aggressiv och skällde": the subject of the first verb
                first = self.token_index(self.sentences.span(self.tokens[i].start)[0])
                return first if first < k and self.tokens[first].is_word else None
            if self.lowers[k] not in _BETWEEN_SUBJECT_AND_VERB:
                # "Hunden i trappuppgången var ...": the noun before the prepositional phrase
                if (
                    k >= 2
                    and self.lowers[k - 1] in _PREPOSITIONS
                    and self.tokens[k - 2].is_word
                    and self.same_sentence(k - 2, i)
                    and self.lowers[k - 2] not in _BETWEEN_SUBJECT_AND_VERB
                ):
                    return k - 2
                return k
            k -= 1
        return None

    # Someone else's words --------------------------------------------------------------------

    def _scope_end(self, start: int, token_from: int) -> int:
        """A reported passage runs to the end of its sentence or to a word that ends it ("men")."""
        r = self.rules
        scope_end = self.sentences.span(start)[1]
        for token in self.tokens[token_from:]:
            if token.start >= scope_end:
                break
            if token.lower in r.speech_enders:
                return token.start
        return scope_end

    def _reported_speech(self) -> list[tuple[int, int]]:
        r, tokens, ranges = self.rules, self.tokens, []
        for i, token in enumerate(tokens):
            speech, question = token.lower in r.speech_verbs, token.lower in r.question_verbs
            if not (speech or question):
                continue
            if self._said_by_the_writer(i):
                continue  # "jag sa att ...", "jag har sagt att ...": the author's own words
            start = self._reported_from(i, question)
            if start is not None:
                ranges.append((start, self._scope_end(start, self.token_index(start) + 1)))
        for start, end, _ in r.speech_before.find(self.text, tokens):
            ranges.append((start, self._scope_end(start, self.token_index(end))))
        for start, _, _ in r.speech_after.find(self.text, tokens):
            ranges.append((self.sentences.span(start)[0], start))
        for start, end, _ in r.speech_sentence.find(self.text, tokens):
            source = self.text[start:end].split()[-1].lower()
            if source not in r.not_a_source_after_enligt:
                ranges.append(self.sentences.span(start))
        return ranges

    def _said_by_the_writer(self, i: int) -> bool:
        """The speech verb in token i has the writer as its subject: "jag sa", "vi har berättat"
        (but "när jag knackade sa han" has "han")."""
        r = self.rules
        after = i + 1
        if after < len(self.tokens) and self.lowers[after] in PRONOUNS | r.subjects:
            return self.lowers[after] in r.not_a_source  # inverted: "sa han", "sa jag"
        k = i - 1
        while k >= 0 and self.lowers[k] in ("har", "hade", "också", "även", "då", "sedan", "inte"):
            k -= 1
        return k >= 0 and self.lowers[k] in r.not_a_source

    def _reported_from(self, i: int, question: bool) -> int | None:
        """Where the reported words after the speech verb in token i begin: at "att", a colon or
        a quotation mark a few words on ("sa till mig i går att ..."), or at "om", "vad" ... after
        a verb of asking. None when the verb reports nothing ("sa nej till att duscha")."""
        tokens = self.tokens
        for k in range(i + 1, min(len(tokens), i + 7)):
            t = tokens[k]
            if not self.same_sentence(i, k):
                return None
            if t.lower == "att" or t.text == ":" or t.text in _QUOTES:
                return t.start
            if question and t.lower in _QUESTION_WORDS and k <= i + 3:
                return t.start
            if t.lower in _SPEECH_STOP or not t.is_word:
                return None
        return None

    def _client_voice(self) -> list[tuple[int, int]]:
        """In the plan, a sentence with "jag" is the client's own voice (the VOB routine prefers
        the jag-form in the plan), so it is the client's words."""
        return [self.sentences.span(t.start) for t in self.tokens if t.lower == "jag"]

    # Interpretations --------------------------------------------------------------------------

    def _interpreted_ranges(self) -> list[tuple[int, int]]:
        """The clauses and sentences that an interpretation marker covers."""
        r, text, tokens = self.rules, self.text, self.tokens
        ranges = [self.clause(start, end) for start, end, _ in r.interpretation_same.find(text, tokens)]
        for start, _, _ in r.interpretation_previous.find(text, tokens):
            i = self.sentences.index(start)
            ranges.append(self.sentences.spans[i])
            if i > 0:
                ranges.append(self.sentences.spans[i - 1])
        return ranges

    def clause(self, start: int, end: int) -> tuple[int, int]:
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

    # Findings ----------------------------------------------------------------------------------

    def finding(
        self, code: str, start: int, end: int, suggestion: str | None = None, rewrite: str | None = None
    ) -> Finding:
        r = self.rules
        return Finding(
            code,
            start,
            end,
            r.message(code, self.text[start:end]),
            suggestion or r.default_suggestions[code],
            rewrite if rewrite is not None else r.default_rewrites.get(code),
        )


def merged(spans, text: str, joiner: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Spans sorted, with overlapping ones (or, with `joiner`, ones only a joiner apart) merged."""
    result: list[list[int]] = []
    for start, end in sorted(spans):
        if result and (start <= result[-1][1] or (joiner is not None and joiner.fullmatch(text, result[-1][1], start))):
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return [(s, e) for s, e in result]
