from django.db.models.functions import Collate

# Both backends know a collation called "sv": SQLite through rodtrad.lib.sqlite, PostgreSQL
# through the ICU collation created in the first clients migration.
SWEDISH = "sv"


def swedish(field_name: str) -> Collate:
    return Collate(field_name, SWEDISH)
