"""Journal entries for the synthetic municipality, generated in time order across all clients.

Entries are made month by month over the last five years, each month's sorted by time, so that
ids grow with time as they do in a real journal and one client's entries lie scattered over the
table instead of side by side (which would flatter every page that reads a client's journal).
Each client's entries are spread evenly over the time they have had an order; one entry a month
is the monthly note. Times are kept as whole minutes and turned into text by table lookup, which
is what makes millions of rows cheap."""

import bisect
import datetime
import itertools
import random
import zoneinfo

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
CATEGORY_WEIGHTS = (44, 28, 11, 8, 4, 3, 2)
CUMULATIVE_WEIGHTS = list(itertools.accumulate(CATEGORY_WEIGHTS))
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


# A row, as the writers in journal_load.py read it: a tuple, since millions are made.
ROW = (
    "category",
    "occurred",  # minutes since the clock's epoch, UTC, as are created and signed
    "text",
    "author",  # a records.Staff
    "created",
    "signed",  # None for a draft
    "late",
    "client_pk",
    "goal_pk",
    "life_area_pk",
    "plan_item_pk",
    "assessment_by",
)


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
    # Only when there are too few others to take them all (two clients, say): the heavy client
    # takes the rest, so that the total is still exact and hers still the most.
    for client in heavy[:1]:
        client.entries += overflow
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
        """Every signed entry, oldest first, as rows (see ROW)."""
        clock = self.clock
        local_now = clock.now + clock.offsets[clock.now // 1440]
        for month_start, month_end in _months(self.first_day, self.today):
            events = self._month(clock.day(month_start), clock.day(month_end), local_now)
            events.sort()
            yield from self._rows(events)

    def _month(self, first, last, local_now):
        """(local minute, client index, category) of the month's entries, unsorted."""
        rng = self.rng
        random_, choices = rng.random, rng.choices
        events = []
        for index, client in enumerate(self.clients):
            low, high = client.window
            if client.entries == 0 or high < first or low > last:
                continue
            span = high - low + 1
            count = round(client.entries * min(span, last + 1 - low) / span) - round(
                client.entries * max(0, first - low) / span
            )
            if count <= 0:
                continue
            lo, hi = max(low, first), min(high, last)
            days = hi - lo + 1
            categories = choices(CATEGORIES, cum_weights=CUMULATIVE_WEIGHTS, k=count)
            starts = 0
            if count >= 2:
                # The monthly note, written in the last days of the month.
                categories[0] = Category.MONTHLY
                events.append((self._minute(hi - int(random_() * min(days, 10)), local_now), index, Category.MONTHLY))
                starts = 1
            for category in categories[starts:]:
                events.append((self._minute(lo + int(random_() * days), local_now), index, category))
        return events

    def _minute(self, day, local_now):
        random_, minutes = self.rng.random, MINUTES_OF_DAY
        minute = day * 1440 + minutes[int(random_() * len(minutes))]
        if minute > local_now - 30:
            minute = local_now - 30 - int(random_() * 600)
        return minute

    def _rows(self, events):
        random_ = self.rng.random
        clock, clients, entry = self.clock, self.clients, self.text.entry
        to_utc, now = clock.to_utc, clock.now
        life_areas = self.life_areas
        areas = len(life_areas)
        for minute, index, category in events:
            client = clients[index]
            occurred = to_utc(minute)
            draw = random_()
            if draw < 0.75:
                delay = 10 + int(random_() * 170)
            elif draw < 0.95:
                delay = 180 + int(random_() * 1260)
            elif draw < 0.98:
                delay = 1440 + int(random_() * (LATE_MINUTES - 1440))
            else:
                delay = LATE_MINUTES + 60 + int(random_() * 7 * 1440)
            signed = min(occurred + delay, now)
            occurred = min(occurred, signed)
            item = goal = None
            if client.periods and random_() < LINK_SHARE:
                found = bisect.bisect_right(client.period_days, occurred // 1440) - 1
                if found >= 0:
                    links = client.periods[found][1]
                    item, goal = links[int(random_() * len(links))]
                    if random_() >= 0.7:
                        goal = None
            writers = client.writers
            yield (
                category,
                occurred,
                entry(category, client.gender, client.first_name),
                writers[int(random_() * len(writers))],
                occurred + (signed - occurred) // 3,
                signed,
                signed - occurred > LATE_MINUTES,
                client.pk,
                goal,
                life_areas[int(random_() * areas)] if areas and random_() < LIFE_AREA_SHARE else None,
                item,
                self._assessment_by(category) if category == Category.HEALTH else "",
            )

    def _assessment_by(self, category):
        if self.rng.random() >= 0.25:
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
            yield (
                category,
                created - rng.randint(0, 120),
                self.text.entry(category, client.gender, client.first_name),
                rng.choice(client.writers),
                created,
                None,
                False,
                client.pk,
                None,
                None,
                None,
                "",
            )
