"""Att göra on Mina brukare: the dashboard's rules for the clients a user is contact person for."""

import datetime

from django.utils import timezone

from rodtrad.audit.models import AccessEvent
from rodtrad.clients import services_register
from rodtrad.oversight import todo
from rodtrad.oversight.catalogue import counts, rules_for

from ..factories import (
    ConsentFactory,
    ContactPersonFactory,
    EntryFactory,
    SignedEntryFactory,
    client_at,
    start_order_on,
)
from .conftest import add_goal, established_period, noon, staff_scope


def test_a_contact_person_sees_what_is_due_for_their_clients_first_on_the_start_page(world, as_user):
    ContactPersonFactory(client=world.client, user=world.staff)
    body = as_user(world.staff).get("/").content.decode()
    assert body.index("Att göra") < body.index('id="client-search"')
    assert "Första genomförandeplanen för Bostad med särskild service för vuxna vid Gruppbostaden Testet" in body
    assert "Ingen journalanteckning för" in body


def test_the_to_do_leaves_out_clients_the_user_is_not_contact_person_for(world, as_user):
    body = as_user(world.staff).get("/").content.decode()
    assert "Att göra" not in body
    assert "Lindqvist, Elsa" in body  # still in the list of clients


def test_items_disappear_when_the_routine_is_followed(world):
    ContactPersonFactory(client=world.client, user=world.staff)
    today = timezone.localdate()
    assert len(todo.rows_for(world.staff)) == 2  # the first plan, last month's note
    established_period(world.client, world.unit, starts_on=today - datetime.timedelta(days=30))
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    SignedEntryFactory(
        client=world.client,
        author=world.staff,
        occurred_at=timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(12))),
    )
    assert todo.rows_for(world.staff) == []


def test_the_to_do_shows_the_users_own_stale_drafts_only(world, as_user):
    other = client_at(world.unit, first_name="Jonas")
    mine = EntryFactory(client=other, author=world.staff)
    theirs = EntryFactory(client=other, author=world.manager)
    for draft in (mine, theirs):
        draft.created_at = timezone.now() - datetime.timedelta(days=4)
        draft.save(update_fields=["created_at"])
    rows = todo.rows_for(world.staff)
    assert [row.url for row in rows] == [f"/brukare/{other.pk}/journal/{mine.pk}/andra/"]


def test_overdue_items_come_first(world):
    ContactPersonFactory(client=world.client, user=world.staff)
    start_order_on(world.client.orders.get(), timezone.localdate())
    rows = todo.rows_for(world.staff)
    assert [row.overdue for row in rows] == sorted((row.overdue for row in rows), reverse=True)


def test_the_start_page_still_records_one_event_for_the_page(world, as_user):
    ContactPersonFactory(client=world.client, user=world.staff)
    as_user(world.staff).get("/")
    assert list(AccessEvent.objects.values_list("object_type", "client")) == [("client_list", None)]


def test_a_search_as_you_type_does_not_run_the_to_do(world, as_user, monkeypatch):
    ContactPersonFactory(client=world.client, user=world.staff)
    browser = as_user(world.staff)
    assert "Att göra" in browser.get("/?q=Elsa").content.decode()

    def not_now(*args, **kwargs):
        raise AssertionError("the to-do was worked out for a search-as-you-type request")

    monkeypatch.setattr(todo, "rows_for", not_now)
    body = browser.get("/?q=Elsa", headers={"HX-Request": "true"}).content.decode()
    assert "Lindqvist, Elsa" in body


def test_the_to_do_has_one_line_for_each_thing_the_rules_find(world):
    """As many lines as the dashboard's rules count for the contact person's clients: none lost,
    none twice (a late first plan is also a missing one, and listed once)."""
    day = datetime.date(2026, 12, 10)
    ago = lambda days: day - datetime.timedelta(days=days)  # noqa: E731
    clients = [world.client] + [client_at(world.unit, first_name=name) for name in ("Anna", "Bo", "Cilla", "Dan")]
    for client in clients:
        ContactPersonFactory(client=client, user=world.staff)
    # world.client has an order and no plan: the first plan is missing, and late.
    established_period(clients[1], world.unit, starts_on=ago(400), goal=False, assessed_on=False, participation="")
    clients[2].date_of_birth = datetime.date(2012, 5, 1)
    clients[2].save()
    established_period(clients[2], world.unit, starts_on=ago(350), child_views="", assessed_on=ago(370))
    period = established_period(clients[3], world.unit, starts_on=ago(100))
    add_goal(period, by_when=ago(5))
    ConsentFactory(client=clients[4], recorded_by=world.staff, given_on=ago(400))
    draft = EntryFactory(client=clients[4], author=world.staff)
    draft.created_at = noon(ago(4))
    draft.save(update_fields=["created_at"])

    rows = todo.rows_for(world.staff, today=day, now=noon(day))

    scope = staff_scope(world.staff, day)
    found = counts(scope)
    assert {key for key, count in found.items() if count} >= {
        "forsta-plan-saknas",
        "forsta-plan-sen",
        "arlig-uppfoljning-sen",
        "arlig-uppfoljning-snart",
        "plan-utan-mal",
        "plan-utan-riskbedomning",
        "plan-utan-delaktighet",
        "barn-utan-barnperspektiv",
        "mal-att-folja-upp",
        "manadsanteckning-saknas",
        "osignerade-utkast",
        "samtycken-att-folja-upp",
        "riskbedomningar-aldre-an-ett-ar",
    }
    assert len(rows) == sum(found[rule.key] for rule in rules_for(scope) if rule.lines_among is None)
    assert len(set(rows)) == len(rows)


def test_a_consent_is_due_a_year_after_its_newest_review(world):
    ContactPersonFactory(client=world.client, user=world.staff)
    today = timezone.localdate()
    reviewed = ConsentFactory(
        client=world.client, recorded_by=world.staff, given_on=today - datetime.timedelta(days=800)
    )
    for days_ago in (700, 400):
        services_register.review_consent(
            reviewed, reviewed_on=today - datetime.timedelta(days=days_ago), reviewed_by=world.staff
        )
    recent = ConsentFactory(client=world.client, recorded_by=world.staff, given_on=today - datetime.timedelta(days=800))
    services_register.review_consent(recent, reviewed_on=today - datetime.timedelta(days=100), reviewed_by=world.staff)
    consent_rows = [row for row in todo.rows_for(world.staff) if row.url.endswith("/samtycken/")]
    assert [(row.due_on, row.overdue) for row in consent_rows] == [(today - datetime.timedelta(days=35), True)]
