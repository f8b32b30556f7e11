from django.utils import timezone

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.followup import services
from rodtrad.followup.models import Answer, GoalFollowUp, Review
from rodtrad.journal.models import Category, Entry
from rodtrad.plans.models import PlanPeriod

from ..factories import GoalFollowUpFactory
from ..followup_data import DAY, new_period_decisions, record


def base(world):
    return f"/brukare/{world.client.pk}/uppfoljning/"


def follow_up_data(**overrides):
    today = timezone.localdate()
    return {
        "followed_up_on": today.isoformat(),
        "answer": "partly",
        "comment": "Elsa har lagat middag varannan vecka.",
        "next_follow_up_on": (today + 90 * DAY).isoformat(),
        "with_client": "on",
    } | overrides


def test_the_goal_page_shows_the_question_and_the_guiding_questions(goal, world, as_user):
    body = as_user(world.staff).get(f"{base(world)}mal/{goal.pk}/").content.decode()
    assert "Har målet uppfyllts?" in body
    assert "Behövs mer tid med samma mål och metod?" in body
    assert 'aria-describedby="guiding-questions' in body
    for answer in ("Helt", "Delvis", "Nej"):
        assert f'">{answer}</label>' in body
    assert "Ej aktuellt" not in body


def test_following_up_a_goal_records_it_and_the_access(goal, world, as_user):
    response = as_user(world.staff).post(f"{base(world)}mal/{goal.pk}/", follow_up_data())
    assert response.status_code == 302
    assert response["Location"] == f"{base(world)}#goal-{goal.pk}"
    done = GoalFollowUp.objects.get()
    assert (done.answer, done.recorded_by, done.with_client) == (Answer.PARTLY, world.staff, True)
    assert AccessEvent.objects.filter(action=Action.CREATE, object_id=str(goal.pk), user=world.staff).exists()


def test_a_rejected_follow_up_says_why_in_swedish_and_keeps_the_text(goal, world, as_user):
    data = follow_up_data(next_follow_up_on="", with_client="", comment="Elsa vill fortsätta med samma mål.")
    response = as_user(world.staff).post(f"{base(world)}mal/{goal.pk}/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ange datum för nästa uppföljning: målet är inte uppfyllt ännu." in body
    assert "Välj minst ett sätt som uppföljningen gjordes på." in body
    assert "Elsa vill fortsätta med samma mål." in body
    assert 'value="partly" id="id_answer_1" required checked' in body
    assert not GoalFollowUp.objects.exists()


def test_a_goal_of_a_draft_period_is_shown_but_not_followed_up(complete_period, world, as_user):
    goal = complete_period.items.get().goals.get()
    browser = as_user(world.staff)
    assert "Mål följs upp i en fastställd planperiod." in browser.get(f"{base(world)}mal/{goal.pk}/").content.decode()
    assert browser.post(f"{base(world)}mal/{goal.pk}/", follow_up_data()).status_code == 403
    assert not GoalFollowUp.objects.exists()


def test_a_plan_item_without_goals_is_followed_up_as_not_applicable(goalless_item, world, as_user):
    browser = as_user(world.staff)
    body = browser.get(f"{base(world)}insats/{goalless_item.pk}/").content.decode()
    assert "Hur upplever brukaren att stödet fungerar?" in body
    data = {"followed_up_on": timezone.localdate().isoformat(), "comment": "Fungerar.", "from_journal": "on"}
    assert browser.post(f"{base(world)}insats/{goalless_item.pk}/", data).status_code == 302
    assert GoalFollowUp.objects.get().answer == Answer.NOT_APPLICABLE


def test_the_follow_up_page_lists_goals_with_their_latest_follow_up(goal, world, as_user):
    as_user(world.staff).post(f"{base(world)}mal/{goal.pk}/", follow_up_data())
    body = as_user(world.staff).get(base(world)).content.decode()
    assert "Senaste uppföljning" in body
    assert "<strong>Delvis</strong>" in body
    assert "Morgonrutin" in body  # the plan item without goals


def review_url(world, period, suffix=""):
    return f"{base(world)}period/{period.pk}/{suffix}"


def review_data(review, rows, **overrides):
    data = {
        "version": review.version,
        "with_client": "on",
        "participants": "Elsa Lindqvist; Maria Berg, kontaktman",
        "summary": "Stödet fungerar bra.",
        "assessment": "Inga nya behov.",
        "goals_summary": "Det går bra.",
        "action_needs": "Inga.",
        "needs_changed": "no",
        "confirm_documentation": "on",
    }
    for row in rows:
        if row.goal:
            data[f"{row.prefix}-answer"] = "partly"
        data[f"{row.prefix}-comment"] = f"Om {row.item.title}."
    return data | overrides


def test_the_follow_up_document_is_added_from_the_review_page(established, world, as_user):
    browser = as_user(world.staff)
    body = browser.get(review_url(world, established)).content.decode()
    assert "Inget uppföljningsdokument ännu" in body
    assert browser.post(review_url(world, established, "lagg-till/")).status_code == 302
    assert Review.objects.get(period=established).started_by == world.staff


def test_the_review_links_the_journal_period_summary_for_the_period(review, established, world, as_user):
    body = as_user(world.staff).get(review_url(world, established)).content.decode()
    today = timezone.localdate().isoformat()
    summary = (
        f"/brukare/{world.client.pk}/journal/sammanfattning/?fran={established.starts_on.isoformat()}&amp;till={today}"
    )
    assert summary in body


def test_saving_and_finishing_the_review_writes_the_journal_entry(review, established, world, as_user):
    browser = as_user(world.staff)
    rows = services.review_rows(established)
    response = browser.post(review_url(world, established), review_data(review, rows, action="finish"))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.is_finished
    entry = Entry.objects.get(category=Category.FOLLOW_UP)
    assert "Deltog: Elsa Lindqvist; Maria Berg, kontaktman." in entry.text
    body = browser.get(review_url(world, established)).content.decode()
    assert "Lägg till ny planperiod" in body
    assert f"/journal/{entry.pk}/" in body
    assert AccessEvent.objects.filter(action=Action.UPDATE, user=world.staff, object_id=str(established.pk)).exists()


def test_finishing_what_is_incomplete_saves_the_text_and_lists_what_is_missing(review, established, world, as_user):
    data = review_data(review, [], summary="Stödet fungerar bra, skriver Pia.", needs_changed="", action="finish")
    response = as_user(world.staff).post(review_url(world, established), data)
    body = response.content.decode()
    assert response.status_code == 422
    assert "Allt du skrev är sparat" in body
    assert "Om brukarens behov har förändrats." in body
    assert "Stödet fungerar bra, skriver Pia." in body
    review.refresh_from_db()
    assert (review.summary, review.is_finished) == ("Stödet fungerar bra, skriver Pia.", False)


def test_a_stale_save_of_the_review_is_refused_and_keeps_the_text(review, established, world, as_user):
    opened = review.version
    as_user(world.staff).post(review_url(world, established), review_data(review, [], version=opened))
    response = as_user(world.manager).post(
        review_url(world, established), review_data(review, [], version=opened, summary="Chefens egen text")
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Någon annan sparade uppföljningen medan du skrev" in body
    assert "Chefens egen text" in body
    review.refresh_from_db()
    assert review.summary == "Stödet fungerar bra."


def test_changed_needs_without_the_case_officer_date_cannot_be_finished(review, established, world, as_user):
    rows = services.review_rows(established)
    data = review_data(review, rows, needs_changed="yes", action="finish")
    body = as_user(world.staff).post(review_url(world, established), data).content.decode()
    assert "Behoven har förändrats: när handläggaren informerades." in body
    future = (timezone.localdate() + DAY).isoformat()
    review.refresh_from_db()
    data = review_data(review, rows, needs_changed="yes", case_officer_told_on=future)
    body = as_user(world.staff).post(review_url(world, established), data).content.decode()
    assert "Handläggaren kan inte ha informerats i framtiden." in body


def test_a_finished_review_is_read_only(finished_review, established, world, as_user):
    response = as_user(world.staff).post(review_url(world, established), {"version": finished_review.version})
    assert response.status_code == 403


def test_the_new_period_page_shows_the_checklist_and_adds_the_period(
    finished_review, established, goal, world, as_user
):
    browser = as_user(world.staff)
    body = browser.get(review_url(world, established, "ny-period/")).content.decode()
    assert "Är brukarens kontaktuppgifter aktuella?" in body
    assert "Har du frågat brukaren om samtyckena fortfarande gäller?" in body
    data = {
        "starts_on": timezone.localdate().isoformat(),
        f"goal_{goal.pk}": "continue",
        f"by_when_{goal.pk}": (timezone.localdate() + 180 * DAY).isoformat(),
        **{f"carry_{item.pk}": "on" for item in established.items.all()},
    }
    response = browser.post(review_url(world, established, "ny-period/"), data)
    assert response.status_code == 200
    assert "Bekräfta det här innan den nya perioden läggs till." in response.content.decode()
    for key in ("client_contact", "contacts", "contact_person", "items_clear", "door", "consents"):
        data[f"confirm_{key}"] = "on"
    response = browser.post(review_url(world, established, "ny-period/"), data)
    new = PlanPeriod.objects.get(previous=established)
    assert response["Location"] == f"/brukare/{world.client.pk}/plan/{new.pk}/"
    assert new.items.count() == 2


def test_no_new_period_before_the_review_is_finished(ready_review, established, world, as_user):
    assert as_user(world.staff).get(review_url(world, established, "ny-period/")).status_code == 403


def test_the_replaced_period_shows_as_history_and_refuses_changes(finished_review, established, goal, world, as_user):
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    browser = as_user(world.staff)
    body = browser.get(f"/brukare/{world.client.pk}/plan/{established.pk}/").content.decode()
    assert "kan inte längre ändras" in body
    assert f"/insatser/{goal.item.pk}/" not in body
    edit = f"/brukare/{world.client.pk}/plan/{established.pk}/insatser/{goal.item.pk}/"
    assert browser.post(edit, {"title": "Ny", "reason": "x"}).status_code == 403
    assert browser.post(f"{base(world)}mal/{goal.pk}/", follow_up_data()).status_code == 403
    body = browser.get(f"/brukare/{world.client.pk}/plan/{new.pk}/").content.decode()
    assert "En ny period efter den årliga uppföljningen" in body


def test_the_follow_up_page_runs_a_fixed_number_of_queries(goal, world, as_user, django_assert_max_num_queries):
    browser = as_user(world.staff)
    for _number in range(3):
        record(goal, world.staff, today=timezone.localdate())
    with django_assert_max_num_queries(15):
        assert browser.get(base(world)).status_code == 200


def test_the_new_period_checklist_shows_the_previous_risk_assessment(finished_review, established, world, as_user):
    body = as_user(world.staff).get(review_url(world, established, "ny-period/")).content.decode()
    assert "Den förra är från 5 november 2026." in body


def test_the_review_shows_each_goals_follow_up_before_it(review, established, goal, world, as_user):
    record(goal, world.staff, today=timezone.localdate(), comment="Elsa ville inte laga mat i november.")
    body = as_user(world.staff).get(review_url(world, established)).content.decode()
    assert "Senaste uppföljningen före den här" in body
    assert "Elsa ville inte laga mat i november." in body


def test_a_goal_past_its_follow_up_date_is_marked_late(goal, world, as_user):
    body = as_user(world.staff).get(base(world)).content.decode()
    assert 'badge--late">Sen</span>' not in body
    GoalFollowUpFactory(
        goal=goal,
        recorded_by=world.staff,
        followed_up_on=timezone.localdate() - 10 * DAY,
        next_follow_up_on=timezone.localdate() - DAY,
    )
    body = as_user(world.staff).get(base(world)).content.decode()
    assert 'badge--late">Sen</span>' in body


def test_the_review_page_runs_a_fixed_number_of_queries(
    review, established, world, as_user, django_assert_max_num_queries
):
    section = established.items.first().section
    for number in range(5):
        item = established.items.create(section=section, title=f"Aktivitet {number}")
        item.goals.create(
            goal_type="develop",
            what="x",
            how_often="y",
            by_when=timezone.localdate(),
            why="z",
            order_goal="-",
            sentence=f"Mål {number}",
        )
    browser = as_user(world.staff)
    with django_assert_max_num_queries(20):
        assert browser.get(review_url(world, established)).status_code == 200
