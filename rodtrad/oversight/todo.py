"""Att göra: the rules of the dashboard for the clients a staff member is contact person for,
plus their own drafts left unsigned, first on their start page."""

import datetime

from .catalogue import counts, rules_for
from .scope import for_contact_person

# A contact person has a handful of clients; the cap only guards against a mistaken assignment.
ROWS_PER_RULE = 20


def rows_for(user, *, units=None, today=None, now=None):
    """Every due item of the user's to-do, the overdue first, then by date.

    A rule whose lines are always among another's (a late first plan is a missing one) is not
    listed again. A base that only one listed rule looks at is listed straight away: one query,
    where counting first would take two whenever it finds something. The base several rules
    share (the current plan periods) is counted first, in one aggregate query as on the
    dashboard, and listed only for the rules that found something: most of a contact person's
    rules find nothing on most days, and six list queries cost more than the count that tells
    they would be empty. `units`, the user's units when the caller has them, saves a query."""
    scope = for_contact_person(user, units=units, today=today, now=now)
    listed = [rule for rule in rules_for(scope) if rule.lines_among is None]
    by_base = {}
    for rule in listed:
        by_base.setdefault(rule.base, []).append(rule)
    shared = [rule for group in by_base.values() if len(group) > 1 for rule in group]
    found = counts(scope, shared)
    rows = []
    for rule in listed:
        if found.get(rule.key, True):
            rows.extend(rule.rows(rule.listed(scope)[:ROWS_PER_RULE], scope))
    return sorted(rows, key=lambda row: (not row.overdue, row.due_on or datetime.date.max, str(row.client)))


def counts_for(user, *, today=None, now=None):
    """(rule, count) for the rules that find something in the user's to-do."""
    scope = for_contact_person(user, today=today, now=now)
    found = counts(scope)
    return [(rule, found[rule.key]) for rule in rules_for(scope) if found[rule.key]]
