"""The journal list's entry cards, rendered once and kept.

Rendering fifty cards through the template engine took most of the journal page's time. A
signed entry never changes and a card shows nothing that depends on who reads it; everything a
card shows is part of its key — the entry's own fields, its corrections and objections, and the
wording of the goal, plan item and life area it is about, which can change — so a kept card is
never stale: a change makes a new key and the old card ages out unused. The text is kept out
of the card, as a slot filled on the way out: with the search words marked when the list is a
search, so that a search reuses the same cards.

The cache is process-local (settings CACHES["journal_cards"], LocMemCache): personal data in
it never leaves the worker that read it from the database after the access check. Drafts are always rendered
afresh."""

import hashlib

from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

CACHE = "journal_cards"
TEMPLATE = "journal/_entry.html"
# Control characters never occur in an entry's text (journal.services.clean_text).
SLOT = mark_safe("\x00text\x00")


def _shown(entry) -> tuple:
    """Everything journal/_entry.html reads, as plain values (tests/journal/test_cards.py checks
    that the template reads nothing else)."""
    related = (
        entry.goal.sentence if entry.goal_id else None,
        entry.plan_item.title if entry.plan_item_id else None,
        entry.life_area_name,
        entry.corrected_entry_at,
    )
    corrections = [(c.pk, c.signed_at, c.author_name) for c in entry.signed_corrections]
    objections = [
        (o.pk, o.raised_on, o.raised_by_name, o.text, o.recorded_by_name, o.recorded_at) for o in entry.shown_objections
    ]
    own = (
        entry.pk,
        entry.client_id,
        entry.category,
        entry.occurred_at,
        entry.text,
        entry.late,
        entry.recorded_by_system,
        entry.assessment_by,
        entry.author_name,
        entry.author_title,
        entry.for_colleague,
        entry.colleague_name,
        entry.colleague_title,
        entry.signed_at,
        entry.corrects_id,
        entry.correction_reason,
    )
    return own, related, corrections, objections


def _key(entry, link: bool, level: int) -> str:
    shown = repr((_shown(entry), link, level, get_language(), get_script_prefix()))
    return f"card:{entry.pk}:{hashlib.blake2b(shown.encode(), digest_size=16).hexdigest()}"


def _text(entry) -> str:
    highlight = getattr(entry, "highlight", None)
    return f"<p>{highlight}</p>" if highlight else linebreaks(entry.text, autoescape=True)


def render_cards(entries, *, link: bool, level: int) -> list[SafeString]:
    """The cards of `entries` (from journal.queries.with_details), in their order."""
    keys = {entry.pk: _key(entry, link, level) for entry in entries if entry.is_signed}
    cache = caches[CACHE]
    kept = cache.get_many(keys.values())
    fresh = {}
    cards = []
    for entry in entries:
        key = keys.get(entry.pk)
        html = kept.get(key)
        if html is None:
            html = str(render_to_string(TEMPLATE, {"entry": entry, "link": link, "level": level, "text_slot": SLOT}))
            if key is not None:
                fresh[key] = html
        # Both parts were escaped: the card by the template engine, the text by _text.
        cards.append(mark_safe(html.replace(SLOT, _text(entry), 1)))  # noqa: S308
    if fresh:
        cache.set_many(fresh)
    return cards
