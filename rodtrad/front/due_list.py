"""What is due for one client, as the routine sets it. Each rule returns items for the overview.
The managers' dashboard counts the same rules over many clients (rodtrad/oversight/rules.py),
from the same due dates; tests/oversight/test_agreement.py checks that the two agree."""

from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from rodtrad.followup import overview as followup_overview
from rodtrad.followup import rules as followup_rules
from rodtrad.lib.dates import add_months


@dataclass(frozen=True)
class DueItem:
    text: str
    due_on: object
    overdue: bool
    url: str


PLAN_AGE_WARNING_MONTHS = 11


def first_plan(orders, established_units, today):
    """An order that needs a plan has the first one due a unit-set number of days after it
    starts, until a period is established at that unit."""
    for order in orders:
        if order.needs_plan and order.unit_id not in established_units:
            due_on = order.first_plan_due
            yield DueItem(
                _("First implementation plan for %(service)s") % {"service": order.service.name},
                due_on,
                due_on < today,
                reverse("clients:detail", args=[order.client_id]) + "#orders-heading",
            )


def plan_age(latest_established, today):
    """A plan is never older than a year; warn from eleven months. The item leads to the next
    step of the yearly follow-up: the review, adding the new period, or establishing it."""
    for period in latest_established:
        warn_on = add_months(period.starts_on, PLAN_AGE_WARNING_MONTHS)
        if warn_on <= today:
            due_on = followup_rules.review_due_on(period)
            text, url = followup_overview.review_step(period)
            yield DueItem(text, due_on, due_on < today, url)


def goal_follow_ups(goals, today):
    """Goals due for follow-up, as followup.queries.goals_due finds them (`goals` comes from it)."""
    for goal in goals:
        due_on = goal.follow_up_due_on
        yield DueItem(
            _("Follow up the goal: %(goal)s") % {"goal": Truncator(goal.sentence).chars(70)},
            due_on,
            due_on < today,
            reverse("followup:goal", args=[goal.item.period.plan.client_id, goal.pk]),
        )


def consent_reviews(consents, today, newest_periods=()):
    """A consent is reviewed at least yearly, and with every new plan period. One that was not
    gone through when the newest period started is due from that day, and late once that period
    is established without it."""
    newest = max(newest_periods, key=lambda period: period.starts_on, default=None)
    for consent in consents:
        if not consent.is_active:
            continue
        url = reverse("clients:consents", args=[consent.client_id])
        scope = consent.scope[:60]
        yearly = consent.review_due_on()
        if yearly <= today:
            yield DueItem(_("Review of consent: %(scope)s") % {"scope": scope}, yearly, yearly < today, url)
        elif consent.due_with_plan(newest and newest.starts_on):
            yield DueItem(
                _("Review the consent with the new plan: %(scope)s") % {"scope": scope},
                newest.starts_on,
                newest.is_established,
                url,
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


def monthly_note(client, last_month_missing, today):
    """The routine wants at least one note a month; last month's missing note is overdue. A
    client whose order began this month had no last month with the unit (see due_for)."""
    if last_month_missing:
        last_day = today.replace(day=1) - timedelta(days=1)
        yield DueItem(
            _("No journal entry for %(month)s: write the monthly note")
            % {"month": formats.date_format(last_day, "F Y")},
            last_day,
            True,
            reverse("journal:list", args=[client.pk]),
        )


def due_for(
    client,
    *,
    orders,
    consents,
    latest_established=(),
    newest_periods=(),
    goals_due=(),
    last_month_missing=False,
    today=None,
):
    today = today or timezone.localdate()
    current = [order for order in orders if order.ended_on is None]
    established_units = {period.plan.unit_id for period in latest_established}
    items = [
        *first_plan(current, established_units, today),
        *plan_age(latest_established, today),
        *goal_follow_ups(goals_due, today),
        *consent_reviews(consents, today, newest_periods),
        *file_to_authority(orders, today),
        *monthly_note(
            client, last_month_missing and any(order.valid_from < today.replace(day=1) for order in current), today
        ),
    ]
    return sorted(items, key=lambda item: item.due_on)
