"""When a goal is next due for follow-up, as one query over many goals.

A goal is due on the date its newest follow-up set; before its first follow-up, on the plan
period's planned follow-up, or failing that the goal's own "by when". A goal whose newest answer
is Helt (met) and that set no next date is done and never due. Used by the client overview and
the managers' dashboard alike, so that both count the same goals."""

from django.db.models import Case, DateField, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce

from .models import Answer, GoalFollowUp


def _newest(field):
    return Subquery(
        GoalFollowUp.objects.filter(goal=OuterRef("pk")).order_by("-followed_up_on", "-pk").values(field)[:1]
    )


def with_follow_up_state(goals):
    """Goals annotated with `latest_answer`, `latest_followed_up_on` and `follow_up_due_on`
    (None when the goal is met and nothing more is planned)."""
    goals = goals.annotate(
        latest_answer=_newest("answer"),
        latest_followed_up_on=_newest("followed_up_on"),
        latest_next_on=_newest("next_follow_up_on"),
    )
    return goals.annotate(
        follow_up_due_on=Case(
            When(latest_answer__isnull=True, then=Coalesce(F("item__period__follow_up_planned_on"), F("by_when"))),
            When(Q(latest_answer=Answer.FULLY) & Q(latest_next_on__isnull=True), then=None),
            default=F("latest_next_on"),
            output_field=DateField(),
        )
    )


def goals_due(goals, *, on):
    """Goals whose follow-up date has passed on the day `on`."""
    return with_follow_up_state(goals).filter(follow_up_due_on__lt=on)
