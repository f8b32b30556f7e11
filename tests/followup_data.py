"""Follow-up data shared by the tests of follow-up, the overview and the dashboard: the closing
comment of a review, every row answered, and the choices of "Lägg till"."""

import datetime

from rodtrad.followup import services
from rodtrad.plans.models import Goal

DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2027, 2, 1)


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


def record(goal, user, **data):
    """A goal followed up "Delvis" with the client, next in 90 days, unless `data` says otherwise."""
    today = data.pop("today", TODAY)
    fields = {
        "answer": "partly",
        "comment": "Elsa har lagat middag varannan vecka. Hon vill fortsätta.",
        "next_follow_up_on": today + 90 * DAY,
        "with_client": True,
    } | data
    return services.record_follow_up(goal.item, goal=goal, user=user, today=today, **fields)
