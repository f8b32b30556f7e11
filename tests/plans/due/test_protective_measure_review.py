"""A protective measure's review: within six months of its risk assessment, counted from that day;
set when the risk is added and when the assessment's date changes."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from rodtrad.plans import services as plans
from rodtrad.plans.models import Risk

from ... import plan_data
from ...due_data import DAY, dashboard
from ...factories import ConsentFactory

pytestmark = pytest.mark.django_db

ASSESSED = datetime.date(2026, 6, 10)
DUE = datetime.date(2026, 12, 10)


def add_risk(world, assessment, *, protective=True):
    return plans.add_risk(
        assessment,
        description="Elsa kan gå ut på natten och gå vilse.",
        consequence=3,
        likelihood=2,
        actions="Larm på dörren nattetid.",
        responsible="Kontaktman",
        follow_up_on=DUE,
        is_protective_measure=protective,
        protective_purpose="Dörrlarm som varnar personalen" if protective else "",
        consent=ConsentFactory(client=world.client, recorded_by=world.staff) if protective else None,
    )


def established_with_measure(world):
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 6, 1))
    plan_data.add_item(period)
    plans.add_goal(period.items.get(), **plan_data.goal_fields())
    plans.save_period(
        period,
        {"planning_date": period.starts_on, "participation": "Elsa valde själv.", "participants": "Elsa"},
        expected_version=period.version,
    )
    assessment = plans.save_risk_assessment(period, assessed_on=ASSESSED, no_risks_identified=False)
    risk = add_risk(world, assessment)
    plans.establish(period, user=world.staff)
    return risk


def test_due_six_months_after_the_assessment(world):
    risk = established_with_measure(world)
    assert risk.protective_review_due_on == DUE
    assert dashboard("skyddsatgarder-att-folja-upp", world.manager, DUE - DAY) == []
    assert dashboard("skyddsatgarder-att-folja-upp", world.manager, DUE) == [risk]


def test_a_new_date_of_the_assessment_moves_the_review_and_other_risks_have_none(world):
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 6, 1))
    assessment = plans.save_risk_assessment(period, assessed_on=ASSESSED, no_risks_identified=False)
    measure, plain = add_risk(world, assessment), add_risk(world, assessment, protective=False)
    assert plain.protective_review_due_on is None
    plans.save_risk_assessment(period, assessed_on=datetime.date(2026, 8, 31), no_risks_identified=False)
    assert Risk.objects.get(pk=measure.pk).protective_review_due_on == datetime.date(2027, 2, 28)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Risk.objects.filter(pk=plain.pk).update(is_protective_measure=True)
