"""`manage.py remove_expired_files`: the daily catch-all behind the removal jobs (exports/services.py)."""

from django.core.management.base import BaseCommand

from rodtrad.exports import services


class Command(BaseCommand):
    help = "Remove prepared files (the file for the authority, period summaries) past their time, and any never made."

    def handle(self, **options):
        self.stdout.write(f"removed {services.remove_expired_files()} prepared files")
