"""A plan period's yearly review: due twelve months after the period started (29 February gives
28 February), listed from 30 days before, late from the day after, until a newer period is
established; set when the period is made."""

import datetime

import pytest

from rodtrad.followup import services as followup
from rodtrad.plans import services as plans
from rodtrad.plans.models import PlanPeriod

from ...due_data import DAY, dashboard, establish, established, overview
from ...followup_data import answered_rows, closing, new_period_decisions

pytestmark = pytest.mark.django_db

STARTS = datetime.date(2024, 2, 29)
DUE = datetime.date(2025, 2, 28)
SOON = datetime.timedelta(days=30)


def test_due_twelve_months_after_the_start_and_late_from_the_day_after(world):
    period = established(world.client, world.unit, world.staff, starts_on=STARTS)
    assert period.review_due_on == DUE
    assert dashboard("arlig-uppfoljning-sen", world.manager, DUE) == []
    assert dashboard("arlig-uppfoljning-snart", world.manager, DUE) == [period]
    assert dashboard("arlig-uppfoljning-sen", world.manager, DUE + DAY) == [period]
    assert dashboard("arlig-uppfoljning-snart", world.manager, DUE + DAY) == []
    (item,) = overview(world.client, DUE, "yearly_review")
    assert (item.due_on, item.overdue) == (DUE, False)
    assert overview(world.client, DUE + DAY, "yearly_review")[0].overdue


def test_listed_from_thirty_days_before(world):
    period = established(world.client, world.unit, world.staff, starts_on=STARTS)
    assert dashboard("arlig-uppfoljning-snart", world.manager, DUE - SOON - DAY) == []
    assert overview(world.client, DUE - SOON - DAY, "yearly_review") == []
    assert dashboard("arlig-uppfoljning-snart", world.manager, DUE - SOON) == [period]
    assert overview(world.client, DUE - SOON, "yearly_review")[0].due_on == DUE


def test_a_draft_is_not_due_and_the_new_period_has_its_own_date(world):
    draft = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2020, 1, 1))
    assert dashboard("arlig-uppfoljning-sen", world.manager, datetime.date(2026, 1, 1)) == []
    period = establish(draft, world.staff)
    review = followup.start_review(period, user=world.staff)
    review = followup.save_review(
        review, user=world.staff, expected_version=review.version, fields=closing(), rows=answered_rows(period)
    )
    review = followup.finish_review(review, user=world.staff)
    new = followup.start_new_period(review, user=world.staff, **new_period_decisions(period))
    assert new.review_due_on == datetime.date(2028, 2, 1)
    # Until the new period is established, the old one stays due.
    assert dashboard("arlig-uppfoljning-sen", world.manager, datetime.date(2027, 3, 1)) == [period]
    establish(PlanPeriod.objects.get(pk=new.pk), world.staff)
    assert dashboard("arlig-uppfoljning-sen", world.manager, datetime.date(2027, 3, 1)) == []
