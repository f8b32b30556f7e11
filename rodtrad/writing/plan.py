"""Checks of the plan's own text: plan items (what the client does alone, the support they want
and how) and the life story. The VOB routine forbids value-laden words, unmarked
interpretations and medicine names and doses in the plan as well; other clients' names do not
belong there either. Unlike the journal, a sentence with "jag" is the client's own voice (the
routine prefers the jag-form in the plan), and "tycker om" is what the plan is for, not an
interpretation."""

from collections.abc import Iterable

from .document import Document
from .findings import Finding
from .hints import plan_hints
from .journal import _first_names, in_order, medical_detail, other_clients_named, unmarked_interpretation, value_laden
from .rules import rules


def check_plan(
    text: str, other_clients: Iterable[str] = (), client_name: str | None = None, *, hints: bool = False
) -> list[Finding]:
    """The findings in a text of the plan, in the order they appear; `hints=True` adds the
    gentle hints (long sentences, clinical jargon)."""
    if not text.strip():
        return []
    other_clients = list(other_clients)
    doc = Document(text, rules(), voice="plan", names=_first_names(other_clients, client_name))
    found = in_order(
        [
            *value_laden(doc),
            *medical_detail(doc),
            *other_clients_named(doc, other_clients, client_name),
            *unmarked_interpretation(doc),
        ]
    )
    if hints:
        found += plan_hints(doc)
    return found
