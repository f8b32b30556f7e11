"""Writing the generated journal rows: COPY on PostgreSQL, executemany on SQLite.

PostgreSQL, for a large load: the table's foreign keys and secondary indexes (whatever the
migrations have made of them) are dropped, the rows copied in, and every one of them built
again from its own definition as the catalogue held it; building an index once is far cheaper than
keeping it up to date row by row. All of it runs in the loader's one transaction, so an error
rolls the drops back with everything else: the schema is never left without them. When the
journal and every table that refers to it are still empty, they are truncated in the same
transaction and the rows copied with FREEZE: they are then visible to all and need no vacuum,
so the first reads after the load do not rewrite the whole table.

The signed-entry trigger of migration 0002 guards UPDATE and DELETE only, so COPY passes it and
it guards the loaded rows like any other. The stored search vector of migration 0005 is a
generated column: PostgreSQL computes it for each row as it is copied in.

On SQLite, a large load likewise drops the secondary indexes and the trigger that feeds the
FTS5 table, and builds them and the FTS5 index again (sqlite_bulk.py)."""

from django.db import connection

from . import pg_bulk, sqlite_bulk
from .progress import Progress

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
REBUILD_FROM_ROWS = 20_000
LINES_PER_WRITE = 2000
ROWS_PER_BATCH = 5000
NULL = "\\N"


def load(rows, total: int, clock, write) -> None:
    if connection.vendor == "postgresql":
        _load_postgresql(rows, total, clock, write)
    else:
        _load_sqlite(rows, total, clock, write)


def _copy_lines(rows, clock, progress):
    """COPY text format, a few thousand lines per string. Names and titles hold no tab, newline or
    backslash; a text's newlines are the only characters that need escaping."""
    text_of = clock.text
    buffer = []
    for category, occurred, text, author, created, signed, late, client, goal, area, item, assessed in rows:
        if "\n" in text:
            text = text.replace("\n", "\\n")
        if signed is None:
            signed_text, updated, signer = NULL, text_of(created + 5), NULL
        else:
            signed_text = updated = text_of(signed)
            signer = author.pk
        buffer.append(
            f"{category}\t{text_of(occurred)}\t{text}\t{author.first_name} {author.last_name}\t{author.title}\t"
            f"f\t\t\t{assessed}\t\t{text_of(created)}\t{updated}\t{signed_text}\t{'t' if late else 'f'}\tf\tf\t[]\t"
            f"{author.pk}\t{client}\t{NULL}\t{NULL if goal is None else goal}\t{NULL if area is None else area}\t"
            f"{NULL if item is None else item}\t{signer}\n"
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
        watcher = pg_bulk.IndexProgress(connection.get_connection_params(), raw.connection.info.backend_pid, write)
        with watcher, pg_bulk.without_indexes(raw, TABLE, write, enabled=rebuild, watcher=watcher):
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
    with (
        connection.cursor() as cursor,
        sqlite_bulk.without_indexes(cursor, TABLE, write, enabled=total >= REBUILD_FROM_ROWS),
    ):
        batch = []
        for category, occurred, text, author, created, signed, late, client, goal, area, item, assessed in rows:
            batch.append(
                (
                    category,
                    text_of(occurred),
                    text,
                    f"{author.first_name} {author.last_name}",
                    author.title,
                    False,
                    "",
                    "",
                    assessed,
                    "",
                    text_of(created),
                    text_of(created + 5 if signed is None else signed),
                    None if signed is None else text_of(signed),
                    late,
                    False,
                    False,
                    "[]",
                    author.pk,
                    client,
                    None,
                    goal,
                    area,
                    item,
                    None if signed is None else author.pk,
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
