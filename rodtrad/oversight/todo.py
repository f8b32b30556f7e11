"""Att göra: the rules of the dashboard for the clients a staff member is contact person for,
plus their own drafts left unsigned, first on their start page."""

import datetime

from django.db.models import BooleanField, ExpressionWrapper, Q

from rodtrad.lib.prepared import prepared_statements

from . import listing, rules
from .catalogue import counts, rules_for
from .scope import for_contact_person

# A contact person has a handful of clients; the cap only guards against a mistaken assignment.
ROWS_PER_RULE = 20


def rows_for(user, *, units=None, today=None, now=None):
    """Every due item of the user's to-do, the overdue first, then by date.

    The period rules are read together, from one read of the current periods with what every
    one of them says of each. The other rules are counted first, in one statement as on the
    dashboard, and listed only when they found something: on most days most of them find
    nothing. A rule whose lines are always among another's (a late first plan is a missing one)
    is not listed again. `units`, the user's units when the caller has them, saves a query. The
    queries are the same whoever asks, so they are prepared (rodtrad/lib/prepared.py)."""
    with prepared_statements():
        scope = for_contact_person(user, units=units, today=today, now=now)
        listed = [rule for rule in rules_for(scope) if rule.lines_among is None]
        on_periods = [rule for rule in listed if rule.base is rules.periods]
        found = counts(scope, [rule for rule in listed if rule.base is not rules.periods])
        rows = _period_rows(on_periods, scope) if scope.units and rules.current_periods(scope) else []
        for rule in listed:
            if rule.base is not rules.periods and found[rule.key]:
                rows.extend(rule.rows(rule.listed(scope)[:ROWS_PER_RULE], scope))
    return sorted(rows, key=lambda row: (not row.overdue, row.due_on or datetime.date.max, str(row.client)))


def _period_rows(period_rules, scope) -> list:
    """The current periods some of `period_rules` find, each read once with what every one of
    them says of it."""
    finds = {
        f"finds_{index}": ExpressionWrapper(Q(rule.condition(scope)), output_field=BooleanField())
        for index, rule in enumerate(period_rules)
    }
    periods = list(listing.periods_by_start(rules.periods(scope), scope).annotate(**finds))
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
