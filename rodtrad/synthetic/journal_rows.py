"""Journal entries for the synthetic municipality, generated in time order across all clients.

Entries are made month by month over the last five years, each month's sorted by time, so that
ids grow with time as they do in a real journal and one client's entries lie scattered over the
table instead of side by side (which would flatter every page that reads a client's journal).
Each client's entries are spread evenly over the time they have had an order; one entry a month
is the monthly note. Times are kept as whole minutes and turned into text by table lookup, which
is what makes millions of rows cheap."""

import bisect
import datetime
import random
import zoneinfo
from dataclasses import dataclass

from django.conf import settings

from rodtrad.journal.models import Category

from . import words
from .text import JournalText

WINDOW_YEARS = 5
LATE_MINUTES = 3 * 24 * 60
# The categories of the entries that are not the monthly note, and how common each is.
CATEGORIES = (
    Category.EVENT,
    Category.CONTACT,
    Category.HEALTH,
    Category.DEVIATION,
    Category.CHANGE,
    Category.FOLLOW_UP,
    Category.PLAN_ITEM_CHANGE,
)
CATEGORY_WEIGHTS = (42, 26, 11, 8, 5, 6, 2)
LINK_SHARE, LIFE_AREA_SHARE = 0.15, 0.12
# Hours of the day people write about, weighted: mornings, afternoons and evenings in care.
HOUR_WEIGHTS = {
    7: 3,
    8: 6,
    9: 7,
    10: 6,
    11: 5,
    12: 3,
    13: 5,
    14: 6,
    15: 6,
    16: 5,
    17: 4,
    18: 4,
    19: 5,
    20: 5,
    21: 3,
    22: 1,
}
MINUTES_OF_DAY = [
    hour * 60 + minute for hour, weight in HOUR_WEIGHTS.items() for _ in range(weight) for minute in range(0, 60, 3)
]


@dataclass(slots=True)
class Row:
    """What a writer needs of one entry. Times are minutes since the clock's epoch, in UTC."""

    category: str
    occurred: int
    text: str
    author: object
    created: int
    signed: int | None
    late: bool
    client_pk: int
    goal_pk: int | None
    life_area_pk: int | None
    plan_item_pk: int | None
    assessment_by: str


class Clock:
    """Local days and minutes as whole numbers, and UTC minutes as text, by table lookup."""

    def __init__(self, first_day: datetime.date, last_day: datetime.date, now: datetime.datetime, suffix: str):
        self.epoch = first_day - datetime.timedelta(days=2)
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        days = (last_day - self.epoch).days + 4
        self.offsets = []
        for index in range(days):
            day = self.epoch + datetime.timedelta(days=index)
            noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=zone)
            self.offsets.append(int(noon.utcoffset().total_seconds()) // 60)
        self.day_text = [f"{self.epoch + datetime.timedelta(days=i)} " for i in range(days)]
        self.minute_text = [f"{m // 60:02d}:{m % 60:02d}:00{suffix}" for m in range(1440)]
        utc_now = now.astimezone(datetime.UTC)
        self.now = (utc_now.date() - self.epoch).days * 1440 + utc_now.hour * 60 + utc_now.minute

    def day(self, date: datetime.date) -> int:
        return (date - self.epoch).days

    def to_utc(self, local_minute: int) -> int:
        return local_minute - self.offsets[local_minute // 1440]

    def text(self, minute: int) -> str:
        return self.day_text[minute // 1440] + self.minute_text[minute % 1440]


def allocate(clients, total_signed: int, heavy_count: int) -> None:
    """Entry counts per client: the heavy client's fixed, the rest by weight, exactly adding up."""
    heavy = [c for c in clients if c.heavy]
    others = [c for c in clients if not c.heavy]
    for client in heavy:
        client.entries = heavy_count
    remaining = total_signed - heavy_count * len(heavy)
    if not others:
        if heavy:
            heavy[0].entries += remaining
        return
    weights = [c.weight * max(30, c.active_days) for c in others]
    scale = remaining / sum(weights)
    shares = [w * scale for w in weights]
    counts = [int(s) for s in shares]
    # Largest remainders first, so that the counts add up to exactly `remaining`.
    order = sorted(range(len(others)), key=lambda i: shares[i] - counts[i], reverse=True)
    for i in order[: remaining - sum(counts)]:
        counts[i] += 1
    cap = heavy_count - 1 if heavy else None
    overflow = 0
    for i, count in enumerate(counts):
        if cap is not None and count > cap:
            overflow += count - cap
            counts[i] = cap
    i = 0
    while overflow and any(c < cap for c in counts):
        if counts[i] < cap:
            counts[i] += 1
            overflow -= 1
        i = (i + 1) % len(counts)
    for client, count in zip(others, counts, strict=True):
        client.entries = count


def _months(first_day: datetime.date, last_day: datetime.date):
    month = first_day.replace(day=1)
    while month <= last_day:
        following = (month + datetime.timedelta(days=32)).replace(day=1)
        yield month, following - datetime.timedelta(days=1)
        month = following


class Generator:
    """Rows for `signed` signed entries (the heavy client's `heavy` of them) and for drafts."""

    def __init__(self, rng: random.Random, clients, life_areas, today, now, *, signed: int, heavy: int, suffix=""):
        self.rng, self.clients, self.life_areas = rng, clients, list(life_areas)
        self.first_day = today.replace(year=today.year - WINDOW_YEARS)
        self.today = today
        self.clock = Clock(self.first_day, today, now, suffix)
        self.text = JournalText(rng)
        for client in clients:
            start = max(client.start, self.first_day)
            end = min(today, client.ended_on or client.quiet_from or today)
            client.window = (self.clock.day(start), self.clock.day(max(start, end)))
            client.period_days = [self.clock.day(start_on) for start_on, _links in client.periods]
        allocate(clients, signed, heavy)

    def signed_rows(self):
        """Every signed entry, oldest first."""
        rng, clock = self.rng, self.clock
        local_now = clock.now + clock.offsets[clock.now // 1440]
        for month_start, month_end in _months(self.first_day, self.today):
            first, last = clock.day(month_start), clock.day(month_end)
            events = []
            for index, client in enumerate(self.clients):
                low, high = client.window
                if client.entries == 0 or high < first or low > last:
                    continue
                span = high - low + 1
                done_before = round(client.entries * max(0, first - low) / span)
                done_after = round(client.entries * min(span, last + 1 - low) / span)
                count = done_after - done_before
                if count <= 0:
                    continue
                lo, hi = max(low, first), min(high, last)
                categories = rng.choices(CATEGORIES, CATEGORY_WEIGHTS, k=count)
                days = [rng.randint(lo, hi) for _ in range(count)]
                if count >= 2:
                    categories[0] = Category.MONTHLY
                    days[0] = rng.randint(max(lo, hi - 9), hi)
                for day, category in zip(days, categories, strict=True):
                    minute = day * 1440 + rng.choice(MINUTES_OF_DAY)
                    if minute > local_now - 30:
                        minute = local_now - 30 - rng.randint(0, 600)
                    events.append((minute, index, category))
            events.sort()
            for minute, index, category in events:
                yield self._signed(self.clients[index], clock.to_utc(minute), category)

    def _delay(self) -> int:
        draw = self.rng.random()
        if draw < 0.75:
            return self.rng.randint(10, 180)
        if draw < 0.95:
            return self.rng.randint(180, 1440)
        if draw < 0.98:
            return self.rng.randint(1440, LATE_MINUTES)
        return self.rng.randint(LATE_MINUTES + 60, 10 * 1440)

    def _links(self, client, occurred):
        if not client.periods or self.rng.random() >= LINK_SHARE:
            return None, None
        found = bisect.bisect_right(client.period_days, occurred // 1440) - 1
        if found < 0:
            return None, None
        item, goal = self.rng.choice(client.periods[found][1])
        return item, goal if self.rng.random() < 0.7 else None

    def _signed(self, client, occurred: int, category: str) -> Row:
        rng = self.rng
        signed = min(occurred + self._delay(), self.clock.now)
        occurred = min(occurred, signed)
        item, goal = self._links(client, occurred)
        return Row(
            category=category,
            occurred=occurred,
            text=self.text.entry(category, client.gender, client.first_name),
            author=rng.choice(client.writers),
            created=occurred + (signed - occurred) // 3,
            signed=signed,
            late=signed - occurred > LATE_MINUTES,
            client_pk=client.pk,
            goal_pk=goal,
            life_area_pk=rng.choice(self.life_areas) if self.life_areas and rng.random() < LIFE_AREA_SHARE else None,
            plan_item_pk=item,
            assessment_by=self._assessment_by(category),
        )

    def _assessment_by(self, category):
        if category != Category.HEALTH or self.rng.random() >= 0.25:
            return ""
        return f"sjuksköterskan {self.rng.choice(words.FEMALE_NAMES)} {self.rng.choice(words.LAST_NAMES)}"

    def draft_rows(self, count: int, stale_share: float = 0.65):
        """Drafts not yet signed: most started days ago and forgotten (the dashboard counts
        those over three days old), some started today or yesterday."""
        rng, clock = self.rng, self.clock
        candidates = [c for c in self.clients if not c.heavy and c.ended_on is None] or self.clients
        for number in range(count):
            client = rng.choice(candidates)
            age = rng.randint(4 * 1440, 20 * 1440) if number < round(count * stale_share) else rng.randint(60, 40 * 60)
            created = clock.now - age
            category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
            yield Row(
                category=category,
                occurred=created - rng.randint(0, 120),
                text=self.text.entry(category, client.gender, client.first_name),
                author=rng.choice(client.writers),
                created=created,
                signed=None,
                late=False,
                client_pk=client.pk,
                goal_pk=None,
                life_area_pk=None,
                plan_item_pk=None,
                assessment_by="",
            )
