"""Compare runs of bench/pages.py: how each page's p95 grew from the smaller data to the larger.

    .venv/bin/python bench/compare.py var/bench-50k.json var/bench-5m.json [--limit 1.5]
    .venv/bin/python bench/compare.py var/bench-50k-{1,2,3}.json --larger var/bench-5m-{1,2,3}.json

Issue 8 asks every page at 5,000,000 entries to stay within 1.5 times its time at 50,000. With
several runs a side, each side's p95 is the median of its runs' (one slow minute on this machine
can double a single run's). Exits 1 when a page grew by more than --limit.
"""

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import NAMES


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("smaller", nargs="+")
    parser.add_argument("--larger", nargs="+", help="the larger data's runs (else the last of the files before)")
    parser.add_argument("--limit", type=float, default=1.5)
    args = parser.parse_args(argv)
    smaller, larger = (args.smaller, args.larger) if args.larger else (args.smaller[:-1], args.smaller[-1:])
    sides = [[json.loads(Path(path).read_text(encoding="utf-8")) for path in paths] for paths in (smaller, larger)]
    for paths, runs in zip((smaller, larger), sides, strict=True):
        for path, run in zip(paths, runs, strict=True):
            meta = run["meta"]
            print(f"{path}: {meta['database']}, {meta['clients']} clients, {meta['entries']} entries, {meta['date']}")
    print(f"\n{'name':<16} {'p95 before':>11} {'p95 after':>10} {'ratio':>7}")
    grown = []
    for name in NAMES:
        before, after = (statistics.median(run[name]["p95_ms"] for run in runs) for runs in sides)
        ratio = after / before
        if ratio > args.limit:
            grown.append(name)
        print(f"{name:<16} {before:>11.2f} {after:>10.2f} {ratio:>6.2f}× {'over' if ratio > args.limit else ''}")
    if grown:
        print(f"\nGrew by more than {args.limit}×: {', '.join(grown)}")
    return 1 if grown else 0


if __name__ == "__main__":
    sys.exit(main())
