"""The rules, built once per process from the data files (on the first check, not on import)."""

import functools
import re
from dataclasses import dataclass

from . import lexicon
from .findings import CODES, HINT_CODES
from .lemmas import FormTable

# The lexicons in the form table, whose keys are (lexicon, headword).
VALUE, STATE, STATE_VERB, RELATION, ACTIVITY, ABSTRACT, LIGHT, PERSON, MEDICINE_KIND, EMOTION = (
    "value", "state", "state_verb", "relation", "activity", "abstract", "light", "person", "medicine_kind",
    "emotion",
)  # fmt: skip


@dataclass(frozen=True)
class Rules:
    forms: FormTable
    messages: dict[str, str]
    default_suggestions: dict[str, str | None]
    default_rewrites: dict[str, str | None]
    # value_laden
    value_suggestions: dict[str, str | None]
    value_rewrites: dict[str, str | None]
    value_classes: dict[str, str]  # headword -> word class (adjektiv, verb, substantiv, oböjligt)
    value_phrases: lexicon.PhraseSet
    not_value_laden: lexicon.PhraseSet
    # medical_detail
    medicine_names: frozenset[str]
    medicine_prefixes: dict[str, tuple[str, ...]]
    dose_amounts: re.Pattern
    dose_number_words: frozenset[str]
    dose_patterns: re.Pattern | None
    measure_words: frozenset[str]
    measure_verbs: lexicon.PhraseSet
    after_number: lexicon.PhraseSet
    not_a_value_unit: frozenset[str]
    # unmarked_interpretation
    copulas: frozenset[str]
    subjects: frozenset[str]
    degree_words: tuple[tuple[str, ...], ...]
    degree_first_words: frozenset[str]
    state_phrases: lexicon.PhraseSet
    journal_state_phrases: lexicon.PhraseSet
    motive_phrases: lexicon.PhraseSet
    things: frozenset[str]
    interpretation_same: lexicon.PhraseSet
    interpretation_previous: lexicon.PhraseSet
    marked_forms: dict[str, str]  # "var" -> "verkade"
    # someone else's words
    speech_verbs: frozenset[str]
    question_verbs: frozenset[str]
    speech_before: lexicon.PhraseSet
    speech_after: lexicon.PhraseSet
    speech_sentence: lexicon.PhraseSet
    not_a_source: frozenset[str]
    not_a_source_after_enligt: frozenset[str]
    speech_enders: frozenset[str]
    # other_client
    names_that_are_words: frozenset[str]
    workplaces: frozenset[str]
    # vague
    vague: lexicon.PhraseSet
    vague_suggestions: tuple[str | None, ...]
    not_vague: lexicon.PhraseSet
    # goals
    activity_phrases: lexicon.PhraseSet
    vague_goal_phrases: lexicon.PhraseSet
    goal_verb_markers: frozenset[str]
    goal_skipped_words: frozenset[str]
    generic_objects: frozenset[str]
    goal_reasons: lexicon.PhraseSet
    measures: lexicon.PhraseSet
    yes_no_measures: lexicon.PhraseSet
    comparative_phrases: lexicon.PhraseSet
    timeframes: lexicon.PhraseSet
    not_timeframes: lexicon.PhraseSet
    # hints
    jargon: lexicon.PhraseSet
    jargon_suggestions: tuple[str | None, ...]
    long_sentence_words: int
    event_anchors: lexicon.PhraseSet
    several_events_anchors: int

    def message(self, code: str, words: str) -> str:
        return self.messages[code].replace("{ord}", " ".join(words.split()))


def _words(entries: list[lexicon.Entry]) -> frozenset[str]:
    return frozenset(e.pattern.lower() for e in entries)


def _listed_forms(entries: list[lexicon.Entry]) -> list[str]:
    """Every form written on the lines of a word list (`ord, form, form`), as they stand."""
    return [w.strip().lower() for e in entries for w in e.pattern.split(",") if w.strip()]


def _add_words(table: FormTable, lexicon_name: str, entries_by_section: dict[str, list[lexicon.Entry]]):
    """Add word entries to the table; returns headword -> (suggestion, rewrite, word class)."""
    found = {}
    for section, entries in entries_by_section.items():
        if section not in lexicon.WORD_CLASSES:
            continue
        for entry in entries:
            headword, forms = lexicon.word_forms(entry, section)
            table.add((lexicon_name, headword), forms)
            suggestion, _, rewrite = (entry.suggestion or "").partition("=>")
            found[headword] = (suggestion.strip() or None, rewrite.strip() or None, section)
    return found


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


def _setting(entries: list[lexicon.Entry], name: str, file: str) -> int:
    for entry in entries:
        key, _, value = entry.pattern.partition("=")
        if key.strip() == name:
            try:
                return int(value)
            except ValueError:
                raise lexicon.DataFileError(f"{file}:{entry.line}: {name} must be a whole number") from None
    raise lexicon.DataFileError(f"{file}: no line `{name} = …` in [inställningar]")


@functools.cache
def rules() -> Rules:
    read = lexicon.read
    values = read(
        "vardeladdade_ord.txt",
        {"adjektiv", "verb", "substantiv", "oböjligt", "uttryck", "inte värdeladdat", "om personen"},
    )
    states = read(
        "inre_tillstand.txt",
        {
            "kopula", "gradord", "prefix", "subjekt", "adjektiv", "verb", "uttryck", "uttryck bara i journalen",
            "känslor", "motiv", "saker",
        },
    )  # fmt: skip
    relations = read("relationer.txt", {"substantiv", "oböjligt", "arbetsplatser"})
    name_words = read("namn_som_ar_ord.txt", {"namn"})
    activities = read(
        "mal_specifikt.txt",
        {"verb", "substantiv", "oböjligt", "uttryck", "vaga uttryck", "abstrakta verb", "lätta verb", "allmänna ord",
         "före verbet", "hoppa över", "skäl"},
    )  # fmt: skip
    medicines = read("lakemedel.txt", {"namn", "sorter"})
    doses = read("doser.txt", {"enheter", "enheter med talord", "talord", "mönster"})
    measured = read("matvarden.txt", {"mätord", "mätverb", "efter talet", "inte mätvärde"})
    interpretation = read("tolkning.txt", {"samma mening", "även föregående mening", "omskrivning"})
    speech = read(
        "anforing.txt",
        {"talverb", "frågeverb", "före", "efter", "hela meningen", "inte källa", "inte källa efter enligt", "avslutar"},
    )
    vague = read("vaga_fraser.txt", {"period", "omdöme", "grad", "fraser", "inte vagt"})
    measurable = read("mal_matbart.txt", {"mått", "ja eller nej", "jämförelse"})
    timeframe = read("mal_tidsram.txt", {"tid", "inte tidsram"})
    jargon = read("facksprak.txt", {"ord"})
    hints = read("ledtradar.txt", {"inställningar", "händelsemarkörer"})
    texts = read("meddelanden.txt", {"meddelanden", "förslag", "omskrivning"})

    forms = FormTable(prefixes=(e.pattern for e in states["prefix"]))
    value_words = _add_words(forms, VALUE, values)
    _add_words(forms, STATE, {"adjektiv": states["adjektiv"]})
    _add_words(forms, STATE_VERB, {"oböjligt": states["verb"]})
    _add_words(forms, RELATION, relations)
    _add_words(forms, ACTIVITY, activities)
    _add_words(forms, ABSTRACT, {"verb": activities["abstrakta verb"]})
    _add_words(forms, LIGHT, {"verb": activities["lätta verb"]})
    _add_words(forms, PERSON, {"oböjligt": values["om personen"]})
    _add_words(forms, MEDICINE_KIND, {"substantiv": medicines["sorter"]})
    _add_words(forms, EMOTION, {"substantiv": states["känslor"]})
    forms.freeze()

    messages = {e.pattern: e.suggestion for e in texts["meddelanden"]}
    suggestions = {e.pattern: e.suggestion for e in texts["förslag"]}
    missing = [code for code in CODES + HINT_CODES if not messages.get(code)]
    if missing:
        raise lexicon.DataFileError(f"meddelanden.txt: no message for {', '.join(missing)}")

    names = frozenset(e.pattern.lower() for e in medicines["namn"])
    prefixes: dict[str, list[str]] = {}
    for name in names:
        if len(name) >= 6:
            prefixes.setdefault(name[:4], []).append(name)

    emotions = {"känsla": _listed_forms(states["känslor"])}
    vague_lists = {
        "period": _listed_forms(vague["period"]),
        "omdöme": _listed_forms(vague["omdöme"]),
        "grad": _listed_forms(vague["grad"]),
    }
    marked = {}
    for entry in interpretation["omskrivning"]:
        if not entry.suggestion:
            raise lexicon.DataFileError(f"tolkning.txt:{entry.line}: [omskrivning] lines are `form => marked form`")
        marked[entry.pattern.lower()] = entry.suggestion

    dose_amounts, dose_number_words, dose_patterns = _dose_regexes(doses)
    return Rules(
        forms=forms,
        messages=messages,
        default_suggestions={code: suggestions.get(code) for code in CODES + HINT_CODES},
        default_rewrites={e.pattern: e.suggestion for e in texts["omskrivning"]},
        value_suggestions={h: s for h, (s, _, _) in value_words.items()},
        value_rewrites={h: r for h, (_, r, _) in value_words.items()},
        value_classes={h: c for h, (_, _, c) in value_words.items()},
        value_phrases=lexicon.PhraseSet(values["uttryck"]),
        not_value_laden=lexicon.PhraseSet(values["inte värdeladdat"]),
        medicine_names=names,
        medicine_prefixes={k: tuple(v) for k, v in prefixes.items()},
        dose_amounts=dose_amounts,
        dose_number_words=dose_number_words,
        dose_patterns=dose_patterns,
        measure_words=frozenset(_listed_forms(measured["mätord"])),
        measure_verbs=lexicon.PhraseSet(measured["mätverb"]),
        after_number=lexicon.PhraseSet(measured["efter talet"]),
        not_a_value_unit=frozenset(_listed_forms(measured["inte mätvärde"])),
        copulas=_words(states["kopula"]),
        subjects=_words(states["subjekt"]),
        # Longest first, so that "inte alls" is skipped whole.
        degree_words=tuple(
            sorted((tuple(e.pattern.lower().split()) for e in states["gradord"]), key=len, reverse=True)
        ),
        degree_first_words=frozenset(e.pattern.lower().split()[0] for e in states["gradord"]),
        state_phrases=lexicon.PhraseSet(states["uttryck"]),
        journal_state_phrases=lexicon.PhraseSet(states["uttryck bara i journalen"]),
        motive_phrases=lexicon.PhraseSet(states["motiv"], emotions),
        things=frozenset(_listed_forms(states["saker"])),
        interpretation_same=lexicon.PhraseSet(interpretation["samma mening"]),
        interpretation_previous=lexicon.PhraseSet(interpretation["även föregående mening"]),
        marked_forms=marked,
        speech_verbs=frozenset(_listed_forms(speech["talverb"])),
        question_verbs=frozenset(_listed_forms(speech["frågeverb"])),
        speech_before=lexicon.PhraseSet(speech["före"]),
        speech_after=lexicon.PhraseSet(speech["efter"]),
        speech_sentence=lexicon.PhraseSet(speech["hela meningen"]),
        not_a_source=_words(speech["inte källa"]),
        not_a_source_after_enligt=_words(speech["inte källa efter enligt"]),
        speech_enders=_words(speech["avslutar"]),
        names_that_are_words=_words(name_words["namn"]),
        workplaces=frozenset(_listed_forms(relations["arbetsplatser"])),
        vague=lexicon.PhraseSet(vague["fraser"], vague_lists),
        vague_suggestions=tuple(e.suggestion for e in vague["fraser"]),
        not_vague=lexicon.PhraseSet(vague["inte vagt"], vague_lists),
        activity_phrases=lexicon.PhraseSet(activities["uttryck"]),
        vague_goal_phrases=lexicon.PhraseSet(activities["vaga uttryck"]),
        goal_verb_markers=frozenset(_listed_forms(activities["före verbet"])),
        goal_skipped_words=frozenset(_listed_forms(activities["hoppa över"])),
        generic_objects=frozenset(_listed_forms(activities["allmänna ord"])),
        goal_reasons=lexicon.PhraseSet(activities["skäl"]),
        measures=lexicon.PhraseSet(measurable["mått"]),
        yes_no_measures=lexicon.PhraseSet(measurable["ja eller nej"]),
        comparative_phrases=lexicon.PhraseSet(measurable["jämförelse"]),
        timeframes=lexicon.PhraseSet(timeframe["tid"]),
        not_timeframes=lexicon.PhraseSet(timeframe["inte tidsram"]),
        jargon=lexicon.PhraseSet(jargon["ord"]),
        jargon_suggestions=tuple(e.suggestion for e in jargon["ord"]),
        long_sentence_words=_setting(hints["inställningar"], "ord per mening", "ledtradar.txt"),
        event_anchors=lexicon.PhraseSet(hints["händelsemarkörer"]),
        several_events_anchors=_setting(hints["inställningar"], "händelsemarkörer", "ledtradar.txt"),
    )
