"""The floor plan holds: every app imports only the apps below it (the layers contract in
pyproject.toml, checked by import-linter), so a new import cycle between apps, or an import up a
floor, fails here. No import of the project's own modules is hidden inside a function, where the
contract would still see it but a reader would not."""

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "rodtrad"
# Packages of rodtrad that are not apps of the floor plan: settings and files.
NOT_APPS = {"settings", "static", "templates"}


def contract():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return layers


def test_every_app_has_its_floor():
    listed = {name.strip() for layer in contract() for name in layer.split("|")}
    apps = {path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").exists()}
    assert apps - NOT_APPS <= listed, f"add {sorted(apps - NOT_APPS - listed)} to the layers in pyproject.toml"
    assert "urls" in listed


def test_imports_point_down_and_no_app_imports_another_in_a_circle():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is in requirements-dev.txt"
    done = subprocess.run([lint_imports, "--no-cache"], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "1 kept, 0 broken" in done.stdout


def test_no_import_of_the_project_is_hidden_inside_a_function():
    hidden = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                names = []
                if isinstance(node, ast.ImportFrom):
                    names = [("." * node.level) + (node.module or "")]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                hidden += [
                    f"{path.relative_to(REPO)}:{node.lineno} {name}"
                    for name in names
                    if name.startswith(("rodtrad", "."))
                ]
    assert hidden == []
