"""The dashboard and the client overview (rodtrad/clients/due.py) say the same thing about the
same data, day after day across the limits: the dashboard counts a client for a rule exactly
when the overview lists that item for the client."""

import datetime

import pytest

from rodtrad.clients.models import ConsentReview
from rodtrad.front import due_list as due
from rodtrad.journal import services as journal
from rodtrad.oversight.catalogue import RULES_BY_KEY
from rodtrad.plans.models import PlanPeriod

from ..factories import ConsentFactory, OrderFactory, SignedEntryFactory, client_at
from .conftest import established_period, manager_scope, noon

DAY = datetime.timedelta(days=1)
# Each client's limit, the day before it and the day after (the exhaustive checks of the date
# arithmetic are in test_dates.py): the turn of the year, and the end of a short February.
DAYS = [datetime.date(2026, 12, 20), datetime.date(2026, 12, 31)]
DAYS += [datetime.date(2027, 1, day) for day in (1, 2, 3, 4, 5, 6)]
DAYS += [datetime.date(2027, 2, day) for day in (1, 24, 25, 26, 28)] + [datetime.date(2027, 3, 1)]


@pytest.fixture
def clients(world):
    """Clients whose limits fall inside the windows."""
    new = client_at(world.unit, first_name="Ny")
    new.orders.update(valid_from=datetime.date(2026, 12, 1))
    yearly = client_at(world.unit, first_name="Årlig")
    established_period(yearly, world.unit, starts_on=datetime.date(2026, 1, 3))
    month_end = client_at(world.unit, first_name="Månadsslut")
    established_period(month_end, world.unit, starts_on=datetime.date(2026, 2, 28))
    consenting = client_at(world.unit, first_name="Samtycke")
    established_period(consenting, world.unit, starts_on=datetime.date(2026, 10, 1))
    ConsentFactory(client=consenting, recorded_by=world.staff, given_on=datetime.date(2026, 1, 5))
    reviewed = ConsentFactory(client=consenting, recorded_by=world.staff, given_on=datetime.date(2025, 1, 5))
    ConsentReview.objects.create(consent=reviewed, reviewed_on=datetime.date(2026, 2, 25), reviewed_by=world.staff)
    closed = client_at(world.unit, first_name="Avslutad")
    closed.orders.update(ended_on=datetime.date(2026, 10, 31))
    OrderFactory(client=closed, unit=world.unit, ended_on=datetime.date(2026, 12, 29))
    writing = client_at(world.unit, first_name="Skriver")
    for day in (datetime.date(2026, 12, 31), datetime.date(2027, 2, 1)):
        SignedEntryFactory(client=writing, author=world.staff, occurred_at=noon(day))
    return [world.client, new, yearly, month_end, consenting, closed, writing]


def overview(client, today):
    """What the client overview lists, from the same data it loads (clients/views.py)."""
    orders = list(client.orders.select_related("service", "unit"))
    current = [order for order in orders if order.ended_on is None]
    established = list(
        PlanPeriod.objects.filter(plan__client=client, status=PlanPeriod.Status.ESTABLISHED)
        .select_related("plan__unit")
        .order_by("plan_id", "-starts_on", "-pk")
    )
    latest = list({period.plan_id: period for period in reversed(established)}.values())
    last_month = today.replace(day=1) - DAY
    consents = list(client.consents.prefetch_related("reviews"))
    items = due.due_for(
        client,
        orders=orders,
        consents=consents,
        latest_established=latest,
        last_month_missing=journal.needs_monthly_note(client, day=last_month),
        today=today,
    )
    first_plans = list(due.first_plan(current, {period.plan.unit_id for period in latest}, today))
    return {
        "forsta-plan-saknas": bool(first_plans),
        "forsta-plan-sen": any(item.overdue for item in first_plans),
        "arlig-uppfoljning-sen": any(item.overdue for item in due.plan_age(latest, today)),
        "samtycken-att-folja-upp": bool(list(due.consent_reviews(consents, today))),
        "akt-ej-skickad": any(item.overdue for item in due.file_to_authority(orders, today)),
        "manadsanteckning-saknas": any(item.url.endswith("/journal/") for item in items),
    }


def dashboard(key, scope):
    found = RULES_BY_KEY[key].listed(scope)
    clients = {
        "arlig-uppfoljning-sen": lambda period: period.plan.client,
        "samtycken-att-folja-upp": lambda consent: consent.client,
        "akt-ej-skickad": lambda order: order.client,
    }.get(key, lambda client: client)
    return {clients(obj) for obj in found}


def test_the_dashboard_counts_what_the_overview_lists_on_every_day(world, clients):
    for today in DAYS:
        scope = manager_scope(world.manager, today)
        listed = {client: overview(client, today) for client in clients}
        for key in listed[world.client]:
            counted = dashboard(key, scope)
            expected = {client for client, items in listed.items() if items[key]}
            assert counted == expected, (today, key, counted ^ expected)


def test_the_days_cross_every_limit(world, clients):
    """Guard for the test above: each rule changes its mind at least once on those days."""
    for key in ("forsta-plan-sen", "arlig-uppfoljning-sen", "samtycken-att-folja-upp", "akt-ej-skickad"):
        seen = {frozenset(dashboard(key, manager_scope(world.manager, today))) for today in DAYS}
        assert len(seen) > 1, key
