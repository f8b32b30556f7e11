"""Check a file written by bench/pages.py: every page named, with figures that can be real.

    .venv/bin/python bench/check_output.py var/bench.json

Exits 1 and says what is wrong otherwise. CI runs it after `make bench` at a tiny scale.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import NAMES


def problems(figures: dict) -> list[str]:
    found = []
    for name in NAMES:
        row = figures.get(name)
        if not isinstance(row, dict):
            found.append(f"{name}: missing")
            continue
        times = [row.get(key) for key in ("p50_ms", "p95_ms")]
        if not all(isinstance(time, int | float) and time > 0 for time in times):
            found.append(f"{name}: p50_ms, p95_ms are {times}, not positive times")
        elif times[1] < times[0]:
            found.append(f"{name}: p95 {times[1]} is below p50 {times[0]}")
        queries = row.get("queries")
        if not isinstance(queries, int) or isinstance(queries, bool) or queries < 0:
            found.append(f"{name}: queries is {queries!r}, not a count")
    meta = figures.get("meta")
    if not isinstance(meta, dict):
        found.append("meta: missing")
    else:
        for key in ("clients", "entries"):
            if not isinstance(meta.get(key), int) or meta[key] <= 0:
                found.append(f"meta: {key} is {meta.get(key)!r}")
        if not meta.get("database"):
            found.append("meta: no database")
    extra = set(figures) - {*NAMES, "meta"}
    if extra:
        found.append(f"names that are not pages of the benchmark: {', '.join(sorted(extra))}")
    return found


def main(path: str) -> int:
    try:
        figures = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    found = problems(figures)
    for problem in found:
        print(f"{path}: {problem}", file=sys.stderr)
    if not found:
        print(f"{path}: all {len(NAMES)} pages measured.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
