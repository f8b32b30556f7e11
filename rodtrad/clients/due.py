"""What is due for one client, as the routine sets it. Each rule returns items for the overview;
the managers' dashboard will count the same rules over many clients."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DueItem:
    text: str
    due_on: object
    overdue: bool
    url: str


def first_plan(orders, today):
    """Orders that need a plan have one due a unit-set number of days after they start.
    Until the plan module exists every such order still lacks one."""
    for order in orders:
        if order.needs_plan:
            due_on = order.first_plan_due
            yield DueItem(
                _("First implementation plan for %(service)s") % {"service": order.service.name},
                due_on,
                due_on < today,
                reverse("clients:detail", args=[order.client_id]) + "#orders-heading",
            )


def consent_reviews(consents, today):
    for consent in consents:
        if consent.is_active:
            due_on = consent.review_due_on()
            if due_on <= today:
                yield DueItem(
                    _("Review of consent: %(scope)s") % {"scope": consent.scope[:60]},
                    due_on,
                    due_on < today,
                    reverse("clients:consents", args=[consent.client_id]),
                )


def file_to_authority(orders, today):
    for order in orders:
        if order.ended_on and not order.file_sent_on:
            due_on = order.file_due_on
            yield DueItem(
                _("Send the file for %(service)s to the authority") % {"service": order.service.name},
                due_on,
                due_on < today,
                reverse("clients:detail", args=[order.client_id]) + "#orders-heading",
            )


def due_for(client, *, orders, consents, today=None):
    today = today or timezone.localdate()
    current = [order for order in orders if order.ended_on is None]
    items = [
        *first_plan(current, today),
        *consent_reviews(consents, today),
        *file_to_authority(orders, today),
    ]
    return sorted(items, key=lambda item: item.due_on)
