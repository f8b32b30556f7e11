"""Benchmark of the file for the authority (genomförandeakt): a client with a long record.

    .venv/bin/python bench/client_file.py [--entries 2000] [--periods 3]

Builds, in a throw-away test database (SQLite in memory, or test_<name> on DATABASE_URL), a client
with `--entries` signed journal entries (every tenth corrected, every fiftieth with an objection)
and `--periods` established plan periods with goals and follow-ups, then prints:
- the number of queries reading the file takes (it must not grow with the record),
- the time to read it, to render its HTML, and to make the PDF with WeasyPrint,
- the number of pages.
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
from django.template.loader import render_to_string  # noqa: E402
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--periods", type=int, default=3)
    args = parser.parse_args()

    from rodtrad.clients import services
    from rodtrad.documents.client_file import client_file

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        client, user = build(args.entries, args.periods)
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            context = client_file(client) | {
                "client": client,
                "closed": services.is_closed(client),
                "retention_from": None,
                "produced_at": timezone.localtime(),
                "produced_by": user,
            }
            html = render_to_string("documents/client_file.html", context)
        rendered = time.perf_counter()
        document = HTML(string=html).render()
        pdf = document.write_pdf()
        made = time.perf_counter()
        pages = len(document.pages)
        print(f"database: {connection.vendor}")
        print(
            f"record: {args.entries} signed entries (+{len(range(0, args.entries, 10))} corrections), "
            f"{args.periods} plan periods of 3 goals with 3 follow-ups each"
        )
        print(f"queries to read the file: {len(captured)}")
        print(f"read and render HTML: {(rendered - started) * 1e3:.0f} ms ({len(html) / 1e6:.1f} MB)")
        print(f"WeasyPrint PDF: {made - rendered:.1f} s, {len(pdf) / 1e6:.1f} MB, {pages} pages")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
