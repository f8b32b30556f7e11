"""The managers' dashboard: who may open it, counts that open their lists, what it reads, and
the same number of queries for one client as for many."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rodtrad.accounts.models import Membership
from rodtrad.audit.models import AccessEvent
from rodtrad.oversight.catalogue import RULES
from rodtrad.oversight.models import LogReview

from ..factories import (
    ConsentFactory,
    ContactPersonFactory,
    EntryFactory,
    GoalFollowUpFactory,
    MembershipFactory,
    SignedEntryFactory,
    client_at,
)
from ..page_data import caseload
from .conftest import add_goal, established_period

DASHBOARD = "/oversikt/"


def count_in(body, label):
    """The number shown in front of a count's label on the dashboard."""
    match = re.search(r'count__number">(\d+)</span> <span class="count__label">' + re.escape(label), body)
    assert match, label
    return int(match.group(1))


def test_only_a_manager_opens_the_dashboard(world, as_user):
    assert as_user(world.staff).get(DASHBOARD).status_code == 403
    assert as_user(world.manager).get(DASHBOARD).status_code == 200


def test_a_unit_the_manager_does_not_manage_is_not_found(world, as_user):
    browser = as_user(world.manager)
    assert browser.get(f"{DASHBOARD}?enhet={world.other_unit.pk}").status_code == 404
    assert browser.get(f"{DASHBOARD}?enhet=x").status_code == 404
    assert browser.get(f"{DASHBOARD}?enhet={world.unit.pk}").status_code == 200


def test_every_count_links_to_its_list_which_shows_what_was_counted(world, as_user):
    body = as_user(world.manager).get(DASHBOARD).content.decode()
    for rule in RULES:
        assert f'href="/oversikt/lista/{rule.key}/"' in body, rule.key
    assert count_in(body, "Brukare som behöver en plan men saknar fastställd plan") == 1
    listing = as_user(world.manager).get("/oversikt/lista/forsta-plan-saknas/").content.decode()
    assert "Lindqvist, Elsa" in listing
    assert "Eklund" not in listing  # the other unit's client


@pytest.mark.parametrize("rule", RULES, ids=[rule.key for rule in RULES])
def test_every_list_opens_and_is_logged_as_one_event(world, as_user, rule):
    response = as_user(world.manager).get(f"/oversikt/lista/{rule.key}/?enhet={world.unit.pk}")
    assert response.status_code == 200
    event = AccessEvent.objects.filter(user=world.manager, object_type="oversight_list").get()
    # The list and the unit in words, as the log review shows them (oversight/views.py, log_detail).
    assert event.detail == f"{rule.label}, {world.unit.name}"[:200]


def test_an_unknown_list_is_not_found(world, as_user):
    assert as_user(world.manager).get("/oversikt/lista/inget-sadant/").status_code == 404


def test_the_dashboard_records_one_event_and_no_client_in_the_log(world, as_user):
    as_user(world.manager).get(DASHBOARD)
    event = AccessEvent.objects.get(user=world.manager)
    assert (event.object_type, event.client) == ("oversight_dashboard", None)


def test_recording_the_log_review_says_who_and_when(world, as_user):
    browser = as_user(world.manager)
    body = browser.get(DASHBOARD).content.decode()
    assert "Inte granskad denna månad" in body
    response = browser.post(f"/oversikt/logguppfoljning/?enhet={world.unit.pk}", {"note": "Stickprov på tre brukare."})
    assert response.status_code == 302
    review = LogReview.objects.get()
    assert (review.unit, review.reviewed_by, review.note) == (world.unit, world.manager, "Stickprov på tre brukare.")
    assert abs(review.reviewed_at - timezone.now()) < datetime.timedelta(minutes=1)
    body = browser.get(DASHBOARD).content.decode()
    assert "Granskad denna månad" in body
    assert world.manager.get_full_name() in body
    history = browser.get("/oversikt/logguppfoljning/").content.decode()
    assert "Stickprov på tre brukare." in history


def test_staff_cannot_record_a_log_review(world, as_user):
    assert as_user(world.staff).post("/oversikt/logguppfoljning/", {}).status_code == 403
    assert not LogReview.objects.exists()


def test_the_manager_of_two_units_sees_both_or_one(world, as_user):
    MembershipFactory(unit=world.other_unit, user=world.manager, role=Membership.Role.MANAGER)
    browser = as_user(world.manager)
    label = "Brukare som behöver en plan men saknar fastställd plan"
    assert count_in(browser.get(DASHBOARD).content.decode(), label) == 2
    assert count_in(browser.get(f"{DASHBOARD}?enhet={world.unit.pk}").content.decode(), label) == 1


def _busy_unit(world, clients):
    """Clients in every state the rules look for (page_data.caseload), and `clients` more with a
    goal and a consent due, a stale draft and an entry of 40 days ago, so that each rule and
    the trends have rows to count."""
    today = timezone.localdate()
    caseload(world.unit, world, today)
    for index in range(clients):
        client = client_at(world.unit, first_name=f"Klient{index}")
        period = established_period(
            client, world.unit, starts_on=today - datetime.timedelta(days=360), goal=False, assessed_on=False
        )
        goal = add_goal(period)
        GoalFollowUpFactory(goal=goal, next_follow_up_on=today - datetime.timedelta(days=3))
        ConsentFactory(client=client, recorded_by=world.staff, given_on=today - datetime.timedelta(days=400))
        draft = EntryFactory(client=client, author=world.staff)
        draft.created_at = timezone.now() - datetime.timedelta(days=5)
        draft.save(update_fields=["created_at"])
        SignedEntryFactory(client=client, author=world.staff, occurred_at=timezone.now() - datetime.timedelta(days=40))
        ContactPersonFactory(client=client, user=world.staff)


def _queries(browser, url):
    with CaptureQueriesContext(connection) as captured:
        assert browser.get(url).status_code == 200
    return len(captured)


# The dashboard itself, and the start page's to-do, are in tests/test_page_queries.py with the
# other pages the benchmark times.
@pytest.mark.parametrize("url", ["/oversikt/trender/", *(f"/oversikt/lista/{rule.key}/" for rule in RULES)])
def test_the_number_of_queries_does_not_grow_with_the_number_of_clients(world, as_user, url):
    browser = as_user(world.manager)
    _busy_unit(world, 1)
    one_client = _queries(browser, url)
    _busy_unit(world, 25)
    assert _queries(browser, url) == one_client


def test_the_dashboard_stays_within_its_query_budget(world, as_user, django_assert_max_num_queries):
    _busy_unit(world, 5)
    browser = as_user(world.manager)
    with django_assert_max_num_queries(25):
        browser.get(DASHBOARD)
