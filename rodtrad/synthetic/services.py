"""seed(): fill an empty database with a synthetic municipality, in one transaction.

The order of the phases follows the foreign keys: the register, the plans, the journal (which
links entries to plan items and goals), then the follow-ups and the log reviews. The follow-ups
come after the journal so that the journal and every table referring to it are still empty when
it is loaded, which lets PostgreSQL copy it in frozen (see journal_load.py)."""

import random
import time

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from rodtrad.accounts.models import Organisation, User
from rodtrad.clients.models import Client

from . import care_plans, followups, journal_load, known, register, register_rows
from .journal_rows import Generator
from .progress import Step


class SeedRefused(Exception):
    """The settings or the database's contents say no."""


def drafts_for(clients: int, entries: int) -> int:
    """Unsigned drafts among the entries: about one for every twenty clients."""
    return min(max(1, clients // 20), entries // 20)


def check_allowed(*, force: bool) -> None:
    if not getattr(settings, "DEMO_DATA_ALLOWED", False):
        raise SeedRefused("Synthetic data cannot be loaded with these settings (DEMO_DATA_ALLOWED is off).")
    if known.is_loaded():
        raise SeedRefused("The synthetic municipality is already loaded here; use a new database to load it again.")
    if not force and (Client.objects.exists() or User.objects.exists() or Organisation.objects.exists()):
        raise SeedRefused(
            "The database is not empty. Use an empty database, or --force to add the synthetic municipality "
            "beside what is there (nothing is changed or removed)."
        )


def seed(*, clients: int, entries: int, seed: int = 1, force: bool = False, write=print) -> dict:
    """Load the municipality; returns what the benchmark needs to know about it."""
    if clients < 1 or entries < 0:
        raise ValueError("At least one client, and no fewer than zero entries.")
    check_allowed(force=force)
    rng = random.Random(seed)
    started = time.monotonic()
    today, now = timezone.localdate(), timezone.now()
    draft_count = drafts_for(clients, entries)
    signed = entries - draft_count
    heavy = min(signed, known.heavy_entries(clients, entries))
    write(f"Synthetic municipality: {clients:,} clients, {entries:,} journal entries, seed {seed}.")
    with transaction.atomic():
        with Step(write, "register (units, staff, clients, orders, contacts, consents)"):
            plan = register.Register()
            plan.units, shares = register.plan_units(rng, clients)
            register.make_clients(rng, plan, shares, today)
            extra = register.staff_units(rng, plan)
            register.plan_orders(rng, plan, today)
            register_rows.write_units_and_staff(plan, extra)
            register_rows.write_clients(rng, plan, today)
        with Step(write, "plans (periods, items, goals, risk assessments)"):
            chains = care_plans.plan_periods(rng, plan, today)
            care_plans.write(rng, plan, chains, today, now)
        suffix = "+00" if connection.vendor == "postgresql" else ""
        generator = Generator(rng, plan.clients, plan.life_areas, today, now, signed=signed, heavy=heavy, suffix=suffix)
        rows = _chain(generator.signed_rows(), generator.draft_rows(draft_count))
        journal_load.load(rows, entries, generator.clock, write)
        with Step(write, "follow-ups (yearly reviews, goal follow-ups, log reviews)"):
            followups.write(rng, chains, today)
            followups.write_log_reviews(rng, plan, today, now)
    _analyze(write)
    summary = {
        "clients": clients,
        "entries": entries,
        "units": len(plan.units),
        "users": len(plan.staff) + len(plan.managers),
        "heavy_client_id": plan.clients[0].pk,
        "heavy_entries": plan.clients[0].entries,
        "seconds": round(time.monotonic() - started, 1),
    }
    write(f"Done in {summary['seconds']:,.1f} s.")
    return summary


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


def _analyze(write):
    """PostgreSQL: fresh statistics, so that the first queries are planned well, and a VACUUM for
    the visibility map of the tables not copied in frozen (inside a caller's transaction, where
    VACUUM cannot run, ANALYZE alone). SQLite: nothing, deliberately. Django never analyzes a
    SQLite database, so an app's database has no statistics; with them, SQLite judges an index
    on a column that is almost always NULL (journal_entry.corrects_id) useless and scans the
    table instead, and a benchmark would measure a database nobody runs."""
    if connection.vendor != "postgresql":
        return
    vacuum = not connection.in_atomic_block
    with Step(write, "VACUUM ANALYZE" if vacuum else "ANALYZE"), connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
