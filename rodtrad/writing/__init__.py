"""Skrivstöd: checks journal entries, goals and the plan's own text against the social
documentation routines. Pure Python (no Django), so that it can run anywhere text is written::

    from rodtrad.writing import check_journal, check_goal, check_plan

    check_journal("Kalle var lat och vägrade duscha.", other_clients=["Sara Holm"])
    check_goal("Kalle ska bli mer självständig.")
    check_plan("Personalen ger Kalle två Alvedon vid huvudvärk.")

Each call returns a list of `Finding` (code, start, end, message, suggestion, rewrite), with
start and end indexing the text that was passed in; `hints=True` adds the gentle hints. The word
lists and patterns are the data files in `rodtrad/writing/data/`; docs/writing-assistant.md
describes them.
"""

from collections.abc import Iterable

from .findings import CODES, GOAL_CODES, HINT_CODES, JOURNAL_CODES, PLAN_CODES, Finding
from .goal import check_goal
from .journal import check_journal
from .lemmas import load_lemmatizer
from .plan import check_plan
from .rules import rules

KINDS = ("journal", "goal", "plan")

__all__ = [
    "CODES",
    "GOAL_CODES",
    "HINT_CODES",
    "JOURNAL_CODES",
    "KINDS",
    "PLAN_CODES",
    "Finding",
    "check",
    "check_goal",
    "check_journal",
    "check_plan",
    "warm_up",
]


def check(
    kind: str, text: str, other_clients: Iterable[str] = (), client_name: str | None = None, *, hints: bool = False
) -> list[Finding]:
    """`check_journal`, `check_goal` or `check_plan` by kind ("journal", "goal" or "plan")."""
    if kind == "journal":
        return check_journal(text, other_clients, client_name, hints=hints)
    if kind == "goal":
        return check_goal(text, hints=hints)
    if kind == "plan":
        return check_plan(text, other_clients, client_name, hints=hints)
    raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")


def warm_up() -> None:
    """Read the data files and load the lemmatiser now (about a second, once per process),
    so that the first check a user waits for is as fast as the rest."""
    rules()
    load_lemmatizer()
