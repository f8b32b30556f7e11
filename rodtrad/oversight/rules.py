"""The routine's rhythms as conditions the database checks over many clients at once.

Each rule is a base (the things it looks at: the scope's clients, its current plan periods, their
goals, drafts, consents, risks, ended orders) and a condition on them. Every rule's count is a subquery of one
statement (catalogue.counts), so that the dashboard runs the same few queries for one client or
five thousand; the lists filter the base by the one condition. The dashboard, a staff member's to-do and the daily reminders all use them.

Each due date is stored on its row when its inputs change and read here through its rule's
module (rodtrad/clients/due/, rodtrad/plans/due/, rodtrad/journal/due/), the same module the client
overview reads it through: nothing here works a date out.

"Current" means what the unit works with now: an order not ended, and per plan the newest
established period (a new draft period does not replace it until it is established)."""

from django.db.models import BooleanField, Exists, Expression, F, Func, OuterRef, Q, TextField, Value

from rodtrad.accounts.models import Unit
from rodtrad.clients.due import consent_review, file_to_authority, first_plan
from rodtrad.clients.models import Consent, Order
from rodtrad.journal.due import monthly_note
from rodtrad.journal.models import Entry
from rodtrad.lib import dates
from rodtrad.plans.due import goal_follow_up, protective_measure_review, risk_assessment_review, yearly_review
from rodtrad.plans.models import Goal, PlanPeriod, Risk, RiskAssessment

from .models import LogReview

ADULT_AGE = 18


# Orders and first plans ------------------------------------------------------------------------


def open_orders(scope):
    """Orders at the scope's units that have not ended, for clients in the scope."""
    return Order.objects.filter(scope.of_clients("client"), unit__in=scope.unit_ids, ended_on__isnull=True)


def orders_without_plan(scope):
    """Open orders that need a plan, where the client has no established period at that unit."""
    established = PlanPeriod.objects.filter(
        plan__client=OuterRef("client"), plan__unit=OuterRef("unit"), status=PlanPeriod.Status.ESTABLISHED
    )
    return open_orders(scope).filter(first_plan.needed(), ~Exists(established))


def first_plan_late(scope):
    """On an order: its first plan was due before today."""
    return first_plan.late(scope.today)


def last_month(scope):
    start = dates.previous_month(scope.today)
    return start, dates.last_day_of_month(start)


# Bases -----------------------------------------------------------------------------------------


def orders_begun_by_last_month(scope):
    """Open orders at the unit that began by the end of last month: their clients owe a note for it."""
    _start, end = last_month(scope)
    return open_orders(scope).filter(valid_from__lte=end)


class OneOf(Expression):
    """`field` is one of `ids`, passed as one array parameter on PostgreSQL: a list of thousands
    of ids then costs neither thousands of placeholders to build and parse nor a subquery the
    planner misjudges. Elsewhere (SQLite), an ordinary IN list."""

    output_field = BooleanField()

    def __init__(self, field, ids):
        super().__init__()
        self.target, self.ids = F(field), list(ids)

    def get_source_expressions(self):
        return [self.target]

    def set_source_expressions(self, expressions):
        (self.target,) = expressions

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.target)
        if connection.vendor == "postgresql":
            # Also for no ids: the same text whatever the list, so that it is prepared once.
            return f"{column} = ANY(%s::bigint[])", [*params, self.ids]
        if not self.ids:
            return "1 = 0", []
        return f"{column} IN ({', '.join(['%s'] * len(self.ids))})", [*params, *self.ids]


def current_periods_of(scope):
    """Per plan at the scope's units, the newest established period, while the client's order
    there is open."""
    later = PlanPeriod.objects.filter(plan=OuterRef("plan"), status=PlanPeriod.Status.ESTABLISHED).filter(
        Q(starts_on__gt=OuterRef("starts_on")) | Q(starts_on=OuterRef("starts_on"), pk__gt=OuterRef("pk"))
    )
    open_order = Order.objects.filter(
        client=OuterRef("plan__client"), unit=OuterRef("plan__unit"), ended_on__isnull=True
    )
    periods = PlanPeriod.objects.filter(
        scope.of_clients("plan__client"), status=PlanPeriod.Status.ESTABLISHED, plan__unit__in=scope.unit_ids
    ).filter(Exists(open_order), ~Exists(later))
    return periods


def current_periods(scope):
    """The ids of `current_periods_of(scope)`, found once per scope: the period, goal and risk
    rules all start from them (through `in_current_periods`)."""
    if "current_period_ids" not in scope.cache:
        scope.cache["current_period_ids"] = list(current_periods_of(scope).values_list("pk", flat=True))
    return scope.cache["current_period_ids"]


def in_current_periods(scope, field):
    return OneOf(field, current_periods(scope))


class StripWhitespace(Func):
    """str.strip() in SQL for the whitespace people type: SQL's plain TRIM takes only spaces."""

    function = "TRIM"
    output_field = TextField()

    def __init__(self, expression):
        super().__init__(expression, Value(" \t\n\r\x0b\x0c\xa0"))

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="BTRIM", **extra)


TEXT_FIELDS = (
    "participation",
    "declined_participation_reason",
    "declined_goals_reason",
    "child_views",
    "child_best_interest",
)


def with_stripped_text(periods):
    """What the period rules' conditions read: each text field without the whitespace around it."""
    return periods.alias(**{f"{field}_stripped": StripWhitespace(field) for field in TEXT_FIELDS})


def periods(scope):
    """The scope's current periods, with what the period rules read (built once per scope)."""
    if "periods" not in scope.cache:
        scope.cache["periods"] = with_stripped_text(PlanPeriod.objects.filter(in_current_periods(scope, "pk")))
    return scope.cache["periods"]


def goals(scope):
    """Goals of current periods whose follow-up date has passed."""
    return Goal.objects.filter(in_current_periods(scope, "item__period_id"), goal_follow_up.passed(scope.today))


def drafts(scope):
    """Drafts started more than the journal's late limit (three days) ago and not yet signed:
    a staff member's own, or for a manager any about the unit's clients (who and when only; the
    text stays the author's)."""
    # Checked draft by draft (Exists), so that the planner starts from the few drafts in the
    # partial index journal_drafts_by_author rather than from every entry of the visible clients.
    stale = Entry.objects.drafts().filter(created_at__lt=scope.drafts_started_before)
    if scope.author is not None:
        return stale.filter(Exists(scope.visible.filter(pk=OuterRef("client"))), author=scope.author)
    about_unit = Order.objects.filter(client=OuterRef("client"), unit__in=scope.unit_ids)
    return stale.filter(Exists(about_unit), Exists(scope.clients.filter(pk=OuterRef("client"))))


def consents(scope):
    """Consents due for their yearly review, of clients with an open order at the unit."""
    return Consent.objects.filter(client__in=open_orders(scope).values("client")).filter(
        consent_review.due(scope.today)
    )


def protective_measures(scope):
    """Protective measures in current periods due for their six-month review."""
    return Risk.objects.filter(
        in_current_periods(scope, "assessment__period_id"), protective_measure_review.due(scope.today)
    )


def risk_assessments(scope):
    """Risk assessments of current periods a year old or more."""
    return RiskAssessment.objects.filter(
        in_current_periods(scope, "period_id"), risk_assessment_review.due(scope.today)
    )


def files(scope):
    """Ended orders whose file was due to the authority before today and is not sent."""
    return Order.objects.filter(
        scope.of_clients("client"), file_to_authority.overdue(scope.today), unit__in=scope.unit_ids
    )


def log_reviewed_this_month(scope):
    """On a unit: an audit log review recorded for it in this calendar month."""
    return Exists(
        LogReview.objects.filter(
            unit=OuterRef("pk"), reviewed_at__gte=dates.start_of(dates.first_of_month(scope.today))
        )
    )


def units_without_log_review(scope):
    return Unit.objects.filter(pk__in=scope.unit_ids).filter(~log_reviewed_this_month(scope)).order_by("name")


# Conditions ------------------------------------------------------------------------------------
# Each takes the scope and gives a condition on its base, or None when the base is the finding.


def no_entry_last_month(scope):
    """On an order: its client has no signed entry about last month (journal/due/monthly_note.py)."""
    start, _end = last_month(scope)
    return monthly_note.none_in_month(start)


def review_overdue(scope):
    return yearly_review.overdue(scope.today)


def review_soon(scope):
    return yearly_review.soon(scope.today)


def _blank(field):
    return Q(**{f"{field}_stripped": ""})


def no_goal(scope):
    """No goal, and the client neither declined to take part nor declined goals (as missing_to_establish)."""
    has_goal = Exists(Goal.objects.filter(item__period=OuterRef("pk")))
    return _blank("declined_participation_reason") & _blank("declined_goals_reason") & ~has_goal


def no_risk_assessment(scope):
    return ~Exists(RiskAssessment.objects.filter(period=OuterRef("pk")))


def no_participation(scope):
    return _blank("participation") & _blank("declined_participation_reason")


def child_without_perspective(scope):
    """A client under 18 today (Client.is_child) whose period lacks the child's views or best interest."""
    adult_born_by = dates.latest_birth_date_of_age(scope.today, ADULT_AGE)
    return Q(plan__client__date_of_birth__gt=adult_born_by) & (_blank("child_views") | _blank("child_best_interest"))
