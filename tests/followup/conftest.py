"""An established period with a goal and a plan item without one, and a review of it ready to
finish: what the follow-up tests start from."""

import datetime

import pytest

from rodtrad.followup import services
from rodtrad.plans import services as plans
from rodtrad.plans.models import Goal

from .. import plan_data

DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2027, 2, 1)


@pytest.fixture
def established(complete_period, world):
    plan_data.add_item(complete_period, section_title="Vanor och rutiner", title="Morgonrutin")
    return plans.establish(complete_period, user=world.staff)


@pytest.fixture
def goal(established):
    return Goal.objects.get(item__period=established)


@pytest.fixture
def goalless_item(established):
    return established.items.get(title="Morgonrutin")


def closing(**overrides):
    return {
        "with_client": True,
        "participants": "Elsa Lindqvist; Maria Berg, kontaktman",
        "how_done": "Samtal med Elsa i hennes lägenhet.",
        "summary": "Stödet fungerar bra.",
        "assessment": "Elsa är trygg i sin vardag. Inga nya behov.",
        "goals_summary": "Elsa lagar middag varannan vecka.",
        "action_needs": "Inga.",
        "needs_changed": False,
        "checklist_confirmed": ["documentation"],
    } | overrides


def answered_rows(period, answer="partly"):
    rows = {}
    for row in services.review_rows(period):
        rows[row.key] = {"answer": answer if row.goal else "", "comment": f"Om {row.item.title}.", "changes": ""}
    return rows


@pytest.fixture
def review(established, world):
    return services.start_review(established, user=world.staff)


@pytest.fixture
def ready_review(review, established, world):
    """A review with every row answered and the closing comment written, not yet finished."""
    return services.save_review(
        review,
        user=world.staff,
        expected_version=review.version,
        fields=closing(),
        rows=answered_rows(established),
        today=TODAY,
    )


@pytest.fixture
def finished_review(ready_review, world):
    return services.finish_review(ready_review, user=world.staff)


def new_period_decisions(period, **overrides):
    goals = Goal.objects.filter(item__period=period)
    return {
        "starts_on": TODAY,
        "carried": set(period.items.values_list("pk", flat=True)),
        "choices": {goal.pk: "continue" for goal in goals},
        "by_when": {goal.pk: goal.by_when for goal in goals},
        "confirmed": ["client_contact", "contacts", "contact_person", "items_clear", "door", "consents"],
        "today": TODAY,
    } | overrides
