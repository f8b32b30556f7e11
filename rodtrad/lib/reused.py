"""Statements built once and run again with new values, where building a query costs more than
running it. Used in one place only, where it measurably pays: the oversight counts, one statement
of every rule (rodtrad/oversight/catalogue.py: counts).

Django builds every queryset anew, and a query with subqueries and conditions costs 1–2 ms of
Python to build and compile: for the counts of the dashboard and Att göra, fifteen rules over
seven bases, that is 15–30 ms, many times what PostgreSQL takes to run them. Yet their text is the same whoever asks; only a few values differ
(the user's id, their clients' ids, a point in time). So such a statement is built once per
shape, with stand-ins for those values, and later runs put the real values in its parameters.

What makes that safe: the statement is built twice, from two different sets of stand-ins. The
text must come out the same, and every parameter that differs between the two must be exactly
one of the stand-ins, so that it can be replaced. A parameter computed from a stand-in (a date
from a point in time) or a text shaped by one (a list of placeholders) fails that test, and the
query is then built the ordinary way every time. Everything else the building reads must be in
the key: a day, a unit's settings. With RODTRAD_CHECK_REUSED_STATEMENTS (the test settings),
every run is also built the ordinary way and compared with what was run, so that a value missing
from the key fails the tests instead of giving an answer from another day.

Only on PostgreSQL, where a list of ids is one array parameter; on SQLite its length shapes the
text. The subject (rodtrad/oversight/scope.py) gives its stand-ins and the real values of its slots."""

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.db import connection

# Shapes a process keeps: a day's rules for each set of units that asks.
KEPT_STATEMENTS = 1024


class Subject(Protocol):
    def stand_in(self, which: int) -> "Subject": ...

    def slot_values(self) -> Mapping[str, Callable[[], object]]: ...


@dataclass(frozen=True)
class Slot:
    name: str


@dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple  # each a constant or a Slot

    def bind(self, query, subject) -> list:
        """The parameters for `subject`; checked against the ordinary build when so configured."""
        values = subject.slot_values()
        params = [values[param.name]() if isinstance(param, Slot) else param for param in self.params]
        if getattr(settings, "RODTRAD_CHECK_REUSED_STATEMENTS", False):
            built = capture(query(subject))
            if built != (self.sql, params):
                raise AssertionError(f"A reused statement is not what the query builds now: {built!r}")
        return params


class NotReusable(Exception):
    """The query depends on a stand-in in a way that cannot be put back."""


_statements: OrderedDict = OrderedDict()
_keeping = threading.Lock()
_NOT_REUSABLE = object()


def enabled() -> bool:
    return connection.vendor == "postgresql"


def run(key, query: Callable[[Subject], Callable[[], object]], subject: Subject, read: Callable):
    """`query(subject)()` does one ordinary ORM read; `read(cursor)` gives the same answer from the
    statement's rows. Run reused when it can be, else the ordinary way."""
    statement = prepare(key, query, subject)
    if statement is None:
        return query(subject)()
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, statement.bind(query, subject))
        return read(cursor)


def objects(key, query, subject, model) -> list:
    """Like run, for a query of `model`'s own columns (nothing joined in with select_related):
    `query(subject)()` gives the instances, and so does the reused statement, through
    QuerySet.raw, which turns each column into its field's value as a query would."""
    statement = prepare(key, query, subject)
    if statement is None:
        return list(query(subject)())
    return list(model.objects.raw(statement.sql, statement.bind(query, subject)))


def prepare(key, query, subject) -> "Statement | None":
    """The statement `query` builds for subjects of this shape (`key`), or None where it is not
    reused: not on PostgreSQL, or not reusable."""
    if not enabled():
        return None
    return _statement((connection.alias, *key), query, subject)


def _statement(key, query, subject) -> Statement | None:
    found = _statements.get(key)
    if found is None:
        try:
            found = reusable(query, subject) or _NOT_REUSABLE
        except NotReusable:
            if getattr(settings, "RODTRAD_CHECK_REUSED_STATEMENTS", False):
                raise
            found = _NOT_REUSABLE
        with _keeping:  # a worker's threads share the statements
            _statements[key] = found
            while len(_statements) > KEPT_STATEMENTS:
                _statements.popitem(last=False)
    return None if found is _NOT_REUSABLE else found


def reusable(query, subject) -> Statement | None:
    first, second = subject.stand_in(1), subject.stand_in(2)
    built = [capture(query(first)), capture(query(second))]
    if None in built:
        return None  # answered without a statement (no units): nothing to reuse
    (sql, params), (other_sql, other_params) = built
    if sql != other_sql or len(params) != len(other_params):
        raise NotReusable(f"The statement's text depends on a stand-in: {sql[:200]}")
    first_values = {name: value() for name, value in first.slot_values().items()}
    second_values = {name: value() for name, value in second.slot_values().items()}
    reused = []
    for param, other in zip(params, other_params, strict=True):
        if param == other:
            reused.append(param)
            continue
        slot = next(
            (name for name, value in first_values.items() if param == value and other == second_values[name]),
            None,
        )
        if slot is None:
            raise NotReusable(f"A parameter is computed from a stand-in: {param!r} / {other!r}")
        reused.append(Slot(slot))
    return Statement(sql, tuple(reused))


class _Captured(Exception):
    def __init__(self, sql, params):
        super().__init__(sql)
        self.sql, self.params = sql, params


def capture(operation: Callable[[], object]) -> tuple[str, list] | None:
    """The SQL and parameters of the first statement `operation` sends, without sending it;
    None when it answers without one (a filter on an empty list)."""

    def intercept(execute, sql, params, many, context):
        raise _Captured(sql, list(params or ()))

    # What was never sent stays out of the queries a debug cursor logs (and tests count).
    log, logged = connection.queries_log, len(connection.queries_log)
    try:
        with connection.execute_wrapper(intercept):
            operation()
    except _Captured as captured:
        return captured.sql, captured.params
    finally:
        while len(log) > logged:
            log.pop()
    return None


def forget():
    """Drop every kept statement (tests that change what the building reads)."""
    _statements.clear()
