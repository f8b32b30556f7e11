from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rodtrad.core import demo


class Command(BaseCommand):
    help = "Load the invented demo organisation once, and print the demo logins."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo data cannot be loaded with these settings (DEMO_DATA_ALLOWED is off).")
        if demo.is_loaded():
            self.stdout.write("Demo data is already loaded; nothing was changed.")
        else:
            demo.load()
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"\nDemo logins (password: {demo.PASSWORD}):")
        for username, who in demo.DEMO_LOGINS:
            self.stdout.write(f"  {username:<12} {who}")
