"""Every rule the dashboard counts: its name in the lists' addresses, its label, what it looks at
(rules.py), how its list is loaded and what a line says (listing.py)."""

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, JSONField, Q, Subquery, Value
from django.db.models.functions import JSONObject
from django.utils.translation import gettext_lazy as _

from rodtrad.accounts.models import Unit
from rodtrad.lib import reused
from rodtrad.lib.prepared import prepared_statements

from . import listing, rules


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    group: str
    base: Callable  # scope -> queryset; rules on the same base are counted in one query
    condition: Callable | None  # scope -> condition on the base, or None: the base is the finding
    load: Callable  # (queryset, scope) -> queryset with what the lines show
    line: Callable  # (object, scope) -> listing.Row
    managers_only: bool = False
    # Counted as the number of different values of this field (clients, for rules on orders).
    distinct: str | None = None
    # The key of a rule whose lines always include this one's: a to-do lists that one only.
    lines_among: str | None = None

    def aggregate(self, scope):
        """How many things the rule finds among its base's."""
        condition = None if self.condition is None else Q(self.condition(scope))
        return Count(self.distinct or "pk", distinct=self.distinct is not None, filter=condition)

    def objects(self, scope):
        found = self.base(scope)
        return found if self.condition is None else found.filter(self.condition(scope))

    def listed(self, scope):
        return self.load(self.objects(scope), scope)

    def rows(self, objects, scope) -> list:
        return [self.line(obj, scope) for obj in objects]


PLANS = _("Implementation plans")
GOALS = _("Goals")
JOURNAL = _("Social journal")
CONSENTS_AND_RISKS = _("Consents and risks")
CLOSED_CASES = _("Closed cases")

RULES = (
    Rule(
        "forsta-plan-saknas",
        _("Clients whose order needs a plan but who have none established"),
        PLANS,
        rules.orders_without_plan,
        None,
        listing.clients_with_orders_without_plan,
        listing.first_plan,
        distinct="client",
    ),
    Rule(
        "forsta-plan-sen",
        _("Clients past the unit's deadline for the first plan"),
        PLANS,
        rules.orders_without_plan,
        rules.first_plan_late,
        listing.clients_with_orders_without_plan,
        listing.first_plan,
        distinct="client",
        # A late first plan is a missing one, and its line the same.
        lines_among="forsta-plan-saknas",
    ),
    Rule(
        "arlig-uppfoljning-sen",
        _("Plans whose yearly review is overdue"),
        PLANS,
        rules.periods,
        rules.review_overdue,
        listing.periods_by_start,
        listing.yearly_review,
    ),
    Rule(
        "arlig-uppfoljning-snart",
        _("Plans whose yearly review is due within 30 days"),
        PLANS,
        rules.periods,
        rules.review_soon,
        listing.periods_by_start,
        listing.yearly_review,
    ),
    Rule(
        "plan-utan-mal",
        _("Established plans without a SMART goal (goals not declined)"),
        PLANS,
        rules.periods,
        rules.no_goal,
        listing.periods_by_start,
        listing.period_lacks(_("The plan at %(unit)s has no SMART goal")),
    ),
    Rule(
        "plan-utan-riskbedomning",
        _("Established plans without a risk assessment"),
        PLANS,
        rules.periods,
        rules.no_risk_assessment,
        listing.periods_by_start,
        listing.period_lacks(_("The plan at %(unit)s has no risk assessment")),
    ),
    Rule(
        "plan-utan-delaktighet",
        _("Established plans that do not say how the client took part"),
        PLANS,
        rules.periods,
        rules.no_participation,
        listing.periods_by_start,
        listing.period_lacks(_("The plan at %(unit)s does not say how the client took part")),
    ),
    Rule(
        "barn-utan-barnperspektiv",
        _("Children whose plan lacks the child perspective"),
        PLANS,
        rules.periods,
        rules.child_without_perspective,
        listing.periods_by_start,
        listing.period_lacks(_("The plan at %(unit)s lacks the child's views or best interest")),
    ),
    Rule(
        "mal-att-folja-upp",
        _("Goals whose follow-up date has passed"),
        GOALS,
        rules.goals,
        None,
        listing.goals_by_date,
        listing.goal,
    ),
    Rule(
        "manadsanteckning-saknas",
        _("Clients with no signed journal entry last month"),
        JOURNAL,
        rules.orders_begun_by_last_month,
        rules.no_entry_last_month,
        listing.clients_of_orders,
        listing.monthly_note,
        distinct="client",
    ),
    Rule(
        "osignerade-utkast",
        _("Journal drafts unsigned for more than 3 days"),
        JOURNAL,
        rules.drafts,
        None,
        listing.drafts_by_age,
        listing.draft,
    ),
    Rule(
        "samtycken-att-folja-upp",
        _("Consents not reviewed for a year"),
        CONSENTS_AND_RISKS,
        rules.consents,
        None,
        listing.consents_by_date,
        listing.consent,
    ),
    Rule(
        "skyddsatgarder-att-folja-upp",
        _("Protective measures not reviewed for six months"),
        CONSENTS_AND_RISKS,
        rules.protective_measures,
        None,
        listing.risks_by_date,
        listing.protective_measure,
    ),
    Rule(
        "riskbedomningar-aldre-an-ett-ar",
        _("Risk assessments a year old or more"),
        CONSENTS_AND_RISKS,
        rules.risk_assessments,
        None,
        listing.assessments_by_date,
        listing.risk_assessment,
    ),
    Rule(
        "akt-ej-skickad",
        _("Closed cases whose file was not sent to the authority within two months"),
        CLOSED_CASES,
        rules.files,
        None,
        listing.orders_by_end,
        listing.file,
        managers_only=True,
    ),
)
RULES_BY_KEY = {rule.key: rule for rule in RULES}


def rules_for(scope):
    return [rule for rule in RULES if scope.is_manager or not rule.managers_only]


def counts(scope, rules=None) -> dict[str, int]:
    """How many things each rule (of `rules`, by default all the scope's) finds, whatever the
    number of clients: one statement, in which each base is read once and counted for each of
    its rules (a one-row subquery of every count, a JSON object of them). Building it took more
    than running it, so it is built once per shape of scope and run again with each scope's
    values (rodtrad/lib/reused.py); its text is the same each time, so on PostgreSQL it is
    prepared and planned once too (rodtrad/lib/prepared.py)."""
    chosen = rules_for(scope) if rules is None else rules
    if not chosen or not scope.units:
        return {rule.key: 0 for rule in chosen}
    by_base: dict[Callable, list[Rule]] = {}
    for rule in chosen:
        by_base.setdefault(rule.base, []).append(rule)

    def query(scope):
        bases = {f"base_{index}": _counted(base, group, scope) for index, (base, group) in enumerate(by_base.items())}
        one_row = Unit.objects.filter(pk=scope.units[0].pk).order_by().values(**bases)
        return lambda: _merged(one_row.get().values())

    key = ("counts", *(rule.key for rule in chosen), scope.shape)
    with prepared_statements():
        return reused.run(key, query, scope, read=lambda cursor: _merged(_decoded(cursor.fetchone())))


def _merged(counted) -> dict[str, int]:
    return {key: count for base in counted for key, count in base.items()}


def _decoded(row):
    """The JSON objects of the statement's row, as psycopg (a dict) or SQLite (text) gives them."""
    return [json.loads(value) if isinstance(value, str) else value for value in row]


def _counted(base, group, scope):
    """The base's one row: an object of each of `group`'s counts."""
    found = base(scope).order_by().annotate(_all=Value(1)).values("_all")
    each = JSONObject(**{rule.key: rule.aggregate(scope) for rule in group})
    return Subquery(found.annotate(counts=each).values("counts"), output_field=JSONField())
