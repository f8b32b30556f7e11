"""The review of a protective measure (skyddsåtgärd): within six months of the risk assessment
it belongs to (lib.dates.add_months), counted from that day.

Stored as Risk.protective_review_due_on, empty for a risk that is no protective measure (a
constraint holds the two together): set when the risk is added and again when its assessment's
date changes (plans.services.add_risk, save_risk_assessment)."""

import datetime

from django.db.models import Q

from rodtrad.lib.dates import add_months

from ..models import Risk

FIELD = "protective_review_due_on"
MONTHS = 6


def due_on(risk, assessment) -> datetime.date | None:
    """The rule itself."""
    return add_months(assessment.assessed_on, MONTHS) if risk.is_protective_measure else None


def set_due(risk, assessment) -> None:
    """Before the risk is saved."""
    risk.protective_review_due_on = due_on(risk, assessment)


def assessed(assessment) -> None:
    """The assessment's date is set anew: its protective measures are due from it."""
    risks = list(Risk.objects.filter(assessment=assessment, is_protective_measure=True))
    for risk in risks:
        set_due(risk, assessment)
    Risk.objects.bulk_update(risks, [FIELD])


def due(today) -> Q:
    return Q(protective_review_due_on__lte=today)


def is_due(risk, today) -> bool:
    return risk.protective_review_due_on is not None and risk.protective_review_due_on <= today
