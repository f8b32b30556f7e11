"""How goals and plans stand for follow-up, read over many of them in one query.

When a goal or a plan is due is stored on it and read through its rule's module
(rodtrad/plans/due/goal_follow_up.py, yearly_review.py); here is what the follow-up pages show
beside the date (a goal's latest answer) and which goals and periods can be followed up now."""

from django.db.models import OuterRef, Subquery

from rodtrad.plans.due import goal_follow_up
from rodtrad.plans.models import PlanPeriod

from .models import GoalFollowUp


def _newest(field):
    return Subquery(
        GoalFollowUp.objects.filter(goal=OuterRef("pk")).order_by("-followed_up_on", "-pk").values(field)[:1]
    )


def with_follow_up_state(goals):
    """Goals annotated with their newest follow-up's `latest_answer` and `latest_followed_up_on`
    (None before the first), for the pages that show how a goal goes."""
    return goals.annotate(latest_answer=_newest("answer"), latest_followed_up_on=_newest("followed_up_on"))


def current_goals(goals):
    """Goals that can be followed up now: those of established periods that no newer period has
    replaced. (Once a new period is added, the old one and its follow-up stay as they were.)"""
    return goals.filter(item__period__status=PlanPeriod.Status.ESTABLISHED, item__period__next_period__isnull=True)


def due_among(periods, *, today):
    """The current goals due for follow-up on `today` or before, among periods already in hand:
    `periods` is every period of the plans concerned, each with its items and their goals
    prefetched. Found without another query (the client overview)."""
    replaced = {period.previous_id for period in periods if period.previous_id is not None}
    return [
        goal
        for period in periods
        if period.status == PlanPeriod.Status.ESTABLISHED and period.pk not in replaced
        for item in period.items.all()
        for goal in item.goals.all()
        if goal_follow_up.is_due(goal, today)
    ]


def in_force(periods):
    """Established periods that no established newer period has replaced: the plan in force.
    A period whose successor is still a draft stays in force until that one is established."""
    return periods.filter(status=PlanPeriod.Status.ESTABLISHED).exclude(
        next_period__status=PlanPeriod.Status.ESTABLISHED
    )
