"""The file for the authority (genomförandeakt) holds the whole record: every plan period with its
follow-ups, every consent, and every signed journal entry with its corrections and objections,
in order; read in a fixed number of queries however large the record is."""

import datetime
import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rodtrad.documents.client_file_pdf import client_file_pdf
from rodtrad.followup.models import Answer, Review
from rodtrad.front import services as front
from rodtrad.journal import services as journal
from rodtrad.plans import services as plans
from rodtrad.plans.models import Goal

from .. import plan_data
from ..factories import ConsentFactory, EntryFactory, GoalFollowUpFactory, SignedEntryFactory

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def file_url(client):
    return f"/brukare/{client.pk}/akt.pdf"


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    return subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def write_journal(world, entries, *, start=datetime.date(2026, 1, 1)):
    """`entries` signed entries a day apart; the first is corrected and objected to."""
    written = [
        SignedEntryFactory(
            client=world.client,
            author=world.staff,
            occurred_at=at(start + datetime.timedelta(days=number)),
            text=f"Anteckning nummer {number}: Elsa gick till affären.",
        )
        for number in range(entries)
    ]
    first = written[0]
    SignedEntryFactory(
        client=world.client,
        author=world.manager,
        corrects=first,
        occurred_at=first.occurred_at,
        signed_at=at(start, hour=15),
        text="Rättad text: Elsa gick till affären med Karim.",
        correction_reason="Fel person angavs som följeslagare.",
    )
    journal.add_objection(first, text="Elsa säger att hon gick själv.", recorded_by=world.staff)
    return written


@pytest.fixture
def record(world, complete_period, item):
    """An established period with a goal followed up, an item without a goal marked Ej aktuellt,
    the period's review, a consent, and a journal with a correction, an objection and a draft."""
    walks = plan_data.add_item(complete_period, section_title="Sociala aktiviteter", title="Promenad")
    plans.establish(complete_period, user=world.staff)
    goal = Goal.objects.get(item=item)
    GoalFollowUpFactory(
        goal=goal,
        recorded_by=world.staff,
        followed_up_on=datetime.date(2027, 2, 1),
        answer=Answer.PARTLY,
        comment="Elsa lagar middag varannan vecka och vill fortsätta.",
        next_follow_up_on=datetime.date(2027, 5, 1),
    )
    GoalFollowUpFactory(
        goal=None,
        item=walks,
        recorded_by=world.staff,
        answer=Answer.NOT_APPLICABLE,
        comment="Inget mål för promenaden.",
    )
    Review.objects.create(
        period=complete_period,
        started_by=world.manager,
        summary="Stödet fungerar väl enligt Elsa och hennes mamma.",
        finished_at=timezone.now(),
        finished_by=world.manager,
    )
    ConsentFactory(client=world.client, recorded_by=world.staff, scope="Att dela schemat med daglig verksamhet")
    EntryFactory(client=world.client, author=world.staff, text="Ett utkast som ingen annan ska se")
    write_journal(world, 3)
    return complete_period


def test_the_file_holds_every_follow_up_review_consent_and_signed_entry_in_order(
    record, world, as_user, fetch_prepared
):
    front.end_order(world.client.orders.get(), ended_on=datetime.date(2027, 3, 1), reason="Flyttat", user=world.manager)
    text = pdf_text(fetch_prepared(as_user(world.manager), file_url(world.client)))
    flat = " ".join(text.split())

    assert "Laga middag själv två gånger i veckan" in flat
    assert "Delvis: Elsa lagar middag varannan vecka och vill fortsätta." in flat
    assert "nästa uppföljning 1 maj 2027" in flat
    assert "Ej aktuellt: Inget mål för promenaden." in flat
    assert "Stödet fungerar väl enligt Elsa och hennes mamma." in flat
    assert "Att dela schemat med daglig verksamhet" in flat

    # Every signed entry, oldest first; the correction beside the corrected one, with its reason.
    positions = [flat.index(f"Anteckning nummer {number}") for number in range(3)]
    assert positions == sorted(positions)
    assert "Rättad text: Elsa gick till affären med Karim." in flat
    assert "Fel person angavs som följeslagare." in flat
    assert "Elsa säger att hon gick själv." in flat
    # The journal note that ended the order is part of it; a draft is not.
    assert "Flyttat" in flat.split("Social journal")[-1]
    assert "Ett utkast som ingen annan ska se" not in flat
    assert "Sida 1 av" in text


def test_the_file_is_read_in_a_fixed_number_of_queries_however_large_the_record(record, world):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            pdf, _pages = client_file_pdf(world.client, produced_by=world.manager)
        assert pdf.startswith(b"%PDF")
        return len(captured)

    small = queries()
    write_journal(world, 40, start=datetime.date(2026, 6, 1))
    # A second period, as after a yearly review, with two more plan items, goals and follow-ups.
    later = plans.add_period(record.plan, starts_on=datetime.date(2027, 11, 1), previous=record)
    for title in ("Morgonrutin", "Tvätta"):
        goal = plans.add_goal(plan_data.add_item(later, title=title), **plan_data.goal_fields())
        GoalFollowUpFactory(goal=goal, recorded_by=world.manager)
    assert queries() == small
