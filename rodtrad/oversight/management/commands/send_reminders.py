from django.core.management.base import BaseCommand, CommandError

from rodtrad.oversight.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each user what is due for them in Rödtråd, at most once a day per user however often it runs. "
        "Run it daily from cron or a systemd timer (see README)."
    )

    def handle(self, *args, **options):
        outcome = send_reminders()
        self.stdout.write(
            f"Reminders sent: {outcome.sent}; already sent today: {outcome.already_sent}; "
            f"nothing due: {outcome.nothing_due}; failed: {len(outcome.failed)}"
        )
        if outcome.failed:
            raise CommandError(f"Could not send to: {', '.join(outcome.failed)} (they are tried again on the next run)")
