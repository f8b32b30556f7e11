"""PostgreSQL helpers for a bulk load into one table, inside the caller's transaction.

Everything here is transactional DDL: if the load fails, the rollback restores the dropped
indexes and constraints exactly as they were."""

from contextlib import contextmanager

from psycopg import sql

from .progress import Step

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
def without_indexes(cursor, table: str, write, *, enabled: bool = True):
    """Drop `table`'s foreign keys and secondary indexes for the block, then build them again.
    Indexes that back a constraint (the primary key) stay."""
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
    # The full-text index takes longest; it goes first so that its time is seen early.
    for index, definition in sorted(indexes, key=lambda found: "gin" not in found[1].lower()):
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
