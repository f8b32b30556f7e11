"""PostgreSQL helpers for a bulk load into one table, inside the caller's transaction.

Everything here is transactional DDL: if the load fails, the rollback restores the dropped
indexes and constraints exactly as they were."""

import threading
from contextlib import contextmanager

import psycopg
from psycopg import sql

from .progress import EVERY_SECONDS, Step

SECONDARY_INDEXES = """
SELECT index_class.relname, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
WHERE i.indrelid = %s::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
ORDER BY index_class.relname
"""
FOREIGN_KEYS = """
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname
"""
REFERRING_TABLES = """
SELECT DISTINCT conrelid::regclass::text FROM pg_constraint WHERE confrelid = %s::regclass AND contype = 'f'
"""


@contextmanager
def without_indexes(cursor, table: str, write, *, enabled: bool = True, watcher=None):
    """Drop `table`'s foreign keys and secondary indexes for the block, then build them again.
    Indexes that back a constraint (the primary key) stay. `watcher` (an IndexProgress) is told
    which index is being built."""
    if not enabled:
        yield
        return
    indexes = cursor.execute(SECONDARY_INDEXES, [table]).fetchall()
    foreign_keys = cursor.execute(FOREIGN_KEYS, [table]).fetchall()
    name = sql.Identifier(table)
    # The rows written so far have deferred foreign-key checks waiting, which ALTER TABLE on the
    # tables they refer to will not wait for: run them now.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for constraint, _definition in foreign_keys:
        cursor.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(name, sql.Identifier(constraint)))
    for index, _definition in indexes:
        cursor.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(index)))
    yield
    # A full-text (GIN) index, where there is one, takes longest: it goes first, so that its time is seen early.
    for index, definition in sorted(indexes, key=lambda found: "gin" not in found[1].lower()):
        if watcher is not None:
            watcher.label = index
        with Step(write, f"index {index}"):
            cursor.execute(definition)
    for constraint, definition in foreign_keys:
        with Step(write, f"foreign key {constraint}"):
            cursor.execute(
                sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(name, sql.Identifier(constraint))
                + sql.SQL(definition)
            )


def referring_tables(cursor, table: str) -> list[str]:
    """`table` and every table whose foreign keys lead to it, however indirectly."""
    found, todo = [table], [table]
    while todo:
        for (other,) in cursor.execute(REFERRING_TABLES, [todo.pop()]).fetchall():
            if other not in found:
                found.append(other)
                todo.append(other)
    return found


def truncate_if_empty(cursor, table: str) -> bool:
    """Truncate `table` (with the tables that refer to it) when all of them are empty, so that
    COPY … FREEZE may fill it in this transaction. Nothing is ever truncated that holds a row."""
    tables = referring_tables(cursor, table)
    for other in tables:
        if cursor.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(sql.Identifier(other))).fetchone()[0]:
            return False
    cursor.execute(sql.SQL("TRUNCATE {}").format(sql.SQL(", ").join(sql.Identifier(t) for t in tables)))
    return True


INDEX_PROGRESS = """
SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total
FROM pg_stat_progress_create_index WHERE pid = %s
"""


class IndexProgress:
    """Reports, from a second connection, how far the main connection's CREATE INDEX has got
    (pg_stat_progress_create_index): the table scan is most of the time of a big build."""

    def __init__(self, connection_params: dict, backend_pid: int, write, every: float = EVERY_SECONDS * 4):
        self.params = {
            k: v for k, v in connection_params.items() if k in ("dbname", "user", "host", "port", "password")
        }
        self.pid, self.write, self.every = backend_pid, write, every
        self.label = ""
        self._stop = threading.Event()
        self._thread = None

    def __enter__(self):
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False

    def _run(self):
        try:
            with psycopg.connect(**self.params, autocommit=True) as watcher:
                while not self._stop.wait(self.every):
                    found = watcher.execute(INDEX_PROGRESS, [self.pid]).fetchone()
                    if found:
                        self.write(f"    {self.label}: {describe(*found)}")
        except psycopg.Error:
            return  # progress is a courtesy: the load goes on without it


def describe(phase, blocks_done, blocks_total, tuples_done, tuples_total) -> str:
    if blocks_total:
        return f"{phase}, table {100 * blocks_done / blocks_total:.0f}% read"
    if tuples_total:
        return f"{phase}, {100 * tuples_done / tuples_total:.0f}% of rows"
    return phase
