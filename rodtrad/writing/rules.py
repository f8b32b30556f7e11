"""The rules, built once per process from the data files (on the first check, not on import)."""

import functools
import re
from dataclasses import dataclass

from . import lexicon
from .findings import CODES
from .lemmas import FormTable

# The lexicons in the form table, whose keys are (lexicon, headword).
VALUE, STATE, STATE_VERB, RELATION, ACTIVITY = "value", "state", "state_verb", "relation", "activity"


@dataclass(frozen=True)
class Rules:
    forms: FormTable
    messages: dict[str, str]
    default_suggestions: dict[str, str | None]
    # value_laden
    value_suggestions: dict[str, str | None]
    # medical_detail
    medicine_names: frozenset[str]
    medicine_prefixes: dict[str, tuple[str, ...]]
    dose_amounts: re.Pattern
    dose_number_words: frozenset[str]
    dose_patterns: re.Pattern | None
    # unmarked_interpretation
    copulas: frozenset[str]
    subjects: frozenset[str]
    degree_words: tuple[tuple[str, ...], ...]
    degree_first_words: frozenset[str]
    state_phrases: lexicon.PhraseSet
    interpretation_same: lexicon.PhraseSet
    interpretation_previous: lexicon.PhraseSet
    # someone else's words
    speech_before: lexicon.PhraseSet
    speech_after: lexicon.PhraseSet
    speech_sentence: lexicon.PhraseSet
    not_a_source: frozenset[str]
    not_a_source_after_enligt: frozenset[str]
    speech_enders: frozenset[str]
    # other_client
    names_that_are_words: frozenset[str]
    # vague
    vague: lexicon.PhraseSet
    vague_suggestions: tuple[str | None, ...]
    # goals
    activity_phrases: lexicon.PhraseSet
    vague_goal_phrases: lexicon.PhraseSet
    measures: lexicon.PhraseSet
    yes_no_measures: lexicon.PhraseSet
    comparative_phrases: lexicon.PhraseSet
    timeframes: lexicon.PhraseSet

    def message(self, code: str, words: str) -> str:
        return self.messages[code].replace("{ord}", " ".join(words.split()))


def _words(entries: list[lexicon.Entry]) -> frozenset[str]:
    return frozenset(e.pattern.lower() for e in entries)


def _add_words(table: FormTable, lexicon_name: str, entries_by_section: dict[str, list[lexicon.Entry]]):
    """Add word entries to the table; returns headword -> suggestion."""
    suggestions = {}
    for section, entries in entries_by_section.items():
        if section not in lexicon.WORD_CLASSES:
            continue
        for entry in entries:
            headword, forms = lexicon.word_forms(entry, section)
            table.add((lexicon_name, headword), forms)
            suggestions[headword] = entry.suggestion
    return suggestions


def _dose_regexes(doses: dict[str, list[lexicon.Entry]]) -> tuple[re.Pattern, frozenset[str], re.Pattern | None]:
    """A regex for "number unit" (tried only where a number starts), the number words, and one
    for the free [mönster] patterns (run over the whole text)."""

    def unit(entry: lexicon.Entry) -> str:
        rx = re.escape(entry.pattern)
        return rx if entry.pattern == entry.pattern.lower() else f"(?-i:{rx})"

    def alternatives(entries):
        return "|".join(unit(e) for e in sorted(entries, key=lambda e: -len(e.pattern)))

    number = r"(?<![\w.,])\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?"
    number_words = "|".join(re.escape(e.pattern) for e in sorted(doses["talord"], key=lambda e: -len(e.pattern)))
    with_words = alternatives(doses["enheter med talord"])
    all_units = alternatives(doses["enheter"] + doses["enheter med talord"])
    amounts = re.compile(
        rf"{number}\s*(?:{all_units})(?!\w)|(?<!\w)(?:{number_words})\s+(?:{with_words})(?!\w)", re.IGNORECASE
    )
    first_words = frozenset(e.pattern.lower().split()[0] for e in doses["talord"])
    patterns = None
    if doses["mönster"]:
        try:
            patterns = re.compile("|".join(f"(?:{e.pattern})" for e in doses["mönster"]), re.IGNORECASE)
        except re.error as error:
            raise lexicon.DataFileError(f"doser.txt: a [mönster] line is not a valid regex: {error}") from error
    return amounts, first_words, patterns


@functools.cache
def rules() -> Rules:
    read = lexicon.read
    values = read("vardeladdade_ord.txt", {"adjektiv", "verb", "substantiv", "oböjligt"})
    states = read("inre_tillstand.txt", {"kopula", "gradord", "prefix", "subjekt", "adjektiv", "verb", "uttryck"})
    relations = read("relationer.txt", {"substantiv", "oböjligt"})
    name_words = read("namn_som_ar_ord.txt", {"namn"})
    activities = read("mal_specifikt.txt", {"verb", "substantiv", "oböjligt", "uttryck", "vaga uttryck"})
    medicines = read("lakemedel.txt", {"namn"})
    doses = read("doser.txt", {"enheter", "enheter med talord", "talord", "mönster"})
    interpretation = read("tolkning.txt", {"samma mening", "även föregående mening"})
    speech = read(
        "anforing.txt",
        {"före", "efter", "hela meningen", "inte källa", "inte källa efter enligt", "avslutar"},
    )
    vague = read("vaga_fraser.txt", {"fraser"})
    measurable = read("mal_matbart.txt", {"mått", "ja eller nej", "jämförelse"})
    timeframe = read("mal_tidsram.txt", {"tid"})
    texts = read("meddelanden.txt", {"meddelanden", "förslag"})

    forms = FormTable(prefixes=(e.pattern for e in states["prefix"]))
    value_suggestions = _add_words(forms, VALUE, values)
    _add_words(forms, STATE, {"adjektiv": states["adjektiv"]})
    _add_words(forms, STATE_VERB, {"oböjligt": states["verb"]})
    _add_words(forms, RELATION, relations)
    _add_words(forms, ACTIVITY, activities)
    forms.freeze()

    messages = {e.pattern: e.suggestion for e in texts["meddelanden"]}
    suggestions = {e.pattern: e.suggestion for e in texts["förslag"]}
    missing = [code for code in CODES if not messages.get(code)]
    if missing:
        raise lexicon.DataFileError(f"meddelanden.txt: no message for {', '.join(missing)}")

    names = frozenset(e.pattern.lower() for e in medicines["namn"])
    prefixes: dict[str, list[str]] = {}
    for name in names:
        if len(name) >= 6:
            prefixes.setdefault(name[:4], []).append(name)

    dose_amounts, dose_number_words, dose_patterns = _dose_regexes(doses)
    return Rules(
        forms=forms,
        messages=messages,
        default_suggestions={code: suggestions.get(code) for code in CODES},
        value_suggestions=value_suggestions,
        medicine_names=names,
        medicine_prefixes={k: tuple(v) for k, v in prefixes.items()},
        dose_amounts=dose_amounts,
        dose_number_words=dose_number_words,
        dose_patterns=dose_patterns,
        copulas=_words(states["kopula"]),
        subjects=_words(states["subjekt"]),
        # Longest first, so that "inte alls" is skipped whole.
        degree_words=tuple(
            sorted((tuple(e.pattern.lower().split()) for e in states["gradord"]), key=len, reverse=True)
        ),
        degree_first_words=frozenset(e.pattern.lower().split()[0] for e in states["gradord"]),
        state_phrases=lexicon.PhraseSet(states["uttryck"]),
        interpretation_same=lexicon.PhraseSet(interpretation["samma mening"]),
        interpretation_previous=lexicon.PhraseSet(interpretation["även föregående mening"]),
        speech_before=lexicon.PhraseSet(speech["före"]),
        speech_after=lexicon.PhraseSet(speech["efter"]),
        speech_sentence=lexicon.PhraseSet(speech["hela meningen"]),
        not_a_source=_words(speech["inte källa"]),
        not_a_source_after_enligt=_words(speech["inte källa efter enligt"]),
        names_that_are_words=_words(name_words["namn"]),
        speech_enders=_words(speech["avslutar"]),
        vague=lexicon.PhraseSet(vague["fraser"]),
        vague_suggestions=tuple(e.suggestion for e in vague["fraser"]),
        activity_phrases=lexicon.PhraseSet(activities["uttryck"]),
        vague_goal_phrases=lexicon.PhraseSet(activities["vaga uttryck"]),
        measures=lexicon.PhraseSet(measurable["mått"]),
        yes_no_measures=lexicon.PhraseSet(measurable["ja eller nej"]),
        comparative_phrases=lexicon.PhraseSet(measurable["jämförelse"]),
        timeframes=lexicon.PhraseSet(timeframe["tid"]),
    )
