import datetime

from rodtrad.clients import due
from rodtrad.plans import services as plans
from rodtrad.plans.models import PlanPeriod


def items_on(world, today):
    orders = list(world.client.orders.select_related("service", "unit"))
    established = list(
        PlanPeriod.objects.filter(plan__client=world.client, status="established").select_related("plan__unit")
    )
    return due.due_for(world.client, orders=orders, consents=[], latest_established=established, today=today)


def test_the_first_plan_is_late_the_day_after_the_units_deadline(world):
    order = world.client.orders.get()
    deadline = order.valid_from + datetime.timedelta(days=world.unit.first_plan_days)
    (on_time,) = items_on(world, deadline)
    (late,) = items_on(world, deadline + datetime.timedelta(days=1))
    assert (on_time.due_on, on_time.overdue) == (deadline, False)
    assert late.overdue


def test_the_yearly_review_shows_from_eleven_months_and_is_late_after_twelve(world):
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 1, 15))
    PlanPeriod.objects.filter(pk=period.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    assert items_on(world, datetime.date(2026, 12, 14)) == []
    (warning,) = items_on(world, datetime.date(2026, 12, 15))
    assert (warning.due_on, warning.overdue) == (datetime.date(2027, 1, 15), False)
    (late,) = items_on(world, datetime.date(2027, 1, 16))
    assert late.overdue
