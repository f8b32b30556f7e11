"""Every index is kept up by every write of an entry: the ones another index already covers go.
The goal's and plan item's foreign keys index themselves; the client's is the first column of
journal_by_client_author and journal_signed_by_client.

On SQLite, altering the client field rebuilds the table, which drops the triggers that keep the
FTS5 table of migration 0003 in step: they are made again, and the index rebuilt."""

import importlib

import django.db.models.deletion
from django.db import migrations, models

full_text = importlib.import_module("rodtrad.journal.migrations.0003_full_text_search")


def renew_sqlite_search(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in full_text.SQLITE_DROP + full_text.SQLITE_CREATE:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0004_client_register_orders_consents"),
        ("journal", "0005_signed_by_client_and_stored_search_vector"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="entry", name="journal_by_goal"),
        migrations.RemoveIndex(model_name="entry", name="journal_by_plan_item"),
        migrations.AlterField(
            model_name="entry",
            name="client",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="journal_entries",
                to="clients.client",
                verbose_name="client",
            ),
        ),
        migrations.RunPython(renew_sqlite_search, renew_sqlite_search, elidable=False),
    ]
