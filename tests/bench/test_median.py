import json

from bench import median
from bench.pages import BUDGETS_MS, NAMES


def run(path, *, share, date):
    """A run where every page's p95 is `share` of its budget."""
    figures = {}
    for name in NAMES:
        p95 = share * (BUDGETS_MS[name] or 10)
        figures[name] = {"p50_ms": p95 / 2, "p95_ms": p95, "cpu_p50_ms": p95 / 3, "queries": 10}
    figures["meta"] = {"database": "postgresql bench_5m", "clients": 5000, "entries": 5000000, "date": date}
    path.write_text(json.dumps(figures), encoding="utf-8")
    return str(path)


def test_each_figure_is_the_median_of_the_runs(tmp_path, capsys):
    budget = BUDGETS_MS["journal"]
    runs = [
        run(tmp_path / "a.json", share=0.5, date="2026-12-01T15:00"),
        run(tmp_path / "b.json", share=0.9, date="2026-12-01T15:05"),
        run(tmp_path / "c.json", share=3, date="2026-12-01T15:10"),
    ]
    assert median.main(runs) == 0
    journal = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| `journal`"))
    assert f"| {budget * 0.9:.1f} |" in journal
    assert journal.endswith("| ok |")


def test_a_page_whose_median_is_over_budget_fails(tmp_path, capsys):
    runs = [run(tmp_path / f"{n}.json", share=1.2, date=f"2026-12-01T15:0{n}") for n in range(2)]
    assert median.main(runs) == 1
    journal = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| `journal`"))
    assert journal.endswith("| over |")
