"""Operations across parts: the part changes, and the journal notes it in the acting user's name."""

import datetime

import pytest

from rodtrad.front import services
from rodtrad.journal.models import Category, Entry
from rodtrad.plans import services as plans
from rodtrad.plans.models import PlanItem

from ..factories import OrderFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_ending_an_order_notes_it_in_the_journal(world):
    order = world.client.orders.get()
    services.end_order(
        order, ended_on=datetime.date(2026, 10, 15), reason="Flyttat till annan kommun", user=world.manager
    )
    order.refresh_from_db()
    assert (order.ended_on, order.end_reason) == (datetime.date(2026, 10, 15), "Flyttat till annan kommun")
    entry = Entry.objects.get(client=world.client)
    assert entry.category == Category.CHANGE
    assert "15 oktober 2026" in entry.text and "Flyttat till annan kommun" in entry.text
    assert (entry.author, entry.is_signed, entry.recorded_by_system) == (world.manager, True, True)


def test_a_change_after_establishing_writes_the_journal_entry(complete_period, item, world):
    plans.establish(complete_period, user=world.staff)
    services.change_plan_item(
        item, {"how_wanted": "Med bildrecept och timer"}, user=world.staff, reason="Elsa bad om en timer"
    )
    entry = Entry.objects.get(client=world.client, plan_item=item)
    assert entry.category == "plan_item_change"
    assert "”Med bildrecept” → ”Med bildrecept och timer”" in entry.text
    assert "Elsa bad om en timer" in entry.text
    assert entry.signed_at is not None and entry.author == world.staff


def test_a_change_of_order_after_establishing_is_written_to_the_journal_too(complete_period, item, world):
    plans.establish(complete_period, user=world.staff)
    other = OrderFactory(client=world.client, unit=world.unit, service=ServiceFactory(name="Daglig verksamhet"))
    services.change_plan_item(item, {"order": other}, user=world.staff, reason="Nytt beslut")
    entry = Entry.objects.get(client=world.client, plan_item=item)
    assert "”Bostad med särskild service för vuxna” → ”Daglig verksamhet”" in entry.text
    assert PlanItem.objects.get(pk=item.pk).order == other


def test_a_draft_items_change_writes_nothing_to_the_journal(period, item, world):
    services.change_plan_item(item, {"how_wanted": "Med timer"}, user=world.staff)
    assert not Entry.objects.filter(client=world.client).exists()
