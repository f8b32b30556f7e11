"""Skrivstöd: checks journal entries and goals against the social documentation routine.

Pure Python (no Django), so that it can run anywhere text is written::

    from rodtrad.writing import check_journal, check_goal

    check_journal("Kalle var lat och vägrade duscha.", other_clients=["Sara Holm"])
    check_goal("Kalle ska bli mer självständig.")

Each call returns a list of `Finding` (code, start, end, message, suggestion), with start and
end indexing the text that was passed in. The word lists and patterns are the data files in
`rodtrad/writing/data/`; docs/writing-assistant.md describes them.
"""

from collections.abc import Iterable

from .findings import CODES, GOAL_CODES, JOURNAL_CODES, Finding
from .goal import check_goal
from .journal import check_journal
from .lemmas import load_lemmatizer
from .rules import rules

KINDS = ("journal", "goal")

__all__ = [
    "CODES",
    "GOAL_CODES",
    "JOURNAL_CODES",
    "KINDS",
    "Finding",
    "check",
    "check_goal",
    "check_journal",
    "warm_up",
]


def check(kind: str, text: str, other_clients: Iterable[str] = (), client_name: str | None = None) -> list[Finding]:
    """`check_journal` or `check_goal` by kind ("journal" or "goal")."""
    if kind == "journal":
        return check_journal(text, other_clients, client_name)
    if kind == "goal":
        return check_goal(text)
    raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")


def warm_up() -> None:
    """Read the data files and load the lemmatiser now (about a second, once per process),
    so that the first check a user waits for is as fast as the rest."""
    rules()
    load_lemmatizer()
