"""Precision and recall per code on the labelled corpus in tests/writing/corpus/.

The corpus has three parts, each a folder of JSON Lines files (`journal.jsonl`, `goal.jsonl`,
`plan.jsonl`):

- `dev/`: the development part. The rules are tuned on it; its disagreements may be read.
- `test/`: the test part, split from the same corpus once (see docs/writing-assistant.md) and
  never used for tuning. Its figures are reported; its disagreements are not printed unless
  asked for with `--show-test-misses`, and looking at them must be reported in the docs.
- `earlier/`: the project's first corpus (the routines' own examples and earlier entries).

Each line is `{"id", "kind", "text", "other_clients"?, "client_name"?, "codes": [...],
"hints"?: [...], "note"?}`, where `codes` are the codes a careful reader of the routine says the
text must raise (and no others) and `hints` the gentle hints it should get. A text counts once
per code: raised and labelled is a true positive, raised and not labelled a false positive,
labelled and not raised a false negative.

    python -m tests.writing.corpus_scores dev            # table and every disagreement
    python -m tests.writing.corpus_scores test           # table only
    python -m tests.writing.corpus_scores --hints dev    # the hints' false alarms and misses
"""

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from rodtrad.writing import CODES, HINT_CODES, check

CORPUS = Path(__file__).parent / "corpus"
PARTS = ("dev", "test", "earlier")
KINDS = ("journal", "goal", "plan")


def load(part: str) -> list[dict]:
    """The entries of one part of the corpus, each with `where` (file:line) added."""
    entries = []
    for path in sorted((CORPUS / part).glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                entry = json.loads(line)
                entry["where"] = f"{part}/{path.name}:{number}"
                entries.append(entry)
    return entries


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


def findings_of(entry: dict, hints: bool = False):
    return check(entry["kind"], entry["text"], entry.get("other_clients", ()), entry.get("client_name"), hints=hints)


def score(entries: list[dict], codes=CODES, hints: bool = False) -> dict[str, Score]:
    """Per code, how the raised codes compare with the labels (`hints=True`: the hints instead)."""
    scores = {code: Score() for code in codes}
    label = "hints" if hints else "codes"
    for entry in entries:
        raised = {f.code for f in findings_of(entry, hints=hints)} & set(codes)
        expected = set(entry.get(label, ()))
        for code in raised | expected:
            s = scores[code]
            if code in raised and code in expected:
                s.tp += 1
            elif code in raised:
                s.fp += 1
                s.misses.append(("FP", entry))
            else:
                s.fn += 1
                s.misses.append(("FN", entry))
    return scores


def table(scores: dict[str, Score]) -> str:
    lines = [
        "| code | texts labelled | TP | FP | FN | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for code, s in scores.items():
        lines.append(f"| `{code}` | {s.support} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.2f} | {s.recall:.2f} |")
    return "\n".join(lines)


def hint_table(scores: dict[str, Score], texts: int) -> str:
    lines = [
        "| hint | given | of which false alarms | false alarms per 100 texts | labelled | missed |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for code, s in scores.items():
        given = s.tp + s.fp
        lines.append(f"| `{code}` | {given} | {s.fp} | {100 * s.fp / texts:.1f} | {s.support} | {s.fn} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Precision and recall per code on the labelled corpus.")
    parser.add_argument("part", choices=PARTS)
    parser.add_argument("--hints", action="store_true", help="score the gentle hints instead of the codes")
    parser.add_argument(
        "--show-test-misses", action="store_true", help="print the test part's disagreements too (report it!)"
    )
    args = parser.parse_args()
    entries = load(args.part)
    counts = ", ".join(f"{sum(e['kind'] == kind for e in entries)} {kind}" for kind in KINDS)
    print(f"{args.part}: {len(entries)} texts ({counts})\n")
    if args.hints:
        results = score(entries, HINT_CODES, hints=True)
        print(hint_table(results, len(entries)))
    else:
        results = score(entries)
        print(table(results))
    if args.part != "test" or args.show_test_misses:
        for code, s in results.items():
            for kind, entry in s.misses:
                print(f"{kind} {code} {entry['where']} {entry['text']}")


if __name__ == "__main__":
    main()
