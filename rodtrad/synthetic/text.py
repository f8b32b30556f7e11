"""Invented Swedish journal text, cheap enough for millions of entries.

The templates of phrases.py are filled once, at start, into pools of finished sentences, one set
per grammatical gender (the pronouns differ). An entry is then an opener and body sentences drawn
from its category's pool until it reaches a length drawn for it, with the client's first name put
in last: one random draw per sentence and one str.replace per entry."""

import random

from . import phrases, words

NAME = "\x01"
# A name is counted at its longest, so that the finished text stays within MAX_CHARS.
NAME_WIDTH = max(len(name) for name in words.FEMALE_NAMES + words.MALE_NAMES)
MIN_CHARS, MAX_CHARS = 150, 1200
VARIANTS_PER_TEMPLATE = 30
DRAW = 6

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
MEDIAN_CHARS = {"monthly": 460, "follow_up": 400, "deviation": 320, "health": 300}
DEFAULT_MEDIAN_CHARS = 250
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


def _width(sentence: str) -> int:
    return len(sentence) + sentence.count(NAME) * (NAME_WIDTH - 1) + 1


class JournalText:
    """Entries for one run; the same seed gives the same text."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.openers, self.bodies = {}, {}
        closing = {}
        for gender in PRONOUNS:
            closing[gender] = _pool(phrases.CLOSING, gender, rng)
            for category, templates in phrases.OPENERS.items():
                self.openers[gender, category] = _pool(templates, gender, rng)
                self.bodies[gender, category] = _pool(phrases.BODY[category], gender, rng)
        # Entries borrow now and then from other categories and end with a closing sentence:
        # one pool per category holds all of it, weighted by repetition.
        for gender in PRONOUNS:
            borrowed = [s for (g, _c), pool in self.bodies.items() if g == gender for s in pool]
            for category in phrases.OPENERS:
                own = self.bodies[gender, category]
                self.bodies[gender, category] = own * 6 + borrowed + closing[gender] * 2
        self.widths = {s: _width(s) for pool in self.bodies.values() for s in pool}
        self.widths.update({s: _width(s) for pool in self.openers.values() for s in pool})

    def length(self, category: str) -> int:
        median = MEDIAN_CHARS.get(category, DEFAULT_MEDIAN_CHARS)
        drawn = self.rng.lognormvariate(0, LENGTH_SIGMA) * median
        return int(min(MAX_CHARS, max(MIN_CHARS, drawn)))

    def entry(self, category: str, gender: str, name: str) -> str:
        rng, widths = self.rng, self.widths
        target = self.length(category)
        opener = rng.choice(self.openers[gender, category])
        parts, used = [opener], widths[opener]
        body = self.bodies[gender, category]
        long_text = target > 500
        since_break = 1
        while used < target:
            # Drawn a handful at a time: one call into the random module instead of one per sentence.
            for sentence in rng.choices(body, k=DRAW):
                width = widths[sentence]
                if used + width + 1 > MAX_CHARS:
                    if used >= MIN_CHARS:
                        return "".join(parts).replace(NAME, name)
                    continue
                if long_text and since_break >= 4 and rng.random() < 0.5:
                    parts.append("\n\n")
                    used += 1
                    since_break = 0
                else:
                    parts.append(" ")
                parts.append(sentence)
                used += width
                since_break += 1
                if used >= target:
                    break
        return "".join(parts).replace(NAME, name)
