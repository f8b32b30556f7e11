"""Checks of a goal (mål i genomförandeplanen): is it specific, measurable and time-bound?"""

from .findings import Finding
from .rules import ACTIVITY, rules
from .text import tokenize


def check_goal(text: str) -> list[Finding]:
    """The SMART parts a goal text lacks. Each finding points at the words to change, or at the
    whole goal when there is nothing in particular to point at."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        return []
    r = rules()
    whole = (start, end)

    def finding(code, span):
        return Finding(code, *span, r.message(code, text[span[0] : span[1]]), r.default_suggestions[code])

    tokens = tokenize(text)

    def first(phrases):
        return phrases.first(text, tokens)

    findings = []
    specific = first(r.activity_phrases) is not None or any(
        lexicon == ACTIVITY for token in tokens if token.is_word for lexicon, _ in r.forms.keys_of(token.text)
    )
    if not specific:
        findings.append(finding("goal_not_specific", first(r.vague_goal_phrases) or whole))

    # Without a concrete activity there is nothing to count, however often it is to happen.
    comparative = first(r.comparative_phrases)
    measurable = specific and (
        first(r.measures) is not None or (first(r.yes_no_measures) is not None and comparative is None)
    )
    if not measurable:
        findings.append(finding("goal_not_measurable", comparative or whole))

    if first(r.timeframes) is None:
        findings.append(finding("goal_no_timeframe", whole))
    return findings
