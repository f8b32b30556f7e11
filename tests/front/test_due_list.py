import datetime

from django.utils import timezone

from rodtrad.clients import services_register
from rodtrad.followup import services as followup
from rodtrad.front import due_list as due
from rodtrad.plans import services as plans

from .. import plan_data
from ..factories import ConsentFactory, GoalFollowUpFactory
from ..followup_data import answered_rows, closing, new_period_decisions


def items_on(world, today, *rules):
    """The overview's items on `today`, of the rules named (all when none is)."""
    items = due.due_for(world.client, due.load(world.client), today=today)
    return [item for item in items if not rules or item.rule in rules]


def test_the_first_plan_is_late_the_day_after_the_units_deadline(world):
    order = world.client.orders.get()
    deadline = order.valid_from + datetime.timedelta(days=world.unit.first_plan_days)
    (on_time,) = items_on(world, deadline, "first_plan")
    (late,) = items_on(world, deadline + datetime.timedelta(days=1), "first_plan")
    assert (on_time.due_on, on_time.overdue) == (deadline, False)
    assert late.overdue


def test_the_yearly_review_shows_from_thirty_days_before_and_is_late_after_twelve_months(world):
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 1, 15))
    plan_data.make_complete(period, plan_data.add_item(period), planning_date=datetime.date(2026, 1, 15))
    plans.establish(period, user=world.staff)
    assert items_on(world, datetime.date(2026, 12, 15), "yearly_review") == []
    (warning,) = items_on(world, datetime.date(2026, 12, 16), "yearly_review")
    assert (warning.due_on, warning.overdue) == (datetime.date(2027, 1, 15), False)
    (due_today,) = items_on(world, datetime.date(2027, 1, 15), "yearly_review")
    assert not due_today.overdue
    (late,) = items_on(world, datetime.date(2027, 1, 16), "yearly_review")
    assert late.overdue


def consent_items(world, today):
    return items_on(world, today, "consent")


def test_a_consent_is_reviewed_with_every_new_plan_period_not_only_yearly(world):
    consent = ConsentFactory(client=world.client, recorded_by=world.staff, given_on=datetime.date(2026, 1, 10))
    assert consent_items(world, datetime.date(2026, 11, 2)) == []

    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 11, 1))
    (with_plan,) = consent_items(world, datetime.date(2026, 11, 2))
    assert (with_plan.due_on, with_plan.overdue) == (datetime.date(2026, 11, 1), False)
    assert consent.scope[:30] in with_plan.text
    # Established without going through the consent: late.
    plan_data.make_complete(period, plan_data.add_item(period), planning_date=datetime.date(2026, 11, 1))
    plans.establish(period, user=world.staff)
    (late,) = consent_items(world, datetime.date(2026, 11, 20))
    assert late.overdue

    services_register.review_consent(consent, reviewed_on=datetime.date(2026, 11, 3), reviewed_by=world.staff)
    assert consent_items(world, datetime.date(2026, 11, 20)) == []
    # And a year after that review it is due again, plan or no plan.
    (yearly,) = consent_items(world, datetime.date(2027, 11, 3))
    assert (yearly.due_on, yearly.overdue) == (datetime.date(2027, 11, 3), False)


def test_the_yearly_review_leads_into_the_follow_up_step_by_step(world):
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 1, 15))
    plan_data.make_complete(period, plan_data.add_item(period), planning_date=datetime.date(2026, 1, 15))
    plans.establish(period, user=world.staff)
    day = datetime.date(2026, 12, 20)
    base = f"/brukare/{world.client.pk}/uppfoljning/period/{period.pk}/"
    (item,) = items_on(world, day, "yearly_review")
    assert (item.text, item.url) == ("Årlig uppföljning av planen på Gruppbostaden Testet", base)
    review = followup.start_review(period, user=world.staff)
    review = followup.save_review(
        review, user=world.staff, expected_version=review.version, fields=closing(), rows=answered_rows(period)
    )
    review = followup.finish_review(review, user=world.staff)
    (item,) = items_on(world, day, "yearly_review")
    assert item.url == base + "ny-period/"
    new = followup.start_new_period(review, user=world.staff, **new_period_decisions(period, starts_on=day, today=day))
    (item,) = items_on(world, day, "yearly_review")
    assert (item.text, item.url, item.due_on) == (
        "Fastställ den nya planperioden på Gruppbostaden Testet",
        f"/brukare/{world.client.pk}/plan/{new.pk}/",
        datetime.date(2027, 1, 15),
    )


def test_a_goal_due_for_follow_up_is_due_for_the_client(world, as_user):
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 1, 15))
    plan_data.make_complete(period, plan_data.add_item(period), planning_date=datetime.date(2026, 1, 15))
    plans.establish(period, user=world.staff)
    goal = period.items.get().goals.get()
    GoalFollowUpFactory(goal=goal, next_follow_up_on=timezone.localdate())
    body = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Följ upp målet: Laga middag själv" in body
    assert f"/brukare/{world.client.pk}/uppfoljning/mal/{goal.pk}/" in body
    assert "<strong>Delvis</strong>" in body  # the goal's latest follow-up, in the plan panel
    GoalFollowUpFactory(goal=goal, next_follow_up_on=timezone.localdate() + datetime.timedelta(days=1))
    body = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Följ upp målet: Laga middag själv" not in body
