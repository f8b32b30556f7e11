"""How each rule's findings are listed: what a line says, by when, and where to put it right."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from rodtrad.clients.due import first_plan as first_plan_due
from rodtrad.clients.models import Client
from rodtrad.journal import services as journal
from rodtrad.plans.due import yearly_review as period_review

from . import rules


@dataclass(frozen=True)
class Row:
    client: Client
    text: str
    url: str
    due_on: datetime.date | None = None
    overdue: bool = False


# Loading a page of findings with what its lines show, in a fixed number of queries.


def clients_of_orders(orders, scope):
    return Client.objects.filter(pk__in=orders.values("client")).in_swedish_order()


def clients_with_orders_without_plan(orders, scope):
    qualifying = rules.orders_without_plan(scope).select_related("service", "unit").order_by("valid_from", "pk")
    return clients_of_orders(orders, scope).prefetch_related(
        Prefetch("orders", queryset=qualifying, to_attr="qualifying_orders")
    )


def periods_by_start(queryset, scope):
    return queryset.select_related("plan__client", "plan__unit").order_by("starts_on", "pk")


def goals_by_date(queryset, scope):
    return queryset.select_related("item__period__plan__client").order_by("follow_up_due_on", "pk")


def drafts_by_age(queryset, scope):
    return queryset.select_related("client", "author").order_by("created_at", "pk")


def consents_by_date(queryset, scope):
    return queryset.select_related("client").order_by("review_due_on", "pk")


def risks_by_date(queryset, scope):
    return queryset.select_related("assessment__period__plan__client").order_by("protective_review_due_on", "pk")


def assessments_by_date(queryset, scope):
    return queryset.select_related("period__plan__client", "period__plan__unit").order_by("review_due_on", "pk")


def orders_by_end(queryset, scope):
    return queryset.select_related("client", "service", "unit").order_by("ended_on", "pk")


# Lines.


def first_plan(client, scope):
    order = client.qualifying_orders[0]
    return Row(
        client,
        _("First implementation plan for %(service)s at %(unit)s")
        % {"service": order.service.name, "unit": order.unit},
        reverse("clients:detail", args=[client.pk]) + "#orders-heading",
        order.first_plan_due_on,
        first_plan_due.is_late(order, scope.today),
    )


def yearly_review(period, scope):
    return Row(
        period.plan.client,
        _("Yearly review of the plan at %(unit)s (period from %(start)s)")
        % {"unit": period.plan.unit, "start": formats.date_format(period.starts_on, "j F Y")},
        reverse("plans:period", args=[period.plan.client_id, period.pk]),
        period.review_due_on,
        period_review.is_overdue(period, scope.today),
    )


def period_lacks(message):
    def row(period, scope):
        return Row(
            period.plan.client,
            message % {"unit": period.plan.unit},
            reverse("plans:period", args=[period.plan.client_id, period.pk]),
        )

    return row


def goal(goal, scope):
    period = goal.item.period
    return Row(
        period.plan.client,
        _("Follow up the goal: %(goal)s") % {"goal": Truncator(goal.sentence).chars(120)},
        reverse("plans:period", args=[period.plan.client_id, period.pk]),
        goal.follow_up_due_on,
        True,
    )


def monthly_note(client, scope):
    _start, end = rules.last_month(scope)
    return Row(
        client,
        _("No journal entry for %(month)s: write the monthly note") % {"month": formats.date_format(end, "F Y")},
        # The note for that month, not for today's (journal.views_write.monthly_note).
        reverse("journal:monthly_note", args=[client.pk]) + f"?manad={end:%Y-%m}",
        end,
        True,
    )


def draft(entry, scope):
    if scope.author is not None:
        url = reverse("journal:edit", args=[entry.client_id, entry.pk])
    else:
        url = reverse("journal:list", args=[entry.client_id])
    return Row(
        entry.client,
        _("Draft by %(author)s, started %(day)s, not signed")
        % {"author": entry.author, "day": formats.date_format(entry.created_at, "j F Y")},
        url,
        # Due for signing by the journal's late limit after it was started.
        timezone.localdate(entry.created_at + journal.late_after()),
        True,
    )


def consent(consent, scope):
    return Row(
        consent.client,
        _("Review of consent: %(scope)s") % {"scope": Truncator(consent.scope).chars(80)},
        reverse("clients:consents", args=[consent.client_id]),
        consent.review_due_on,
        consent.review_due_on < scope.today,
    )


def protective_measure(risk, scope):
    period = risk.assessment.period
    due_on = risk.protective_review_due_on
    return Row(
        period.plan.client,
        _("Review the protective measure: %(risk)s") % {"risk": Truncator(risk.description).chars(80)},
        reverse("plans:risks", args=[period.plan.client_id, period.pk]),
        due_on,
        due_on < scope.today,
    )


def risk_assessment(assessment, scope):
    period = assessment.period
    due_on = assessment.review_due_on
    return Row(
        period.plan.client,
        _("Review the risk assessment at %(unit)s, made %(day)s")
        % {"unit": period.plan.unit, "day": formats.date_format(assessment.assessed_on, "j F Y")},
        reverse("plans:risks", args=[period.plan.client_id, period.pk]),
        due_on,
        due_on < scope.today,
    )


def file(order, scope):
    return Row(
        order.client,
        _("Send the file for %(service)s at %(unit)s to the authority (ended %(day)s)")
        % {"service": order.service.name, "unit": order.unit, "day": formats.date_format(order.ended_on, "j F Y")},
        reverse("clients:detail", args=[order.client_id]) + "#orders-heading",
        order.file_due_on,
        True,
    )
