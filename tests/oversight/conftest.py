"""Plans, periods and goals made directly with the models, so that each rule can be tested at its
limit without going through the whole plan workflow (their due dates set by the rules' modules,
as the services set them); and scopes on a chosen day."""

import datetime

import pytest
from django.utils import timezone

from rodtrad.oversight import catalogue
from rodtrad.oversight import scope as scopes
from rodtrad.oversight.catalogue import RULES_BY_KEY
from rodtrad.plans.due import goal_follow_up, risk_assessment_review, yearly_review
from rodtrad.plans.models import Goal, Plan, PlanItem, PlanPeriod, RiskAssessment, SectionTemplate

from .. import plan_data


def noon(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def manager_scope(user, day, *, unit=None):
    return scopes.for_manager(user, unit_id=unit.pk if unit else None, today=day, now=noon(day))


def staff_scope(user, day):
    return scopes.for_contact_person(user, today=day, now=noon(day))


def found(key, scope):
    """What the rule `key` lists in `scope`, after checking that the dashboard's count (one
    aggregate per base) and each line of the list say the same."""
    rule = RULES_BY_KEY[key]
    objects = list(rule.listed(scope))
    assert catalogue.counts(scope)[key] == len(objects)
    assert len(rule.rows(objects, scope)) == len(objects)
    return objects


def established_period(client, unit, *, starts_on=datetime.date(2026, 3, 1), goal=True, assessed_on=None, **fields):
    """An established period, complete unless told otherwise: participation, a goal and a risk
    assessment (made on `assessed_on`, by default the start)."""
    plan, _created = Plan.objects.get_or_create(client=client, unit=unit)
    values = {"planning_date": starts_on, "participation": "Elsa var med och valde mål."} | fields
    period = PlanPeriod(
        plan=plan, starts_on=starts_on, status=PlanPeriod.Status.ESTABLISHED, established_at=noon(starts_on), **values
    )
    yearly_review.set_due(period)
    period.save()
    if goal:
        add_goal(period)
    if assessed_on is not False:
        assessment = RiskAssessment(
            period=period, assessed_on=assessed_on or starts_on, no_risks_identified=True, no_risks_grounds="Inga."
        )
        risk_assessment_review.set_due(assessment)
        assessment.save()
    return period


def add_goal(period, **fields):
    section = SectionTemplate.objects.get(template__unit=None, title="Måltidssituation")
    item = PlanItem.objects.create(period=period, section=section, title="Laga middag")
    values = plan_data.goal_fields() | {"sentence": "Elsa lagar middag själv två gånger i veckan."} | fields
    goal = Goal(item=item, **values)
    goal_follow_up.set_due(goal, period)
    goal.save()
    return goal


@pytest.fixture
def day():
    return datetime.date(2026, 12, 10)
