"""Follow-up in the synthetic municipality: the yearly review of each period a newer one replaced,
goals followed up during the current period (most on time, some overdue), and the managers'
monthly reviews of the audit log."""

import datetime

from django.utils import timezone

from rodtrad.followup.models import Answer, GoalFollowUp, Review
from rodtrad.lib import dates
from rodtrad.oversight.models import LogReview
from rodtrad.plans.due import goal_follow_up
from rodtrad.plans.models import Goal

from . import bulk, plan_texts
from .text import PRONOUNS

ON_TIME = 0.88
NEW_PERIOD_CONFIRMED = ["client_contact", "consents", "contact_person", "contacts", "door", "items_clear"]


def _at(day, hour=14):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _comment(rng, answer, client):
    return rng.choice(plan_texts.FOLLOW_UP_COMMENTS[answer]).format(n=client.first_name, **PRONOUNS[client.gender])


def _answer(rng):
    return rng.choices((Answer.FULLY, Answer.PARTLY, Answer.NO), weights=(30, 55, 15))[0]


def write(rng, chains, today):
    reviews, reviewed = [], []
    for chain in chains:
        for period in chain:
            if period.established and period.superseded:
                reviews.append(_review(rng, period, period_after(chain, period)))
                reviewed.append(period)
    follow_ups = []
    for period, review in zip(reviewed, bulk.insert(Review, reviews), strict=True):
        follow_ups += _review_rows(rng, period, review)
    for chain in chains:
        current = [p for p in chain if p.established and not p.superseded]
        for period in current:
            follow_ups += _during_period(rng, period, today)
    _goals_followed_up(bulk.insert(GoalFollowUp, follow_ups))


def _goals_followed_up(follow_ups):
    """Each goal followed up is next due when its newest follow-up said (plans/due/goal_follow_up.py)."""
    newest = {}
    for follow_up in follow_ups:
        if follow_up.goal_id is None:
            continue
        found = newest.get(follow_up.goal_id)
        if found is None or (follow_up.followed_up_on, follow_up.pk) > (found.followed_up_on, found.pk):
            newest[follow_up.goal_id] = follow_up
    goals = [
        Goal(pk=pk, follow_up_due_on=goal_follow_up.due_on(by_when=None, planned_on=None, newest=follow_up))
        for pk, follow_up in newest.items()
    ]
    Goal.objects.bulk_update(goals, ["follow_up_due_on"], batch_size=bulk.BATCH)


def period_after(chain, period):
    return chain[chain.index(period) + 1]


def _review(rng, period, following):
    client, contact = period.client, period.client.contact
    finished = following.starts_on - datetime.timedelta(days=rng.randint(1, 10))
    return bulk.row(
        Review,
        period_id=period.pk,
        started_at=_at(finished - datetime.timedelta(days=rng.randint(0, 6)), 10),
        started_by_id=contact.pk,
        with_client=True,
        from_journal=rng.random() < 0.7,
        participants=f"{client.first_name} {client.last_name}; {contact.name}, {contact.title.lower()}",
        how_done="Samtal med brukaren och genomläsning av journalens periodsammanfattning.",
        summary=plan_texts.REVIEW_SUMMARY.format(n=client.first_name),
        assessment=plan_texts.REVIEW_ASSESSMENT.format(n=client.first_name),
        goals_summary="Målen följdes upp ett och ett; se nedan.",
        action_needs="Inga.",
        needs_changed=False,
        finished_at=_at(finished, 15),
        finished_by_id=contact.pk,
        version=3,
        checklist_confirmed=["documentation"],
        new_period_confirmed=NEW_PERIOD_CONFIRMED,
        new_period_started_at=_at(finished, 16),
        new_period_started_by_id=contact.pk,
    )


def _review_rows(rng, period, review):
    day = review.finished_at.date()
    rows = []
    for item_pk, goal_pk, _template in period.items:
        answer = _answer(rng) if goal_pk else Answer.NOT_APPLICABLE
        rows.append(
            bulk.row(
                GoalFollowUp,
                item_id=item_pk,
                goal_id=goal_pk,
                review_id=review.pk,
                followed_up_on=day,
                answer=answer,
                comment=_comment(rng, answer, period.client),
                with_client=True,
                participants=review.participants,
                recorded_by_id=period.client.contact.pk,
                recorded_at=review.finished_at,
            )
        )
    return rows


def _during_period(rng, period, today):
    """Goal follow-ups from the planned date on, each setting the next; a few are not done in time."""
    rows = []
    for item_pk, goal_pk, _template in period.items:
        if goal_pk is None:
            continue
        planned = dates.first_of_month(period.starts_on) + datetime.timedelta(days=182)
        while planned <= today - datetime.timedelta(days=7) and rng.random() < ON_TIME:
            done_on = min(today, planned + datetime.timedelta(days=rng.randint(-5, 6)))
            answer = _answer(rng)
            finished = answer == Answer.FULLY and rng.random() < 0.5
            following = None if finished else done_on + datetime.timedelta(days=rng.randint(90, 180))
            rows.append(
                bulk.row(
                    GoalFollowUp,
                    item_id=item_pk,
                    goal_id=goal_pk,
                    followed_up_on=done_on,
                    answer=answer,
                    comment=_comment(rng, answer, period.client),
                    next_follow_up_on=following,
                    with_client=True,
                    participants=f"{period.client.first_name}; {period.client.contact.name}",
                    recorded_by_id=period.client.contact.pk,
                    recorded_at=_at(done_on, 16),
                )
            )
            if following is None:
                break
            planned = following
    return rows


def write_log_reviews(rng, register, today, now):
    """Each unit's audit log reviewed most months of the past year, and this month at about half of them."""
    reviews = []
    months = dates.months_back(today, 12)
    for unit in register.units:
        manager = unit.managers[0]
        for month in months:
            if rng.random() < 0.85:
                reviews.append(_log_review(rng, unit, manager, month.replace(day=rng.randint(1, 20))))
        if today.day > 1 and rng.random() < 0.5:
            reviews.append(_log_review(rng, unit, manager, today.replace(day=rng.randint(1, today.day - 1))))
    bulk.insert(LogReview, reviews)


def _log_review(rng, unit, manager, day):
    return bulk.row(
        LogReview,
        unit_id=unit.pk,
        reviewed_by_id=manager.pk,
        reviewed_at=_at(day, 9),
        note=rng.choice(("Inget att anmärka på.", "Gick igenom vem som läst journalerna. Inga avvikelser.")),
    )
