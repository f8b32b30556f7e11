"""Page benchmark (issue 8): every page held to its budget, measured server side.

    make bench        # or: .venv/bin/python bench/pages.py

Environment:
  BENCH_CLIENTS, BENCH_ENTRIES  scale of the synthetic municipality (5000 / 50000)
  DATABASE_URL                  the database; without it a SQLite file of its own under var/,
                                named after the scale, never the development database
  BENCH_OUT                     where the figures go (var/bench.json)
  BENCH_REPS, BENCH_WARMUP      timed and untimed repetitions per page (40 / 12; the PDF a
                                fifth, the writing check ten times as many). Twelve, because on
                                PostgreSQL the oversight rules' statements are prepared after five
                                runs on a connection and planned once for all after five more
                                (rodtrad/lib/prepared.py): the bench measures a connection in use,
                                as a busy server's are
  BENCH_STRICT=1                exit 1 when a page is over its budget (else only reported)
  BENCH_EXPLAIN=1               on PostgreSQL, EXPLAIN ANALYZE the slowest query of each page
                                over its budget
  BENCH_MIGRATE=1               apply missing migrations to a database that holds data (without
                                it the bench refuses: such a database may be shared)
  BENCH_PROFILE=1               profile one more request of each page over its budget (cProfile)

An empty database is migrated and filled by `manage.py seed_synthetic` at the asked scale; one
already holding synthetic data at that scale is reused (the bench's own entries, about
BENCH_REPS + BENCH_WARMUP + 3 a run, are allowed for). Any other data is refused rather than
measured or overwritten. The requests run in this process through django.test.Client with the
production settings (rodtrad.settings.bench): sessions, CSRF, access checks and audit events
included. Wall time, CPU time (this process: on SQLite the database's work too, on PostgreSQL
not) and, in a separate untimed pass, the number of queries.
"""

import datetime
import json
import os
import platform
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# p95 server time on the 2-core machine, PostgreSQL, 5,000 clients and 5,000,000 entries (issue 8).
# The sign-in page is the floor the others are read against: it has no budget.
BUDGETS_MS = {
    "sign_in": None,
    "my_clients": 40,
    "client_overview": 40,
    "journal": 30,
    "journal_search": 100,
    "dashboard": 150,
    "plan": 40,
    "plan_pdf": 1500,
    "entry_write": 20,
    "writing_check": 5,
}
NAMES = tuple(BUDGETS_MS)


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def configure() -> dict:
    """Read the environment and point Django at the bench settings and database."""
    options = {
        "clients": _env_int("BENCH_CLIENTS", 5000),
        "entries": _env_int("BENCH_ENTRIES", 50000),
        "reps": _env_int("BENCH_REPS", 40),
        "warmup": _env_int("BENCH_WARMUP", 12),
        "strict": os.environ.get("BENCH_STRICT") == "1",
        "explain": os.environ.get("BENCH_EXPLAIN") == "1",
        "profile": os.environ.get("BENCH_PROFILE") == "1",
    }
    var = Path(os.environ.get("RODTRAD_VAR_DIR", REPO / "var"))
    options["out"] = Path(os.environ.get("BENCH_OUT") or var / "bench.json")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rodtrad.settings.bench")
    if not os.environ.get("DATABASE_URL"):
        var.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("BENCH_SQLITE", str(var / f"bench-{options['clients']}-{options['entries']}.sqlite3"))
    return options


def benchmark(options: dict, prepared: dict) -> dict:
    """Measure every case on the prepared database; the figures as var/bench.json holds them."""
    from bench import data, report
    from bench.measure import QUERY_PASSES, measure
    from bench.page_cases import cases, find_subjects

    subjects = find_subjects(data.SEARCH_WORD)
    meta = report.meta(options, prepared, subjects)
    print(
        f"Heavy client {subjects.client.pk}: {subjects.client_entries} entries; "
        f"search {subjects.search_word!r} matches {subjects.search_hits} of them."
    )
    results = []
    measured = cases(subjects, reps=options["reps"], warmup=options["warmup"])
    for case in measured:
        print(f"  {case.name}: {case.what} …", end="", flush=True)
        results.append(measure(case, query_passes=options.get("query_passes", QUERY_PASSES)))
        print(f" {results[-1].p95_ms:.1f} ms p95", flush=True)
    meta["load_average_after"] = list(os.getloadavg())
    meta["reference_loop_ms_after"] = report.reference_loop_ms()
    figures = report.figures(results, BUDGETS_MS, meta)
    print()
    print(report.table(figures, BUDGETS_MS))
    report.slow_queries(results, figures, explain=options.get("explain", False))
    if options.get("profile"):
        report.profiles(measured, figures)
    return figures


def main() -> int:
    options = configure()
    import django

    django.setup()
    from bench import data
    from bench.page_cases import BenchError

    try:
        figures = benchmark(options, data.prepare(options["clients"], options["entries"]))
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    options["out"].parent.mkdir(parents=True, exist_ok=True)
    options["out"].write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nWritten to {options['out']} ({datetime.datetime.now().astimezone():%Y-%m-%d %H:%M}, {platform.node()}).")
    over = [name for name in NAMES if figures[name]["ok"] is False]
    if over and options["strict"]:
        print(f"Over budget (BENCH_STRICT=1): {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
