"""The review of a period's risk assessment: a year after it was made (lib.dates.add_months), and
counted from that day (risk assessments a year old or more).

Stored as RiskAssessment.review_due_on: set when the assessment is saved
(plans.services.save_risk_assessment)."""

import datetime

from django.db.models import Q

from rodtrad.lib.dates import add_months

MONTHS = 12


def due_on(assessment) -> datetime.date:
    """The rule itself."""
    return add_months(assessment.assessed_on, MONTHS)


def set_due(assessment) -> None:
    """Before the assessment is saved."""
    assessment.review_due_on = due_on(assessment)


def due(today) -> Q:
    return Q(review_due_on__lte=today)


def is_due(assessment, today) -> bool:
    return assessment.review_due_on <= today
