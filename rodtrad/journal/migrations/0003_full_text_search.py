"""Full-text search of journal text, one structure per database (see rodtrad/journal/search.py).

PostgreSQL: a GIN index on to_tsvector('swedish', text), the very expression the search
filters on, so the planner can use it.

SQLite: an FTS5 table with the entries' text as external content, kept in step by triggers.
Its tokenizer keeps å, ä and ö as letters of their own (remove_diacritics 0) and folds case.
NOTE: Django alters a SQLite table by rebuilding it, which drops its triggers. A later
migration that alters journal_entry must run SQLITE_DROP and SQLITE_CREATE again (and
'rebuild' the index) on SQLite."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

PG_INDEX = "journal_entry_text_swedish"

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE journal_entry_fts USING fts5(
        text, content='journal_entry', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE TRIGGER journal_entry_fts_insert AFTER INSERT ON journal_entry BEGIN
        INSERT INTO journal_entry_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER journal_entry_fts_delete AFTER DELETE ON journal_entry BEGIN
        INSERT INTO journal_entry_fts(journal_entry_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER journal_entry_fts_update AFTER UPDATE OF text ON journal_entry BEGIN
        INSERT INTO journal_entry_fts(journal_entry_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO journal_entry_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO journal_entry_fts(journal_entry_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS journal_entry_fts_insert",
    "DROP TRIGGER IF EXISTS journal_entry_fts_delete",
    "DROP TRIGGER IF EXISTS journal_entry_fts_update",
    "DROP TABLE IF EXISTS journal_entry_fts",
]


def pg_index():
    return GinIndex(SearchVector("text", config="swedish"), name=PG_INDEX)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.add_index(apps.get_model("journal", "Entry"), pg_index())
    elif vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("journal", "Entry"), pg_index())
    elif vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("journal", "0002_signed_entries_are_final")]
    operations = [migrations.RunPython(create, drop)]
