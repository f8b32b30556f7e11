import datetime

import pytest

from rodtrad.followup.models import Answer
from rodtrad.followup.queries import goals_due, with_follow_up_state
from rodtrad.plans.models import Goal

from ..factories import GoalFollowUpFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture
def goal(complete_period):
    return Goal.objects.get(item__period=complete_period)


def due_on(goal):
    return with_follow_up_state(Goal.objects.filter(pk=goal.pk)).get().follow_up_due_on


def test_before_its_first_follow_up_a_goal_is_due_on_the_planned_follow_up_of_the_period(goal, complete_period):
    assert due_on(goal) == complete_period.follow_up_planned_on


def test_without_a_planned_follow_up_a_goal_is_due_by_its_own_date(goal, complete_period):
    type(complete_period).objects.filter(pk=complete_period.pk).update(follow_up_planned_on=None)
    assert due_on(goal) == goal.by_when


def test_the_newest_follow_up_sets_the_next_date(goal):
    GoalFollowUpFactory(
        goal=goal, followed_up_on=datetime.date(2026, 12, 1), next_follow_up_on=datetime.date(2027, 3, 1)
    )
    GoalFollowUpFactory(
        goal=goal, followed_up_on=datetime.date(2027, 3, 2), next_follow_up_on=datetime.date(2027, 6, 2)
    )
    state = with_follow_up_state(Goal.objects.filter(pk=goal.pk)).get()
    assert (state.follow_up_due_on, state.latest_followed_up_on) == (
        datetime.date(2027, 6, 2),
        datetime.date(2027, 3, 2),
    )


def test_a_met_goal_with_nothing_more_planned_is_never_due(goal):
    GoalFollowUpFactory(goal=goal, answer=Answer.FULLY, next_follow_up_on=None)
    assert due_on(goal) is None
    assert not goals_due(Goal.objects.all(), on=datetime.date(2099, 1, 1)).exists()


def test_a_goal_is_due_from_the_day_after_its_date(goal):
    GoalFollowUpFactory(goal=goal, next_follow_up_on=datetime.date(2027, 3, 1))
    assert not goals_due(Goal.objects.all(), on=datetime.date(2027, 3, 1)).exists()
    assert list(goals_due(Goal.objects.all(), on=datetime.date(2027, 3, 1) + DAY)) == [goal]
