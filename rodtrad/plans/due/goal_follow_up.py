"""When a goal is next followed up.

Before its first follow-up a goal is due on the plan period's planned follow-up, or failing that
on the goal's own "by when". Once followed up it is due on the date its newest follow-up set, and
late from the day after; a goal met (Helt) with no next date set is done, never due again.

Stored as Goal.follow_up_due_on, empty when the goal is done: set when a goal is added or carried
over into a new period (plans.services.add_goal, followup.services), when a draft period's planned
follow-up changes (plans.services.save_period), and when a follow-up of the goal is recorded
(followup.services, which knows the goal's newest follow-up and passes it here)."""

import datetime

from django.db.models import Q

from ..models import Goal

FIELD = "follow_up_due_on"


def due_on(*, by_when, planned_on, newest=None) -> datetime.date | None:
    """The rule itself. `newest` is the goal's newest follow-up (its `next_follow_up_on`), or None
    before the first; `planned_on` the period's planned follow-up."""
    if newest is None:
        return planned_on or by_when
    return newest.next_follow_up_on


def set_due(goal, period) -> None:
    """Before a new goal (none followed up yet) is saved in `period`."""
    goal.follow_up_due_on = due_on(by_when=goal.by_when, planned_on=period.follow_up_planned_on)


def followed_up(goal, newest) -> None:
    """The goal's newest follow-up is now `newest` (recorded, or corrected in a yearly review)."""
    goal.follow_up_due_on = due_on(by_when=goal.by_when, planned_on=None, newest=newest)
    goal.save(update_fields=[FIELD])


def planned_changed(period) -> None:
    """The planned follow-up of a draft period changed: its goals, none of them followed up yet (a
    goal is followed up only in an established period), are due on the new date."""
    goals = list(Goal.objects.filter(item__period=period))
    for goal in goals:
        set_due(goal, period)
    Goal.objects.bulk_update(goals, [FIELD])


def passed(today) -> Q:
    """Goals whose follow-up was due before `today`."""
    return Q(follow_up_due_on__lt=today)


def is_due(goal, today) -> bool:
    """Due today or before."""
    return goal.follow_up_due_on is not None and goal.follow_up_due_on <= today


def is_overdue(goal, today) -> bool:
    return goal.follow_up_due_on is not None and goal.follow_up_due_on < today
