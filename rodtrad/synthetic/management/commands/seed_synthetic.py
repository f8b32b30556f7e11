from django.core.management.base import BaseCommand, CommandError

from rodtrad.synthetic import known, services


class Command(BaseCommand):
    help = (
        "Fill an empty database with an invented municipality: units, staff, clients, orders, plans, "
        "follow-ups and journal entries over five years. Refuses production settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, required=True, help="Number of clients.")
        parser.add_argument("--entries", type=int, required=True, help="Number of journal entries, drafts included.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same data.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add to a database that already holds other data (changes nothing there).",
        )

    def handle(self, *args, clients, entries, seed, force, **options):
        def write(line):
            self.stdout.write(line)
            self.stdout.flush()

        try:
            summary = services.seed(clients=clients, entries=entries, seed=seed, force=force, write=write)
        except (services.SeedRefused, ValueError) as error:
            raise CommandError(str(error)) from error
        write(
            f"\nHeavy client: {known.HEAVY_FIRST_NAME} {known.HEAVY_LAST_NAME}, personnummer "
            f"{known.HEAVY_PERSONAL_NUMBER}, id {summary['heavy_client_id']}, {summary['heavy_entries']:,} entries."
        )
        write(
            f"Sign in as {known.MANAGER_USERNAME} (manager of her unit) or {known.CONTACT_USERNAME} "
            f"(her contact person), password: {known.PASSWORD}"
        )
