"""A goal's next follow-up: before the first, the period's planned follow-up or else the goal's
"by when"; then the date its newest follow-up set, none once met with nothing more planned; late
from the day after. Set when the goal is added or carried over, when a draft period's planned
follow-up changes, and when the goal is followed up."""

import datetime

import pytest

from rodtrad.clients.models import ContactPerson
from rodtrad.followup import services as followup
from rodtrad.followup.models import Answer
from rodtrad.plans import services as plans
from rodtrad.plans.models import Goal

from ... import plan_data
from ...due_data import DAY, dashboard, establish, established, overview, to_do
from ...followup_data import answered_rows, closing, new_period_decisions, record

pytestmark = pytest.mark.django_db

STARTS = datetime.date(2026, 3, 1)


def test_before_the_first_follow_up_the_periods_planned_date_or_the_goals_own(world):
    period = plans.start_plan(world.client, world.unit, starts_on=STARTS)
    goal = plans.add_goal(plan_data.add_item(period), **plan_data.goal_fields())
    assert goal.follow_up_due_on == goal.by_when == plan_data.FUTURE
    plans.save_period(period, {"follow_up_planned_on": datetime.date(2026, 9, 1)}, expected_version=period.version)
    goal.refresh_from_db()
    assert goal.follow_up_due_on == datetime.date(2026, 9, 1)
    period.refresh_from_db()
    plans.save_period(period, {"follow_up_planned_on": None}, expected_version=period.version)
    assert Goal.objects.get(pk=goal.pk).follow_up_due_on == plan_data.FUTURE


def test_due_on_the_date_the_newest_follow_up_set_and_late_from_the_day_after(world):
    ContactPerson.objects.create(client=world.client, user=world.staff)
    period = established(world.client, world.unit, world.staff, starts_on=STARTS, planned_on=datetime.date(2026, 9, 1))
    goal = Goal.objects.get(item__period=period)
    next_on = datetime.date(2026, 12, 10)
    record(goal, world.staff, today=datetime.date(2026, 9, 2), next_follow_up_on=next_on)
    goal.refresh_from_db()
    assert goal.follow_up_due_on == next_on
    assert dashboard("mal-att-folja-upp", world.manager, next_on) == []
    assert dashboard("mal-att-folja-upp", world.manager, next_on + DAY) == [goal]
    assert overview(world.client, next_on - DAY, "goal") == []
    (item,) = overview(world.client, next_on, "goal")
    assert (item.due_on, item.overdue) == (next_on, False)
    assert overview(world.client, next_on + DAY, "goal")[0].overdue
    assert to_do(world.staff, next_on, f"/plan/{period.pk}/") == []
    (line,) = to_do(world.staff, next_on + DAY, f"/plan/{period.pk}/")
    assert line.due_on == next_on


def test_a_follow_up_dated_before_the_newest_does_not_set_the_date(world):
    period = established(world.client, world.unit, world.staff, starts_on=STARTS)
    goal = Goal.objects.get(item__period=period)
    record(goal, world.staff, today=datetime.date(2026, 9, 2), next_follow_up_on=datetime.date(2026, 12, 10))
    record(
        goal,
        world.staff,
        today=datetime.date(2026, 9, 3),
        followed_up_on=datetime.date(2026, 8, 1),
        next_follow_up_on=datetime.date(2026, 10, 1),
    )
    assert Goal.objects.get(pk=goal.pk).follow_up_due_on == datetime.date(2026, 12, 10)


def test_a_goal_met_with_nothing_more_planned_is_never_due(world):
    period = established(world.client, world.unit, world.staff, starts_on=STARTS)
    goal = Goal.objects.get(item__period=period)
    record(goal, world.staff, today=datetime.date(2026, 9, 2), answer=Answer.FULLY, next_follow_up_on=None)
    assert Goal.objects.get(pk=goal.pk).follow_up_due_on is None
    assert dashboard("mal-att-folja-upp", world.manager, datetime.date(2099, 1, 1)) == []
    assert overview(world.client, datetime.date(2099, 1, 1), "goal") == []


def test_a_goal_carried_into_the_new_period_is_due_by_its_new_date(world):
    period = establish(plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 1, 15)), world.staff)
    goal = Goal.objects.get(item__period=period)
    review = followup.start_review(period, user=world.staff)
    review = followup.save_review(
        review, user=world.staff, expected_version=review.version, fields=closing(), rows=answered_rows(period)
    )
    review = followup.finish_review(review, user=world.staff)
    decisions = new_period_decisions(period, by_when={goal.pk: datetime.date(2027, 12, 1)})
    new = followup.start_new_period(review, user=world.staff, **decisions)
    carried = Goal.objects.get(item__period=new)
    assert (carried.carried_from, carried.follow_up_due_on) == (goal, datetime.date(2027, 12, 1))
