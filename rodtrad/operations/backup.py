"""Backups that restore: PostgreSQL through `pg_dump` in its custom format, SQLite through
SQLite's online backup API (a consistent copy while the server writes, page by page), and
restoring either into an empty database.

A backup is written under a temporary name and renamed when complete, so a file with the final
name is always whole. `prune` keeps the newest `keep_days` days of backups in a folder."""

import datetime
import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections
from django.utils import timezone

SUFFIX = {"postgresql": ".dump", "sqlite": ".sqlite3"}
PREFIX = "rodtrad-"


class BackupError(Exception):
    """A backup or restore that could not be done, with the reason in Swedish-free words for
    the operator's terminal."""


def default_name(vendor: str, now=None) -> str:
    return f"{PREFIX}{timezone.localtime(now):%Y%m%d-%H%M%S}{SUFFIX[vendor]}"


def backup(path: Path, *, using="default") -> Path:
    """Write a backup of the database `using` to `path` and return it."""
    connection = connections[using]
    partial = path.with_name(path.name + ".partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        _pg_dump(connection.settings_dict, partial)
    elif connection.vendor == "sqlite":
        _sqlite_backup(connection, partial)
    else:
        raise BackupError(f"no backup for {connection.vendor}")
    os.replace(partial, path)
    return path


def _pg_environment(settings_dict) -> dict:
    """libpq's own variables, so that no password is on a command line another user can read."""
    environment = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    environment["PGDATABASE"] = settings_dict["NAME"]
    return environment


def _run(command, settings_dict) -> str:
    """One of PostgreSQL's client programs (from PATH, as the operator installed them), with
    arguments Rödtråd builds itself; its output."""
    done = subprocess.run(  # noqa: S603 - a fixed program and arguments of our own
        command, env=_pg_environment(settings_dict), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")
    return done.stdout


def _pg_dump(settings_dict, path: Path) -> None:
    _run(["pg_dump", "--format=custom", "--compress=6", f"--file={path}"], settings_dict)


def _sqlite_backup(connection, path: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        # Pages at a time, letting the server's writers in between: safe while Rödtråd runs.
        connection.connection.backup(target, pages=1024)
    finally:
        target.close()


def restore(path: Path, target: dict) -> None:
    """Restore the backup at `path` into the database described by `target` (a DATABASES entry),
    which must be empty: a restore never overwrites data. On PostgreSQL the objects become the
    restoring role's: run it as the role that owns the schema (the one that runs migrations)."""
    if not path.is_file():
        raise BackupError(f"no backup at {path}")
    engine = target["ENGINE"]
    if engine.endswith("postgresql"):
        if _pg_tables(target):
            raise BackupError(f"the database {target['NAME']} is not empty: restore only into an empty one")
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={target['NAME']}",
                str(path),
            ],
            target,
        )
    elif engine.endswith("sqlite") or engine.endswith("sqlite3"):
        _sqlite_restore(path, Path(target["NAME"]))
    else:
        raise BackupError(f"no restore for {engine}")


def _pg_tables(target) -> int:
    query = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
    return int(_run(["psql", "--no-psqlrc", "--tuples-only", "--no-align", "--command", query], target).strip())


def _sqlite_restore(path: Path, target: Path) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        if destination.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise BackupError(f"the database {target} is not empty: restore only into an empty one")
        source.backup(destination)
    finally:
        source.close()
        destination.close()


def prune(folder: Path, *, keep_days: int, now=None) -> list[Path]:
    """Remove backups in `folder` older than `keep_days` days; return what was removed."""
    limit = (now or timezone.now()) - datetime.timedelta(days=keep_days)
    removed = []
    for path in sorted(folder.glob(f"{PREFIX}*")):
        if (
            path.suffix in SUFFIX.values()
            and datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC) < limit
        ):
            path.unlink()
            removed.append(path)
    return removed
