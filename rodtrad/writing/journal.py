"""Checks of journal text (social journal entries) against the routine's writing rules. The
plan's own text (plan.py) uses the same checks, bar `vague`."""

import functools
import re
from collections.abc import Iterable, Iterator

from .document import OBJECT_PRONOUNS, Document, merged
from .findings import CODES, Finding
from .hints import journal_hints
from .lemmas import lemmatize, near_form
from .rules import EMOTION, MEDICINE_KIND, RELATION, STATE, STATE_VERB, VALUE, rules
from .text import NUMBER_WORDS as _NUMBER_WORDS
from .text import Spans

# Endings after a medicine name: "Alvedonen", "insulinets", "Iprentabletter".
_MEDICINE_ENDINGS = tuple(
    sorted(
        (
            "s", "n", "ns", "en", "ens", "et", "ets", "t", "ts", "er", "erna", "ar", "arna",
            "tablett", "tabletten", "tabletter", "tabletterna", "kapsel", "kapslar", "penna", "pennan",
            "spruta", "sprutan", "sprutor", "plåster", "plåstret", "dos", "dosen", "droppar", "gel", "kräm",
            "krämen", "salva", "salvan", "värde", "värdet", "kur", "kuren",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
# What may stand between two parts of one medical detail: "Alvedon 500 mg", "Waran (2 tabletter)".
_MEDICAL_JOINER = re.compile(r"[\s,()–-]{0,3}")
# Words that can follow a predicative judgement ("var lat idag", "var envis med kläderna"), as
# opposed to a noun that an attributive one describes ("en lat panda", "en dryg timme").
_NOT_A_NOUN = frozenset(
    [
        "och",
        "eller",
        "men",
        "mot",
        "med",
        "i",
        "på",
        "vid",
        "under",
        "när",
        "som",
        "att",
        "till",
        "av",
        "för",
        "om",
        "efter",
        "inför",
        "hela",
        "helt",
        "idag",
        "ikväll",
        "inatt",
        "imorse",
        "igår",
        "i",
        "går",
        "nu",
        "då",
        "sedan",
        "sen",
        "också",
        "även",
        "ibland",
        "alltid",
        "ofta",
        "just",
        "än",
        "inte",
        "utan",
        "trots",
        "både",
        "bland",
        "hos",
        "ute",
        "inne",
        "hemma",
        "där",
        "här",
        "direkt",
        "tidigt",
        "sent",
        "mest",
        "så",
        "väldigt",
        "mycket",
        "lite",
        "ganska",
        "igen",
        "över",
        "kring",
        "runt",
        "innan",
        "före",
        "medan",
        "eftersom",
        "fast",
        "ända",
        "tills",
        "resten",
        "hela",
        "halva",
        "nästan",
        "bara",
        "redan",
        "fortfarande",
        "numera",
        "längre",
        "emot",
        "åt",
    ]
)
_TIME_WORDS = frozenset(["kl", "kl.", "klockan"])
_VALUE_REWRITE = "[vem som har fått värdet, t.ex. sjuksköterskan]"


def check_journal(
    text: str, other_clients: Iterable[str] = (), client_name: str | None = None, *, hints: bool = False
) -> list[Finding]:
    """The findings in a journal entry, in the order they appear in the text.

    `other_clients` are the names ("Förnamn Efternamn") of the other clients of the same units;
    `client_name`, if given, is the name of the client the entry is about, so that a first name
    the two share is not taken for the other client's. `hints=True` adds the gentle hints
    (long sentences, several events, clinical jargon) after the findings.
    """
    if not text.strip():
        return []
    other_clients = list(other_clients)
    doc = Document(text, rules(), names=_first_names(other_clients, client_name))
    findings = [
        *value_laden(doc),
        *medical_detail(doc),
        *other_clients_named(doc, other_clients, client_name),
        *unmarked_interpretation(doc),
        *vague(doc),
    ]
    found = in_order(findings)
    if hints:
        found += journal_hints(doc)
    return found


def in_order(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.start, f.end, CODES.index(f.code)))


def _first_names(names: Iterable[str], client_name: str | None) -> list[str]:
    found = [n.split()[0] for n in names if n.split()]
    if client_name and client_name.split():
        found.append(client_name.split()[0])
    return found


# value_laden ---------------------------------------------------------------------------------


def value_laden(doc: Document) -> Iterator[Finding]:
    r, tokens = doc.rules, doc.tokens
    not_judging = Spans((s, e) for s, e, _ in r.not_value_laden.find(doc.text, tokens))
    spans = []
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        headword = doc.headword(i, VALUE) or _misspelt(doc, i, VALUE)
        if headword is None or doc.own_words.covers(token.start, token.end):
            continue
        if not_judging.covers(token.start, token.end):
            continue
        word_class = r.value_classes.get(headword)
        if word_class == "adjektiv" and not _judges_a_person(doc, i):
            continue
        if word_class == "verb" and _subject_is_a_thing(doc, i):
            continue
        spans.append((token.start, token.end, headword))
    for start, end, _ in r.value_phrases.find(doc.text, tokens):
        if not doc.own_words.covers(start, end):
            spans.append((start, end, None))
    spans.sort()
    done = -1
    for start, end, headword in spans:
        if start < done:
            continue
        done = end
        yield doc.finding("value_laden", start, end, r.value_suggestions.get(headword), r.value_rewrites.get(headword))


def _misspelt(doc: Document, i: int, lexicon: str) -> str | None:
    """The headword a word is a misspelling of ("vägrde", "fustrerad"): one letter missing, extra
    or wrong, in a word of six letters or more that the dictionary does not know."""
    word = doc.lowers[i]
    if len(word) < 6:
        return None
    headword = _near(word, lexicon)
    return headword if headword is not None and not doc.is_name(i) else None


@functools.lru_cache(maxsize=65536)
def _near(word: str, lexicon: str) -> str | None:
    return near_form(rules().forms, word, lexicon)


def _judges_a_person(doc: Document, i: int) -> bool:
    """Whether the judging adjective in token i is said of the client (or another person), not of
    a thing ("en besvärlig väg", "lata katter"), an amount ("en dryg timme") or a situation ("det
    var omöjligt att komma in")."""
    tokens = doc.tokens
    j = i + 1
    if j < len(tokens) and doc.same_sentence(i, j):
        nxt = tokens[j]
        if nxt.text[0].isdigit() or nxt.lower in _NUMBER_WORDS:
            return False  # "drygt två timmar"
        if nxt.is_word and nxt.lower not in _NOT_A_NOUN and not nxt.text[0].isupper():
            # An attributive adjective describes the noun after it.
            return doc.is_person(j)
    copula = _copula_before(doc, i)
    if copula is None:
        return True
    subject = doc.subject_before(copula)
    if subject is None:
        nxt = copula + 1  # inverted order: "var det jobbigt"
        return not (nxt < len(tokens) and doc.lowers[nxt] == "det") or _about_a_person_after(doc, i)
    if doc.lowers[subject] == "det":
        return _about_a_person_after(doc, i)
    return not doc.is_thing(subject)


def _copula_before(doc: Document, i: int) -> int | None:
    """The copula ("var", "är", "blev" …) a few words before token i, past degree words."""
    r = doc.rules
    for k in range(i - 1, max(-1, i - 5), -1):
        if not doc.tokens[k].is_word or not doc.same_sentence(k, i):
            return None
        if doc.lowers[k] in r.copulas:
            return k
        if doc.lowers[k] not in r.degree_first_words and doc.lowers[k] not in ("så", "himla", "sjukt", "extremt"):
            return None
    return None


def _about_a_person_after(doc: Document, i: int) -> bool:
    """After an impersonal "det var omöjligt", whether the rest of the clause is about a person:
    "det var besvärligt att få Elsa att äta" is, "det var omöjligt att få tag i en taxi" is not."""
    end = doc.clause(doc.tokens[i].start, doc.tokens[i].end)[1]
    for k in range(i + 1, len(doc.tokens)):
        if doc.tokens[k].start >= end:
            break
        if doc.is_name(k) or doc.lowers[k] in OBJECT_PRONOUNS or doc.lowers[k] in doc.rules.subjects:
            return True
    return False


def _subject_is_a_thing(doc: Document, i: int) -> bool:
    subject = doc.subject_before(i)
    return subject is not None and doc.is_thing(subject)


# medical_detail ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def _is_medicine(word: str) -> bool:
    r = rules()
    if word in r.medicine_names:
        return True
    for ending in _MEDICINE_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in r.medicine_names:
            return True
    return any(word.startswith(name) for name in r.medicine_prefixes.get(word[:4], ()))


def medical_detail(doc: Document) -> Iterator[Finding]:
    r, text, tokens = doc.rules, doc.text, doc.tokens
    spans = []
    kinds = set()
    for i, t in enumerate(tokens):
        if not t.is_word:
            continue
        named = _is_medicine(t.lower)
        if named or doc.headword(i, MEDICINE_KIND) is not None:
            start = t.start
            if i > 0 and (tokens[i - 1].text[0].isdigit() or doc.lowers[i - 1] in r.dose_number_words - {"en", "ett"}):
                start = tokens[i - 1].start  # "två Alvedon", "2 Ipren": how many
            spans.append((start, t.end))
            if not named:
                kinds.add(start)
    for token in tokens:  # "500 mg", "två tabletter": tried where a number starts
        if token.text[0].isdigit() or token.lower in r.dose_number_words:
            match = r.dose_amounts.match(text, token.start)
            if match:
                spans.append(match.span())
    if r.dose_patterns is not None:  # tried where a token starts, not at every character
        done = -1
        for token in tokens:
            if token.start >= done:
                match = r.dose_patterns.match(text, token.start)
                if match and match.end() > match.start():
                    spans.append(match.span())
                    done = match.end()
    names = {start for start, end in spans if start in kinds or _is_medicine(text[start:end].lower())}
    values = _measured_values(doc)
    measured = {start for start, _ in values}
    spans += values
    for start, end in merged(spans, text, _MEDICAL_JOINER):
        # A name or kind of medicine becomes "medicin" ("fick sin Alvedon 500 mg" -> "fick sin
        # medicin"); a measured value points to the nurse, a dose to the medicine list.
        if any(start <= s < end for s in names):
            rewrite = "medicin"
        elif any(start <= s < end for s in measured):
            rewrite = _VALUE_REWRITE
        else:
            rewrite = None
        yield doc.finding("medical_detail", start, end, rewrite=rewrite)


def _is_number(token) -> bool:
    return token.text[0].isdigit()


def _measured_values(doc: Document) -> list[tuple[int, int]]:
    """Measured values: "blodsockret var 14,2", "puls 112", "hade 38,4 i morse", "17 i blodsocker"."""
    r, tokens, spans = doc.rules, doc.tokens, []

    def counts(k: int) -> bool:
        """A number in token k that is a value, not a time, a count of days or an amount of milk."""
        if k > 0 and doc.lowers[k - 1] in _TIME_WORDS:
            return False
        after = k + 1
        while after < len(tokens) and tokens[after].text in ",.":
            after += 1  # "38,4" is one token, but "14 ." is not a unit
        return not (after < len(tokens) and doc.same_sentence(k, after) and doc.lowers[after] in r.not_a_value_unit)

    for i, t in enumerate(tokens):
        if t.is_word and _is_measure_word(t.lower, r.measure_words):
            for k in range(i + 1, min(len(tokens), i + 6)):
                if not doc.same_sentence(i, k):
                    break
                if _is_number(tokens[k]) and counts(k):
                    spans.append((t.start, tokens[k].end))
                    break
    # "17 i blodsocker", "39 graders feber": a number and what it measures after it.
    for start, end, _ in r.after_number.find(doc.text, tokens):
        k = doc.token_index(start) - 1
        if k >= 0 and _is_number(tokens[k]) and tokens[k].end <= start:
            spans.append((tokens[k].start, end))
    # "hade 38,4 i morse", "låg på 3,2": a measuring verb and a number with decimals, or any
    # number after a verb ending in a preposition ("var uppe i 17").
    for start, end, _ in r.measure_verbs.find(doc.text, tokens):
        k = doc.token_index(end)
        if k < len(tokens) and _is_number(tokens[k]) and counts(k) and doc.same_sentence(k, doc.token_index(start)):
            decimal = "," in tokens[k].text or "." in tokens[k].text
            if decimal or doc.lowers[k - 1] in ("på", "i", "till", "över"):
                spans.append((tokens[k].start, tokens[k].end))
    return spans


_MEASURE_ENDINGS = ("", "en", "et", "n", "t", "na", "er", "erna", "ar", "arna", "s", "ens", "ets")


@functools.lru_cache(maxsize=4096)
def _is_measure_word(word: str, measure_words: frozenset[str]) -> bool:
    """A word for what is measured, with a noun ending: "blodsockret", "tempen", "pulsen"."""
    if word in measure_words:
        return True
    for ending in _MEASURE_ENDINGS[1:]:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if len(stem) >= 4 and (stem in measure_words or stem[:-1] + "e" + stem[-1] in measure_words):
                return True  # "blodsockr-et" is "blodsocker"
    return False


# other_client --------------------------------------------------------------------------------


def other_clients_named(doc: Document, names: Iterable[str], client_name: str | None) -> Iterator[Finding]:
    own_parts = client_name.lower().split() if client_name else []
    own_first_name = own_parts[0] if own_parts else None
    first_names: set[str] = set()
    full_names: dict[str, list[list[str]]] = {}  # first name -> the full names that start with it
    surnames: dict[str, set[str]] = {}  # first name -> the surnames of the clients who have it
    for name in names:
        parts = name.lower().split()
        if parts:
            first_names.add(parts[0])
            if len(parts) > 1:
                full_names.setdefault(parts[0], []).append(parts)
                surnames.setdefault(parts[0], set()).add(parts[-1])
    if not first_names:
        return
    r, tokens, lowers = doc.rules, doc.tokens, doc.lowers
    spans, skip_to = [], 0
    for i, token in enumerate(tokens):
        if i < skip_to or not token.is_word:
            continue
        end = _full_name_end(lowers, i, full_names.get(token.lower, ()))
        if end is not None:  # "Omar Eklund", "omar eklunds": always another client
            spans.append((token.start, tokens[end].end, token.text[-1] in "sS" and end == i))
            skip_to = end + 1
            continue
        first_name = _name_of(token.lower, first_names)
        if first_name is None or first_name == own_first_name:
            continue
        if not token.text[0].isupper():
            # A first name in lower case is only taken for a name when it is not also a word
            # ("bo", "per", "dag", "klara", "mats").
            if first_name in r.names_that_are_words:
                continue
        elif first_name in r.names_that_are_words and doc.starts_sentence(i) and not _used_as_a_name(doc, i):
            continue
        genitive = first_name != token.lower
        if (not genitive and _named_with_relation(doc, i)) or _someone_else_of_that_name(
            doc, i, surnames.get(first_name, set())
        ):
            continue
        spans.append((token.start, token.end, first_name != token.lower))
    for start, end, genitive in spans:
        yield doc.finding("other_client", start, end, rewrite="en annan boendes" if genitive else "en annan boende")


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


# What follows a name at the start of a sentence, but not the same word as an ordinary word:
# "Mats satt ...", "Klara och Elsa ...", as against "Per vecka ...", "Klara besked ...".
_AFTER_A_NAME = frozenset(
    [
        "och",
        "satt",
        "var",
        "är",
        "kom",
        "gick",
        "åt",
        "tog",
        "fick",
        "sa",
        "sade",
        "hade",
        "har",
        "ska",
        "skulle",
        "vill",
        "ville",
        "kan",
        "kunde",
        "blev",
        "bor",
        "ringde",
        "frågade",
        "hjälpte",
        "lånade",
        "spelade",
        "tittade",
        "följde",
        "åkte",
        "står",
        "stod",
        "ligger",
        "låg",
        "sover",
        "sov",
    ]
)


def _used_as_a_name(doc: Document, i: int) -> bool:
    j = i + 1
    if j >= len(doc.tokens) or not doc.same_sentence(i, j):
        return False
    nxt = doc.tokens[j]
    if doc.lowers[i].endswith("s") and doc.headword(j, RELATION):
        return True  # "Axels dotter kom"
    return (
        nxt.text in ",:"
        or nxt.lower in _AFTER_A_NAME
        or (nxt.is_word and nxt.lower.endswith(("ade", "dde", "de", "te")))
    )


def _named_with_relation(doc: Document, i: int) -> bool:
    """True when a relation or title stands next to the name in token i: "mamma Sara", "god man
    Per", "Kontaktperson: Omar", "Nora (sjuksköterska)", "Viktor sjukgymnasten", "Rolf, Kalles
    tränare", "Jonas från hemtjänsten", "Hanna i receptionen"."""
    tokens, lowers = doc.tokens, doc.lowers
    for k in range(i - 1, max(-1, i - 3), -1):
        if tokens[k].text == ":" and k == i - 1:
            continue
        if not tokens[k].is_word:
            break
        if doc.headword(k, RELATION):
            return True
    if i > 0 and tokens[i - 1].text == ",":
        # In apposition: "Hampus bästa kompis från skolan, Viktor, ringde"
        for k in range(i - 2, max(-1, i - 7), -1):
            if not tokens[k].is_word or not doc.same_sentence(k, i):
                break
            if doc.headword(k, RELATION):
                return True
    j = i + 1
    if j >= len(tokens) or not doc.same_sentence(i, j):
        return False
    if tokens[j].is_word and doc.headword(j, RELATION):
        return True  # "Viktor sjukgymnasten"
    if lowers[j] == "från" and j + 1 < len(tokens) and tokens[j + 1].is_word:
        return True  # someone from somewhere: a person with an employer
    if lowers[j] == "i" and j + 1 < len(tokens) and lowers[j + 1] in doc.rules.workplaces:
        return True
    if tokens[j].text in "(,":
        # "Nora (sjuksköterska)", "Rolf, Kalles gamla tränare, ..."
        for k in range(j + 1, min(len(tokens), j + 5)):
            if not tokens[k].is_word:
                break
            if doc.headword(k, RELATION):
                return True
    return False


def _someone_else_of_that_name(doc: Document, i: int, surnames: set[str]) -> bool:
    """A first name followed by another surname than the client's is someone else: "Ebba Lund"
    is not the client Ebba Sandberg, "Per Gessle-konsert" not the client Per."""
    j = i + 1
    if j >= len(doc.tokens) or not doc.same_sentence(i, j) or not doc.tokens[j].is_word:
        return False
    surname = doc.tokens[j].text
    return (
        surname[0].isupper()
        and surname.lower().split("-")[0].rstrip("s") not in surnames
        and (surname.lower() not in surnames)
    )


# unmarked_interpretation ---------------------------------------------------------------------


def unmarked_interpretation(doc: Document) -> Iterator[Finding]:
    r, tokens, spans = doc.rules, doc.tokens, []
    rewrites: dict[tuple[int, int], str] = {}
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        if doc.headword(i, STATE_VERB) or (doc.voice == "journal" and _misspelt(doc, i, STATE_VERB)):
            # "längtade", "trivs": the verb itself says what the client feels
            if not _subject_is_a_thing(doc, i) and not _hypothetical(doc, i):
                spans.append((token.start, token.end))
            continue
        if token.lower not in r.copulas:
            continue
        j = i + 1
        # Inverted word order: "Efteråt var hon glad", "I dag är Elsa trött".
        inverted = j < len(tokens) and (
            tokens[j].lower in r.subjects or (tokens[j].is_word and tokens[j].text[0].isupper())
        )
        if inverted:
            j += 1
        j = _skip_degree_words(doc, j)
        for _ in range(2):  # "var tjurig och irriterad": the second adjective too
            if j < len(tokens) and (doc.headword(j, STATE) or _misspelt(doc, j, STATE)):
                break
            if j + 2 < len(tokens) and tokens[j].is_word and doc.lowers[j + 1] in ("och", ","):
                j = _skip_degree_words(doc, j + 2)
        if j < len(tokens) and (doc.headword(j, STATE) or _misspelt(doc, j, STATE)):
            if not inverted and (_not_about_the_client(doc, i) or _hypothetical(doc, i)):
                continue
            spans.append((token.start, tokens[j].end))
            marked = r.marked_forms.get(token.lower)
            if marked and not inverted:
                rewrites[(token.start, tokens[j].end)] = marked + doc.text[token.end : tokens[j].end]
    phrase_sets = [r.state_phrases, r.motive_phrases]
    if doc.voice == "journal":
        phrase_sets.append(r.journal_state_phrases)
    for phrases in phrase_sets:
        for start, end, _ in phrases.find(doc.text, tokens):
            i = doc.token_index(start)
            if not _hypothetical(doc, i) and not _subject_is_staff(doc, i):
                spans.append((start, end))
    for i, token in enumerate(tokens):  # "av ren ilska", "pga stress": an emotion as the cause
        if token.lower in ("av", "pga") and i + 1 < len(tokens):
            k = i + 2 if doc.lowers[i + 1] in ("ren", "bara", "sin", "idel") and i + 2 < len(tokens) else i + 1
            if doc.headword(k, EMOTION) and not _subject_is_staff(doc, i):
                spans.append((token.start, tokens[k].end))
    spans += _motive_of_a_judged_act(doc)
    for start, end in merged(spans, doc.text):
        if not doc.own_words.covers(start, end) and not doc.interpreted.covers(start, end):
            rewrite = rewrites.get((start, end)) or _marked(doc, start, end)
            yield doc.finding("unmarked_interpretation", start, end, rewrite=rewrite)


def _marked(doc: Document, start: int, end: int) -> str | None:
    """The interpretation rewritten as a marked one, for a feeling verb: "längtade" -> "verkade
    längta", "mår dåligt" -> "verkar må dåligt", "kände sig ensam" -> "verkade känna sig ensam"."""
    i = doc.token_index(start)
    verb = doc.tokens[i]
    if doc.lowers[i] in ("av", "pga", "för", "i", "på", "med"):
        return None  # a cause or a motive: nothing to mark, the writer has to describe it
    lemma = lemmatize(verb.lower)
    if lemma == verb.lower or not lemma.isalpha():
        return None
    present = verb.lower.endswith(("r", "s"))
    marker = doc.rules.marked_forms.get("är" if present else "var")
    if not marker:
        return None
    return f"{marker} {lemma}{doc.text[verb.end : end]}"


def _motive_of_a_judged_act(doc: Document) -> list[tuple[int, int]]:
    """A purpose given for a judged act is a motive the writer reads into it: "manipulerar
    personalen för att få extra kaffe", "spelade teater för att slippa skolan"."""
    r, tokens, spans = doc.rules, doc.tokens, []
    judged = [s for s, _, _ in r.value_phrases.find(doc.text, tokens)]
    judged += [
        t.start for i, t in enumerate(tokens) if t.is_word and r.value_classes.get(doc.headword(i, VALUE)) == "verb"
    ]
    for start in judged:
        i = doc.token_index(start)
        for k in range(i + 1, min(len(tokens) - 1, i + 8)):
            if not doc.same_sentence(i, k) or tokens[k].text in ".;!?":
                break
            if doc.lowers[k] == "för" and doc.lowers[k + 1] == "att":
                spans.append((tokens[k].start, tokens[k + 1].end))
                break
    return spans


def _skip_degree_words(doc: Document, j: int) -> int:
    r, tokens = doc.rules, doc.tokens
    for _ in range(4):
        if j >= len(tokens) or tokens[j].lower not in r.degree_first_words:
            return j
        for words in r.degree_words:
            if tuple(t.lower for t in tokens[j : j + len(words)]) == words:
                j += len(words)
                break
        else:
            return j
    return j


def _not_about_the_client(doc: Document, copula: int) -> bool:
    """A state whose subject is a thing or a time ("natten var orolig", "mjölken var sur") or the
    impersonal "det" ("det var tråkigt att matchen ställdes in") is not the client's."""
    subject = doc.subject_before(copula)
    if subject is None:
        return False
    return doc.lowers[subject] == "det" or doc.is_thing(subject) or doc.lowers[subject] in ("jag", "vi")


def _hypothetical(doc: Document, i: int) -> bool:
    """ "om hon blir orolig", "ifall han blir arg": a state that may come, not one that is."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if not doc.tokens[k].is_word or not doc.same_sentence(k, i):
            return False
        if doc.lowers[k] in ("om", "ifall"):
            return True
    return False


def _subject_is_staff(doc: Document, i: int) -> bool:
    """The clause is about the writer ("vi gick en annan väg för att slippa backen")."""
    start = doc.clause(doc.tokens[i].start, doc.tokens[i].end)[0]
    k = doc.token_index(start)
    return k < len(doc.tokens) and doc.lowers[k] in ("jag", "vi", "personalen", "personal")


# vague ---------------------------------------------------------------------------------------


def vague(doc: Document) -> Iterator[Finding]:
    r = doc.rules
    allowed = Spans((s, e) for s, e, _ in r.not_vague.find(doc.text, doc.tokens))
    for start, end, index in r.vague.find(doc.text, doc.tokens):
        if not doc.own_words.covers(start, end) and not allowed.covers(start, end):
            yield doc.finding("vague", start, end, r.vague_suggestions[index])
