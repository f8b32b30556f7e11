"""An order's first plan: due the unit's days after the order starts, late from the day after,
until a plan is established at the unit; set when the order is registered and when the unit's
deadline or the service's rule changes."""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory

from rodtrad.accounts.models import Unit
from rodtrad.clients import services
from rodtrad.clients.due import first_plan
from rodtrad.clients.models import Client, ContactPerson, Order, Service

from ...due_data import DAY, dashboard, established, overview, to_do
from ...factories import OrderFactory, ServiceFactory

pytestmark = pytest.mark.django_db

STARTS = datetime.date(2026, 11, 1)


def register(world, *, service=None, **order):
    client = Client(first_name="Nora", last_name="Nyman", personal_number="199001019802")
    order = Order(unit=world.unit, service=service or ServiceFactory(), valid_from=STARTS, **order)
    return services.register_client(client, order)


def test_due_the_units_days_after_the_start_and_late_from_the_day_after(world):
    world.unit.first_plan_days = 21
    world.unit.save()
    client = register(world)
    ContactPerson.objects.create(client=client, user=world.staff)
    due = STARTS + datetime.timedelta(days=21)
    assert client.orders.get().first_plan_due_on == due
    assert client in dashboard("forsta-plan-saknas", world.manager, due)
    assert client not in dashboard("forsta-plan-sen", world.manager, due)
    assert client in dashboard("forsta-plan-sen", world.manager, due + DAY)
    (item,) = overview(client, due, "first_plan")
    assert (item.due_on, item.overdue) == (due, False)
    assert overview(client, due + DAY, "first_plan")[0].overdue
    (line,) = to_do(world.staff, due, "#orders-heading")
    assert (line.due_on, line.overdue) == (due, False)
    assert to_do(world.staff, due + DAY, "#orders-heading")[0].overdue


def test_an_established_plan_at_the_unit_is_the_end_of_it(world):
    client = register(world)
    established(client, world.unit, world.staff, starts_on=STARTS + DAY)
    late = STARTS + datetime.timedelta(days=world.unit.first_plan_days + 1)
    assert client not in dashboard("forsta-plan-saknas", world.manager, late)
    assert overview(client, late, "first_plan") == []


@pytest.mark.parametrize(
    ("rule", "length_days", "decision", "needed"),
    [
        (Service.PlanRule.ALWAYS, None, False, True),
        (Service.PlanRule.NEVER, None, True, False),
        (Service.PlanRule.SHORT_STAY, 14, True, False),
        (Service.PlanRule.SHORT_STAY, 15, True, True),
        (Service.PlanRule.SHORT_STAY, 15, False, False),
        (Service.PlanRule.SHORT_STAY, None, True, True),
    ],
)
def test_an_order_that_needs_no_plan_has_none_due(world, rule, length_days, decision, needed):
    service = ServiceFactory(law="SoL", name=f"Insats {rule} {length_days} {decision}", plan_rule=rule)
    valid_to = STARTS + datetime.timedelta(days=length_days) if length_days is not None else None
    client = register(world, service=service, valid_to=valid_to, plan_required_by_decision=decision)
    order = client.orders.get()
    assert (order.first_plan_due_on is not None) is needed is order.needs_plan
    day = STARTS + datetime.timedelta(days=60)
    assert (client in dashboard("forsta-plan-saknas", world.manager, day)) is needed
    assert bool(overview(client, day, "first_plan")) is needed


def admin_saves(model, obj, user, **changes):
    """`obj` changed and saved through its page in the admin by `user`."""
    model_admin = admin.site._registry[model]
    request = RequestFactory().post("/admin/")
    request.user = user
    form_class = model_admin.get_form(request, obj, change=True)
    initial = form_class(instance=obj).initial
    data = {name: value for name, value in initial.items() if value is not None} | changes
    form = form_class(data=data, instance=obj)
    assert form.is_valid(), form.errors
    model_admin.save_model(request, form.save(commit=False), form, change=True)


def test_a_new_deadline_of_the_unit_moves_the_date_of_its_orders(world):
    order = world.client.orders.get()
    other = OrderFactory(client=world.other_client, unit=world.other_unit)
    admin_saves(Unit, world.unit, world.admin, first_plan_days=45)
    order.refresh_from_db()
    assert order.first_plan_due_on == order.valid_from + datetime.timedelta(days=45)
    assert Order.objects.get(pk=other.pk).first_plan_due_on == other.first_plan_due_on


def test_a_service_that_no_longer_needs_a_plan_takes_the_date_away(world):
    order = world.client.orders.get()
    admin_saves(Service, order.service, world.admin, plan_rule=Service.PlanRule.NEVER)
    order.refresh_from_db()
    assert order.first_plan_due_on is None
    assert first_plan.refresh(Order.objects.all()) == 0
