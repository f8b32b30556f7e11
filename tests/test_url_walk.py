"""Every URL that takes a client must check the right and write an audit event.

The walk finds the patterns by itself: a new view with a `client_id` is tested the moment its URL
exists. If it needs another object's id too, add one line to OBJECT_IDS naming where that id
comes from; a pattern with an id the walk cannot fill fails the test until that line is there."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from rodtrad.audit.models import AccessEvent
from rodtrad.clients.models import ProtectedDetailsGrant
from rodtrad.oversight import services as oversight_services
from rodtrad.plans import services as plan_services
from rodtrad.plans.models import PlanPeriod, SectionTemplate

from .factories import ConsentFactory, ContactFactory, SignedEntryFactory
from .plan_data import goal_fields


def plan_period(world):
    period = PlanPeriod.objects.filter(plan__client=world.client).first()
    return period or plan_services.start_plan(world.client, world.unit)


def plan_item(world):
    section = SectionTemplate.objects.filter(holds_items=True).first()
    return plan_services.add_item(plan_period(world), section=section, title="Promenad")


# kwarg name -> function from the test world to a value. One line per kind of object.
OBJECT_IDS = {
    "client_id": lambda world: world.client.pk,
    "order_id": lambda world: world.client.orders.get().pk,
    "period_id": lambda world: plan_period(world).pk,
    "item_id": lambda world: plan_item(world).pk,
    "goal_id": lambda world: plan_services.add_goal(plan_item(world), **goal_fields()).pk,
    "contact_id": lambda world: ContactFactory(client=world.client).pk,
    "consent_id": lambda world: ConsentFactory(client=world.client, recorded_by=world.staff).pk,
    "grant_id": lambda world: (
        ProtectedDetailsGrant.objects.create(client=world.client, user=world.staff, granted_by=world.manager).pk
    ),
    "entry_id": lambda world: SignedEntryFactory(client=world.client, author=world.staff).pk,
    "spot_check_id": lambda world: oversight_services.draw_spot_check(world.unit, user=world.manager).pk,
}


def client_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from client_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and "client_id" in entry.pattern.regex.groupindex:
            yield f"{namespace}{entry.name}", sorted(entry.pattern.regex.groupindex)


CLIENT_URLS = sorted(client_patterns())


def test_the_walk_finds_the_client_pages():
    names = [name for name, _ in CLIENT_URLS]
    assert "clients:detail" in names
    assert "audit:client_log" in names


def url_for(name, kwargs, world):
    missing = [kwarg for kwarg in kwargs if kwarg not in OBJECT_IDS]
    if missing:
        pytest.fail(f"{name} takes {missing}: add a line for it to OBJECT_IDS in {__file__}")
    return reverse(name, kwargs={kwarg: OBJECT_IDS[kwarg](world) for kwarg in kwargs})


def fetch(browser, url):
    """GET, or POST with nothing when the view only takes POST."""
    response = browser.get(url)
    if response.status_code == 405:
        response = browser.post(url, {})
    return response


@pytest.mark.parametrize(("name", "kwargs"), CLIENT_URLS, ids=[name for name, _ in CLIENT_URLS])
def test_a_user_of_another_unit_gets_404(name, kwargs, world, as_user):
    url = url_for(name, kwargs, world)
    response = fetch(as_user(world.outside_manager), url)
    assert response.status_code == 404
    assert not AccessEvent.objects.filter(client=world.client).exists()


@pytest.mark.parametrize(("name", "kwargs"), CLIENT_URLS, ids=[name for name, _ in CLIENT_URLS])
def test_a_user_with_the_right_leaves_an_audit_event(name, kwargs, world, as_user):
    url = url_for(name, kwargs, world)
    response = fetch(as_user(world.manager), url)
    # A refusal (403, say, for an order that has not ended) is fine; hiding or failing is not.
    assert response.status_code not in (404, 500), response.status_code
    event = AccessEvent.objects.filter(client=world.client, user=world.manager).latest("pk")
    assert event.path.startswith(url)
