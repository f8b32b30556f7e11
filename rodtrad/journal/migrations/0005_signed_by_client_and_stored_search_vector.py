"""A client's signed entries in the order the journal shows them, and on PostgreSQL the Swedish
search vector stored with each entry.

Every search is within one client's journal. Computing to_tsvector for each of a client's
thousands of entries at query time costs tens of microseconds apiece, and the GIN index of
migration 0003 answers for all clients at once, so a common word made the planner read a
posting list of millions of rows to keep a few thousand. With the vector stored, the search
reads the client's slice through journal_signed_by_client and tests each row's stored vector:
its cost is bounded by the size of that client's journal, not of the whole table. The GIN index
goes, which also spares every write its upkeep. SQLite keeps its FTS5 table (migration 0003)."""

from django.conf import settings
from django.db import migrations, models

ADD_VECTOR = """
ALTER TABLE journal_entry ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('swedish'::regconfig, coalesce(text, ''))) STORED
"""
DROP_VECTOR = "ALTER TABLE journal_entry DROP COLUMN search_vector"
DROP_GIN = "DROP INDEX IF EXISTS journal_entry_text_swedish"
CREATE_GIN = (
    "CREATE INDEX journal_entry_text_swedish ON journal_entry "
    "USING gin (to_tsvector('swedish'::regconfig, COALESCE(text, '')))"
)


def store_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_GIN)
        schema_editor.execute(ADD_VECTOR)


def compute_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_VECTOR)
        schema_editor.execute(CREATE_GIN)


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0004_client_register_orders_consents"),
        ("journal", "0004_draft_index"),
        ("plans", "0003_form_draft"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="entry", name="journal_by_client_time"),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(
                condition=models.Q(("signed_at__isnull", False)),
                fields=["client", "-occurred_at", "-id"],
                name="journal_signed_by_client",
            ),
        ),
        migrations.RunPython(store_vector, compute_vector, elidable=False),
    ]
