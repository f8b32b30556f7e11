"""Att göra: the rules of the dashboard for the clients a staff member is contact person for,
plus their own drafts left unsigned, first on their start page."""

import datetime

from django.db.models import BooleanField, ExpressionWrapper, Q

from rodtrad.db.prepared import prepared_statements

from . import listing, rules
from .catalogue import counts, rules_for
from .scope import for_contact_person

# A contact person has a handful of clients; the cap only guards against a mistaken assignment.
ROWS_PER_RULE = 20


def rows_for(user, *, units=None, today=None, now=None):
    """Every due item of the user's to-do, the overdue first, then by date.

    A contact person's clients have a handful of current plan periods: they are read once, each
    with what every period rule says of it, and give both those rules' lines and the ids the goal
    and risk rules start from. The other rules are counted first, one aggregate query per base as
    on the dashboard, and listed only when they found something: on most days most of them find
    nothing, and a count costs half what building the list query costs. A rule whose lines are
    always among another's (a late first plan is a missing one) is not listed again. `units`,
    the user's units when the caller has them, saves a query. The queries are the same whoever
    asks, so they are prepared (rodtrad/db/prepared.py)."""
    with prepared_statements():
        scope = for_contact_person(user, units=units, today=today, now=now)
        listed = [rule for rule in rules_for(scope) if rule.lines_among is None]
        on_periods = [rule for rule in listed if rule.base is rules.periods]
        rows = _period_rows(on_periods, scope)
        others = [rule for rule in listed if rule.base is not rules.periods]
        found = counts(scope, others)
        for rule in others:
            if found[rule.key]:
                rows.extend(rule.rows(rule.listed(scope)[:ROWS_PER_RULE], scope))
    return sorted(rows, key=lambda row: (not row.overdue, row.due_on or datetime.date.max, str(row.client)))


def _period_rows(period_rules, scope) -> list:
    finds = {
        f"finds_{index}": ExpressionWrapper(Q(rule.condition(scope)), output_field=BooleanField())
        for index, rule in enumerate(period_rules)
    }
    periods = list(listing.periods_by_start(rules.current_periods_of(scope), scope).annotate(**finds))
    scope.cache["current_period_ids"] = [period.pk for period in periods]
    rows = []
    for index, rule in enumerate(period_rules):
        found = [period for period in periods if getattr(period, f"finds_{index}")]
        rows.extend(rule.rows(found[:ROWS_PER_RULE], scope))
    return rows


def counts_for(user, *, today=None, now=None):
    """(rule, count) for the rules that find something in the user's to-do."""
    scope = for_contact_person(user, today=today, now=now)
    found = counts(scope)
    return [(rule, found[rule.key]) for rule in rules_for(scope) if found[rule.key]]
