"""Benchmark of the file for the authority (genomförandeakt): a client with a long record.

    .venv/bin/python bench/client_file.py [--entries 5000] [--periods 3] [--weasyprint-journal]

Builds, in a throw-away test database (SQLite in memory, or test_<name> on DATABASE_URL), a client
with `--entries` signed journal entries (every tenth corrected, every fiftieth with an objection)
and `--periods` established plan periods with goals and follow-ups, then makes the file as the
worker does (documents/client_file_pdf.py) and prints:
- the number of queries reading the file takes (it must not grow with the record),
- the time to read it, to lay out the front part (WeasyPrint, twice: see client_file_pdf.py), the
  journal part (ReportLab), and to join them; the pages;
- with `--weasyprint-journal`, the journal part laid out by WeasyPrint instead, from the markup
  the file's template had before (issue 19), for comparison: 6–9 ms an entry.
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rodtrad.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.template import Context, Template  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from weasyprint import HTML  # noqa: E402


def build(entries: int, periods: int):
    from rodtrad.accounts.models import Membership, Organisation, Unit, User
    from rodtrad.clients.models import Client, Order, Service
    from rodtrad.followup.models import Answer, GoalFollowUp
    from rodtrad.journal.models import Entry, Objection
    from rodtrad.plans import services as plans
    from rodtrad.plans.models import PlanPeriod, SectionTemplate

    unit = Unit.objects.create(organisation=Organisation.objects.create(name="Benchkommunen"), name="Bänken")
    user = User.objects.create(username="bench", first_name="Bengt", last_name="Bänk", title="Enhetschef")
    Membership.objects.create(user=user, unit=unit, role=Membership.Role.MANAGER)
    client = Client.objects.create(first_name="Berit", last_name="Bänk", personal_number="196001019808")
    order = Order.objects.create(
        client=client,
        unit=unit,
        service=Service.objects.get(name="Daglig verksamhet"),
        valid_from=datetime.date(2020, 1, 1),
    )
    section = SectionTemplate.objects.filter(template__unit=None, holds_items=True).first()
    previous = None
    for number in range(periods):
        start = datetime.date(2020 + number, 1, 1)
        if previous is None:
            period = plans.start_plan(client, unit, starts_on=start)
        else:
            period = PlanPeriod.objects.create(plan=previous.plan, starts_on=start, previous=previous)
        for title in ("Snickeri", "Lunch", "Promenad"):
            item = plans.add_item(period, section=section, order=order, title=title, how_wanted="Med stöd")
            goal = plans.add_goal(
                item,
                goal_type="develop",
                what=f"{title.lower()} själv",
                how_often="varje vecka",
                by_when=start + datetime.timedelta(days=360),
                why="det är viktigt",
                order_goal="Leva som andra",
            )
            for month in (3, 6, 9):
                GoalFollowUp.objects.create(
                    item=item,
                    goal=goal,
                    followed_up_on=start.replace(month=month),
                    answer=Answer.PARTLY,
                    comment="Går framåt.",
                    recorded_by=user,
                )
        PlanPeriod.objects.filter(pk=period.pk).update(status=PlanPeriod.Status.ESTABLISHED)
        previous = period
    first = timezone.make_aware(datetime.datetime(2020, 1, 1, 9))
    text = "Berit var på Verkstan och arbetade med en fågelholk. Hon sa att det gick bra och ville fortsätta i morgon."
    made = Entry.objects.bulk_create(
        Entry(
            client=client,
            author=user,
            author_name="Bengt Bänk",
            author_title="Enhetschef",
            category="event",
            occurred_at=first + datetime.timedelta(hours=20 * number),
            text=f"{number}: {text}",
            signed_at=first + datetime.timedelta(hours=20 * number + 1),
            signed_by=user,
        )
        for number in range(entries)
    )
    Entry.objects.bulk_create(
        Entry(
            client=client,
            author=user,
            author_name="Bengt Bänk",
            category="event",
            occurred_at=entry.occurred_at,
            text=f"Rättelse: {text}",
            corrects=entry,
            correction_reason="Fel dag",
            signed_at=entry.signed_at + datetime.timedelta(hours=2),
            signed_by=user,
        )
        for entry in made[::10]
    )
    Objection.objects.bulk_create(
        Objection(
            entry=entry,
            raised_on=entry.signed_at.date(),
            raised_by_name="Berit Bänk (brukaren)",
            text="Det stämmer inte.",
            recorded_by=user,
            recorded_by_name="Bengt Bänk, Enhetschef",
        )
        for entry in made[::50]
    )
    return client, user


# The journal's markup as documents/client_file.html had it when WeasyPrint laid out the whole file.
WEASYPRINT_JOURNAL = """{% load i18n %}<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
{% include "documents/_print.css" %}
.entry { margin-bottom: 3mm; border-top: 1px solid #ccc; padding-top: 1mm; } .entry p { margin: 0 0 1mm; }
.objection { font-style: italic; }</style></head><body><h1>{{ client }}</h1>
<h2>{% translate "Social journal" %}</h2>
{% for entry in journal_entries %}<div class="entry">
<p class="entry__head"><strong>{{ entry.occurred_at|date:"j F Y H:i" }} · {{ entry.get_category_display }}</strong>
{% if entry.corrects_id %} · {% translate "Correction" %}{% endif %}{% if entry.is_corrected %} · {% translate "Corrected" %}{% endif %}</p>
{% if entry.corrects_id %}<p class="meta">{{ entry.corrected_entry_at|date:"j F Y H:i" }} {{ entry.correction_reason }}</p>{% endif %}
<div class="entry__text">{{ entry.text|linebreaksbr }}</div>
<p class="meta">{% if entry.goal %}{{ entry.goal.sentence }} · {% endif %}{{ entry.author_name }}, {{ entry.author_title }}
 · {% translate "Signed" %} {{ entry.signed_at|date:"j F Y H:i" }}</p>
{% if entry.signed_corrections %}<p class="meta">{% for c in entry.signed_corrections %}{{ c.author_name }}, {{ c.signed_at|date:"j F Y H:i" }}{% endfor %}</p>{% endif %}
{% for objection in entry.shown_objections %}<p class="objection">{{ objection.raised_by_name }}: {{ objection.text }}</p>{% endfor %}
</div>{% endfor %}</body></html>"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--periods", type=int, default=3)
    parser.add_argument("--weasyprint-journal", action="store_true", help="also lay the journal out with WeasyPrint")
    args = parser.parse_args()

    from rodtrad.documents import client_file_pdf as made
    from rodtrad.documents.client_file import client_file

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    timings = {}

    def timed(name, function):
        def wrapper(*a, **k):
            started = time.perf_counter()
            result = function(*a, **k)
            timings[name] = timings.get(name, 0) + time.perf_counter() - started
            return result

        return wrapper

    try:
        client, user = build(args.entries, args.periods)
        made.journal_pdf = timed("journal: read and ReportLab", made.journal_pdf)
        made.HTML = type("TimedHTML", (), {"__new__": lambda cls, **k: _TimedHTML(timings, **k)})
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            pdf, pages = made.client_file_pdf(client, produced_by=user)
        total = time.perf_counter() - started
        print(f"database: {connection.vendor}")
        print(
            f"record: {args.entries} signed entries (+{len(range(0, args.entries, 10))} corrections), "
            f"{args.periods} plan periods of 3 goals with 3 follow-ups each"
        )
        print(f"queries to read the file: {len(captured)}")
        for name, seconds in timings.items():
            print(f"{name}: {seconds:.2f} s")
        print(f"whole file: {total:.1f} s, {len(pdf) / 1e6:.1f} MB, {pages} pages")
        if args.weasyprint_journal:
            entries = list(client_file(client)["journal_entries"])
            started = time.perf_counter()
            html = Template(WEASYPRINT_JOURNAL).render(Context({"client": client, "journal_entries": entries}))
            rendered = time.perf_counter()
            document = HTML(string=html).render()
            document.write_pdf()
            done = time.perf_counter()
            print(
                f"journal (WeasyPrint, for comparison): HTML {rendered - started:.1f} s, "
                f"PDF {done - rendered:.1f} s, {len(document.pages)} pages"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


class _TimedHTML:
    """WeasyPrint's HTML, its layout and writing timed under "front (WeasyPrint)"."""

    def __init__(self, timings, **kwargs):
        self.timings, self.html = timings, HTML(**kwargs)

    def render(self):
        started = time.perf_counter()
        document = self.html.render()
        self.timings["front: read and WeasyPrint, twice"] = self.timings.get("front: read and WeasyPrint, twice", 0) + (
            time.perf_counter() - started
        )
        return document


if __name__ == "__main__":
    main()
