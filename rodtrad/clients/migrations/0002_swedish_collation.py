from django.db import migrations


def create_swedish_collation(apps, schema_editor):
    # SQLite gets "sv" from rodtrad.lib.sqlite; PostgreSQL gets the same name from ICU.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE COLLATION IF NOT EXISTS sv (provider = icu, locale = 'sv-SE')")


def drop_swedish_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP COLLATION IF EXISTS sv")


class Migration(migrations.Migration):
    dependencies = [("clients", "0001_initial")]
    operations = [migrations.RunPython(create_swedish_collation, drop_swedish_collation)]
