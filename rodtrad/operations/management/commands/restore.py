"""`manage.py restore FILE`: a backup into an empty database (docs/operations.md, the drill)."""

from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from rodtrad.operations import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database: the one of --database-url, "
        "else Rödtråd's own (DATABASE_URL). On PostgreSQL run it as the role that owns the schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--database-url", help="the empty database to restore into (postgres://… or sqlite:////path)"
        )

    def handle(self, *, path, database_url, **options):
        target = dj_database_url.parse(database_url) if database_url else connection.settings_dict
        try:
            backup.restore(path, target)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {path} into {target['NAME']}")
