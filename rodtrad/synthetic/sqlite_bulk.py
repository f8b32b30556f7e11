"""SQLite helpers for a bulk load into the journal, inside the caller's transaction.

The journal's secondary indexes and the trigger that indexes each new row in the FTS5 table
(migration journal/0003) are dropped for the block and made again from the very SQL that
sqlite_master held; the FTS5 index is then rebuilt from the table in one pass. SQLite's DDL is
transactional too: an error rolls the drops back with the rows."""

from contextlib import contextmanager

from .progress import Step

INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL ORDER BY name"
INSERT_TRIGGER = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s AND name = %s"
FTS_TABLE, FTS_INSERT_TRIGGER = "journal_entry_fts", "journal_entry_fts_insert"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@contextmanager
def without_indexes(cursor, table: str, write, *, enabled: bool = True):
    if not enabled:
        yield
        return
    cursor.execute(INDEXES, [table])
    indexes = cursor.fetchall()
    cursor.execute(INSERT_TRIGGER, [table, FTS_INSERT_TRIGGER])
    triggers = cursor.fetchall()
    for name, _sql in indexes:
        cursor.execute(f"DROP INDEX {_quoted(name)}")
    for name, _sql in triggers:
        cursor.execute(f"DROP TRIGGER {_quoted(name)}")
    yield
    for name, statement in indexes:
        with Step(write, f"index {name}"):
            cursor.execute(statement)
    for _name, statement in triggers:
        cursor.execute(statement)
    if triggers:
        with Step(write, f"full-text index {FTS_TABLE} (rebuild)"):
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")  # noqa: S608 - a constant
