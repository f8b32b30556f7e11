"""Prepared statements with one generic plan, where a query's best plan does not depend on its
parameters.

psycopg prepares a statement after it has run five times on a connection. PostgreSQL would then
plan it for its parameters five times more and keep doing so unless one generic plan looks no
dearer; for the oversight rules it never did (their counts, all in one statement, were planned
afresh on every request: 3 ms of a 4 ms statement). Inside `prepared_statements()` the generic
plan is used (plan_cache_mode), which saves the planning on every request. But a generic plan is
made for a typical parameter: a journal query planned for a client with the average ten entries
read all 5,000 of the one client who has them, sorted, in 16 ms instead of 0.4 ms (50,000
entries). So only the rules run inside the block, whose queries read a scope's ids and dates the
same way whoever asks; everywhere else each query is planned for its own parameters.
RODTRAD_DB_PREPARE=0 turns it off, for a connection pooler in transaction mode that cannot keep
prepared statements (PgBouncer before 1.21)."""

import os
from contextlib import contextmanager

from django.db import connection
from psycopg.pq import TransactionStatus

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
    if before == PREPARE_AFTER_RUNS:  # inside another such block, which sets and resets it all
        yield
        return
    psycopg_connection.prepare_threshold = PREPARE_AFTER_RUNS
    _plan_cache_mode("force_generic_plan")
    try:
        yield
    finally:
        psycopg_connection.prepare_threshold = before
        # In a failed transaction the rollback undoes the SET; nothing else can be sent.
        if psycopg_connection.info.transaction_status != TransactionStatus.INERROR:
            _plan_cache_mode("DEFAULT")


def _plan_cache_mode(mode):
    with connection.cursor() as cursor:
        cursor.execute(f"SET plan_cache_mode = {mode}")
