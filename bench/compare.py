"""Compare two runs of bench/pages.py: how each page's p95 grew from the smaller data to the larger.

    .venv/bin/python bench/compare.py var/bench-50k.json var/bench-5m.json [--limit 1.5]

Issue 8 asks every page at 5,000,000 entries to stay within 1.5 times its time at 50,000. Exits 1
when a page grew by more than --limit.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import NAMES


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("smaller")
    parser.add_argument("larger")
    parser.add_argument("--limit", type=float, default=1.5)
    args = parser.parse_args()
    runs = [json.loads(Path(path).read_text(encoding="utf-8")) for path in (args.smaller, args.larger)]
    for path, run in zip((args.smaller, args.larger), runs, strict=True):
        meta = run["meta"]
        print(f"{path}: {meta['database']}, {meta['clients']} clients, {meta['entries']} entries, {meta['date']}")
    print(f"\n{'name':<16} {'p95 before':>11} {'p95 after':>10} {'ratio':>7}")
    grown = []
    for name in NAMES:
        before, after = runs[0][name]["p95_ms"], runs[1][name]["p95_ms"]
        ratio = after / before
        if ratio > args.limit:
            grown.append(name)
        print(f"{name:<16} {before:>11.2f} {after:>10.2f} {ratio:>6.2f}× {'over' if ratio > args.limit else ''}")
    if grown:
        print(f"\nGrew by more than {args.limit}×: {', '.join(grown)}")
    return 1 if grown else 0


if __name__ == "__main__":
    sys.exit(main())
