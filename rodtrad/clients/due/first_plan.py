"""The first implementation plan of an order.

An order needs a plan unless its service never does (a safety alarm only), or it is a short-term
stay that the decision does not ask a plan for or that lasts two weeks or less. The first plan is
then due the unit's agreed number of days after the order starts (Unit.first_plan_days), and
late from the day after, until a period of the client's plan at that unit is established.

Stored as Order.first_plan_due_on, empty when the order needs no plan: set when the order is
registered (services.register_client, services.add_order), and again for the orders concerned
when a unit's deadline or a service's plan rule is changed (clients/admin.py). Whether a plan has
been established is read beside it by those who list the order (oversight.rules.orders_without_plan
over many clients, the client overview from the periods it has loaded)."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

FIELD = "first_plan_due_on"
SHORT_STAY_PLAN_AFTER_DAYS = 14


class PlanRule(models.TextChoices):
    """A service's rule for when its orders need an implementation plan (Service.plan_rule)."""

    ALWAYS = "always", _("Always needs an implementation plan")
    NEVER = "never", _("Never needs a plan (for example safety alarm only)")
    SHORT_STAY = "short_stay", _("Needs a plan only for a stay over two weeks when the decision says so")


def needs_plan(order) -> bool:
    rule = order.service.plan_rule
    if rule == PlanRule.NEVER:
        return False
    if rule == PlanRule.SHORT_STAY:
        long_enough = order.valid_to is None or (order.valid_to - order.valid_from).days > SHORT_STAY_PLAN_AFTER_DAYS
        return order.plan_required_by_decision and long_enough
    return True


def due_on(order) -> datetime.date | None:
    """The rule itself: when the order's first plan is due, or None when it needs none."""
    if not needs_plan(order):
        return None
    return order.valid_from + datetime.timedelta(days=order.unit.first_plan_days)


def set_due(order) -> None:
    """Before the order is saved."""
    order.first_plan_due_on = due_on(order)


def refresh(orders) -> int:
    """Work the date out again for orders already saved, whose unit's deadline or service's rule
    changed; how many changed."""
    changed = []
    for order in orders.select_related("unit", "service"):
        due = due_on(order)
        if due != order.first_plan_due_on:
            order.first_plan_due_on = due
            changed.append(order)
    return orders.model.objects.bulk_update(changed, [FIELD], batch_size=1000)


def needed() -> Q:
    """Orders that need a plan."""
    return Q(first_plan_due_on__isnull=False)


def late(today) -> Q:
    """Orders whose first plan was due before `today` (with no plan established, the reader's part)."""
    return Q(first_plan_due_on__lt=today)


def is_late(order, today) -> bool:
    return order.first_plan_due_on is not None and order.first_plan_due_on < today
