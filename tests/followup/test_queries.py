import datetime

import pytest
from django.db.models import Prefetch

from rodtrad.followup import rules, services
from rodtrad.followup.models import Answer
from rodtrad.followup.queries import (
    current_goals,
    due_among,
    goals_due,
    in_force,
    reviews_due,
    with_follow_up_state,
    with_review_due,
)
from rodtrad.lib.dates import add_months
from rodtrad.plans import services as plans
from rodtrad.plans.models import Goal, PlanItem, PlanPeriod

from ..factories import GoalFollowUpFactory
from ..followup_data import new_period_decisions

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


# The yearly review: due twelve months after the period started, on both databases.


def established_period(world, starts_on):
    period = plans.start_plan(world.client, world.unit, starts_on=starts_on)
    PlanPeriod.objects.filter(pk=period.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    return period


@pytest.mark.parametrize(
    "starts_on",
    [
        datetime.date(2026, 1, 15),
        datetime.date(2024, 2, 29),  # a leap day: due on 28 February
        datetime.date(2026, 12, 31),
        datetime.date(2026, 3, 31),
    ],
)
def test_the_review_due_date_in_the_database_is_the_same_as_in_python(world, starts_on):
    period = established_period(world, starts_on)
    annotated = with_review_due(PlanPeriod.objects.filter(pk=period.pk)).get()
    assert annotated.review_due_on == add_months(starts_on, 12) == rules.review_due_on(period)


def test_a_review_is_due_from_the_day_after_twelve_months(world):
    period = established_period(world, datetime.date(2026, 1, 15))
    assert not reviews_due(PlanPeriod.objects.all(), on=datetime.date(2027, 1, 15)).exists()
    assert list(reviews_due(PlanPeriod.objects.all(), on=datetime.date(2027, 1, 16))) == [period]


def test_changes_to_plan_items_do_not_move_the_review_date(established, world):
    item = established.items.first()
    plans.change_item(item, {"how_wanted": "Med bildrecept och timer."}, reason="Elsa bad om det.")
    due_on = with_review_due(PlanPeriod.objects.filter(pk=established.pk)).get().review_due_on
    assert due_on == datetime.date(2027, 11, 1)


def test_a_plan_stays_due_until_the_new_period_is_established(finished_review, established, world):
    later = datetime.date(2028, 1, 1)
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    assert list(reviews_due(PlanPeriod.objects.all(), on=later)) == [established]
    PlanPeriod.objects.filter(pk=new.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    assert list(in_force(PlanPeriod.objects.all())) == [new]
    assert not reviews_due(PlanPeriod.objects.all(), on=datetime.date(2028, 2, 1)).exists()


def test_draft_periods_are_never_due(world):
    plans.start_plan(world.client, world.unit, starts_on=datetime.date(2020, 1, 1))
    assert not reviews_due(PlanPeriod.objects.all(), on=datetime.date(2027, 1, 1)).exists()


def test_current_goals_are_those_of_established_periods_not_yet_replaced(
    finished_review, established, complete_period, world
):
    old_goal = Goal.objects.get(item__period=established)
    assert list(current_goals(Goal.objects.all())) == [old_goal]
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    assert not current_goals(Goal.objects.all()).exists()
    PlanPeriod.objects.filter(pk=new.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    assert list(current_goals(Goal.objects.all())) == [Goal.objects.get(item__period=new)]


def test_due_among_loaded_periods_finds_the_goals_that_goals_due_finds(
    finished_review, established, complete_period, world
):
    """The client overview's way (due_among, on periods it has loaded) against the query."""

    def agree(on):
        periods = list(
            PlanPeriod.objects.prefetch_related(
                Prefetch(
                    "items",
                    queryset=PlanItem.objects.prefetch_related(
                        Prefetch("goals", queryset=with_follow_up_state(Goal.objects.all()))
                    ),
                )
            )
        )
        found = sorted(goal.pk for goal in due_among(periods, on=on))
        assert found == sorted(goals_due(current_goals(Goal.objects.all()), on=on).values_list("pk", flat=True))
        return found

    old_goal = Goal.objects.get(item__period=established)
    next_on = datetime.date(2030, 6, 1)
    GoalFollowUpFactory(goal=old_goal, followed_up_on=datetime.date(2030, 1, 1), next_follow_up_on=next_on)
    assert agree(next_on) == []
    assert agree(next_on + DAY) == [old_goal.pk]
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    assert agree(datetime.date(2099, 1, 1)) == []
    PlanPeriod.objects.filter(pk=new.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    new_goals = list(Goal.objects.filter(item__period=new).order_by("pk"))
    assert agree(datetime.date(2099, 1, 1)) == [goal.pk for goal in new_goals] != []
    for goal in new_goals:
        GoalFollowUpFactory(goal=goal, answer=Answer.FULLY, next_follow_up_on=None)
    assert agree(datetime.date(2099, 1, 1)) == []
