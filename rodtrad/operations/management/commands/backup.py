"""`manage.py backup`: a consistent copy of the database, safe while Rödtråd runs."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from rodtrad.operations import backup


class Command(BaseCommand):
    help = "Back up the database: pg_dump's custom format on PostgreSQL, SQLite's online backup API on SQLite."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="the file to write (default: a dated file in --folder)")
        parser.add_argument(
            "--folder",
            type=Path,
            default=None,
            help="where dated backups go (default: RODTRAD_BACKUP_DIR, var/backups)",
        )
        parser.add_argument(
            "--keep-days", type=int, default=None, help="then remove backups older than this in --folder"
        )

    def handle(self, *, output, folder, keep_days, **options):
        folder = folder or Path(settings.RODTRAD_BACKUP_DIR)
        path = output or folder / backup.default_name(connection.vendor)
        try:
            written = backup.backup(path)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{written} ({written.stat().st_size} bytes)")
        if keep_days is not None:
            for removed in backup.prune(folder, keep_days=keep_days):
                self.stdout.write(f"removed {removed}")
