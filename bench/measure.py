"""Timing one case of the page benchmark: wall and CPU time over repetitions, and, in a separate
pass, the queries of three more repetitions (capturing them costs time, so it is never timed)."""

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext

# The untimed repetitions that count and time the queries.
QUERY_PASSES = 3


@dataclass
class Case:
    name: str
    # One repetition: does its work and raises when the answer is not the expected one.
    run: Callable[[], object]
    # Untimed work before each repetition (a fresh draft for the entry write, say).
    prepare: Callable[[], object] | None = None
    reps: int = 40
    warmup: int = 5
    # What one repetition is, for the reader of the figures.
    what: str = ""


@dataclass
class Result:
    name: str
    what: str
    wall_ms: list[float]
    cpu_ms: list[float]
    queries: int
    # The time the database took in the counted repetition: what is left of the wall time is Python's.
    sql_ms: float
    # The slowest statements of the counted repetition, slowest first: (milliseconds, SQL, params).
    slowest: list[tuple[float, str, object]] = field(default_factory=list)

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.wall_ms)

    @property
    def p95_ms(self) -> float:
        return percentile(self.wall_ms, 95)

    @property
    def cpu_p50_ms(self) -> float:
        return statistics.median(self.cpu_ms)


def percentile(samples: list[float], pct: int) -> float:
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[pct - 1]


def _once(case: Case) -> tuple[float, float]:
    if case.prepare is not None:
        case.prepare()
    wall, cpu = time.perf_counter(), time.process_time()
    case.run()
    return (time.perf_counter() - wall) * 1e3, (time.process_time() - cpu) * 1e3


def measure(case: Case, *, query_passes: int = QUERY_PASSES) -> Result:
    for _ in range(case.warmup):
        _once(case)
    wall_ms, cpu_ms = [], []
    # A collection of earlier garbage landing in one repetition is noise, not the page's cost;
    # each repetition's own garbage is still collected when it runs over the threshold.
    gc.collect()
    for _ in range(case.reps):
        wall, cpu = _once(case)
        wall_ms.append(wall)
        cpu_ms.append(cpu)
    counts, passes = set(), []
    for _ in range(query_passes):
        if case.prepare is not None:
            case.prepare()
        timer = _QueryTimer()
        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timer):
            case.run()
        counts.add(len(captured.captured_queries))
        passes.append(timer.queries)
    queries = _fastest_of(passes)
    slowest = sorted(queries, key=lambda query: query[0], reverse=True)[:3]
    sql_ms = sum(query[0] for query in queries)
    return Result(case.name, case.what, wall_ms, cpu_ms, max(counts), sql_ms, slowest)


def _fastest_of(passes: list[list]) -> list:
    """Each statement at its fastest over the passes: on a busy machine one pass's times carry
    waits for a core. Passes that ran different statements are not combined: the first is kept."""
    first = passes[0]
    if any([sql for _ms, sql, _params in run] != [sql for _ms, sql, _params in first] for run in passes):
        return first
    return [min(runs, key=lambda query: query[0]) for runs in zip(*passes, strict=True)]


class _QueryTimer:
    """Each statement's time to the microsecond, with its parameters (to EXPLAIN it later).
    CaptureQueriesContext gives milliseconds only; it also counts COMMIT, which this does not see."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append(((time.perf_counter() - started) * 1e3, sql, params))
