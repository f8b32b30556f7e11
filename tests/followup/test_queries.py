import datetime

import pytest
from django.db.models import Prefetch

from rodtrad.followup import services
from rodtrad.followup.models import Answer
from rodtrad.followup.queries import current_goals, due_among, in_force, with_follow_up_state
from rodtrad.plans.models import Goal, PlanItem, PlanPeriod

from ..factories import GoalFollowUpFactory
from ..followup_data import new_period_decisions

DAY = datetime.timedelta(days=1)


@pytest.fixture
def goal(complete_period):
    return Goal.objects.get(item__period=complete_period)


def test_a_goal_shows_its_newest_follow_up(goal):
    state = with_follow_up_state(Goal.objects.filter(pk=goal.pk)).get()
    assert (state.latest_answer, state.latest_followed_up_on) == (None, None)
    GoalFollowUpFactory(goal=goal, followed_up_on=datetime.date(2026, 12, 1), answer=Answer.NO)
    GoalFollowUpFactory(goal=goal, followed_up_on=datetime.date(2027, 3, 2), answer=Answer.PARTLY)
    GoalFollowUpFactory(goal=goal, followed_up_on=datetime.date(2027, 1, 2), answer=Answer.FULLY)
    state = with_follow_up_state(Goal.objects.filter(pk=goal.pk)).get()
    assert (state.latest_answer, state.latest_followed_up_on) == (Answer.PARTLY, datetime.date(2027, 3, 2))


def test_a_plan_stays_in_force_until_the_new_period_is_established(finished_review, established, world):
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    assert list(in_force(PlanPeriod.objects.all())) == [established]
    PlanPeriod.objects.filter(pk=new.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    assert list(in_force(PlanPeriod.objects.all())) == [new]


def test_current_goals_are_those_of_established_periods_not_yet_replaced(
    finished_review, established, complete_period, world
):
    old_goal = Goal.objects.get(item__period=established)
    assert list(current_goals(Goal.objects.all())) == [old_goal]
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    assert not current_goals(Goal.objects.all()).exists()
    PlanPeriod.objects.filter(pk=new.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    assert list(current_goals(Goal.objects.all())) == [Goal.objects.get(item__period=new)]


def test_due_among_loaded_periods_finds_the_current_goals_due_on_the_day(
    finished_review, established, complete_period, world
):
    """The client overview's way: among periods it has loaded, the current goals whose stored
    follow-up date is on or before the day."""

    def due(on):
        periods = list(
            PlanPeriod.objects.prefetch_related(Prefetch("items", queryset=PlanItem.objects.prefetch_related("goals")))
        )
        return sorted(goal.pk for goal in due_among(periods, today=on))

    old_goal = Goal.objects.get(item__period=established)
    next_on = datetime.date(2030, 6, 1)
    GoalFollowUpFactory(goal=old_goal, followed_up_on=datetime.date(2030, 1, 1), next_follow_up_on=next_on)
    assert due(next_on - DAY) == []
    assert due(next_on) == [old_goal.pk]
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    assert due(datetime.date(2099, 1, 1)) == []
    PlanPeriod.objects.filter(pk=new.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    new_goals = list(Goal.objects.filter(item__period=new).order_by("pk"))
    assert due(datetime.date(2099, 1, 1)) == [goal.pk for goal in new_goals] != []
    for goal in new_goals:
        GoalFollowUpFactory(goal=goal, answer=Answer.FULLY, next_follow_up_on=None)
    assert due(datetime.date(2099, 1, 1)) == []
