from django.db import migrations

# PostgreSQL only: whatever the code path, a signed entry is never updated or deleted, and an
# objection is never updated or deleted at all. Drafts (signed_at IS NULL) stay editable.
# TRUNCATE is left to the database owner (and to the test runner's flush).
CREATE = """
CREATE OR REPLACE FUNCTION journal_refuse_signed_change() RETURNS trigger AS $$
BEGIN
    IF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION 'journal_entry % is signed and final: % refused', OLD.id, TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER journal_entry_signed_is_final
    BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_signed_change();

CREATE OR REPLACE FUNCTION journal_refuse_objection_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'journal_objection is final: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER journal_objection_is_final
    BEFORE UPDATE OR DELETE ON journal_objection
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_objection_change();
"""
DROP = """
DROP TRIGGER IF EXISTS journal_entry_signed_is_final ON journal_entry;
DROP FUNCTION IF EXISTS journal_refuse_signed_change();
DROP TRIGGER IF EXISTS journal_objection_is_final ON journal_objection;
DROP FUNCTION IF EXISTS journal_refuse_objection_change();
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("journal", "0001_initial")]
    operations = [migrations.RunPython(create_triggers, drop_triggers)]
