"""Precision and recall per code on the labelled corpus in tests/writing/corpus/*.jsonl.

Each corpus line is `{"id", "kind", "text", "other_clients"?, "codes": [...]}`, where `codes` are
the codes a careful reader of the routine says the text must raise (and no others). A text counts
once per code: raised and labelled is a true positive, raised and not labelled a false positive,
labelled and not raised a false negative.

`python -m tests.writing.corpus_scores` prints the table and every disagreement.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from rodtrad.writing import CODES, check

CORPUS = Path(__file__).parent / "corpus"


def load(pattern: str = "*.jsonl") -> list[dict]:
    entries = []
    for path in sorted(CORPUS.glob(pattern)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                entry = json.loads(line)
                entry["where"] = f"{path.name}:{number}"
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


def score(entries: list[dict]) -> dict[str, Score]:
    scores = {code: Score() for code in CODES}
    for entry in entries:
        raised = {f.code for f in check(entry["kind"], entry["text"], entry.get("other_clients", ()))}
        expected = set(entry["codes"])
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


if __name__ == "__main__":
    import sys

    chosen = load(sys.argv[1] if len(sys.argv) > 1 else "*.jsonl")
    results = score(chosen)
    journal = sum(e["kind"] == "journal" for e in chosen)
    print(f"{len(chosen)} texts ({journal} journal, {len(chosen) - journal} goal)\n")
    print(table(results))
    for code, s in results.items():
        for kind, entry in s.misses:
            print(f"{kind} {code} {entry['where']} {entry['text']}")
