"""Inserting many model instances at once, their ids filled in.

On PostgreSQL the ids are taken from the table's own sequence first, in one query, and the rows
then sent with COPY: several times faster than bulk_create, whose parameter lists dominate at
these sizes. Elsewhere, bulk_create (SQLite returns the ids too)."""

import json

from django.db import connection, models
from psycopg import sql

BATCH = 2000


def _columns(model):
    """The concrete fields in the table, the id first."""
    return [field for field in model._meta.concrete_fields]


def _value(field, obj):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return field.pre_save(obj, add=True)
    value = getattr(obj, field.attname)
    if isinstance(field, models.JSONField):
        return json.dumps(value)
    return value


def insert(model, objects: list) -> list:
    if not objects:
        return objects
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(objects, batch_size=BATCH)
    table = model._meta.db_table
    fields = _columns(model)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        ids = raw.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, len(objects)]
        ).fetchall()
        for obj, (pk,) in zip(objects, ids, strict=True):
            obj.pk = pk
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(f.column) for f in fields)
        )
        with raw.copy(statement) as copy:
            for obj in objects:
                copy.write_row([_value(field, obj) for field in fields])
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objects
