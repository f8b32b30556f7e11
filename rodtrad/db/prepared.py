"""Prepared statements, where a query's best plan does not depend on its parameters.

psycopg prepares a statement after it has run five times on a connection, and PostgreSQL, after
planning a prepared statement for its parameters five times more, settles on one generic plan
when that looks no dearer. That saves the planning a query otherwise costs on every request,
which for the oversight rules' dozen small queries was as much as running them. But a generic
plan is made for a typical parameter: a journal query planned for a client with the average ten
entries read all 5,000 of the one client who has them, sorted, in 16 ms instead of 0.4 ms (50,000
entries). So statements are prepared only inside `prepared_statements()`, around the rules,
whose queries read a scope's ids and dates the same way whoever asks; everywhere else each query
is planned for its own parameters. RODTRAD_DB_PREPARE=0 turns it off, for a connection pooler
in transaction mode that cannot keep prepared statements (PgBouncer before 1.21)."""

import os
from contextlib import contextmanager

from django.db import connection

# psycopg's own default: a statement run this many times on a connection is prepared.
PREPARE_AFTER_RUNS = 5


def enabled() -> bool:
    return connection.vendor == "postgresql" and os.environ.get("RODTRAD_DB_PREPARE", "1") != "0"


@contextmanager
def prepared_statements():
    if not enabled():
        yield
        return
    connection.ensure_connection()
    psycopg_connection = connection.connection
    before = psycopg_connection.prepare_threshold
    psycopg_connection.prepare_threshold = PREPARE_AFTER_RUNS
    try:
        yield
    finally:
        psycopg_connection.prepare_threshold = before
