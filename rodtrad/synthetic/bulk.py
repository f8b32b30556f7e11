"""Rows for many model instances at once, and inserting them with their ids filled in.

`row(Model, **values)` is a plain namespace with the model's defaults for what is not given:
making hundreds of thousands of real model instances would cost more than writing them.
`insert(Model, rows)`: on PostgreSQL the ids are taken from the table's own sequence first, in
one query, and the rows sent with COPY, several times faster than bulk_create, whose parameter
lists dominate at these sizes; on SQLite the ids are given in order and the rows sent with
executemany. Any other database gets real instances through bulk_create."""

import functools
import json
import operator
from types import SimpleNamespace

from django.db import connection, models
from django.utils import timezone
from psycopg import sql

BATCH = 2000


class Layout:
    """What insert and row need to know of a model's table, worked out once per model."""

    def __init__(self, model):
        self.fields = list(model._meta.concrete_fields)
        self.attnames = [field.attname for field in self.fields]
        self.values_of = operator.attrgetter(*self.attnames)
        self.json = [i for i, field in enumerate(self.fields) if isinstance(field, models.JSONField)]
        self.stamped = [
            f.attname for f in self.fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        self.constant, self.made = {}, []
        for field in self.fields:
            if field.primary_key or field.attname in self.stamped:
                continue
            if field.has_default() and callable(field.default):
                self.made.append((field.attname, field.default))
            else:
                self.constant[field.attname] = field.get_default()


@functools.cache
def layout(model) -> Layout:
    return Layout(model)


def row(model, **values) -> SimpleNamespace:
    found = layout(model)
    made = {name: make() for name, make in found.made if name not in values}
    stamped = {name: timezone.now() for name in found.stamped if name not in values}
    return SimpleNamespace(pk=None, **{**found.constant, **made, **stamped, **values})


def insert(model, rows: list) -> list:
    """Insert `rows` (from row()) and set each one's pk (and id)."""
    if not rows:
        return rows
    found = layout(model)
    if connection.vendor == "sqlite":
        return _insert_sqlite(model, rows, found)
    if connection.vendor != "postgresql":
        fields = {name: value for name, value in vars(rows[0]).items() if name != "pk"}.keys()
        objects = [model(**{name: getattr(r, name) for name in fields}) for r in rows]
        for r, obj in zip(rows, model.objects.bulk_create(objects, batch_size=BATCH), strict=True):
            r.pk = r.id = obj.pk
        return rows
    table = model._meta.db_table
    with connection.cursor() as cursor:
        raw = cursor.cursor
        ids = raw.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, len(rows)]
        ).fetchall()
        for r, (pk,) in zip(rows, ids, strict=True):
            r.pk = r.id = pk
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(f.column) for f in found.fields)
        )
        values_of, json_columns = found.values_of, found.json
        with raw.copy(statement) as copy:
            for r in rows:
                values = values_of(r)
                if json_columns:
                    values = list(values)
                    for i in json_columns:
                        values[i] = json.dumps(values[i])
                copy.write_row(values)
    return rows


# Values of these kinds go to SQLite as they are; every other kind (dates, times, JSON) through
# the field's own get_db_prep_save, as bulk_create would send it.
AS_THEY_ARE = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def _insert_sqlite(model, rows, found):
    """executemany with ids given: next after the largest the table has had (AUTOINCREMENT keeps
    sqlite_sequence up to date with ids inserted this way)."""
    table = model._meta.db_table
    prepare = [
        None if isinstance(field, AS_THEY_ARE) or field.primary_key else field.get_db_prep_save
        for field in found.fields
    ]
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT COALESCE(MAX("id"), 0) FROM "{table}"')  # noqa: S608 - a model's own table
        largest = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        found_seq = cursor.fetchone()
        start = max(largest, found_seq[0] if found_seq else 0) + 1
        values = []
        for offset, r in enumerate(rows):
            r.pk = r.id = start + offset
            values.append(
                [
                    value if prep is None else prep(value, connection)
                    for prep, value in zip(prepare, found.values_of(r), strict=True)
                ]
            )
        columns = ", ".join(f'"{field.column}"' for field in found.fields)
        marks = ", ".join("?" for _ in found.fields)
        # The sqlite3 cursor itself: Django's wrapper would rewrite the placeholders of every batch.
        cursor.cursor.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', values)  # noqa: S608
    return rows
