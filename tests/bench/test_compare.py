import json

from bench import compare
from bench.pages import NAMES


def run(path, p95):
    figures = {name: {"p50_ms": p95 / 2, "p95_ms": p95, "cpu_p50_ms": p95 / 3, "queries": 10} for name in NAMES}
    figures["meta"] = {"database": "postgresql", "clients": 5000, "entries": 50000, "date": "2026-12-01T18:00"}
    path.write_text(json.dumps(figures), encoding="utf-8")
    return str(path)


def test_one_run_a_side_compares_their_p95(tmp_path, capsys):
    assert compare.main([run(tmp_path / "small.json", 10), run(tmp_path / "large.json", 14)]) == 0
    assert compare.main([run(tmp_path / "small.json", 10), run(tmp_path / "large.json", 16)]) == 1
    assert "Grew by more than 1.5×" in capsys.readouterr().out


def test_several_runs_a_side_compare_their_medians(tmp_path):
    smaller = [run(tmp_path / f"s{n}.json", p95) for n, p95 in enumerate((10, 11, 40))]
    # One slow run on the larger side does not make the page grow; two do.
    larger = [run(tmp_path / f"l{n}.json", p95) for n, p95 in enumerate((12, 13, 90))]
    assert compare.main([*smaller, "--larger", *larger]) == 0
    larger = [run(tmp_path / f"m{n}.json", p95) for n, p95 in enumerate((12, 90, 90))]
    assert compare.main([*smaller, "--larger", *larger]) == 1
