"""The median of several runs of bench/pages.py, page by page, as the Markdown table the docs hold.

    .venv/bin/python bench/median.py var/bench-5m-1.json var/bench-5m-2.json var/bench-5m-3.json

This machine's speed drifts by a third from one minute to the next (a shared virtual machine: the
same request's CPU time goes from 32 to 44 ms), so one run's p95 says more about the minute than
about the page. Each figure is the median of that figure over the runs; the runs must be of the
same database and scale. Exits 1 when a page's median p95 is over its budget.
"""

import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import BUDGETS_MS, NAMES

FIGURES = ("p50_ms", "p95_ms", "cpu_p50_ms")


def _same_data(runs: list[dict]) -> None:
    first = runs[0]["meta"]
    for run in runs[1:]:
        meta = run["meta"]
        if (meta["database"], meta["clients"]) != (first["database"], first["clients"]):
            raise SystemExit(f"Runs of different data: {first['database']} and {meta['database']}.")


def _number(value: float) -> str:
    return f"{value:,.1f}" if value < 1000 else f"{value:,.0f}"


def main(paths: list[str]) -> int:
    if len(paths) < 2:
        raise SystemExit(__doc__)
    runs = [json.loads(Path(path).read_text(encoding="utf-8")) for path in paths]
    _same_data(runs)
    meta = runs[0]["meta"]
    dates = sorted(run["meta"]["date"] for run in runs)
    print(f"{meta['database']}, {meta['clients']} clients, {meta['entries']} entries: median of {len(runs)} runs,")
    loops = ", ".join(
        f"{run['meta'].get('reference_loop_ms_before', '?')}–{run['meta'].get('reference_loop_ms_after', '?')}"
        for run in runs
    )
    print(f"{dates[0]} to {dates[-1]}; reference loop of each run: {loops} ms\n")
    print("| page | p50 ms | p95 ms | cpu p50 ms | p95 of each run | queries | budget p95 ms | |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    over = []
    for name in NAMES:
        median = {figure: statistics.median(run[name][figure] for run in runs) for figure in FIGURES}
        each = ", ".join(_number(run[name]["p95_ms"]) for run in runs)
        budget = BUDGETS_MS.get(name)
        verdict = "" if budget is None else ("ok" if median["p95_ms"] <= budget else "over")
        if verdict == "over":
            over.append(name)
        cells = [_number(median[figure]) for figure in FIGURES]
        queries = max(run[name]["queries"] for run in runs)
        budget_cell = "–" if budget is None else f"{budget:,}"
        print(f"| `{name}` | {' | '.join(cells)} | {each} | {queries} | {budget_cell} | {verdict} |")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
