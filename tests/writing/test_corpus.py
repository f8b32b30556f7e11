"""The quality gate: precision and recall per code on the labelled corpus stay at 0.9 or above.

The corpus (tests/writing/corpus/*.jsonl) is the routines' own examples plus invented entries,
each labelled with the codes it must raise, with hard negatives the checker must leave alone.
docs/writing-assistant.md reports the figures; `python -m tests.writing.corpus_scores` prints them.
"""

from collections import Counter

import pytest

from rodtrad.writing import CODES, GOAL_CODES, JOURNAL_CODES

from .corpus_scores import load, score

THRESHOLD = 0.9


@pytest.fixture(scope="module")
def corpus():
    return load()


@pytest.fixture(scope="module")
def scores(corpus):
    return score(corpus)


def test_the_corpus_is_big_enough_and_well_formed(corpus):
    kinds = Counter(entry["kind"] for entry in corpus)
    assert kinds["journal"] >= 150
    assert kinds["goal"] >= 50
    assert len({entry["id"] for entry in corpus}) == len(corpus), "ids must be unique"
    for entry in corpus:
        allowed = JOURNAL_CODES if entry["kind"] == "journal" else GOAL_CODES
        assert set(entry["codes"]) <= set(allowed), entry["where"]
        assert entry["text"].strip(), entry["where"]


def test_every_code_has_enough_examples_and_there_are_hard_negatives(corpus):
    labelled = Counter(code for entry in corpus for code in entry["codes"])
    for code in CODES:
        assert labelled[code] >= 15, f"{code} has only {labelled[code]} labelled texts"
    clean_journal = [e for e in corpus if e["kind"] == "journal" and not e["codes"]]
    assert len(clean_journal) >= 50


@pytest.mark.parametrize("code", CODES)
def test_precision_and_recall_stay_at_or_above_the_threshold(scores, code):
    s = scores[code]
    misses = "\n".join(f"{kind} {entry['where']}: {entry['text']}" for kind, entry in s.misses)
    assert s.precision >= THRESHOLD, f"{code} precision {s.precision:.2f}\n{misses}"
    assert s.recall >= THRESHOLD, f"{code} recall {s.recall:.2f}\n{misses}"
