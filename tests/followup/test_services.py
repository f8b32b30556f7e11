import datetime

import pytest
from django.core.exceptions import ValidationError

from rodtrad.followup import services
from rodtrad.followup.models import Answer, FinalFollowUpError, GoalFollowUp, Review
from rodtrad.followup.queries import current_goals, with_follow_up_state
from rodtrad.journal.models import Category, Entry
from rodtrad.plans import services as plans
from rodtrad.plans.models import Goal, PlanItem, PlanPeriod

from ..followup_data import DAY, TODAY, answered_rows, closing, new_period_decisions, record


def follow_up(goal, world, **data):
    return record(goal, world.staff, **data)


def errors_of(call):
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.message_dict


# 1. Goal follow-up at any time


def test_a_goal_is_followed_up_any_time_and_keeps_its_history(goal, world):
    first = follow_up(goal, world, followed_up_on=TODAY - 30 * DAY, next_follow_up_on=TODAY)
    second = follow_up(goal, world, answer=Answer.NO, comment="Elsa har inte lagat mat i januari.")
    assert services.history(goal.item, goal) == [second, first]
    state = with_follow_up_state(Goal.objects.filter(pk=goal.pk)).get()
    assert (state.latest_answer, state.latest_followed_up_on, state.follow_up_due_on) == (
        Answer.NO,
        TODAY,
        TODAY + 90 * DAY,
    )


def test_goals_of_a_draft_period_are_not_followed_up(complete_period, world):
    goal = Goal.objects.get(item__period=complete_period)
    with pytest.raises(services.ReadOnlyFollowUp):
        follow_up(goal, world)
    assert not GoalFollowUp.objects.exists()


def test_the_comment_is_required(goal, world):
    assert "comment" in errors_of(lambda: follow_up(goal, world, comment="  "))


def test_a_goal_not_yet_met_needs_the_date_of_its_next_follow_up(goal, world):
    for answer in (Answer.PARTLY, Answer.NO):
        errors = errors_of(lambda answer=answer: follow_up(goal, world, answer=answer, next_follow_up_on=None))
        assert "Ange datum för nästa uppföljning" in errors["next_follow_up_on"][0]


def test_a_met_goal_may_have_no_next_date_and_is_then_never_due(goal, world):
    follow_up(goal, world, answer=Answer.FULLY, next_follow_up_on=None)
    assert with_follow_up_state(Goal.objects.filter(pk=goal.pk)).get().follow_up_due_on is None


def test_dates_of_a_follow_up_must_make_sense(goal, world, established):
    assert "followed_up_on" in errors_of(lambda: follow_up(goal, world, followed_up_on=TODAY + DAY))
    before_start = established.starts_on - DAY
    assert "followed_up_on" in errors_of(lambda: follow_up(goal, world, followed_up_on=before_start))
    assert "next_follow_up_on" in errors_of(lambda: follow_up(goal, world, next_follow_up_on=TODAY))
    assert "next_follow_up_on" in errors_of(lambda: follow_up(goal, world, next_follow_up_on=TODAY + 400 * DAY))


def test_how_it_was_done_is_required_and_others_asked_are_named(goal, world):
    assert "with_client" in errors_of(lambda: follow_up(goal, world, with_client=False))
    errors = errors_of(lambda: follow_up(goal, world, with_client=False, with_colleagues=True))
    assert "participants" in errors


def test_a_plan_item_without_goals_is_followed_up_as_not_applicable(goalless_item, goal, world):
    done = services.record_follow_up(
        goalless_item, user=world.staff, today=TODAY, comment="Morgonrutinen fungerar.", from_journal=True
    )
    assert (done.answer, done.goal) == (Answer.NOT_APPLICABLE, None)
    with pytest.raises(ValueError):
        services.record_follow_up(goal.item, user=world.staff, today=TODAY, comment="x", with_client=True)
    assert "answer" in errors_of(lambda: follow_up(goal, world, answer=Answer.NOT_APPLICABLE))


def test_a_recorded_follow_up_never_changes(goal, world):
    done = follow_up(goal, world)
    done.comment = "Ändrad i efterhand"
    with pytest.raises(FinalFollowUpError):
        done.save()


# 2. The yearly review


def test_the_follow_up_document_is_added_once(established, world):
    first = services.start_review(established, user=world.staff)
    assert services.start_review(established, user=world.manager) == first
    assert Review.objects.get().started_by == world.staff


def test_a_draft_period_gets_no_review(complete_period, world):
    with pytest.raises(services.ReadOnlyFollowUp):
        services.start_review(complete_period, user=world.staff)


def test_the_review_has_a_row_for_each_goal_and_each_item_without_one(established, goal, goalless_item):
    # In the order of the plan's sections: Vanor och rutiner comes before Måltidssituation.
    assert [(row.item, row.goal) for row in services.review_rows(established)] == [
        (goalless_item, None),
        (goal.item, goal),
    ]


def test_a_stale_save_of_the_review_is_refused_and_saves_nothing(review, world):
    opened = review.version
    services.save_review(review, user=world.staff, expected_version=opened, fields={"summary": "Först"})
    with pytest.raises(services.StaleReview):
        services.save_review(review, user=world.manager, expected_version=opened, fields={"summary": "Sen"})
    review.refresh_from_db()
    assert review.summary == "Först"


def test_rows_are_saved_with_the_goal_answer_and_not_applicable_for_items_without_goals(review, established, world):
    services.save_review(
        review, user=world.staff, expected_version=review.version, fields={}, rows=answered_rows(established)
    )
    answers = dict(review.follow_ups.values_list("item__title", "answer"))
    assert answers == {"Laga middag": Answer.PARTLY, "Morgonrutin": Answer.NOT_APPLICABLE}


def test_a_row_needs_an_answer_and_a_comment_once_anything_is_written(review, established, goal, world):
    rows = {(goal.item_id, goal.pk): {"answer": "", "comment": "", "changes": "Bildreceptet byts ut."}}
    errors = errors_of(
        lambda: services.save_review(review, user=world.staff, expected_version=review.version, fields={}, rows=rows)
    )
    assert set(errors) == {"answer", "comment"}


def test_finishing_an_incomplete_review_says_what_is_missing(review, world):
    with pytest.raises(services.ReviewIncomplete) as incomplete:
        services.finish_review(review, user=world.staff)
    missing = " ".join(incomplete.value.missing)
    assert "Uppföljningen av målet" in missing
    assert "ej aktuellt" in missing
    assert "Om brukarens behov har förändrats" in missing
    assert "Hur uppföljningen gjordes" in missing
    assert "läst dokumentationen" in missing
    assert not Review.objects.get().is_finished


def test_changed_needs_require_when_the_case_officer_was_told(ready_review, world):
    review = services.save_review(
        ready_review, user=world.staff, expected_version=ready_review.version, fields={"needs_changed": True}
    )
    with pytest.raises(services.ReviewIncomplete) as incomplete:
        services.finish_review(review, user=world.staff)
    assert incomplete.value.missing == ["Behoven har förändrats: när handläggaren informerades."]
    future = {"needs_changed": True, "case_officer_told_on": TODAY + DAY}
    errors = errors_of(
        lambda: services.save_review(
            review, user=world.staff, expected_version=review.version, fields=future, today=TODAY
        )
    )
    assert "case_officer_told_on" in errors
    told = {"needs_changed": True, "case_officer_told_on": TODAY}
    review = services.save_review(review, user=world.staff, expected_version=review.version, fields=told, today=TODAY)
    services.finish_review(review, user=world.staff)
    assert "handläggaren informerades 1 februari 2027" in Entry.objects.get(category=Category.FOLLOW_UP).text


def test_a_date_for_the_case_officer_without_changed_needs_is_refused(review, world):
    fields = {"needs_changed": False, "case_officer_told_on": TODAY}
    errors = errors_of(
        lambda: services.save_review(review, user=world.staff, expected_version=review.version, fields=fields)
    )
    assert "case_officer_told_on" in errors


def test_finishing_writes_a_journal_entry_with_who_took_part_and_freezes_the_review(ready_review, world):
    review = services.finish_review(ready_review, user=world.staff)
    entry = review.journal_entry
    assert (entry.category, entry.author, entry.is_signed) == (Category.FOLLOW_UP, world.staff, True)
    assert "Deltog: Elsa Lindqvist; Maria Berg, kontaktman." in entry.text
    assert f"Avslutad av {world.staff.name_with_title}." in entry.text
    assert "samtal med brukaren" in entry.text
    assert "Brukarens behov är oförändrade." in entry.text
    with pytest.raises(services.ReadOnlyFollowUp):
        services.save_review(review, user=world.staff, expected_version=review.version, fields={"summary": "Ny"})
    with pytest.raises(services.ReadOnlyFollowUp):
        services.finish_review(review, user=world.staff)
    row = review.follow_ups.first()
    row.comment = "Ändrad"
    with pytest.raises(FinalFollowUpError):
        row.save()


def test_the_rows_of_a_finished_review_say_how_the_review_was_done(finished_review):
    assert set(finished_review.follow_ups.values_list("with_client", "participants")) == {
        (True, "Elsa Lindqvist; Maria Berg, kontaktman")
    }


# 3. The new period


def test_a_new_period_needs_a_finished_review(ready_review, established, world):
    with pytest.raises(services.ReadOnlyFollowUp):
        services.start_new_period(ready_review, user=world.staff, **new_period_decisions(established))


def test_the_new_period_is_a_draft_with_a_new_date_and_the_plan_items_carried_over(
    finished_review, established, goal, world
):
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    assert (new.status, new.starts_on, new.previous, new.plan) == (
        PlanPeriod.Status.DRAFT,
        TODAY,
        established,
        established.plan,
    )
    carried = {item.carried_from: item for item in new.items.all()}
    assert set(carried) == set(established.items.all())
    assert carried[goal.item].how_wanted == goal.item.how_wanted
    (continued,) = Goal.objects.filter(item__period=new)
    assert (continued.carried_from, continued.item, continued.sentence) == (goal, carried[goal.item], goal.sentence)
    finished_review.refresh_from_db()
    assert finished_review.new_period_started_by == world.staff
    assert "door" in finished_review.new_period_confirmed


def test_how_the_plan_was_made_the_risk_assessment_and_the_signature_start_empty(finished_review, established, world):
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    assert (new.planning_date, new.participation, new.participants, new.signature_method) == (None, "", "", "")
    assert not hasattr(PlanPeriod.objects.get(pk=new.pk), "risk_assessment")


def test_a_continued_goal_whose_date_has_passed_gets_a_new_one(finished_review, established, goal, world):
    Goal.objects.filter(pk=goal.pk).update(
        by_when=datetime.date(2027, 1, 15), sentence="Laga middag själv, senast 15 januari 2027."
    )
    decisions = new_period_decisions(established, by_when={goal.pk: datetime.date(2027, 1, 15)})
    errors = errors_of(lambda: services.start_new_period(finished_review, user=world.staff, **decisions))
    assert f"by_when_{goal.pk}" in errors
    decisions["by_when"] = {goal.pk: datetime.date(2027, 9, 1)}
    new = services.start_new_period(finished_review, user=world.staff, **decisions)
    continued = Goal.objects.get(item__period=new)
    assert (continued.by_when, continued.sentence) == (
        datetime.date(2027, 9, 1),
        "Laga middag själv, senast 1 september 2027.",
    )


def test_a_met_goal_becomes_a_way_of_working_in_its_plan_item(review, established, goal, world):
    review = services.save_review(
        review,
        user=world.staff,
        expected_version=review.version,
        fields=closing(),
        rows=answered_rows(established, answer=Answer.FULLY),
    )
    review = services.finish_review(review, user=world.staff)
    decisions = new_period_decisions(established, choices={goal.pk: "way_of_working"})
    new = services.start_new_period(review, user=world.staff, **decisions)
    item = new.items.get(carried_from=goal.item)
    assert not item.goals.exists()
    assert item.way_of_working == (
        "Från målet som uppnåddes förra perioden: Laga middag själv två gånger i veckan, med bildrecept. "
        "Det är viktigt eftersom hon vill bjuda sin mamma på mat."
    )


def test_only_a_met_goal_becomes_a_way_of_working(finished_review, established, goal, world):
    decisions = new_period_decisions(established, choices={goal.pk: "way_of_working"})
    errors = errors_of(lambda: services.start_new_period(finished_review, user=world.staff, **decisions))
    assert f"goal_{goal.pk}" in errors


def test_plan_items_no_longer_current_are_left_behind_with_their_goals(
    finished_review, established, goal, goalless_item, world
):
    kept = new_period_decisions(established, carried={goalless_item.pk})
    assert f"goal_{goal.pk}" in errors_of(lambda: services.start_new_period(finished_review, user=world.staff, **kept))
    decisions = new_period_decisions(established, carried={goalless_item.pk}, choices={goal.pk: "end"})
    new = services.start_new_period(finished_review, user=world.staff, **decisions)
    assert [item.carried_from for item in new.items.all()] == [goalless_item]


def test_the_new_period_needs_a_sensible_date_and_the_checklist_confirmed(finished_review, established, world):
    for starts_on in (None, established.starts_on, TODAY + 100 * DAY):
        decisions = new_period_decisions(established, starts_on=starts_on)
        assert "starts_on" in errors_of(
            lambda d=decisions: services.start_new_period(finished_review, user=world.staff, **d)
        )
    decisions = new_period_decisions(established, confirmed=["door"])
    errors = errors_of(lambda: services.start_new_period(finished_review, user=world.staff, **decisions))
    assert {"confirm_client_contact", "confirm_consents"} <= set(errors)
    assert not PlanPeriod.objects.filter(previous=established).exists()


def test_after_the_new_period_the_old_period_and_its_follow_up_cannot_change(finished_review, established, goal, world):
    services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    with pytest.raises(plans.ReadOnlyPeriod):
        plans.change_item(goal.item, {"title": "Ny titel"}, reason="Ändrat")
    with pytest.raises(services.ReadOnlyFollowUp):
        follow_up(goal, world)
    with pytest.raises(services.ReadOnlyFollowUp):
        services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    assert PlanItem.objects.get(pk=goal.item_id).title == "Laga middag"
    assert not current_goals(Goal.objects.filter(pk=goal.pk)).exists()


def test_a_carried_goal_keeps_its_history(finished_review, established, goal, world):
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    plan_item = new.items.get(carried_from=goal.item)
    continued = plan_item.goals.get()
    assert [follow_up.review for follow_up in services.history(plan_item, continued)] == [finished_review]


def test_a_finished_review_refuses_changes_through_the_model_too(finished_review):
    finished_review.summary = "Ändrad i efterhand"
    with pytest.raises(FinalFollowUpError):
        finished_review.save()
