"""Invented Swedish journal text, cheap enough for millions of entries.

The templates of phrases.py are filled once, at start, into pools of finished sentences, one set
per grammatical gender (the pronouns differ), and those into pools of entry heads and tails (see
JournalText). The client's first name is put in last, with one str.replace per entry."""

import bisect
import random

from . import phrases, words

NAME = "\x01"
# A name is counted at its longest, so that the finished text stays within MAX_CHARS.
NAME_WIDTH = max(len(name) for name in words.FEMALE_NAMES + words.MALE_NAMES)
MIN_CHARS, MAX_CHARS = 150, 1200
# Widths count every name as the longest; a text this wide is MIN_CHARS long with the shortest names.
SHORTEST = MIN_CHARS + 3 * (NAME_WIDTH - 3)
VARIANTS_PER_TEMPLATE = 30
HEADS, TAILS, LENGTHS = 2000, 4000, 4096
# The tail is one of the NEAR longest that fit; below TAIL_MIN_ROOM characters of room, none is added.
NEAR, TAIL_MIN_ROOM = 60, 40

PRONOUNS = {
    "f": {"han": "hon", "Han": "Hon", "honom": "henne", "hans": "hennes", "Hans": "Hennes"},
    "m": {"han": "han", "Han": "Han", "honom": "honom", "hans": "hans", "Hans": "Hans"},
}
SLOTS = {
    "plats": words.PLACES,
    "mat": words.FOODS,
    "akt": words.ACTIVITIES,
    "rel": words.RELATIVES,
    "annan": words.OTHERS,
    "tid": words.TIMES,
    "dag": words.WEEKDAYS,
    "nasta": words.NEXT_WEEKDAYS,
    "sak": words.THINGS,
    "vader": words.WEATHER,
    "manad": words.MONTH_NAMES,
}
# How long entries of a category tend to be: the median of a log-normal length, in characters.
# Mean about 320 characters: the full-text index costs in proportion to the words.
MEDIAN_CHARS = {"monthly": 430, "follow_up": 380, "deviation": 300, "health": 280}
DEFAULT_MEDIAN_CHARS = 230
LENGTH_SIGMA = 0.55


def fill(template: str, gender: str, rng: random.Random) -> str:
    values = {slot: rng.choice(choices) for slot, choices in SLOTS.items() if "{" + slot + "}" in template}
    sentence = template.format(n=NAME, **PRONOUNS[gender], **values)
    return sentence[0].upper() + sentence[1:]


def _pool(templates, gender, rng) -> list[str]:
    sentences = set()
    for template in templates:
        has_slots = any("{" + slot + "}" in template for slot in SLOTS)
        for _ in range(VARIANTS_PER_TEMPLATE if has_slots else 1):
            sentences.add(fill(template, gender, rng))
    return sorted(sentences)


def _width(text: str) -> int:
    """The length of `text` once the longest name is put in, and a space to join it by."""
    return len(text) + text.count(NAME) * (NAME_WIDTH - 1) + 1


class JournalText:
    """Entries for one run; the same seed gives the same text.

    An entry is a head (an opener and up to three sentences) and a tail (one to nine sentences),
    both composed at start into pools sorted by length: the tail is drawn among those that bring
    the entry close to the length drawn for it. Pools of a few thousand of each give millions
    of different pairs, at two draws and a bisection per entry."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.lengths = {}
        openers, bodies = {}, {}
        closing = {}
        for gender in PRONOUNS:
            closing[gender] = _pool(phrases.CLOSING, gender, rng)
            for category, templates in phrases.OPENERS.items():
                openers[gender, category] = _pool(templates, gender, rng)
                bodies[gender, category] = _pool(phrases.BODY[category], gender, rng)
        # Entries borrow now and then from other categories and end with a closing sentence:
        # one pool per category holds all of it, weighted by repetition.
        mixed = {}
        for gender in PRONOUNS:
            borrowed = [s for (g, _c), pool in bodies.items() if g == gender for s in pool]
            for category in phrases.OPENERS:
                mixed[gender, category] = bodies[gender, category] * 6 + borrowed + closing[gender] * 2
        self.heads, self.tails = {}, {}
        for key, body in mixed.items():
            heads = [self._compose([rng.choice(openers[key])], body, rng.randint(0, 3)) for _ in range(HEADS)]
            tails = sorted(
                (self._compose([], body, rng.randint(1, 9)) for _ in range(TAILS)), key=lambda found: found[0]
            )
            self.heads[key] = heads
            self.tails[key] = ([width for width, _text in tails], [text for _width, text in tails])

    def _compose(self, parts, body, count):
        """(width, text) of `parts` and `count` sentences from `body`, a paragraph now and then."""
        rng = self.rng
        for _ in range(count):
            if len(parts) >= 4 and rng.random() < 0.15:
                parts.append("\n\n")
            elif parts:
                parts.append(" ")
            parts.append(rng.choice(body))
        text = "".join(parts)
        return _width(text), text

    def length(self, category: str) -> int:
        """A length for an entry of `category`, from a table drawn at start (one draw instead of a log-normal)."""
        table = self.lengths.get(category)
        if table is None:
            median = MEDIAN_CHARS.get(category, DEFAULT_MEDIAN_CHARS)
            table = self.lengths[category] = [self._draw_length(median) for _ in range(LENGTHS)]
        return table[int(self.rng.random() * LENGTHS)]

    def _draw_length(self, median) -> int:
        """Log-normal, drawn again below the shortest (rather than piled up there) and cut at the longest."""
        while (drawn := self.rng.lognormvariate(0, LENGTH_SIGMA) * median) < SHORTEST:
            pass
        return int(min(MAX_CHARS, drawn))

    def entry(self, category: str, gender: str, name: str) -> str:
        random_ = self.rng.random
        target = self.length(category)
        heads = self.heads[gender, category]
        width, head = heads[int(random_() * len(heads))]
        # A head shorter than the shortest entry (with a short name) always gets a tail.
        room = max(target - width, SHORTEST - width)
        if room < TAIL_MIN_ROOM and width >= SHORTEST:
            return head.replace(NAME, name)
        widths, tails = self.tails[gender, category]
        fitting = max(1, bisect.bisect_right(widths, room))
        tail = tails[fitting - 1 - int(random_() * min(fitting, NEAR))]
        joint = "\n\n" if target > 500 and random_() < 0.5 else " "
        return f"{head}{joint}{tail}".replace(NAME, name)
