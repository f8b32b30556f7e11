"""The plan's rules as the routines set them: the risk matrix, the goal sentence, and what an
established period must contain. Pure functions over model instances, so they are easy to test."""

from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext as _

from .models import Goal

MANY_GOALS = 5


def compose_goal(*, what, how_often, support, by_when, why) -> str:
    """The goal sentence of the mål-mall: what, how often, with what support, by when, and why."""
    parts = [part.strip() for part in (what, how_often) if part and part.strip()]
    sentence = " ".join(parts)
    if support and support.strip():
        sentence += _(", with %(support)s") % {"support": support.strip()}
    if by_when:
        sentence += _(", by %(date)s") % {"date": formats.date_format(by_when, "j F Y")}
    if sentence:
        sentence = sentence[0].upper() + sentence[1:] + "."
    if why and why.strip():
        sentence += " " + _("It matters because %(why)s") % {"why": why.strip().rstrip(".")} + "."
    return sentence


def missing_to_establish(period) -> list[str]:
    """What stops a period from being established, in words for the writer; empty when complete."""
    missing = []
    client = period.plan.client
    declined = bool(period.declined_participation_reason.strip())
    if not period.planning_date:
        missing.append(_("The planning date."))
    if not declined and not period.participation.strip():
        missing.append(_("How the client took part (or that they declined, and why)."))
    if client.is_child and not (period.child_views.strip() and period.child_best_interest.strip()):
        missing.append(_("The child perspective: the child's own views and how the child's best interest was weighed."))
    goals_declined = declined or bool(period.declined_goals_reason.strip())
    if not goals_declined and not Goal.objects.filter(item__period=period).exists():
        missing.append(_("At least one SMART goal, or that the client declined goals, and why."))
    assessment = getattr(period, "risk_assessment", None)
    if assessment is None:
        missing.append(_("The risk assessment."))
    elif assessment.no_risks_identified and not assessment.no_risks_grounds.strip():
        missing.append(_("The grounds for finding no risks."))
    elif not assessment.no_risks_identified and not assessment.risks.exists():
        missing.append(_("At least one risk in the risk assessment, or that no risks were identified, and why."))
    elif (
        assessment.risks.filter(is_protective_measure=True)
        .filter(Q(consent__isnull=True) | Q(consent__withdrawn_on__isnull=False))
        .exists()
    ):
        missing.append(_("The client's consent to each protective measure (a withdrawn consent no longer holds)."))
    return missing
