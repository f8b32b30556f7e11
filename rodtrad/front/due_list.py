"""What is due for one client, for the client overview: an item per thing due, read from the rows
the overview has loaded. Each date is the one stored on its row and each limit its rule's module's
(rodtrad/clients/due/, plans/due/, journal/due/), the same the dashboard and Att göra count with."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from rodtrad.clients.due import consent_review
from rodtrad.clients.due import file_to_authority as file_due
from rodtrad.clients.due import first_plan as first_plan_due
from rodtrad.followup import overview as followup_overview
from rodtrad.followup.queries import due_among, with_follow_up_state
from rodtrad.journal.due import monthly_note as monthly_note_due
from rodtrad.lib import dates
from rodtrad.plans.due import goal_follow_up, yearly_review
from rodtrad.plans.models import Goal, PlanItem, PlanPeriod


@dataclass(frozen=True)
class DueItem:
    text: str
    due_on: object
    overdue: bool
    url: str
    # Which rule: first_plan, yearly_review, goal, consent, file or monthly_note.
    rule: str = ""


def first_plan(orders, established_units, today):
    """An open order that needs a plan, until a period is established at its unit."""
    for order in orders:
        if order.first_plan_due_on is not None and order.unit_id not in established_units:
            yield DueItem(
                _("First implementation plan for %(service)s") % {"service": order.service.name},
                order.first_plan_due_on,
                first_plan_due.is_late(order, today),
                reverse("clients:detail", args=[order.client_id]) + "#orders-heading",
                "first_plan",
            )


def plan_age(latest_established, today):
    """A plan's yearly review, from 30 days before it is due. The item leads to the next step of
    the yearly follow-up: the review, adding the new period, or establishing it."""
    for period in latest_established:
        if yearly_review.is_listed(period, today):
            text, url = followup_overview.review_step(period)
            yield DueItem(text, period.review_due_on, yearly_review.is_overdue(period, today), url, "yearly_review")


def goal_follow_ups(goals, today):
    """Goals due for follow-up (`goals`: followup.queries.due_among)."""
    for goal in goals:
        yield DueItem(
            _("Follow up the goal: %(goal)s") % {"goal": Truncator(goal.sentence).chars(70)},
            goal.follow_up_due_on,
            goal_follow_up.is_overdue(goal, today),
            reverse("followup:goal", args=[goal.item.period.plan.client_id, goal.pk]),
            "goal",
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
        yearly = consent.review_due_on
        if consent_review.is_due(consent, today):
            yield DueItem(_("Review of consent: %(scope)s") % {"scope": scope}, yearly, yearly < today, url, "consent")
        elif consent_review.is_due_with_plan(consent, newest and newest.starts_on):
            yield DueItem(
                _("Review the consent with the new plan: %(scope)s") % {"scope": scope},
                newest.starts_on,
                newest.is_established,
                url,
                "consent",
            )


def file_to_authority(orders, today):
    for order in orders:
        if file_due.is_unsent(order):
            yield DueItem(
                _("Send the file for %(service)s to the authority") % {"service": order.service.name},
                order.file_due_on,
                file_due.is_overdue(order, today),
                reverse("clients:detail", args=[order.client_id]) + "#orders-heading",
                "file",
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
            reverse("journal:monthly_note", args=[client.pk]) + f"?manad={last_day:%Y-%m}",
            "monthly_note",
        )


@dataclass(frozen=True)
class Record:
    """What the overview loads of a client, and its due list reads: every order, every consent and
    every period of the client's plans (newest first per plan) with their items and goals."""

    orders: list
    consents: list
    periods: list

    @property
    def current_periods(self):
        """Per plan, the newest period: what staff work from."""
        return _newest_per_plan(self.periods)

    @property
    def latest_established(self):
        """Per plan, the newest established period: the plan in force."""
        return _newest_per_plan(period for period in self.periods if period.is_established)


def _newest_per_plan(periods):
    newest = {}
    for period in periods:
        newest.setdefault(period.plan_id, period)
    return list(newest.values())


def load(client) -> Record:
    """In four queries, whatever the size of the record."""
    goals = with_follow_up_state(Goal.objects.order_by("pk"))
    periods = (
        PlanPeriod.objects.filter(plan__client=client)
        .select_related("plan__unit")
        .prefetch_related(
            Prefetch("items", queryset=PlanItem.objects.prefetch_related(Prefetch("goals", queryset=goals)))
        )
        .order_by("plan_id", "-starts_on", "-pk")
    )
    return Record(
        orders=list(client.orders.select_related("service", "unit", "file_sent_by")),
        consents=list(client.consents.all()),
        periods=list(periods),
    )


def due_for(client, record: Record, *, today=None, last_month_missing=None) -> list[DueItem]:
    """Everything due for the client on `today`, the earliest first. `last_month_missing` (the
    monthly-note rule's `missing` for last month), when the caller has it, saves its query."""
    today = today or timezone.localdate()
    current = [order for order in record.orders if order.ended_on is None]
    latest_established = record.latest_established
    established_units = {period.plan.unit_id for period in latest_established}
    if last_month_missing is None:
        last_month_missing = monthly_note_due.missing(client, day=dates.previous_month(today))
    items = [
        *first_plan(current, established_units, today),
        *plan_age(latest_established, today),
        *goal_follow_ups(due_among(record.periods, today=today), today),
        *consent_reviews(record.consents, today, record.current_periods),
        *file_to_authority(record.orders, today),
        *monthly_note(client, monthly_note_due.owes_last_month(current, today) and last_month_missing, today),
    ]
    return sorted(items, key=lambda item: item.due_on)
