"""What the readers of a stored due date make of it on a given day: the dashboard (its count and
its list, which tests/oversight/conftest.found holds to agree), a contact person's Att göra and
the client overview's due list. The tests of each rule (tests/clients/due/, tests/plans/due/,
tests/journal/due/) set the date through the services and ask all of them just inside and just
outside the limit."""

import datetime

from rodtrad.front import due_list
from rodtrad.oversight import todo
from rodtrad.plans import services as plans

from . import plan_data
from .oversight.conftest import found, manager_scope, noon

DAY = datetime.timedelta(days=1)


def dashboard(key, manager, day) -> list:
    """What the dashboard's rule `key` lists for the manager's units on `day`."""
    return found(key, manager_scope(manager, day))


def overview(client, day, rule) -> list:
    """The client overview's items of `rule` (first_plan, yearly_review, goal, consent, file,
    monthly_note) on `day`."""
    return [item for item in due_list.due_for(client, due_list.load(client), today=day) if item.rule == rule]


def to_do(staff, day, url_part) -> list:
    """The lines of the contact person's Att göra on `day` that lead to an address with `url_part`."""
    return [row for row in todo.rows_for(staff, today=day, now=noon(day)) if url_part in row.url]


def established(client, unit, user, *, starts_on, planned_on=None, assessed_on=None):
    """A plan period made and established through the plan's services."""
    period = plans.start_plan(client, unit, starts_on=starts_on)
    return establish(period, user, planned_on=planned_on, assessed_on=assessed_on)


def establish(period, user, *, planned_on=None, assessed_on=None):
    """A draft period completed with a plan item and its goal, and established."""
    starts_on = period.starts_on
    item = plan_data.add_item(period)
    plans.save_period(
        period,
        {
            "planning_date": starts_on,
            "participation": "Elsa valde själv vad planen ska handla om.",
            "participants": "Elsa, kontaktman",
            "follow_up_planned_on": planned_on,
        },
        expected_version=period.version,
    )
    plans.add_goal(item, **plan_data.goal_fields())
    plans.save_risk_assessment(
        period, assessed_on=assessed_on or starts_on, no_risks_identified=True, no_risks_grounds="Inga risker."
    )
    return plans.establish(period, user=user)
