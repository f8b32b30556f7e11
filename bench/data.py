"""The benchmark's database: migrated and seeded when empty, reused when it already holds the
synthetic municipality at the asked scale, refused when it holds anything else."""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from rodtrad.accounts.models import Organisation, User
from rodtrad.clients.models import Client
from rodtrad.journal.models import Entry
from rodtrad.synthetic import known

from .page_cases import BenchError

REPO = Path(__file__).resolve().parents[1]
SEED = 1
# About a quarter of the heavy client's entries speak of a visit (besök, besöket, besökte …): a
# search staff make, and one whose hits fill many pages.
SEARCH_WORD = "besök"
# Each run writes about BENCH_REPS + BENCH_WARMUP entries of its own (entry_write), so a reused
# database holds somewhat more than it was seeded with.
OWN_WRITES_ALLOWANCE = 0.01


def database_name() -> str:
    name = str(settings.DATABASES["default"]["NAME"])
    if connection.vendor == "sqlite":
        with contextlib.suppress(ValueError):
            name = str(Path(name).resolve().relative_to(REPO))
    return f"{connection.vendor} {name}"


def _manage(*args: str) -> None:
    print(f"  $ manage.py {' '.join(args)}", flush=True)
    connection.close()
    command = [sys.executable, str(REPO / "manage.py"), *args]
    done = subprocess.run(command, check=False, env=os.environ.copy(), cwd=REPO)  # noqa: S603 - our own manage.py
    if done.returncode != 0:
        raise BenchError(f"manage.py {args[0]} failed (exit {done.returncode}).")


def _pending_migrations() -> list:
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def _matches(clients: int, entries: int, have_clients: int, have_entries: int) -> bool:
    return have_clients == clients and entries <= have_entries <= entries * (1 + OWN_WRITES_ALLOWANCE) + 500


def _collect_static() -> None:
    """Production's manifest storage needs collected files; collecting takes seconds (the admin's
    files are compressed too), so only when the project's own files are newer than the manifest."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    sources = [path for folder in settings.STATICFILES_DIRS for path in Path(folder).rglob("*") if path.is_file()]
    if manifest.exists() and all(path.stat().st_mtime <= manifest.stat().st_mtime for path in sources):
        return
    _manage("collectstatic", "--noinput", "--verbosity", "0")


def _holds_data() -> bool:
    """Anything seed_synthetic would refuse to add to: clients, users or organisations."""
    tables = set(connection.introspection.table_names())
    return any(model._meta.db_table in tables and model.objects.exists() for model in (Client, User, Organisation))


def prepare(clients: int, entries: int) -> dict:
    """Make the database ready and say what was done; the counts are the ones found after."""
    name = database_name()
    did = []
    pending = _pending_migrations()
    empty = not _holds_data()
    if pending and not empty and os.environ.get("BENCH_MIGRATE") != "1":
        # A database several branches measure against changes for all of them when migrated.
        names = ", ".join(f"{migration.app_label}.{migration.name}" for migration, _backwards in pending)
        raise BenchError(f"{name} holds data and lacks migrations ({names}): BENCH_MIGRATE=1 applies them.")
    if pending:
        print(f"{name}: applying {len(pending)} migrations.")
        _manage("migrate", "--noinput", "--verbosity", "0")
        did.append(f"applied {len(pending)} migrations")
    call_command("createcachetable")  # the shared cache's table, as a deploy makes it (README)
    have_clients, have_entries = Client.objects.count(), Entry.objects.count()
    if empty:
        print(f"{name} is empty: migrated, now seeding {clients} clients and {entries} entries.")
        started = time.perf_counter()
        _manage("seed_synthetic", "--clients", str(clients), "--entries", str(entries), "--seed", str(SEED))
        did.append(f"seeded {clients} clients, {entries} entries in {time.perf_counter() - started:.0f} s")
    elif known.is_loaded() and _matches(clients, entries, have_clients, have_entries):
        print(f"{name} already holds {have_clients} clients and {have_entries} entries: reusing it.")
        did.append("reused")
    else:
        what = "synthetic" if known.is_loaded() else "other (not synthetic)"
        raise BenchError(
            f"{name} holds {what} data, {have_clients} clients and {have_entries} entries, not the synthetic "
            f"{clients} clients and {entries} entries asked for (BENCH_CLIENTS, BENCH_ENTRIES). "
            "Use an empty database, or the scale it was seeded with."
        )
    _collect_static()
    return {
        "database": name,
        "did": did,
        "clients": Client.objects.count(),
        "entries": Entry.objects.count(),
    }
