"""What the page benchmark prints and writes: the table, var/bench.json and the slow queries."""

import cProfile
import datetime
import io
import os
import platform
import pstats
import sysconfig
import time
from pathlib import Path

import django
from django.conf import settings
from django.db import connection

from .measure import QUERY_PASSES

REPO = Path(__file__).resolve().parents[1]


def _machine() -> str:
    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB"
    return (
        f"{platform.node()}: {os.cpu_count()} cores{memory}, {platform.platform()}, Python {platform.python_version()}"
    )


def reference_loop_ms() -> float:
    """The CPU time of a fixed loop of plain Python: how fast this machine's processor is at the
    moment, to set a run's figures against. On a shared virtual machine it catches a slower
    processor, not every slow spell: pages have drifted while it held still (docs/benchmarks.md)."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        total = 0
        for number in range(1_000_000):
            total += number * number
        best = min(best, (time.process_time() - started) * 1e3)
    return round(best, 1)


def meta(options: dict, prepared: dict, subjects) -> dict:
    server = ""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server = f"PostgreSQL {cursor.fetchone()[0]}"
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT sqlite_version()")
            server = f"SQLite {cursor.fetchone()[0]}"
    return {
        "clients": prepared["clients"],
        "entries": prepared["entries"],
        "database": prepared["database"],
        "asked": {"clients": options["clients"], "entries": options["entries"]},
        "data": prepared["did"],
        "heavy_client": {"id": subjects.client.pk, "entries": subjects.client_entries},
        "search": {"word": subjects.search_word, "entries_matching": subjects.search_hits},
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": _machine(),
        "server": server,
        "django": django.get_version(),
        "settings": os.environ.get("DJANGO_SETTINGS_MODULE"),
        "debug": settings.DEBUG,
        "reps": options["reps"],
        "warmup": options["warmup"],
        "load_average_before": list(os.getloadavg()),
        "reference_loop_ms_before": reference_loop_ms(),
    }


def figures(results, budgets: dict, meta: dict) -> dict:
    out = {}
    for result in results:
        budget = budgets[result.name]
        out[result.name] = {
            "p50_ms": round(result.p50_ms, 3),
            "p95_ms": round(result.p95_ms, 3),
            "queries": result.queries,
            "cpu_p50_ms": round(result.cpu_p50_ms, 3),
            "sql_ms": round(result.sql_ms, 3),
            "reps": len(result.wall_ms),
            "budget_ms": budget,
            "ok": None if budget is None else result.p95_ms <= budget,
        }
    out["meta"] = meta | {"cases": {result.name: result.what for result in results}}
    return out


def table(figures: dict, budgets: dict) -> str:
    meta = figures["meta"]
    lines = [
        f"{meta['database']}: {meta['clients']} clients, {meta['entries']} entries "
        f"({', '.join(meta['data'])}); load average {meta['load_average_before'][0]:.1f} → "
        f"{meta['load_average_after'][0]:.1f}; reference loop {meta['reference_loop_ms_before']} → "
        f"{meta['reference_loop_ms_after']} ms (bench/report.py reference_loop_ms)",
        "Budgets are for PostgreSQL at 5,000 clients and 5,000,000 entries (p95). cpu: this process "
        "(SQLite's work included, PostgreSQL's not); queries and sql ms (each statement at its fastest): "
        f"{QUERY_PASSES} more requests, untimed.",
        "",
        f"{'name':<16} {'p50 ms':>9} {'p95 ms':>9} {'cpu p50':>9} {'sql ms':>8} {'queries':>8} {'budget':>7}  result",
    ]
    for name in budgets:
        row = figures[name]
        budget = "" if row["budget_ms"] is None else f"{row['budget_ms']}"
        verdict = {None: "", True: "ok", False: "over"}[row["ok"]]
        lines.append(
            f"{name:<16} {row['p50_ms']:>9.2f} {row['p95_ms']:>9.2f} {row['cpu_p50_ms']:>9.2f} "
            f"{row['sql_ms']:>8.2f} {row['queries']:>8} {budget:>7}  {verdict}"
        )
    return "\n".join(lines)


def _explain(sql: str, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def slow_queries(results, figures: dict, *, explain: bool) -> None:
    """For each page over its budget, its slowest queries (from the counted, untimed passes)."""
    for result in results:
        if figures[result.name]["ok"] is not False or not result.slowest:
            continue
        print(f"\n{result.name}: slowest of its {result.queries} queries")
        for ms, sql, params in result.slowest:
            print(f"  {ms:8.2f} ms  {sql[:400]}  {str(params)[:200]}")
        ms, sql, params = result.slowest[0]
        # Only a SELECT: EXPLAIN ANALYZE runs the statement.
        if explain and connection.vendor == "postgresql" and sql.lstrip().upper().startswith("SELECT"):
            print("  EXPLAIN ANALYZE of the slowest:")
            for line in _explain(sql, params).splitlines():
                print(f"    {line}")


def _stats(profile, sort: str, *restrictions) -> str:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(sort).print_stats(*restrictions)
    text = out.getvalue().replace(sysconfig.get_paths()["purelib"] + "/", "").replace(str(REPO) + "/", "")
    return "\n".join(line for line in text.splitlines() if line.strip() and not line.startswith("   List reduced"))


def profiles(cases, figures: dict) -> None:
    """For each page over its budget, where one more request spends its time (cProfile, which
    slows Python down: read the shares, not the milliseconds): the project's functions by
    cumulative time, and every function by its own time."""
    for case in cases:
        if figures[case.name]["ok"] is not False:
            continue
        if case.prepare is not None:
            case.prepare()
        profile = cProfile.Profile()
        profile.runcall(case.run)
        print(f"\n{case.name}: profile of one request; rodtrad's functions by cumulative time")
        print(_stats(profile, "cumulative", r"rodtrad/(?!settings)", 15))
        print(f"{case.name}: every function by its own time")
        print(_stats(profile, "tottime", 12))
