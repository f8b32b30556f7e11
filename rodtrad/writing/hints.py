"""Gentle hints: the routine's finer rules ("Skriv med korta meningar", "Skriv om en sak i
taget", "Använd vanliga ord"). They never block anything and are only given when asked for;
docs/writing-assistant.md reports how often they are false alarms on the corpus."""

from .document import Document
from .findings import Finding


def journal_hints(doc: Document) -> list[Finding]:
    return sorted([*long_sentences(doc), *several_events(doc), *clinical_jargon(doc)], key=lambda f: f.start)


def plan_hints(doc: Document) -> list[Finding]:
    return sorted([*long_sentences(doc), *clinical_jargon(doc)], key=lambda f: f.start)


def long_sentences(doc: Document) -> list[Finding]:
    """Sentences of more words than `ord per mening` in ledtradar.txt."""
    limit = doc.rules.long_sentence_words
    found = []
    for start, end in doc.sentences.spans:
        words = sum(1 for t in doc.tokens if start <= t.start < end and t.is_word)
        if words > limit:
            text = doc.text[start:end].rstrip()
            found.append(doc.finding("long_sentence", start, start + len(text)))
    return found


def several_events(doc: Document) -> list[Finding]:
    """An entry in which several sentences start with a new time ("På eftermiddagen ...",
    "Senare på kvällen ..."): probably several events, which the routine wants one at a time.
    The finding points at the second such start."""
    r = doc.rules
    anchors = []
    for start, end, _ in r.event_anchors.find(doc.text, doc.tokens):
        i = doc.token_index(start)
        if doc.starts_sentence(i):
            anchors.append((start, end))
    if len(anchors) < r.several_events_anchors or len(doc.sentences.spans) < 2:
        return []
    start, end = anchors[r.several_events_anchors - 1]
    return [doc.finding("several_events", start, end)]


def clinical_jargon(doc: Document) -> list[Finding]:
    r = doc.rules
    return [
        doc.finding("clinical_jargon", start, end, r.jargon_suggestions[index])
        for start, end, index in r.jargon.find(doc.text, doc.tokens)
        if not doc.own_words.covers(start, end)
    ]
