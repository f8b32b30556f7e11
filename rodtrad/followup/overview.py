"""The client's follow-up at a glance (the routine's "uppföljningsflik"): per plan, the period in
force with its goals and when each is due, its yearly review, a new period being written, and the
earlier periods with their follow-ups."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from rodtrad.plans.models import Goal, PlanItem, PlanPeriod

from . import checklist
from .models import GoalFollowUp, Review
from .queries import with_follow_up_state


@dataclass
class PlanFollowUp:
    unit: object
    in_force: PlanPeriod | None = None
    followable: bool = False
    draft: PlanPeriod | None = None
    goals: list = field(default_factory=list)
    goalless_items: list = field(default_factory=list)
    earlier: list = field(default_factory=list)
    draft_checks: list = field(default_factory=list)

    @property
    def review_due_on(self):
        return self.in_force.review_due_on if self.in_force else None

    @property
    def review(self):
        return getattr(self.in_force, "review", None) if self.in_force else None


def _in_force(periods, successors):
    for period in periods:
        successor = successors.get(period.pk)
        if period.is_established and (successor is None or not successor.is_established):
            return period
    return None


def plans_for(client) -> list[PlanFollowUp]:
    periods = list(
        PlanPeriod.objects.filter(plan__client=client)
        .select_related("plan__unit", "review")
        .order_by("plan__unit__name", "plan_id", "-starts_on", "-pk")
    )
    successors = {period.previous_id: period for period in periods if period.previous_id}
    by_plan = {}
    for period in periods:
        by_plan.setdefault(period.plan_id, []).append(period)
    return [_plan(plan_periods, successors) for plan_periods in by_plan.values()]


def _plan(periods, successors) -> PlanFollowUp:
    plan = PlanFollowUp(unit=periods[0].plan.unit)
    plan.in_force = _in_force(periods, successors)
    plan.earlier = [period for period in periods if period.is_established and period != plan.in_force]
    if plan.in_force is None:
        return plan
    successor = successors.get(plan.in_force.pk)
    plan.followable = successor is None
    if successor is not None:
        plan.draft = successor
        review = getattr(plan.in_force, "review", None)
        confirmed = review.new_period_confirmed if review else ()
        plan.draft_checks = checklist.new_period_checks(plan.in_force, confirmed=confirmed, draft=successor)
        return plan
    plan.goals = list(
        with_follow_up_state(Goal.objects.filter(item__period=plan.in_force)).select_related("item__section")
    )
    plan.goalless_items = _goalless_items(plan.in_force)
    return plan


def _goalless_items(period):
    items = list(PlanItem.objects.filter(period=period, goals__isnull=True).select_related("section"))
    latest = {}
    for follow_up in GoalFollowUp.objects.filter(item__in=items, goal__isnull=True).newest_first():
        latest.setdefault(follow_up.item_id, follow_up)
    for item in items:
        item.latest_follow_up = latest.get(item.pk)
    return items


def review_step(period) -> tuple[str, str]:
    """The next step of the yearly follow-up of an established period, in words and as a link:
    the review, then "Lägg till", then establishing the new period."""
    client_id, unit = period.plan.client_id, period.plan.unit.name
    successor = PlanPeriod.objects.filter(previous=period).first()
    if successor is not None:
        return (
            _("Establish the new plan period at %(unit)s") % {"unit": unit},
            reverse("plans:period", args=[client_id, successor.pk]),
        )
    review = Review.objects.filter(period=period).first()
    if review is not None and review.is_finished:
        return (
            _("Add the new plan period at %(unit)s: the yearly follow-up is done") % {"unit": unit},
            reverse("followup:new_period", args=[client_id, period.pk]),
        )
    text = _("Yearly review of the plan at %(unit)s") % {"unit": unit}
    return text, reverse("followup:review", args=[client_id, period.pk])
