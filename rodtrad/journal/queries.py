"""How the journal is read: what a list shows, and with what, in as few queries as a phone on
a slow connection deserves."""

import datetime

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from rodtrad.plans.models import SectionTemplate

from .models import Entry, Objection

ENTRIES_PER_PAGE = 50


def with_details(entries):
    """Entries with everything an entry card shows: links, life area, author, corrections and objections.
    Whether an entry is corrected is read from its prefetched corrections (Entry.is_corrected):
    as an EXISTS per row, PostgreSQL chose to hash every signed entry of every client."""
    life_area = SectionTemplate.objects.filter(pk=OuterRef("life_area_id")).values("title")
    corrected = Entry.objects.filter(pk=OuterRef("corrects_id")).values("occurred_at")
    # Entry.life_area_name and corrected_entry_at: as joins, the four relations took PostgreSQL
    # 1.1–1.5 ms to plan, as two joins and two subqueries 0.35 ms (50 entries of 5,000,000).
    return (
        entries.select_related("plan_item", "goal")
        .annotate(shown_life_area=Subquery(life_area), shown_corrected_at=Subquery(corrected))
        .prefetch_related(
            Prefetch("objections", queryset=Objection.objects.order_by("raised_on", "pk"), to_attr="listed_objections"),
            Prefetch(
                "corrections",
                queryset=Entry.objects.signed()
                .order_by("signed_at", "pk")
                .only("pk", "client_id", "corrects_id", "signed_at", "author_name", "author_title"),
                to_attr="signed_corrections",
            ),
        )
    )


def start_of(day):
    """The first moment of `day` in Swedish time, so that the time index can be used."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def signed_entries(client):
    return client.journal_entries.signed()


def filtered(entries, data: dict):
    """Narrow signed entries by the cleaned filters of FilterForm (search excepted)."""
    if data.get("fran"):
        entries = entries.filter(occurred_at__gte=start_of(data["fran"]))
    if data.get("till"):
        entries = entries.filter(occurred_at__lt=start_of(data["till"] + datetime.timedelta(days=1)))
    if data.get("kategori"):
        entries = entries.filter(category=data["kategori"])
    if data.get("insats"):
        entries = entries.filter(Q(plan_item=data["insats"]) | Q(goal__item=data["insats"]))
    if data.get("mal"):
        entries = entries.filter(goal=data["mal"])
    if data.get("skribent"):
        entries = entries.filter(author=data["skribent"])
    return entries


def own_drafts(client, user) -> list[Entry]:
    """The user's drafts about the client, the one saved last first."""
    return list(Entry.objects.drafts().filter(client=client, author=user).order_by("-updated_at"))


def about(*, goal=None, plan_item=None):
    """Signed entries about a goal or a plan item (with its goals), newest first: for the plan's
    pages, which show "from a goal, its entries" with journal/_about.html."""
    if goal is not None:
        entries = Entry.objects.signed().filter(goal=goal)
    else:
        entries = Entry.objects.signed().filter(Q(plan_item=plan_item) | Q(goal__item=plan_item))
    return entries.newest_first()
