"""Checks of a goal (mål i genomförandeplanen): is it specific, measurable and time-bound?

Each is judged on its own (a goal can be measurable without being specific: "träna på olika
saker tre gånger i veckan"), and only on what the client is to do: the reason after "Det är
viktigt eftersom ..." or "för att ..." is the client's why, not part of the measure."""

from .findings import Finding
from .lexicon import PhraseSet
from .rules import ABSTRACT, ACTIVITY, LIGHT, Rules, rules
from .text import NUMBER_WORDS, Spans, Token, tokenize

# Words that say when or how often, not what: they do not make a light verb concrete.
_TIME_WORDS = frozenset(
    [
        "dag",
        "dagen",
        "dagar",
        "dagligen",
        "vecka",
        "veckan",
        "veckor",
        "månad",
        "månaden",
        "månader",
        "år",
        "året",
        "kväll",
        "kvällen",
        "kvällar",
        "morgon",
        "morgonen",
        "morgnar",
        "helg",
        "helgen",
        "helger",
        "gång",
        "gånger",
        "ggr",
        "minuter",
        "minut",
        "timme",
        "timmar",
        "timmen",
        "halvtimme",
        "kvart",
        "tillfälle",
        "tillfällen",
        "vardag",
        "vardagar",
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "på",
        "i",
        "till",
        "med",
        "av",
        "för",
        "om",
        "efter",
        "inför",
        "under",
        "vid",
        "och",
        "eller",
        "sin",
        "sitt",
        "sina",
        "hans",
        "hennes",
        "en",
        "ett",
        "den",
        "det",
        "de",
        "som",
        "mot",
        "från",
        "hos",
        "utan",
        "fram",
        "runt",
        "över",
        "genom",
        "mer",
        "oftare",
        "bättre",
        "fler",
        "mindre",
        "än",
        "så",
        "helt",
        "hela",
        "varje",
        "alla",
        "minst",
        "högst",
        "inom",
        "senast",
        "innan",
        "före",
        "tills",
        "fram",
    ]
) | (NUMBER_WORDS - {"en", "ett"})


def check_goal(text: str, *, hints: bool = False) -> list[Finding]:
    """The SMART parts a goal text lacks. Each finding points at the words to change, or at the
    whole goal when there is nothing in particular to point at. (`hints` is accepted for the
    same call as the other checks; goals get no hints.)"""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        return []
    r = rules()
    whole = (start, end)
    all_tokens = tokenize(text)
    # What the client is to do ends where the reason begins. The verb is looked for before any
    # reason ("... för att ..."), the measure and the timeframe before the template's own
    # sentence of reasons ("Det är viktigt eftersom ..."), which may follow them.
    goal_end = _goal_part_end(r, text, all_tokens, end, sentence_only=True)
    verb_end = _goal_part_end(r, text, all_tokens, goal_end, sentence_only=False)
    tokens = [t for t in all_tokens if t.start < goal_end]
    goal_text = text[:goal_end]

    def finding(code, span, rewrite=None):
        if rewrite is None:  # the span replaced by a slot for the writer to fill in
            slot = r.default_rewrites.get(code) or ""
            rewrite = slot if span != whole else text[start:end]
            if span == whole and code == "goal_not_specific":
                rewrite = slot
        return Finding(code, *span, r.message(code, text[span[0] : span[1]]), r.default_suggestions[code], rewrite)

    def first(phrases: PhraseSet):
        return phrases.first(goal_text, tokens)

    findings = []
    if not _is_specific(r, text[:verb_end], [t for t in tokens if t.start < verb_end]):
        findings.append(finding("goal_not_specific", first(r.vague_goal_phrases) or whole))

    comparative = first(r.comparative_phrases)
    measurable = first(r.measures) is not None or (first(r.yes_no_measures) is not None and comparative is None)
    if not measurable:
        findings.append(
            finding(
                "goal_not_measurable",
                comparative or whole,
                None if comparative else _inserted(text, goal_end, r.default_rewrites["goal_not_measurable"]),
            )
        )

    not_timeframes = Spans((s, e) for s, e, _ in r.not_timeframes.find(goal_text, tokens))
    if not any(not not_timeframes.covers(s, e) for s, e, _ in r.timeframes.find(goal_text, tokens)):
        findings.append(
            finding("goal_no_timeframe", whole, _inserted(text, goal_end, r.default_rewrites["goal_no_timeframe"]))
        )
    return findings


def _goal_part_end(r: Rules, text: str, tokens: list[Token], end: int, *, sentence_only: bool) -> int:
    """Where the reason for the goal begins ("Det är viktigt eftersom ...", "för att ..."), or
    `end`. With `sentence_only`, only a reason that starts a sentence counts."""
    for start, _, _ in r.goal_reasons.find(text, tokens):
        if 0 < start < end and (not sentence_only or text[:start].rstrip().endswith((".", "!", "?"))):
            return start
    return end


def _inserted(text: str, goal_end: int, slot: str) -> str:
    """The goal with a slot for the writer to fill in, before the full stop that ends what the
    client is to do: "Ta ut soporna varje tisdag, senast [datum]. Det är viktigt eftersom ..."."""
    head = text[:goal_end].rstrip()
    dot = head.endswith(".")
    head = head.rstrip(".").rstrip()
    head = head[:-1].rstrip() if head.endswith(",") else head
    rest = text[goal_end:].rstrip()
    joined = f"{head.strip()}, {slot}{'.' if dot or rest else ''}"
    return f"{joined} {rest.strip()}".strip() if rest.strip() else joined


def _is_specific(r: Rules, text: str, tokens: list[Token]) -> bool:
    slots = list(_verb_slots(r, tokens))
    if slots:
        return any(_concrete_at(r, text, tokens, i) for i in slots)
    # No verb where one is expected: a goal of nouns ("Promenad två gånger i veckan").
    return r.activity_phrases.first(text, tokens) is not None or any(
        lexicon == ACTIVITY for token in tokens if token.is_word for lexicon, _ in r.forms.keys_of(token.text)
    )


def _verb_slots(r: Rules, tokens: list[Token]):
    """The indices of the tokens where the goal's verb should stand: after "ska", "vill", "att",
    "kunna" or a colon, past words like "själv" and "lära sig"; or first, when the goal starts
    with its verb, as the goal template's sentences do ("Handla mat i affären ...")."""
    lowers = [t.lower for t in tokens]
    markers = r.goal_verb_markers
    goal_words = ("mål", "målet", "eget", "egna")
    has_marker = any(w in markers or w in goal_words for w in lowers)
    starts = [] if has_marker else [0]
    for i, word in enumerate(lowers):
        if word in markers or (word in ("är", "blir") and i > 0 and lowers[i - 1] in ("mål", "målet")):
            starts.append(i + 1)
    for i in starts:
        while i < len(tokens) and (lowers[i] in r.goal_skipped_words or lowers[i] in markers):
            i += 1
        if i >= len(tokens) or not tokens[i].is_word:
            continue
        if i + 1 < len(tokens) and lowers[i + 1] in markers:
            continue  # the subject: "att Kalle ska ...", "Mål: Johan ska ..."
        if i > 0 and tokens[i].text[0].isupper() and lowers[i - 1] != ":":
            continue  # a name
        yield i


def _concrete_at(r: Rules, text: str, tokens: list[Token], i: int) -> bool:
    """Whether the verb in token i makes the goal concrete (see mal_specifikt.txt)."""
    word = tokens[i].text
    keys = {lexicon for lexicon, _ in r.forms.keys_of(word)}
    lower = tokens[i].lower
    if lower in r.generic_objects:
        return False  # "Noras mål är gemenskap med andra"
    if lower in ("vara", "är", "var") and i + 1 < len(tokens) and "med" in (t.lower for t in tokens[i + 1 : i + 3]):
        keys = {LIGHT}  # "vara med på matlagningen"
    if ABSTRACT in keys and LIGHT not in keys:
        return False
    if LIGHT in keys:
        return _concrete_object(r, text, tokens, i)
    return True


def _concrete_object(r: Rules, text: str, tokens: list[Token], i: int) -> bool:
    """Whether something concrete follows a light verb: "delta i gympan", not "delta i
    aktiviteter" or "träna en timme om dagen"."""
    when = Spans((s, e) for s, e, _ in r.timeframes.find(text, tokens))
    concrete = False
    for token in tokens[i + 1 : i + 7]:
        if when.covers(token.start, token.end):
            continue
        if not token.is_word:
            if token.text in ",.;:":
                break
            continue
        if token.lower in r.generic_objects:
            return False  # "göra roliga saker", "delta i aktiviteter"
        if token.lower == "att":
            break  # the verb after "att" is a slot of its own
        if token.lower in _FUNCTION_WORDS or token.lower in _TIME_WORDS or token.lower in r.goal_skipped_words:
            continue
        concrete = True
    return concrete
