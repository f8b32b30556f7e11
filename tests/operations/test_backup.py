"""Backups that restore: `manage.py backup` of a database with data, `manage.py restore` into an
empty one, and the restored copy holds the same rows, the signed entries' text and the audit log
event for event (on PostgreSQL with its append-only trigger still refusing changes)."""

import datetime
import os
import sqlite3
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from rodtrad.audit.models import AccessEvent
from rodtrad.clients.models import Client
from rodtrad.journal.models import Entry
from rodtrad.operations import backup

from ..factories import SignedEntryFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def target(tmp_path):
    """An empty database beside the test database, as a DATABASES entry and a URL."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}, f"sqlite:///{path}"
        return
    name = f"{settings['NAME']}_restore"
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    host, port, user = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432, settings["USER"]
    yield {**settings, "NAME": name}, f"postgres://{user}@{host}:{port}/{name}"
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin():
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def rows(target, sql):
    if target["ENGINE"].endswith("sqlite3"):
        with sqlite3.connect(target["NAME"]) as restored:
            return restored.execute(sql).fetchall()
    with psycopg.connect(
        host=target["HOST"] or "127.0.0.1", port=target["PORT"] or 5432, user=target["USER"], dbname=target["NAME"]
    ) as restored:
        return [tuple(row) for row in restored.execute(sql).fetchall()]


@pytest.fixture
def data(world, as_user):
    for number in range(3):
        SignedEntryFactory(client=world.client, author=world.staff, text=f"Anteckning {number}: Elsa bakade.")
    browser = as_user(world.staff)
    browser.get(f"/brukare/{world.client.pk}/")
    browser.get(f"/brukare/{world.client.pk}/journal/")


EVENTS = "SELECT id, user_id, client_id, action, object_type, path FROM audit_accessevent ORDER BY id"
COUNTS = {
    Client: "SELECT count(*) FROM clients_client",
    Entry: "SELECT count(*) FROM journal_entry",
    AccessEvent: "SELECT count(*) FROM audit_accessevent",
}


def test_a_backup_restores_into_an_empty_database_with_every_row(data, target, tmp_path):
    settings, url = target
    path = tmp_path / "rodtrad.backup"
    call_command("backup", output=path)
    assert path.is_file() and not path.with_name(path.name + ".partial").exists()
    call_command("restore", str(path), database_url=url)

    for model, count in COUNTS.items():
        assert rows(settings, count) == [(model.objects.count(),)]
    signed = rows(settings, "SELECT text FROM journal_entry WHERE signed_at IS NOT NULL ORDER BY id")
    assert [text for (text,) in signed] == list(Entry.objects.signed().order_by("pk").values_list("text", flat=True))
    assert len(signed) == 3
    # The audit log, event for event, in the same order.
    expected = [
        tuple(map(str, row))
        for row in AccessEvent.objects.order_by("pk").values_list(
            "id", "user_id", "client_id", "action", "object_type", "path"
        )
    ]
    assert [tuple(map(str, row)) for row in rows(settings, EVENTS)] == expected
    assert len(expected) >= 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_restored_audit_log_is_still_append_only(data, target, tmp_path):
    settings, url = target
    path = tmp_path / "rodtrad.backup"
    call_command("backup", output=path)
    call_command("restore", str(path), database_url=url)
    with pytest.raises(psycopg.Error, match="append-only"):
        rows(settings, "UPDATE audit_accessevent SET detail = 'ändrad' RETURNING id")


def test_a_restore_never_overwrites_a_database_with_data(data, tmp_path):
    path = tmp_path / "rodtrad.backup"
    call_command("backup", output=path)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(path))


def test_backups_older_than_the_kept_days_are_removed(tmp_path):
    old, new = tmp_path / "rodtrad-20260101-061500.dump", tmp_path / "rodtrad-20260201-061500.dump"
    other = tmp_path / "notes.txt"
    for path in (old, new, other):
        path.write_text("x")
    now = timezone.now()
    os.utime(old, ((now - datetime.timedelta(days=36)).timestamp(),) * 2)
    os.utime(new, ((now - datetime.timedelta(days=34)).timestamp(),) * 2)
    assert backup.prune(Path(tmp_path), keep_days=35, now=now) == [old]
    assert new.exists() and other.exists()
