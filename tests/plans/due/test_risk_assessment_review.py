"""A risk assessment's review: a year after it was made, counted from that day; set when the
assessment is saved."""

import datetime

import pytest

from rodtrad.plans import services as plans

from ...due_data import DAY, dashboard, establish

pytestmark = pytest.mark.django_db

ASSESSED = datetime.date(2025, 12, 10)
DUE = datetime.date(2026, 12, 10)


def test_due_a_year_after_the_assessment(world):
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2025, 12, 1))
    period = establish(period, world.staff, assessed_on=ASSESSED)
    assert period.risk_assessment.review_due_on == DUE
    assert dashboard("riskbedomningar-aldre-an-ett-ar", world.manager, DUE - DAY) == []
    assert dashboard("riskbedomningar-aldre-an-ett-ar", world.manager, DUE) == [period.risk_assessment]


def test_a_new_date_of_the_assessment_moves_its_review(world):
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2025, 12, 1))
    plans.save_risk_assessment(period, assessed_on=ASSESSED, no_risks_identified=True, no_risks_grounds="Inga.")
    assessment = plans.save_risk_assessment(
        period, assessed_on=datetime.date(2026, 2, 28), no_risks_identified=True, no_risks_grounds="Inga."
    )
    assert assessment.review_due_on == datetime.date(2027, 2, 28)
