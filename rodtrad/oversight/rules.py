"""The routine's rhythms as rules over many clients at once: one query per rule, whatever the
number of clients, so that the managers' dashboard, a staff member's to-do list and the daily
reminders count exactly the same things.

Each due date is the one the models and the client overview (rodtrad/clients/due.py) use:
`Order.first_plan_due`, a plan period's `add_months(starts_on, 12)`, `Consent.review_due_on`,
`RiskAssessment.review_due_on`, `Risk.protective_review_due_on`, `Order.file_due_on`,
`journal.services.needs_monthly_note` and `followup.queries.goals_due`. Here they are turned into
limits on columns (see dates.py), and tests/oversight/test_agreement.py checks on the same data
that a client counted here is one the overview lists, and the reverse.

"Current" means what the unit is working with now: an order not ended, and per plan the newest
established period (a new draft period does not replace it until it is established)."""

import datetime
import functools
import operator
from dataclasses import dataclass

from django.db.models import (
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rodtrad.accounts.models import Unit
from rodtrad.clients.models import (
    CONSENT_REVIEW_DAYS,
    FILE_TO_AUTHORITY_MONTHS,
    SHORT_STAY_PLAN_AFTER_DAYS,
    Client,
    Consent,
    ConsentReview,
    Order,
    Service,
    add_months,
)
from rodtrad.followup.queries import goals_due
from rodtrad.journal import services as journal
from rodtrad.journal.models import Entry
from rodtrad.plans.models import Goal, PlanPeriod, Risk, RiskAssessment
from rodtrad.plans.rules import PROTECTIVE_MEASURE_REVIEW_MONTHS

from . import dates
from .models import LogReview

PLAN_REVIEW_MONTHS = 12
REVIEW_SOON_DAYS = 30
RISK_ASSESSMENT_REVIEW_MONTHS = 12
ADULT_AGE = 18


@dataclass(frozen=True)
class Row:
    """One line of a rule's list: whose, what, by when, and where to put it right."""

    client: Client
    text: str
    url: str
    due_on: datetime.date | None = None
    overdue: bool = False


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    group: str
    objects: object  # scope -> queryset of the things the rule finds
    row: object  # (object, scope) -> Row
    managers_only: bool = False

    def rows(self, objects, scope) -> list[Row]:
        return [self.row(obj, scope) for obj in objects]


# The building blocks ----------------------------------------------------------------------------


def open_orders(scope):
    """Orders at the scope's units that have not ended, for clients in the scope."""
    return Order.objects.filter(unit__in=scope.unit_ids, ended_on__isnull=True, client__in=scope.clients)


def needing_plan(orders):
    """Order.needs_plan as a condition: never for a safety alarm only, and a short-term stay only
    when the decision asks for a plan and the stay is longer than two weeks."""
    long_enough = Q(valid_to__isnull=True) | Q(stay__gt=datetime.timedelta(days=SHORT_STAY_PLAN_AFTER_DAYS))
    short_stay = Q(service__plan_rule=Service.PlanRule.SHORT_STAY)
    return orders.alias(stay=ExpressionWrapper(F("valid_to") - F("valid_from"), output_field=DurationField())).filter(
        ~Q(service__plan_rule=Service.PlanRule.NEVER)
        & (~short_stay | (Q(plan_required_by_decision=True) & long_enough))
    )


def _established_plan_for_order():
    return Exists(
        PlanPeriod.objects.filter(
            plan__client=OuterRef("client"), plan__unit=OuterRef("unit"), status=PlanPeriod.Status.ESTABLISHED
        )
    )


def orders_without_plan(scope):
    return needing_plan(open_orders(scope)).filter(~_established_plan_for_order())


def _first_plan_late(scope):
    """Past the unit's deadline: valid_from + first_plan_days before today, unit by unit."""
    if not scope.units:
        return Q(pk__in=[])
    return functools.reduce(
        operator.or_,
        (
            Q(unit=unit.pk, valid_from__lt=scope.today - datetime.timedelta(days=unit.first_plan_days))
            for unit in scope.units
        ),
    )


def current_periods(scope):
    """Per plan at the scope's units, the newest established period, while the client's order
    there is open."""
    later = PlanPeriod.objects.filter(plan=OuterRef("plan"), status=PlanPeriod.Status.ESTABLISHED).filter(
        Q(starts_on__gt=OuterRef("starts_on")) | Q(starts_on=OuterRef("starts_on"), pk__gt=OuterRef("pk"))
    )
    open_order = Order.objects.filter(
        client=OuterRef("plan__client"), unit=OuterRef("plan__unit"), ended_on__isnull=True
    )
    return PlanPeriod.objects.filter(
        status=PlanPeriod.Status.ESTABLISHED,
        plan__unit__in=scope.unit_ids,
        plan__client__in=scope.clients,
    ).filter(Exists(open_order), ~Exists(later))


def _periods(queryset):
    return queryset.select_related("plan__client", "plan__unit").order_by("starts_on", "pk")


class StripWhitespace(Func):
    """str.strip() in SQL for the whitespace people type: SQL's plain TRIM takes only spaces."""

    function = "TRIM"
    output_field = TextField()

    def __init__(self, expression):
        super().__init__(expression, Value(" \t\n\r\x0b\x0c\xa0"))

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="BTRIM", **extra)


def _blank(field):
    return Q(**{f"{field}_trimmed": ""})


def _trimmed(queryset, *fields):
    return queryset.alias(**{f"{field}_trimmed": StripWhitespace(field) for field in fields})


def _client_order(queryset, path="client"):
    return queryset.order_by(f"{path}__last_name", f"{path}__first_name", "pk")


# The rules --------------------------------------------------------------------------------------


def _clients_with(orders, scope):
    qualifying = orders.select_related("service", "unit").order_by("valid_from", "pk")
    return (
        Client.objects.filter(Exists(orders.filter(client=OuterRef("pk"))))
        .prefetch_related(Prefetch("orders", queryset=qualifying, to_attr="qualifying_orders"))
        .in_swedish_order()
    )


def first_plan_missing(scope):
    return _clients_with(orders_without_plan(scope), scope)


def first_plan_late(scope):
    return _clients_with(orders_without_plan(scope).filter(_first_plan_late(scope)), scope)


def _first_plan_row(client, scope):
    order = client.qualifying_orders[0]
    due_on = order.first_plan_due
    return Row(
        client,
        _("First implementation plan for %(service)s at %(unit)s")
        % {"service": order.service.name, "unit": order.unit},
        reverse("clients:detail", args=[client.pk]) + "#orders-heading",
        due_on,
        due_on < scope.today,
    )


def reviews_overdue(scope):
    """add_months(starts_on, 12) < today."""
    last_start = dates.latest_start(scope.today - dates.DAY, PLAN_REVIEW_MONTHS)
    return _periods(current_periods(scope).filter(starts_on__lte=last_start))


def reviews_soon(scope):
    """today <= add_months(starts_on, 12) <= today + 30 days."""
    overdue_until = dates.latest_start(scope.today - dates.DAY, PLAN_REVIEW_MONTHS)
    soon_until = dates.latest_start(scope.today + datetime.timedelta(days=REVIEW_SOON_DAYS), PLAN_REVIEW_MONTHS)
    return _periods(current_periods(scope).filter(starts_on__gt=overdue_until, starts_on__lte=soon_until))


def _review_row(period, scope):
    due_on = add_months(period.starts_on, PLAN_REVIEW_MONTHS)
    return Row(
        period.plan.client,
        _("Yearly review of the plan at %(unit)s (period from %(start)s)")
        % {"unit": period.plan.unit, "start": formats.date_format(period.starts_on, "j F Y")},
        reverse("plans:period", args=[period.plan.client_id, period.pk]),
        due_on,
        due_on < scope.today,
    )


def periods_without_goal(scope):
    periods = _trimmed(current_periods(scope), "declined_participation_reason", "declined_goals_reason")
    has_goal = Exists(Goal.objects.filter(item__period=OuterRef("pk")))
    goals_not_declined = _blank("declined_participation_reason") & _blank("declined_goals_reason")
    return _periods(periods.filter(goals_not_declined).filter(~has_goal))


def periods_without_risk_assessment(scope):
    has_assessment = Exists(RiskAssessment.objects.filter(period=OuterRef("pk")))
    return _periods(current_periods(scope).filter(~has_assessment))


def periods_without_participation(scope):
    periods = _trimmed(current_periods(scope), "participation", "declined_participation_reason")
    return _periods(periods.filter(_blank("participation") & _blank("declined_participation_reason")))


def children_without_perspective(scope):
    """A client under 18 today (Client.is_child) whose period lacks the child's views or best interest."""
    adult_born_by = dates.latest_birth_date_of_age(scope.today, ADULT_AGE)
    periods = _trimmed(current_periods(scope), "child_views", "child_best_interest")
    return _periods(
        periods.filter(plan__client__date_of_birth__gt=adult_born_by).filter(
            _blank("child_views") | _blank("child_best_interest")
        )
    )


def _period_row(message):
    def row(period, scope):
        return Row(
            period.plan.client,
            message % {"unit": period.plan.unit},
            reverse("plans:period", args=[period.plan.client_id, period.pk]),
        )

    return row


def goals_overdue(scope):
    goals = Goal.objects.filter(item__period__in=current_periods(scope))
    return (
        goals_due(goals, on=scope.today)
        .select_related("item__period__plan__client", "item__period__plan__unit")
        .order_by("follow_up_due_on", "pk")
    )


def _goal_row(goal, scope):
    period = goal.item.period
    return Row(
        period.plan.client,
        _("Follow up the goal: %(goal)s") % {"goal": goal.sentence[:120]},
        reverse("plans:period", args=[period.plan.client_id, period.pk]),
        goal.follow_up_due_on,
        True,
    )


def _last_month(scope):
    start = dates.previous_month(scope.today)
    return start, dates.last_day_of_month(start)


def monthly_note_missing(scope):
    """journal.services.needs_monthly_note for last month, for clients whose order at the unit
    is open and began by the end of that month."""
    start, end = _last_month(scope)
    orders = open_orders(scope).filter(valid_from__lte=end)
    note = Entry.objects.filter(
        client=OuterRef("pk"),
        signed_at__isnull=False,
        occurred_at__gte=dates.start_of(start),
        occurred_at__lt=dates.end_of(end),
    )
    return Client.objects.filter(Exists(orders.filter(client=OuterRef("pk")))).filter(~Exists(note)).in_swedish_order()


def _monthly_note_row(client, scope):
    _start, end = _last_month(scope)
    return Row(
        client,
        _("No journal entry for %(month)s: write the monthly note") % {"month": formats.date_format(end, "F Y")},
        reverse("journal:list", args=[client.pk]),
        end,
        True,
    )


def stale_drafts(scope):
    """Drafts started more than the journal's late limit (three days) ago and not yet signed:
    a staff member's own, or for a manager any about the unit's clients (who and when only; the
    text stays the author's)."""
    drafts = Entry.objects.drafts().filter(created_at__lt=scope.now - journal.late_after())
    if scope.author is not None:
        drafts = drafts.filter(author=scope.author, client__in=scope.visible)
    else:
        about_unit = Order.objects.filter(client=OuterRef("client"), unit__in=scope.unit_ids)
        drafts = drafts.filter(Exists(about_unit), client__in=scope.clients)
    return drafts.select_related("client", "author").order_by("created_at", "pk")


def _draft_row(entry, scope):
    if scope.author is not None:
        url = reverse("journal:edit", args=[entry.client_id, entry.pk])
    else:
        url = reverse("journal:list", args=[entry.client_id])
    return Row(
        entry.client,
        _("Draft by %(author)s, started %(day)s, not signed")
        % {"author": entry.author, "day": formats.date_format(entry.created_at, "j F Y")},
        url,
        entry.created_at.date(),
        True,
    )


def consents_due(scope):
    """Active consents whose review (Consent.review_due_on: a year after the last review, or
    after it was given) has come, for clients with an open order at the unit."""
    last_review = Subquery(
        ConsentReview.objects.filter(consent=OuterRef("pk"))
        .values("consent")
        .annotate(day=Max("reviewed_on"))
        .values("day")
    )
    reviewed_by = scope.today - datetime.timedelta(days=CONSENT_REVIEW_DAYS)
    clients = open_orders(scope).values("client")
    return (
        Consent.objects.filter(client__in=clients, withdrawn_on__isnull=True)
        .alias(last_reviewed=Coalesce(last_review, F("given_on")))
        .filter(last_reviewed__lte=reviewed_by)
        .select_related("client")
        .prefetch_related("reviews")
        .order_by("given_on", "pk")
    )


def _consent_row(consent, scope):
    due_on = consent.review_due_on()
    return Row(
        consent.client,
        _("Review of consent: %(scope)s") % {"scope": consent.scope[:60]},
        reverse("clients:consents", args=[consent.client_id]),
        due_on,
        due_on < scope.today,
    )


def protective_measures_due(scope):
    """Protective measures in current periods whose six-month review (Risk.protective_review_due_on) has come."""
    assessed_by = dates.latest_start(scope.today, PROTECTIVE_MEASURE_REVIEW_MONTHS)
    return (
        Risk.objects.filter(
            is_protective_measure=True,
            assessment__period__in=current_periods(scope),
            assessment__assessed_on__lte=assessed_by,
        )
        .select_related("assessment__period__plan__client")
        .order_by("assessment__assessed_on", "pk")
    )


def _protective_row(risk, scope):
    period = risk.assessment.period
    due_on = risk.protective_review_due_on
    return Row(
        period.plan.client,
        _("Review the protective measure: %(risk)s") % {"risk": risk.description[:80]},
        reverse("plans:risks", args=[period.plan.client_id, period.pk]),
        due_on,
        due_on < scope.today,
    )


def risk_assessments_due(scope):
    """Risk assessments of current periods a year old or more (RiskAssessment.review_due_on)."""
    assessed_by = dates.latest_start(scope.today, RISK_ASSESSMENT_REVIEW_MONTHS)
    return (
        RiskAssessment.objects.filter(period__in=current_periods(scope), assessed_on__lte=assessed_by)
        .select_related("period__plan__client", "period__plan__unit")
        .order_by("assessed_on", "pk")
    )


def _risk_assessment_row(assessment, scope):
    period = assessment.period
    due_on = assessment.review_due_on
    return Row(
        period.plan.client,
        _("Review the risk assessment at %(unit)s, made %(day)s")
        % {"unit": period.plan.unit, "day": formats.date_format(assessment.assessed_on, "j F Y")},
        reverse("plans:risks", args=[period.plan.client_id, period.pk]),
        due_on,
        due_on < scope.today,
    )


def files_overdue(scope):
    """Ended orders whose file has not been sent within two months (Order.file_due_on < today)."""
    ended_by = dates.latest_start(scope.today - dates.DAY, FILE_TO_AUTHORITY_MONTHS)
    return (
        Order.objects.filter(
            unit__in=scope.unit_ids,
            client__in=scope.clients,
            ended_on__isnull=False,
            ended_on__lte=ended_by,
            file_sent_on__isnull=True,
        )
        .select_related("client", "service", "unit")
        .order_by("ended_on", "pk")
    )


def _file_row(order, scope):
    return Row(
        order.client,
        _("Send the file for %(service)s at %(unit)s to the authority (ended %(day)s)")
        % {"service": order.service.name, "unit": order.unit, "day": formats.date_format(order.ended_on, "j F Y")},
        reverse("clients:detail", args=[order.client_id]) + "#orders-heading",
        order.file_due_on,
        True,
    )


def units_without_log_review(scope):
    """Units of the scope with no audit log review recorded this calendar month."""
    this_month = LogReview.objects.filter(
        unit=OuterRef("pk"), reviewed_at__gte=dates.start_of(dates.first_of_month(scope.today))
    )
    return Unit.objects.filter(pk__in=scope.unit_ids).filter(~Exists(this_month)).order_by("name")


PLANS = gettext_lazy("Implementation plans")
GOALS = gettext_lazy("Goals")
JOURNAL = gettext_lazy("Social journal")
CONSENTS_AND_RISKS = gettext_lazy("Consents and risks")
CLOSED_CASES = gettext_lazy("Closed cases")

RULES = (
    Rule(
        "forsta-plan-saknas",
        gettext_lazy("Clients whose order needs a plan but who have none established"),
        PLANS,
        first_plan_missing,
        _first_plan_row,
    ),
    Rule(
        "forsta-plan-sen",
        gettext_lazy("Clients past the unit's deadline for the first plan"),
        PLANS,
        first_plan_late,
        _first_plan_row,
    ),
    Rule(
        "arlig-uppfoljning-sen",
        gettext_lazy("Plans whose yearly review is overdue"),
        PLANS,
        reviews_overdue,
        _review_row,
    ),
    Rule(
        "arlig-uppfoljning-snart",
        gettext_lazy("Plans whose yearly review is due within 30 days"),
        PLANS,
        reviews_soon,
        _review_row,
    ),
    Rule(
        "plan-utan-mal",
        gettext_lazy("Established plans without a SMART goal (goals not declined)"),
        PLANS,
        periods_without_goal,
        _period_row(gettext_lazy("The plan at %(unit)s has no SMART goal")),
    ),
    Rule(
        "plan-utan-riskbedomning",
        gettext_lazy("Established plans without a risk assessment"),
        PLANS,
        periods_without_risk_assessment,
        _period_row(gettext_lazy("The plan at %(unit)s has no risk assessment")),
    ),
    Rule(
        "plan-utan-delaktighet",
        gettext_lazy("Established plans that do not say how the client took part"),
        PLANS,
        periods_without_participation,
        _period_row(gettext_lazy("The plan at %(unit)s does not say how the client took part")),
    ),
    Rule(
        "barn-utan-barnperspektiv",
        gettext_lazy("Children whose plan lacks the child perspective"),
        PLANS,
        children_without_perspective,
        _period_row(gettext_lazy("The plan at %(unit)s lacks the child's views or best interest")),
    ),
    Rule(
        "mal-att-folja-upp",
        gettext_lazy("Goals whose follow-up date has passed"),
        GOALS,
        goals_overdue,
        _goal_row,
    ),
    Rule(
        "manadsanteckning-saknas",
        gettext_lazy("Clients with no signed journal entry last month"),
        JOURNAL,
        monthly_note_missing,
        _monthly_note_row,
    ),
    Rule(
        "osignerade-utkast",
        gettext_lazy("Journal drafts unsigned for more than 3 days"),
        JOURNAL,
        stale_drafts,
        _draft_row,
    ),
    Rule(
        "samtycken-att-folja-upp",
        gettext_lazy("Consents not reviewed for a year"),
        CONSENTS_AND_RISKS,
        consents_due,
        _consent_row,
    ),
    Rule(
        "skyddsatgarder-att-folja-upp",
        gettext_lazy("Protective measures not reviewed for six months"),
        CONSENTS_AND_RISKS,
        protective_measures_due,
        _protective_row,
    ),
    Rule(
        "riskbedomningar-aldre-an-ett-ar",
        gettext_lazy("Risk assessments a year old or more"),
        CONSENTS_AND_RISKS,
        risk_assessments_due,
        _risk_assessment_row,
    ),
    Rule(
        "akt-ej-skickad",
        gettext_lazy("Closed cases whose file was not sent to the authority within two months"),
        CLOSED_CASES,
        files_overdue,
        _file_row,
        managers_only=True,
    ),
)
RULES_BY_KEY = {rule.key: rule for rule in RULES}


def rules_for(scope):
    return [rule for rule in RULES if scope.is_manager or not rule.managers_only]
