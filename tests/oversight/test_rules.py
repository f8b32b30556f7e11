"""Every rule of the dashboard: what it counts and for whom. The limits of the rules with a due date
are tested with their modules, through the services that set the dates (tests/clients/due/,
tests/plans/due/, tests/journal/due/)."""

import datetime

import pytest

from rodtrad.accounts.models import Membership
from rodtrad.followup.models import Answer
from rodtrad.oversight.models import LogReview
from rodtrad.plans import services as plans
from rodtrad.plans.models import PlanPeriod

from .. import plan_data
from ..factories import (
    ConsentFactory,
    EntryFactory,
    GoalFollowUpFactory,
    MembershipFactory,
    OrderFactory,
    client_at,
    end_orders,
)
from .conftest import add_goal, established_period, found, manager_scope, noon, staff_scope

DAY = datetime.timedelta(days=1)


@pytest.fixture
def order(world):
    return world.client.orders.get()


def at(world, day):
    return manager_scope(world.manager, day)


# First plan ------------------------------------------------------------------------------------


def test_a_client_whose_order_needs_a_plan_counts_until_a_period_is_established(world, day):
    assert found("forsta-plan-saknas", at(world, day)) == [world.client]
    period = established_period(world.client, world.unit)
    PlanPeriod.objects.filter(pk=period.pk).update(status=PlanPeriod.Status.DRAFT)
    assert found("forsta-plan-saknas", at(world, day)) == [world.client]
    PlanPeriod.objects.filter(pk=period.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    assert found("forsta-plan-saknas", at(world, day)) == []


def test_an_established_plan_at_another_unit_does_not_count_for_this_one(world, day):
    OrderFactory(client=world.client, unit=world.other_unit)
    established_period(world.client, world.other_unit)
    assert found("forsta-plan-saknas", at(world, day)) == [world.client]


def test_an_ended_order_needs_no_first_plan(world, order, day):
    end_orders(world.client, day - DAY)
    assert found("forsta-plan-saknas", at(world, day)) == []


# Yearly review ---------------------------------------------------------------------------------


def test_only_the_newest_established_period_of_a_plan_is_reviewed(world):
    established_period(world.client, world.unit, starts_on=datetime.date(2024, 11, 1))
    newer = established_period(world.client, world.unit, starts_on=datetime.date(2025, 11, 1))
    assert found("arlig-uppfoljning-sen", at(world, datetime.date(2026, 11, 2))) == [newer]
    draft = established_period(world.client, world.unit, starts_on=datetime.date(2026, 11, 2))
    PlanPeriod.objects.filter(pk=draft.pk).update(status=PlanPeriod.Status.DRAFT)
    assert found("arlig-uppfoljning-sen", at(world, datetime.date(2026, 11, 3))) == [newer]


def test_a_closed_case_has_no_review_due(world, order):
    established_period(world.client, world.unit, starts_on=datetime.date(2025, 1, 1))
    end_orders(world.client, datetime.date(2025, 6, 1))
    assert found("arlig-uppfoljning-sen", at(world, datetime.date(2026, 12, 1))) == []


# What an established period lacks ---------------------------------------------------------------


def test_an_established_period_without_a_goal_counts_unless_goals_were_declined(world, day):
    period = established_period(world.client, world.unit, goal=False)
    assert found("plan-utan-mal", at(world, day)) == [period]
    PlanPeriod.objects.filter(pk=period.pk).update(declined_goals_reason="   ")
    assert found("plan-utan-mal", at(world, day)) == [period]
    PlanPeriod.objects.filter(pk=period.pk).update(declined_goals_reason="Elsa vill inte ha mål just nu.")
    assert found("plan-utan-mal", at(world, day)) == []
    PlanPeriod.objects.filter(pk=period.pk).update(declined_goals_reason="", declined_participation_reason="Trött.")
    assert found("plan-utan-mal", at(world, day)) == []
    PlanPeriod.objects.filter(pk=period.pk).update(declined_participation_reason="")
    add_goal(period)
    assert found("plan-utan-mal", at(world, day)) == []


def test_an_established_period_without_a_risk_assessment_counts(world, day):
    period = established_period(world.client, world.unit, assessed_on=False)
    assert found("plan-utan-riskbedomning", at(world, day)) == [period]
    complete = established_period(world.client, world.unit, starts_on=datetime.date(2026, 4, 1))
    assert found("plan-utan-riskbedomning", at(world, day)) == []
    assert complete.risk_assessment


def test_an_established_period_must_say_how_the_client_took_part_or_declined(world, day):
    period = established_period(world.client, world.unit, participation=" \n")
    assert found("plan-utan-delaktighet", at(world, day)) == [period]
    PlanPeriod.objects.filter(pk=period.pk).update(declined_participation_reason="Ville inte delta, var trött.")
    assert found("plan-utan-delaktighet", at(world, day)) == []


def test_a_child_is_under_18_until_the_eighteenth_birthday(world, day):
    period = established_period(world.client, world.unit, child_views="Leo vill spela fotboll.")
    eighteen_today = day.replace(year=day.year - 18)
    type(world.client).objects.filter(pk=world.client.pk).update(date_of_birth=eighteen_today)
    assert found("barn-utan-barnperspektiv", at(world, day)) == []
    type(world.client).objects.filter(pk=world.client.pk).update(date_of_birth=eighteen_today + DAY)
    assert found("barn-utan-barnperspektiv", at(world, day)) == [period]
    PlanPeriod.objects.filter(pk=period.pk).update(child_best_interest="Leos trygghet vägdes in.")
    assert found("barn-utan-barnperspektiv", at(world, day)) == []


# Goals ----------------------------------------------------------------------------------------


def test_a_met_goal_and_the_goals_of_a_draft_period_are_not_due(world, day):
    period = established_period(world.client, world.unit, goal=False)
    goal = add_goal(period)
    GoalFollowUpFactory(goal=goal, answer=Answer.FULLY, next_follow_up_on=None)
    draft = plans.add_period(period.plan, starts_on=datetime.date(2026, 11, 1), previous=period)
    plans.save_period(draft, {"follow_up_planned_on": day - DAY}, expected_version=draft.version)
    plans.add_goal(plan_data.add_item(draft), **plan_data.goal_fields(by_when=day - DAY))
    assert found("mal-att-folja-upp", at(world, day)) == []


# Journal ---------------------------------------------------------------------------------------


def test_a_draft_counts_when_unsigned_for_more_than_three_days(world, day):
    started = noon(day) - datetime.timedelta(days=3)
    draft = EntryFactory(client=world.client, author=world.staff)
    draft.created_at = started + datetime.timedelta(minutes=1)
    draft.save(update_fields=["created_at"])
    assert found("osignerade-utkast", at(world, day)) == []
    draft.created_at = started - datetime.timedelta(minutes=1)
    draft.save(update_fields=["created_at"])
    assert found("osignerade-utkast", at(world, day)) == [draft]


def test_a_staff_members_to_do_has_only_their_own_drafts(world, day):
    colleague = MembershipFactory(unit=world.unit).user
    mine = EntryFactory(client=world.client, author=world.staff)
    theirs = EntryFactory(client=world.client, author=colleague)
    for draft in (mine, theirs):
        draft.created_at = noon(day) - datetime.timedelta(days=5)
        draft.save(update_fields=["created_at"])
    assert found("osignerade-utkast", staff_scope(world.staff, day)) == [mine]
    assert set(found("osignerade-utkast", at(world, day))) == {mine, theirs}


# Consents and risks ----------------------------------------------------------------------------


def test_a_withdrawn_consent_is_not_reviewed(world, day):
    ConsentFactory(client=world.client, recorded_by=world.staff, given_on=day.replace(year=2020), withdrawn_on=day)
    assert found("samtycken-att-folja-upp", at(world, day)) == []


# Closed cases ----------------------------------------------------------------------------------


def test_the_file_is_a_managers_task_and_not_on_a_staff_to_do(world, order):
    from rodtrad.oversight.catalogue import rules_for

    keys = {rule.key for rule in rules_for(staff_scope(world.staff, datetime.date(2026, 12, 1)))}
    assert "akt-ej-skickad" not in keys
    assert "forsta-plan-saknas" in keys


# The audit log review --------------------------------------------------------------------------


def test_the_audit_log_counts_as_reviewed_for_the_calendar_month_of_the_review(world):
    from rodtrad.oversight.rules import units_without_log_review

    today = datetime.date(2026, 12, 10)
    review = LogReview.objects.create(
        unit=world.unit,
        reviewed_by=world.manager,
        reviewed_at=noon(datetime.date(2026, 11, 30)).replace(hour=23, minute=59),
    )
    assert list(units_without_log_review(at(world, today))) == [world.unit]
    LogReview.objects.create(
        unit=world.unit,
        reviewed_by=world.manager,
        reviewed_at=noon(datetime.date(2026, 12, 1)).replace(hour=0, minute=0),
    )
    assert list(units_without_log_review(at(world, today))) == []
    assert review.reviewed_by == world.manager


# Whose data ------------------------------------------------------------------------------------


def test_nothing_of_another_units_clients_is_counted(world, day):
    established_period(world.other_client, world.other_unit, goal=False, assessed_on=False)
    for key in ("forsta-plan-saknas", "manadsanteckning-saknas"):
        assert world.other_client not in found(key, at(world, day))
    assert found("plan-utan-mal", at(world, day)) == []
    assert found("plan-utan-riskbedomning", at(world, day)) == []


def test_one_unit_of_a_manager_counts_only_its_own_clients(world, day):
    MembershipFactory(unit=world.other_unit, user=world.manager, role=Membership.Role.MANAGER)
    assert set(found("forsta-plan-saknas", at(world, day))) == {world.client, world.other_client}
    only_this = manager_scope(world.manager, day, unit=world.unit)
    assert found("forsta-plan-saknas", only_this) == [world.client]


def test_a_staff_to_do_covers_only_the_clients_they_are_contact_person_for(world, day):
    from rodtrad.clients.models import ContactPerson

    second = client_at(world.unit, first_name="Jonas", last_name="Öhman")
    assert found("forsta-plan-saknas", staff_scope(world.staff, day)) == []
    ContactPerson.objects.create(client=second, user=world.staff)
    assert found("forsta-plan-saknas", staff_scope(world.staff, day)) == [second]
