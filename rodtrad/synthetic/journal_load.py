"""Writing the generated journal rows: COPY on PostgreSQL, executemany on SQLite.

PostgreSQL, for a large load: the table's foreign keys and secondary indexes (the full-text GIN
index of migration 0003 among them) are dropped, the rows copied in, and every one of them built
again from its own definition as the catalogue held it; building an index once is far cheaper than
keeping it up to date row by row. All of it runs in the loader's one transaction, so an error
rolls the drops back with everything else: the schema is never left without them. When the
journal and every table that refers to it are still empty, they are truncated in the same
transaction and the rows copied with FREEZE: they are then visible to all and need no vacuum,
so the first reads after the load do not rewrite the whole table.

The signed-entry trigger of migration 0002 guards UPDATE and DELETE only, so COPY passes it and
it guards the loaded rows like any other. SQLite keeps its FTS5 table in step through the
triggers of migration 0003, row by row, as it does for entries written in the app."""

from django.db import connection

from . import pg_bulk
from .progress import Progress, Step

TABLE = "journal_entry"
COLUMNS = (
    "category",
    "occurred_at",
    "text",
    "author_name",
    "author_title",
    "for_colleague",
    "colleague_name",
    "colleague_title",
    "assessment_by",
    "correction_reason",
    "created_at",
    "updated_at",
    "signed_at",
    "late",
    "recorded_by_system",
    "other_client_confirmed",
    "findings_at_signing",
    "author_id",
    "client_id",
    "corrects_id",
    "goal_id",
    "life_area_id",
    "plan_item_id",
    "signed_by_id",
)
# Below this many rows, dropping and rebuilding the indexes costs more than it saves.
REBUILD_FROM_ROWS = 200_000
LINES_PER_WRITE = 2000
ROWS_PER_BATCH = 5000


def load(rows, total: int, clock, write) -> None:
    if connection.vendor == "postgresql":
        _load_postgresql(rows, total, clock, write)
    else:
        _load_sqlite(rows, total, clock, write)


def _null(value):
    return "\\N" if value is None else value


def _copy_lines(rows, clock, progress):
    text_of = clock.text
    buffer = []
    for row in rows:
        author = row.author
        signed = row.signed
        text = row.text.replace("\n", "\\n") if "\n" in row.text else row.text
        signed_text = text_of(signed) if signed is not None else "\\N"
        buffer.append(
            f"{row.category}\t{text_of(row.occurred)}\t{text}\t{author.first_name} {author.last_name}\t{author.title}\t"
            f"f\t\t\t{row.assessment_by}\t\t{text_of(row.created)}\t{text_of(signed if signed is not None else row.created + 5)}\t"
            f"{signed_text}\t{'t' if row.late else 'f'}\tf\tf\t[]\t{author.pk}\t{row.client_pk}\t\\N\t"
            f"{_null(row.goal_pk)}\t{_null(row.life_area_pk)}\t{_null(row.plan_item_pk)}\t"
            f"{author.pk if signed is not None else chr(92) + 'N'}\n"
        )
        if len(buffer) >= LINES_PER_WRITE:
            yield "".join(buffer)
            progress.advance(len(buffer))
            buffer = []
    if buffer:
        yield "".join(buffer)
        progress.advance(len(buffer))


def _load_postgresql(rows, total, clock, write):
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute("SET LOCAL maintenance_work_mem = '1GB'")
        rebuild = total >= REBUILD_FROM_ROWS
        with pg_bulk.without_indexes(raw, TABLE, write, enabled=rebuild):
            freeze = rebuild and pg_bulk.truncate_if_empty(raw, TABLE)
            statement = f"COPY {TABLE} ({', '.join(COLUMNS)}) FROM STDIN" + (" WITH (FREEZE)" if freeze else "")
            progress = Progress(write, "journal entries (COPY" + (" FREEZE)" if freeze else ")"), total)
            with raw.copy(statement) as copy:
                for chunk in _copy_lines(rows, clock, progress):
                    copy.write(chunk)
            progress.finish()


def _load_sqlite(rows, total, clock, write):
    text_of = clock.text
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    statement = f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) VALUES ({placeholders})"  # noqa: S608 - constants only
    progress = Progress(write, "journal entries (INSERT)", total)
    with connection.cursor() as cursor:
        batch = []
        for row in rows:
            author, signed = row.author, row.signed
            batch.append(
                (
                    row.category,
                    text_of(row.occurred),
                    row.text,
                    f"{author.first_name} {author.last_name}",
                    author.title,
                    False,
                    "",
                    "",
                    row.assessment_by,
                    "",
                    text_of(row.created),
                    text_of(signed if signed is not None else row.created + 5),
                    text_of(signed) if signed is not None else None,
                    row.late,
                    False,
                    False,
                    "[]",
                    author.pk,
                    row.client_pk,
                    None,
                    row.goal_pk,
                    row.life_area_pk,
                    row.plan_item_pk,
                    author.pk if signed is not None else None,
                )
            )
            if len(batch) >= ROWS_PER_BATCH:
                cursor.executemany(statement, batch)
                progress.advance(len(batch))
                batch = []
        if batch:
            cursor.executemany(statement, batch)
            progress.advance(len(batch))
        progress.finish()
        with Step(write, "SQLite ANALYZE"):
            cursor.execute("ANALYZE")
