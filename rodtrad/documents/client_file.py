"""What the file for the authority (genomförandeakt) holds: the whole record of a client at the
performing units, read in a fixed number of queries however long the client has been served.

A client may have thousands of journal entries and years of plan periods; every part below is
one query (or one prefetch) for all of them, never one per entry, period or goal."""

from dataclasses import dataclass

from django.db.models import Prefetch

from rodtrad.clients.models import ConsentReview
from rodtrad.followup.models import GoalFollowUp
from rodtrad.journal import queries as journal
from rodtrad.plans.models import Goal, PlanItem, PlanPeriod, Risk


@dataclass(frozen=True)
class PeriodFile:
    """One plan period as the file shows it: its plan items grouped by section, in the order of
    the template, with each goal's follow-ups, the risks and the period's own review."""

    period: PlanPeriod
    sections: list  # [(section, [item, ...]), ...]
    risks: list
    review: object  # followup.Review or None

    @property
    def assessment(self):
        return getattr(self.period, "risk_assessment", None)


def _follow_ups():
    return GoalFollowUp.objects.select_related("recorded_by").order_by("followed_up_on", "pk")


def _periods(client):
    goals = Goal.objects.order_by("pk").prefetch_related(Prefetch("follow_ups", queryset=_follow_ups()))
    items = (
        PlanItem.objects.select_related("section", "order__service")
        .prefetch_related(
            Prefetch("goals", queryset=goals),
            # Ej aktuellt: follow-ups of a plan item that has no goal.
            Prefetch("follow_ups", queryset=_follow_ups().filter(goal__isnull=True), to_attr="item_follow_ups"),
        )
        .order_by("section__position", "position", "pk")
    )
    return (
        PlanPeriod.objects.filter(plan__client=client)
        .select_related("plan__unit", "established_by", "risk_assessment", "review__finished_by")
        .prefetch_related(
            Prefetch("items", queryset=items),
            Prefetch(
                "risk_assessment__risks",
                queryset=Risk.objects.select_related("item", "consent").order_by("pk"),
            ),
        )
        .order_by("plan__unit__name", "starts_on", "pk")
    )


def _period_file(period) -> PeriodFile:
    sections = {}
    for item in period.items.all():
        sections.setdefault(item.section_id, (item.section, []))[1].append(item)
    assessment = getattr(period, "risk_assessment", None)
    return PeriodFile(
        period=period,
        sections=list(sections.values()),
        risks=list(assessment.risks.all()) if assessment else [],
        review=getattr(period, "review", None),
    )


def journal_entries(client):
    """Every signed entry, oldest first, each with its corrections and objections. Drafts are
    not part of the record."""
    return journal.with_details(journal.signed_entries(client)).order_by("occurred_at", "pk")


def client_file(client) -> dict:
    """The parts of the file, for documents/client_file.html."""
    return {
        "orders": list(client.orders.select_related("service", "unit", "file_sent_by").order_by("valid_from", "pk")),
        "contacts": list(client.contacts.all()),
        "consents": list(
            client.consents.select_related("given_by_representative", "recorded_by").prefetch_related(
                Prefetch("reviews", queryset=ConsentReview.objects.select_related("reviewed_by"))
            )
        ),
        "plan_periods": [_period_file(period) for period in _periods(client)],
        "journal_entries": journal_entries(client),
    }
