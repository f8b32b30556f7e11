"""When goals and plans are next due for follow-up, as one query over many of them.

A goal is due on the date its newest follow-up set; before its first follow-up, on the plan
period's planned follow-up, or failing that the goal's own "by when". A goal whose newest answer
is Helt (met) and that set no next date is done and never due.

A plan is never older than a year: the yearly review of a period is due twelve months after the
period started, whatever was changed in it since, and is done when a newer period is established.

Used by the client overview and the managers' dashboard alike, so that both count the same goals
and the same plans."""

from django.db.models import Case, DateField, F, Func, OuterRef, Subquery, When
from django.db.models.functions import Coalesce

from rodtrad.plans.models import PlanPeriod

from .models import GoalFollowUp


def _newest(field):
    return Subquery(
        GoalFollowUp.objects.filter(goal=OuterRef("pk")).order_by("-followed_up_on", "-pk").values(field)[:1]
    )


def _due_on():
    """The goal's follow-up date from its newest follow-up's answer and next date (annotations
    `latest_answer`, `latest_next_on`). Once followed up, the next date set is the one due, and
    none is set when the goal is met (Helt) and nothing more is planned: never due."""
    return Case(
        When(latest_answer__isnull=True, then=Coalesce(F("item__period__follow_up_planned_on"), F("by_when"))),
        default=F("latest_next_on"),
        output_field=DateField(),
    )


def with_follow_up_state(goals):
    """Goals annotated with `latest_answer`, `latest_followed_up_on` and `follow_up_due_on`
    (None when the goal is met and nothing more is planned)."""
    goals = goals.annotate(
        latest_answer=_newest("answer"),
        latest_followed_up_on=_newest("followed_up_on"),
        latest_next_on=_newest("next_follow_up_on"),
    )
    return goals.annotate(follow_up_due_on=_due_on())


def goals_due(goals, *, on):
    """Goals whose follow-up date has passed on the day `on`, annotated with `follow_up_due_on`
    (only: over many goals, every newest-follow-up subquery counts)."""
    goals = goals.alias(latest_answer=_newest("answer"), latest_next_on=_newest("next_follow_up_on"))
    return goals.annotate(follow_up_due_on=_due_on()).filter(follow_up_due_on__lt=on)


def current_goals(goals):
    """Goals that can be followed up now: those of established periods that no newer period has
    replaced. (Once a new period is added, the old one and its follow-up stay as they were.)"""
    return goals.filter(item__period__status=PlanPeriod.Status.ESTABLISHED, item__period__next_period__isnull=True)


def due_among(periods, *, on):
    """goals_due(current_goals(...), on=on) over periods already in hand: `periods` is every period
    of the plans concerned, each with its items and their goals prefetched through
    with_follow_up_state. The same goals, found without another query (the client overview)."""
    replaced = {period.previous_id for period in periods if period.previous_id is not None}
    return [
        goal
        for period in periods
        if period.status == PlanPeriod.Status.ESTABLISHED and period.pk not in replaced
        for item in period.items.all()
        for goal in item.goals.all()
        if goal.follow_up_due_on is not None and goal.follow_up_due_on < on
    ]


class _TwelveMonthsLater(Func):
    """A date twelve months on, with 29 February landing on 28 February, exactly as
    clients.models.add_months(day, 12) does in Python."""

    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        # SQLite's '+1 year' turns 29 February into 1 March; step back a day for that one date.
        template = (
            "(CASE WHEN strftime('%%m-%%d', {0}) = '02-29' THEN date({0}, '+1 year', '-1 day') "
            "ELSE date({0}, '+1 year') END)"
        )
        return template.format(sql), (*params, *params, *params)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql}) + interval '12 months')::date", params


def with_review_due(periods):
    """Plan periods annotated with `review_due_on`: twelve months after the period started."""
    return periods.annotate(review_due_on=_TwelveMonthsLater("starts_on"))


def in_force(periods):
    """Established periods that no established newer period has replaced: the plan in force.
    A period whose successor is still a draft stays in force until that one is established."""
    return periods.filter(status=PlanPeriod.Status.ESTABLISHED).exclude(
        next_period__status=PlanPeriod.Status.ESTABLISHED
    )


def reviews_due(periods, *, on):
    """Plans in force whose yearly review date has passed on the day `on`: pass a later day to
    see what falls due before it (for example today + 30 days)."""
    return with_review_due(in_force(periods)).filter(review_due_on__lt=on)
